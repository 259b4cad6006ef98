#include "store/post_store.h"

#include "store/database.h"
#include "store/post_repository.h"
#include "store/post_rules.h"
#include "store/slug_allocator.h"
#include "store/store_context.h"
#include "store/tag_repository.h"

#include <QCoreApplication>
#include <QMutexLocker>
#include <QUuid>

namespace quire {

namespace {

Error postMissing(qint64 id)
{
    return Error{QCoreApplication::translate("quire::Library",
                                             "The post %1 is not in the library (it may have been deleted).").arg(id)};
}

} // namespace

PostStore::PostStore(StoreContext &context)
    : m_context(context),
      m_posts(std::make_unique<PostRepository>(context.database())),
      m_tags(std::make_unique<TagRepository>(context.database()))
{
}

PostStore::~PostStore() = default;

Result<Post> PostStore::create(Post post)
{
    QMutexLocker locker(&m_context.mutex());
    Result<void> stored = m_context.transaction([&]() -> Result<void> {
        const Result<QString> slug = uniqueSlug(post.slug.isEmpty() ? post.title : post.slug);
        if (!slug)
            return slug.error();
        post.slug = *slug;
        post.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        // An imported post keeps the dates it was written and last changed; a new one starts now.
        if (!post.createdAt.isValid())
            post.createdAt = post.updatedAt.isValid() ? post.updatedAt : m_context.now();
        if (!post.updatedAt.isValid())
            post.updatedAt = post.createdAt;
        const Result<qint64> id = m_posts->insert(post);
        if (!id)
            return id.error();
        post.id = *id;
        return m_tags->setPostTags(post.id, post.tags);
    });
    if (!stored)
        return stored.error();
    // Read back: tags take the spelling of the tags they joined.
    return byId(post.id);
}

Result<Post> PostStore::byId(qint64 id) const
{
    QMutexLocker locker(&m_context.mutex());
    Result<std::optional<Post>> found = m_posts->find(id);
    if (!found)
        return found.error();
    if (!*found)
        return postMissing(id);
    Result<QStringList> tags = m_tags->postTags(id);
    if (!tags)
        return tags.error();
    (*found)->tags = *tags;
    return std::move(**found);
}

Result<std::optional<Post>> PostStore::bySlug(const QString &slug) const
{
    QMutexLocker locker(&m_context.mutex());
    Result<std::optional<Post>> found = m_posts->findBySlug(slug);
    if (!found || !*found)
        return found;
    Result<QStringList> tags = m_tags->postTags((*found)->id);
    if (!tags)
        return tags.error();
    (*found)->tags = *tags;
    return found;
}

Result<void> PostStore::store(const Post &post, bool touch)
{
    QMutexLocker locker(&m_context.mutex());
    return m_context.transaction([&]() -> Result<void> {
        Post stored = post;
        // Made safe for a path, not made to follow PostRules: a slug from before the rules keeps
        // the address it has been published at.
        stored.slug = SlugAllocator::base(post.slug, QString());
        if (stored.slug.isEmpty()) {
            const Result<QString> slug = uniqueSlug(post.title, post.id);
            if (!slug)
                return slug.error();
            stored.slug = *slug;
        } else {
            const Result<std::optional<Post>> owner = m_posts->slugOwner(stored.slug, post.id);
            if (!owner)
                return owner.error();
            if (*owner) {
                return Error{QCoreApplication::translate("quire::Library",
                                                         "The slug “%1” is already used by the post “%2”.")
                                     .arg(stored.slug, (*owner)->title)};
            }
        }
        if (touch || !stored.updatedAt.isValid())
            stored.updatedAt = m_context.now();
        const Result<bool> updated = m_posts->update(stored);
        if (!updated)
            return updated.error();
        if (!*updated)
            return postMissing(post.id);
        return m_tags->setPostTags(post.id, post.tags);
    });
}

Result<void> PostStore::remove(qint64 id)
{
    QMutexLocker locker(&m_context.mutex());
    // Revisions and tag links go with the post (ON DELETE CASCADE); tags stay for reuse.
    return m_posts->remove(id);
}

Result<QList<PostSummary>> PostStore::list(const PostFilter &filter) const
{
    QMutexLocker locker(&m_context.mutex());
    std::optional<qint64> tagId;
    if (!filter.tag.trimmed().isEmpty()) {
        const Result<std::optional<qint64>> tag = m_tags->find(filter.tag);
        if (!tag)
            return tag.error();
        if (!*tag)
            return QList<PostSummary>();   // no such tag, so no post carries it
        tagId = **tag;
    }
    Result<QList<PostSummary>> posts = m_posts->list(filter, tagId);
    if (!posts)
        return posts;

    QList<qint64> ids;
    ids.reserve(posts->size());
    for (const PostSummary &post : std::as_const(*posts))
        ids.append(post.id);
    const Result<QHash<qint64, QStringList>> tags = m_tags->postTags(ids);
    if (!tags)
        return tags.error();
    for (PostSummary &post : *posts)
        post.tags = tags->value(post.id);
    return posts;
}

Result<QHash<qint64, QString>> PostStore::searchSnippets(const QList<qint64> &ids, const QString &search) const
{
    QMutexLocker locker(&m_context.mutex());
    return m_posts->snippets(ids, search);
}

Result<QList<Post>> PostStore::all() const
{
    QMutexLocker locker(&m_context.mutex());
    Result<QList<Post>> posts = m_posts->all();
    if (!posts)
        return posts.error();
    QList<qint64> ids;
    ids.reserve(posts->size());
    for (const Post &post : *posts)
        ids.append(post.id);
    Result<QHash<qint64, QStringList>> tags = m_tags->postTags(ids);
    if (!tags)
        return tags.error();
    for (Post &post : *posts)
        post.tags = tags->value(post.id);
    return posts;
}

Result<Post> PostStore::withContent(const Post &listed) const
{
    Post post = listed;
    QMutexLocker locker(&m_context.mutex());
    if (Result<void> read = m_posts->readContent(post); !read)
        return read.error();
    return post;
}

Result<QString> PostStore::uniqueSlug(const QString &wanted, qint64 exceptPostId) const
{
    QMutexLocker locker(&m_context.mutex());
    return SlugAllocator::unique(m_context.database(), SlugAllocator::Table::Posts, PostRules::titleSlug(wanted),
                                 exceptPostId);
}

Result<QList<Tag>> PostStore::tags() const
{
    QMutexLocker locker(&m_context.mutex());
    return m_tags->all();
}

Result<QStringList> PostStore::kinds() const
{
    QMutexLocker locker(&m_context.mutex());
    return m_posts->kinds();
}

} // namespace quire
