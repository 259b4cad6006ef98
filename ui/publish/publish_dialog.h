#pragma once

#include "publish/publish_job.h"

#include <QDialog>

#include <optional>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace quire {

class BackgroundTask;
class Library;

// File › Publish…: the library's publish targets (added, edited and removed here), a dry run that
// lists what would change at the chosen one, and Publish, which builds the site without drafts,
// sends it and records what went out. Both run off the GUI thread with a log, a progress bar and
// Cancel; a failure is said in words (git missing, authentication refused, remote rejected…).
class PublishDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PublishDialog(Library *library, QWidget *parent = nullptr);
    ~PublishDialog() override;

    // The target named name, selected; false when there is none.
    bool selectTarget(const QString &name);
    void startDryRun();
    void startPublish();
    bool isRunning() const;
    // Whether a publish went out since the dialog opened (posts may have new dates and revisions).
    bool hasPublished() const { return m_published; }

    // For tests.
    QListWidget *targetList() const { return m_targets; }
    QTreeWidget *changeList() const { return m_changes; }
    QPlainTextEdit *log() const { return m_log; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *summaryLabel() const { return m_summary; }
    QPushButton *dryRunButton() const { return m_dryRun; }
    QPushButton *publishButton() const { return m_publish; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *removeButton() const { return m_remove; }
    QString lastError() const { return m_lastError; }

signals:
    void published(const quire::PublishJob::Report &report);

protected:
    void closeEvent(QCloseEvent *event) override;
    void reject() override;

private:
    QWidget *createTargets();
    QWidget *createWork();
    void loadTargets(const QString &select = QString());
    QString currentTarget() const;
    void addTarget();
    void editTarget();
    void removeTarget();
    void run(bool dryRun);
    void finishRun();
    void showChanges(const QList<Publisher::Change> &changes);
    void appendLog(const QString &line);
    void showSummary(const QString &text, bool failure);
    void updateButtons();

    Library *m_library;
    BackgroundTask *m_task;
    std::optional<Result<PublishJob::Report>> m_result;   // written by the job's thread
    bool m_runIsDry = false;
    bool m_published = false;
    QString m_lastError;
    QString m_runningTarget;

    QListWidget *m_targets = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
    QTreeWidget *m_changes = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_dryRun = nullptr;
    QPushButton *m_publish = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace quire
