#pragma once

#include <QDialog>

#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;

namespace quire {

class BackgroundTask;

// A dialog that runs one long job at a time off the GUI thread (an import, a Markdown export):
// a progress bar, a status line, Cancel, and Close, which stops a running job first and closes
// when it has stopped. The job's own transaction or manifest keeps what it touched whole.
//
// The work must not touch the dialog's members: it runs on its own thread and may outlive the
// subclass's destruction by the moment the base class needs to cancel and wait for it. Keep its
// result in something it owns (a shared_ptr), and read it in the done callback.
class TaskDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TaskDialog(QWidget *parent = nullptr);
    ~TaskDialog() override;   // cancels a running job and waits for it

    bool isRunning() const;

    QProgressBar *progressBar() const { return m_progress; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *closeButton() const { return m_close; }

public slots:
    // Close, Escape: a running job is cancelled first, and the dialog closes once it has stopped.
    void reject() override;

protected:
    BackgroundTask *task() const { return m_task; }
    // Runs work on its thread; done follows on the GUI thread, also when the dialog was closed
    // meanwhile (it closes after done).
    void run(const QString &status, std::function<void()> work, std::function<void()> done);
    // Enables the subclass's own buttons and fields; called whenever a job starts or ends.
    virtual void updateButtons() = 0;
    // The status line as an error (true) or as plain news (false).
    void showStatus(const QString &text, bool error = false);

    void closeEvent(QCloseEvent *event) override;

private:
    void finish();

    BackgroundTask *m_task;
    std::function<void()> m_done;
    bool m_closeWhenStopped = false;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_cancel;
    QPushButton *m_close;
};

} // namespace quire
