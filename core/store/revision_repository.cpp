#include "store/revision_repository.h"

#include "store/database.h"
#include "store/timestamp.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace quire {

RevisionRepository::RevisionRepository(Database &database)
    : m_database(database)
{
}

QString RevisionRepository::reasonName(RevisionReason reason)
{
    switch (reason) {
    case RevisionReason::Save:
        return QStringLiteral("save");
    case RevisionReason::Autosave:
        return QStringLiteral("autosave");
    case RevisionReason::Publish:
        return QStringLiteral("publish");
    case RevisionReason::Import:
        return QStringLiteral("import");
    case RevisionReason::Restore:
        return QStringLiteral("restore");
    }
    return QStringLiteral("save");
}

std::optional<RevisionReason> RevisionRepository::reasonFromName(const QString &name)
{
    for (RevisionReason reason : {RevisionReason::Save, RevisionReason::Autosave, RevisionReason::Publish,
                                  RevisionReason::Import, RevisionReason::Restore}) {
        if (name == reasonName(reason))
            return reason;
    }
    return std::nullopt;
}

QJsonObject RevisionRepository::metadataOf(const Post &post)
{
    QJsonObject metadata{
        {QStringLiteral("slug"), post.slug},
        {QStringLiteral("summary"), post.summary},
        {QStringLiteral("status"), postStatusName(post.status)},
        {QStringLiteral("kind"), post.kind},
        {QStringLiteral("tags"), QJsonArray::fromStringList(post.tags)},
        {QStringLiteral("published_at"), post.publishedAt.isValid() ? QJsonValue(Timestamp::toText(post.publishedAt))
                                                                    : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("language"), post.language},
        {QStringLiteral("extra"), post.extra},
    };
    if (post.coverAssetId)
        metadata.insert(QStringLiteral("cover_asset_id"), *post.coverAssetId);
    return metadata;
}

Result<void> RevisionRepository::add(const Post &post, RevisionReason reason, const QDateTime &at)
{
    Result<Statement> insert = m_database.prepare(
            "INSERT INTO revisions (post_id, created_at, reason, title, body, metadata)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert)
        return insert.error();
    insert->bindInt(1, post.id);
    insert->bindTime(2, at);
    insert->bindText(3, reasonName(reason));
    insert->bindText(4, post.title);
    insert->bindText(5, post.body);
    insert->bindText(6, QString::fromUtf8(QJsonDocument(metadataOf(post)).toJson(QJsonDocument::Compact)));
    return insert->run();
}

Result<QDateTime> RevisionRepository::newestAutosave(qint64 postId)
{
    Result<Statement> query = m_database.prepare(
            "SELECT max(created_at) FROM revisions WHERE post_id = ?1 AND reason = 'autosave'");
    if (!query)
        return query.error();
    query->bindInt(1, postId);
    const Result<bool> row = query->step();
    if (!row)
        return row.error();
    return *row ? query->time(0) : QDateTime();
}

Result<QList<Revision>> RevisionRepository::forPost(qint64 postId)
{
    Result<Statement> query = m_database.prepare(
            "SELECT id, post_id, created_at, reason, title, body, metadata FROM revisions"
            " WHERE post_id = ?1 ORDER BY created_at DESC, id DESC");
    if (!query)
        return query.error();
    query->bindInt(1, postId);
    QList<Revision> revisions;
    const Result<void> read = query->forEachRow([&] {
        Revision revision;
        revision.id = query->int64(0);
        revision.postId = query->int64(1);
        revision.createdAt = query->time(2);
        revision.reason = reasonFromName(query->text(3)).value_or(RevisionReason::Save);
        revision.title = query->text(4);
        revision.body = query->text(5);
        revision.metadata = QJsonDocument::fromJson(query->text(6).toUtf8()).object();
        revisions.append(revision);
    });
    if (!read)
        return read.error();
    return revisions;
}

} // namespace quire
