#pragma once

#include "result.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListView;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace quire {

class AssetListModel;
class Library;

// Tools › Assets…: the library's images as thumbnails, each with its size, its pixel size, its alt
// text and the posts that use it; rename, replace and delete them. Not modal: a post double-clicked
// opens in the window beside it. Renaming and replacing rewrite posts, so the window saves the
// open post first (setSaveEditor) and shows it again after (postsChanged).
class AssetBrowserDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AssetBrowserDialog(Library *library, QWidget *parent = nullptr);
    ~AssetBrowserDialog() override;

    // What saves the editor's text to the library before posts are rewritten; its error stops the
    // change.
    void setSaveEditor(std::function<Result<void>()> saveEditor);

    // Reads the library again, keeping the selection.
    void reload();
    // Selects the asset name (clears the filter if it hides it); false when there is none.
    bool selectAsset(const QString &name);
    QString selectedName() const;   // empty unless exactly one asset is selected
    QStringList selectedNames() const;

    // The actions behind the buttons, without asking (the buttons ask first); an error is also
    // shown in the dialog.
    Result<void> renameSelected(const QString &wantedName);
    Result<void> replaceSelected(const QString &filePath);
    Result<void> deleteSelected();
    Result<void> setSelectedAlt(const QString &alt);

    // What the writer looks at, for tests.
    QListView *assetView() const { return m_view; }
    AssetListModel *model() const { return m_model; }
    QListWidget *userList() const { return m_users; }
    QLineEdit *filterField() const { return m_filter; }
    QCheckBox *unusedOnlyBox() const { return m_unusedOnly; }
    QLineEdit *altField() const { return m_alt; }
    QLabel *detailsLabel() const { return m_details; }
    QLabel *problemLabel() const { return m_problem; }
    QPushButton *renameButton() const { return m_rename; }
    QPushButton *replaceButton() const { return m_replace; }
    QPushButton *deleteButton() const { return m_delete; }

signals:
    // Posts were rewritten or count as changed: the window shows the open post again.
    void postsChanged();
    // The writer double-clicked a post that uses the image.
    void postActivated(qint64 postId);

protected:
    bool event(QEvent *event) override;

private:
    QWidget *createDetails();
    void showSelection();
    void updateButtons();
    void applyFilter();
    void askRename();
    void askReplace();
    void askDelete();
    void storeAlt();
    void activateUser(QListWidgetItem *item);
    Result<void> saveEditor();
    Result<void> report(Result<void> result, const QString &what);
    void showProblem(const QString &problem);

    Library *m_library;
    AssetListModel *m_model;
    std::function<Result<void>()> m_saveEditor;
    QListView *m_view = nullptr;
    QLineEdit *m_filter = nullptr;
    QCheckBox *m_unusedOnly = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_details = nullptr;
    QLineEdit *m_alt = nullptr;
    QListWidget *m_users = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_replace = nullptr;
    QPushButton *m_delete = nullptr;
};

} // namespace quire
