#include "interchange/import_fixer.h"

#include "store/post_rules.h"

namespace quire {

namespace {

// The start of a long value, to name it in a warning.
QString opening(const QString &value)
{
    constexpr qsizetype Shown = 40;
    return value.size() <= Shown ? value : value.left(Shown) + QStringLiteral("…");
}

} // namespace

QString ImportFixer::title(const QString &title, QStringList &warnings)
{
    const PostRules::Fixed fixed = PostRules::fixTitle(title);
    if (fixed.removed)
        warnings.append(tr("control characters removed from the title"));
    if (fixed.cut)
        warnings.append(tr("title cut to %1 characters; it had %2").arg(fixed.value.size()).arg(title.trimmed().size()));
    return PostRules::titleProblem(fixed.value).isEmpty() ? fixed.value : QString();
}

QStringList ImportFixer::tags(const QStringList &tags, QStringList &warnings)
{
    QStringList kept;
    for (const QString &tag : tags) {
        if (PostRules::tagProblem(tag).isEmpty()) {
            kept.append(tag);
            continue;
        }
        const PostRules::Fixed fixed = PostRules::fixTag(tag);
        if (fixed.value.isEmpty()) {
            warnings.append(tr("a tag of nothing but control characters dropped"));
            continue;
        }
        if (fixed.removed)
            warnings.append(tr("control characters removed from the tag \"%1\"").arg(opening(fixed.value)));
        if (fixed.cut)
            warnings.append(tr("tag \"%1\" cut to %2 characters").arg(opening(fixed.value)).arg(fixed.value.size()));
        kept.append(fixed.value);
    }
    return PostRules::tags(kept).names;
}

QString ImportFixer::summary(const QString &summary, QStringList &warnings)
{
    if (PostRules::summaryProblem(summary).isEmpty())
        return summary;
    const PostRules::Fixed fixed = PostRules::fixSummary(summary);
    if (fixed.removed)
        warnings.append(tr("control characters removed from the summary"));
    if (fixed.cut)
        warnings.append(tr("summary cut to %1 characters; it had %2").arg(fixed.value.size()).arg(summary.size()));
    return fixed.value;
}

QString ImportFixer::kind(const QString &kind, QStringList &warnings)
{
    if (PostRules::kindProblem(kind).isEmpty())
        return kind;
    const PostRules::Fixed fixed = PostRules::fixKind(kind);
    if (fixed.removed)
        warnings.append(tr("control characters removed from the kind \"%1\"").arg(opening(fixed.value)));
    if (fixed.cut)
        warnings.append(tr("kind \"%1\" cut to %2 characters").arg(opening(fixed.value)).arg(fixed.value.size()));
    return fixed.value;
}

} // namespace quire
