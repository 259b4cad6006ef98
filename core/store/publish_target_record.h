#pragma once

#include <QJsonObject>
#include <QString>

namespace quire {

// A publish target as the library keeps it (the publish_targets table). What the kind and its
// configuration mean is publish/'s business (PublishTarget); the store only keeps them.
struct PublishTargetRecord
{
    qint64 id = 0;         // 0 until saved
    QString name;          // unique without regard to case
    QString kind;          // "folder", "git", "rsync"
    QJsonObject config;    // the kind's settings
};

} // namespace quire
