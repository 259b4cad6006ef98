#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace quire {

// Turns the generator-only markup of a post into plain Markdown, since Quire renders Markdown
// alone: Jekyll's {% highlight lang [linenos] %}…{% endhighlight %} becomes a fenced code block,
// Hugo's {{< figure src alt caption >}} (or {{% figure %}}) an image with the caption in italics
// below, and {% raw %}/{% endraw %} go (their content stays, untouched). Any other Liquid tag or
// Hugo shortcode stays as written, with a warning naming it. Fenced code blocks are left alone.
class ShortcodeConverter
{
    Q_DECLARE_TR_FUNCTIONS(ShortcodeConverter)

public:
    struct Converted
    {
        QString body;
        QStringList warnings;
    };

    static Converted convert(const QString &body);

private:
    static QString convertHighlights(const QString &text);
    static QString convertFigures(const QString &text);
    static void warnUnsupported(const QString &text, QStringList &warnings);
};

} // namespace quire
