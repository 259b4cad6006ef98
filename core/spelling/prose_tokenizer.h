#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace quire {

// Splits Markdown source, one line at a time, into the prose words a spell checker should look at
// and the spans it must leave alone (code, math, URLs, link targets, HTML). Constructs that span
// lines (fenced code, display math, HTML comments) are carried in a LineState, so an editor can
// keep it per block and re-scan only the lines that changed.
class ProseTokenizer
{
public:
    enum class Context { Prose, BacktickFence, TildeFence, DisplayMath, HtmlComment };

    // What the previous line left open. Packs into an int for QTextBlock::userState().
    struct LineState
    {
        Context context = Context::Prose;
        int fenceLength = 0;

        int toInt() const { return int(context) | (fenceLength << 4); }
        static LineState fromInt(int value);
        bool operator==(const LineState &) const = default;
    };

    enum class Kind { Word, Code, FenceMarker, Math, Url, LinkTarget, Html };

    struct Token
    {
        Kind kind;
        int start;
        int length;
        bool operator==(const Token &) const = default;
    };

    struct Line
    {
        QList<Token> tokens;   // in order of position
        LineState next;        // what this line leaves open for the next one
    };

    // Scans one line (without its line break) given what the previous line left open.
    static Line scanLine(QStringView line, LineState state);

    // The prose words of a whole document, in order: a convenience over scanLine.
    static QStringList words(const QString &markdown);

private:
    static bool scanFenceOpening(QStringView line, Line &out);
    static void scanInline(QStringView line, int from, Line &out);
    static int scanWord(QStringView line, int from, Line &out);
};

} // namespace quire
