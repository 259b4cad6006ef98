#include "markdown/md4c_attribute.h"

#include "markdown/html_escaper.h"

#include <string_view>

namespace quire {

void Md4cAttribute::append(std::string &out, const MD_ATTRIBUTE &attribute, bool isUrl)
{
    constexpr std::string_view ReplacementCharacter = "\xEF\xBF\xBD";   // U+FFFD
    for (size_t i = 0; attribute.substr_offsets[i] < attribute.size; ++i) {
        const MD_OFFSET offset = attribute.substr_offsets[i];
        const std::string_view part(attribute.text + offset, attribute.substr_offsets[i + 1] - offset);
        switch (attribute.substr_types[i]) {
        case MD_TEXT_ENTITY:
            out += part;   // already valid HTML, and the browser decodes it
            break;
        case MD_TEXT_NULLCHAR:
            if (isUrl)
                HtmlEscaper::appendUrl(out, ReplacementCharacter);
            else
                out += ReplacementCharacter;
            break;
        default:
            if (isUrl)
                HtmlEscaper::appendUrl(out, part);
            else
                HtmlEscaper::appendEscaped(out, part);
            break;
        }
    }
}

} // namespace quire
