#pragma once

#include "result.h"
#include "store/post.h"
#include "store/post_filter.h"
#include "store/tag.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace quire {

class PostRepository;
class StoreContext;
class TagRepository;

// The library's posts and their tags: creating, reading, listing, searching and deleting them.
// A post's text and metadata change only through PostHistory::save, so that every change has
// its place in the post's history.
class PostStore
{
public:
    explicit PostStore(StoreContext &context);
    ~PostStore();
    PostStore(const PostStore &) = delete;
    PostStore &operator=(const PostStore &) = delete;

    // Stores a new post: fills id, uuid, a unique slug (uniqueSlug of the slug, else of the title)
    // and the timestamps it lacks (an import brings its own). The post as stored, tags spelt as
    // stored.
    Result<Post> create(Post post);
    // The post with its tags; an error that says so when there is no such post.
    Result<Post> byId(qint64 id) const;
    Result<std::optional<Post>> bySlug(const QString &slug) const;
    // Deletes the post with its revisions and tag links; the tags stay for reuse.
    Result<void> remove(qint64 id);

    Result<QList<PostSummary>> list(const PostFilter &filter = {}) const;
    // For each of the posts ids that a search (PostFilter::search) matches, the passage that best
    // matches it, each match between U+0002 and U+0003; posts that do not match are left out.
    Result<QHash<qint64, QString>> searchSnippets(const QList<qint64> &ids, const QString &search) const;
    // Every post with its tags, by id, without body, extra and cover: quick, as an index holds
    // the rest (see withContent()).
    Result<QList<Post>> all() const;
    // A post all() listed, with what its page shows that the list leaves out: its body and its
    // cover, in one read (a site build renders each post from this).
    Result<Post> withContent(const Post &listed) const;
    // The slug wanted gives (PostRules::titleSlug), with "-2", "-3"… appended when another post
    // uses it.
    Result<QString> uniqueSlug(const QString &wanted, qint64 exceptPostId = 0) const;

    Result<QList<Tag>> tags() const;       // by name, with post counts
    Result<QStringList> kinds() const;     // the kinds posts use, by name

private:
    friend class PostHistory;
    // Writes every field and the tags of an existing post; touch: updated_at = now (else the
    // post's own, when valid). Refuses a slug another post has.
    Result<void> store(const Post &post, bool touch);

    StoreContext &m_context;
    std::unique_ptr<PostRepository> m_posts;
    std::unique_ptr<TagRepository> m_tags;
};

} // namespace quire
