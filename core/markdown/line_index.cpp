#include "markdown/line_index.h"

#include <algorithm>
#include <cstring>

namespace quire {

LineIndex::LineIndex(std::string_view text)
    : m_text(text)
{
    m_starts.reserve(text.size() / 40 + 1);
    m_starts.push_back(0);
    const char *begin = text.data();
    const char *end = begin + text.size();
    if (!std::memchr(begin, '\r', text.size())) {
        // The common case: memchr finds each line break at memory speed.
        for (const char *p = begin; (p = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p))));) {
            ++p;
            m_starts.push_back(uint32_t(p - begin));
        }
        return;
    }
    for (const char *p = begin; p < end; ++p) {
        if (*p == '\r' && p + 1 < end && p[1] == '\n')
            ++p;
        if (*p == '\n' || *p == '\r')
            m_starts.push_back(uint32_t(p + 1 - begin));
    }
}

int LineIndex::lineAt(size_t offset) const
{
    const auto next = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
    return int(next - m_starts.begin());
}

std::string_view LineIndex::lineText(int line) const
{
    const size_t start = lineStart(line);
    size_t end = line < lineCount() ? m_starts[size_t(line)] : m_text.size();
    if (line < lineCount()) {
        // Drop the line break: "\n", "\r\n" or "\r".
        if (end > start && m_text[end - 1] == '\n')
            --end;
        if (end > start && m_text[end - 1] == '\r')
            --end;
    }
    return m_text.substr(start, end - start);
}

} // namespace quire
