#pragma once

#include "markdown/rendered_document.h"

#include <QByteArray>
#include <QString>

namespace quire {

// Turns Markdown into an HTML fragment with md4c's parser and Quire's own HTML output:
// CommonMark + tables, task lists, strikethrough, autolinks, $math$ / $$math$$, footnotes,
// heading ids, and data-line attributes (1-based source lines) on block elements.
// Pure: no files, no settings, safe to call from any thread.
class MarkdownRenderer
{
public:
    struct Options
    {
        int firstLine = 1;   // source line of the text's first line (when front matter was cut off)
    };

    static RenderedDocument render(const QString &markdown, const Options &options);
    static RenderedDocument render(const QString &markdown) { return render(markdown, Options{}); }
    // The same from UTF-8 bytes (no conversion; the fast path for large inputs).
    static RenderedDocument renderUtf8(const QByteArray &markdown, const Options &options);
    static RenderedDocument renderUtf8(const QByteArray &markdown) { return renderUtf8(markdown, Options{}); }
};

} // namespace quire
