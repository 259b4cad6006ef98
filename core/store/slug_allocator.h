#pragma once

#include "result.h"

#include <QString>

namespace quire {

class Database;

// Finds a free slug in a table whose slug column is unique: the wanted one, else the same with
// "-2", "-3"… appended.
class SlugAllocator
{
public:
    enum class Table { Posts, Tags };

    // The slug made from wanted (Slug::fromText), or fallback when wanted has nothing a slug
    // can be made of: how tags get theirs. A post's comes from PostRules.
    static QString base(const QString &wanted, const QString &fallback);

    // Whether slug is base or base with "-n" appended: what unique() can make of base.
    static bool isNumbered(const QString &slug, const QString &base);

    // base when no other row has it, else base with the lowest free "-n" (n from 2). The row
    // exceptId may keep its own slug (0: no row is excepted).
    static Result<QString> unique(Database &database, Table table, const QString &base, qint64 exceptId = 0);
};

} // namespace quire
