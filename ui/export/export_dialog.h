#pragma once

#include "site/site_builder.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace quire {

class BackgroundTask;
class Library;

// File › Export Site…: where the site goes (remembered in the library), its theme, drafts and
// base URL; the build runs off the GUI thread with a progress bar and Cancel, and ends with a
// summary and the problems it found. A problem double-clicked takes the window to its post and
// line, so the dialog stays open beside the window (it is not modal).
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ExportDialog(Library *library, QWidget *parent = nullptr);
    ~ExportDialog() override;

    // Starts a build with what the dialog shows (as the Export button does).
    void startExport();
    bool isBuilding() const;

    // What the writer looks at, for tests.
    QLineEdit *folderField() const { return m_folder; }
    QComboBox *themeBox() const { return m_theme; }
    QCheckBox *draftsBox() const { return m_drafts; }
    QLineEdit *baseUrlField() const { return m_baseUrl; }
    QTreeWidget *problemList() const { return m_problems; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *summaryLabel() const { return m_summary; }
    QPushButton *exportButton() const { return m_export; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *openFolderButton() const { return m_openFolder; }
    QPushButton *previewButton() const { return m_previewSite; }
    QPushButton *closeButton() const { return m_close; }

signals:
    // The writer wants to see where a problem is: post by slug, 1-based line (0: the post's top).
    void problemActivated(const QString &slug, int line);
    // A build is about to read the library: what the window holds must be saved first.
    void aboutToBuild();
    void built(const quire::SiteBuilder::Report &report);

protected:
    void closeEvent(QCloseEvent *event) override;
    void reject() override;

private:
    QWidget *createSettings();
    QWidget *createProblems();
    QWidget *createButtons();
    void loadSettings();
    Result<void> storeSettings();
    void chooseFolder();
    void updateButtons();
    void finishBuild();
    void showReport(const SiteBuilder::Report &report);
    void activateProblem(QTreeWidgetItem *item);
    void openFolder();
    void previewSite();
    bool folderHoldsSite() const;

    Library *m_library;
    BackgroundTask *m_task;
    std::optional<Result<SiteBuilder::Report>> m_result;   // written by the build's thread
    QString m_builtFolder;
    bool m_closeWhenStopped = false;   // Close asked for during a build

    QLineEdit *m_folder = nullptr;
    QComboBox *m_theme = nullptr;
    QCheckBox *m_drafts = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QLabel *m_settingsProblem = nullptr;
    QTreeWidget *m_problems = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_openFolder = nullptr;
    QPushButton *m_previewSite = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace quire
