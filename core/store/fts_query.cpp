#include "store/fts_query.h"

#include <QStringList>

#include <algorithm>

namespace quire {

namespace {

bool isSearchable(const QString &word)
{
    return std::any_of(word.cbegin(), word.cend(), [](QChar c) { return c.isLetterOrNumber(); });
}

QString quoted(const QString &word)
{
    QString escaped = word;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

QString FtsQuery::fromUserText(const QString &text)
{
    QStringList words;
    for (const QString &word : text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (isSearchable(word))
            words.append(quoted(word));
    }
    if (words.isEmpty())
        return {};
    // A prefix of a few letters stands for thousands of words in a blog: as a word of its own
    // it is exact, and quick on every post.
    if (text.simplified().section(QLatin1Char(' '), -1).size() >= MinimumPrefix)
        words.last().append(QLatin1Char('*'));
    return words.join(QLatin1String(" AND "));
}

} // namespace quire
