#pragma once

#include "render/render_request.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>

#include <atomic>
#include <optional>

namespace quire {

// Rendered formulas and code blocks in memory, keyed by a SHA-256 of what decides the output:
// kind, display flag, language, source and the engine version. Thread-safe.
class RenderCache
{
public:
    // The key for a request rendered by the given engine version.
    static QByteArray key(const RenderRequest &request, const QString &engineVersion);

    // The stored result, counting a hit or a miss.
    std::optional<RenderResult> find(const QByteArray &key);
    void insert(const QByteArray &key, const RenderResult &result);

    qsizetype size() const;
    qint64 hits() const { return m_hits; }
    qint64 misses() const { return m_misses; }

private:
    mutable QMutex m_mutex;
    QHash<QByteArray, RenderResult> m_results;
    std::atomic<qint64> m_hits = 0;
    std::atomic<qint64> m_misses = 0;
};

} // namespace quire
