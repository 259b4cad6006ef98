#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>

class QThread;

namespace quire {

// Long work (a site build, a publish) on a thread of its own, so the window keeps painting. The
// work reports progress and log lines from its thread; the task hands them to the GUI thread as
// signals, coalescing progress to whole percents so a build of 10,000 posts does not flood the
// event loop. cancel() only asks: the work reads cancelFlag() and stops at its next step.
class BackgroundTask : public QObject
{
    Q_OBJECT

public:
    explicit BackgroundTask(QObject *parent = nullptr);
    ~BackgroundTask() override;   // cancels the work and waits for it

    // Runs work on a new thread; finished() follows on this object's thread. One at a time.
    void start(std::function<void()> work);
    bool isRunning() const { return m_thread != nullptr; }

    void cancel() { m_cancel = true; }
    bool isCancelled() const { return m_cancel; }
    const std::atomic<bool> *cancelFlag() const { return &m_cancel; }

    // Thread-safe; called by the work.
    void reportProgress(int done, int total);
    void reportLine(const QString &line);

signals:
    void progress(int done, int total);
    void line(const QString &line);
    void finished();

private:
    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancel = false;
    std::atomic<int> m_shownPermille = -1;
};

} // namespace quire
