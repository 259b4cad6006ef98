#include "metadata/metadata_rules.h"

#include "markdown/slug.h"

#include <algorithm>

namespace quire {

namespace {

// The slug rule in the spirit of Slug::fromText, which the library applies when it stores a slug:
// a slug it would change is refused here rather than silently changed there.
constexpr qsizetype MaxSlugLength = 80;

bool hasControlCharacter(const QString &text, bool allowLineBreaks)
{
    return std::any_of(text.cbegin(), text.cend(), [allowLineBreaks](QChar c) {
        if (allowLineBreaks && (c == u'\n' || c == u'\t'))
            return false;
        return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
    });
}

} // namespace

QString MetadataRules::slugProblem(const QString &slug)
{
    if (slug.isEmpty())
        return tr("The slug cannot be empty.");
    if (slug.size() > MaxSlugLength)
        return tr("The slug is %1 characters long; at most %2 are allowed.").arg(slug.size()).arg(MaxSlugLength);
    if (slug.startsWith(u'-') || slug.endsWith(u'-') || slug.contains(QLatin1String("--")))
        return tr("The slug cannot start or end with a hyphen, or have two in a row.");
    if (slug.contains(u'_') || Slug::fromText(slug) != slug)
        return tr("The slug may hold only lowercase letters, digits and hyphens.");
    return {};
}

MetadataRules::Tags MetadataRules::parseTags(const QString &text)
{
    Tags tags;
    for (const QString &part : text.split(u',')) {
        const QString name = part.simplified();
        if (name.isEmpty())
            continue;
        if (hasControlCharacter(part, false)) {
            tags.problem = tr("The tag “%1” holds a control character.").arg(name.left(MaxTagLength));
            continue;
        }
        if (name.size() > MaxTagLength) {
            tags.problem = tr("The tag “%1…” is longer than %2 characters.").arg(name.left(20)).arg(MaxTagLength);
            continue;
        }
        const QString folded = name.toCaseFolded();
        const bool repeated = std::any_of(tags.names.cbegin(), tags.names.cend(),
                                          [&folded](const QString &kept) { return kept.toCaseFolded() == folded; });
        if (!repeated)
            tags.names.append(name);
    }
    return tags;
}

QString MetadataRules::joinTags(const QStringList &names)
{
    return names.join(QLatin1String(", "));
}

QString MetadataRules::summaryProblem(const QString &summary)
{
    if (summary.size() > MaxSummaryLength)
        return tr("The summary is %1 characters long; shorten it to %2 to save it.").arg(summary.size()).arg(MaxSummaryLength);
    if (hasControlCharacter(summary, true))
        return tr("The summary holds a control character.");
    return {};
}

QString MetadataRules::kindProblem(const QString &kind)
{
    if (kind.size() > MaxKindLength)
        return tr("The kind is longer than %1 characters.").arg(MaxKindLength);
    if (hasControlCharacter(kind, false))
        return tr("The kind holds a control character.");
    return {};
}

QString MetadataRules::dateProblem(PostStatus status, const QDateTime &publishedAt, const QDateTime &now)
{
    switch (status) {
    case PostStatus::Draft:
        return {};
    case PostStatus::Scheduled:
        if (!publishedAt.isValid())
            return tr("A scheduled post needs a publish date.");
        if (publishedAt <= now)
            return tr("A scheduled post's publish date must be in the future.");
        return {};
    case PostStatus::Published:
        if (!publishedAt.isValid())
            return tr("A published post needs a publish date.");
        return {};
    }
    return {};
}

} // namespace quire
