#include "store/slug_allocator.h"

#include "markdown/slug.h"
#include "store/database.h"

#include <QSet>

namespace quire {

namespace {

// Slugs equal to base or starting with "base-": '.' follows '-' in byte order, so the range
// stays on the unique index instead of scanning the table.
QByteArray takenSlugsSql(SlugAllocator::Table table)
{
    const QByteArray name = table == SlugAllocator::Table::Posts ? "posts" : "tags";
    return "SELECT slug FROM " + name + " WHERE (slug = ?1 OR (slug > ?1 || '-' AND slug < ?1 || '.'))"
           " AND id <> ?2";
}

// The n of "base-n", or 0 when slug is base itself or something else.
qint64 suffixNumber(const QString &slug, const QString &base)
{
    if (slug.size() <= base.size() + 1 || !slug.startsWith(base) || slug.at(base.size()) != QLatin1Char('-'))
        return 0;
    const QStringView digits = QStringView(slug).mid(base.size() + 1);
    if (digits.startsWith(QLatin1Char('0')))
        return 0;
    bool isNumber = false;
    const qint64 number = digits.toLongLong(&isNumber);
    return isNumber && number > 0 ? number : 0;
}

} // namespace

QString SlugAllocator::base(const QString &wanted, const QString &fallback)
{
    const QString slug = Slug::fromText(wanted);
    return slug.isEmpty() ? fallback : slug;
}

bool SlugAllocator::isNumbered(const QString &slug, const QString &base)
{
    return slug == base || suffixNumber(slug, base) != 0;
}

Result<QString> SlugAllocator::unique(Database &database, Table table, const QString &base, qint64 exceptId)
{
    Result<Statement> query = database.prepare(takenSlugsSql(table));
    if (!query)
        return query.error();
    query->bindText(1, base);
    query->bindInt(2, exceptId);

    bool baseTaken = false;
    QSet<qint64> takenNumbers;
    const Result<void> read = query->forEachRow([&] {
        const QString slug = query->text(0);
        if (slug == base)
            baseTaken = true;
        else if (const qint64 number = suffixNumber(slug, base))
            takenNumbers.insert(number);
    });
    if (!read)
        return read.error();
    if (!baseTaken)
        return base;
    qint64 number = 2;
    while (takenNumbers.contains(number))
        ++number;
    return base + QLatin1Char('-') + QString::number(number);
}

} // namespace quire
