#include "window/main_window.h"

#include "assets/asset_browser_dialog.h"
#include "editor/draft_session.h"
#include "editor/editor_view.h"
#include "editor/find_bar.h"
#include "editor/outline_panel.h"
#include "editor/spelling_controller.h"
#include "export/export_dialog.h"
#include "interchange/import_dialog.h"
#include "interchange/markdown_export_dialog.h"
#include "metadata/metadata_panel.h"
#include "posts/post_list_model.h"
#include "posts/post_list_panel.h"
#include "preview/preview_pane.h"
#include "publish/publish_dialog.h"
#include "revisions/revisions_dialog.h"
#include "setup/library_setup.h"
#include "store/library.h"
#include "store/post_store.h"
#include "window/library_file_dialog.h"
#include "window/main_menus.h"
#include "window/preview_slot.h"
#include "window/title_field.h"
#include "window/view_modes.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTextBlock>
#include <QTimer>
#include <QStatusBar>
#include <QVBoxLayout>

namespace quire {

MainWindow::MainWindow(std::unique_ptr<Library> library, QWidget *parent)
    : QMainWindow(parent)
    , m_session(new DraftSession(this))
    , m_postModel(new PostListModel(this))
{
    m_menus = new MainMenus(this);
    createCentralWidgets();
    createDocks();
    m_menus->build({m_editor, m_findBar, m_outlineDock, m_metadataDock, m_viewModes, m_spelling});
    connectCommands();
    createStatusBar();
    connectEditing();
    connectSession();
    restoreLayout();
    m_viewModes->restoreSettings();
    setLibrary(std::move(library));
}

// Post list | title and editor (with the find bar) | preview, side by side.
void MainWindow::createCentralWidgets()
{
    m_postList = new PostListPanel(m_postModel, m_menus->action(MainMenus::Command::NewPost),
                                   m_menus->action(MainMenus::Command::DeletePost), this);
    m_title = new TitleField(this);
    m_editor = new EditorView(this);
    m_spelling = new SpellingController(m_editor, this);
    m_previewSlot = new PreviewSlot(this);
    m_previewSlot->setBeforeCreate([this] {
        // Making the preview holds the GUI thread, and autosave with it: what is typed so far is
        // saved first, so that a crash meanwhile loses no more than a second of it.
        if (Result<void> saved = m_session->flush(); !saved)
            statusBar()->showMessage(tr("Could not save: %1").arg(saved.errorMessage()));
    });
    connect(m_previewSlot, &PreviewSlot::created, this, &MainWindow::connectPreview);

    auto *editorColumn = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editorColumn);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->setSpacing(2);
    editorLayout->addWidget(m_title);
    editorLayout->addWidget(m_editor, 1);
    m_findBar = new FindBar(m_editor, editorColumn);
    editorLayout->addWidget(m_findBar);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(m_postList);
    m_splitter->addWidget(editorColumn);
    m_splitter->addWidget(m_previewSlot);
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);
    m_viewModes = new ViewModes(this, m_editor, m_splitter, {m_postList, m_previewSlot});
}

// The outline on the left, the post's details on the right.
void MainWindow::createDocks()
{
    m_outline = new OutlinePanel(this);
    m_outlineDock = new QDockWidget(tr("Outline"), this);
    m_outlineDock->setObjectName(QStringLiteral("outline"));
    m_outlineDock->setWidget(m_outline);
    m_outlineDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::LeftDockWidgetArea, m_outlineDock);
    m_metadata = new MetadataPanel(m_session, this);
    m_metadataDock = new QDockWidget(tr("Post Details"), this);
    m_metadataDock->setObjectName(QStringLiteral("metadata"));
    m_metadataDock->setWidget(m_metadata);
    m_metadataDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::RightDockWidgetArea, m_metadataDock);
    resizeDocks({m_outlineDock, m_metadataDock}, {180, 280}, Qt::Horizontal);   // the layout is remembered
}

void MainWindow::connectCommands()
{
    using Command = MainMenus::Command;
    const auto on = [this](Command command, auto slot) {
        connect(m_menus->action(command), &QAction::triggered, this, slot);
    };
    on(Command::NewPost, [this] { (void)newPost(); });
    on(Command::DeletePost, &MainWindow::deleteCurrentPost);
    on(Command::OpenLibrary, &MainWindow::chooseLibrary);
    on(Command::Save, [this] {
        if (auto saved = m_session->save())
            statusBar()->showMessage(tr("Saved a version of “%1”.").arg(m_session->post().title), 3000);
    });
    on(Command::History, &MainWindow::showHistory);
    on(Command::ExportSite, &MainWindow::showExport);
    on(Command::Publish, &MainWindow::showPublish);
    on(Command::ImportBlog, &MainWindow::showImport);
    on(Command::ExportMarkdown, &MainWindow::showMarkdownExport);
    on(Command::Assets, &MainWindow::showAssets);
    on(Command::Quit, &QWidget::close);
    on(Command::About, [this] {
        QMessageBox::about(this, tr("About Quire"),
                           tr("<h3>Quire %1</h3><p>A blog editor for technical writers.</p>"
                              "<p>Library: %2</p>")
                               .arg(QApplication::applicationVersion(),
                                    m_library ? m_library->path().toHtmlEscaped() : QString()));
    });
}

// The post list, the title, the editor and the outline follow one another; the preview follows
// the text and the cursor.
void MainWindow::connectEditing()
{
    connect(m_spelling, &SpellingController::problem, this, [this](const QString &message) {
        statusBar()->showMessage(message, 10000);
    });
    connect(m_postList, &PostListPanel::currentPostChanged, this, &MainWindow::showPost);
    connect(m_postList, &PostListPanel::filterChanged, this, &MainWindow::reloadPostList);
    connect(m_title, &TitleField::titleEdited, this, [this](const QString &title) {
        m_session->setTitle(title);
        if (PreviewPane *preview = m_previewSlot->existingPreview())
            preview->setPost(m_session->post());
    });
    connect(m_editor, &EditorView::edited, this, [this] {
        m_session->setBody(m_editor->toPlainText());
        if (PreviewPane *preview = m_previewSlot->existingPreview())
            preview->setPost(m_session->post());
        else
            m_previewSlot->postpone();
    });
    // Scroll sync: the preview follows the cursor; a click in the preview moves the cursor there.
    connect(m_editor, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        const int line = m_editor->textCursor().blockNumber() + 1;
        if (PreviewPane *preview = m_previewSlot->existingPreview())
            preview->revealLine(line);
        else
            m_previewSlot->postpone();
        m_outline->followLine(line);
    });
    connect(m_editor, &EditorView::imageRefused, this, [this](const QString &message) {
        statusBar()->showMessage(message, 10000);
    });
    connect(m_outline, &OutlinePanel::headingActivated, this, &MainWindow::goToLine);
}

// Saving, its failures, and changes of the post's details reach the status bar and the preview.
void MainWindow::connectSession()
{
    connect(m_session, &DraftSession::stateChanged, this, &MainWindow::showSaveState);
    connect(m_session, &DraftSession::saveFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Could not save: %1").arg(message));
    });
    // Tags, status, dates, summary, cover: the page shows them too. A pause first, so that a
    // summary typed in the panel does not reload the page at every letter.
    m_detailsPause.setSingleShot(true);
    m_detailsPause.setInterval(DetailsPause);
    connect(m_session, &DraftSession::detailsChanged, &m_detailsPause, qOverload<>(&QTimer::start));
    connect(&m_detailsPause, &QTimer::timeout, this, [this] {
        if (PreviewPane *preview = m_previewSlot->existingPreview())
            preview->setPost(m_session->post());
    });
    connect(m_session, &DraftSession::postRenamed, this, [this](qint64 id) {
        reloadPostList();
        m_postList->selectPost(id);
    });
}

MainWindow::~MainWindow()
{
    // The preview renders on a thread of its own with the library: done before the library closes.
    if (PreviewPane *preview = m_previewSlot->existingPreview())
        preview->releaseLibrary();
    // Its thumbnail decoders read the library too; children would go after it.
    delete m_assetBrowser;
}

QLineEdit *MainWindow::titleField() const
{
    return m_title->lineEdit();
}

PreviewPane *MainWindow::preview()
{
    return m_previewSlot->preview();
}

void MainWindow::connectPreview(PreviewPane *preview)
{
    connect(preview, &PreviewPane::lineClicked, this, &MainWindow::goToLine);
    connect(preview, &PreviewPane::outlineRendered, m_outline, [this](const QList<OutlineEntry> &outline) {
        m_outline->setOutline(outline);
        m_outline->followLine(m_editor->textCursor().blockNumber() + 1);
    });
    connect(preview, &PreviewPane::rendered, this, [this](int words, int minutes) {
        //: Status bar: "1,234 words · 6 min read"
        m_wordsLabel->setText(tr("%1 · %2").arg(tr("%n word(s)", nullptr, words), tr("%n min read", nullptr, minutes)));
    });
    preview->setLibrary(m_library.get());
    preview->setPost(m_session->post());
}

void MainWindow::createStatusBar()
{
    m_wordsLabel = new QLabel(this);
    m_saveLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_wordsLabel);
    statusBar()->addPermanentWidget(m_saveLabel);
}

void MainWindow::setLibrary(std::unique_ptr<Library> library)
{
    delete m_exportDialog;   // it works on the library that closes; stops its build first
    m_exportDialog = nullptr;
    delete m_assetBrowser;   // so does this one (its thumbnails are read from it)
    m_assetBrowser = nullptr;
    m_session->setLibrary(library.get());
    m_postModel->setLibrary(library.get());
    if (PreviewPane *preview = m_previewSlot->existingPreview())
        preview->setLibrary(library.get());
    m_editor->setLibrary(library.get());
    m_spelling->setLibrary(library.get());
    m_library = std::move(library);   // the previous library closes (and unlocks) here
    setWindowFilePath(m_library->path());
    setWindowTitle(tr("%1 — Quire").arg(QFileInfo(m_library->path()).fileName()));
    if (m_library->wasCreated()) {
        if (Result<void> welcome = LibrarySetup::addWelcomePost(*m_library); !welcome)
            showError(tr("Welcome post"), welcome.errorMessage());
    }
    showFirstPost();
}

bool MainWindow::openLibrary(const QString &path)
{
    if (m_library && QFileInfo(path).canonicalFilePath() == QFileInfo(m_library->path()).canonicalFilePath())
        return true;
    if (!saveOpenPost())
        return false;
    auto library = LibrarySetup::open(path);
    if (!library) {
        showError(tr("Could not open the library"), library.errorMessage());
        return false;
    }
    setLibrary(std::move(*library));
    return true;
}

// Saves what the editor holds before other work reads the library; says why when it cannot.
bool MainWindow::saveOpenPost()
{
    if (Result<void> flushed = m_session->flush(); !flushed) {
        showError(tr("Could not save"), flushed.errorMessage());
        return false;
    }
    return true;
}

void MainWindow::chooseLibrary()
{
    const QString start = m_library ? QFileInfo(m_library->path()).absolutePath() : QString();
    if (const QString path = LibraryFileDialog::choose(this, start); !path.isEmpty())
        openLibrary(path);
}

Result<qint64> MainWindow::newPost()
{
    if (auto flushed = m_session->flush(); !flushed) {
        showError(tr("Could not save"), flushed.errorMessage());
        return flushed.error();
    }
    Post post;
    post.title = tr("Untitled post");
    auto created = m_library->posts().create(post);
    if (!created) {
        showError(tr("Could not create a post"), created.errorMessage());
        return created.error();
    }
    m_postList->showAll();
    reloadPostList();
    m_postList->selectPost(created->id);
    m_title->setFocus();
    m_title->lineEdit()->selectAll();
    return created->id;
}

void MainWindow::showPost(qint64 id)
{
    if (id == m_session->post().id && id != 0)
        return;
    Post post;
    if (id != 0) {
        auto loaded = m_library->posts().byId(id);
        if (!loaded) {
            showError(tr("Could not open the post"), loaded.errorMessage());
            return;
        }
        post = std::move(*loaded);
    }
    if (auto opened = m_session->open(post); !opened) {
        showError(tr("Could not save"), opened.errorMessage());
        m_postList->selectPost(m_session->post().id);   // stay on the post that holds the unsaved text
        return;
    }
    const bool hasPost = id != 0;
    m_title->setTitle(post.title);
    m_title->setEnabled(hasPost);
    m_editor->loadText(post.body);
    m_editor->setEnabled(hasPost);
    m_editor->setPlaceholderText(hasPost ? tr("Write your post in Markdown…") : tr("No post selected. Create one with File › New Post."));
    for (MainMenus::Command command : {MainMenus::Command::DeletePost, MainMenus::Command::Save, MainMenus::Command::History})
        m_menus->action(command)->setEnabled(hasPost);
    if (PreviewPane *preview = m_previewSlot->existingPreview())
        preview->setPost(post);
    showSaveState();
}

void MainWindow::showFirstPost()
{
    reloadPostList();
    if (m_postModel->rowCount() > 0)
        m_postList->selectPost(m_postModel->postIdAt(0));
    else
        showPost(0);
    m_editor->setFocus();
}

void MainWindow::reloadPostList()
{
    const qint64 current = m_session->post().id;
    if (auto loaded = m_postModel->reload(); !loaded)
        showError(tr("Could not list the posts"), loaded.errorMessage());
    if (current != 0 && m_postModel->rowOfPost(current) >= 0)
        m_postList->selectPost(current);
}

void MainWindow::deleteCurrentPost()
{
    if (!m_session->hasPost())
        return;
    const Post post = m_session->post();
    QMessageBox confirm(QMessageBox::Question, tr("Delete Post"),
                        tr("Delete “%1” and all its saved versions? This cannot be undone.").arg(post.title),
                        QMessageBox::Cancel, this);
    QPushButton *remove = confirm.addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    confirm.setDefaultButton(QMessageBox::Cancel);
    confirm.exec();
    if (confirm.clickedButton() != remove)
        return;
    m_session->close();
    if (auto deleted = m_library->posts().remove(post.id); !deleted)
        showError(tr("Could not delete the post"), deleted.errorMessage());
    showFirstPost();
}

void MainWindow::showHistory()
{
    if (!saveOpenPost())
        return;
    RevisionsDialog dialog(m_library.get(), m_session->post(), this);
    connect(&dialog, &RevisionsDialog::restored, this, [this](qint64 id) {
        m_session->close();   // nothing pending: forget the text from before the restore
        showPost(id);
        reloadPostList();
    });
    dialog.exec();
}

ExportDialog *MainWindow::exportDialog()
{
    if (!m_exportDialog) {
        m_exportDialog = new ExportDialog(m_library.get(), this);
        connect(m_exportDialog, &ExportDialog::aboutToBuild, this, &MainWindow::saveOpenPost);
        connect(m_exportDialog, &ExportDialog::problemActivated, this, &MainWindow::goToProblem);
    }
    return m_exportDialog;
}

AssetBrowserDialog *MainWindow::assetBrowser()
{
    if (!m_assetBrowser) {
        m_assetBrowser = new AssetBrowserDialog(m_library.get(), this);
        m_assetBrowser->setSaveEditor([this] { return m_session->flush(); });
        connect(m_assetBrowser, &AssetBrowserDialog::postsChanged, this, [this] {
            reloadCurrentPost();   // a rename rewrote its text, or a replace changed its picture
            reloadPostList();
        });
        connect(m_assetBrowser, &AssetBrowserDialog::postActivated, this, &MainWindow::openPost);
    }
    return m_assetBrowser;
}

// Not modal, like Export: a post that uses an image opens beside it.
void MainWindow::showAssets()
{
    AssetBrowserDialog *dialog = assetBrowser();
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::openPost(qint64 id)
{
    m_postList->selectPost(id);
    if (m_session->post().id != id)
        showPost(id);   // a search or filter hides it from the list
    activateWindow();
}

void MainWindow::showExport()
{
    ExportDialog *dialog = exportDialog();
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

// Modal: a publish records revisions and dates on the posts, so the open post is not edited while
// it runs, and is read again after.
void MainWindow::showPublish()
{
    if (!saveOpenPost())
        return;
    PublishDialog dialog(m_library.get(), this);
    dialog.exec();
    if (dialog.hasPublished()) {
        reloadCurrentPost();
        reloadPostList();
    }
}

// Modal: the import writes the library in one transaction, which the editor must not wait on.
void MainWindow::showImport()
{
    ImportDialog dialog(m_library.get(), this);
    connect(&dialog, &ImportDialog::aboutToImport, this, &MainWindow::saveOpenPost);
    connect(&dialog, &ImportDialog::imported, this, [this] {
        reloadPostList();
        if (m_session->post().id == 0)
            showFirstPost();
        else
            reloadCurrentPost();   // the import may have updated the open post
    });
    connect(&dialog, &ImportDialog::postActivated, this, [this](const QString &slug) { goToProblem(slug, 0); });
    dialog.exec();
}

void MainWindow::showMarkdownExport()
{
    MarkdownExportDialog dialog(m_library.get(), this);
    connect(&dialog, &MarkdownExportDialog::aboutToExport, this, &MainWindow::saveOpenPost);
    dialog.exec();
}

// The library changed the open post (a publish dated it): show that, at the writer's place.
void MainWindow::reloadCurrentPost()
{
    const qint64 id = m_session->post().id;
    if (id == 0)
        return;
    const int position = m_editor->textCursor().position();
    m_session->close();   // nothing pending: the window flushed before
    showPost(id);
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(qMin(position, m_editor->document()->characterCount() - 1));
    m_editor->setTextCursor(cursor);
}

void MainWindow::goToProblem(const QString &slug, int line)
{
    Result<std::optional<Post>> post = m_library->posts().bySlug(slug);
    if (!post || !*post) {
        statusBar()->showMessage(tr("There is no post “%1” any more.").arg(slug), 5000);
        return;
    }
    const qint64 id = (*post)->id;
    m_postList->selectPost(id);
    if (m_session->post().id != id)
        showPost(id);   // a search or filter hides it from the list
    if (m_session->post().id != id)
        return;   // it could not be opened; the window said why
    goToLine(qMax(line, 1));
    activateWindow();
}

void MainWindow::showSaveState()
{
    if (!m_session->hasPost()) {
        m_saveLabel->clear();
        m_wordsLabel->clear();
        return;
    }
    switch (m_session->state()) {
    case DraftSession::State::Saved:
        m_saveLabel->setText(tr("Saved"));
        break;
    case DraftSession::State::Modified:
        m_saveLabel->setText(tr("Editing…"));
        break;
    case DraftSession::State::Failed:
        m_saveLabel->setText(tr("Not saved"));
        break;
    }
}

void MainWindow::showError(const QString &title, const QString &message)
{
    QMessageBox::warning(this, title, message);
}

void MainWindow::goToLine(int line)
{
    const QTextBlock block = m_editor->document()->findBlockByNumber(line - 1);
    if (!block.isValid())
        return;
    m_editor->setTextCursor(QTextCursor(block));
    m_editor->centerCursor();
    m_editor->setFocus();
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1400, 850);
    const QList<int> sizes = [&] {
        QList<int> stored;
        for (const QVariant &size : settings.value(QStringLiteral("window/splitter")).toList())
            stored.append(size.toInt());
        return stored;
    }();
    // A QSplitter leaves a QWebEngineView at zero width unless it is given sizes.
    const bool usable = sizes.size() == 3 && std::all_of(sizes.begin(), sizes.end(), [](int s) { return s > 40; });
    m_splitter->setSizes(usable ? sizes : QList<int>{260, 560, 580});
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    QVariantList sizes;
    for (int size : m_splitter->sizes())
        sizes.append(size);
    settings.setValue(QStringLiteral("window/splitter"), sizes);
    settings.setValue(QStringLiteral("window/state"), saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (auto flushed = m_session->flush(); !flushed) {
        const auto answer = QMessageBox::warning(
            this, tr("Could not save"),
            tr("The last changes could not be saved: %1\n\nQuit anyway and lose them?").arg(flushed.errorMessage()),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard) {
            event->ignore();
            return;
        }
    }
    m_viewModes->leaveFocusForSave();
    saveLayout();
    event->accept();
}

} // namespace quire
