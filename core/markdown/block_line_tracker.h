#pragma once

#include "markdown/line_index.h"

#include <string_view>

namespace quire {

// Finds the source line where each block starts. md4c reports no positions, but the text it
// hands to callbacks points into the source; so a block's line is usually the line of its first
// text. Blocks without text (a rule, an empty code block or table cell) start on the first line
// with content after the last one "consumed" by earlier output; this class keeps that mark and
// knows the few lines that produce no text of their own (closing fences, setext underlines,
// table delimiter rows, link reference definitions).
class BlockLineTracker
{
public:
    explicit BlockLineTracker(std::string_view source);

    bool contains(const char *p) const { return p >= m_source.data() && p < m_source.data() + m_source.size(); }
    int lineAt(const char *p) const { return m_lines.lineAt(size_t(p - m_source.data())); }

    // Output has been written for the source up to `end`.
    void consumeThrough(const char *end);
    // The block on `line` has been written (a rule, a closing fence, a table delimiter row).
    void consumeLine(int line);
    // The last line output so far; 0 before any.
    int consumedLine() const;

    // The line of a block that has no text: the next line with content. Lines holding only
    // quote markers are blank, except when `quoteMarkersAreContent` (an empty block quote).
    int nextBlockLine(bool quoteMarkersAreContent = false) const;
    // The opening fence of a fenced code block whose first text is on `contentLine`.
    int openingFenceLine(int contentLine, char fenceChar) const;
    // The opening fence of a fenced code block without text.
    int nextFenceLine(char fenceChar) const;
    // After a fenced code block: skips its closing fence, when there is one.
    void consumeClosingFence(char fenceChar);
    // After a heading: skips the "===" or "---" line of a setext heading.
    void consumeSetextUnderline();

    // Whether the text at `p` follows "#" marks on its line (an ATX heading).
    bool followsHashMarks(const char *p) const;
    // The line of the `delimiter` ('$' or '`') that opens the span whose text starts at `p`:
    // "$$" may stand on the line before the formula.
    int spanStartLine(const char *p, char delimiter) const;
    // Whether `p` is the destination of an inline link or image, "(...)", rather than that of
    // a reference definition elsewhere in the text.
    bool isInlineDestination(const char *p) const;

private:
    std::string_view m_source;
    LineIndex m_lines;
    size_t m_consumedEnd = 0;   // offset just past the last byte output; 0 before any

    struct Scan
    {
        int from = 0;   // lines from..found-1 are blank
        int found = -1; // the first line with content; lineCount() + 1 when there is none
    };
    mutable Scan m_lastScan[2];
};

} // namespace quire
