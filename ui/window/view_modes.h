#pragma once

#include <QList>
#include <QObject>

class QAction;
class QMainWindow;
class QSplitter;
class QWidget;

namespace quire {

class EditorView;

// The View menu's writing modes: Typewriter Scrolling and Focus Mode (both remembered) and
// Full Screen. Focus mode hides the panels and docks and gives them back exactly as they were.
class ViewModes : public QObject
{
    Q_OBJECT

public:
    ViewModes(QMainWindow *window, EditorView *editor, QSplitter *splitter, QList<QWidget *> panels);

    QList<QAction *> menuActions() const;
    QAction *typewriterAction() const { return m_typewriter; }
    QAction *focusAction() const { return m_focus; }
    QAction *fullScreenAction() const { return m_fullScreen; }

    // Turns the remembered modes back on; call once the window's own layout is restored.
    void restoreSettings();
    // Puts the panels back without forgetting focus mode, so the window saves its real layout.
    void leaveFocusForSave();

    void setTypewriterScrolling(bool on);
    void setFocusMode(bool on);
    void setFullScreen(bool on);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void enterFocus();
    void leaveFocus();

    QMainWindow *m_window;
    EditorView *m_editor;
    QSplitter *m_splitter;
    QList<QWidget *> m_panels;
    QAction *m_typewriter;
    QAction *m_focus;
    QAction *m_fullScreen;

    bool m_inFocus = false;
    QByteArray m_windowState;     // docks and toolbars before focus mode
    QByteArray m_splitterState;   // panel sizes before focus mode
    QList<QWidget *> m_hiddenPanels;
    Qt::WindowStates m_stateBeforeFullScreen = Qt::WindowNoState;
};

} // namespace quire
