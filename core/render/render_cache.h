#pragma once

#include "render/render_request.h"
#include "result.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QSet>

#include <atomic>
#include <optional>

namespace quire {

class Library;

// Rendered formulas and code blocks, keyed by a SHA-256 of what decides the output: kind,
// display flag, language, source and the engine version. Thread-safe.
//
// Kept in memory, and optionally backed by a Library (its render_cache table) so that a formula
// or block is rendered once across builds: a key missing in memory is looked up in the library
// (a hit when found there), and inserted results wait in memory until flush() writes them in one
// transaction. MathCodeRenderer flushes after each render(); other callers that insert must
// flush themselves. Nothing is flushed on destruction. Timed-out results are never written to
// the library. The library must outlive the cache.
class RenderCache
{
public:
    RenderCache() = default;
    explicit RenderCache(Library *library);   // nullptr: memory only
    RenderCache(const RenderCache &) = delete;
    RenderCache &operator=(const RenderCache &) = delete;

    // The key for a request rendered by the given engine version.
    static QByteArray key(const RenderRequest &request, const QString &engineVersion);

    // The stored result, counting a hit or a miss. A library that cannot be read counts as a
    // miss (with a warning): the result is rendered again.
    std::optional<RenderResult> find(const QByteArray &key);
    void insert(const QByteArray &key, const RenderResult &result);

    // Writes the results inserted since the last flush, and marks those found in the library as
    // used (for RenderCacheStore::prune; only those not marked for a day, so a warm build
    // writes next to nothing). Does nothing without a library
    // or without pending entries. On failure the entries stay pending for the next flush.
    Result<void> flush();

    Library *library() const { return m_library; }
    qsizetype size() const;          // results in memory
    qsizetype pendingCount() const;  // results waiting for flush()
    qint64 hits() const { return m_hits; }
    qint64 misses() const { return m_misses; }

private:
    Library *const m_library = nullptr;
    mutable QMutex m_mutex;
    QHash<QByteArray, RenderResult> m_results;
    QHash<QByteArray, RenderResult> m_pending;   // to be written to m_library
    QSet<QByteArray> m_touched;                  // found in m_library, to be marked as used
    std::atomic<qint64> m_hits = 0;
    std::atomic<qint64> m_misses = 0;
};

} // namespace quire
