#include "window/view_modes.h"

#include "editor/editor_view.h"

#include <QAction>
#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QSettings>
#include <QSignalBlocker>
#include <QSplitter>

namespace quire {

namespace {

const QString TypewriterKey = QStringLiteral("view/typewriterScrolling");
const QString FocusKey = QStringLiteral("view/focusMode");

QAction *checkable(QObject *parent, const QString &text, const QString &tip)
{
    auto *action = new QAction(text, parent);
    action->setCheckable(true);
    action->setToolTip(tip);
    return action;
}

} // namespace

ViewModes::ViewModes(QMainWindow *window, EditorView *editor, QSplitter *splitter, QList<QWidget *> panels)
    : QObject(window)
    , m_window(window)
    , m_editor(editor)
    , m_splitter(splitter)
    , m_panels(std::move(panels))
    , m_typewriter(checkable(this, tr("&Typewriter Scrolling"), tr("Keep the line you type on in the middle of the editor")))
    , m_focus(checkable(this, tr("&Focus Mode"), tr("Hide the panels and fade everything but the paragraph you write")))
    , m_fullScreen(checkable(this, tr("F&ull Screen"), tr("Fill the whole screen with the window")))
{
    m_fullScreen->setShortcuts(QKeySequence::FullScreen);
    // A bare X11 session binds no key to full screen: F11, as nearly everywhere else.
    if (m_fullScreen->shortcut().isEmpty())
        m_fullScreen->setShortcut(QKeySequence(Qt::Key_F11));
    connect(m_typewriter, &QAction::toggled, this, &ViewModes::setTypewriterScrolling);
    connect(m_focus, &QAction::toggled, this, &ViewModes::setFocusMode);
    connect(m_fullScreen, &QAction::toggled, this, &ViewModes::setFullScreen);
    m_window->installEventFilter(this);
}

QList<QAction *> ViewModes::menuActions() const
{
    return {m_typewriter, m_focus, m_fullScreen};
}

void ViewModes::restoreSettings()
{
    const QSettings settings;
    m_typewriter->setChecked(settings.value(TypewriterKey, false).toBool());
    m_focus->setChecked(settings.value(FocusKey, false).toBool());
}

void ViewModes::setTypewriterScrolling(bool on)
{
    const QSignalBlocker blocker(m_typewriter);
    m_typewriter->setChecked(on);
    m_editor->setTypewriterScrolling(on);
    QSettings().setValue(TypewriterKey, on);
}

void ViewModes::setFocusMode(bool on)
{
    const QSignalBlocker blocker(m_focus);
    m_focus->setChecked(on);
    if (on)
        enterFocus();
    else
        leaveFocus();
    QSettings().setValue(FocusKey, on);
}

void ViewModes::leaveFocusForSave()
{
    leaveFocus();
}

void ViewModes::enterFocus()
{
    if (m_inFocus)
        return;
    m_inFocus = true;
    m_windowState = m_window->saveState();
    m_splitterState = m_splitter->saveState();
    m_hiddenPanels.clear();
    for (QWidget *panel : m_panels) {
        if (!panel->isHidden()) {
            m_hiddenPanels.append(panel);
            panel->hide();
        }
    }
    for (QDockWidget *dock : m_window->findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly))
        dock->hide();
    m_editor->setFocusMode(true);
    m_editor->setFocus();
}

void ViewModes::leaveFocus()
{
    if (!m_inFocus)
        return;
    m_inFocus = false;
    m_editor->setFocusMode(false);
    for (QWidget *panel : std::as_const(m_hiddenPanels))
        panel->show();
    m_hiddenPanels.clear();
    m_window->restoreState(m_windowState);
    m_splitter->restoreState(m_splitterState);
}

void ViewModes::setFullScreen(bool on)
{
    if (on == m_window->isFullScreen())
        return;
    if (on) {
        m_stateBeforeFullScreen = m_window->windowState();
        m_window->setWindowState(m_stateBeforeFullScreen | Qt::WindowFullScreen);
    } else {
        m_window->setWindowState(m_stateBeforeFullScreen & ~Qt::WindowFullScreen);
    }
}

bool ViewModes::eventFilter(QObject *watched, QEvent *event)
{
    // The window manager can leave full screen too (a key of its own): the check mark follows.
    if (watched == m_window && event->type() == QEvent::WindowStateChange) {
        const QSignalBlocker blocker(m_fullScreen);
        m_fullScreen->setChecked(m_window->isFullScreen());
    }
    return QObject::eventFilter(watched, event);
}

} // namespace quire
