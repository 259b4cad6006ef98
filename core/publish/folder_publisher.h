#pragma once

#include "publish/publisher.h"

#include <QHash>

namespace quire {

// Publishes to a local folder (a web server's root, a synced folder): copies the files that
// differ, each written whole (a temporary file in the same folder, then a rename), and removes
// the files of an earlier publish that the site no longer has. It only ever removes what it put
// there itself (listed in .quire-publish.json in the folder, with their hashes, and only while
// unchanged): whatever else the writer keeps in the folder is left alone. Never writes through a
// symbolic link inside the folder, and never publishes the site's own state (.quire/).
class FolderPublisher : public Publisher
{
public:
    explicit FolderPublisher(const PublishTarget &target);

    Result<QList<Change>> dryRun(const QString &siteDir, const Callbacks &callbacks) override;
    Result<QList<Change>> publish(const QString &siteDir, const QString &message,
                                  const Callbacks &callbacks) override;

    // Quire's record of what it published, at the destination's root.
    static QString manifestName() { return QStringLiteral(".quire-publish.json"); }

private:
    struct Published
    {
        QByteArray hash;   // SiteOutput::hash, hex
        qint64 size = 0;
    };

    struct Plan
    {
        QString site;                          // canonical
        QString destination;                   // absolute; may not exist yet
        QList<Change> changes;
        QHash<QString, Published> siteFiles;   // every file of the site
        QHash<QString, Published> published;   // the destination's manifest
    };

    Result<Plan> plan(const QString &siteDir, const Callbacks &callbacks) const;
    Result<QString> destinationFolder(const QString &site) const;
    Result<QHash<QString, Published>> readManifest(const QString &destination) const;
    Result<void> writeManifest(const QString &destination, const QHash<QString, Published> &published) const;

    PublishTarget m_target;
};

} // namespace quire
