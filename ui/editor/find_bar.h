#pragma once

#include "editor/text_search.h"

#include <QWidget>

#include <optional>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

namespace quire {

class EditorView;

// Find and replace in the editor, in a bar under it: incremental, with a match count, every
// visible match highlighted, and replacing with regex captures. Searching runs over the text
// in one pass (a few milliseconds for 50k words) and only after a pause, so typing never waits.
class FindBar : public QWidget
{
    Q_OBJECT

public:
    explicit FindBar(EditorView *editor, QWidget *parent = nullptr);

    // Edit menu entries: Find…, Find Next, Find Previous, Replace….
    QList<QAction *> menuActions() const;

    void openFind();
    void openReplace();

    QLineEdit *searchField() const { return m_search; }
    QLineEdit *replaceField() const { return m_replace; }
    void setOptions(TextSearch::Options options);

    bool findNext();
    bool findPrevious();
    bool replace();
    int replaceAll();

    int matchCount();
    int currentMatch();   // 1-based; 0 when the selection is not a match
    QString status() const;

    // Most matches painted at once (only the visible ones are, up to this).
    static constexpr int MaxHighlights = 1000;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void createActions();
    void createLayout();
    void connectSearch();
    void open(bool withReplace);
    void close();
    void scheduleSearch(int delay);
    void ensureSearched();
    void search();
    bool step(bool forward);
    void selectMatch(const TextSearch::Match &match);
    void highlightVisible();
    void showStatus(const QString &extra = {});
    TextSearch::Options options() const;

    EditorView *m_editor;
    QLineEdit *m_search;
    QLineEdit *m_replace;
    QCheckBox *m_matchCase;
    QCheckBox *m_wholeWords;
    QCheckBox *m_regex;
    QLabel *m_status;
    QWidget *m_replaceRow;
    QTimer *m_searchTimer;
    QAction *m_findAction;
    QAction *m_findNextAction;
    QAction *m_findPreviousAction;
    QAction *m_replaceAction;

    std::optional<TextSearch> m_compiled;
    QString m_error;
    QList<TextSearch::Match> m_matches;
    bool m_dirty = true;
    bool m_incremental = false;   // the pattern changed: select the first match from m_origin
    int m_origin = 0;
    std::pair<int, int> m_highlighted{-1, -1};
};

} // namespace quire
