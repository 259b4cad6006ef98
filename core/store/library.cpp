#include "store/library.h"

#include "store/asset_name.h"
#include "store/asset_references.h"
#include "store/asset_repository.h"
#include "store/database.h"
#include "store/file_lock.h"
#include "store/image_probe.h"
#include "store/library_opener.h"
#include "store/post_repository.h"
#include "store/publish_target_repository.h"
#include "store/render_cache_repository.h"
#include "store/revision_repository.h"
#include "store/settings_repository.h"
#include "store/slug_allocator.h"
#include "store/svg_safety.h"
#include "store/tag_repository.h"
#include "store/theme_repository.h"
#include "theme/builtin_themes.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QMap>
#include <QMimeDatabase>
#include <QMutexLocker>
#include <QRecursiveMutex>
#include <QSet>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace quire {

namespace {

// Autosaves closer together than this fold into the revision already recorded.
constexpr qint64 AutosaveRevisionIntervalMs = 60 * 1000;

Error postMissing(qint64 id)
{
    return Error{QCoreApplication::translate("quire::Library",
                                             "The post %1 is not in the library (it may have been deleted).").arg(id)};
}

QString trAsset(const char *text)
{
    return QCoreApplication::translate("quire::Library", text);
}

// The image type the bytes hold (never what a file name claims), or "" for anything else.
QString imageType(const QByteArray &data)
{
    static const QMimeDatabase types;
    const QString type = types.mimeTypeForData(data).name();
    return AssetName::extension(type).isEmpty() ? QString() : type;
}

// The type of an image the library can keep (see storeAsset), or why it cannot keep these bytes.
Result<QString> keepableImageType(const QByteArray &data)
{
    if (data.isEmpty())
        return Error{trAsset("The image is empty (0 bytes).")};
    if (data.size() > Library::MaxAssetSize)
        return Error{trAsset("The image is too big (%1 MiB); the library keeps images of up to %2 MiB.")
                             .arg(double(data.size()) / (1024 * 1024), 0, 'f', 1).arg(Library::MaxAssetSize / (1024 * 1024))};
    const QString type = imageType(data);
    if (type.isEmpty())
        return Error{trAsset("This is not an image the library can keep (PNG, JPEG, GIF, WebP, SVG or AVIF).")};
    if (type == u"image/svg+xml") {
        if (Result<void> safe = SvgSafety::check(data); !safe)
            return safe.error();
    }
    return type;
}

QString sha256Of(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

Error assetMissing(const QString &name)
{
    return Error{trAsset("There is no image called \"%1\" in the library.").arg(name)};
}

// The asset called name, without its data; an error that says so when there is none.
Result<Asset> existingAsset(AssetRepository &assets, const QString &name)
{
    Result<std::optional<Asset>> asset = assets.findByName(name, false);
    if (!asset)
        return asset.error();
    if (!*asset)
        return assetMissing(name);
    return **asset;
}

// The first of stem.extension, stem-2.extension, … that no asset has.
Result<QString> freeAssetName(AssetRepository &assets, const QString &stem, const QString &extension)
{
    for (int n = 1;; ++n) {
        const QString candidate = AssetName::candidate(stem, extension, n);
        Result<std::optional<Asset>> taken = assets.findByName(candidate, false);
        if (!taken)
            return taken.error();
        if (!*taken)
            return candidate;
    }
}

} // namespace

struct Library::Private
{
    explicit Private(LibraryOpener::Opened &&opened)
        : lock(std::move(opened.lock)),
          database(std::move(opened.database)),
          path(opened.path),
          created(opened.created),
          posts(*database),
          tags(*database),
          revisions(*database),
          settings(*database),
          renders(*database),
          themes(*database),
          assets(*database),
          targets(*database)
    {
    }

    // One call at a time, and a whole transaction at a time: SQLite would serialize single calls
    // itself, but a transaction shares the connection with every statement made meanwhile.
    // Recursive, because calls nest (createPost inside transaction).
    QRecursiveMutex mutex;
    // Destroyed bottom-up: the repositories, then the connection, then the lock.
    std::unique_ptr<FileLock> lock;
    std::unique_ptr<Database> database;
    QString path;
    bool created = false;
    std::function<QDateTime()> clock;
    PostRepository posts;
    TagRepository tags;
    RevisionRepository revisions;
    SettingsRepository settings;
    RenderCacheRepository renders;
    ThemeRepository themes;
    AssetRepository assets;
    PublishTargetRepository targets;
};

Library::Library() = default;
Library::~Library() = default;

Result<std::unique_ptr<Library>> Library::open(const QString &path, OpenMode mode)
{
    Result<LibraryOpener::Opened> opened = LibraryOpener::open(path, mode);
    if (!opened)
        return opened.error();
    std::unique_ptr<Library> library(new Library);
    library->d = std::make_unique<Private>(std::move(*opened));
    Result<QList<Theme>> shipped = BuiltinThemes::shipped();
    if (!shipped)
        return shipped.error();
    if (Result<void> installed = library->installBuiltinThemes(*shipped); !installed)
        return Error{QCoreApplication::translate("quire::Library", "The built-in themes could not be installed in %1: %2")
                             .arg(path, installed.errorMessage())};
    return library;
}

QString Library::defaultPath()
{
    // Not AppDataLocation itself: that depends on the application and organization names set
    // (or not) at the time of the call, and the library must not move with them.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
            + QLatin1String("/Quire/library.quire");
}

QString Library::path() const
{
    return d->path;
}

bool Library::wasCreated() const
{
    return d->created;
}

Result<void> Library::transaction(const std::function<Result<void>()> &work)
{
    QMutexLocker locker(&d->mutex);
    return d->database->transaction(work);
}

Result<Post> Library::createPost(Post post)
{
    QMutexLocker locker(&d->mutex);
    Result<void> stored = transaction([&]() -> Result<void> {
        const Result<QString> slug = uniqueSlug(post.slug.isEmpty() ? post.title : post.slug);
        if (!slug)
            return slug.error();
        post.slug = *slug;
        post.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        // An imported post keeps the dates it was written and last changed; a new one starts now.
        if (!post.createdAt.isValid())
            post.createdAt = post.updatedAt.isValid() ? post.updatedAt : now();
        if (!post.updatedAt.isValid())
            post.updatedAt = post.createdAt;
        const Result<qint64> id = d->posts.insert(post);
        if (!id)
            return id.error();
        post.id = *id;
        return d->tags.setPostTags(post.id, post.tags);
    });
    if (!stored)
        return stored.error();
    // Read back: tags take the spelling of the tags they joined.
    return this->post(post.id);
}

Result<Post> Library::post(qint64 id) const
{
    QMutexLocker locker(&d->mutex);
    Result<std::optional<Post>> found = d->posts.find(id);
    if (!found)
        return found.error();
    if (!*found)
        return postMissing(id);
    Result<QStringList> tags = d->tags.postTags(id);
    if (!tags)
        return tags.error();
    (*found)->tags = *tags;
    return std::move(**found);
}

Result<std::optional<Post>> Library::postBySlug(const QString &slug) const
{
    QMutexLocker locker(&d->mutex);
    Result<std::optional<Post>> found = d->posts.findBySlug(slug);
    if (!found || !*found)
        return found;
    Result<QStringList> tags = d->tags.postTags((*found)->id);
    if (!tags)
        return tags.error();
    (*found)->tags = *tags;
    return found;
}

Result<void> Library::updatePost(const Post &post)
{
    return storePost(post, true);
}

Result<void> Library::storePost(const Post &post, bool touch)
{
    QMutexLocker locker(&d->mutex);
    return transaction([&]() -> Result<void> {
        Post stored = post;
        stored.slug = SlugAllocator::base(post.slug, QString());
        if (stored.slug.isEmpty()) {
            const Result<QString> slug = uniqueSlug(post.title, post.id);
            if (!slug)
                return slug.error();
            stored.slug = *slug;
        } else {
            const Result<std::optional<Post>> owner = d->posts.slugOwner(stored.slug, post.id);
            if (!owner)
                return owner.error();
            if (*owner) {
                return Error{QCoreApplication::translate("quire::Library",
                                                         "The slug “%1” is already used by the post “%2”.")
                                     .arg(stored.slug, (*owner)->title)};
            }
        }
        if (touch || !stored.updatedAt.isValid())
            stored.updatedAt = now();
        const Result<bool> updated = d->posts.update(stored);
        if (!updated)
            return updated.error();
        if (!*updated)
            return postMissing(post.id);
        return d->tags.setPostTags(post.id, post.tags);
    });
}

Result<void> Library::deletePost(qint64 id)
{
    QMutexLocker locker(&d->mutex);
    // Revisions and tag links go with the post (ON DELETE CASCADE); tags stay for reuse.
    return d->posts.remove(id);
}

Result<QList<PostSummary>> Library::listPosts(const PostFilter &filter) const
{
    QMutexLocker locker(&d->mutex);
    std::optional<qint64> tagId;
    if (!filter.tag.trimmed().isEmpty()) {
        const Result<std::optional<qint64>> tag = d->tags.find(filter.tag);
        if (!tag)
            return tag.error();
        if (!*tag)
            return QList<PostSummary>();   // no such tag, so no post carries it
        tagId = **tag;
    }
    Result<QList<PostSummary>> posts = d->posts.list(filter, tagId);
    if (!posts)
        return posts;

    QList<qint64> ids;
    ids.reserve(posts->size());
    for (const PostSummary &post : std::as_const(*posts))
        ids.append(post.id);
    const Result<QHash<qint64, QStringList>> tags = d->tags.postTags(ids);
    if (!tags)
        return tags.error();
    for (PostSummary &post : *posts)
        post.tags = tags->value(post.id);
    return posts;
}

Result<int> Library::postCount() const
{
    QMutexLocker locker(&d->mutex);
    return d->posts.count();
}

Result<QHash<qint64, QString>> Library::searchSnippets(const QList<qint64> &ids, const QString &search) const
{
    QMutexLocker locker(&d->mutex);
    return d->posts.snippets(ids, search);
}

Result<QString> Library::uniqueSlug(const QString &wanted, qint64 exceptPostId) const
{
    QMutexLocker locker(&d->mutex);
    return SlugAllocator::unique(*d->database, SlugAllocator::Table::Posts, wanted, QStringLiteral("post"),
                                 exceptPostId);
}

Result<void> Library::saveDraft(const Post &post, RevisionReason reason)
{
    QMutexLocker locker(&d->mutex);
    return transaction([&]() -> Result<void> {
        // The post itself always gets the newest text; only the history is coalesced. An import
        // brings the time of the change from the blog's files, when they have one.
        if (Result<void> updated = storePost(post, reason != RevisionReason::Import); !updated)
            return updated;
        const QDateTime time = now();
        if (reason == RevisionReason::Autosave) {
            const Result<QDateTime> last = d->revisions.newestAutosave(post.id);
            if (!last)
                return last.error();
            // A clock set back (negative age) must not stop autosave revisions for a while.
            const qint64 age = last->isValid() ? last->msecsTo(time) : -1;
            if (age >= 0 && age < AutosaveRevisionIntervalMs)
                return {};
        }
        const Result<Post> stored = this->post(post.id);
        if (!stored)
            return stored.error();
        return d->revisions.add(*stored, reason, time);
    });
}

Result<QList<Revision>> Library::revisions(qint64 postId) const
{
    QMutexLocker locker(&d->mutex);
    return d->revisions.forPost(postId);
}

Result<Post> Library::restoreRevision(qint64 postId, qint64 revisionId)
{
    QMutexLocker locker(&d->mutex);
    const Result<void> restored = transaction([&]() -> Result<void> {
        Result<Post> post = this->post(postId);
        if (!post)
            return post.error();
        const Result<std::optional<Revision>> revision = d->revisions.find(revisionId);
        if (!revision)
            return revision.error();
        if (!*revision || (*revision)->postId != postId) {
            return Error{QCoreApplication::translate("quire::Library",
                                                     "The post “%1” has no saved version %2.")
                                 .arg(post->title).arg(revisionId)};
        }
        const QString currentSlug = post->slug;
        post->title = (*revision)->title;
        post->body = (*revision)->body;
        RevisionRepository::applyMetadata((*revision)->metadata, *post);
        if (post->coverAssetId) {
            // The image may have been deleted since: the text comes back without it.
            const Result<std::optional<Asset>> cover = d->assets.findById(*post->coverAssetId);
            if (!cover)
                return cover.error();
            if (!*cover)
                post->coverAssetId.reset();
        }
        const Result<QString> slug = uniqueSlug(post->slug, postId);
        if (!slug)
            return slug.error();
        if (*slug != SlugAllocator::base(post->slug, QString()))
            post->slug = currentSlug;
        if (Result<void> stored = storePost(*post, true); !stored)
            return stored;
        const Result<Post> written = this->post(postId);
        if (!written)
            return written.error();
        return d->revisions.add(*written, RevisionReason::Restore, now());
    });
    if (!restored)
        return restored.error();
    return post(postId);
}

Result<void> Library::recordPublish(qint64 postId, const QDateTime &publishedAt)
{
    QMutexLocker locker(&d->mutex);
    return transaction([&]() -> Result<void> {
        Result<Post> post = this->post(postId);
        if (!post)
            return post.error();
        const bool undated = !post->publishedAt.isValid() && publishedAt.isValid();
        // A scheduled post goes out once its time has come: from then on it is published.
        const bool scheduled = post->status == PostStatus::Scheduled;
        if (undated || scheduled) {
            if (undated)
                post->publishedAt = publishedAt.toUTC();
            post->status = PostStatus::Published;
            if (Result<void> stored = storePost(*post, false); !stored)
                return stored;
            post = this->post(postId);
            if (!post)
                return post.error();
        }
        return d->revisions.add(*post, RevisionReason::Publish, now());
    });
}

Result<QList<PublishTarget>> Library::publishTargets() const
{
    QMutexLocker locker(&d->mutex);
    return d->targets.all();
}

Result<std::optional<PublishTarget>> Library::publishTarget(const QString &name) const
{
    QMutexLocker locker(&d->mutex);
    return d->targets.find(name);
}

Result<PublishTarget> Library::savePublishTarget(const PublishTarget &target)
{
    if (Result<void> checked = target.check(); !checked)
        return checked.error();
    QMutexLocker locker(&d->mutex);
    PublishTarget stored = target;
    const Result<void> saved = transaction([&]() -> Result<void> {
        const Result<std::optional<qint64>> owner = d->targets.nameOwner(target.name, target.id);
        if (!owner)
            return owner.error();
        if (*owner) {
            return Error{QCoreApplication::translate("quire::Library", "There is already a target called “%1”.")
                                 .arg(target.name)};
        }
        if (target.id == 0) {
            const Result<qint64> id = d->targets.insert(target);
            if (!id)
                return id.error();
            stored.id = *id;
            return {};
        }
        const Result<bool> updated = d->targets.update(target);
        if (!updated)
            return updated.error();
        if (!*updated) {
            return Error{QCoreApplication::translate("quire::Library",
                                                     "The publish target “%1” is not in the library (it may have been removed).")
                                 .arg(target.name)};
        }
        return {};
    });
    if (!saved)
        return saved.error();
    return stored;
}

Result<void> Library::removePublishTarget(const QString &name)
{
    QMutexLocker locker(&d->mutex);
    const Result<bool> removed = d->targets.remove(name);
    if (!removed)
        return removed.error();
    if (!*removed)
        return Error{QCoreApplication::translate("quire::Library", "There is no publish target called “%1”.").arg(name)};
    return {};
}

Result<QList<Tag>> Library::tags() const
{
    QMutexLocker locker(&d->mutex);
    return d->tags.all();
}

Result<QStringList> Library::kinds() const
{
    QMutexLocker locker(&d->mutex);
    return d->posts.kinds();
}

Result<QString> Library::setting(const QString &key, const QString &fallback) const
{
    QMutexLocker locker(&d->mutex);
    const Result<std::optional<QString>> value = d->settings.value(key);
    if (!value)
        return value.error();
    return value->value_or(fallback);
}

Result<void> Library::setSetting(const QString &key, const QString &value)
{
    QMutexLocker locker(&d->mutex);
    return d->settings.setValue(key, value);
}

Result<Asset> Library::storeAsset(const QByteArray &data, const QString &wantedName, int width, int height)
{
    const Result<QString> checked = keepableImageType(data);
    if (!checked)
        return checked.error();
    const QString type = *checked;
    const QString sha256 = sha256Of(data);

    QMutexLocker locker(&d->mutex);
    std::optional<Asset> stored;
    Result<void> done = transaction([&]() -> Result<void> {
        Result<std::optional<Asset>> same = d->assets.findBySha256(sha256);
        if (!same)
            return same.error();
        if (*same) {
            stored = **same;
            return {};
        }
        Asset asset;
        asset.mimeType = type;
        asset.sha256 = sha256;
        asset.size = data.size();
        asset.width = std::max(width, 0);
        asset.height = std::max(height, 0);
        asset.createdAt = now();
        asset.data = data;
        Result<QString> name = freeAssetName(d->assets, AssetName::stem(wantedName), AssetName::extension(type));
        if (!name)
            return name.error();
        asset.name = *name;
        Result<Asset> inserted = d->assets.insert(asset);
        if (!inserted)
            return inserted.error();
        stored = *inserted;
        return {};
    });
    if (!done)
        return done.error();
    return *stored;
}

Result<std::optional<Asset>> Library::asset(const QString &name) const
{
    QMutexLocker locker(&d->mutex);
    return d->assets.findByName(name, true);
}

Result<std::optional<Asset>> Library::assetById(qint64 id) const
{
    QMutexLocker locker(&d->mutex);
    return d->assets.findById(id);
}

Result<QList<Asset>> Library::assets() const
{
    QMutexLocker locker(&d->mutex);
    return d->assets.list();
}

Result<std::optional<Asset>> Library::postCover(qint64 postId) const
{
    QMutexLocker locker(&d->mutex);
    return d->assets.findCoverOf(postId);
}

Result<void> Library::deleteAsset(const QString &name)
{
    QMutexLocker locker(&d->mutex);
    return transaction([&]() -> Result<void> {
        Result<Asset> asset = existingAsset(d->assets, name);
        if (!asset)
            return asset.error();
        // Before the delete: ON DELETE SET NULL clears their covers without telling anyone, and
        // a site build would keep showing the image on pages it believes unchanged.
        if (Result<void> touched = d->posts.touchCoveredBy(asset->id); !touched)
            return touched;
        Result<bool> removed = d->assets.remove(name);
        if (!removed)
            return removed.error();
        return {};
    });
}

Result<QHash<QString, QList<AssetUser>>> Library::assetUsage() const
{
    QMutexLocker locker(&d->mutex);
    std::optional<QHash<QString, QList<AssetUser>>> usage;
    Result<void> read = d->database->transaction([&]() -> Result<void> {
        Result<QHash<QString, QList<AssetUser>>> scanned = scanAssetUsage();
        if (!scanned)
            return scanned.error();
        usage = std::move(*scanned);
        return {};
    });
    if (!read)
        return read.error();
    return std::move(*usage);
}

Result<QHash<QString, QList<AssetUser>>> Library::scanAssetUsage() const
{
    Result<QList<Asset>> assets = d->assets.list();
    if (!assets)
        return assets.error();
    QHash<qint64, QString> nameById;
    for (const Asset &asset : std::as_const(*assets))
        nameById.insert(asset.id, asset.name);
    const QSet<QString> names(nameById.cbegin(), nameById.cend());

    // By asset name, then post id: ordered, and a cover merges into its post's body use.
    QHash<QString, QMap<qint64, AssetUser>> users;
    Result<void> bodies = d->posts.forEachBodyContaining(
            AssetReferences::Prefix.toString(), [&](qint64 id, const QString &title, const QString &body) {
                const QSet<QString> referenced = AssetReferences::names(body);
                for (const QString &name : referenced) {
                    if (names.contains(name))
                        users[name].insert(id, AssetUser{id, title, true, false});
                }
            });
    if (!bodies)
        return bodies.error();
    Result<void> covers = d->posts.forEachCover([&](qint64 id, const QString &title, qint64 assetId) {
        const auto name = nameById.constFind(assetId);
        if (name == nameById.cend())
            return;
        AssetUser &user = users[*name][id];
        user.postId = id;
        user.title = title;
        user.asCover = true;
    });
    if (!covers)
        return covers.error();

    QHash<QString, QList<AssetUser>> usage;
    for (auto it = users.cbegin(); it != users.cend(); ++it)
        usage.insert(it.key(), it.value().values());
    return usage;
}

Result<QList<qint64>> Library::postsReferencing(const QString &name) const
{
    QList<qint64> ids;
    Result<void> read = d->posts.forEachBodyContaining(
            AssetReferences::Prefix.toString() + name, [&](qint64 id, const QString &, const QString &body) {
                if (AssetReferences::names(body).contains(name))
                    ids.append(id);
            });
    if (!read)
        return read.error();
    return ids;
}

Result<void> Library::rewriteAssetReferences(const QString &oldName, const QString &newName)
{
    QHash<qint64, QString> rewritten;
    Result<void> read = d->posts.forEachBodyContaining(
            AssetReferences::Prefix.toString() + oldName, [&](qint64 id, const QString &, const QString &body) {
                const QString changed = AssetReferences::rename(body, oldName, newName);
                if (changed != body)
                    rewritten.insert(id, changed);
            });
    if (!read)
        return read;
    for (auto it = rewritten.cbegin(); it != rewritten.cend(); ++it) {
        Result<Post> post = this->post(it.key());
        if (!post)
            return post.error();
        post->body = it.value();
        // Like any change of the text: a new updated_at, and the version in the post's history.
        if (Result<void> saved = saveDraft(*post, RevisionReason::Save); !saved)
            return saved;
    }
    return {};
}

Result<void> Library::setAssetAlt(const QString &name, const QString &alt)
{
    QMutexLocker locker(&d->mutex);
    return transaction([&]() -> Result<void> {
        Result<Asset> asset = existingAsset(d->assets, name);
        if (!asset)
            return asset.error();
        if (Result<void> updated = d->assets.setAlt(asset->id, alt); !updated)
            return updated;
        // Pages show a cover with its alt text.
        return d->posts.touchCoveredBy(asset->id);
    });
}

Result<Asset> Library::renameAsset(const QString &oldName, const QString &wantedName)
{
    if (wantedName.contains(u'/') || wantedName.contains(u'\\'))
        return Error{trAsset("An image name cannot contain “/” or “\\”.")};
    if (wantedName.trimmed().isEmpty())
        return Error{trAsset("The new name is empty.")};
    const QString stem = AssetName::typedStem(wantedName);
    if (stem.isEmpty())
        return Error{trAsset("“%1” has no letters or digits to make a file name of (a–z, 0–9).").arg(wantedName.trimmed())};

    QMutexLocker locker(&d->mutex);
    std::optional<Asset> renamed;
    Result<void> done = transaction([&]() -> Result<void> {
        Result<Asset> asset = existingAsset(d->assets, oldName);
        if (!asset)
            return asset.error();
        renamed = *asset;
        const QString newName = AssetName::candidate(stem, AssetName::extension(renamed->mimeType), 1);
        if (newName == oldName)
            return {};
        Result<std::optional<Asset>> taken = d->assets.findByName(newName, false);
        if (!taken)
            return taken.error();
        if (*taken)
            return Error{trAsset("Another image is already called “%1”. Choose another name.").arg(newName)};
        if (Result<void> updated = d->assets.rename(renamed->id, newName); !updated)
            return updated;
        renamed->name = newName;
        if (Result<void> rewritten = rewriteAssetReferences(oldName, newName); !rewritten)
            return rewritten;
        return d->posts.touchCoveredBy(renamed->id);
    });
    if (!done)
        return done.error();
    return *renamed;
}

Result<Asset> Library::replaceAsset(const QString &name, const QByteArray &data)
{
    const Result<QString> type = keepableImageType(data);
    if (!type)
        return type.error();
    const QString sha256 = sha256Of(data);
    const ImageInfo info = ImageProbe::probe(data);
    const bool sizeKnown = info.mimeType == *type;

    QMutexLocker locker(&d->mutex);
    std::optional<Asset> replaced;
    Result<void> done = transaction([&]() -> Result<void> {
        Result<Asset> asset = existingAsset(d->assets, name);
        if (!asset)
            return asset.error();
        replaced = *asset;
        if (replaced->sha256 == sha256)
            return {};   // the same picture: nothing changes
        Result<std::optional<Asset>> same = d->assets.findBySha256(sha256);
        if (!same)
            return same.error();
        if (*same)
            return Error{trAsset("The library already holds this image as “%1”.").arg((*same)->name)};

        replaced->mimeType = *type;
        replaced->sha256 = sha256;
        replaced->size = data.size();
        replaced->width = sizeKnown ? info.width : 0;
        replaced->height = sizeKnown ? info.height : 0;
        replaced->data = data;
        const QString extension = AssetName::extension(*type);
        if (!name.endsWith(u'.' + extension)) {
            Result<QString> free = freeAssetName(d->assets, name.left(name.lastIndexOf(u'.')), extension);
            if (!free)
                return free.error();
            replaced->name = *free;
        }
        Result<QList<qint64>> users = postsReferencing(name);
        if (!users)
            return users.error();
        if (Result<void> updated = d->assets.updateContent(*replaced); !updated)
            return updated;
        if (replaced->name != name) {
            if (Result<void> rewritten = rewriteAssetReferences(name, replaced->name); !rewritten)
                return rewritten;
        } else if (Result<void> touched = d->posts.touch(*users); !touched) {
            return touched;
        }
        return d->posts.touchCoveredBy(replaced->id);
    });
    if (!done)
        return done.error();
    replaced->data.clear();
    return *replaced;
}

Result<void> Library::deleteUnusedAssets(const QStringList &names)
{
    QMutexLocker locker(&d->mutex);
    return transaction([&]() -> Result<void> {
        Result<QHash<QString, QList<AssetUser>>> usage = scanAssetUsage();
        if (!usage)
            return usage.error();
        for (const QString &name : names) {
            const QList<AssetUser> users = usage->value(name);
            if (users.isEmpty())
                continue;
            QStringList titles;
            for (const AssetUser &user : users)
                titles.append(QStringLiteral("“%1”").arg(user.title));
            return Error{QCoreApplication::translate("quire::Library", "“%1” is used by %n post(s): %2.", nullptr,
                                                     int(users.size()))
                                 .arg(name, titles.join(QStringLiteral(", ")))};
        }
        for (const QString &name : names) {
            if (Result<void> deleted = deleteAsset(name); !deleted)
                return deleted;
        }
        return {};
    });
}

Result<std::optional<CachedRender>> Library::cachedRender(const QString &key) const
{
    QMutexLocker locker(&d->mutex);
    return d->renders.find(key);
}

Result<void> Library::storeRenders(const QList<CachedRender> &entries)
{
    if (entries.isEmpty())
        return {};
    QMutexLocker locker(&d->mutex);
    const QDateTime usedAt = now();
    return transaction([&]() -> Result<void> { return d->renders.store(entries, usedAt); });
}

Result<void> Library::touchRenders(const QStringList &keys)
{
    if (keys.isEmpty())
        return {};
    QMutexLocker locker(&d->mutex);
    const QDateTime usedAt = now();
    return transaction([&]() -> Result<void> { return d->renders.touch(keys, usedAt); });
}

Result<void> Library::pruneRenderCache(const QDateTime &unusedSince)
{
    QMutexLocker locker(&d->mutex);
    return d->renders.prune(unusedSince);
}

void Library::setClock(std::function<QDateTime()> clock)
{
    QMutexLocker locker(&d->mutex);
    d->clock = std::move(clock);
}

QDateTime Library::now() const
{
    QMutexLocker locker(&d->mutex);
    const QDateTime time = d->clock ? d->clock() : QDateTime::currentDateTimeUtc();
    return time.toUTC();
}

Result<QList<Post>> Library::allPosts() const
{
    QMutexLocker locker(&d->mutex);
    Result<QList<Post>> posts = d->posts.all();
    if (!posts)
        return posts.error();
    QList<qint64> ids;
    ids.reserve(posts->size());
    for (const Post &post : *posts)
        ids.append(post.id);
    Result<QHash<qint64, QStringList>> tags = d->tags.postTags(ids);
    if (!tags)
        return tags.error();
    for (Post &post : *posts)
        post.tags = tags->value(post.id);
    return posts;
}

Result<QString> Library::postBody(qint64 id) const
{
    QMutexLocker locker(&d->mutex);
    return d->posts.body(id);
}

Result<QList<Theme>> Library::themes() const
{
    QMutexLocker locker(&d->mutex);
    return d->themes.list();
}

Result<std::optional<Theme>> Library::theme(const QString &name) const
{
    QMutexLocker locker(&d->mutex);
    return d->themes.find(name);
}

Result<void> Library::importTheme(const Theme &theme)
{
    QMutexLocker locker(&d->mutex);
    return transaction([&]() -> Result<void> {
        Result<std::optional<Theme>> existing = d->themes.find(theme.manifest.name);
        if (!existing)
            return existing.error();
        if (*existing && (*existing)->builtin)
            return Error{QCoreApplication::translate("quire::Library",
                    "\"%1\" is the name of a built-in theme; give your copy another name in its theme.json.")
                    .arg(theme.manifest.name)};
        Theme copy = theme;
        copy.builtin = false;
        return d->themes.save(copy, now());
    });
}

QString Library::defaultThemeName()
{
    return QStringLiteral("paper");
}

Result<Theme> Library::activeTheme() const
{
    QMutexLocker locker(&d->mutex);
    const Result<QString> name = setting(QStringLiteral("theme"), defaultThemeName());
    if (!name)
        return name.error();
    Result<std::optional<Theme>> found = d->themes.find(*name);
    if (!found)
        return found.error();
    if (!*found)
        return Error{QCoreApplication::translate("quire::Library",
                "The library's theme \"%1\" is missing; choose another with \"quire theme use\".").arg(*name)};
    return std::move(**found);
}

Result<void> Library::setActiveTheme(const QString &name)
{
    QMutexLocker locker(&d->mutex);
    Result<std::optional<Theme>> found = d->themes.find(name);
    if (!found)
        return found.error();
    if (!*found)
        return Error{QCoreApplication::translate("quire::Library", "There is no theme called \"%1\".").arg(name)};
    return setSetting(QStringLiteral("theme"), name);
}

Result<void> Library::installBuiltinThemes(const QList<Theme> &shipped)
{
    QMutexLocker locker(&d->mutex);
    Result<QList<Theme>> stored = d->themes.list();
    if (!stored)
        return stored.error();
    QList<const Theme *> wanted;
    for (const Theme &theme : shipped) {
        const auto same = std::find_if(stored->cbegin(), stored->cend(), [&](const Theme &existing) {
            return existing.manifest.name == theme.manifest.name;
        });
        // A user's theme of the same name stays; a built-in one is replaced only by a newer version.
        if (same == stored->cend()
            || (same->builtin && ThemeManifest::compareVersions(same->manifest.version, theme.manifest.version) < 0))
            wanted.append(&theme);
    }
    if (wanted.isEmpty())
        return {};
    return transaction([&]() -> Result<void> {
        for (const Theme *theme : wanted) {
            Theme builtin = *theme;
            builtin.builtin = true;
            if (Result<void> saved = d->themes.save(builtin, now()); !saved)
                return saved;
        }
        return {};
    });
}

} // namespace quire
