#include "editor/markdown_highlighter.h"

#include "spelling/spell_checker.h"

#include <QRegularExpression>
#include <QTextBlock>
#include <QTextDocument>

namespace quire {

using Token = ProseTokenizer::Token;
using Kind = ProseTokenizer::Kind;

namespace {

ProseTokenizer::LineState stateBefore(const QTextBlock &block)
{
    return ProseTokenizer::LineState::fromInt(block.previous().isValid() ? block.previous().userState() : -1);
}

} // namespace

MarkdownHighlighter::MarkdownHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
}

void MarkdownHighlighter::setStyle(const HighlightStyle &style)
{
    m_style = style;
    rehighlight();
}

void MarkdownHighlighter::setSpellChecker(SpellChecker *checker)
{
    if (m_checker == checker)
        return;
    m_checker = checker;
    rehighlight();
}

void MarkdownHighlighter::highlightBlock(const QString &text)
{
    const ProseTokenizer::LineState before = ProseTokenizer::LineState::fromInt(previousBlockState());
    const ProseTokenizer::Line line = ProseTokenizer::scanLine(text, before);
    setCurrentBlockState(line.next.toInt());
    const bool opensFence = before.context == ProseTokenizer::Context::Prose && !line.tokens.isEmpty()
        && line.tokens.first().kind == Kind::FenceMarker;
    if (before.context == ProseTokenizer::Context::Prose && !opensFence)
        formatInline(text, formatBlockStart(text));
    formatTokens(text, line.tokens);
    if (m_checker)
        underlineMisspelled(text, line.tokens);
}

// Headings, block quotes, list markers and task boxes, table rows and rules: the start of a
// line. Returns where inline formatting should begin.
int MarkdownHighlighter::formatBlockStart(const QString &text)
{
    static const QRegularExpression heading(QStringLiteral("^ {0,3}(#{1,6})(?:[ \\t]|$)"));
    static const QRegularExpression quote(QStringLiteral("^ {0,3}(?:> ?)+"));
    static const QRegularExpression list(QStringLiteral("^\\s*(?:[-*+]|\\d{1,9}[.)])(?=\\s)(?:\\s+(\\[[ xX]\\])(?=\\s))?"));
    static const QRegularExpression rule(QStringLiteral("^ {0,3}([-*_])(?:\\s*\\1){2,}\\s*$"));
    static const QRegularExpression tableDelimiter(QStringLiteral("^\\s*\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)+\\|?\\s*$"));

    if (rule.match(text).hasMatch() || tableDelimiter.match(text).hasMatch()) {
        setFormat(0, int(text.size()), m_style.marker);
        return int(text.size());
    }
    if (const auto match = heading.match(text); match.hasMatch()) {
        const QTextCharFormat &format = m_style.heading[size_t(match.capturedLength(1) - 1)];
        setFormat(0, int(text.size()), format);
        QTextCharFormat marker = format;
        marker.setForeground(m_style.marker.foreground());
        setFormat(0, int(match.capturedEnd(1)), marker);
        return int(match.capturedEnd());
    }
    int from = 0;
    if (const auto match = quote.match(text); match.hasMatch()) {
        setFormat(0, int(text.size()), m_style.quote);
        setFormat(0, int(match.capturedLength()), m_style.marker);
        from = int(match.capturedLength());
    }
    if (const auto match = list.match(text, from); match.hasMatch() && match.capturedStart() == from) {
        applyOver(from, int(match.capturedEnd() - from), m_style.marker);
        if (match.capturedLength(1) > 0)
            applyOver(int(match.capturedStart(1)), 3, m_style.taskBox);
        from = int(match.capturedEnd());
    }
    return from;
}

// Emphasis, strong, strikethrough, link text and table pipes; code, math and HTML spans are
// painted over afterwards by formatTokens.
void MarkdownHighlighter::formatInline(const QString &text, int from)
{
    static const QRegularExpression strong(QStringLiteral(R"((\*\*|__)(?=\S)(.+?)(?<=\S)\1)"));
    static const QRegularExpression emphasis(QStringLiteral(R"((?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)|(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_]))"));
    static const QRegularExpression strike(QStringLiteral(R"(~~(?=\S)(.+?)(?<=\S)~~)"));
    static const QRegularExpression linkText(QStringLiteral(R"(!?\[(?!\^)([^\]]*)\](?=[(\[]))"));
    static const QRegularExpression pipe(QStringLiteral(R"((?<!\\)\|)"));

    const auto each = [&](const QRegularExpression &re, auto apply) {
        for (auto it = re.globalMatch(text, from); it.hasNext();)
            apply(it.next());
    };
    each(strong, [&](const QRegularExpressionMatch &m) { applyOver(int(m.capturedStart()), int(m.capturedLength()), m_style.strong); });
    each(emphasis, [&](const QRegularExpressionMatch &m) { applyOver(int(m.capturedStart()), int(m.capturedLength()), m_style.emphasis); });
    each(strike, [&](const QRegularExpressionMatch &m) { applyOver(int(m.capturedStart()), int(m.capturedLength()), m_style.strikethrough); });
    each(linkText, [&](const QRegularExpressionMatch &m) {
        applyOver(int(m.capturedStart()), int(m.capturedLength()), m_style.linkText);
    });
    if (text.contains(QLatin1Char('|')))
        each(pipe, [&](const QRegularExpressionMatch &m) { setFormat(int(m.capturedStart()), 1, m_style.marker); });
}

void MarkdownHighlighter::formatTokens(const QString &text, const QList<Token> &tokens)
{
    for (const Token &token : tokens) {
        switch (token.kind) {
        case Kind::Word:
            break;
        case Kind::Code:
            setFormat(token.start, token.length, m_style.code);
            break;
        case Kind::FenceMarker: {
            QTextCharFormat fence = m_style.code;
            fence.setForeground(m_style.marker.foreground());
            setFormat(token.start, token.length, fence);
            break;
        }
        case Kind::Math:
            setFormat(token.start, token.length, m_style.math);
            break;
        case Kind::Url:
            setFormat(token.start, token.length, m_style.url);
            break;
        case Kind::LinkTarget: {
            const bool footnote = QStringView(text).mid(token.start).startsWith(QLatin1StringView("[^"));
            setFormat(token.start, token.length, footnote ? m_style.footnote : m_style.url);
            break;
        }
        case Kind::Html:
            setFormat(token.start, token.length, m_style.html);
            break;
        }
    }
}

void MarkdownHighlighter::underlineMisspelled(const QString &text, const QList<Token> &tokens)
{
    QTextCharFormat underline;
    underline.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
    underline.setUnderlineColor(m_style.misspelled);
    for (const Token &token : tokens) {
        if (token.kind == Kind::Word && !m_checker->isCorrect(text.mid(token.start, token.length)))
            applyOver(token.start, token.length, underline);
    }
}

// Adds format's properties to what is already there, so **_both_** is bold and italic. Works
// run by run: a paragraph can be one 30,000-character line.
void MarkdownHighlighter::applyOver(int start, int length, const QTextCharFormat &added)
{
    const int end = start + length;
    for (int run = start; run < end;) {
        const QTextCharFormat current = format(run);
        int runEnd = run + 1;
        while (runEnd < end && format(runEnd) == current)
            ++runEnd;
        QTextCharFormat merged = current;
        merged.merge(added);
        setFormat(run, runEnd - run, merged);
        run = runEnd;
    }
}

QTextCursor MarkdownHighlighter::misspelledWordAt(int position) const
{
    if (!m_checker || !document())
        return {};
    const QTextBlock block = document()->findBlock(position);
    if (!block.isValid())
        return {};
    const QString text = block.text();
    const int offset = position - block.position();
    for (const Token &token : ProseTokenizer::scanLine(text, stateBefore(block)).tokens) {
        if (token.kind != Kind::Word || offset < token.start || offset > token.start + token.length)
            continue;
        if (m_checker->isCorrect(text.mid(token.start, token.length)))
            return {};
        QTextCursor cursor(document());
        cursor.setPosition(block.position() + token.start);
        cursor.setPosition(block.position() + token.start + token.length, QTextCursor::KeepAnchor);
        return cursor;
    }
    return {};
}

} // namespace quire
