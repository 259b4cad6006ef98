#include "store/post_repository.h"

#include "store/database.h"
#include "store/fts_query.h"

#include <QJsonDocument>

#include <algorithm>

namespace quire {

namespace {

// One more than any post's change_seq (a lookup in posts_change_seq).
const QByteArray nextChangeSeq = "(SELECT coalesce(max(change_seq), 0) + 1 FROM posts)";

const QByteArray postColumns =
        "id, uuid, title, slug, body, summary, status, kind, created_at, updated_at, published_at,"
        " cover_asset_id, language, extra, change_seq";

QString extraText(const QJsonObject &extra)
{
    return QString::fromUtf8(QJsonDocument(extra).toJson(QJsonDocument::Compact));
}

QJsonObject extraObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

PostStatus statusFrom(const QString &name)
{
    return postStatusFromName(name).value_or(PostStatus::Draft);
}

Post postFrom(const Statement &row)
{
    Post post;
    post.id = row.int64(0);
    post.uuid = row.text(1);
    post.title = row.text(2);
    post.slug = row.text(3);
    post.body = row.text(4);
    post.summary = row.text(5);
    post.status = statusFrom(row.text(6));
    post.kind = row.text(7);
    post.createdAt = row.time(8);
    post.updatedAt = row.time(9);
    post.publishedAt = row.time(10);
    post.coverAssetId = row.optionalInt(11);
    post.language = row.text(12);
    post.extra = extraObject(row.text(13));
    post.changeSeq = row.int64(14);
    return post;
}

// The columns written by both insert and update, as parameters ?2 to ?12.
void bindContent(Statement &statement, const Post &post)
{
    statement.bindText(2, post.title);
    statement.bindText(3, post.slug);
    statement.bindText(4, post.body);
    statement.bindText(5, post.summary);
    statement.bindText(6, postStatusName(post.status));
    statement.bindText(7, post.kind);
    statement.bindTime(8, post.updatedAt);
    statement.bindTime(9, post.publishedAt);
    statement.bindOptionalInt(10, post.coverAssetId);
    statement.bindText(11, post.language);
    statement.bindText(12, extraText(post.extra));
}

QByteArray orderBy(PostFilter::Order order, bool searching)
{
    switch (order) {
    case PostFilter::Order::Relevance:
        if (!searching)
            break;
        // Lower is better; a word in the title or tags counts more than one in the body.
        return "bm25(posts_fts, 10.0, 5.0, 1.0, 5.0), p.updated_at DESC, p.id DESC";
    case PostFilter::Order::PublishedDesc:
        return "p.published_at IS NULL, p.published_at DESC, p.updated_at DESC, p.id DESC";
    case PostFilter::Order::TitleAsc:
        return "p.title COLLATE quire_nocase, p.id";
    case PostFilter::Order::UpdatedDesc:
        break;
    }
    return "p.updated_at DESC, p.id DESC";
}

} // namespace

PostRepository::PostRepository(Database &database)
    : m_database(database)
{
}

Result<qint64> PostRepository::insert(const Post &post)
{
    Result<Statement> insert = m_database.prepare(
            "INSERT INTO posts (uuid, title, slug, body, summary, status, kind, updated_at, published_at,"
            " cover_asset_id, language, extra, created_at, change_seq)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, " + nextChangeSeq + ")");
    if (!insert)
        return insert.error();
    insert->bindText(1, post.uuid);
    bindContent(*insert, post);
    insert->bindTime(13, post.createdAt);
    if (Result<void> done = insert->run(); !done)
        return done.error();
    return m_database.lastInsertId();
}

Result<bool> PostRepository::update(const Post &post)
{
    Result<Statement> update = m_database.prepare(
            "UPDATE posts SET title = ?2, slug = ?3, body = ?4, summary = ?5, status = ?6, kind = ?7,"
            " updated_at = ?8, published_at = ?9, cover_asset_id = ?10, language = ?11, extra = ?12,"
            " change_seq = " + nextChangeSeq + " WHERE id = ?1");
    if (!update)
        return update.error();
    update->bindInt(1, post.id);
    bindContent(*update, post);
    if (Result<void> done = update->run(); !done)
        return done.error();
    return m_database.changes() > 0;
}

Result<void> PostRepository::remove(qint64 id)
{
    Result<Statement> remove = m_database.prepare("DELETE FROM posts WHERE id = ?1");
    if (!remove)
        return remove.error();
    remove->bindInt(1, id);
    return remove->run();
}

Result<void> PostRepository::touchCoveredBy(qint64 assetId)
{
    Result<Statement> touch = m_database.prepare("UPDATE posts SET change_seq = " + nextChangeSeq
                                                 + " WHERE cover_asset_id = ?1");
    if (!touch)
        return touch.error();
    touch->bindInt(1, assetId);
    return touch->run();
}

Result<void> PostRepository::touch(const QList<qint64> &ids)
{
    Result<Statement> touch = m_database.prepare("UPDATE posts SET change_seq = " + nextChangeSeq + " WHERE id = ?1");
    if (!touch)
        return touch.error();
    for (const qint64 id : ids) {
        touch->bindInt(1, id);
        if (Result<void> done = touch->run(); !done)
            return done;
        touch->reset();
    }
    return {};
}

Result<void> PostRepository::forEachBodyContaining(
        const QString &text, const std::function<void(qint64, const QString &, const QString &)> &read)
{
    Result<Statement> query = m_database.prepare("SELECT id, title, body FROM posts WHERE instr(body, ?1) > 0 ORDER BY id");
    if (!query)
        return query.error();
    query->bindText(1, text);
    return query->forEachRow([&] { read(query->int64(0), query->text(1), query->text(2)); });
}

Result<void> PostRepository::forEachCover(const std::function<void(qint64, const QString &, qint64)> &read)
{
    Result<Statement> query = m_database.prepare(
            "SELECT id, title, cover_asset_id FROM posts WHERE cover_asset_id IS NOT NULL ORDER BY id");
    if (!query)
        return query.error();
    return query->forEachRow([&] { read(query->int64(0), query->text(1), query->int64(2)); });
}

Result<std::optional<Post>> PostRepository::findOne(QByteArrayView where,
                                                     const std::function<void(Statement &)> &bind)
{
    Result<Statement> query = m_database.prepare("SELECT " + postColumns + " FROM posts WHERE " + where.toByteArray());
    if (!query)
        return query.error();
    bind(*query);
    const Result<bool> row = query->step();
    if (!row)
        return row.error();
    return *row ? std::optional<Post>(postFrom(*query)) : std::nullopt;
}

Result<std::optional<Post>> PostRepository::find(qint64 id)
{
    return findOne("id = ?1", [id](Statement &query) { query.bindInt(1, id); });
}

Result<std::optional<Post>> PostRepository::findBySlug(const QString &slug)
{
    return findOne("slug = ?1", [&slug](Statement &query) { query.bindText(1, slug); });
}

Result<std::optional<Post>> PostRepository::slugOwner(const QString &slug, qint64 exceptId)
{
    return findOne("slug = ?1 AND id <> ?2", [&](Statement &query) {
        query.bindText(1, slug);
        query.bindInt(2, exceptId);
    });
}

namespace {

const QByteArray RankScore = "bm25(posts_fts, 10.0, 5.0, 1.0, 5.0)";

} // namespace

// The rowid of the RankWindow-th newest post the search matches, if it matches that many.
Result<std::optional<qint64>> PostRepository::rankCut(const QString &match, const QByteArray &conditions,
                                                      const std::function<void(Statement &)> &bind)
{
    Result<Statement> query = m_database.prepare("SELECT rowid FROM posts_fts WHERE posts_fts MATCH :match" + conditions
                                                 + " ORDER BY rowid DESC LIMIT 1 OFFSET :offset");
    if (!query)
        return query.error();
    query->bindText(":match", match);
    query->bindInt(":offset", RankWindow - 1);
    bind(*query);
    const Result<bool> row = query->step();
    if (!row)
        return row.error();
    return *row ? std::optional<qint64>(query->int64(0)) : std::nullopt;
}

Result<QList<PostSummary>> PostRepository::list(const PostFilter &filter, std::optional<qint64> tagId)
{
    const QString match = FtsQuery::fromUserText(filter.search);
    const bool searching = !match.isEmpty();
    const bool ranked = searching && filter.order == PostFilter::Order::Relevance;

    QByteArrayList conditions;
    if (filter.status)
        conditions.append("p.status = :status");
    if (tagId)
        conditions.append("p.id IN (SELECT post_id FROM post_tags WHERE tag_id = :tag)");
    auto bindFilter = [&](Statement &query) {
        if (filter.status)
            query.bindText(":status", postStatusName(*filter.status));
        if (tagId)
            query.bindInt(":tag", *tagId);
    };
    QByteArray sql = "SELECT p.id, p.title, p.slug, p.status, p.updated_at, p.published_at FROM ";
    std::optional<qint64> cut;
    if (ranked) {
        // Ranked inside the index, limit included, before any post row is read.
        const QByteArray filtered = conditions.isEmpty()
            ? QByteArray()
            : " AND rowid IN (SELECT p.id FROM posts p WHERE " + conditions.join(" AND ") + ")";
        Result<std::optional<qint64>> window = rankCut(match, filtered, bindFilter);
        if (!window)
            return window.error();
        cut = *window;
        const QByteArray inner = "SELECT rowid, " + RankScore + " AS score FROM posts_fts WHERE posts_fts MATCH :match"
                                 + filtered + (cut ? " AND rowid >= :cut" : "") + " ORDER BY score LIMIT :limit";
        if (cut) {
            // The posts naming it in title, summary or tags come first, from the whole library.
            const QByteArray named = "SELECT rowid, " + RankScore + " - 1e9 AS score FROM posts_fts WHERE posts_fts MATCH"
                                     " :named" + filtered + " ORDER BY score LIMIT :limit";
            sql += "(SELECT rowid, min(score) AS score FROM (SELECT * FROM (" + named + ") UNION ALL SELECT * FROM (" + inner
                   + ")) GROUP BY rowid ORDER BY score LIMIT :limit)";
        } else {
            sql += "(" + inner + ")";
        }
        // posts_site holds every column listed, so the bodies' overflow pages are never read.
        sql += " f JOIN posts p INDEXED BY posts_site ON p.id = f.rowid ORDER BY f.score, p.updated_at DESC, p.id DESC";
    } else {
        sql += "posts p";
        if (searching) {
            sql += " JOIN posts_fts ON posts_fts.rowid = p.id";
            conditions.prepend("posts_fts MATCH :match");
        }
        if (!conditions.isEmpty())
            sql += " WHERE " + conditions.join(" AND ");
        sql += " ORDER BY " + orderBy(filter.order, searching) + " LIMIT :limit";
    }

    Result<Statement> query = m_database.prepare(sql);
    if (!query)
        return query.error();
    if (searching)
        query->bindText(":match", match);
    if (cut) {
        query->bindInt(":cut", *cut);
        query->bindText(":named", QStringLiteral("{title summary tags} : (%1)").arg(match));
    }
    bindFilter(*query);
    query->bindInt(":limit", filter.limit < 0 ? -1 : filter.limit);

    QList<PostSummary> posts;
    const Result<void> read = query->forEachRow([&] {
        PostSummary post;
        post.id = query->int64(0);
        post.title = query->text(1);
        post.slug = query->text(2);
        post.status = statusFrom(query->text(3));
        post.updatedAt = query->time(4);
        post.publishedAt = query->time(5);
        posts.append(post);
    });
    if (!read)
        return read.error();
    return posts;
}

Result<QHash<qint64, QString>> PostRepository::snippets(const QList<qint64> &ids, const QString &search)
{
    QHash<qint64, QString> passages;
    const QString match = FtsQuery::fromUserText(search);
    if (match.isEmpty() || ids.isEmpty())
        return passages;
    // Numbers from the list itself, not text from the user. FTS5 would look each id of an IN
    // list up on its own, expanding a prefix every time (30 rows of "floa": 18 ms); one range
    // expands it once, and the IN list, kept out of the index (+rowid), picks the rows.
    QByteArrayList rowids;
    for (const qint64 id : ids)
        rowids.append(QByteArray::number(id));
    const auto [first, last] = std::minmax_element(ids.begin(), ids.end());
    Result<Statement> query = m_database.prepare(
            "SELECT rowid, snippet(posts_fts, -1, char(2), char(3), '…', 14) FROM posts_fts"
            " WHERE posts_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3 AND +rowid IN (" + rowids.join(',') + ")");
    if (!query)
        return query.error();
    query->bindText(1, match);
    query->bindInt(2, *first);
    query->bindInt(3, *last);
    const Result<void> read = query->forEachRow([&] { passages.insert(query->int64(0), query->text(1)); });
    if (!read)
        return read.error();
    return passages;
}

Result<QList<Post>> PostRepository::all()
{
    // Only the columns of the posts_site index, which answers the query on its own.
    Result<Statement> query = m_database.prepare(
            "SELECT id, uuid, title, slug, summary, status, kind, created_at, updated_at, published_at, language,"
            " change_seq FROM posts INDEXED BY posts_site ORDER BY id");
    if (!query)
        return query.error();
    QList<Post> posts;
    const Result<void> read = query->forEachRow([&] {
        Post post;
        post.id = query->int64(0);
        post.uuid = query->text(1);
        post.title = query->text(2);
        post.slug = query->text(3);
        post.summary = query->text(4);
        post.status = statusFrom(query->text(5));
        post.kind = query->text(6);
        post.createdAt = query->time(7);
        post.updatedAt = query->time(8);
        post.publishedAt = query->time(9);
        post.language = query->text(10);
        post.changeSeq = query->int64(11);
        posts.append(std::move(post));
    });
    if (!read)
        return read.error();
    return posts;
}

Result<QStringList> PostRepository::kinds()
{
    Result<Statement> query = m_database.prepare(
            "SELECT DISTINCT kind FROM posts WHERE kind <> '' ORDER BY kind COLLATE quire_nocase");
    if (!query)
        return query.error();
    QStringList kinds;
    const Result<void> read = query->forEachRow([&] { kinds.append(query->text(0)); });
    if (!read)
        return read.error();
    return kinds;
}

Result<void> PostRepository::readContent(Post &post)
{
    Result<Statement> query = m_database.prepare("SELECT body, cover_asset_id FROM posts WHERE id = ?1");
    if (!query)
        return query.error();
    query->bindInt(1, post.id);
    const Result<bool> row = query->step();
    if (!row)
        return row.error();
    if (!*row)
        return Error{QStringLiteral("The post %1 is not in the library.").arg(post.id)};
    post.body = query->text(0);
    post.coverAssetId = query->optionalInt(1);
    return {};
}

} // namespace quire
