#pragma once

#include "result.h"
#include "store/post.h"
#include "store/revision.h"

#include <QDateTime>
#include <QList>

#include <memory>

namespace quire {

class AssetRepository;
class PostStore;
class RevisionRepository;
class StoreContext;

// Every change of a post's text and metadata, with the post's history of revisions: saving
// (with a reason), restoring a revision, and recording a publish. Revisions are only ever
// added, never rewritten.
class PostHistory
{
public:
    PostHistory(StoreContext &context, PostStore &posts);
    ~PostHistory();
    PostHistory(const PostHistory &) = delete;
    PostHistory &operator=(const PostHistory &) = delete;

    // Autosaves closer together than this fold into the revision already recorded.
    static constexpr qint64 AutosaveIntervalMs = 60 * 1000;

    // Stores the post (every field and its tags) and records a revision: one per explicit Save;
    // autosaves coalesce so that a post gains at most one autosave revision per minute of
    // editing. The post always gets the newest text; only the history is coalesced. An Import
    // keeps the post's updatedAt when it is valid (the blog's own lastmod); other reasons set
    // it to now. Refuses a slug another post has, and a post that is not in the library.
    Result<void> save(const Post &post, RevisionReason reason);
    Result<QList<Revision>> revisions(qint64 postId) const;   // newest first
    // Writes the revision's title, body and metadata back to the post and records that as a new
    // revision (Restore), in one transaction. Refuses a revision of another post. A slug another
    // post has taken since is not taken back: the post keeps its current one; a cover image
    // deleted since is left out.
    Result<Post> restore(qint64 postId, qint64 revisionId);
    // Records that the post went out in a publish: a Publish revision of the post as it is, and
    // publishedAt as its published date when it has none; a scheduled post becomes published
    // (updated_at is left alone: publishing is not an edit).
    Result<void> recordPublish(qint64 postId, const QDateTime &publishedAt);

private:
    Result<void> addRevision(qint64 postId, RevisionReason reason, const QDateTime &time);
    Result<bool> autosaveCoalesces(qint64 postId, const QDateTime &time) const;

    StoreContext &m_context;
    PostStore &m_posts;
    std::unique_ptr<RevisionRepository> m_revisions;
    std::unique_ptr<AssetRepository> m_assets;
};

} // namespace quire
