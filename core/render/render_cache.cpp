#include "render/render_cache.h"

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

} // namespace

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
    QMutexLocker locker(&m_mutex);
    const auto it = m_results.constFind(key);
    if (it == m_results.constEnd()) {
        ++m_misses;
        return std::nullopt;
    }
    ++m_hits;
    return *it;
}

void RenderCache::insert(const QByteArray &key, const RenderResult &result)
{
    QMutexLocker locker(&m_mutex);
    m_results.insert(key, result);
}

qsizetype RenderCache::size() const
{
    QMutexLocker locker(&m_mutex);
    return m_results.size();
}

} // namespace quire
