#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QList>
#include <QRegularExpression>
#include <QString>

namespace quire {

// What the find bar looks for: plain text or a regular expression, with its options.
class TextSearch
{
    Q_DECLARE_TR_FUNCTIONS(TextSearch)

public:
    struct Options
    {
        bool matchCase = false;
        bool wholeWords = false;
        bool regularExpression = false;
    };
    struct Match
    {
        int start = 0;
        int length = 0;
        int end() const { return start + length; }
        bool operator==(const Match &) const = default;
    };

    // The compiled search, or the pattern's error in words ("missing ) at 4").
    static Result<TextSearch> compile(const QString &text, Options options);

    // Every non-empty match in text, in order.
    QList<Match> findAll(const QString &text) const;
    // The first match starting exactly at match.start, with its captures.
    QRegularExpressionMatch matchAt(const QString &text, const Match &match) const;
    // The replacement for a match: \1…\9 and \0 are captures (in regex mode), \n \t \\ escapes.
    QString replacement(const QString &replace, const QRegularExpressionMatch &match) const;

private:
    explicit TextSearch(QRegularExpression pattern, bool regex) : m_pattern(std::move(pattern)), m_regex(regex) {}

    QRegularExpression m_pattern;
    bool m_regex = false;
};

} // namespace quire
