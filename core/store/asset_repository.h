#pragma once

#include "result.h"
#include "store/asset.h"

#include <QList>
#include <QString>

#include <optional>

namespace quire {

class Database;

// The assets table.
class AssetRepository
{
public:
    explicit AssetRepository(Database &database);

    // Every asset, by name, without data.
    Result<QList<Asset>> list();
    Result<std::optional<Asset>> findByName(const QString &name, bool withData);
    Result<std::optional<Asset>> findBySha256(const QString &sha256);
    Result<std::optional<Asset>> findById(qint64 id);                // without data
    // The cover image of the post postId, without data; none when the post has no cover.
    Result<std::optional<Asset>> findCoverOf(qint64 postId);
    // Inserts the asset (name, type and hash already checked); fills id and createdAt.
    Result<Asset> insert(Asset asset);
    // Writes the name, type, hash, size, pixel size and data of the asset with asset.id (alt and
    // creation time stay).
    Result<void> updateContent(const Asset &asset);
    Result<void> rename(qint64 id, const QString &name);
    Result<void> setAlt(qint64 id, const QString &alt);
    Result<bool> remove(const QString &name);   // false when there was no such asset

private:
    Database &m_database;
};

} // namespace quire
