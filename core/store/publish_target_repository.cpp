#include "store/publish_target_repository.h"

#include "store/database.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

namespace quire {

namespace {

constexpr const char *Columns = "SELECT id, name, kind, config FROM publish_targets";

Result<PublishTargetRecord> targetFromRow(const Statement &row)
{
    const QString name = row.text(1);
    QJsonParseError parsed;
    const QJsonDocument config = QJsonDocument::fromJson(row.text(3).toUtf8(), &parsed);
    if (parsed.error != QJsonParseError::NoError || !config.isObject()) {
        return Error{QCoreApplication::translate("quire::Library",
                                                 "The settings of the publish target “%1” are damaged; remove the "
                                                 "target and add it again.").arg(name)};
    }
    return PublishTargetRecord{row.int64(0), name, row.text(2), config.object()};
}

QString configText(const PublishTargetRecord &target)
{
    return QString::fromUtf8(QJsonDocument(target.config).toJson(QJsonDocument::Compact));
}

} // namespace

PublishTargetRepository::PublishTargetRepository(Database &database)
    : m_database(database)
{
}

Result<QList<PublishTargetRecord>> PublishTargetRepository::all()
{
    Result<Statement> query = m_database.prepare(QByteArray(Columns) + " ORDER BY name COLLATE NOCASE, id");
    if (!query)
        return query.error();
    QList<PublishTargetRecord> targets;
    std::optional<Error> broken;
    Result<void> read = query->forEachRow([&] {
        Result<PublishTargetRecord> target = targetFromRow(*query);
        if (target)
            targets.append(*target);
        else if (!broken)
            broken = target.error();
    });
    if (!read)
        return read.error();
    if (broken)
        return *broken;
    return targets;
}

Result<std::optional<PublishTargetRecord>> PublishTargetRepository::find(const QString &name)
{
    Result<Statement> query = m_database.prepare(QByteArray(Columns) + " WHERE name = ?1 COLLATE NOCASE");
    if (!query)
        return query.error();
    query->bindText(1, name);
    const Result<bool> row = query->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<PublishTargetRecord>();
    Result<PublishTargetRecord> target = targetFromRow(*query);
    if (!target)
        return target.error();
    return std::optional<PublishTargetRecord>(*target);
}

Result<std::optional<qint64>> PublishTargetRepository::nameOwner(const QString &name, qint64 exceptId)
{
    Result<Statement> query = m_database.prepare("SELECT id FROM publish_targets WHERE name = ?1 COLLATE NOCASE AND id <> ?2");
    if (!query)
        return query.error();
    query->bindText(1, name);
    query->bindInt(2, exceptId);
    const Result<bool> row = query->step();
    if (!row)
        return row.error();
    return *row ? std::optional<qint64>(query->int64(0)) : std::nullopt;
}

Result<qint64> PublishTargetRepository::insert(const PublishTargetRecord &target)
{
    Result<Statement> insert = m_database.prepare("INSERT INTO publish_targets (name, kind, config) VALUES (?1, ?2, ?3)");
    if (!insert)
        return insert.error();
    insert->bindText(1, target.name);
    insert->bindText(2, target.kind);
    insert->bindText(3, configText(target));
    if (Result<void> ran = insert->run(); !ran)
        return ran.error();
    return m_database.lastInsertId();
}

Result<bool> PublishTargetRepository::update(const PublishTargetRecord &target)
{
    Result<Statement> update = m_database.prepare("UPDATE publish_targets SET name = ?2, kind = ?3, config = ?4 WHERE id = ?1");
    if (!update)
        return update.error();
    update->bindInt(1, target.id);
    update->bindText(2, target.name);
    update->bindText(3, target.kind);
    update->bindText(4, configText(target));
    if (Result<void> ran = update->run(); !ran)
        return ran.error();
    return m_database.changes() > 0;
}

Result<bool> PublishTargetRepository::remove(const QString &name)
{
    Result<Statement> remove = m_database.prepare("DELETE FROM publish_targets WHERE name = ?1 COLLATE NOCASE");
    if (!remove)
        return remove.error();
    remove->bindText(1, name);
    if (Result<void> ran = remove->run(); !ran)
        return ran.error();
    return m_database.changes() > 0;
}

} // namespace quire
