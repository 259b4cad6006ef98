#pragma once

#include <QString>

#include <string>
#include <string_view>

namespace quire {

// Appends text to UTF-8 HTML output with the few replacements HTML needs.
class HtmlEscaper
{
public:
    // Text, attribute values and code: '&', '<', '>' and '"' become entities.
    static void appendEscaped(std::string &out, std::string_view text);
    // A URL in an href or src attribute: unsafe and non-ASCII bytes percent-encoded,
    // '&' written as "&amp;"; existing %XX escapes are kept.
    static void appendUrl(std::string &out, std::string_view url);
    // Back to text: the entities above, &#39; and &nbsp;. Other entities stay as they are.
    static QString unescape(QString html);
};

} // namespace quire
