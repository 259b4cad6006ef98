#pragma once

#include "result.h"

#include <QString>

namespace quire {

class Database;

// Finds a free slug in a table whose slug column is unique: the slug made from the wanted text,
// else the same with "-2", "-3"… appended.
class SlugAllocator
{
public:
    enum class Table { Posts, Tags };

    // The slug made from wanted, or fallback when wanted has nothing a slug can be made of.
    static QString base(const QString &wanted, const QString &fallback);

    // Whether slug is what unique() could have made from wanted: the base itself or the base
    // with "-n" appended. How the window tells a slug that follows the title from one chosen by hand.
    static bool isDerivedFrom(const QString &slug, const QString &wanted, const QString &fallback);

    // fallback is used when wanted has nothing a slug can be made of ("post", "tag").
    // The row exceptId may keep its own slug (0: no row is excepted).
    static Result<QString> unique(Database &database, Table table, const QString &wanted,
                                  const QString &fallback, qint64 exceptId = 0);
};

} // namespace quire
