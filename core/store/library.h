#pragma once

#include "result.h"

#include <QDateTime>
#include <QString>

#include <functional>
#include <memory>

namespace quire {

class AssetStore;
class PostHistory;
class PostStore;
class PublishTargetStore;
class RenderCacheStore;
class SettingStore;
class ThemeStore;

// One blog: the SQLite library file. The Library is the handle (opening, the file's path, a
// transaction, the clock); what it holds is reached through its parts, one concern each:
// posts, their history, assets, themes, settings, publish targets and the render cache.
//
// Only one Quire process opens a library at a time; the file is never written when it is
// damaged, newer than this program, read-only or already open elsewhere. Calls may come from
// several threads: they run one at a time, and a transaction keeps other threads waiting until
// it ends. Opening does not install Quire's themes or a welcome post: LibrarySetup does.
class Library
{
public:
    enum class OpenMode { OpenExisting, OpenOrCreate };

    static constexpr int SchemaVersion = 3;

    // Opens (or creates, with OpenOrCreate and a path that does not exist) the library at path.
    // Every failure names the file and the problem in one sentence.
    static Result<std::unique_ptr<Library>> open(const QString &path, OpenMode mode = OpenMode::OpenOrCreate);
    // $XDG_DATA_HOME/Quire/library.quire.
    static QString defaultPath();

    ~Library();
    Library(const Library &) = delete;
    Library &operator=(const Library &) = delete;

    QString path() const;
    bool wasCreated() const;   // this open() created the file

    // Runs work in one transaction, whichever parts it uses: committed when it returns ok,
    // rolled back otherwise.
    Result<void> transaction(const std::function<Result<void>()> &work);

    // The clock used for timestamps and autosave coalescing (UTC; tests replace it).
    QDateTime now() const;
    void setClock(std::function<QDateTime()> clock);

    // The parts. Each lives as long as the Library.
    PostStore &posts();
    const PostStore &posts() const;
    PostHistory &history();
    const PostHistory &history() const;
    AssetStore &assets();
    const AssetStore &assets() const;
    ThemeStore &themes();
    const ThemeStore &themes() const;
    SettingStore &settings();
    const SettingStore &settings() const;
    PublishTargetStore &publishTargets();
    const PublishTargetStore &publishTargets() const;
    RenderCacheStore &renderCache();
    const RenderCacheStore &renderCache() const;

private:
    Library();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace quire
