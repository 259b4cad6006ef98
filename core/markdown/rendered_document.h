#pragma once

#include <QList>
#include <QString>

namespace quire {

struct OutlineEntry
{
    int level = 1;      // 1..6
    QString text;       // the heading as plain text
    QString id;         // the id attribute of the heading in the HTML
    int line = 1;       // 1-based source line of the heading
};

// What the renderer makes of one Markdown text.
struct RenderedDocument
{
    QString html;                   // HTML fragment (no <html>/<body>)
    QList<OutlineEntry> outline;    // headings in document order
    int wordCount = 0;              // words of prose (code blocks and math not counted)
    int readingMinutes = 0;         // at 220 words a minute, rounded up; 0 for an empty text
};

} // namespace quire
