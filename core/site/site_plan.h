#pragma once

#include "site/site_settings.h"
#include "store/post.h"
#include "store/tag.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace quire {

// Which posts and tags the site shows, in what order and at which addresses.
class SitePlan
{
public:
    struct Entry
    {
        Post post;                 // body left empty
        QString path;              // site path of its page: "/posts/slug/" (pathOf)
        QDateTime date;            // publication date (creation date for a draft)
        bool draft = false;
        QList<int> tags;           // indexes into tags()
        QByteArray fingerprint;    // changes whenever anything the site shows of the post does
    };

    struct TagEntry
    {
        QString name;
        QString path;              // "/tags/gpu/"
        QList<int> posts;          // indexes into posts(), newest first
    };

    // A site path two pages claim (the second is not written).
    struct Collision
    {
        QString path;
        QString first;
        QString second;
    };

    struct Options
    {
        bool includeDrafts = false;
        QDateTime now;             // scheduled posts dated before this are shown
    };

    // Posts as PostStore::all() gives them: without bodies (their changeSeq tells a
    // changed text).
    static SitePlan make(const QList<Post> &posts, const QList<Tag> &tags, const SiteSettings &settings,
                         const Options &options);

    const QList<Entry> &posts() const { return m_posts; }    // newest first
    const QList<TagEntry> &tags() const { return m_tags; }   // by name
    const QList<Collision> &collisions() const { return m_collisions; }
    // A post of the library that the site does not show (a draft, or scheduled): by slug.
    const QHash<QString, Post> &hiddenPosts() const { return m_hidden; }
    // Whether a post page is at this site path.
    int postAt(const QString &sitePath) const { return m_byPath.value(sitePath, -1); }

    // Where the post's page is, shown or not: the settings' permalink pattern filled with its
    // slug and its publish date, or its creation date while it has none. A draft with a publish
    // date is dated by it too: publishing keeps that date, so the draft is previewed, built
    // (with drafts) and linked to at the address it will be published at. The one rule for
    // the site, the preview and the link check.
    static QString pathOf(const SiteSettings &settings, const Post &post);

private:
    static QString permalink(const QString &pattern, const QString &slug, const QDateTime &date);

    QList<Entry> m_posts;
    QList<TagEntry> m_tags;
    QList<Collision> m_collisions;
    QHash<QString, Post> m_hidden;
    QHash<QString, int> m_byPath;
};

} // namespace quire
