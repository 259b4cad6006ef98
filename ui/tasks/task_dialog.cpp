#include "tasks/task_dialog.h"

#include "tasks/background_task.h"

#include <QCloseEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace quire {

TaskDialog::TaskDialog(QWidget *parent)
    : QDialog(parent)
    , m_task(new BackgroundTask(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_cancel(new QPushButton(tr("&Cancel"), this))
    , m_close(new QPushButton(tr("Close"), this))
{
    m_progress->setTextVisible(true);
    m_progress->setValue(0);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cancel->setEnabled(false);
    connect(m_cancel, &QPushButton::clicked, m_task, &BackgroundTask::cancel);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_task, &BackgroundTask::progress, this, [this](int done, int total) {
        m_progress->setMaximum(qMax(total, 1));
        m_progress->setValue(done);
    });
    connect(m_task, &BackgroundTask::finished, this, &TaskDialog::finish);
}

TaskDialog::~TaskDialog()
{
    delete m_task;
}

bool TaskDialog::isRunning() const
{
    return m_task->isRunning();
}

void TaskDialog::run(const QString &status, std::function<void()> work, std::function<void()> done)
{
    if (isRunning())
        return;
    m_done = std::move(done);
    m_progress->setMaximum(0);   // busy until the job counts its work
    showStatus(status);
    m_task->start(std::move(work));
    m_cancel->setEnabled(true);
    m_close->setEnabled(false);
    updateButtons();
}

void TaskDialog::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b3261e; font-weight: bold;") : QString());
}

void TaskDialog::finish()
{
    m_progress->setMaximum(100);
    m_progress->setValue(m_task->isCancelled() ? 0 : 100);
    m_cancel->setEnabled(false);
    m_close->setEnabled(true);
    // The outcome counts even when the writer closed the dialog meanwhile: an import that
    // finished before it saw the cancel has changed the library, and the window must know.
    if (m_done)
        std::exchange(m_done, {})();
    updateButtons();
    if (m_closeWhenStopped) {
        m_closeWhenStopped = false;
        QDialog::reject();
    }
}

void TaskDialog::closeEvent(QCloseEvent *event)
{
    if (isRunning()) {
        m_closeWhenStopped = true;
        m_task->cancel();
        event->ignore();
        return;
    }
    QDialog::closeEvent(event);
}

void TaskDialog::reject()
{
    if (isRunning()) {
        m_closeWhenStopped = true;
        m_task->cancel();
        return;
    }
    QDialog::reject();
}

} // namespace quire
