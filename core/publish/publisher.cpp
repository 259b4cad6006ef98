#include "publish/publisher.h"

#include "publish/folder_publisher.h"
#include "publish/git_publisher.h"
#include "publish/rsync_publisher.h"

namespace quire {

std::unique_ptr<Publisher> Publisher::create(const PublishTarget &target, const QString &workDir)
{
    switch (target.kind) {
    case PublishTarget::Kind::Folder:
        return std::make_unique<FolderPublisher>(target);
    case PublishTarget::Kind::Git:
        return std::make_unique<GitPublisher>(target, workDir);   // keeps its clone in workDir
    case PublishTarget::Kind::Rsync:
        return std::make_unique<RsyncPublisher>(target);
    }
    return nullptr;
}

} // namespace quire
