#include "store/post_history.h"

#include "store/asset_repository.h"
#include "store/post_store.h"
#include "store/revision_repository.h"
#include "store/slug_allocator.h"
#include "store/store_context.h"

#include <QCoreApplication>
#include <QMutexLocker>

namespace quire {

PostHistory::PostHistory(StoreContext &context, PostStore &posts)
    : m_context(context),
      m_posts(posts),
      m_revisions(std::make_unique<RevisionRepository>(context.database())),
      m_assets(std::make_unique<AssetRepository>(context.database()))
{
}

PostHistory::~PostHistory() = default;

Result<void> PostHistory::save(const Post &post, RevisionReason reason)
{
    QMutexLocker locker(&m_context.mutex());
    return m_context.transaction([&]() -> Result<void> {
        // An import brings the time of the change from the blog's files, when they have one.
        if (Result<void> updated = m_posts.store(post, reason != RevisionReason::Import); !updated)
            return updated;
        const QDateTime time = m_context.now();
        if (reason == RevisionReason::Autosave) {
            const Result<bool> coalesces = autosaveCoalesces(post.id, time);
            if (!coalesces)
                return coalesces.error();
            if (*coalesces)
                return {};
        }
        return addRevision(post.id, reason, time);
    });
}

// Whether an autosave revision of the post was recorded less than AutosaveIntervalMs before time.
Result<bool> PostHistory::autosaveCoalesces(qint64 postId, const QDateTime &time) const
{
    const Result<QDateTime> last = m_revisions->newestAutosave(postId);
    if (!last)
        return last.error();
    // A clock set back (negative age) must not stop autosave revisions for a while.
    const qint64 age = last->isValid() ? last->msecsTo(time) : -1;
    return age >= 0 && age < AutosaveIntervalMs;
}

// Records the post as it is stored now, at time.
Result<void> PostHistory::addRevision(qint64 postId, RevisionReason reason, const QDateTime &time)
{
    const Result<Post> stored = m_posts.byId(postId);
    if (!stored)
        return stored.error();
    return m_revisions->add(*stored, reason, time);
}

Result<QList<Revision>> PostHistory::revisions(qint64 postId) const
{
    QMutexLocker locker(&m_context.mutex());
    return m_revisions->forPost(postId);
}

Result<Post> PostHistory::restore(qint64 postId, qint64 revisionId)
{
    QMutexLocker locker(&m_context.mutex());
    const Result<void> restored = m_context.transaction([&]() -> Result<void> {
        Result<Post> post = m_posts.byId(postId);
        if (!post)
            return post.error();
        const Result<std::optional<Revision>> revision = m_revisions->find(revisionId);
        if (!revision)
            return revision.error();
        if (!*revision || (*revision)->postId != postId) {
            return Error{QCoreApplication::translate("quire::Library", "The post “%1” has no saved version %2.")
                                 .arg(post->title).arg(revisionId)};
        }
        const QString currentSlug = post->slug;
        post->title = (*revision)->title;
        post->body = (*revision)->body;
        RevisionRepository::applyMetadata((*revision)->metadata, *post);
        if (post->coverAssetId) {
            // The image may have been deleted since: the text comes back without it.
            const Result<std::optional<Asset>> cover = m_assets->findById(*post->coverAssetId);
            if (!cover)
                return cover.error();
            if (!*cover)
                post->coverAssetId.reset();
        }
        // The revision's slug as the store would keep it (PostStore::store): taken back only while
        // no other post has it.
        const QString wanted = SlugAllocator::base(post->slug, QString());
        const Result<std::optional<Post>> owner = m_posts.bySlug(wanted);
        if (!owner)
            return owner.error();
        if (wanted.isEmpty() || (*owner && (*owner)->id != postId))
            post->slug = currentSlug;
        if (Result<void> stored = m_posts.store(*post, true); !stored)
            return stored;
        return addRevision(postId, RevisionReason::Restore, m_context.now());
    });
    if (!restored)
        return restored.error();
    return m_posts.byId(postId);
}

Result<void> PostHistory::recordPublish(qint64 postId, const QDateTime &publishedAt)
{
    QMutexLocker locker(&m_context.mutex());
    return m_context.transaction([&]() -> Result<void> {
        Result<Post> post = m_posts.byId(postId);
        if (!post)
            return post.error();
        const bool undated = !post->publishedAt.isValid() && publishedAt.isValid();
        // A scheduled post goes out once its time has come: from then on it is published.
        const bool scheduled = post->status == PostStatus::Scheduled;
        if (undated || scheduled) {
            if (undated)
                post->publishedAt = publishedAt.toUTC();
            post->status = PostStatus::Published;
            if (Result<void> stored = m_posts.store(*post, false); !stored)
                return stored;
        }
        return addRevision(postId, RevisionReason::Publish, m_context.now());
    });
}

} // namespace quire
