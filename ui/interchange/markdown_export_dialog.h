#pragma once

#include "tasks/task_dialog.h"

class QComboBox;
class QLabel;
class QPushButton;

namespace quire {

class FolderField;
class Library;

// File › Export Markdown…: every post as a Markdown file with its front matter, and its images,
// in a folder Hugo or Jekyll builds as it is (MarkdownExporter). The folder and flavor are
// remembered in the library.
class MarkdownExportDialog : public TaskDialog
{
    Q_OBJECT

public:
    explicit MarkdownExportDialog(Library *library, QWidget *parent = nullptr);

    void startExport();

    // For tests.
    FolderField *folderField() const { return m_folder; }
    QComboBox *flavorBox() const { return m_flavor; }
    QPushButton *exportButton() const { return m_export; }
    QPushButton *openFolderButton() const { return m_openFolder; }

signals:
    // Before the export reads the library: what the window holds must be saved.
    void aboutToExport();

protected:
    void updateButtons() override;

private:
    QWidget *createButtons();
    void openFolder();

    Library *m_library;
    QString m_exportedFolder;
    FolderField *m_folder = nullptr;
    QComboBox *m_flavor = nullptr;
    QLabel *m_folderProblem = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_openFolder = nullptr;
};

} // namespace quire
