#pragma once

#include "editor/highlight_style.h"
#include "spelling/prose_tokenizer.h"

#include <QSyntaxHighlighter>
#include <QTextCursor>

namespace quire {

class SpellChecker;

// Colours Markdown source as the writer types, and underlines misspelled prose words. Only the
// blocks Qt reports as changed are redone; fenced code, display math and HTML comments carry
// over lines through the block state (ProseTokenizer::LineState).
class MarkdownHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit MarkdownHighlighter(QTextDocument *document);

    void setStyle(const HighlightStyle &style);
    // The checker that underlines words, or none for no spell check. Not owned.
    void setSpellChecker(SpellChecker *checker);
    SpellChecker *spellChecker() const { return m_checker; }

    // A cursor selecting the misspelled prose word at position, or a null cursor.
    QTextCursor misspelledWordAt(int position) const;

protected:
    void highlightBlock(const QString &text) override;

private:
    int formatBlockStart(const QString &text);
    void formatInline(const QString &text, int from);
    void formatTokens(const QString &text, const QList<ProseTokenizer::Token> &tokens);
    void underlineMisspelled(const QString &text, const QList<ProseTokenizer::Token> &tokens);
    void applyOver(int start, int length, const QTextCharFormat &format);

    HighlightStyle m_style;
    SpellChecker *m_checker = nullptr;
};

} // namespace quire
