#include "markdown/word_counter.h"

#include <array>

namespace quire {

namespace {

// Two bits per byte: WordChar starts or continues a word, Keep leaves the state as it is
// (punctuation), neither (white space) ends the word.
enum CharClass : unsigned char { Space = 0, Keep = 1, WordChar = 2 };

constexpr std::array<unsigned char, 256> makeClasses()
{
    std::array<unsigned char, 256> table{};
    table.fill(Keep);
    for (int c = '0'; c <= '9'; ++c)
        table[size_t(c)] = WordChar;
    for (int c = 'a'; c <= 'z'; ++c)
        table[size_t(c)] = WordChar;
    for (int c = 'A'; c <= 'Z'; ++c)
        table[size_t(c)] = WordChar;
    // UTF-8: a lead byte starts a letter of another script. Continuation bytes change nothing,
    // and neither do sequences led by C2 or E2 (U+0080..U+00BF and U+2000..U+2FFF: no-break
    // space, dashes, quotes, ellipsis, arrows, symbols), so a lone "—" is not a word.
    for (int c = 0xC3; c <= 0xF4; ++c)
        table[size_t(c)] = WordChar;
    table[0xE2] = Keep;
    for (char c : std::string_view(" \t\n\r\f\v"))
        table[static_cast<unsigned char>(c)] = Space;
    return table;
}

constexpr std::array<unsigned char, 256> Classes = makeClasses();

} // namespace

// Branch-free: prose alternates letters and spaces too irregularly for branch prediction.
void WordCounter::addText(std::string_view text)
{
    unsigned count = 0;
    unsigned inWord = m_inWord ? 1 : 0;
    for (char c : text) {
        const unsigned charClass = Classes[static_cast<unsigned char>(c)];
        const unsigned isWordChar = charClass >> 1;
        count += isWordChar & (inWord ^ 1);
        inWord = isWordChar | (inWord & charClass);
    }
    m_count += int(count);
    m_inWord = inWord != 0;
}

} // namespace quire
