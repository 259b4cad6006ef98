#pragma once

#include <QPlainTextEdit>

class QMenu;

namespace quire {

class MarkdownHighlighter;
class SpellChecker;

// The Markdown source of the current post.
class EditorView : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit EditorView(QWidget *parent = nullptr);

    // Replaces the text without it counting as an edit (and with a fresh undo history).
    void loadText(const QString &text);

    MarkdownHighlighter *highlighter() const { return m_highlighter; }
    // Underlines misspelled words with checker (not owned), or stops when it is null.
    void setSpellChecker(SpellChecker *checker);
    // Colours the whole text again (after the dictionary changed); not an edit.
    void rehighlight();

    // The context menu for a right-click at pos (viewport coordinates): spelling suggestions on
    // a misspelled word, then the standard editing actions. The caller owns it.
    QMenu *createContextMenu(const QPoint &pos);

signals:
    void edited();   // the author changed the text
    void spellingProblem(const QString &message);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyStyle();
    template<typename F>
    void withoutEdit(F change);

    MarkdownHighlighter *m_highlighter;
    bool m_loading = false;   // the text or its colours change, but the author did not edit
};

} // namespace quire
