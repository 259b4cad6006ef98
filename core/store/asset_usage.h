#pragma once

#include "result.h"
#include "store/asset_repository.h"
#include "store/asset_user.h"
#include "store/post_repository.h"

#include <QHash>
#include <QList>
#include <QString>

namespace quire {

class PostHistory;
class PostStore;
class StoreContext;

// Which posts use which of the library's images, in their text (/media/NAME, as
// store/asset_references.h reads it) or as their cover; and rewriting those references when an
// image is renamed. For AssetStore, whose calls hold the library's lock and transaction.
class AssetUsage
{
public:
    AssetUsage(StoreContext &context, PostStore &posts, PostHistory &history);

    // For every asset posts use, by name, the posts that use it, in post id order.
    Result<QHash<QString, QList<AssetUser>>> scan() const;
    // The ids of the posts whose body references the asset name.
    Result<QList<qint64>> postsReferencing(const QString &name) const;
    // Rewrites /media/oldName to /media/newName in every body, saving each changed post with a
    // revision (Save), as any change of its text.
    Result<void> rewrite(const QString &oldName, const QString &newName);

private:
    PostStore &m_posts;
    PostHistory &m_history;
    mutable AssetRepository m_assets;
    mutable PostRepository m_postRows;
};

} // namespace quire
