#include "editor/list_editing.h"

#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

namespace quire {

namespace {

// The start of a line that continues on the next: indentation, quote markers, list marker
// (bullet, or number with "." or ")"), the space after it and an optional task box.
struct LinePrefix
{
    QString indent;
    QString quote;
    QString bullet;      // "-", "*" or "+"
    qint64 number = -1;  // for ordered items
    QString delimiter;   // "." or ")"
    QString spacing;
    QString task;        // "[ ] " / "[x] " as written
    int length = 0;      // characters of the line the prefix covers

    bool isListItem() const { return !bullet.isEmpty() || number >= 0; }
    bool isContinued() const { return isListItem() || !quote.isEmpty(); }
};

LinePrefix parsePrefix(const QString &line)
{
    static const QRegularExpression pattern(QStringLiteral(
        R"(^([ \t]*)((?:>[ \t]?)*)(?:(?:([-*+])|(\d{1,9})([.)]))([ \t]+)(\[[ xX]\][ \t]+)?)?)"));
    // "* * *" and "- - -" are thematic breaks, not items.
    static const QRegularExpression thematicBreak(QStringLiteral(R"(^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$)"));
    LinePrefix prefix;
    const QRegularExpressionMatch match = pattern.match(line);
    prefix.indent = match.captured(1);
    prefix.quote = match.captured(2);
    prefix.length = int(match.capturedLength(1) + match.capturedLength(2));
    if (match.capturedLength(6) == 0 || thematicBreak.match(line).hasMatch())
        return prefix;
    prefix.bullet = match.captured(3);
    if (match.capturedLength(4) > 0)
        prefix.number = match.captured(4).toLongLong();
    prefix.delimiter = match.captured(5);
    prefix.spacing = match.captured(6);
    prefix.task = match.captured(7);
    prefix.length = int(match.capturedLength(0));
    return prefix;
}

// What the next line starts with: the same kind of item, numbered one up, its task unticked.
QString continuation(const LinePrefix &prefix)
{
    QString next = prefix.indent + prefix.quote;
    if (!prefix.bullet.isEmpty())
        next += prefix.bullet + prefix.spacing;
    else if (prefix.number >= 0)
        next += QString::number(prefix.number + 1) + prefix.delimiter + prefix.spacing;
    if (!prefix.task.isEmpty())
        next += QStringLiteral("[ ] ");
    if (prefix.quote.endsWith(QLatin1Char('>')) && !prefix.isListItem())
        next += QLatin1Char(' ');
    return next;
}

QString leadingWhitespace(const QString &line)
{
    qsizetype i = 0;
    while (i < line.size() && (line.at(i) == QLatin1Char(' ') || line.at(i) == QLatin1Char('\t')))
        ++i;
    return line.left(i);
}

// Whether block lies between an opening ``` / ~~~ fence and its closing one.
bool isInCodeFence(const QTextBlock &block)
{
    static const QRegularExpression fence(QStringLiteral(R"(^[ ]{0,3}(`{3,}|~{3,}))"));
    QString open;   // the fence that is open, empty outside code
    for (QTextBlock b = block.document()->firstBlock(); b.isValid() && b != block; b = b.next()) {
        const QRegularExpressionMatch match = fence.match(b.text());
        if (!match.hasMatch())
            continue;
        const QString marker = match.captured(1);
        if (open.isEmpty())
            open = marker;
        else if (marker.at(0) == open.at(0) && marker.size() >= open.size())
            open.clear();
    }
    return !open.isEmpty();
}

// The blocks a selection touches, with a selection that ends at the start of a line
// leaving that line out (as it looks to the writer).
std::pair<QTextBlock, QTextBlock> selectedBlocks(const QTextCursor &cursor)
{
    QTextDocument *document = cursor.document();
    const QTextBlock first = document->findBlock(cursor.selectionStart());
    QTextBlock last = document->findBlock(cursor.selectionEnd());
    if (last != first && cursor.selectionEnd() == last.position())
        last = last.previous();
    return {first, last};
}

int outdentWidth(const QString &line)
{
    if (line.startsWith(QLatin1Char('\t')))
        return 1;
    int width = 0;
    while (width < ListEditing::IndentWidth && width < line.size() && line.at(width) == QLatin1Char(' '))
        ++width;
    return width;
}

// Indents or outdents each block from first to last by one level, as one undo step.
bool shiftBlocks(QTextCursor cursor, const QTextBlock &first, const QTextBlock &last, bool in)
{
    bool changed = false;
    cursor.beginEditBlock();
    for (QTextBlock block = first; block.isValid(); block = block.next()) {
        QTextCursor edit(block);
        if (in && !block.text().trimmed().isEmpty()) {
            edit.insertText(QString(ListEditing::IndentWidth, QLatin1Char(' ')));
            changed = true;
        } else if (!in) {
            const int width = outdentWidth(block.text());
            edit.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor, width);
            if (width > 0) {
                edit.removeSelectedText();
                changed = true;
            }
        }
        if (block == last)
            break;
    }
    cursor.endEditBlock();
    return changed;
}

} // namespace

bool ListEditing::insertNewline(QTextCursor cursor)
{
    const QTextBlock block = cursor.block();
    const QString line = block.text();
    const int column = cursor.position() - block.position();
    const bool inCode = isInCodeFence(block);
    const LinePrefix prefix = inCode ? LinePrefix{} : parsePrefix(line);

    cursor.beginEditBlock();
    if (!inCode && prefix.isContinued() && column >= prefix.length && !cursor.hasSelection()
        && line.mid(prefix.length).trimmed().isEmpty()) {
        // An empty item: the writer is done with the list (or quote). Drop the marker, keep
        // the quote around a list.
        QTextCursor whole(block);
        whole.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        const QString quote = prefix.isListItem() ? prefix.quote : QString();
        whole.insertText(quote.isEmpty() ? QString() : quote.trimmed() + QLatin1Char(' '));
    } else {
        cursor.removeSelectedText();
        const bool continues = !inCode && prefix.isContinued() && column >= prefix.length;
        // Splitting "milk bread" between the words: the new item starts with "bread".
        while (continues && !cursor.atBlockEnd() && cursor.document()->characterAt(cursor.position()) == QLatin1Char(' '))
            cursor.deleteChar();
        cursor.insertText(QLatin1Char('\n') + (continues ? continuation(prefix) : leadingWhitespace(line.left(column))));
    }
    cursor.endEditBlock();
    return true;
}

bool ListEditing::indent(QTextCursor cursor)
{
    const auto [first, last] = selectedBlocks(cursor);
    if (first == last && !parsePrefix(first.text()).isListItem())
        return false;
    shiftBlocks(cursor, first, last, true);
    return true;
}

bool ListEditing::outdent(QTextCursor cursor)
{
    const auto [first, last] = selectedBlocks(cursor);
    shiftBlocks(cursor, first, last, false);
    return true;
}

} // namespace quire
