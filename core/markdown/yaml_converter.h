#pragma once

#include "result.h"

#include <QJsonObject>

namespace YAML {
class Node;
}

namespace quire {

// Turns a parsed YAML mapping into JSON the way front matter needs it: maps become objects,
// sequences arrays; plain true/false become booleans, plain numbers numbers, null and ~ null;
// everything else, and every quoted scalar, stays a string (dates too).
class YamlConverter
{
public:
    static constexpr int MaxDepth = 64;
    static constexpr int MaxValues = 100000;   // aliases can make a small text huge

    // `firstLine` is the file line of the YAML's first line, for error messages.
    static Result<QJsonObject> toObject(const YAML::Node &root, int firstLine);
};

} // namespace quire
