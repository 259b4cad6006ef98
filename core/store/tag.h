#pragma once

#include <QString>

namespace quire {

// A tag as the library lists it: names are unique without regard to case.
struct Tag
{
    qint64 id = 0;
    QString name;
    QString slug;
    int postCount = 0;
};

} // namespace quire
