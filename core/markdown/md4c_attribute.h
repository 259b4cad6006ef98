#pragma once

#include <md4c.h>

#include <string>

namespace quire {

// An attribute md4c reports (a link's destination or title, an image's source, a code block's
// language) as HTML attribute text: escaped, or URL-encoded for destinations. Entities stay as
// written (they are already valid HTML); a NUL becomes U+FFFD.
class Md4cAttribute
{
public:
    static void append(std::string &out, const MD_ATTRIBUTE &attribute, bool isUrl);
};

} // namespace quire
