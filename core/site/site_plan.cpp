#include "site/site_plan.h"

#include "store/timestamp.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <algorithm>

namespace quire {

namespace {

QByteArray fingerprintOf(const Post &post, quint64 bodyHash)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    const QStringList fields{
        QString::number(post.id), QString::number(bodyHash), post.title, post.slug, post.summary, postStatusName(post.status), post.kind,
        Timestamp::toText(post.createdAt), Timestamp::toText(post.updatedAt), Timestamp::toText(post.publishedAt),
        post.language, post.tags.join(u'\x1f'),
    };
    for (const QString &field : fields) {
        hash.addData(QByteArray::number(field.size()) + ':');
        hash.addData(field.toUtf8());
    }
    return hash.result().toHex();
}

bool isShown(const Post &post, const SitePlan::Options &options)
{
    switch (post.status) {
    case PostStatus::Published:
        return true;
    case PostStatus::Scheduled:
        return post.publishedAt.isValid() && post.publishedAt <= options.now;
    case PostStatus::Draft:
        return options.includeDrafts;
    }
    return false;
}

} // namespace

QString SitePlan::permalink(const QString &pattern, const QString &slug, const QDateTime &date)
{
    const QDateTime utc = date.toUTC();
    QString path = pattern;
    path.replace(QLatin1String(":year"), utc.toString(QStringLiteral("yyyy")));
    path.replace(QLatin1String(":month"), utc.toString(QStringLiteral("MM")));
    path.replace(QLatin1String(":day"), utc.toString(QStringLiteral("dd")));
    path.replace(QLatin1String(":slug"), slug);
    return path;
}

SitePlan SitePlan::make(const QList<Post> &posts, const QHash<qint64, quint64> &bodyHashes, const QList<Tag> &tags,
                        const SiteSettings &settings, const Options &options)
{
    SitePlan plan;
    for (const Post &post : posts) {
        if (!isShown(post, options)) {
            plan.m_hidden.insert(post.slug, post);
            continue;
        }
        Entry entry;
        entry.post = post;
        entry.post.body.clear();
        entry.draft = post.status == PostStatus::Draft;
        entry.date = post.publishedAt.isValid() && !entry.draft ? post.publishedAt : post.createdAt;
        entry.path = permalink(settings.permalink, post.slug, entry.date);
        entry.fingerprint = fingerprintOf(post, bodyHashes.value(post.id));
        plan.m_posts.append(std::move(entry));
    }
    std::stable_sort(plan.m_posts.begin(), plan.m_posts.end(), [](const Entry &a, const Entry &b) {
        return a.date != b.date ? a.date > b.date : a.post.id > b.post.id;
    });

    // Tags by case-folded name, as the library compares them.
    QHash<QString, int> tagIndex;
    for (const Tag &tag : tags) {
        tagIndex.insert(tag.name.toCaseFolded(), plan.m_tags.size());
        plan.m_tags.append(TagEntry{tag.name, QLatin1String("/tags/") + tag.slug + u'/', {}});
    }
    // The site's own pages claim their paths first; a post claiming one of them is a collision.
    QHash<QString, QString> owners;
    const QString sitePage = QCoreApplication::translate("quire::SitePlan", "a page of the site");
    for (const QString &reserved : {QStringLiteral("/"), QStringLiteral("/tags/"), QStringLiteral("/archive/"),
                                    QStringLiteral("/page/"), QStringLiteral("/assets/"), QStringLiteral("/404.html/"),
                                    QStringLiteral("/feed.xml/"), QStringLiteral("/sitemap.xml/"), QStringLiteral("/robots.txt/")})
        owners.insert(reserved, sitePage);
    for (TagEntry &tag : plan.m_tags)
        owners.insert(tag.path, QCoreApplication::translate("quire::SitePlan", "the tag page of “%1”").arg(tag.name));

    QList<Entry> kept;
    for (Entry &entry : plan.m_posts) {
        const QString owner = QCoreApplication::translate("quire::SitePlan", "the post “%1”").arg(entry.post.title);
        const auto taken = owners.constFind(entry.path);
        if (taken != owners.constEnd()) {
            plan.m_collisions.append(Collision{entry.path, *taken, owner});
            continue;
        }
        owners.insert(entry.path, owner);
        plan.m_byPath.insert(entry.path, kept.size());
        for (const QString &name : std::as_const(entry.post.tags)) {
            const int index = tagIndex.value(name.toCaseFolded(), -1);
            if (index >= 0 && !entry.tags.contains(index)) {
                entry.tags.append(index);
                plan.m_tags[index].posts.append(kept.size());
            }
        }
        kept.append(std::move(entry));
    }
    plan.m_posts = std::move(kept);
    // Tags without a post on the site have no page.
    QList<TagEntry> used;
    QList<int> newIndex(plan.m_tags.size(), -1);
    for (qsizetype i = 0; i < plan.m_tags.size(); ++i) {
        if (plan.m_tags[i].posts.isEmpty())
            continue;
        newIndex[i] = int(used.size());
        used.append(plan.m_tags[i]);
    }
    for (Entry &entry : plan.m_posts) {
        for (int &index : entry.tags)
            index = newIndex[index];
    }
    plan.m_tags = std::move(used);
    return plan;
}

} // namespace quire
