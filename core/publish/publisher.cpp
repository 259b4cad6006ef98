#include "publish/publisher.h"

#include "publish/folder_publisher.h"

namespace quire {

std::unique_ptr<Publisher> Publisher::create(const PublishTarget &target, const QString &workDir)
{
    (void)workDir;   // merged with git_publisher: the git publisher keeps its clone there
    switch (target.kind) {
    case PublishTarget::Kind::Folder:
        return std::make_unique<FolderPublisher>(target);
    case PublishTarget::Kind::Git:
        return nullptr;   // merged with git_publisher: std::make_unique<GitPublisher>(target, workDir)
    case PublishTarget::Kind::Rsync:
        return nullptr;   // merged with rsync_publisher: std::make_unique<RsyncPublisher>(target)
    }
    return nullptr;
}

} // namespace quire
