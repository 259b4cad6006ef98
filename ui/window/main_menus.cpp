#include "window/main_menus.h"

#include "editor/editor_view.h"
#include "editor/find_bar.h"
#include "editor/spelling_controller.h"
#include "window/view_modes.h"

#include <QAction>
#include <QDockWidget>
#include <QIcon>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>

namespace quire {

MainMenus::MainMenus(QMainWindow *window)
    : QObject(window), m_window(window)
{
    createActions();
}

void MainMenus::build(const Parts &parts)
{
    createFileMenu();
    createEditMenu(parts);
    createViewMenu(parts);
    createToolsMenu(parts);
    QMenu *help = m_window->menuBar()->addMenu(tr("&Help"));
    help->addAction(action(Command::About));
    // Every action says what it does when pointed at (Qt menus hide tooltips by default).
    for (QMenu *menu : m_window->menuBar()->findChildren<QMenu *>())
        menu->setToolTipsVisible(true);
}

void MainMenus::createActions()
{
    struct Entry
    {
        Command command;
        const char *icon;   // freedesktop icon name, or nullptr
        QString text;
        QKeySequence key;
        QString tip;
    };
    // Shortcuts without a standard key are Quire's own: Ctrl+Alt+H, Ctrl+Shift+E/P/I/M.
    const Entry entries[] = {
        {Command::NewPost, "document-new", tr("&New Post"), QKeySequence::New, tr("Start a new draft post")},
        {Command::DeletePost, "edit-delete", tr("&Delete Post…"), {}, tr("Delete the selected post and its history")},
        {Command::OpenLibrary, "document-open", tr("&Open Library…"), QKeySequence::Open,
         tr("Open another blog's library, or create a new one")},
        {Command::Save, "document-save", tr("&Save"), QKeySequence::Save,
         tr("Save now and keep this version in the post's history")},
        {Command::History, "document-open-recent", tr("&History…"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_H),
         tr("Compare the post's saved versions and restore one")},
        {Command::ExportSite, "document-export", tr("&Export Site…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
         tr("Build the blog as a static site folder and look at it offline")},
        {Command::Publish, "document-send", tr("&Publish…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
         tr("Send the blog to a folder, a git branch or an rsync destination")},
        {Command::ImportBlog, "document-import", tr("&Import Blog…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I),
         tr("Bring the posts and images of a Hugo or Jekyll blog, or a Markdown folder, into this library")},
        {Command::ExportMarkdown, nullptr, tr("Export &Markdown…"), {},
         tr("Write the posts and images as a folder that Hugo or Jekyll builds")},
        // M for /media/.
        {Command::Assets, "folder-pictures", tr("&Assets…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M),
         tr("Browse the library's images: which posts use them; rename, replace or delete them")},
        {Command::Quit, "application-exit", tr("&Quit"), QKeySequence::Quit, {}},
        {Command::About, nullptr, tr("&About Quire"), {}, {}},
    };
    for (const Entry &entry : entries) {
        auto *action = new QAction(entry.icon ? QIcon::fromTheme(QLatin1String(entry.icon)) : QIcon(), entry.text, this);
        action->setShortcut(entry.key);
        action->setToolTip(entry.tip.isEmpty() ? action->text().remove(u'&') : entry.tip);
        m_actions.insert(entry.command, action);
    }
    action(Command::Quit)->setMenuRole(QAction::QuitRole);
    action(Command::About)->setMenuRole(QAction::AboutRole);
}

void MainMenus::createFileMenu()
{
    QMenu *file = m_window->menuBar()->addMenu(tr("&File"));
    const QList<QList<Command>> groups{
        {Command::NewPost, Command::Save, Command::History}, {Command::ImportBlog},
        {Command::ExportSite, Command::ExportMarkdown, Command::Publish}, {Command::OpenLibrary},
        {Command::DeletePost}, {Command::Quit},
    };
    for (const QList<Command> &group : groups) {
        if (!file->isEmpty())
            file->addSeparator();
        for (Command command : group)
            file->addAction(action(command));
    }
}

void MainMenus::createEditMenu(const Parts &parts)
{
    QMenu *edit = m_window->menuBar()->addMenu(tr("&Edit"));
    const struct {
        QString text;
        QKeySequence::StandardKey key;
        void (QPlainTextEdit::*slot)();
    } editActions[] = {
        {tr("&Undo"), QKeySequence::Undo, &QPlainTextEdit::undo},
        {tr("&Redo"), QKeySequence::Redo, &QPlainTextEdit::redo},
        {tr("Cu&t"), QKeySequence::Cut, &QPlainTextEdit::cut},
        {tr("&Copy"), QKeySequence::Copy, &QPlainTextEdit::copy},
        {tr("&Paste"), QKeySequence::Paste, &QPlainTextEdit::paste},
        {tr("Select &All"), QKeySequence::SelectAll, &QPlainTextEdit::selectAll},
    };
    for (const auto &entry : editActions) {
        QAction *action = edit->addAction(entry.text, parts.editor, entry.slot);
        action->setShortcut(entry.key);
        // The editor and the title field handle these keys themselves while they have focus.
        action->setShortcutContext(Qt::WidgetShortcut);
        if (entry.key == QKeySequence::Redo || entry.key == QKeySequence::Paste)
            edit->addSeparator();
    }
    edit->actions().at(0)->setEnabled(false);
    edit->actions().at(1)->setEnabled(false);
    connect(parts.editor, &QPlainTextEdit::undoAvailable, edit->actions().at(0), &QAction::setEnabled);
    connect(parts.editor, &QPlainTextEdit::redoAvailable, edit->actions().at(1), &QAction::setEnabled);
    edit->addSeparator();
    edit->addActions(parts.findBar->menuActions());
}

void MainMenus::createViewMenu(const Parts &parts)
{
    QMenu *view = m_window->menuBar()->addMenu(tr("&View"));
    QAction *showOutline = parts.outline->toggleViewAction();
    showOutline->setText(tr("&Outline"));
    showOutline->setToolTip(tr("Show or hide the post's headings"));
    view->addAction(showOutline);
    QAction *showDetails = parts.details->toggleViewAction();
    showDetails->setText(tr("Post &Details"));
    showDetails->setToolTip(tr("Show or hide the post's slug, status, date, kind, tags, summary and cover image"));
    view->addAction(showDetails);
    view->addSeparator();
    view->addActions(parts.viewModes->menuActions());
}

void MainMenus::createToolsMenu(const Parts &parts)
{
    QMenu *tools = m_window->menuBar()->addMenu(tr("&Tools"));
    tools->addAction(action(Command::Assets));
    tools->addSeparator();
    tools->addAction(parts.spelling->checkAction());
    tools->addMenu(parts.spelling->languageMenu());
}

} // namespace quire
