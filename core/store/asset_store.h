#pragma once

#include "result.h"
#include "store/asset.h"
#include "store/asset_user.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace quire {

class AssetRepository;
class AssetUsage;
class PostHistory;
class PostRepository;
class PostStore;
class StoreContext;

// The library's images (PNG, JPEG, GIF, WebP, SVG, AVIF; ImageIntake says what comes in) and
// the posts that use them. A change that alters what a post's page shows (a cover's alt text,
// new bytes, a rename) marks those posts as changed, so a site build rewrites their pages.
class AssetStore
{
public:
    AssetStore(StoreContext &context, PostStore &posts, PostHistory &history);
    ~AssetStore();
    AssetStore(const AssetStore &) = delete;
    AssetStore &operator=(const AssetStore &) = delete;

    // Stores data under a unique safe name made from wantedName ("My Photo.PNG" -> "my-photo.png"),
    // with the extension of the type found in the bytes; anything but an image is refused. The
    // same bytes stored again give back the asset already there. width/height: pixels, 0 unknown.
    Result<Asset> store(const QByteArray &data, const QString &wantedName, int width = 0, int height = 0);
    Result<std::optional<Asset>> byName(const QString &name) const;   // with its data
    Result<std::optional<Asset>> byId(qint64 id) const;               // without data
    Result<QList<Asset>> list() const;                                // by name, without data
    // The post's cover image (Post::coverAssetId), without data; none when it has none.
    Result<std::optional<Asset>> coverOf(qint64 postId) const;

    // For every asset that posts use, by name, the posts that use it (in post id order): bodies
    // that reference /media/NAME (store/asset_references.h) and covers. One pass over the bodies
    // that mention /media/ at all, in one transaction. Unused assets are not in the hash.
    Result<QHash<QString, QList<AssetUser>>> usage() const;

    // The alt text of the asset; the posts it is the cover of count as changed.
    Result<void> setAlt(const QString &name, const QString &alt);
    // Gives the asset a new safe name made from wantedName (AssetName::typedStem; the extension
    // stays its type's), and rewrites every body's references to /media/OLD into /media/NEW, each
    // rewritten post saved with a revision (Save). Refuses an empty or unusable name, slashes, and
    // a name another asset has. All in one transaction: a failure changes nothing.
    Result<Asset> rename(const QString &oldName, const QString &wantedName);
    // New bytes for the asset name, checked as store() checks them (pixel size read by
    // ImageProbe). Refuses bytes the library already holds as another asset, naming it. When the
    // type changes, so does the extension: a rename too, with the references rewritten. The posts
    // that use the asset count as changed. The asset as stored, without data.
    Result<Asset> replace(const QString &name, const QByteArray &data);
    // Deletes the asset. Posts it was the cover of lose their cover, and count as changed.
    Result<void> remove(const QString &name);
    // Deletes the assets names in one transaction; refuses (deleting none) when a post uses one
    // of them, naming the posts.
    Result<void> removeUnused(const QStringList &names);

private:
    Result<Asset> existing(const QString &name) const;
    Result<QString> freeName(const QString &stem, const QString &extension) const;

    StoreContext &m_context;
    std::unique_ptr<AssetRepository> m_assets;
    std::unique_ptr<PostRepository> m_postRows;   // for marking posts changed
    std::unique_ptr<AssetUsage> m_usage;
};

} // namespace quire
