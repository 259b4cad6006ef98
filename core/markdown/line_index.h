#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace quire {

// The start of every line of a text, for turning byte offsets into 1-based line numbers.
// Line breaks are "\n", "\r\n" and a lone "\r", as in CommonMark.
class LineIndex
{
public:
    explicit LineIndex(std::string_view text);

    int lineCount() const { return int(m_starts.size()); }
    // The line holding the byte at `offset` (an offset at the very end belongs to the last line).
    int lineAt(size_t offset) const;
    size_t lineStart(int line) const { return m_starts[size_t(line - 1)]; }
    // The text of `line` without its line break.
    std::string_view lineText(int line) const;

private:
    std::string_view m_text;
    std::vector<uint32_t> m_starts;
};

} // namespace quire
