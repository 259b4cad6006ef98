#include "markdown/block_line_tracker.h"

#include <algorithm>

namespace quire {

namespace {

// How far back to look for the delimiter before a span's text; formulas cannot hold blank
// lines, so only white space and quote markers lie between.
constexpr size_t MaxBackwardScan = 4096;

bool isBlankLine(std::string_view line, bool quoteMarkersAreContent)
{
    for (char c : line) {
        if (c == ' ' || c == '\t' || (c == '>' && !quoteMarkersAreContent))
            continue;
        return false;
    }
    return true;
}

// "[label]: destination" gives no output of its own.
bool isReferenceDefinition(std::string_view line)
{
    size_t i = 0;
    while (i < line.size() && i < 3 && line[i] == ' ')
        ++i;
    if (i >= line.size() || line[i] != '[')
        return false;
    const size_t close = line.find(']', i + 1);
    return close != std::string_view::npos && close > i + 1 && close + 1 < line.size() && line[close + 1] == ':';
}

bool hasFence(std::string_view line, char fenceChar)
{
    const char fence[] = {fenceChar, fenceChar, fenceChar};
    return line.find(std::string_view(fence, 3)) != std::string_view::npos;
}

} // namespace

BlockLineTracker::BlockLineTracker(std::string_view source)
    : m_source(source)
    , m_lines(source)
{
}

void BlockLineTracker::consumeThrough(const char *end)
{
    m_consumedEnd = std::max(m_consumedEnd, size_t(end - m_source.data()));
}

void BlockLineTracker::consumeLine(int line)
{
    if (line >= 1 && line <= m_lines.lineCount())
        m_consumedEnd = std::max(m_consumedEnd, m_lines.lineStart(line) + 1);
}

int BlockLineTracker::consumedLine() const
{
    return m_consumedEnd == 0 ? 0 : m_lines.lineAt(m_consumedEnd - 1);
}

int BlockLineTracker::nextBlockLine(bool quoteMarkersAreContent) const
{
    const int from = consumedLine() + 1;
    // Remembering the last answer keeps long runs of blank lines from being scanned again and
    // again (hostile input with many empty blocks).
    Scan &scan = m_lastScan[quoteMarkersAreContent ? 1 : 0];
    if (from < scan.from || from > scan.found) {
        scan.from = from;
        scan.found = from;
        while (scan.found <= m_lines.lineCount()) {
            const std::string_view text = m_lines.lineText(scan.found);
            if (!isBlankLine(text, quoteMarkersAreContent) && !isReferenceDefinition(text))
                break;
            ++scan.found;
        }
    }
    return scan.found <= m_lines.lineCount() ? scan.found : std::min(from, m_lines.lineCount());
}

int BlockLineTracker::openingFenceLine(int contentLine, char fenceChar) const
{
    const int after = consumedLine();
    for (int line = contentLine - 1; line > after; --line) {
        if (hasFence(m_lines.lineText(line), fenceChar))
            return line;
    }
    return std::max({1, after + 1, contentLine - 1});
}

int BlockLineTracker::nextFenceLine(char fenceChar) const
{
    for (int line = consumedLine() + 1; line <= m_lines.lineCount(); ++line) {
        if (hasFence(m_lines.lineText(line), fenceChar))
            return line;
    }
    return nextBlockLine();
}

void BlockLineTracker::consumeClosingFence(char fenceChar)
{
    int line = consumedLine() + 1;
    while (line <= m_lines.lineCount() && isBlankLine(m_lines.lineText(line), false))
        ++line;
    if (line <= m_lines.lineCount() && hasFence(m_lines.lineText(line), fenceChar))
        consumeLine(line);
}

void BlockLineTracker::consumeSetextUnderline()
{
    const int line = consumedLine() + 1;
    if (line > m_lines.lineCount())
        return;
    std::string_view text = m_lines.lineText(line);
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '>'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    if (!text.empty() && (text.front() == '=' || text.front() == '-')
        && text.find_first_not_of(text.front()) == std::string_view::npos) {
        consumeLine(line);
    }
}

bool BlockLineTracker::followsHashMarks(const char *p) const
{
    // Span openers may stand between the marks and the text: "# *Title*", "# `code`".
    static constexpr std::string_view Skipped = " \t*_~`[!$<";
    const char *begin = m_source.data();
    const char *limit = size_t(p - begin) > MaxBackwardScan ? p - MaxBackwardScan : begin;
    while (p > limit && Skipped.find(p[-1]) != std::string_view::npos)
        --p;
    return p > begin && p[-1] == '#';
}

int BlockLineTracker::spanStartLine(const char *p, char delimiter) const
{
    const char *begin = m_source.data();
    const char *q = p;
    const char *limit = size_t(p - begin) > MaxBackwardScan ? p - MaxBackwardScan : begin;
    while (q > limit && (q[-1] == ' ' || q[-1] == '\t' || q[-1] == '\n' || q[-1] == '\r' || q[-1] == '>'))
        --q;
    return q > begin && q[-1] == delimiter ? lineAt(q - 1) : lineAt(p);
}

bool BlockLineTracker::isInlineDestination(const char *p) const
{
    const char *begin = m_source.data();
    const char *q = p;
    const char *limit = size_t(p - begin) > MaxBackwardScan ? p - MaxBackwardScan : begin;
    while (q > limit && (q[-1] == ' ' || q[-1] == '\t' || q[-1] == '\n' || q[-1] == '\r' || q[-1] == '<'))
        --q;
    return q > begin && q[-1] == '(';
}

} // namespace quire
