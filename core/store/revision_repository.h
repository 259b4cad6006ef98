#pragma once

#include "result.h"
#include "store/post.h"
#include "store/revision.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace quire {

class Database;

// The revisions table: snapshots of posts, only ever added (or pruned), never changed.
class RevisionRepository
{
public:
    explicit RevisionRepository(Database &database);

    // Records post as it is now.
    Result<void> add(const Post &post, RevisionReason reason, const QDateTime &at);
    // When the post's newest autosave revision was made; invalid when it has none.
    Result<QDateTime> newestAutosave(qint64 postId);
    // Newest first.
    Result<QList<Revision>> forPost(qint64 postId);
    Result<std::optional<Revision>> find(qint64 revisionId);

    // What a revision keeps beside title and body.
    static QJsonObject metadataOf(const Post &post);
    // The reverse of metadataOf: fields the metadata lacks (an older snapshot) stay as they are.
    static void applyMetadata(const QJsonObject &metadata, Post &post);

    static QString reasonName(RevisionReason reason);
    static std::optional<RevisionReason> reasonFromName(const QString &name);

private:
    Database &m_database;
};

} // namespace quire
