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

void RevisionRepository::applyMetadata(const QJsonObject &metadata, Post &post)
{
    const auto text = [&](const char *key, QString &field) {
        if (const QJsonValue value = metadata.value(QLatin1String(key)); value.isString())
            field = value.toString();
    };
    text("slug", post.slug);
    text("summary", post.summary);
    text("kind", post.kind);
    text("language", post.language);
    if (const auto status = postStatusFromName(metadata.value(QLatin1String("status")).toString()))
        post.status = *status;
    if (const QJsonValue tags = metadata.value(QLatin1String("tags")); tags.isArray()) {
        post.tags.clear();
        for (const QJsonValue tag : tags.toArray()) {
            if (tag.isString())
                post.tags.append(tag.toString());
        }
    }
    if (metadata.contains(QLatin1String("published_at"))) {
        const QJsonValue published = metadata.value(QLatin1String("published_at"));
        post.publishedAt = published.isString() ? Timestamp::fromText(published.toString()) : QDateTime();
    }
    if (const QJsonValue extra = metadata.value(QLatin1String("extra")); extra.isObject())
        post.extra = extra.toObject();
    // Written only when the post had a cover, so its absence means "none" in any snapshot.
    const QJsonValue cover = metadata.value(QLatin1String("cover_asset_id"));
    post.coverAssetId = cover.isDouble() ? std::optional<qint64>(cover.toInteger()) : std::nullopt;
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

namespace {

constexpr const char *RevisionColumns = "SELECT id, post_id, created_at, reason, title, body, metadata FROM revisions";

Revision revisionAt(const Statement &query)
{
    Revision revision;
    revision.id = query.int64(0);
    revision.postId = query.int64(1);
    revision.createdAt = query.time(2);
    revision.reason = RevisionRepository::reasonFromName(query.text(3)).value_or(RevisionReason::Save);
    revision.title = query.text(4);
    revision.body = query.text(5);
    revision.metadata = QJsonDocument::fromJson(query.text(6).toUtf8()).object();
    return revision;
}

} // namespace

Result<QList<Revision>> RevisionRepository::forPost(qint64 postId)
{
    Result<Statement> query = m_database.prepare(
            QByteArray(RevisionColumns) + " WHERE post_id = ?1 ORDER BY created_at DESC, id DESC");
    if (!query)
        return query.error();
    query->bindInt(1, postId);
    QList<Revision> revisions;
    const Result<void> read = query->forEachRow([&] { revisions.append(revisionAt(*query)); });
    if (!read)
        return read.error();
    return revisions;
}

Result<std::optional<Revision>> RevisionRepository::find(qint64 revisionId)
{
    Result<Statement> query = m_database.prepare(QByteArray(RevisionColumns) + " WHERE id = ?1");
    if (!query)
        return query.error();
    query->bindInt(1, revisionId);
    const Result<bool> row = query->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<Revision>();
    return std::optional<Revision>(revisionAt(*query));
}

} // namespace quire
