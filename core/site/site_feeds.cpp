#include "site/site_feeds.h"

#include "site/atom_feed.h"
#include "site/site_files.h"
#include "site/site_inputs.h"
#include "site/site_output.h"
#include "site/site_path.h"
#include "site/sitemap.h"

#include <algorithm>

namespace quire {

SiteFeeds::SiteFeeds(const SiteInputs &inputs, const QList<PostFacts> &facts, SiteFiles &files)
    : m_inputs(inputs), m_facts(facts), m_files(files)
{
}

Result<void> SiteFeeds::buildFeed(const QHash<int, QString> &feedContent)
{
    const SiteSettings &settings = m_inputs.settings;
    const SitePlan &plan = m_inputs.plan;
    AtomFeed feed;
    feed.title = settings.title;
    feed.subtitle = settings.description;
    feed.author = settings.author;
    const bool absolute = !settings.baseUrl.isEmpty();
    feed.siteUrl = absolute ? SitePath::absolute(settings.baseUrl, QStringLiteral("/")) : QStringLiteral("./");
    feed.feedUrl = absolute ? SitePath::absolute(settings.baseUrl, QStringLiteral("/feed.xml"))
                            : QStringLiteral("feed.xml");
    feed.id = absolute ? feed.siteUrl
                       : QStringLiteral("urn:quire:") + QString::fromLatin1(SiteOutput::hash(settings.title.toUtf8()));
    feed.generator = QStringLiteral("Quire");
    for (int index = 0; index < std::min<int>(FeedLength, plan.posts().size()); ++index) {
        const SitePlan::Entry &entry = plan.posts().at(index);
        AtomFeed::Entry item;
        item.title = entry.post.title;
        item.url = absolute ? SitePath::absolute(settings.baseUrl, entry.path) : SitePath::encode(entry.path.mid(1));
        item.id = QStringLiteral("urn:uuid:") + entry.post.uuid;
        item.published = entry.date;
        item.updated = entry.post.updatedAt.isValid() ? std::max(entry.post.updatedAt, entry.date) : entry.date;
        item.summary = m_facts.at(index).summary;
        item.contentHtml = feedContent.value(index);
        for (int tag : entry.tags)
            item.tags.append(plan.tags().at(tag).name);
        feed.entries.append(item);
    }
    return m_files.write(QStringLiteral("feed.xml"), feed.toXml());
}

// Absolute under the base URL, else a path from the site's root.
QString SiteFeeds::urlOf(const QString &sitePath) const
{
    const QUrl &baseUrl = m_inputs.settings.baseUrl;
    return baseUrl.isEmpty() ? SitePath::encode(sitePath) : SitePath::absolute(baseUrl, sitePath);
}

Result<void> SiteFeeds::buildSitemap()
{
    const QUrl &baseUrl = m_inputs.settings.baseUrl;
    Sitemap sitemap;
    for (const QString &page : {QStringLiteral("/"), QStringLiteral("/archive/"), QStringLiteral("/tags/")})
        sitemap.urls.append(Sitemap::Url{baseUrl.isEmpty() ? page : SitePath::absolute(baseUrl, page), {}});
    for (const SitePlan::Entry &entry : m_inputs.plan.posts()) {
        const QDateTime lastChange = entry.post.updatedAt.isValid() ? entry.post.updatedAt : entry.date;
        sitemap.urls.append(Sitemap::Url{urlOf(entry.path), lastChange});
    }
    for (const SitePlan::TagEntry &tag : m_inputs.plan.tags())
        sitemap.urls.append(Sitemap::Url{urlOf(tag.path), {}});
    if (Result<void> written = m_files.write(QStringLiteral("sitemap.xml"), sitemap.toXml()); !written)
        return written;

    QByteArray robots = "User-agent: *\nAllow: /\n";
    if (!baseUrl.isEmpty())
        robots += "Sitemap: " + SitePath::absolute(baseUrl, QStringLiteral("/sitemap.xml")).toUtf8() + '\n';
    return m_files.write(QStringLiteral("robots.txt"), robots);
}

} // namespace quire
