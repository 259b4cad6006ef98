#pragma once

#include "interchange/import_report.h"
#include "tasks/task_dialog.h"

class QCheckBox;
class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace quire {

class FolderField;
class Library;

// File › Import Blog…: a Hugo or Jekyll blog folder, or a folder of Markdown files, comes into
// the library with its images, off the GUI thread, all or nothing. The report lists every file:
// what became of it, and what needed attention; a row double-clicked opens its post.
class ImportDialog : public TaskDialog
{
    Q_OBJECT

public:
    explicit ImportDialog(Library *library, QWidget *parent = nullptr);

    void startImport();

    // For tests.
    FolderField *folderField() const { return m_folder; }
    QLabel *kindLabel() const { return m_kind; }
    QTreeWidget *reportList() const { return m_report; }
    QCheckBox *attentionOnlyBox() const { return m_attentionOnly; }
    QPushButton *importButton() const { return m_import; }

signals:
    // Before the import reads the library: what the window holds must be saved.
    void aboutToImport();
    // The library has new or changed posts.
    void imported(const quire::ImportReport &report);
    void postActivated(const QString &slug);

protected:
    void updateButtons() override;

private:
    QWidget *createReport();
    QWidget *createButtons();
    void inspectFolder();
    void showReport(const ImportReport &report, qint64 elapsedMs);
    void addRows(const QList<ImportReport::Entry> &entries, const QString &what, bool needsAttention);
    void filterRows();
    void activate(QTreeWidgetItem *item);

    Library *m_library;
    bool m_folderUsable = false;
    FolderField *m_folder = nullptr;
    QLabel *m_kind = nullptr;
    QTreeWidget *m_report = nullptr;
    QCheckBox *m_attentionOnly = nullptr;
    QPushButton *m_import = nullptr;
};

} // namespace quire
