#pragma once

#include <QString>

namespace quire {

// URL- and file-safe identifiers made from titles and headings.
class Slug
{
public:
    // Unicode-aware: lower-case letters and digits of any script kept (NFKC), everything else
    // becomes a single '-', no leading/trailing '-', no path separators, no "..", no control
    // characters, at most 80 characters (cut at a '-' where possible). May return "".
    static QString fromText(const QString &text);
};

} // namespace quire
