#include "site/parallel_work.h"

#include <QList>
#include <QMutexLocker>
#include <QThread>

#include <algorithm>

namespace quire {

ParallelWork::ParallelWork(qsizetype items, const std::atomic<bool> *cancel) : m_items(items), m_cancel(cancel) {}

int ParallelWork::threadsFor(int requested)
{
    return std::clamp(requested > 0 ? requested : QThread::idealThreadCount(), 1, 16);
}

void ParallelWork::run(int threads, const std::function<void()> &work)
{
    QList<QThread *> helpers;
    for (int i = 1; i < threads && i < m_items; ++i) {
        helpers.append(QThread::create(work));
        helpers.last()->start();
    }
    work();
    for (QThread *helper : helpers) {
        helper->wait();
        delete helper;
    }
}

qsizetype ParallelWork::next()
{
    const qsizetype index = m_next++;
    if (index >= m_items || m_failed || (m_cancel && m_cancel->load()))
        return -1;
    return index;
}

void ParallelWork::fail(const Error &error)
{
    QMutexLocker locker(&m_mutex);
    if (!m_error)
        m_error = error;
    m_failed = true;
}

Result<void> ParallelWork::result() const
{
    QMutexLocker locker(&m_mutex);
    if (m_error)
        return *m_error;
    return {};
}

} // namespace quire
