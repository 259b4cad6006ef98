#include "interchange/image_references.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace quire {

namespace {

bool insideAny(qsizetype position, const QList<QPair<qsizetype, qsizetype>> &ranges)
{
    return std::any_of(ranges.begin(), ranges.end(),
                       [position](const auto &range) { return position >= range.first && position < range.second; });
}

QString normalLabel(const QString &label)
{
    return label.simplified().toCaseFolded();
}

// The labels that images use: ![alt][label], ![label][] and ![label].
QSet<QString> imageLabels(const QString &body, const QList<QPair<qsizetype, qsizetype>> &fences)
{
    static const QRegularExpression pattern(QStringLiteral("!\\[([^\\]]*)\\](?:\\[([^\\]]*)\\])?(?!\\()"));
    QSet<QString> labels;
    for (auto it = pattern.globalMatch(body); it.hasNext();) {
        const auto match = it.next();
        if (insideAny(match.capturedStart(), fences))
            continue;
        const QString label = match.captured(2).isEmpty() ? match.captured(1) : match.captured(2);
        labels.insert(normalLabel(label));
    }
    return labels;
}

void add(QList<ImageReferences::Reference> &references, const QRegularExpressionMatch &match, int group)
{
    QString url = match.captured(group);
    qsizetype start = match.capturedStart(group);
    if (url.startsWith(QLatin1Char('<')) && url.endsWith(QLatin1Char('>'))) {
        url = url.mid(1, url.size() - 2);
        ++start;
    }
    if (!url.trimmed().isEmpty())
        references.append({start, url.size(), url});
}

} // namespace

QList<QPair<qsizetype, qsizetype>> ImageReferences::fencedBlocks(const QString &body)
{
    static const QRegularExpression fence(QStringLiteral("^ {0,3}(`{3,}|~{3,})"), QRegularExpression::MultilineOption);
    QList<QPair<qsizetype, qsizetype>> blocks;
    qsizetype from = 0;
    while (true) {
        const auto open = fence.match(body, from);
        if (!open.hasMatch())
            break;
        const QString marker = open.captured(1);
        // The closing fence: the same character, at least as long, alone on its line.
        const QRegularExpression close(QStringLiteral("^ {0,3}%1%2*[ \\t]*$")
                                           .arg(QRegularExpression::escape(marker), QRegularExpression::escape(marker.left(1))),
                                       QRegularExpression::MultilineOption);
        const qsizetype lineEnd = body.indexOf(QLatin1Char('\n'), open.capturedEnd());
        const auto closing = lineEnd < 0 ? QRegularExpressionMatch() : close.match(body, lineEnd + 1);
        const qsizetype end = closing.hasMatch() ? closing.capturedEnd() : body.size();
        blocks.append({open.capturedStart(), end});
        from = end;
        if (from >= body.size())
            break;
    }
    return blocks;
}

QList<ImageReferences::Reference> ImageReferences::find(const QString &body)
{
    const auto fences = fencedBlocks(body);
    QList<Reference> references;

    // A URL may hold Liquid ({{ site.baseurl }}/x.png) with spaces inside the braces.
    static const QRegularExpression inlineImage(QStringLiteral(
        "!\\[[^\\]]*\\]\\(\\s*(<[^>\\n]*>|(?:\\{\\{[^}\\n]*\\}\\}|[^\\s()])+)(?:\\s+(?:\"[^\"]*\"|'[^']*'))?\\s*\\)"));
    for (auto it = inlineImage.globalMatch(body); it.hasNext();) {
        const auto match = it.next();
        if (!insideAny(match.capturedStart(), fences))
            add(references, match, 1);
    }

    static const QRegularExpression definition(QStringLiteral(
        "^ {0,3}\\[([^\\]]+)\\]:[ \\t]*(<[^>\\n]*>|(?:\\{\\{[^}\\n]*\\}\\}|\\S)+)"), QRegularExpression::MultilineOption);
    const QSet<QString> labels = imageLabels(body, fences);
    for (auto it = definition.globalMatch(body); it.hasNext();) {
        const auto match = it.next();
        if (!insideAny(match.capturedStart(), fences) && labels.contains(normalLabel(match.captured(1))))
            add(references, match, 2);
    }

    static const QRegularExpression htmlImage(QStringLiteral(
        "<img\\b[^>]*?\\bsrc\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')"), QRegularExpression::CaseInsensitiveOption);
    for (auto it = htmlImage.globalMatch(body); it.hasNext();) {
        const auto match = it.next();
        if (!insideAny(match.capturedStart(), fences))
            add(references, match, match.capturedStart(1) >= 0 ? 1 : 2);
    }

    std::sort(references.begin(), references.end(),
              [](const Reference &a, const Reference &b) { return a.start < b.start; });
    return references;
}

QString ImageReferences::rewrite(const QString &body, const QList<Reference> &references, const QStringList &replacements)
{
    QString result = body;
    // Back to front, so the positions of the earlier references stay right.
    for (qsizetype i = references.size() - 1; i >= 0; --i) {
        if (i < replacements.size() && !replacements.at(i).isEmpty())
            result.replace(references.at(i).start, references.at(i).length, replacements.at(i));
    }
    return result;
}

} // namespace quire
