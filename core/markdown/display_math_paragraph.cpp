#include "markdown/display_math_paragraph.h"

#include "markdown/open_blocks.h"

#include <algorithm>

namespace quire {

namespace {

bool isWhiteSpace(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\n'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n'))
        text.remove_suffix(1);
    return text;
}

} // namespace

void DisplayMathParagraph::open(size_t start)
{
    m_state = State::Empty;
    m_start = start;
    m_mathStart = m_mathEnd = 0;
}

void DisplayMathParagraph::noteSpan(MD_SPANTYPE type, bool inParagraph)
{
    if (m_state == State::Closed || m_state == State::Mixed)
        return;
    const bool startsFormula = type == MD_SPAN_LATEXMATH_DISPLAY && m_state == State::Empty && inParagraph;
    m_state = startsFormula ? State::InMath : State::Mixed;
}

void DisplayMathParagraph::noteText(MD_TEXTTYPE type, std::string_view text)
{
    if (m_state != State::Empty && m_state != State::MathOnly)
        return;
    if (type == MD_TEXT_SOFTBR || (type == MD_TEXT_NORMAL && isWhiteSpace(text)))
        return;
    m_state = State::Mixed;
}

void DisplayMathParagraph::formulaStarts(size_t position)
{
    if (m_state == State::InMath)
        m_mathStart = position;
}

void DisplayMathParagraph::formulaEnds(size_t position)
{
    if (m_state != State::InMath)
        return;
    m_mathEnd = position;
    m_state = State::MathOnly;
}

void DisplayMathParagraph::shift(const OpenBlocks &blocks)
{
    if (m_state == State::Closed)
        return;
    m_start = blocks.shifted(m_start);
    m_mathStart = blocks.shifted(m_mathStart);
    m_mathEnd = blocks.shifted(m_mathEnd);
}

void DisplayMathParagraph::close(std::string &out, const OpenBlocks &blocks)
{
    if (m_state == State::MathOnly) {
        const std::string tex(trimmed(std::string_view(out).substr(m_mathStart, m_mathEnd - m_mathStart)));
        out.resize(m_start);
        out += "<div class=\"math display\"";
        blocks.appendDataLine(out, blocks.back().line);
        out += '>';
        out += tex;
        out += "</div>\n";
    } else {
        out += "</p>\n";
    }
    m_state = State::Closed;
}

} // namespace quire
