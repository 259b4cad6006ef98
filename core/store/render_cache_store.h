#pragma once

#include "result.h"
#include "store/cached_render.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace quire {

class RenderCacheRepository;
class StoreContext;

// Rendered math and code (render/render_cache.h), by the hex key RenderCache makes. A cache:
// entries may vanish (prune()), never change meaning.
class RenderCacheStore
{
public:
    explicit RenderCacheStore(StoreContext &context);
    ~RenderCacheStore();
    RenderCacheStore(const RenderCacheStore &) = delete;
    RenderCacheStore &operator=(const RenderCacheStore &) = delete;

    // An entry unused this long is pruned. By age rather than by builds: a build that keeps a
    // page unchanged does not read that page's entries, so "unused by the last N builds" would
    // throw away the math of every post not edited lately. A quarter of a year unused almost
    // always means a formula edited away (the preview caches each state of one being typed);
    // the rare entry still in use costs one render when its page is next made.
    static constexpr int UnusedDays = 90;

    Result<std::optional<CachedRender>> find(const QString &key) const;
    // Inserts or replaces every entry in one transaction, marking each as used now; storing an
    // entry again is how a build marks it as still in use.
    Result<void> store(const QList<CachedRender> &entries);
    // Marks entries as used now, in one transaction.
    Result<void> touch(const QStringList &keys);
    // Deletes the entries not stored or marked as used for UnusedDays; how many went.
    Result<int> prune();

private:
    StoreContext &m_context;
    std::unique_ptr<RenderCacheRepository> m_renders;
};

} // namespace quire
