#include "store/asset_repository.h"

#include "store/database.h"

#include <functional>

namespace quire {

namespace {

constexpr char Columns[] = "id, name, mime_type, sha256, size, width, height, alt, created_at";

Asset assetFromRow(const Statement &row, bool withData)
{
    Asset asset;
    asset.id = row.int64(0);
    asset.name = row.text(1);
    asset.mimeType = row.text(2);
    asset.sha256 = row.text(3);
    asset.size = row.int64(4);
    asset.width = int(row.optionalInt(5).value_or(0));
    asset.height = int(row.optionalInt(6).value_or(0));
    asset.alt = row.text(7);
    asset.createdAt = row.time(8);
    if (withData)
        asset.data = row.blob(9);
    return asset;
}

Result<std::optional<Asset>> findOne(Database &database, const QByteArray &sql,
                                     const std::function<void(Statement &)> &bind, bool withData)
{
    Result<Statement> query = database.prepare(sql);
    if (!query)
        return query.error();
    bind(*query);
    const Result<bool> row = query->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<Asset>();
    return std::optional<Asset>(assetFromRow(*query, withData));
}

} // namespace

AssetRepository::AssetRepository(Database &database)
    : m_database(database)
{
}

Result<QList<Asset>> AssetRepository::list()
{
    Result<Statement> query = m_database.prepare(QByteArray("SELECT ") + Columns + " FROM assets ORDER BY name");
    if (!query)
        return query.error();
    QList<Asset> assets;
    Result<void> read = query->forEachRow([&] { assets.append(assetFromRow(*query, false)); });
    if (!read)
        return read.error();
    return assets;
}

Result<std::optional<Asset>> AssetRepository::findByName(const QString &name, bool withData)
{
    const QByteArray sql = QByteArray("SELECT ") + Columns + (withData ? ", data" : "") + " FROM assets WHERE name = ?1";
    return findOne(m_database, sql, [&name](Statement &query) { query.bindText(1, name); }, withData);
}

Result<std::optional<Asset>> AssetRepository::findBySha256(const QString &sha256)
{
    return findOne(m_database, QByteArray("SELECT ") + Columns + " FROM assets WHERE sha256 = ?1",
                   [&sha256](Statement &query) { query.bindText(1, sha256); }, false);
}

Result<std::optional<Asset>> AssetRepository::findById(qint64 id)
{
    return findOne(m_database, QByteArray("SELECT ") + Columns + " FROM assets WHERE id = ?1",
                   [id](Statement &query) { query.bindInt(1, id); }, false);
}

Result<std::optional<Asset>> AssetRepository::findCoverOf(qint64 postId)
{
    return findOne(m_database,
                   QByteArray("SELECT ") + Columns + " FROM assets WHERE id = (SELECT cover_asset_id FROM posts WHERE id = ?1)",
                   [postId](Statement &query) { query.bindInt(1, postId); }, false);
}

Result<Asset> AssetRepository::insert(Asset asset)
{
    Result<Statement> insert = m_database.prepare(
            "INSERT INTO assets (name, mime_type, sha256, size, width, height, alt, created_at, data)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id");
    if (!insert)
        return insert.error();
    insert->bindText(1, asset.name);
    insert->bindText(2, asset.mimeType);
    insert->bindText(3, asset.sha256);
    insert->bindInt(4, asset.size);
    insert->bindOptionalInt(5, asset.width > 0 ? std::optional<qint64>(asset.width) : std::nullopt);
    insert->bindOptionalInt(6, asset.height > 0 ? std::optional<qint64>(asset.height) : std::nullopt);
    insert->bindText(7, asset.alt);
    insert->bindTime(8, asset.createdAt);
    insert->bindBlob(9, asset.data);
    const Result<bool> row = insert->step();
    if (!row)
        return row.error();
    asset.id = insert->int64(0);
    insert->reset();
    return asset;
}

Result<void> AssetRepository::updateContent(const Asset &asset)
{
    Result<Statement> update = m_database.prepare(
            "UPDATE assets SET name = ?2, mime_type = ?3, sha256 = ?4, size = ?5, width = ?6, height = ?7, data = ?8"
            " WHERE id = ?1");
    if (!update)
        return update.error();
    update->bindInt(1, asset.id);
    update->bindText(2, asset.name);
    update->bindText(3, asset.mimeType);
    update->bindText(4, asset.sha256);
    update->bindInt(5, asset.size);
    update->bindOptionalInt(6, asset.width > 0 ? std::optional<qint64>(asset.width) : std::nullopt);
    update->bindOptionalInt(7, asset.height > 0 ? std::optional<qint64>(asset.height) : std::nullopt);
    update->bindBlob(8, asset.data);
    return update->run();
}

Result<void> AssetRepository::rename(qint64 id, const QString &name)
{
    Result<Statement> update = m_database.prepare("UPDATE assets SET name = ?2 WHERE id = ?1");
    if (!update)
        return update.error();
    update->bindInt(1, id);
    update->bindText(2, name);
    return update->run();
}

Result<void> AssetRepository::setAlt(qint64 id, const QString &alt)
{
    Result<Statement> update = m_database.prepare("UPDATE assets SET alt = ?2 WHERE id = ?1");
    if (!update)
        return update.error();
    update->bindInt(1, id);
    update->bindText(2, alt);
    return update->run();
}

Result<bool> AssetRepository::remove(const QString &name)
{
    Result<Statement> remove = m_database.prepare("DELETE FROM assets WHERE name = ?1");
    if (!remove)
        return remove.error();
    remove->bindText(1, name);
    if (Result<void> removed = remove->run(); !removed)
        return removed.error();
    return m_database.changes() > 0;
}

} // namespace quire
