#pragma once

#include "result.h"
#include "site/post_facts.h"
#include "store/post.h"

namespace quire {

class AssetStore;

// The cover image a post's page shows, found one way for the site and the preview: the library
// asset the post names (Post::coverAssetId). The build asks with the post as stored; the preview
// with the post as the editor holds it, so a cover the writer has just chosen shows before it
// is saved.
class PostCover
{
public:
    // The cover as pages show it: an empty Cover (no name) when the post names none, or an image
    // the library no longer has. An Error when the library cannot be read.
    static Result<PostFacts::Cover> of(const AssetStore &assets, const Post &post);
};

} // namespace quire
