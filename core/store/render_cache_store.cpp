#include "store/render_cache_store.h"

#include "store/render_cache_repository.h"
#include "store/store_context.h"

#include <QMutexLocker>

namespace quire {

RenderCacheStore::RenderCacheStore(StoreContext &context)
    : m_context(context), m_renders(std::make_unique<RenderCacheRepository>(context.database()))
{
}

RenderCacheStore::~RenderCacheStore() = default;

Result<std::optional<CachedRender>> RenderCacheStore::find(const QString &key) const
{
    QMutexLocker locker(&m_context.mutex());
    return m_renders->find(key);
}

Result<void> RenderCacheStore::store(const QList<CachedRender> &entries)
{
    if (entries.isEmpty())
        return {};
    QMutexLocker locker(&m_context.mutex());
    const QDateTime usedAt = m_context.now();
    return m_context.transaction([&]() -> Result<void> { return m_renders->store(entries, usedAt); });
}

Result<void> RenderCacheStore::touch(const QStringList &keys)
{
    if (keys.isEmpty())
        return {};
    QMutexLocker locker(&m_context.mutex());
    const QDateTime usedAt = m_context.now();
    return m_context.transaction([&]() -> Result<void> { return m_renders->touch(keys, usedAt); });
}

Result<int> RenderCacheStore::prune()
{
    QMutexLocker locker(&m_context.mutex());
    return m_renders->prune(m_context.now().addDays(-UnusedDays));
}

} // namespace quire
