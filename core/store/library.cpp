#include "store/library.h"

#include "store/asset_store.h"
#include "store/database.h"
#include "store/file_lock.h"
#include "store/library_opener.h"
#include "store/post_history.h"
#include "store/post_store.h"
#include "store/publish_target_store.h"
#include "store/render_cache_store.h"
#include "store/setting_store.h"
#include "store/store_context.h"
#include "store/theme_store.h"

#include <QStandardPaths>

namespace quire {

struct Library::Private
{
    explicit Private(LibraryOpener::Opened &&opened)
        : lock(std::move(opened.lock)),
          database(std::move(opened.database)),
          path(opened.path),
          created(opened.created),
          context(*database),
          posts(context),
          history(context, posts),
          assets(context, posts, history),
          themes(context),
          settings(context),
          publishTargets(context),
          renderCache(context)
    {
    }

    // Destroyed bottom-up: the parts, then the connection, then the lock.
    std::unique_ptr<FileLock> lock;
    std::unique_ptr<Database> database;
    QString path;
    bool created = false;
    StoreContext context;
    PostStore posts;
    PostHistory history;
    AssetStore assets;
    ThemeStore themes;
    SettingStore settings;
    PublishTargetStore publishTargets;
    RenderCacheStore renderCache;
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
    return d->context.transaction(work);
}

QDateTime Library::now() const
{
    return d->context.now();
}

void Library::setClock(std::function<QDateTime()> clock)
{
    d->context.setClock(std::move(clock));
}

PostStore &Library::posts() { return d->posts; }
const PostStore &Library::posts() const { return d->posts; }
PostHistory &Library::history() { return d->history; }
const PostHistory &Library::history() const { return d->history; }
AssetStore &Library::assets() { return d->assets; }
const AssetStore &Library::assets() const { return d->assets; }
ThemeStore &Library::themes() { return d->themes; }
const ThemeStore &Library::themes() const { return d->themes; }
SettingStore &Library::settings() { return d->settings; }
const SettingStore &Library::settings() const { return d->settings; }
PublishTargetStore &Library::publishTargets() { return d->publishTargets; }
const PublishTargetStore &Library::publishTargets() const { return d->publishTargets; }
RenderCacheStore &Library::renderCache() { return d->renderCache; }
const RenderCacheStore &Library::renderCache() const { return d->renderCache; }

} // namespace quire
