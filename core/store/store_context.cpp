#include "store/store_context.h"

#include "store/database.h"

#include <QMutexLocker>

namespace quire {

Result<void> StoreContext::transaction(const std::function<Result<void>()> &work) const
{
    QMutexLocker locker(&m_mutex);
    return m_database.transaction(work);
}

QDateTime StoreContext::now() const
{
    QMutexLocker locker(&m_mutex);
    const QDateTime time = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    return time.toUTC();
}

void StoreContext::setClock(std::function<QDateTime()> clock)
{
    QMutexLocker locker(&m_mutex);
    m_clock = std::move(clock);
}

} // namespace quire
