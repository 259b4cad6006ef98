#include "store/post.h"

namespace quire {

QString postStatusName(PostStatus status)
{
    switch (status) {
    case PostStatus::Draft:
        return QStringLiteral("draft");
    case PostStatus::Scheduled:
        return QStringLiteral("scheduled");
    case PostStatus::Published:
        return QStringLiteral("published");
    }
    return QStringLiteral("draft");
}

std::optional<PostStatus> postStatusFromName(const QString &name)
{
    for (PostStatus status : {PostStatus::Draft, PostStatus::Scheduled, PostStatus::Published}) {
        if (name.compare(postStatusName(status), Qt::CaseInsensitive) == 0)
            return status;
    }
    return std::nullopt;
}

} // namespace quire
