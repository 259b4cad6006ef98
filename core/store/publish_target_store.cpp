#include "store/publish_target_store.h"

#include "store/publish_target_repository.h"
#include "store/store_context.h"

#include <QCoreApplication>
#include <QMutexLocker>

namespace quire {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("quire::Library", text);
}

} // namespace

PublishTargetStore::PublishTargetStore(StoreContext &context)
    : m_context(context), m_targets(std::make_unique<PublishTargetRepository>(context.database()))
{
}

PublishTargetStore::~PublishTargetStore() = default;

Result<QList<PublishTargetRecord>> PublishTargetStore::list() const
{
    QMutexLocker locker(&m_context.mutex());
    return m_targets->all();
}

Result<std::optional<PublishTargetRecord>> PublishTargetStore::find(const QString &name) const
{
    QMutexLocker locker(&m_context.mutex());
    return m_targets->find(name);
}

Result<PublishTargetRecord> PublishTargetStore::save(const PublishTargetRecord &target)
{
    QMutexLocker locker(&m_context.mutex());
    PublishTargetRecord stored = target;
    const Result<void> saved = m_context.transaction([&]() -> Result<void> {
        const Result<std::optional<qint64>> owner = m_targets->nameOwner(target.name, target.id);
        if (!owner)
            return owner.error();
        if (*owner)
            return Error{tr("There is already a target called “%1”.").arg(target.name)};
        if (target.id == 0) {
            const Result<qint64> id = m_targets->insert(target);
            if (!id)
                return id.error();
            stored.id = *id;
            return {};
        }
        const Result<bool> updated = m_targets->update(target);
        if (!updated)
            return updated.error();
        if (!*updated)
            return Error{tr("The publish target “%1” is not in the library (it may have been removed).").arg(target.name)};
        return {};
    });
    if (!saved)
        return saved.error();
    return stored;
}

Result<void> PublishTargetStore::remove(const QString &name)
{
    QMutexLocker locker(&m_context.mutex());
    const Result<bool> removed = m_targets->remove(name);
    if (!removed)
        return removed.error();
    if (!*removed)
        return Error{tr("There is no publish target called “%1”.").arg(name)};
    return {};
}

} // namespace quire
