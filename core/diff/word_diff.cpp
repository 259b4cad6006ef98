#include "diff/word_diff.h"

#include <QCoreApplication>
#include <QHash>
#include <QTextBoundaryFinder>

#include <dtl/dtl.hpp>

#include <algorithm>
#include <vector>

namespace quire {

namespace {

enum class TokenClass { Space, Word, Single };

char32_t codePointAt(const QString &text, qsizetype index)
{
    const QChar first = text.at(index);
    if (first.isHighSurrogate() && index + 1 < text.size() && text.at(index + 1).isLowSurrogate())
        return QChar::surrogateToUcs4(first, text.at(index + 1));
    return first.unicode();
}

// Scripts written without spaces between words: each character is a token of its own, or a
// changed character would mark its whole sentence as changed.
bool isWrittenWithoutSpaces(char32_t c)
{
    switch (QChar::script(c)) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Thai:
    case QChar::Script_Lao:
    case QChar::Script_Khmer:
        return true;
    default:
        return false;
    }
}

bool isRegionalIndicator(char32_t c)
{
    return c >= 0x1F1E6 && c <= 0x1F1FF;
}

// A grapheme cluster is classed by its first code point; its marks travel with it.
TokenClass classOf(char32_t c)
{
    if (QChar::isSpace(c))
        return TokenClass::Space;
    if ((QChar::isLetterOrNumber(c) || c == U'_') && !isWrittenWithoutSpaces(c))
        return TokenClass::Word;
    return TokenClass::Single;
}

bool isWord(const QString &token)
{
    return !token.isEmpty() && QChar::isLetterOrNumber(codePointAt(token, 0));
}

// Lines with their line break, so that joining them gives the text back.
QStringList splitLines(const QString &text)
{
    QStringList lines;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        const qsizetype next = end < 0 ? text.size() : end + 1;
        lines.append(text.mid(start, next - start));
        start = next;
    }
    return lines;
}

// Numbers equal strings the same way, for a quicker diff than comparing strings.
struct Interner
{
    QHash<QString, int> ids;

    std::vector<int> intern(const QStringList &items)
    {
        std::vector<int> result;
        result.reserve(static_cast<size_t>(items.size()));
        for (const QString &item : items) {
            auto found = ids.constFind(item);
            if (found == ids.cend())
                found = ids.insert(item, static_cast<int>(ids.size()));
            result.push_back(*found);
        }
        return result;
    }
};

// The edit script of before -> after, removals of a change before its insertions.
std::vector<std::pair<int, dtl::elemInfo>> editScript(const QStringList &before, const QStringList &after)
{
    Interner interner;
    const std::vector<int> a = interner.intern(before);
    const std::vector<int> b = interner.intern(after);
    dtl::Diff<int, std::vector<int>> diff(a, b, true);
    diff.compose();
    return diff.getSes().getSequence();
}

} // namespace

QStringList WordDiff::tokenize(const QString &text)
{
    QStringList tokens;
    QTextBoundaryFinder graphemes(QTextBoundaryFinder::Grapheme, text);
    qsizetype tokenStart = 0;
    TokenClass tokenClass = TokenClass::Single;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = graphemes.toNextBoundary();
        if (end <= start)
            end = text.size();   // cannot happen with a valid finder; never loop forever
        // Qt 6.4 splits a flag (two regional indicators) in two: keep the pair together.
        if (isRegionalIndicator(codePointAt(text, start)) && end - start == 2 && end < text.size()
            && isRegionalIndicator(codePointAt(text, end)))
            end = graphemes.toNextBoundary();
        const TokenClass cls = classOf(codePointAt(text, start));
        const bool continues = start > tokenStart && cls == tokenClass && cls != TokenClass::Single;
        if (!continues) {
            if (start > tokenStart)
                tokens.append(text.mid(tokenStart, start - tokenStart));
            tokenStart = start;
            tokenClass = cls;
        }
        start = end;
    }
    if (text.size() > tokenStart)
        tokens.append(text.mid(tokenStart));
    return tokens;
}

WordDiff WordDiff::compare(const QString &before, const QString &after)
{
    WordDiff result;
    const QStringList oldLines = splitLines(before);
    const QStringList newLines = splitLines(after);
    QString removed;
    QString inserted;
    const auto flushChange = [&] {
        if (!removed.isEmpty() || !inserted.isEmpty())
            result.compareWords(removed, inserted);
        removed.clear();
        inserted.clear();
    };
    for (const auto &[id, info] : editScript(oldLines, newLines)) {
        (void)id;
        switch (info.type) {
        case dtl::SES_COMMON:
            flushChange();
            result.append(DiffSegment::Kind::Equal, oldLines.at(info.beforeIdx - 1));
            break;
        case dtl::SES_DELETE:
            removed += oldLines.at(info.beforeIdx - 1);
            break;
        case dtl::SES_ADD:
            inserted += newLines.at(info.afterIdx - 1);
            break;
        }
    }
    flushChange();
    return result;
}

void WordDiff::compareWords(const QString &before, const QString &after)
{
    const QStringList oldTokens = tokenize(before);
    const QStringList newTokens = tokenize(after);
    for (const auto &[id, info] : editScript(oldTokens, newTokens)) {
        (void)id;
        switch (info.type) {
        case dtl::SES_COMMON:
            append(DiffSegment::Kind::Equal, oldTokens.at(info.beforeIdx - 1));
            break;
        case dtl::SES_DELETE:
            append(DiffSegment::Kind::Removed, oldTokens.at(info.beforeIdx - 1));
            m_wordsRemoved += isWord(oldTokens.at(info.beforeIdx - 1)) ? 1 : 0;
            break;
        case dtl::SES_ADD:
            append(DiffSegment::Kind::Inserted, newTokens.at(info.afterIdx - 1));
            m_wordsAdded += isWord(newTokens.at(info.afterIdx - 1)) ? 1 : 0;
            break;
        }
    }
}

void WordDiff::append(DiffSegment::Kind kind, const QString &text)
{
    if (text.isEmpty())
        return;
    if (!m_segments.isEmpty() && m_segments.last().kind == kind)
        m_segments.last().text += text;
    else
        m_segments.append({kind, text});
}

bool WordDiff::isEqual() const
{
    return std::all_of(m_segments.cbegin(), m_segments.cend(),
                       [](const DiffSegment &segment) { return segment.kind == DiffSegment::Kind::Equal; });
}

QString WordDiff::summary() const
{
    if (isEqual())
        return QCoreApplication::translate("quire::WordDiff", "No changes");
    if (m_wordsAdded == 0 && m_wordsRemoved == 0)
        return QCoreApplication::translate("quire::WordDiff", "Only spacing and punctuation changed");
    const QString added = QCoreApplication::translate("quire::WordDiff", "%n word(s) added", nullptr, m_wordsAdded);
    const QString removed = QCoreApplication::translate("quire::WordDiff", "%n word(s) removed", nullptr, m_wordsRemoved);
    if (m_wordsRemoved == 0)
        return added;
    if (m_wordsAdded == 0)
        return removed;
    //: "3 words added, 1 removed"
    return QCoreApplication::translate("quire::WordDiff", "%1, %n removed", nullptr, m_wordsRemoved).arg(added);
}

} // namespace quire
