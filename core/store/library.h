#pragma once

#include "publish/publish_target.h"
#include "result.h"
#include "store/asset.h"
#include "store/asset_user.h"
#include "store/cached_render.h"
#include "store/post.h"
#include "store/post_filter.h"
#include "theme/theme.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace quire {

class Database;

// Why a revision was recorded; stored as the words in the comments.
enum class RevisionReason { Save /*"save"*/, Autosave /*"autosave"*/, Publish /*"publish"*/,
                            Import /*"import"*/, Restore /*"restore"*/ };

struct Revision
{
    qint64 id = 0;
    qint64 postId = 0;
    QDateTime createdAt;
    RevisionReason reason = RevisionReason::Save;
    QString title;
    QString body;
    QJsonObject metadata;   // slug, summary, status, kind, tags, dates at the time
};

struct Tag
{
    qint64 id = 0;
    QString name;
    QString slug;
    int postCount = 0;
};

// One blog: the SQLite library file with its posts, revisions, tags, assets, themes, settings and
// publish targets. Only one Quire process opens a library at a time; the file is never written
// when it is damaged, newer than this program, read-only or already open elsewhere.
// Calls may come from several threads: they run one at a time, and a transaction keeps other
// threads waiting until it ends.
class Library
{
public:
    enum class OpenMode { OpenExisting, OpenOrCreate };

    static constexpr int SchemaVersion = 3;

    // Opens (or creates, with OpenOrCreate and a path that does not exist) the library at path.
    // Every failure names the file and the problem in one sentence.
    static Result<std::unique_ptr<Library>> open(const QString &path, OpenMode mode = OpenMode::OpenOrCreate);

    // $XDG_DATA_HOME/Quire/library.quire (QStandardPaths::AppDataLocation).
    static QString defaultPath();

    ~Library();
    Library(const Library &) = delete;
    Library &operator=(const Library &) = delete;

    QString path() const;
    bool wasCreated() const;   // this open() created the file

    // Runs work in one transaction: committed when it returns ok, rolled back otherwise.
    Result<void> transaction(const std::function<Result<void>()> &work);

    // Posts.
    // Fills id, uuid, a unique slug and the timestamps it lacks (an import brings its own).
    Result<Post> createPost(Post post);
    Result<Post> post(qint64 id) const;
    Result<std::optional<Post>> postBySlug(const QString &slug) const;
    Result<void> updatePost(const Post &post);         // every field and the tags; bumps updated_at
    Result<void> deletePost(qint64 id);
    Result<QList<PostSummary>> listPosts(const PostFilter &filter = {}) const;
    Result<int> postCount() const;
    // For each of the posts ids that a search (PostFilter::search) matches, the passage that best
    // matches it, each match between U+0002 and U+0003; posts that do not match are left out.
    Result<QHash<qint64, QString>> searchSnippets(const QList<qint64> &ids, const QString &search) const;
    // Every post with its tags, by id, without body, extra and cover: quick, as an index holds
    // the rest (see postBody()).
    Result<QList<Post>> allPosts() const;
    Result<QString> postBody(qint64 id) const;
    // A slug derived from wanted (or from "post" when that is empty) that no other post uses.
    Result<QString> uniqueSlug(const QString &wanted, qint64 exceptPostId = 0) const;

    // Stores the post and records a revision: one per explicit Save; autosaves coalesce so that
    // a post gains at most one autosave revision per minute of editing.
    // (An Import keeps the post's updatedAt when it is valid: the blog's own lastmod.)
    Result<void> saveDraft(const Post &post, RevisionReason reason);
    Result<QList<Revision>> revisions(qint64 postId) const;  // newest first
    // Writes the revision's title, body and metadata back to the post and records that as a new
    // revision (Restore), in one transaction. Refuses a revision of another post. A slug another
    // post has taken since is not taken back: the post keeps its current one; a cover image
    // deleted since is left out.
    Result<Post> restoreRevision(qint64 postId, qint64 revisionId);
    // Records that the post went out in a publish: a Publish revision of the post as it is, and
    // publishedAt as its published date when it has none; a scheduled post becomes published
    // (updated_at is left alone: publishing is not an edit).
    Result<void> recordPublish(qint64 postId, const QDateTime &publishedAt);

    // Tags.
    Result<QList<Tag>> tags() const;                    // by name, with post counts
    Result<QStringList> kinds() const;                  // the kinds posts use, by name

    // Settings (site title, base URL, active theme…): plain key/value text.
    Result<QString> setting(const QString &key, const QString &fallback = {}) const;
    Result<void> setSetting(const QString &key, const QString &value);

    // Themes. Every library holds Quire's built-in themes, installed on open and upgraded when
    // Quire ships a newer version; themes a user imported are never changed by that.
    Result<QList<Theme>> themes() const;                              // by name, without files
    Result<std::optional<Theme>> theme(const QString &name) const;    // with its files
    // Stores a theme the user brings (builtin is ignored: it is stored as the user's). Replaces
    // an earlier import of the same name; refuses the name of a built-in theme.
    Result<void> importTheme(const Theme &theme);
    // The theme named by the "theme" setting ("paper" when unset), with its files.
    Result<Theme> activeTheme() const;
    Result<void> setActiveTheme(const QString &name);
    static QString defaultThemeName();

    // Publish targets (where `quire publish NAME` sends the site). Names compare without case.
    Result<QList<PublishTarget>> publishTargets() const;                            // by name
    Result<std::optional<PublishTarget>> publishTarget(const QString &name) const;
    // Inserts target when its id is 0, else updates the target with its id (a rename too), after
    // PublishTarget::check(); refuses a name another target has. The target as stored.
    Result<PublishTarget> savePublishTarget(const PublishTarget &target);
    Result<void> removePublishTarget(const QString &name);

    // Assets: images kept in the library (PNG, JPEG, GIF, WebP, SVG, AVIF), at most MaxAssetSize.
    static constexpr qint64 MaxAssetSize = 25 * 1024 * 1024;
    // Stores data under a unique safe name made from wantedName ("My Photo.PNG" -> "my-photo.png"),
    // with the extension of the type found in the bytes; anything but an image is refused. The
    // same bytes stored again give back the asset already there. width/height: pixels, 0 unknown.
    Result<Asset> storeAsset(const QByteArray &data, const QString &wantedName, int width = 0, int height = 0);
    Result<std::optional<Asset>> asset(const QString &name) const;   // with its data
    Result<std::optional<Asset>> assetById(qint64 id) const;         // without data
    Result<QList<Asset>> assets() const;                             // by name, without data
    // The post's cover image (Post::coverAssetId), without data; none when it has none.
    Result<std::optional<Asset>> postCover(qint64 postId) const;
    // Deletes the asset. Posts it was the cover of lose their cover, and count as changed (so a
    // site build rewrites their pages).
    Result<void> deleteAsset(const QString &name);
    // For every asset that posts use, by name, the posts that use it (in post id order): bodies
    // that reference /media/NAME (store/asset_references.h) and covers. One pass over the bodies
    // that mention /media/ at all, in one transaction. Unused assets are not in the hash.
    Result<QHash<QString, QList<AssetUser>>> assetUsage() const;
    // The alt text of the asset; the posts it is the cover of count as changed.
    Result<void> setAssetAlt(const QString &name, const QString &alt);
    // Gives the asset a new safe name made from wantedName (AssetName::typedStem; the extension
    // stays its type's), and rewrites every body's references to /media/OLD into /media/NEW, each
    // rewritten post saved with a revision (Save). Refuses an empty or unusable name, slashes, and
    // a name another asset has. All in one transaction: a failure changes nothing.
    Result<Asset> renameAsset(const QString &oldName, const QString &wantedName);
    // New bytes for the asset name, checked as storeAsset checks them (pixel size read by
    // ImageProbe). Refuses bytes the library already holds as another asset, naming it. When the
    // type changes, so does the extension: a rename too, with the references rewritten. The posts
    // that use the asset count as changed. The asset as stored, without data.
    Result<Asset> replaceAsset(const QString &name, const QByteArray &data);
    // Deletes the assets names in one transaction; refuses (deleting none) when a post uses one
    // of them, naming the posts.
    Result<void> deleteUnusedAssets(const QStringList &names);

    // Rendered math and code (core/render/render_cache.h), by the hex key RenderCache makes.
    // A cache: entries may vanish (pruneRenderCache), never change meaning.
    Result<std::optional<CachedRender>> cachedRender(const QString &key) const;
    // Inserts or replaces every entry in one transaction, marking each as used now(); storing
    // an entry again is how a build marks it as still in use.
    Result<void> storeRenders(const QList<CachedRender> &entries);
    // Marks entries as used now (for pruneRenderCache), in one transaction.
    Result<void> touchRenders(const QStringList &keys);
    // Deletes the entries not stored or marked as used since unusedSince.
    Result<void> pruneRenderCache(const QDateTime &unusedSince);

    // The clock used for timestamps and autosave coalescing (tests replace it).
    void setClock(std::function<QDateTime()> clock);
    QDateTime now() const;

private:
    Library();
    Result<void> installBuiltinThemes(const QList<Theme> &shipped);
    Result<void> storePost(const Post &post, bool touch);   // touch: updated_at = now()
    Result<QHash<QString, QList<AssetUser>>> scanAssetUsage() const;
    // Rewrites /media/oldName to /media/newName in every body, saving each changed post.
    Result<void> rewriteAssetReferences(const QString &oldName, const QString &newName);
    // The ids of the posts whose body references the asset name.
    Result<QList<qint64>> postsReferencing(const QString &name) const;
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace quire
