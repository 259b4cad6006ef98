#pragma once

#include "result.h"
#include "store/post.h"
#include "store/post_filter.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace quire {

class Database;
class Statement;

// The posts table. Stores posts as they are given; choosing slugs, identities, timestamps and
// tags is the Library's job.
class PostRepository
{
public:
    explicit PostRepository(Database &database);

    // Inserts every column but the id and returns the new id.
    Result<qint64> insert(const Post &post);
    // Writes every column but the id, uuid and creation time; false when there is no such post.
    Result<bool> update(const Post &post);
    Result<void> remove(qint64 id);
    // Marks the posts whose cover is the asset assetId as changed (change_seq), nothing else.
    Result<void> touchCoveredBy(qint64 assetId);
    // Marks the posts ids as changed (change_seq), nothing else.
    Result<void> touch(const QList<qint64> &ids);
    // Calls read(id, title, body) for each post whose body contains text: one query, so a scan of
    // every body costs one pass.
    Result<void> forEachBodyContaining(const QString &text,
                                       const std::function<void(qint64, const QString &, const QString &)> &read);
    // Calls read(id, title, coverAssetId) for each post that has a cover.
    Result<void> forEachCover(const std::function<void(qint64, const QString &, qint64)> &read);

    // The post without its tags.
    Result<std::optional<Post>> find(qint64 id);
    Result<std::optional<Post>> findBySlug(const QString &slug);
    // The post other than exceptId that uses slug.
    Result<std::optional<Post>> slugOwner(const QString &slug, qint64 exceptId);

    // The posts that pass filter (tagId already resolved from filter.tag), without their tags.
    Result<QList<PostSummary>> list(const PostFilter &filter, std::optional<qint64> tagId);
    // For each post of ids that search matches, the passage that best matches it, the matches
    // between U+0002 and U+0003. One query for all of them: a prefix is expanded once.
    Result<QHash<qint64, QString>> snippets(const QList<qint64> &ids, const QString &search);
    // Every post by id, with only what the posts_site index holds: no body, extra or cover
    // (the query reads that index only, never the bodies' pages).
    Result<QList<Post>> all();
    // Fills the body and cover of a post all() listed, in one read of its row.
    Result<void> readContent(Post &post);
    // The kinds posts use, without the empty one, sorted without regard to case.
    Result<QStringList> kinds();

    // A word most posts hold is ranked among its RankWindow newest matches (after the posts that
    // hold it in their title, summary or tags): bm25 costs about a microsecond per match.
    static constexpr int RankWindow = 300;

private:
    Result<std::optional<qint64>> rankCut(const QString &match, const QByteArray &conditions,
                                          const std::function<void(Statement &)> &bind);
    Result<std::optional<Post>> findOne(QByteArrayView where, const std::function<void(Statement &)> &bind);

    Database &m_database;
};

} // namespace quire
