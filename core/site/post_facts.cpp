#include "site/post_facts.h"

#include <QJsonArray>

namespace quire {

QJsonObject PostFacts::toJson() const
{
    QJsonArray tocArray;
    for (const OutlineEntry &entry : toc)
        tocArray.append(QJsonArray{entry.level, entry.text, entry.id, entry.line});
    QJsonArray linkArray;
    for (const Link &link : links)
        linkArray.append(QJsonArray{link.target, link.image, link.line});
    QJsonArray issueArray;
    for (const Issue &issue : issues)
        issueArray.append(QJsonArray{issue.line, issue.reason});
    return QJsonObject{
        {QStringLiteral("summary"), summary}, {QStringLiteral("words"), wordCount},
        {QStringLiteral("minutes"), readingMinutes}, {QStringLiteral("toc"), tocArray},
        {QStringLiteral("links"), linkArray}, {QStringLiteral("issues"), issueArray},
        {QStringLiteral("katex"), needsKatexCss}, {QStringLiteral("highlight"), needsHighlightCss},
    };
}

PostFacts PostFacts::fromJson(const QJsonObject &json)
{
    PostFacts facts;
    facts.summary = json.value(QLatin1String("summary")).toString();
    facts.wordCount = json.value(QLatin1String("words")).toInt();
    facts.readingMinutes = json.value(QLatin1String("minutes")).toInt();
    for (const QJsonValue &value : json.value(QLatin1String("toc")).toArray()) {
        const QJsonArray entry = value.toArray();
        facts.toc.append(OutlineEntry{entry.at(0).toInt(), entry.at(1).toString(), entry.at(2).toString(), entry.at(3).toInt()});
    }
    for (const QJsonValue &value : json.value(QLatin1String("links")).toArray()) {
        const QJsonArray link = value.toArray();
        facts.links.append(Link{link.at(0).toString(), link.at(1).toBool(), link.at(2).toInt()});
    }
    for (const QJsonValue &value : json.value(QLatin1String("issues")).toArray()) {
        const QJsonArray issue = value.toArray();
        facts.issues.append(Issue{issue.at(0).toInt(), issue.at(1).toString()});
    }
    facts.needsKatexCss = json.value(QLatin1String("katex")).toBool();
    facts.needsHighlightCss = json.value(QLatin1String("highlight")).toBool();
    return facts;
}

} // namespace quire
