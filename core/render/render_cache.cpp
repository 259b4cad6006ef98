#include "render/render_cache.h"

#include "store/cached_render.h"
#include "store/library.h"
#include "store/render_cache_store.h"

#include <QCryptographicHash>
#include <QMutexLocker>

namespace quire {

namespace {

// Each field with its length first, so no two different requests hash the same bytes.
void addField(QCryptographicHash &hash, const QByteArray &field)
{
    const QByteArray length = QByteArray::number(field.size()) + ':';
    hash.addData(length);
    hash.addData(field);
}

// The library keeps keys as hex text, readable in any SQLite tool.
QString libraryKey(const QByteArray &key)
{
    return QString::fromLatin1(key.toHex());
}

// A library entry is marked as used again at most this often.
constexpr qint64 TouchIntervalSeconds = 24 * 60 * 60;

} // namespace

RenderCache::RenderCache(Library *library) : m_library(library) {}

QByteArray RenderCache::key(const RenderRequest &request, const QString &engineVersion)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    addField(hash, request.kind == RenderRequest::Kind::Math ? "math" : "code");
    addField(hash, request.display ? "display" : "inline");
    addField(hash, request.language.toUtf8());
    addField(hash, request.source.toUtf8());
    addField(hash, engineVersion.toUtf8());
    return hash.result();
}

std::optional<RenderResult> RenderCache::find(const QByteArray &key)
{
    {
        QMutexLocker locker(&m_mutex);
        const auto it = m_results.constFind(key);
        if (it != m_results.constEnd()) {
            ++m_hits;
            return *it;
        }
    }
    if (m_library) {
        // Without the lock: the library serializes its own calls, and other threads may use
        // the memory cache meanwhile.
        const Result<std::optional<CachedRender>> stored = m_library->renderCache().find(libraryKey(key));
        if (!stored) {
            qWarning("Quire: the render cache could not be read: %s", qPrintable(stored.errorMessage()));
        } else if (*stored) {
            RenderResult result;
            result.html = (*stored)->html;
            result.error = (*stored)->error;
            result.highlighted = (*stored)->highlighted;
            QMutexLocker locker(&m_mutex);
            m_results.insert(key, result);
            if (!(*stored)->usedAt.isValid() || (*stored)->usedAt.secsTo(m_library->now()) > TouchIntervalSeconds)
                m_touched.insert(key);   // marked as used when flushed
            ++m_hits;
            return result;
        }
    }
    ++m_misses;
    return std::nullopt;
}

void RenderCache::insert(const QByteArray &key, const RenderResult &result)
{
    QMutexLocker locker(&m_mutex);
    m_results.insert(key, result);
    if (m_library && !result.timedOut)   // on a less busy machine it may well render
        m_pending.insert(key, result);
}

Result<void> RenderCache::flush()
{
    if (!m_library)
        return {};
    QHash<QByteArray, RenderResult> pending;
    QSet<QByteArray> touched;
    {
        QMutexLocker locker(&m_mutex);
        pending.swap(m_pending);
        touched.swap(m_touched);
    }
    if (!touched.isEmpty()) {
        QStringList keys;
        for (const QByteArray &key : std::as_const(touched))
            keys.append(libraryKey(key));
        if (Result<void> marked = m_library->renderCache().touch(keys); !marked)
            qWarning("Quire: the render cache could not be marked as used: %s", qPrintable(marked.errorMessage()));
    }
    if (pending.isEmpty())
        return {};
    QList<CachedRender> entries;
    entries.reserve(pending.size());
    for (auto it = pending.cbegin(); it != pending.cend(); ++it)
        entries.append(CachedRender{libraryKey(it.key()), it->html, it->error, it->highlighted, {}});
    Result<void> stored = m_library->renderCache().store(entries);
    if (!stored) {
        // Keep them for the next flush, behind anything inserted since.
        QMutexLocker locker(&m_mutex);
        for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
            if (!m_pending.contains(it.key()))
                m_pending.insert(it.key(), *it);
        }
    }
    return stored;
}

qsizetype RenderCache::size() const
{
    QMutexLocker locker(&m_mutex);
    return m_results.size();
}

qsizetype RenderCache::pendingCount() const
{
    QMutexLocker locker(&m_mutex);
    return m_pending.size();
}

} // namespace quire
