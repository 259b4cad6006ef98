#include "publish/folder_publisher.h"

#include "output/content_hash.h"
#include "output/file_io.h"
#include "output/path_kind.h"
#include "output/publish_manifest_format.h"
#include "site/site_output.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>
#include <optional>

namespace quire {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("quire::FolderPublisher", text);
}

// Above this many files the log gets a summary instead of a line per file.
constexpr int MaxLogLines = 200;

bool cancelled(const Publisher::Callbacks &callbacks)
{
    return callbacks.cancel && callbacks.cancel->load();
}

Error cancelError()
{
    return Error{tr("Cancelled.")};
}

bool isInside(const QString &path, const QString &folder)
{
    return path == folder || path.startsWith(folder == u"/" ? folder : folder + u'/');
}

// The files of the site (relative, sorted): Quire's build state is not part of it, and links
// are not followed.
QStringList siteFileList(const QString &site)
{
    QStringList files;
    QDirIterator walk(site, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (walk.hasNext()) {
        const QString path = walk.next();
        const QString relative = path.mid(site.size() + 1);
        if (relative.startsWith(SiteOutput::stateFolder() + u'/') || relative == FolderPublisher::manifestName()
            || pathKind(path) != PathKind::File)
            continue;
        files.append(relative);
    }
    files.sort();
    return files;
}

// What publishing file at relative changes: nothing when the destination has it already.
Result<std::optional<Publisher::Change::Kind>> changeFor(const OwnedFolder &destination, const QString &relative,
                                                         const OwnedFile &file)
{
    if (Result<void> writable = destination.checkWritable(relative); !writable)
        return writable.error();
    const QString target = destination.absolute(relative);
    qint64 size = -1;
    if (pathKind(target, &size) == PathKind::Missing)
        return std::optional(Publisher::Change::Kind::Added);
    if (size == file.size) {
        const OwnedFile *known = destination.entry(relative);
        if (known && known->hash == file.hash && known->size == size)
            return std::optional<Publisher::Change::Kind>();   // as Quire published it, by the record and the size
        const Result<QByteArray> there = readFile(target);
        if (!there)
            return there.error();
        if (contentHash(*there) == file.hash)
            return std::optional<Publisher::Change::Kind>();
    }
    return std::optional(Publisher::Change::Kind::Changed);
}

} // namespace

FolderPublisher::FolderPublisher(const PublishTarget &target)
    : m_target(target)
{
}

QString FolderPublisher::manifestName()
{
    return PublishManifestFormat::name();
}

Result<QString> FolderPublisher::destinationFolder(const QString &site) const
{
    const QString given = QDir::cleanPath(PublishTarget::expandHome(m_target.destination.trimmed()));
    if (!QDir::isAbsolutePath(given))
        return Error{tr("The publish folder “%1” is not an absolute path.").arg(m_target.destination)};
    const Result<QString> folder = OwnedFolder::checkedRoot(given);
    if (!folder)
        return folder.error();
    if (isInside(*folder, site))
        return Error{tr("%1 is inside the site folder %2; choose a folder outside it.").arg(nativePath(given), nativePath(site))};
    if (isInside(site, *folder))
        return Error{tr("%1 holds Quire's own copy of the site (%2); choose another folder.").arg(nativePath(given), nativePath(site))};
    return folder;
}

Result<FolderPublisher::Plan> FolderPublisher::plan(const QString &siteDir, const Callbacks &callbacks) const
{
    const QString site = QFileInfo(siteDir).canonicalFilePath();
    if (site.isEmpty() || !QFileInfo(site).isDir())
        return Error{tr("The site folder %1 is missing.").arg(nativePath(siteDir))};
    const Result<QString> destination = destinationFolder(site);
    if (!destination)
        return destination.error();
    Plan plan{site, OwnedFolder(*destination, std::make_unique<PublishManifestFormat>()), {}, {}};
    if (Result<void> read = plan.destination.readRecord(); !read)
        return read.error();

    for (const QString &relative : siteFileList(site)) {
        if (cancelled(callbacks))
            return cancelError();
        const Result<QByteArray> content = readFile(site + u'/' + relative);
        if (!content)
            return content.error();
        const OwnedFile file{contentHash(*content), content->size(), {}, true};
        plan.siteFiles.insert(relative, file);
        const Result<std::optional<Change::Kind>> change = changeFor(plan.destination, relative, file);
        if (!change)
            return change.error();
        if (change->has_value())
            plan.changes.append(Change{**change, relative});
    }

    // A file the writer changed since it was published is theirs now: left alone.
    QStringList gone;
    for (auto it = plan.destination.record().files.cbegin(); it != plan.destination.record().files.cend(); ++it) {
        if (!plan.siteFiles.contains(it.key()))
            gone.append(it.key());
    }
    gone.sort();
    for (const QString &relative : std::as_const(gone)) {
        if (cancelled(callbacks))
            return cancelError();
        if (plan.destination.isUnchanged(relative))
            plan.changes.append(Change{Change::Kind::Removed, relative});
    }
    return plan;
}

Result<QList<Publisher::Change>> FolderPublisher::dryRun(const QString &siteDir, const Callbacks &callbacks)
{
    Result<Plan> planned = plan(siteDir, callbacks);
    if (!planned)
        return planned.error();
    return planned->changes;
}

Result<QList<Publisher::Change>> FolderPublisher::publish(const QString &siteDir, const QString &message,
                                                          const Callbacks &callbacks)
{
    Result<Plan> planned = plan(siteDir, callbacks);
    if (!planned)
        return planned.error();
    Plan &plan = *planned;
    OwnedFolder &destination = plan.destination;
    if (!QDir().mkpath(destination.root()))
        return Error{tr("The publish folder %1 cannot be created.").arg(nativePath(destination.root()))};
    // Said before anything is copied, rather than as the failure of the first file.
    if (!plan.changes.isEmpty() && !QFileInfo(destination.root()).isWritable())
        return Error{tr("Quire may not write into the publish folder %1 (permission denied).").arg(nativePath(destination.root()))};
    const auto log = [&](const QString &line) {
        if (callbacks.log)
            callbacks.log(line);
    };
    log(tr("Publishing to %1: %2").arg(nativePath(destination.root()), message));

    // The record is kept true at every step that can stop: what is at the destination from Quire.
    const auto stop = [&](const Error &error) -> Result<QList<Change>> {
        (void)destination.commitRecord();
        return error;
    };
    const bool eachLine = plan.changes.size() <= MaxLogLines;
    const int total = int(plan.changes.size());
    int done = 0;
    int copied = 0;
    int removed = 0;
    for (const Change &change : std::as_const(plan.changes)) {
        if (cancelled(callbacks))
            return stop(cancelError());
        if (change.kind == Change::Kind::Removed) {
            const Result<bool> gone = destination.removeOwned(change.path);
            if (!gone)
                return stop(gone.error());
            removed += *gone ? 1 : 0;
            if (eachLine && *gone)
                log(tr("removed %1").arg(change.path));
        } else {
            const Result<QByteArray> content = readFile(plan.site + u'/' + change.path);
            if (!content)
                return stop(content.error());
            if (Result<void> written = destination.writeWhole(change.path, *content); !written)
                return stop(written.error());
            ++copied;
            if (eachLine)
                log(tr("copied %1").arg(change.path));
        }
        if (callbacks.progress)
            callbacks.progress(++done, total);
    }
    if (!eachLine)
        log(tr("copied %1 files, removed %2 files").arg(copied).arg(removed));
    // Every file of the site is at the destination now, as the site has it.
    destination.replaceRecord(FolderRecord{plan.siteFiles, {}});
    if (Result<void> written = destination.commitRecord(); !written)
        return written.error();
    return plan.changes;
}

} // namespace quire
