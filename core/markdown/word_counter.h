#pragma once

#include <string_view>

namespace quire {

// Counts words in prose fed to it piece by piece. A word is a run of characters between
// white space that holds at least one letter or digit, so "x86-64" is one word and a lone "-"
// or "—" is none. Characters of other scripts count as letters, punctuation of U+2000..U+2FFF
// does not.
class WordCounter
{
public:
    void addText(std::string_view text);
    // Something that separates words: a block boundary, a line break, a formula.
    void addBreak() { m_inWord = false; }
    int count() const { return m_count; }

private:
    int m_count = 0;
    bool m_inWord = false;  // the current run of non-space characters has been counted
};

} // namespace quire
