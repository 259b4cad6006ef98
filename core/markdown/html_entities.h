#pragma once

#include <string>
#include <string_view>

namespace quire {

// What HTML character references stand for, for the plain text Quire keeps beside the HTML
// (heading ids, the outline). The HTML itself keeps references as written: browsers decode them.
class HtmlEntities
{
public:
    // Appends the character an entity ("&amp;", "&#955;", "&#x3bb;") stands for. Numeric
    // references and the common named ones are decoded; other names are appended as written.
    static void appendDecoded(std::string &out, std::string_view entity);
    // Appends c as UTF-8; U+FFFD for NUL, surrogates and values beyond Unicode.
    static void appendCodePoint(std::string &out, char32_t c);
};

} // namespace quire
