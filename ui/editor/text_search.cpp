#include "editor/text_search.h"

namespace quire {

Result<TextSearch> TextSearch::compile(const QString &text, Options options)
{
    QString source = options.regularExpression ? text : QRegularExpression::escape(text);
    if (options.wholeWords)
        source = QStringLiteral("\\b(?:%1)\\b").arg(source);
    QRegularExpression::PatternOptions flags = QRegularExpression::UseUnicodePropertiesOption;
    if (!options.matchCase)
        flags |= QRegularExpression::CaseInsensitiveOption;
    // Lines are what the writer sees: ^ and $ match at each one.
    if (options.regularExpression)
        flags |= QRegularExpression::MultilineOption;
    QRegularExpression pattern(source, flags);
    if (!pattern.isValid()) {
        const int offset = int(pattern.patternErrorOffset()) - (options.wholeWords ? 5 : 0);
        return Error{tr("%1 at position %2")
                         .arg(pattern.errorString())
                         .arg(std::max(0, offset) + 1)};
    }
    pattern.optimize();
    return TextSearch(std::move(pattern), options.regularExpression);
}

QList<TextSearch::Match> TextSearch::findAll(const QString &text) const
{
    QList<Match> matches;
    QRegularExpressionMatchIterator it = m_pattern.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        if (match.capturedLength() > 0)   // an empty match ("^", "x*") has nothing to show or replace
            matches.append({int(match.capturedStart()), int(match.capturedLength())});
    }
    return matches;
}

QRegularExpressionMatch TextSearch::matchAt(const QString &text, const Match &match) const
{
    return m_pattern.match(text, match.start, QRegularExpression::NormalMatch,
                           QRegularExpression::AnchorAtOffsetMatchOption);
}

QString TextSearch::replacement(const QString &replace, const QRegularExpressionMatch &match) const
{
    if (!m_regex)
        return replace;
    QString result;
    result.reserve(replace.size());
    for (qsizetype i = 0; i < replace.size(); ++i) {
        const QChar c = replace.at(i);
        if (c != QLatin1Char('\\') || i + 1 == replace.size()) {
            result += c;
            continue;
        }
        const QChar next = replace.at(++i);
        if (next.isDigit())
            result += match.captured(next.digitValue());
        else if (next == QLatin1Char('n'))
            result += QLatin1Char('\n');
        else if (next == QLatin1Char('t'))
            result += QLatin1Char('\t');
        else
            result += next;
    }
    return result;
}

} // namespace quire
