#include "editor/spelling_menu.h"

#include "editor/editor_view.h"
#include "editor/markdown_highlighter.h"
#include "spelling/spell_checker.h"

#include <QAction>
#include <QMenu>

namespace quire {

SpellingMenu::SpellingMenu(EditorView *editor, QTextCursor word)
    : m_editor(editor)
    , m_word(std::move(word))
{
}

void SpellingMenu::addTo(QMenu *menu) const
{
    SpellChecker *checker = m_editor->highlighter()->spellChecker();
    if (!checker)
        return;
    const QString word = m_word.selectedText();
    QList<QAction *> entries;
    const QStringList suggestions = checker->suggestions(word, MaxSuggestions);
    EditorView *editor = m_editor;
    for (const QString &suggestion : suggestions) {
        auto *replace = new QAction(suggestion, menu);
        replace->setToolTip(tr("Replace “%1” with “%2”").arg(word, suggestion));
        QFont bold = replace->font();
        bold.setBold(true);
        replace->setFont(bold);
        QObject::connect(replace, &QAction::triggered, editor, [editor, cursor = m_word, suggestion]() mutable {
            // insertText over the selection is a single undo step.
            cursor.insertText(suggestion);
            editor->setTextCursor(cursor);
        });
        entries.append(replace);
    }
    if (suggestions.isEmpty()) {
        auto *none = new QAction(tr("(No Suggestions)"), menu);
        none->setEnabled(false);
        entries.append(none);
    }
    auto *add = new QAction(tr("Add to Dictionary"), menu);
    add->setToolTip(tr("Accept “%1” from now on, in every post written in this language").arg(word));
    QObject::connect(add, &QAction::triggered, editor, [editor, checker, word] {
        if (auto added = checker->addToPersonalDictionary(word); !added)
            emit editor->spellingProblem(added.errorMessage());
        editor->rehighlight();
    });
    auto *ignore = new QAction(tr("Ignore All"), menu);
    ignore->setToolTip(tr("Accept “%1” until Quire quits").arg(word));
    QObject::connect(ignore, &QAction::triggered, editor, [editor, checker, word] {
        checker->ignore(word);
        editor->rehighlight();
    });
    entries << add << ignore;
    QAction *first = menu->actions().value(0);
    menu->insertActions(first, entries);
    menu->insertSeparator(first);
}

} // namespace quire
