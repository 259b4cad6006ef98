#include "tasks/background_task.h"

#include <QThread>

namespace quire {

BackgroundTask::BackgroundTask(QObject *parent)
    : QObject(parent)
{
}

BackgroundTask::~BackgroundTask()
{
    if (!m_thread)
        return;
    cancel();
    m_thread->wait();
    delete m_thread;
}

void BackgroundTask::start(std::function<void()> work)
{
    Q_ASSERT(!m_thread);
    m_cancel = false;
    m_shownPermille = -1;
    m_thread = QThread::create(std::move(work));
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        emit finished();
    });
    m_thread->start();
}

void BackgroundTask::reportProgress(int done, int total)
{
    const int permille = total > 0 ? int(qint64(done) * 1000 / total) : 0;
    if (m_shownPermille.exchange(permille) == permille)
        return;
    QMetaObject::invokeMethod(this, [this, done, total] { emit progress(done, total); }, Qt::QueuedConnection);
}

void BackgroundTask::reportLine(const QString &text)
{
    QMetaObject::invokeMethod(this, [this, text] { emit line(text); }, Qt::QueuedConnection);
}

} // namespace quire
