#pragma once

#include <QCoreApplication>
#include <QTextCursor>

class QMenu;

namespace quire {

class EditorView;

// The spelling part of the editor's context menu for one misspelled word: suggestions (each
// replaces the word as one undo step), Add to Dictionary, Ignore All.
class SpellingMenu
{
    Q_DECLARE_TR_FUNCTIONS(SpellingMenu)

public:
    static constexpr int MaxSuggestions = 7;

    // word selects the misspelled word in editor's document.
    SpellingMenu(EditorView *editor, QTextCursor word);

    // Puts the entries at the top of menu, above a separator.
    void addTo(QMenu *menu) const;

private:
    EditorView *m_editor;
    QTextCursor m_word;
};

} // namespace quire
