#include "store/render_cache_repository.h"

#include "store/database.h"
#include "store/timestamp.h"

namespace quire {

RenderCacheRepository::RenderCacheRepository(Database &database)
    : m_database(database)
{
}

Result<std::optional<CachedRender>> RenderCacheRepository::find(const QString &key)
{
    Result<Statement> query = m_database.prepare(
            "SELECT html, error, highlighted, used_at FROM render_cache WHERE key = ?1");
    if (!query)
        return query.error();
    query->bindText(1, key);
    const Result<bool> row = query->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<CachedRender>();
    return std::optional<CachedRender>(CachedRender{key, query->text(0), query->text(1), query->int64(2) != 0, query->time(3)});
}

Result<void> RenderCacheRepository::store(const QList<CachedRender> &entries, const QDateTime &usedAt)
{
    Result<Statement> upsert = m_database.prepare(
            "INSERT INTO render_cache (key, html, error, highlighted, used_at) VALUES (?1, ?2, ?3, ?4, ?5)"
            " ON CONFLICT (key) DO UPDATE SET html = excluded.html, error = excluded.error,"
            " highlighted = excluded.highlighted, used_at = excluded.used_at");
    if (!upsert)
        return upsert.error();
    const QString usedAtText = Timestamp::toText(usedAt);
    for (const CachedRender &entry : entries) {
        upsert->reset();
        upsert->bindText(1, entry.key);
        upsert->bindText(2, entry.html);
        upsert->bindText(3, entry.error);
        upsert->bindInt(4, entry.highlighted ? 1 : 0);
        upsert->bindText(5, usedAtText);
        if (Result<void> stored = upsert->run(); !stored)
            return stored;
    }
    return {};
}

Result<void> RenderCacheRepository::touch(const QStringList &keys, const QDateTime &usedAt)
{
    Result<Statement> update = m_database.prepare("UPDATE render_cache SET used_at = ?2 WHERE key = ?1");
    if (!update)
        return update.error();
    const QString usedAtText = Timestamp::toText(usedAt);
    for (const QString &key : keys) {
        update->reset();
        update->bindText(1, key);
        update->bindText(2, usedAtText);
        if (Result<void> updated = update->run(); !updated)
            return updated;
    }
    return {};
}

Result<int> RenderCacheRepository::prune(const QDateTime &unusedSince)
{
    Result<Statement> remove = m_database.prepare("DELETE FROM render_cache WHERE used_at < ?1");
    if (!remove)
        return remove.error();
    // Timestamps are fixed-width UTC text, so text order is time order.
    remove->bindText(1, Timestamp::toText(unusedSince));
    if (Result<void> ran = remove->run(); !ran)
        return ran.error();
    return m_database.changes();
}

} // namespace quire
