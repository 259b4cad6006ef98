#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace quire {

// Why a revision was recorded.
enum class RevisionReason { Save, Autosave, Publish, Import, Restore };

// A snapshot of a post in its history. Never rewritten.
struct Revision
{
    qint64 id = 0;
    qint64 postId = 0;
    QDateTime createdAt;
    RevisionReason reason = RevisionReason::Save;
    QString title;
    QString body;
    QJsonObject metadata;   // slug, summary, status, kind, tags, dates at the time
};

} // namespace quire
