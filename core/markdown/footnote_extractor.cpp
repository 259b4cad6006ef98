#include "markdown/footnote_extractor.h"

#include <cstring>

namespace quire {

namespace {

constexpr size_t MaxLabelLength = 100;

bool isBlankChar(char c)
{
    return c == ' ' || c == '\t';
}

bool isBlank(std::string_view line)
{
    for (char c : line) {
        if (!isBlankChar(c))
            return false;
    }
    return true;
}

// Walks a text line by line; line breaks are "\n", "\r\n" or "\r".
class LineCursor
{
public:
    explicit LineCursor(std::string_view text)
        : m_text(text)
        , m_hasCarriageReturns(std::memchr(text.data(), '\r', text.size()) != nullptr)
    {
        advance(0);
    }

    bool atEnd() const { return m_atEnd; }
    std::string_view line() const { return m_text.substr(m_start, m_end - m_start); }
    size_t start() const { return m_start; }
    int number() const { return m_number; }
    void next()
    {
        ++m_number;
        advance(m_next);
    }

private:
    void advance(size_t from)
    {
        if (from > m_text.size()) {
            m_atEnd = true;
            return;
        }
        m_start = from;
        if (!m_hasCarriageReturns) {
            const void *lf = std::memchr(m_text.data() + from, '\n', m_text.size() - from);
            m_end = lf ? size_t(static_cast<const char *>(lf) - m_text.data()) : m_text.size();
        } else {
            m_end = from;
            while (m_end < m_text.size() && m_text[m_end] != '\n' && m_text[m_end] != '\r')
                ++m_end;
        }
        m_next = m_end + 1;
        if (m_end < m_text.size() && m_text[m_end] == '\r' && m_next < m_text.size() && m_text[m_next] == '\n')
            ++m_next;
    }

    std::string_view m_text;
    bool m_hasCarriageReturns;
    bool m_atEnd = false;
    size_t m_start = 0;
    size_t m_end = 0;
    size_t m_next = 0;
    int m_number = 1;
};

// What is left of a line after block quote markers and list item markers, which may come
// before a code fence.
std::string_view withoutContainerMarkers(std::string_view line)
{
    size_t i = 0;
    for (;;) {
        while (i < line.size() && isBlankChar(line[i]))
            ++i;
        if (i < line.size() && line[i] == '>') {
            ++i;
            continue;
        }
        size_t marker = i;
        if (marker < line.size() && (line[marker] == '-' || line[marker] == '+' || line[marker] == '*')) {
            ++marker;
        } else {
            while (marker < line.size() && marker - i < 9 && line[marker] >= '0' && line[marker] <= '9')
                ++marker;
            if (marker == i || marker >= line.size() || (line[marker] != '.' && line[marker] != ')'))
                break;
            ++marker;
        }
        if (marker < line.size() && isBlankChar(line[marker])) {
            i = marker;
            continue;
        }
        break;
    }
    return line.substr(i);
}

size_t runLength(std::string_view text, char c)
{
    size_t n = 0;
    while (n < text.size() && text[n] == c)
        ++n;
    return n;
}

struct Fence
{
    char marker = 0;    // '`' or '~'; 0 outside fenced code
    size_t length = 0;
};

Fence openingFence(std::string_view line)
{
    const std::string_view rest = withoutContainerMarkers(line);
    if (rest.empty() || (rest[0] != '`' && rest[0] != '~'))
        return {};
    const size_t length = runLength(rest, rest[0]);
    if (length < 3)
        return {};
    // A backtick fence's info string has no backticks ("```a```" is a code span).
    if (rest[0] == '`' && rest.find('`', length) != std::string_view::npos)
        return {};
    return {rest[0], length};
}

bool closesFence(std::string_view line, const Fence &fence)
{
    const std::string_view rest = withoutContainerMarkers(line);
    const size_t length = runLength(rest, fence.marker);
    return length >= fence.length && isBlank(rest.substr(length));
}

// "[^label]:" with at most three spaces before it. Sets the label and where the content starts.
bool isDefinitionStart(std::string_view line, std::string_view *label, size_t *contentStart)
{
    size_t i = 0;
    while (i < line.size() && i < 3 && line[i] == ' ')
        ++i;
    if (line.substr(i, 2) != "[^")
        return false;
    i += 2;
    const size_t length = FootnoteExtractor::labelLength(line.substr(i));
    if (length == 0 || i + length + 1 >= line.size() || line[i + length + 1] != ':')
        return false;
    *label = line.substr(i, length);
    i += length + 2;
    while (i < line.size() && isBlankChar(line[i]))
        ++i;
    *contentStart = i;
    return true;
}

// Four columns of indent, a tab reaching to the next multiple of four.
bool isIndented(std::string_view line)
{
    int column = 0;
    for (char c : line) {
        if (c == ' ')
            ++column;
        else if (c == '\t')
            column += 4 - column % 4;
        else
            return false;
        if (column >= 4)
            return true;
    }
    return false;
}

std::string_view withoutIndent(std::string_view line)
{
    int column = 0;
    size_t i = 0;
    while (i < line.size() && column < 4) {
        column += line[i] == '\t' ? 4 - column % 4 : 1;
        ++i;
    }
    return line.substr(i);
}

void blankOut(std::string &text, size_t start, size_t length)
{
    std::memset(text.data() + start, ' ', length);
}

} // namespace

size_t FootnoteExtractor::labelLength(std::string_view text)
{
    for (size_t i = 0; i < text.size() && i <= MaxLabelLength; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == ']')
            return i;
        if (c <= ' ' || c == '[' || c == 0x7F)
            return 0;
    }
    return 0;
}

FootnoteExtractor::Result FootnoteExtractor::extract(std::string_view markdown)
{
    Result result;
    Fence fence;
    LineCursor cursor(markdown);
    while (!cursor.atEnd()) {
        const std::string_view line = cursor.line();
        if (fence.marker) {
            if (closesFence(line, fence))
                fence = {};
            cursor.next();
            continue;
        }
        fence = openingFence(line);
        std::string_view label;
        size_t contentStart = 0;
        if (fence.marker || !isDefinitionStart(line, &label, &contentStart)) {
            cursor.next();
            continue;
        }
        if (result.text.empty())
            result.text.assign(markdown);
        FootnoteDefinition definition{std::string(label), std::string(line.substr(contentStart)), cursor.number()};
        blankOut(result.text, cursor.start(), line.size());
        cursor.next();
        // Continuation lines; blank lines count only when an indented line follows them.
        int blankLines = 0;
        while (!cursor.atEnd()) {
            const std::string_view next = cursor.line();
            if (isBlank(next)) {
                ++blankLines;
            } else if (isIndented(next)) {
                definition.content.append(size_t(blankLines) + 1, '\n');
                definition.content.append(withoutIndent(next));
                blankOut(result.text, cursor.start(), next.size());
                blankLines = 0;
            } else {
                break;
            }
            cursor.next();
        }
        result.definitions.push_back(std::move(definition));
    }
    return result;
}

} // namespace quire
