#include "markdown/html_entities.h"

#include <charconv>
#include <utility>

namespace quire {

void HtmlEntities::appendCodePoint(std::string &out, char32_t c)
{
    if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        out += "\xEF\xBF\xBD";   // U+FFFD
    } else if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

void HtmlEntities::appendDecoded(std::string &out, std::string_view entity)
{
    const std::string_view name = entity.substr(1, entity.size() >= 2 ? entity.size() - 2 : 0);
    if (name.size() > 1 && name[0] == '#') {
        const bool hex = name[1] == 'x' || name[1] == 'X';
        const std::string_view digits = name.substr(hex ? 2 : 1);
        unsigned long value = 0;
        const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), value, hex ? 16 : 10);
        if (result.ec == std::errc() && result.ptr == digits.data() + digits.size()) {
            appendCodePoint(out, value > 0x10FFFF ? 0xFFFD : char32_t(value));
            return;
        }
    }
    static constexpr std::pair<std::string_view, std::string_view> Named[] = {
        {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "},
    };
    for (const auto &[entityName, text] : Named) {
        if (name == entityName) {
            out += text;
            return;
        }
    }
    out += entity;
}

} // namespace quire
