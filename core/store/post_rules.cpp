#include "store/post_rules.h"

#include "markdown/slug.h"
#include "store/slug_allocator.h"

#include <algorithm>

namespace quire {

namespace {

// Whether the character at i is one a rule refuses. By index, not by character: whether a
// surrogate is half a pair depends on its neighbours.
using Refused = bool (*)(const QString &text, qsizetype i);

bool isControlOrFormat(QChar c)
{
    return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
}

bool controlOrFormat(const QString &text, qsizetype i)
{
    return isControlOrFormat(text.at(i));
}

bool controlOrFormatButLineBreak(const QString &text, qsizetype i)
{
    const QChar c = text.at(i);
    return c != u'\n' && c != u'\t' && isControlOrFormat(c);
}

bool isDirectionControl(QChar c)
{
    return (c >= QChar(0x202A) && c <= QChar(0x202E)) || (c >= QChar(0x2066) && c <= QChar(0x2069));
}

bool isLoneSurrogate(const QString &text, qsizetype i)
{
    const QChar c = text.at(i);
    if (c.isHighSurrogate())
        return i + 1 >= text.size() || !text.at(i + 1).isLowSurrogate();
    if (c.isLowSurrogate())
        return i == 0 || !text.at(i - 1).isHighSurrogate();
    return false;
}

bool refusedInTitle(const QString &text, qsizetype i)
{
    const QChar c = text.at(i);
    const bool control = c.category() == QChar::Other_Control && c != u'\n' && c != u'\t';
    return control || isDirectionControl(c) || isLoneSurrogate(text, i);
}

bool hasRefused(const QString &text, Refused refused)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (refused(text, i))
            return true;
    }
    return false;
}

// Something a reader sees: not white space, not a control or format character.
bool hasVisibleCharacter(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return !c.isSpace() && !isControlOrFormat(c); });
}

// At most max: cut at the last space before the limit when it is in the second half, else at
// the limit (never between the halves of a surrogate pair).
QString cutTo(const QString &text, qsizetype max)
{
    if (text.size() <= max)
        return text;
    for (qsizetype i = max; i >= max / 2; --i) {
        if (text.at(i).isSpace())
            return text.left(i);
    }
    return text.left(text.at(max - 1).isHighSurrogate() ? max - 1 : max);
}

enum class Tidy { Trim, Simplify };

QString tidied(const QString &text, Tidy tidy)
{
    return tidy == Tidy::Simplify ? text.simplified() : text.trimmed();
}

PostRules::Fixed fix(const QString &text, Refused refused, qsizetype max, Tidy tidy)
{
    PostRules::Fixed fixed;
    QString kept;
    kept.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool refuse = refused(text, i);
        if (!refuse)
            kept.append(text.at(i));
        else if (text.at(i).isSpace())
            kept.append(u' ');   // a tab between two words keeps them apart
        fixed.removed = fixed.removed || refuse;
    }
    kept = tidied(kept, tidy);
    if (kept.size() > max) {
        fixed.cut = true;
        kept = tidied(cutTo(kept, max), tidy);
    }
    fixed.value = kept;
    return fixed;
}

} // namespace

QString PostRules::titleProblem(const QString &title)
{
    if (!hasVisibleCharacter(title))
        return tr("The title cannot be empty.");
    if (title.size() > MaxTitleLength)
        return tr("The title is %1 characters long; at most %2 are allowed.").arg(title.size()).arg(MaxTitleLength);
    for (qsizetype i = 0; i < title.size(); ++i) {
        if (isLoneSurrogate(title, i))
            return tr("The title holds a broken character (half of a surrogate pair).");
        if (isDirectionControl(title.at(i))) {
            const QString code = QString::number(title.at(i).unicode(), 16).toUpper();
            return tr("The title holds a direction control character (U+%1), which would reorder the text shown "
                      "after it.").arg(code);
        }
        if (refusedInTitle(title, i))
            return tr("The title holds a control character.");
    }
    return {};
}

QString PostRules::slugProblem(const QString &slug)
{
    if (slug.isEmpty())
        return tr("The slug cannot be empty.");
    if (slug.size() > MaxSlugLength)
        return tr("The slug is %1 characters long; at most %2 are allowed.").arg(slug.size()).arg(MaxSlugLength);
    if (slug.startsWith(u'-') || slug.endsWith(u'-') || slug.contains(QLatin1String("--")))
        return tr("The slug cannot start or end with a hyphen, or have two in a row.");
    if (slugFrom(slug) != slug)
        return tr("The slug may hold only lowercase letters, digits and hyphens.");
    return {};
}

QString PostRules::tagProblem(const QString &tag)
{
    const QString name = tag.simplified();
    if (hasRefused(tag, controlOrFormat))
        return tr("The tag “%1” holds a control character.").arg(name.left(MaxTagLength));
    if (name.size() > MaxTagLength)
        return tr("The tag “%1…” is longer than %2 characters.").arg(name.left(20)).arg(MaxTagLength);
    return {};
}

QString PostRules::summaryProblem(const QString &summary)
{
    if (summary.size() > MaxSummaryLength)
        return tr("The summary is %1 characters long; shorten it to %2 to save it.").arg(summary.size()).arg(MaxSummaryLength);
    if (hasRefused(summary, controlOrFormatButLineBreak))
        return tr("The summary holds a control character.");
    return {};
}

QString PostRules::kindProblem(const QString &kind)
{
    if (kind.size() > MaxKindLength)
        return tr("The kind is longer than %1 characters.").arg(MaxKindLength);
    if (hasRefused(kind, controlOrFormat))
        return tr("The kind holds a control character.");
    return {};
}

QString PostRules::dateProblem(PostStatus status, const QDateTime &publishedAt, const QDateTime &now)
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

PostRules::Tags PostRules::tags(const QStringList &given)
{
    Tags tags;
    for (const QString &tag : given) {
        const QString name = tag.simplified();
        if (name.isEmpty())
            continue;
        if (QString problem = tagProblem(tag); !problem.isEmpty()) {
            tags.problem = std::move(problem);
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

QString PostRules::slugFrom(const QString &text)
{
    // Slug::fromText keeps '_' (heading ids do, as on GitHub); a post's address does not.
    QString slug = Slug::fromText(text);
    if (slug.contains(u'_'))
        slug = Slug::fromText(slug.replace(u'_', u' '));
    return slug;
}

QString PostRules::titleSlug(const QString &title)
{
    const QString slug = slugFrom(title);
    return slug.isEmpty() ? QStringLiteral("post") : slug;
}

bool PostRules::isTitleSlug(const QString &slug, const QString &title)
{
    return SlugAllocator::isNumbered(slug, titleSlug(title));
}

bool PostRules::slugFollowsTitle(const Post &post)
{
    return post.status == PostStatus::Draft && !post.publishedAt.isValid() && isTitleSlug(post.slug, post.title);
}

PostRules::Fixed PostRules::fixTitle(const QString &title)
{
    return fix(title, refusedInTitle, MaxTitleLength, Tidy::Trim);
}

PostRules::Fixed PostRules::fixTag(const QString &tag)
{
    return fix(tag, controlOrFormat, MaxTagLength, Tidy::Simplify);
}

PostRules::Fixed PostRules::fixSummary(const QString &summary)
{
    return fix(summary, controlOrFormatButLineBreak, MaxSummaryLength, Tidy::Trim);
}

PostRules::Fixed PostRules::fixKind(const QString &kind)
{
    return fix(kind, controlOrFormat, MaxKindLength, Tidy::Trim);
}

} // namespace quire
