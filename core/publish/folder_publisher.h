#pragma once

#include "output/owned_folder.h"
#include "publish/publisher.h"

#include <QHash>

namespace quire {

// Publishes to a local folder (a web server's root, a synced folder): copies the files that
// differ, each written whole (a temporary file in the same folder, then a rename), and removes
// the files of an earlier publish that the site no longer has. The folder is an OwnedFolder: it
// only ever removes what it put there itself (listed in .quire-publish.json in the folder, with
// their hashes, and only while unchanged), whatever else the writer keeps in the folder is left
// alone, and nothing is written through a symbolic link inside it. A file of the site replaces
// whatever plain file has its name there: the folder is the site's. Never publishes the site's
// own state (.quire/).
class FolderPublisher : public Publisher
{
public:
    explicit FolderPublisher(const PublishTarget &target);

    Result<QList<Change>> dryRun(const QString &siteDir, const Callbacks &callbacks) override;
    Result<QList<Change>> publish(const QString &siteDir, const QString &message,
                                  const Callbacks &callbacks) override;

    // Quire's record of what it published, at the destination's root.
    static QString manifestName();

private:
    struct Plan
    {
        QString site;                          // canonical
        OwnedFolder destination;               // may not exist yet; its record: what Quire published there
        QList<Change> changes;
        QHash<QString, OwnedFile> siteFiles;   // every file of the site
    };

    Result<Plan> plan(const QString &siteDir, const Callbacks &callbacks) const;
    Result<QString> destinationFolder(const QString &site) const;

    PublishTarget m_target;
};

} // namespace quire
