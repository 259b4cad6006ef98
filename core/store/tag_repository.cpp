#include "store/tag_repository.h"

#include "store/database.h"
#include "store/slug_allocator.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace quire {

namespace {

QString tidyName(const QString &name)
{
    QString tidy;
    tidy.reserve(name.size());
    for (QChar c : name.simplified()) {
        if (c.category() != QChar::Other_Control && c.category() != QChar::Other_Format)
            tidy.append(c);
    }
    return tidy.simplified();   // a dropped character may have left spaces side by side
}

bool sameName(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

TagRepository::TagRepository(Database &database)
    : m_database(database)
{
}

QStringList TagRepository::normalized(const QStringList &names)
{
    QStringList result;
    for (const QString &name : names) {
        const QString tidy = tidyName(name);
        const bool repeated = std::any_of(result.cbegin(), result.cend(),
                                          [&tidy](const QString &kept) { return sameName(kept, tidy); });
        if (!tidy.isEmpty() && !repeated)
            result.append(tidy);
    }
    return result;
}

Result<std::optional<qint64>> TagRepository::findByName(const QString &name)
{
    // The name column compares with NOCASE, like its UNIQUE constraint: exact for ASCII.
    Result<Statement> exact = m_database.prepare("SELECT id FROM tags WHERE name = ?1");
    if (!exact)
        return exact.error();
    exact->bindText(1, name);
    Result<bool> row = exact->step();
    if (!row)
        return row.error();
    if (*row)
        return std::optional<qint64>(exact->int64(0));

    // NOCASE does not fold "Ä" and "ä". Names equal without regard to case make the same slug, so
    // the candidates are the tags whose slug is that one, or that one with "-n" appended.
    Result<Statement> similar = m_database.prepare(
            "SELECT id, name FROM tags WHERE slug = ?1 OR (slug > ?1 || '-' AND slug < ?1 || '.')");
    if (!similar)
        return similar.error();
    similar->bindText(1, SlugAllocator::base(name, QStringLiteral("tag")));
    for (;;) {
        row = similar->step();
        if (!row)
            return row.error();
        if (!*row)
            return std::optional<qint64>();
        if (sameName(similar->text(1), name))
            return std::optional<qint64>(similar->int64(0));
    }
}

Result<qint64> TagRepository::findOrCreate(const QString &name)
{
    const Result<std::optional<qint64>> found = findByName(name);
    if (!found)
        return found.error();
    if (*found)
        return **found;

    const Result<QString> slug = SlugAllocator::unique(m_database, SlugAllocator::Table::Tags,
                                                       SlugAllocator::base(name, QStringLiteral("tag")));
    if (!slug)
        return slug.error();
    Result<Statement> insert = m_database.prepare("INSERT INTO tags (name, slug) VALUES (?1, ?2)");
    if (!insert)
        return insert.error();
    insert->bindText(1, name);
    insert->bindText(2, *slug);
    if (Result<void> inserted = insert->run(); !inserted)
        return inserted.error();
    return m_database.lastInsertId();
}

Result<QList<qint64>> TagRepository::linkedTags(qint64 postId)
{
    Result<Statement> query = m_database.prepare(
            "SELECT tag_id FROM post_tags WHERE post_id = ?1 ORDER BY position");
    if (!query)
        return query.error();
    query->bindInt(1, postId);
    QList<qint64> ids;
    const Result<void> read = query->forEachRow([&] {
        ids.append(query->int64(0));
    });
    if (!read)
        return read.error();
    return ids;
}

Result<void> TagRepository::setPostTags(qint64 postId, const QStringList &names)
{
    QList<qint64> wanted;
    for (const QString &name : normalized(names)) {
        const Result<qint64> id = findOrCreate(name);
        if (!id)
            return id.error();
        if (!wanted.contains(*id))
            wanted.append(*id);
    }
    const Result<QList<qint64>> current = linkedTags(postId);
    if (!current)
        return current.error();
    if (*current == wanted)
        return {};

    // Each link added or removed rewrites the post's search row, so links that stay are kept
    // and only their position changes.
    // A tag no post holds any more goes too: a tag typed with a pause mid-word ("gp" before
    // "gpu") would otherwise stay in the library, offered for completion, for good.
    Result<Statement> unlink = m_database.prepare("DELETE FROM post_tags WHERE post_id = ?1 AND tag_id = ?2");
    if (!unlink)
        return unlink.error();
    Result<Statement> prune = m_database.prepare(
            "DELETE FROM tags WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM post_tags WHERE tag_id = ?1)");
    if (!prune)
        return prune.error();
    for (qint64 tagId : *current) {
        if (wanted.contains(tagId))
            continue;
        unlink->reset();
        unlink->bindInt(1, postId);
        unlink->bindInt(2, tagId);
        if (Result<void> done = unlink->run(); !done)
            return done;
        prune->reset();
        prune->bindInt(1, tagId);
        if (Result<void> done = prune->run(); !done)
            return done;
    }
    Result<Statement> link = m_database.prepare(
            "INSERT INTO post_tags (post_id, tag_id, position) VALUES (?1, ?2, ?3)"
            " ON CONFLICT (post_id, tag_id) DO UPDATE SET position = excluded.position");
    if (!link)
        return link.error();
    for (qsizetype position = 0; position < wanted.size(); ++position) {
        link->reset();
        link->bindInt(1, postId);
        link->bindInt(2, wanted.at(position));
        link->bindInt(3, position);
        if (Result<void> done = link->run(); !done)
            return done;
    }
    return {};
}

Result<QStringList> TagRepository::postTags(qint64 postId)
{
    Result<QHash<qint64, QStringList>> tags = postTags(QList<qint64>{postId});
    if (!tags)
        return tags.error();
    return tags->value(postId);
}

Result<QHash<qint64, QStringList>> TagRepository::postTags(const QList<qint64> &postIds)
{
    QHash<qint64, QStringList> tags;
    if (postIds.isEmpty())
        return tags;
    // One query for the whole list (the ids travel as a JSON array), never one per post.
    QJsonArray ids;
    for (qint64 id : postIds)
        ids.append(id);
    Result<Statement> query = m_database.prepare(
            "SELECT pt.post_id, t.name FROM post_tags pt JOIN tags t ON t.id = pt.tag_id"
            " WHERE pt.post_id IN (SELECT value FROM json_each(?1))"
            " ORDER BY pt.post_id, pt.position");
    if (!query)
        return query.error();
    query->bindText(1, QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact)));
    const Result<void> read = query->forEachRow([&] {
        tags[query->int64(0)].append(query->text(1));
    });
    if (!read)
        return read.error();
    return tags;
}

Result<std::optional<qint64>> TagRepository::find(const QString &nameOrSlug)
{
    const QString text = tidyName(nameOrSlug);
    const Result<std::optional<qint64>> byName = findByName(text);
    if (!byName || *byName)
        return byName;
    Result<Statement> bySlug = m_database.prepare("SELECT id FROM tags WHERE slug = ?1");
    if (!bySlug)
        return bySlug.error();
    bySlug->bindText(1, text);
    const Result<bool> row = bySlug->step();
    if (!row)
        return row.error();
    return *row ? std::optional<qint64>(bySlug->int64(0)) : std::nullopt;
}

Result<QList<Tag>> TagRepository::all()
{
    Result<Statement> query = m_database.prepare(
            "SELECT t.id, t.name, t.slug, count(pt.post_id) FROM tags t"
            " LEFT JOIN post_tags pt ON pt.tag_id = t.id"
            " GROUP BY t.id ORDER BY t.name COLLATE quire_nocase, t.id");
    if (!query)
        return query.error();
    QList<Tag> tags;
    const Result<void> read = query->forEachRow([&] {
        tags.append(Tag{query->int64(0), query->text(1), query->text(2), int(query->int64(3))});
    });
    if (!read)
        return read.error();
    return tags;
}

} // namespace quire
