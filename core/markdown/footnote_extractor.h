#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace quire {

// One "[^label]: text" definition found in a Markdown text.
struct FootnoteDefinition
{
    std::string label;      // as written between "[^" and "]"
    std::string content;    // its Markdown; continuation lines without their indent
    int line = 1;           // 1-based line of "[^label]:"; content line k is at line + k - 1
};

// Footnotes are not part of md4c. Before parsing, this line-based pass takes the definitions
// out of the text: a line "[^label]: text" (at most 3 spaces indent) and the lines that continue
// it (indented by 4 spaces or a tab; blank lines in between are kept when an indented line
// follows). Their characters are replaced by spaces, so every line keeps its number and every
// byte its offset. Fenced code blocks are left alone.
class FootnoteExtractor
{
public:
    struct Result
    {
        std::string text;   // the text without definitions; empty when it had none
        std::vector<FootnoteDefinition> definitions;   // in text order
    };

    static Result extract(std::string_view markdown);

    // The length of the footnote label at the start of `text` (the part after "[^"),
    // when a "]" closes it: no white space or brackets, at most 100 bytes. 0 when none.
    static size_t labelLength(std::string_view text);
};

} // namespace quire
