#pragma once

#include "result.h"
#include "store/cached_render.h"

#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QString>

#include <optional>

namespace quire {

class Database;

// The render_cache table: rendered math and code by content hash.
class RenderCacheRepository
{
public:
    explicit RenderCacheRepository(Database &database);

    Result<std::optional<CachedRender>> find(const QString &key);
    // Inserts or replaces each entry, with used_at = usedAt. The caller opens the transaction.
    Result<void> store(const QList<CachedRender> &entries, const QDateTime &usedAt);
    // Marks entries as used at usedAt. The caller opens the transaction.
    Result<void> touch(const QStringList &keys, const QDateTime &usedAt);
    // Deletes entries whose used_at is before unusedSince; how many.
    Result<int> prune(const QDateTime &unusedSince);

private:
    Database &m_database;
};

} // namespace quire
