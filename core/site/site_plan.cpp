#include "site/site_plan.h"

#include <QCoreApplication>

#include <xxhash.h>

#include <algorithm>
#include <limits>

namespace quire {

namespace {

// Everything a page shows of the post, hashed (XXH3, 128 bits); each field with its size first.
QByteArray fingerprintOf(const Post &post)
{
    XXH3_state_t *state = XXH3_createState();
    XXH3_128bits_reset(state);
    const auto add = [state](const void *data, qint64 size) {
        XXH3_128bits_update(state, &size, sizeof size);
        XXH3_128bits_update(state, data, size_t(size));
    };
    const auto addText = [&](const QString &text) { add(text.utf16(), text.size() * 2); };
    const auto addTime = [&](const QDateTime &time) {
        const qint64 ms = time.isValid() ? time.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
        add(&ms, sizeof ms);
    };
    add(&post.id, sizeof post.id);
    add(&post.changeSeq, sizeof post.changeSeq);   // any change to the text
    for (const QString *text : {&post.title, &post.slug, &post.summary, &post.kind, &post.language})
        addText(*text);
    const int status = int(post.status);
    add(&status, sizeof status);
    addTime(post.createdAt);
    addTime(post.updatedAt);
    addTime(post.publishedAt);
    for (const QString &tag : post.tags)
        addText(tag);
    XXH128_canonical_t canonical;
    XXH128_canonicalFromHash(&canonical, XXH3_128bits_digest(state));
    XXH3_freeState(state);
    return QByteArray(reinterpret_cast<const char *>(canonical.digest), sizeof canonical.digest);
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
    QString path = pattern;
    if (path.contains(u':') && (path.contains(QLatin1String(":year")) || path.contains(QLatin1String(":month"))
                                || path.contains(QLatin1String(":day")))) {
        const QDate day = date.toUTC().date();
        path.replace(QLatin1String(":year"), QString::number(day.year()));
        path.replace(QLatin1String(":month"), QString::number(day.month()).rightJustified(2, u'0'));
        path.replace(QLatin1String(":day"), QString::number(day.day()).rightJustified(2, u'0'));
    }
    path.replace(QLatin1String(":slug"), slug);
    return path;
}

QString SitePlan::pathOf(const SiteSettings &settings, const Post &post)
{
    return permalink(settings.permalink, post.slug, post.publishedAt.isValid() ? post.publishedAt : post.createdAt);
}

SitePlan SitePlan::make(const QList<Post> &posts, const QList<Tag> &tags, const SiteSettings &settings,
                        const Options &options)
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
        entry.path = pathOf(settings, post);
        entry.fingerprint = fingerprintOf(post);
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
    // (Files such as feed.xml need no entry: a permalink always ends in a folder.)
    for (const QString &reserved : {QStringLiteral("/"), QStringLiteral("/tags/"), QStringLiteral("/archive/"),
                                    QStringLiteral("/page/"), QStringLiteral("/assets/")})
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
