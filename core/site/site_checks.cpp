#include "site/site_checks.h"

#include "site/site_files.h"
#include "site/site_inputs.h"
#include "site/site_path.h"

#include <QHash>

namespace quire {

namespace {

// Why a link of a post leads nowhere, or empty when it leads to a file or page of the site.
// `hiddenByPath`: the titles of the posts the site does not show, by where they would be.
QString brokenLink(const PostFacts::Link &link, const SiteMedia &media, const SiteFiles &files,
                   const QHash<QString, QString> &hiddenByPath)
{
    // A library image is in the site under its content-hashed name.
    const QString name = SiteMedia::nameAt(link.target);
    const QString hashed = name.isEmpty() ? QString() : media.path(name);
    if (!hashed.isEmpty() && files.hasFile(hashed.mid(1)))
        return {};
    const QString &target = link.target;
    const QString asPage = target.endsWith(u'/') ? target : target + u'/';
    if (files.hasFile(target.mid(1)) || files.hasPage(asPage) || files.hasFile(SitePath::file(asPage)))
        return {};
    if (link.image)
        return SiteChecks::tr("the image %1 is not in the site").arg(target);
    if (hiddenByPath.contains(asPage))
        return SiteChecks::tr("links to “%1”, which is not published").arg(hiddenByPath.value(asPage));
    return SiteChecks::tr("links to %1, which is not a page of the site").arg(target);
}

} // namespace

QList<BuildProblem> SiteChecks::site(const SiteInputs &inputs)
{
    QList<BuildProblem> problems;
    if (const QString &reason = inputs.theme.fallbackReason(); !reason.isEmpty())
        problems.append(BuildProblem{{}, 0, reason});
    for (const SitePlan::Collision &collision : inputs.plan.collisions())
        problems.append(BuildProblem{{}, 0, tr("%1 and %2 would both be at %3; %2 is left out.")
                                                .arg(collision.first, collision.second, collision.path)});
    return problems;
}

QList<BuildProblem> SiteChecks::posts(const SiteInputs &inputs, const QList<PostFacts> &facts, const SiteFiles &files)
{
    const SitePlan &plan = inputs.plan;
    QHash<QString, QString> hiddenByPath;   // where a draft or scheduled post would be
    for (const Post &post : plan.hiddenPosts())
        hiddenByPath.insert(SitePlan::pathOf(inputs.settings, post), post.title);
    QList<BuildProblem> problems;
    for (int index = 0; index < plan.posts().size(); ++index) {
        const QString &slug = plan.posts().at(index).post.slug;
        const PostFacts &post = facts.at(index);
        for (const PostFacts::Issue &issue : post.issues)
            problems.append(BuildProblem{slug, issue.line, issue.reason});
        if (!post.cover.name.isEmpty() && !files.hasFile(inputs.media.path(post.cover.name).mid(1)))
            problems.append(
                BuildProblem{slug, 0, tr("the cover image /media/%1 is not in the site").arg(post.cover.name)});
        for (const PostFacts::Link &link : post.links) {
            if (const QString reason = brokenLink(link, inputs.media, files, hiddenByPath); !reason.isEmpty())
                problems.append(BuildProblem{slug, link.line, reason});
        }
    }
    return problems;
}

} // namespace quire
