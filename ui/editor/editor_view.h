#pragma once

#include <QPlainTextEdit>

#include <map>

class QMenu;

namespace quire {

class ImageInserter;
class Library;
class MarkdownHighlighter;
class SpellChecker;

// The Markdown source of the current post.
class EditorView : public QPlainTextEdit
{
    Q_OBJECT

public:
    // Extra selections come from several features; each owns a layer, later layers paint on top.
    enum class SelectionLayer { FocusDimming, SearchMatches };

    explicit EditorView(QWidget *parent = nullptr);

    // Replaces the text without it counting as an edit (and with a fresh undo history).
    void loadText(const QString &text);
    // The library that pasted and dropped images go into (nullptr: images paste as text).
    void setLibrary(Library *library);

    void setSelectionLayer(SelectionLayer layer, const QList<QTextEdit::ExtraSelection> &selections);

    // Keeps the cursor line at the vertical centre while typing.
    void setTypewriterScrolling(bool on);
    bool typewriterScrolling() const { return m_typewriter; }
    // A centred column of about 80 characters with every paragraph but the cursor's dimmed.
    void setFocusMode(bool on);
    bool focusMode() const { return m_focusMode; }

    static constexpr int FocusColumnCharacters = 80;

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
    // A pasted or dropped image was not added (too big, not an image…), in words for the status bar.
    void imageRefused(const QString &message);
    void spellingProblem(const QString &message);

protected:
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void followCursor();
    void dimOtherParagraphs();
    void updateColumnMargins();
    void applyStyle();
    template<typename F>
    void withoutEdit(F change);

    MarkdownHighlighter *m_highlighter;
    bool m_loading = false;   // the text or its colours change, but the author did not edit
    ImageInserter *m_images = nullptr;
    bool m_typewriter = false;
    bool m_focusMode = false;
    std::pair<int, int> m_focusedBlocks{-1, -1};   // first and last block of the undimmed paragraph
    std::map<SelectionLayer, QList<QTextEdit::ExtraSelection>> m_layers;
};

} // namespace quire
