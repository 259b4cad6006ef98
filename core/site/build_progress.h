#pragma once

#include <QThread>

#include <atomic>
#include <functional>

namespace quire {

// How far a build has got, and whether it should stop. Steps are counted from every thread but
// reported only from the thread that made this object, so that a progress callback (a progress
// dialog's, say) need not be thread-safe.
class BuildProgress
{
public:
    // Either may be empty or null: nothing reported, never cancelled.
    BuildProgress(std::function<void(int done, int total)> report, const std::atomic<bool> *cancel);

    void setTotal(int total) { m_total = total; }
    void step(int count = 1);
    // Reports the whole total done (steps that had nothing to do are not counted one by one).
    void finish();

    bool cancelled() const { return m_cancel && m_cancel->load(); }
    const std::atomic<bool> *cancelFlag() const { return m_cancel; }

private:
    std::function<void(int, int)> m_report;
    const std::atomic<bool> *m_cancel;
    std::atomic<int> m_done = 0;
    int m_total = 0;
    QThread *const m_thread = QThread::currentThread();
};

} // namespace quire
