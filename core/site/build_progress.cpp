#include "site/build_progress.h"

namespace quire {

BuildProgress::BuildProgress(std::function<void(int, int)> report, const std::atomic<bool> *cancel)
    : m_report(std::move(report)), m_cancel(cancel)
{
}

void BuildProgress::step(int count)
{
    const int done = m_done.fetch_add(count) + count;
    if (m_report && QThread::currentThread() == m_thread)
        m_report(done, m_total);
}

void BuildProgress::finish()
{
    step(m_total - m_done.load());
}

} // namespace quire
