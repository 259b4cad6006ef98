#include "store/asset_store.h"

#include "store/asset_name.h"
#include "store/asset_repository.h"
#include "store/asset_usage.h"
#include "store/image_intake.h"
#include "store/post_repository.h"
#include "store/store_context.h"

#include <QCoreApplication>
#include <QMutexLocker>

namespace quire {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("quire::Library", text);
}

} // namespace

AssetStore::AssetStore(StoreContext &context, PostStore &posts, PostHistory &history)
    : m_context(context),
      m_assets(std::make_unique<AssetRepository>(context.database())),
      m_postRows(std::make_unique<PostRepository>(context.database())),
      m_usage(std::make_unique<AssetUsage>(context, posts, history))
{
}

AssetStore::~AssetStore() = default;

// The asset called name, without its data; an error that says so when there is none.
Result<Asset> AssetStore::existing(const QString &name) const
{
    Result<std::optional<Asset>> asset = m_assets->findByName(name, false);
    if (!asset)
        return asset.error();
    if (!*asset)
        return Error{tr("There is no image called \"%1\" in the library.").arg(name)};
    return **asset;
}

// The first of stem.extension, stem-2.extension, … that no asset has.
Result<QString> AssetStore::freeName(const QString &stem, const QString &extension) const
{
    for (int n = 1;; ++n) {
        const QString candidate = AssetName::candidate(stem, extension, n);
        Result<std::optional<Asset>> taken = m_assets->findByName(candidate, false);
        if (!taken)
            return taken.error();
        if (!*taken)
            return candidate;
    }
}

Result<Asset> AssetStore::store(const QByteArray &data, const QString &wantedName, int width, int height)
{
    const Result<IncomingImage> image = ImageIntake::check(data);
    if (!image)
        return image.error();

    QMutexLocker locker(&m_context.mutex());
    std::optional<Asset> stored;
    Result<void> done = m_context.transaction([&]() -> Result<void> {
        Result<std::optional<Asset>> same = m_assets->findBySha256(image->sha256);
        if (!same)
            return same.error();
        if (*same) {
            stored = **same;
            return {};
        }
        Asset asset;
        asset.mimeType = image->mimeType;
        asset.sha256 = image->sha256;
        asset.size = data.size();
        asset.width = std::max(width, 0);
        asset.height = std::max(height, 0);
        asset.createdAt = m_context.now();
        asset.data = data;
        Result<QString> name = freeName(AssetName::stem(wantedName), AssetName::extension(image->mimeType));
        if (!name)
            return name.error();
        asset.name = *name;
        Result<Asset> inserted = m_assets->insert(asset);
        if (!inserted)
            return inserted.error();
        stored = *inserted;
        return {};
    });
    if (!done)
        return done.error();
    return *stored;
}

Result<std::optional<Asset>> AssetStore::byName(const QString &name) const
{
    QMutexLocker locker(&m_context.mutex());
    return m_assets->findByName(name, true);
}

Result<std::optional<Asset>> AssetStore::byId(qint64 id) const
{
    QMutexLocker locker(&m_context.mutex());
    return m_assets->findById(id);
}

Result<QList<Asset>> AssetStore::list() const
{
    QMutexLocker locker(&m_context.mutex());
    return m_assets->list();
}

Result<std::optional<Asset>> AssetStore::coverOf(qint64 postId) const
{
    QMutexLocker locker(&m_context.mutex());
    return m_assets->findCoverOf(postId);
}

Result<QHash<QString, QList<AssetUser>>> AssetStore::usage() const
{
    QMutexLocker locker(&m_context.mutex());
    std::optional<QHash<QString, QList<AssetUser>>> usage;
    Result<void> read = m_context.transaction([&]() -> Result<void> {
        Result<QHash<QString, QList<AssetUser>>> scanned = m_usage->scan();
        if (!scanned)
            return scanned.error();
        usage = std::move(*scanned);
        return {};
    });
    if (!read)
        return read.error();
    return std::move(*usage);
}

Result<void> AssetStore::setAlt(const QString &name, const QString &alt)
{
    QMutexLocker locker(&m_context.mutex());
    return m_context.transaction([&]() -> Result<void> {
        Result<Asset> asset = existing(name);
        if (!asset)
            return asset.error();
        if (Result<void> updated = m_assets->setAlt(asset->id, alt); !updated)
            return updated;
        // Pages show a cover with its alt text.
        return m_postRows->touchCoveredBy(asset->id);
    });
}

Result<Asset> AssetStore::rename(const QString &oldName, const QString &wantedName)
{
    if (wantedName.contains(u'/') || wantedName.contains(u'\\'))
        return Error{tr("An image name cannot contain “/” or “\\”.")};
    if (wantedName.trimmed().isEmpty())
        return Error{tr("The new name is empty.")};
    const QString stem = AssetName::typedStem(wantedName);
    if (stem.isEmpty())
        return Error{tr("“%1” has no letters or digits to make a file name of (a–z, 0–9).").arg(wantedName.trimmed())};

    QMutexLocker locker(&m_context.mutex());
    std::optional<Asset> renamed;
    Result<void> done = m_context.transaction([&]() -> Result<void> {
        Result<Asset> asset = existing(oldName);
        if (!asset)
            return asset.error();
        renamed = *asset;
        const QString newName = AssetName::candidate(stem, AssetName::extension(renamed->mimeType), 1);
        if (newName == oldName)
            return {};
        Result<std::optional<Asset>> taken = m_assets->findByName(newName, false);
        if (!taken)
            return taken.error();
        if (*taken)
            return Error{tr("Another image is already called “%1”. Choose another name.").arg(newName)};
        if (Result<void> updated = m_assets->rename(renamed->id, newName); !updated)
            return updated;
        renamed->name = newName;
        if (Result<void> rewritten = m_usage->rewrite(oldName, newName); !rewritten)
            return rewritten;
        return m_postRows->touchCoveredBy(renamed->id);
    });
    if (!done)
        return done.error();
    return *renamed;
}

Result<Asset> AssetStore::replace(const QString &name, const QByteArray &data)
{
    const Result<IncomingImage> image = ImageIntake::check(data);
    if (!image)
        return image.error();

    QMutexLocker locker(&m_context.mutex());
    std::optional<Asset> replaced;
    Result<void> done = m_context.transaction([&]() -> Result<void> {
        Result<Asset> asset = existing(name);
        if (!asset)
            return asset.error();
        replaced = *asset;
        if (replaced->sha256 == image->sha256)
            return {};   // the same picture: nothing changes
        Result<std::optional<Asset>> same = m_assets->findBySha256(image->sha256);
        if (!same)
            return same.error();
        if (*same)
            return Error{tr("The library already holds this image as “%1”.").arg((*same)->name)};

        replaced->mimeType = image->mimeType;
        replaced->sha256 = image->sha256;
        replaced->size = data.size();
        replaced->width = image->width;
        replaced->height = image->height;
        replaced->data = data;
        const QString extension = AssetName::extension(image->mimeType);
        if (!name.endsWith(u'.' + extension)) {
            Result<QString> free = freeName(name.left(name.lastIndexOf(u'.')), extension);
            if (!free)
                return free.error();
            replaced->name = *free;
        }
        Result<QList<qint64>> users = m_usage->postsReferencing(name);
        if (!users)
            return users.error();
        if (Result<void> updated = m_assets->updateContent(*replaced); !updated)
            return updated;
        if (replaced->name != name) {
            if (Result<void> rewritten = m_usage->rewrite(name, replaced->name); !rewritten)
                return rewritten;
        } else if (Result<void> touched = m_postRows->touch(*users); !touched) {
            return touched;
        }
        return m_postRows->touchCoveredBy(replaced->id);
    });
    if (!done)
        return done.error();
    replaced->data.clear();
    return *replaced;
}

Result<void> AssetStore::remove(const QString &name)
{
    QMutexLocker locker(&m_context.mutex());
    return m_context.transaction([&]() -> Result<void> {
        Result<Asset> asset = existing(name);
        if (!asset)
            return asset.error();
        // Before the delete: ON DELETE SET NULL clears their covers without telling anyone, and
        // a site build would keep showing the image on pages it believes unchanged.
        if (Result<void> touched = m_postRows->touchCoveredBy(asset->id); !touched)
            return touched;
        Result<bool> removed = m_assets->remove(name);
        if (!removed)
            return removed.error();
        return {};
    });
}

Result<void> AssetStore::removeUnused(const QStringList &names)
{
    QMutexLocker locker(&m_context.mutex());
    return m_context.transaction([&]() -> Result<void> {
        Result<QHash<QString, QList<AssetUser>>> usage = m_usage->scan();
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
            if (Result<void> deleted = remove(name); !deleted)
                return deleted;
        }
        return {};
    });
}

} // namespace quire
