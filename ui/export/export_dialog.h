#pragma once

#include "site/site_builder.h"
#include "tasks/task_dialog.h"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace quire {

class Library;

// File › Export Site…: where the site goes (remembered in the library), its theme, drafts and
// base URL; the build runs off the GUI thread with a progress bar and Cancel, and ends with a
// summary and the problems it found. A problem double-clicked takes the window to its post and
// line, so the dialog stays open beside the window (it is not modal).
class ExportDialog : public TaskDialog
{
    Q_OBJECT

public:
    explicit ExportDialog(Library *library, QWidget *parent = nullptr);

    // Starts a build with what the dialog shows (as the Export button does).
    void startExport();
    bool isBuilding() const;

    // What the writer looks at, for tests.
    QLineEdit *folderField() const { return m_folder; }
    QComboBox *themeBox() const { return m_theme; }
    QCheckBox *draftsBox() const { return m_drafts; }
    QLineEdit *baseUrlField() const { return m_baseUrl; }
    QTreeWidget *problemList() const { return m_problems; }
    QLabel *summaryLabel() const { return statusLabel(); }
    QPushButton *exportButton() const { return m_export; }
    QPushButton *openFolderButton() const { return m_openFolder; }
    QPushButton *previewButton() const { return m_previewSite; }

signals:
    // The writer wants to see where a problem is: post by slug, 1-based line (0: the post's top).
    void problemActivated(const QString &slug, int line);
    // A build is about to read the library: what the window holds must be saved first.
    void aboutToBuild();
    void built(const quire::SiteBuilder::Report &report);

protected:
    void updateButtons() override;

private:
    QWidget *createSettings();
    QWidget *createProblems();
    QWidget *createButtons();
    void loadSettings();
    Result<void> storeSettings();
    void chooseFolder();
    void finishBuild(const Result<SiteBuilder::Report> &result);
    void showReport(const SiteBuilder::Report &report);
    void activateProblem(QTreeWidgetItem *item);
    void openFolder();
    void previewSite();
    bool folderHoldsSite() const;

    Library *m_library;
    QString m_builtFolder;

    QLineEdit *m_folder = nullptr;
    QComboBox *m_theme = nullptr;
    QCheckBox *m_drafts = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QLabel *m_settingsProblem = nullptr;
    QTreeWidget *m_problems = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_openFolder = nullptr;
    QPushButton *m_previewSite = nullptr;
    QString m_unreadable;   // why the settings could not be read when the dialog opened
};

} // namespace quire
