#pragma once

#include <QTextCharFormat>

#include <array>

class QFont;
class QPalette;

namespace quire {

// The character formats of the Markdown highlighter, derived from the editor's palette so they
// read on a light or a dark background.
struct HighlightStyle
{
    std::array<QTextCharFormat, 6> heading;   // # … ######
    QTextCharFormat marker;                   // #, >, list bullets, fences, pipes: dimmed
    QTextCharFormat emphasis;
    QTextCharFormat strong;
    QTextCharFormat strikethrough;
    QTextCharFormat code;                     // code spans and fenced code
    QTextCharFormat math;
    QTextCharFormat linkText;
    QTextCharFormat url;                      // link destinations, autolinks, bare URLs
    QTextCharFormat html;
    QTextCharFormat quote;
    QTextCharFormat footnote;
    QTextCharFormat taskBox;
    QColor misspelled;

    static HighlightStyle fromPalette(const QPalette &palette, const QFont &font);
};

} // namespace quire
