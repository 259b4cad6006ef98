#pragma once

#include "result.h"
#include "store/publish_target_record.h"

#include <QList>
#include <QString>

#include <optional>

namespace quire {

class Database;

// The publish_targets table: a name, a kind and the kind's settings as JSON.
class PublishTargetRepository
{
public:
    explicit PublishTargetRepository(Database &database);

    Result<QList<PublishTargetRecord>> all();                                // by name
    // Names compare without case: "Blog" and "blog" are one target.
    Result<std::optional<PublishTargetRecord>> find(const QString &name);
    // The id of the target called name other than exceptId, if any.
    Result<std::optional<qint64>> nameOwner(const QString &name, qint64 exceptId);
    Result<qint64> insert(const PublishTargetRecord &target);
    Result<bool> update(const PublishTargetRecord &target);                   // false: no such id
    Result<bool> remove(const QString &name);                           // false: no such name

private:
    Database &m_database;
};

} // namespace quire
