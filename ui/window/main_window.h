#pragma once

#include "result.h"

#include <QMainWindow>
#include <QTimer>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QLineEdit;
class QSplitter;

namespace quire {

class AssetBrowserDialog;
class DraftSession;
class EditorView;
class ExportDialog;
class FindBar;
class MainMenus;
class Library;
class MetadataPanel;
class OutlinePanel;
class PostListModel;
class PostListPanel;
class PreviewPane;
class PreviewSlot;
class ViewModes;
class SpellingController;
class TitleField;

// Quire's window: post list | Markdown editor | live preview. It wires the parts together and
// owns no feature logic of its own.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(std::unique_ptr<Library> library, QWidget *parent = nullptr);
    ~MainWindow() override;

    Library *library() const { return m_library.get(); }
    EditorView *editor() const { return m_editor; }
    // The preview, made now if the window has not made it yet (it waits for the first paint and a
    // pause in typing); nullptr if the preview module cannot be loaded.
    PreviewPane *preview();
    OutlinePanel *outline() const { return m_outline; }
    MetadataPanel *metadata() const { return m_metadata; }
    SpellingController *spelling() const { return m_spelling; }
    PostListPanel *postList() const { return m_postList; }
    QLineEdit *titleField() const;
    DraftSession *session() const { return m_session; }
    FindBar *findBar() const { return m_findBar; }
    // File › Export Site…, made on first use.
    ExportDialog *exportDialog();
    // Tools › Assets…, made on first use.
    AssetBrowserDialog *assetBrowser();
    ViewModes *viewModes() const { return m_viewModes; }

    // Opens (or creates) the library at path in this window; a problem is shown in a dialog
    // and the current library stays open.
    bool openLibrary(const QString &path);
    Result<qint64> newPost();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    static constexpr int DetailsPause = 300;      // ms after a change in Post Details before the preview shows it

    void createCentralWidgets();
    void createDocks();
    void connectCommands();
    void connectEditing();
    void connectSession();
    void connectPreview(PreviewPane *preview);
    void createStatusBar();
    void setLibrary(std::unique_ptr<Library> library);
    void showPost(qint64 id);
    void showFirstPost();
    void reloadPostList();
    void deleteCurrentPost();
    void showHistory();
    void showExport();
    void showPublish();
    void showImport();
    void showMarkdownExport();
    void showAssets();
    void openPost(qint64 id);
    void reloadCurrentPost();
    void goToProblem(const QString &slug, int line);
    void chooseLibrary();
    bool saveOpenPost();
    void showSaveState();
    void showError(const QString &title, const QString &message);
    void goToLine(int line);
    void restoreLayout();
    void saveLayout();

    std::unique_ptr<Library> m_library;
    DraftSession *m_session;
    PostListModel *m_postModel;
    PostListPanel *m_postList = nullptr;
    TitleField *m_title = nullptr;
    EditorView *m_editor = nullptr;
    PreviewSlot *m_previewSlot = nullptr;   // the preview, made after the first paint
    QTimer m_detailsPause;              // Post Details changed: the preview follows after a pause
    OutlinePanel *m_outline = nullptr;
    SpellingController *m_spelling = nullptr;
    QDockWidget *m_outlineDock = nullptr;
    FindBar *m_findBar = nullptr;
    ViewModes *m_viewModes = nullptr;
    MetadataPanel *m_metadata = nullptr;
    QDockWidget *m_metadataDock = nullptr;
    QSplitter *m_splitter = nullptr;
    QLabel *m_wordsLabel = nullptr;
    QLabel *m_saveLabel = nullptr;
    ExportDialog *m_exportDialog = nullptr;   // kept, so it remembers its last build
    AssetBrowserDialog *m_assetBrowser = nullptr;

    MainMenus *m_menus = nullptr;
};

} // namespace quire
