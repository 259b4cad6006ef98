#pragma once

#include <QString>

namespace quire {

// A post that uses a library asset (AssetStore::usage).
struct AssetUser
{
    qint64 postId = 0;
    QString title;
    bool inBody = false;    // the body references /media/NAME (store/asset_references.h)
    bool asCover = false;   // the asset is the post's cover
};

} // namespace quire
