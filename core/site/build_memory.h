#pragma once

#include "site/post_facts.h"
#include "site/site_plan.h"

#include <QByteArray>
#include <QHash>
#include <QList>

namespace quire {

// What the last build learnt of each post (PostFacts: summary, links, problems, cover…), kept in
// the output folder beside the site (SiteOutput::setData). A post whose page is current need not
// be rendered again for the lists, the media and the checks to know what they need of it.
class BuildMemory
{
public:
    BuildMemory() = default;
    // What a build with this global key (BuildKeys::global) wrote; nothing when another theme,
    // Quire, engine or settings made the folder, or when the data is damaged.
    static BuildMemory read(const QByteArray &data, const QByteArray &globalKey);
    // This build's memory, for the next one: the facts of each post of the plan, by plan index.
    static QByteArray write(const QByteArray &globalKey, const SitePlan &plan, const QList<PostFacts> &facts);

    // The facts the last build learnt of the post, when it was the same post at the same path
    // (same fingerprint); null otherwise.
    const PostFacts *factsOf(const SitePlan::Entry &entry) const;

private:
    struct Remembered
    {
        QByteArray fingerprint;
        QString path;
        PostFacts facts;
    };

    QHash<qint64, Remembered> m_posts;   // by post id
};

} // namespace quire
