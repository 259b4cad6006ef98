#pragma once

#include <QHash>
#include <QObject>

class QAction;
class QDockWidget;
class QMainWindow;

namespace quire {

class EditorView;
class FindBar;
class SpellingController;
class ViewModes;

// The window's menu bar: File, Edit, View, Tools and Help, with the standard shortcut where one
// exists and a tooltip on every action. It builds them; MainWindow connects what the commands do.
class MainMenus : public QObject
{
    Q_OBJECT

public:
    // The commands MainWindow carries out.
    enum class Command {
        NewPost, Save, History, ImportBlog, ExportSite, ExportMarkdown, Publish, OpenLibrary, DeletePost, Quit,
        Assets, About,
    };

    // What the Edit, View and Tools menus take from the window's parts.
    struct Parts
    {
        EditorView *editor = nullptr;
        FindBar *findBar = nullptr;
        QDockWidget *outline = nullptr;
        QDockWidget *details = nullptr;
        ViewModes *viewModes = nullptr;
        SpellingController *spelling = nullptr;
    };

    // Makes the commands' actions; the menus come with build(), once the parts exist.
    explicit MainMenus(QMainWindow *window);
    void build(const Parts &parts);

    QAction *action(Command command) const { return m_actions.value(command); }

private:
    void createActions();
    void createFileMenu();
    void createEditMenu(const Parts &parts);
    void createViewMenu(const Parts &parts);
    void createToolsMenu(const Parts &parts);

    QMainWindow *m_window;
    QHash<Command, QAction *> m_actions;
};

} // namespace quire
