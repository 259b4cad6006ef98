#include "site/post_cover.h"

#include "store/asset_store.h"

namespace quire {

Result<PostFacts::Cover> PostCover::of(const AssetStore &assets, const Post &post)
{
    if (!post.coverAssetId)
        return PostFacts::Cover();
    Result<std::optional<Asset>> asset = assets.byId(*post.coverAssetId);
    if (!asset)
        return asset.error();
    return *asset ? PostFacts::coverOf(**asset) : PostFacts::Cover();
}

} // namespace quire
