#pragma once

#include "result.h"
#include "site/post_facts.h"

#include <QHash>
#include <QList>
#include <QString>

namespace quire {

class SiteFiles;
struct SiteInputs;

// The files machines read: the Atom feed (feed.xml, the newest posts with their whole content),
// the sitemap and robots.txt. With a base URL their addresses are absolute, as feed readers and
// crawlers need; without one, relative (and robots.txt cannot name the sitemap).
class SiteFeeds
{
public:
    // Posts the feed carries, newest first.
    static constexpr int FeedLength = 20;

    SiteFeeds(const SiteInputs &inputs, const QList<PostFacts> &facts, SiteFiles &files);

    // `feedContent`: the rendered content of the newest posts, by plan index (PostPages).
    Result<void> buildFeed(const QHash<int, QString> &feedContent);
    // sitemap.xml and robots.txt.
    Result<void> buildSitemap();

private:
    QString urlOf(const QString &sitePath) const;

    const SiteInputs &m_inputs;
    const QList<PostFacts> &m_facts;
    SiteFiles &m_files;
};

} // namespace quire
