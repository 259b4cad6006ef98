#include "site/post_preview.h"

#include "markdown/slug.h"
#include "site/page_contexts.h"
#include "site/site_assets.h"
#include "site/site_plan.h"

#include <QCoreApplication>

namespace quire {

namespace {

// A post the editor holds may not be stored yet: it is shown as if it were, now.
Post shownPost(const Post &post)
{
    Post shown = post;
    if (shown.slug.isEmpty())
        shown.slug = QStringLiteral("preview");
    if (!shown.createdAt.isValid())
        shown.createdAt = QDateTime::currentDateTimeUtc();
    return shown;
}

} // namespace

QString PostPreview::sitePath(const SiteSettings &settings, const Post &post)
{
    return SitePlan::pathOf(settings, shownPost(post));
}

Result<QString> PostPreview::shell(const ThemeTemplates &templates, const SiteSettings &settings, const Post &post,
                                   const PostFacts &facts)
{
    // A one-post plan: the post shown as its page would be, drafts included.
    const Post shown = shownPost(post);
    QList<Tag> tags;
    for (const QString &name : std::as_const(shown.tags))
        tags.append(Tag{0, name, Slug::fromText(name), 1});
    const SitePlan plan = SitePlan::make({shown}, tags, settings, SitePlan::Options{true, QDateTime::currentDateTimeUtc()});
    if (plan.posts().isEmpty())
        return Error{QCoreApplication::translate("quire::PostPreview", "The post cannot be shown at %1.")
                         .arg(sitePath(settings, shown))};
    // Any edit may add math or code: the style sheets are always there.
    PostFacts shownFacts = facts;
    shownFacts.needsKatexCss = shownFacts.needsHighlightCss = true;
    const QList<PostFacts> allFacts{shownFacts};
    const PageContexts contexts(settings, plan, allFacts, QStringLiteral("Quire %1").arg(QStringLiteral(QUIRE_VERSION)),
                                QDateTime::currentDateTimeUtc());
    return templates.render(QStringLiteral("post"), contexts.post(0, QStringLiteral("<div id=\"quire-content\"></div>")));
}

QHash<QString, QByteArray> PostPreview::assets(const Theme &theme, const QString &katexScript, const QString &highlightScript)
{
    QList<SiteAssets::File> files = SiteAssets::themeFiles(theme);
    if (Result<QList<SiteAssets::File>> katex = SiteAssets::katex(katexScript))
        files += *katex;
    if (Result<SiteAssets::File> highlight = SiteAssets::highlight(theme, highlightScript))
        files.append(*highlight);
    QHash<QString, QByteArray> byPath;
    for (const SiteAssets::File &file : std::as_const(files))
        byPath.insert(u'/' + file.path, file.content);
    return byPath;
}

} // namespace quire
