#include "spelling/prose_tokenizer.h"

#include <QRegularExpression>

namespace quire {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark() || c == QLatin1Char('_');
}

bool isApostrophe(QChar c)
{
    return c == QLatin1Char('\'') || c == QChar(0x2019);
}

// Characters that glue word pieces into something that is not prose: paths, hosts, e-mail
// addresses, versions, namespaces (src/main.cpp, example.com, a@b.org, std::vector).
bool isCompoundJoiner(QChar c)
{
    return c == QLatin1Char('.') || c == QLatin1Char('/') || c == QLatin1Char('\\') || c == QLatin1Char(':')
        || c == QLatin1Char('@');
}

int leadingSpaces(QStringView line)
{
    int i = 0;
    while (i < line.size() && (line[i] == QLatin1Char(' ') || line[i] == QLatin1Char('\t')))
        ++i;
    return i;
}

int runLength(QStringView line, int from, QChar c)
{
    int i = from;
    while (i < line.size() && line[i] == c)
        ++i;
    return i - from;
}

bool onlySpaceFrom(QStringView line, int from)
{
    for (int i = from; i < line.size(); ++i) {
        if (!line[i].isSpace())
            return false;
    }
    return true;
}

// Where a run of exactly n backticks starts at or after from, or -1.
int findBacktickRun(QStringView line, int from, int n)
{
    for (int i = from; i < line.size();) {
        if (line[i] != QLatin1Char('`')) {
            ++i;
            continue;
        }
        const int run = runLength(line, i, QLatin1Char('`'));
        if (run == n)
            return i;
        i += run;
    }
    return -1;
}

// The closing ')' of a link destination that opens at from (the '('), or the end of the line.
int linkDestinationEnd(QStringView line, int from)
{
    int depth = 0;
    for (int i = from; i < line.size(); ++i) {
        if (line[i] == QLatin1Char('\\')) {
            ++i;
        } else if (line[i] == QLatin1Char('(')) {
            ++depth;
        } else if (line[i] == QLatin1Char(')') && --depth == 0) {
            return i + 1;
        }
    }
    return line.size();
}

int urlLength(QStringView line, int from)
{
    static const QLatin1StringView schemes[] = {QLatin1StringView("https://"), QLatin1StringView("http://"),
                                                QLatin1StringView("ftp://"), QLatin1StringView("mailto:"),
                                                QLatin1StringView("file://"), QLatin1StringView("www.")};
    const QStringView rest = line.mid(from);
    for (QLatin1StringView scheme : schemes) {
        if (rest.startsWith(scheme, Qt::CaseInsensitive)) {
            int i = from;
            while (i < line.size() && !line[i].isSpace() && line[i] != QLatin1Char('>') && line[i] != QLatin1Char(')'))
                ++i;
            return i - from;
        }
    }
    return 0;
}

// A word a writer did not mean as prose: identifiers, acronyms, anything with digits.
bool isProseWord(QStringView word)
{
    int upper = 0;
    int lower = 0;
    bool upperAfterLower = false;
    for (QChar c : word) {
        if (c.isDigit() || c == QLatin1Char('_'))
            return false;
        if (c.isUpper()) {
            ++upper;
            upperAfterLower = upperAfterLower || lower > 0;
        } else if (c.isLower()) {
            ++lower;
        }
    }
    if (upperAfterLower)
        return false;   // camelCase, iPhone
    if (upper >= 2 && lower == 0)
        return false;   // HTML, GPU
    if (upper >= 2 && lower == 1 && word.endsWith(QLatin1Char('s')))
        return false;   // APIs, GPUs
    return true;
}

} // namespace

ProseTokenizer::LineState ProseTokenizer::LineState::fromInt(int value)
{
    if (value < 0)
        return {};
    LineState state;
    const int context = value & 0xf;
    state.context = context <= int(Context::HtmlComment) ? Context(context) : Context::Prose;
    state.fenceLength = value >> 4;
    return state;
}

ProseTokenizer::Line ProseTokenizer::scanLine(QStringView line, LineState state)
{
    Line out;
    out.next = state;
    switch (state.context) {
    case Context::BacktickFence:
    case Context::TildeFence: {
        const QChar fence = state.context == Context::BacktickFence ? QLatin1Char('`') : QLatin1Char('~');
        const int indent = leadingSpaces(line);
        const int run = runLength(line, indent, fence);
        if (run >= state.fenceLength && onlySpaceFrom(line, indent + run)) {
            out.tokens.append({Kind::FenceMarker, 0, int(line.size())});
            out.next = {};
        } else if (!line.isEmpty()) {
            out.tokens.append({Kind::Code, 0, int(line.size())});
        }
        return out;
    }
    case Context::DisplayMath:
    case Context::HtmlComment: {
        const bool math = state.context == Context::DisplayMath;
        const QLatin1StringView closing = math ? QLatin1StringView("$$") : QLatin1StringView("-->");
        const int end = int(line.indexOf(closing));
        if (end < 0) {
            if (!line.isEmpty())
                out.tokens.append({math ? Kind::Math : Kind::Html, 0, int(line.size())});
            return out;
        }
        const int length = end + int(closing.size());
        out.tokens.append({math ? Kind::Math : Kind::Html, 0, length});
        out.next = {};
        scanInline(line, length, out);
        return out;
    }
    case Context::Prose:
        break;
    }
    if (!scanFenceOpening(line, out))
        scanInline(line, 0, out);
    return out;
}

bool ProseTokenizer::scanFenceOpening(QStringView line, Line &out)
{
    const int indent = leadingSpaces(line);
    if (indent >= line.size())
        return false;
    const QChar c = line[indent];
    if (c != QLatin1Char('`') && c != QLatin1Char('~'))
        return false;
    const int run = runLength(line, indent, c);
    // A backtick fence's info string cannot hold a backtick (that is a code span instead).
    if (run < 3 || (c == QLatin1Char('`') && line.indexOf(QLatin1Char('`'), indent + run) >= 0))
        return false;
    out.tokens.append({Kind::FenceMarker, 0, int(line.size())});
    out.next = {c == QLatin1Char('`') ? Context::BacktickFence : Context::TildeFence, run};
    return true;
}

namespace {

using Kind = ProseTokenizer::Kind;
using Line = ProseTokenizer::Line;
using Context = ProseTokenizer::Context;

// Each scanner below looks at line[i]; when the construct there is its own it records a token and
// returns the index after it (the line's end when the construct stays open to the next line), and
// otherwise returns i unchanged.

int scanCodeSpan(QStringView line, int i, Line &out)
{
    const int run = runLength(line, i, line[i]);
    const int close = findBacktickRun(line, i + run, run);
    if (close < 0)
        return i + run;   // backticks without a closing run are text
    out.tokens.append({Kind::Code, i, close + run - i});
    return close + run;
}

int scanMath(QStringView line, int i, Line &out)
{
    const int n = int(line.size());
    if (line.mid(i).startsWith(QLatin1StringView("$$"))) {
        const int close = int(line.indexOf(QLatin1StringView("$$"), i + 2));
        if (close < 0) {
            out.tokens.append({Kind::Math, i, n - i});
            out.next = {Context::DisplayMath, 0};
            return n;
        }
        out.tokens.append({Kind::Math, i, close + 2 - i});
        return close + 2;
    }
    // Inline math as md4c reads it: $x$, no space just inside either dollar.
    int close = -1;
    if (i + 1 < n && !line[i + 1].isSpace()) {
        for (int j = i + 1; j < n && close < 0; ++j) {
            if (line[j] == QLatin1Char('\\'))
                ++j;
            else if (line[j] == QLatin1Char('$') && !line[j - 1].isSpace())
                close = j;
        }
    }
    if (close < 0)
        return i + 1;
    out.tokens.append({Kind::Math, i, close + 1 - i});
    return close + 1;
}

// An HTML comment, tag or autolink (<https://…>, <me@example.org>).
int scanAngle(QStringView line, int i, Line &out)
{
    const int n = int(line.size());
    if (line.mid(i).startsWith(QLatin1StringView("<!--"))) {
        const int close = int(line.indexOf(QLatin1StringView("-->"), i + 4));
        if (close < 0) {
            out.tokens.append({Kind::Html, i, n - i});
            out.next = {Context::HtmlComment, 0};
            return n;
        }
        out.tokens.append({Kind::Html, i, close + 3 - i});
        return close + 3;
    }
    if (i + 1 >= n || !(line[i + 1].isLetter() || line[i + 1] == QLatin1Char('/') || line[i + 1] == QLatin1Char('!')))
        return i;
    const int close = int(line.indexOf(QLatin1Char('>'), i + 1));
    if (close < 0)
        return i + 1;
    const QStringView inside = line.mid(i + 1, close - i - 1);
    const bool autolink = inside.contains(QLatin1StringView("://")) || inside.contains(QLatin1Char('@'));
    out.tokens.append({autolink ? Kind::Url : Kind::Html, i, close + 1 - i});
    return close + 1;
}

// A link's destination after "](", or a footnote reference "[^label]".
int scanLinkPart(QStringView line, int i, Line &out)
{
    const QStringView rest = line.mid(i);
    if (rest.startsWith(QLatin1StringView("]("))) {
        const int end = linkDestinationEnd(line, i + 1);
        out.tokens.append({Kind::LinkTarget, i + 1, end - i - 1});
        return end;
    }
    if (rest.startsWith(QLatin1StringView("[^"))) {
        const int close = int(line.indexOf(QLatin1Char(']'), i));
        const int end = close < 0 ? int(line.size()) : close + 1;
        out.tokens.append({Kind::LinkTarget, i, end - i});
        return end;
    }
    return i;
}

int scanEntity(QStringView line, int i, Line &out)
{
    static const QRegularExpression entity(QStringLiteral("^&#?[A-Za-z0-9]+;"));
    const auto match = entity.match(line.mid(i));
    if (!match.hasMatch())
        return i + 1;
    out.tokens.append({Kind::Html, i, int(match.capturedLength())});
    return i + int(match.capturedLength());
}

} // namespace

void ProseTokenizer::scanInline(QStringView line, int from, Line &out)
{
    // A link reference definition: "[label]: destination" (a footnote's "[^label]: text" is prose).
    static const QRegularExpression definition(QStringLiteral(R"(^\s{0,3}\[(?!\^)[^\]]+\]:\s*\S+)"));
    int i = from;
    if (from == 0) {
        if (const auto match = definition.match(line); match.hasMatch()) {
            out.tokens.append({Kind::LinkTarget, 0, int(match.capturedLength())});
            i = int(match.capturedLength());
        }
    }
    const int n = int(line.size());
    while (i < n) {
        const QChar c = line[i];
        int next = i;
        if (c == QLatin1Char('\\'))
            next = i + 2;
        else if (c == QLatin1Char('`'))
            next = scanCodeSpan(line, i, out);
        else if (c == QLatin1Char('$'))
            next = scanMath(line, i, out);
        else if (c == QLatin1Char('<'))
            next = scanAngle(line, i, out);
        else if (c == QLatin1Char(']') || c == QLatin1Char('['))
            next = scanLinkPart(line, i, out);
        else if (c == QLatin1Char('&'))
            next = scanEntity(line, i, out);
        if (next == i) {
            if (const int url = urlLength(line, i); url > 0) {
                out.tokens.append({Kind::Url, i, url});
                next = i + url;
            } else if (isWordChar(c)) {
                next = scanWord(line, i, out);
            } else {
                next = i + 1;
            }
        }
        i = next;
    }
}

int ProseTokenizer::scanWord(QStringView line, int from, Line &out)
{
    const int n = int(line.size());
    int end = from;
    bool compound = false;
    while (end < n) {
        const QChar c = line[end];
        if (isWordChar(c)) {
            ++end;
        } else if ((isApostrophe(c) || c == QLatin1Char('-')) && end + 1 < n && isWordChar(line[end + 1])) {
            ++end;
        } else if (isCompoundJoiner(c)) {
            int next = end;
            while (next < n && isCompoundJoiner(line[next]))
                ++next;
            if (next - end > 2 || next >= n || !isWordChar(line[next]))
                break;
            compound = true;
            end = next;
        } else {
            break;
        }
    }
    if (compound)
        return end;
    // Underscores at either end are emphasis (_word_), not part of the word.
    int start = from;
    int stop = end;
    while (start < stop && line[start] == QLatin1Char('_'))
        ++start;
    while (stop > start && line[stop - 1] == QLatin1Char('_'))
        --stop;
    const QStringView word = line.mid(start, stop - start);
    if (!word.isEmpty() && isProseWord(word))
        out.tokens.append({Kind::Word, start, stop - start});
    return end;
}

QStringList ProseTokenizer::words(const QString &markdown)
{
    QStringList words;
    LineState state;
    for (QStringView line : QStringView(markdown).split(QLatin1Char('\n'))) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const Line scanned = scanLine(line, state);
        for (const Token &token : scanned.tokens) {
            if (token.kind == Kind::Word)
                words.append(line.mid(token.start, token.length).toString());
        }
        state = scanned.next;
    }
    return words;
}

} // namespace quire
