#include "markdown/html_block_splitter.h"

#include <QLatin1StringView>

namespace quire {

namespace {

bool isVoidElement(QStringView name)
{
    static const QLatin1StringView names[] = {
        QLatin1StringView("area"), QLatin1StringView("base"), QLatin1StringView("br"), QLatin1StringView("col"),
        QLatin1StringView("embed"), QLatin1StringView("hr"), QLatin1StringView("img"), QLatin1StringView("input"),
        QLatin1StringView("link"), QLatin1StringView("meta"), QLatin1StringView("source"), QLatin1StringView("track"),
        QLatin1StringView("wbr")};
    for (QLatin1StringView candidate : names) {
        if (name.compare(candidate, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// Elements whose content is text up to their end tag, never markup.
bool isRawTextElement(QStringView name)
{
    return name.compare(QLatin1StringView("script"), Qt::CaseInsensitive) == 0
        || name.compare(QLatin1StringView("style"), Qt::CaseInsensitive) == 0
        || name.compare(QLatin1StringView("textarea"), Qt::CaseInsensitive) == 0
        || name.compare(QLatin1StringView("title"), Qt::CaseInsensitive) == 0;
}

bool isNameCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == u'-' || c == u':' || c == u'_';
}

// The end of the tag opened at `at` (the index after its '>'), quoted attribute values skipped.
qsizetype endOfTag(QStringView html, qsizetype at)
{
    QChar quote;
    for (qsizetype i = at + 1; i < html.size(); ++i) {
        const QChar c = html[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'"' || c == u'\'') {
            quote = c;
        } else if (c == u'>') {
            return i + 1;
        }
    }
    return html.size();
}

qsizetype endOf(QStringView html, qsizetype from, QLatin1StringView terminator)
{
    const qsizetype found = html.indexOf(terminator, from);
    return found < 0 ? html.size() : found + terminator.size();
}

} // namespace

QList<QStringView> HtmlBlockSplitter::split(QStringView html)
{
    QList<QStringView> blocks;
    qsizetype start = 0;      // of the piece being read
    qsizetype depth = 0;
    bool closed = false;      // an element at depth 0 ended: the piece ends after the whitespace
    qsizetype i = 0;
    auto finishPiece = [&](qsizetype end) {
        blocks.append(html.sliced(start, end - start));
        start = end;
        closed = false;
    };
    while (i < html.size()) {
        const QChar c = html[i];
        if (closed && !c.isSpace())
            finishPiece(i);
        if (c != u'<') {
            ++i;
            continue;
        }
        if (html.sliced(i).startsWith(QLatin1StringView("<!--"))) {
            i = endOf(html, i + 4, QLatin1StringView("-->"));
            closed = depth == 0;
            continue;
        }
        const QChar next = i + 1 < html.size() ? html[i + 1] : QChar();
        if (next == u'!' || next == u'?') {
            i = endOfTag(html, i);
            closed = depth == 0;
            continue;
        }
        const bool closing = next == u'/';
        qsizetype nameEnd = i + (closing ? 2 : 1);
        while (nameEnd < html.size() && isNameCharacter(html[nameEnd]))
            ++nameEnd;
        const QStringView name = html.sliced(i + (closing ? 2 : 1), nameEnd - i - (closing ? 2 : 1));
        if (name.isEmpty() || !name.front().isLetter()) {
            ++i;   // a '<' in text
            continue;
        }
        const qsizetype tagEnd = endOfTag(html, i);
        if (closing) {
            depth = std::max<qsizetype>(0, depth - 1);
            closed = depth == 0;
            i = tagEnd;
            continue;
        }
        const bool selfClosing = tagEnd >= 2 && html[tagEnd - 2] == u'/';
        if (isRawTextElement(name)) {
            // Its text may hold anything, "<div>" included: on to its end tag.
            const qsizetype endTag = html.indexOf(QStringLiteral("</%1").arg(name), tagEnd, Qt::CaseInsensitive);
            i = endTag < 0 ? html.size() : endOfTag(html, endTag);
            closed = depth == 0;
            continue;
        }
        i = tagEnd;
        if (selfClosing || isVoidElement(name))
            closed = depth == 0;
        else
            ++depth;
    }
    if (start < html.size())
        finishPiece(html.size());
    return blocks;
}

} // namespace quire
