#pragma once

#include <md4c.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace quire {

class OpenBlocks;

// Whether the paragraph being written is a single $$display formula$$ and nothing else. md4c
// reads $$…$$ as a span inside a paragraph; a paragraph that holds only that is a display
// formula block, not text. Decided when the paragraph closes, from what HtmlWriter reports of it
// while writing; positions are offsets into the writer's output.
class DisplayMathParagraph
{
public:
    // "<p" was just written at start.
    void open(size_t start);

    // A span opens directly inside the paragraph (inParagraph) or deeper.
    void noteSpan(MD_SPANTYPE type, bool inParagraph);
    void noteText(MD_TEXTTYPE type, std::string_view text);
    // The display formula's TeX begins or ends at position.
    void formulaStarts(size_t position);
    void formulaEnds(size_t position);
    // The writer inserted data-line attributes before these positions.
    void shift(const OpenBlocks &blocks);

    // Closes the paragraph in out: "</p>", or the whole paragraph rewritten as a display formula
    // block carrying the paragraph's data-line.
    void close(std::string &out, const OpenBlocks &blocks);

private:
    enum class State { Closed, Empty, InMath, MathOnly, Mixed };
    State m_state = State::Closed;
    size_t m_start = 0;       // offset of "<p"
    size_t m_mathStart = 0;   // the formula's escaped TeX in the output
    size_t m_mathEnd = 0;
};

} // namespace quire
