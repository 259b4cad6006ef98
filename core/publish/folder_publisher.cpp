#include "publish/folder_publisher.h"

#include "output/path_kind.h"
#include "site/site_output.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

namespace quire {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("quire::FolderPublisher", text);
}

// Above this many files the log gets a summary instead of a line per file.
constexpr int MaxLogLines = 200;
constexpr int ManifestFormat = 1;

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

bool cancelled(const Publisher::Callbacks &callbacks)
{
    return callbacks.cancel && callbacks.cancel->load();
}

Error cancelError()
{
    return Error{tr("Cancelled.")};
}

bool isSafeRelative(const QString &path)
{
    return !path.isEmpty() && !path.startsWith(u'/') && !path.split(u'/').contains(QLatin1String(".."))
        && !path.split(u'/').contains(QString());
}

// The folders between root and relative's file are real folders or missing (create: made);
// never a link or a file, so nothing is written outside root.
Result<void> checkFolders(const QString &root, const QString &relative, bool create)
{
    const QStringList parts = relative.split(u'/');
    QString path = root;
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        path += u'/' + parts.at(i);
        switch (pathKind(path)) {
        case PathKind::Directory:
            continue;
        case PathKind::Missing:
            if (!create)
                return {};
            if (!QDir().mkdir(path))
                return Error{tr("The folder %1 cannot be created.").arg(native(path))};
            continue;
        case PathKind::File:
        case PathKind::Other:
            return Error{tr("%1 is in the way of %2 (it is a file or a link, not a folder); move it away and publish again.")
                                 .arg(native(path), relative)};
        }
    }
    return {};
}

Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("%1 cannot be read: %2").arg(native(path), file.errorString())};
    QByteArray content = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return Error{tr("%1 cannot be read: %2").arg(native(path), file.errorString())};
    return content;
}

Error writeError(const QString &path, const QFileDevice &file)
{
    if (file.error() == QFileDevice::ResourceError)
        return Error{tr("The disk is full: %1 could not be written.").arg(native(path))};
    return Error{tr("%1 could not be written: %2").arg(native(path), file.errorString())};
}

// Written beside the old file and renamed over it: a reader sees the old file or the new, whole.
Result<void> writeWhole(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(path, file);
    if (file.write(content) != content.size()) {
        const Error error = writeError(path, file);
        file.cancelWriting();
        return error;
    }
    if (!file.commit())
        return writeError(path, file);
    return {};
}

// The path with its longest existing part resolved (links followed), the rest as given.
QString resolved(const QString &path)
{
    QString existing = QDir::cleanPath(path);
    QString rest;
    while (!QFileInfo::exists(existing) && existing != u"/") {
        rest = u'/' + QFileInfo(existing).fileName() + rest;
        existing = QFileInfo(existing).absolutePath();
    }
    const QString canonical = QFileInfo(existing).canonicalFilePath();
    return QDir::cleanPath((canonical.isEmpty() ? existing : canonical) + rest);
}

bool isInside(const QString &path, const QString &folder)
{
    return path == folder || path.startsWith(folder == u"/" ? folder : folder + u'/');
}

} // namespace

FolderPublisher::FolderPublisher(const PublishTarget &target)
    : m_target(target)
{
}

Result<QString> FolderPublisher::destinationFolder(const QString &site) const
{
    const QString given = QDir::cleanPath(PublishTarget::expandHome(m_target.destination.trimmed()));
    if (!QDir::isAbsolutePath(given))
        return Error{tr("The publish folder “%1” is not an absolute path.").arg(m_target.destination)};
    const QString folder = resolved(given);
    const QString home = resolved(QDir::homePath());
    if (folder == u"/" || isInside(home, folder))
        return Error{tr("%1 cannot be a publish folder: choose a folder of its own for the site.").arg(native(given))};
    if (isInside(folder, site))
        return Error{tr("%1 is inside the site folder %2; choose a folder outside it.").arg(native(given), native(site))};
    if (isInside(site, folder))
        return Error{tr("%1 holds Quire's own copy of the site (%2); choose another folder.").arg(native(given), native(site))};
    const PathKind kind = pathKind(folder);
    if (kind != PathKind::Missing && kind != PathKind::Directory)
        return Error{tr("%1 is not a folder.").arg(native(given))};
    return folder;
}

Result<QHash<QString, FolderPublisher::Published>> FolderPublisher::readManifest(const QString &destination) const
{
    QHash<QString, Published> published;
    const QString path = destination + u'/' + manifestName();
    const PathKind kind = pathKind(path);
    if (kind == PathKind::Missing)
        return published;
    const Error damaged{tr("%1 is damaged, so Quire cannot tell which files it published there; delete it and publish"
                           " again (files from earlier publishes are then left in place).").arg(native(path))};
    if (kind != PathKind::File)
        return damaged;
    const Result<QByteArray> bytes = readFile(path);
    if (!bytes)
        return bytes.error();
    const QJsonDocument document = QJsonDocument::fromJson(*bytes);
    const QJsonObject files = document.object().value(QLatin1String("files")).toObject();
    if (!document.isObject() || document.object().value(QLatin1String("format")).toInt() != ManifestFormat)
        return damaged;
    for (auto it = files.constBegin(); it != files.constEnd(); ++it) {
        const QJsonObject entry = it.value().toObject();
        // Never act on a path outside the folder, whatever the manifest says.
        if (!isSafeRelative(it.key()))
            continue;
        published.insert(it.key(), Published{entry.value(QLatin1String("hash")).toString().toLatin1(),
                                             qint64(entry.value(QLatin1String("size")).toDouble(-1))});
    }
    return published;
}

Result<void> FolderPublisher::writeManifest(const QString &destination, const QHash<QString, Published> &published) const
{
    QJsonObject files;
    for (auto it = published.cbegin(); it != published.cend(); ++it) {
        files.insert(it.key(), QJsonObject{{QStringLiteral("hash"), QString::fromLatin1(it->hash)},
                                           {QStringLiteral("size"), double(it->size)}});
    }
    const QJsonObject manifest{{QStringLiteral("format"), ManifestFormat},
                               {QStringLiteral("about"), QStringLiteral("Files Quire published here; Quire only ever removes these.")},
                               {QStringLiteral("files"), files}};
    return writeWhole(destination + u'/' + manifestName(), QJsonDocument(manifest).toJson(QJsonDocument::Indented));
}

Result<FolderPublisher::Plan> FolderPublisher::plan(const QString &siteDir, const Callbacks &callbacks) const
{
    Plan plan;
    plan.site = QFileInfo(siteDir).canonicalFilePath();
    if (plan.site.isEmpty() || !QFileInfo(plan.site).isDir())
        return Error{tr("The site folder %1 is missing.").arg(native(siteDir))};
    Result<QString> destination = destinationFolder(plan.site);
    if (!destination)
        return destination.error();
    plan.destination = *destination;
    Result<QHash<QString, Published>> published = readManifest(plan.destination);
    if (!published)
        return published.error();
    plan.published = *published;

    QStringList files;
    QDirIterator walk(plan.site, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (walk.hasNext()) {
        const QString path = walk.next();
        const QString relative = path.mid(plan.site.size() + 1);
        // Quire's build state is not part of the site, and links are not followed.
        if (relative.startsWith(SiteOutput::stateFolder() + u'/') || relative == manifestName()
            || pathKind(path) != PathKind::File)
            continue;
        files.append(relative);
    }
    files.sort();
    for (const QString &relative : std::as_const(files)) {
        if (cancelled(callbacks))
            return cancelError();
        const Result<QByteArray> content = readFile(plan.site + u'/' + relative);
        if (!content)
            return content.error();
        const Published file{SiteOutput::hash(*content).toHex(), content->size()};
        plan.siteFiles.insert(relative, file);
        if (Result<void> folders = checkFolders(plan.destination, relative, false); !folders)
            return folders.error();
        const QString target = plan.destination + u'/' + relative;
        qint64 size = -1;
        switch (pathKind(target, &size)) {
        case PathKind::Missing:
            plan.changes.append(Change{Change::Kind::Added, relative});
            continue;
        case PathKind::Directory:
        case PathKind::Other:
            return Error{tr("%1 is in the way of %2 (it is a folder or a link); move it away and publish again.")
                                 .arg(native(target), relative)};
        case PathKind::File:
            break;
        }
        if (size == file.size) {
            const Published known = plan.published.value(relative);
            if (known.hash == file.hash && known.size == size)
                continue;   // as Quire published it, by the record and the size
            const Result<QByteArray> there = readFile(target);
            if (!there)
                return there.error();
            if (SiteOutput::hash(*there).toHex() == file.hash)
                continue;
        }
        plan.changes.append(Change{Change::Kind::Changed, relative});
    }

    QStringList gone;
    for (auto it = plan.published.cbegin(); it != plan.published.cend(); ++it) {
        if (!plan.siteFiles.contains(it.key()))
            gone.append(it.key());
    }
    gone.sort();
    for (const QString &relative : std::as_const(gone)) {
        if (cancelled(callbacks))
            return cancelError();
        const QString target = plan.destination + u'/' + relative;
        qint64 size = -1;
        if (!checkFolders(plan.destination, relative, false) || pathKind(target, &size) != PathKind::File
            || size != plan.published.value(relative).size)
            continue;
        // A file the writer changed since it was published is theirs now: left alone.
        const Result<QByteArray> there = readFile(target);
        if (there && SiteOutput::hash(*there).toHex() == plan.published.value(relative).hash)
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
    const Plan &plan = *planned;
    if (!QDir().mkpath(plan.destination))
        return Error{tr("The publish folder %1 cannot be created.").arg(native(plan.destination))};
    // Said before anything is copied, rather than as the failure of the first file.
    if (!plan.changes.isEmpty() && !QFileInfo(plan.destination).isWritable())
        return Error{tr("Quire may not write into the publish folder %1 (permission denied).").arg(native(plan.destination))};
    const auto log = [&](const QString &line) {
        if (callbacks.log)
            callbacks.log(line);
    };
    log(tr("Publishing to %1: %2").arg(native(plan.destination), message));

    // The record is kept true at every step that can stop: what is at the destination from Quire.
    QHash<QString, Published> published = plan.published;
    const auto stop = [&](const Error &error) -> Result<QList<Change>> {
        (void)writeManifest(plan.destination, published);
        return error;
    };
    const bool eachLine = plan.changes.size() <= MaxLogLines;
    const int total = int(plan.changes.size());
    int done = 0;
    int copied = 0;
    int removed = 0;
    for (const Change &change : plan.changes) {
        if (cancelled(callbacks))
            return stop(cancelError());
        const QString target = plan.destination + u'/' + change.path;
        if (change.kind == Change::Kind::Removed) {
            if (!QFile::remove(target))
                return stop(Error{tr("%1 could not be removed.").arg(native(target))});
            published.remove(change.path);
            // Folders left empty go too (rmdir refuses a folder that holds anything).
            for (QString folder = QFileInfo(target).absolutePath(); folder != plan.destination && QDir().rmdir(folder);)
                folder = QFileInfo(folder).absolutePath();
            ++removed;
            if (eachLine)
                log(tr("removed %1").arg(change.path));
        } else {
            if (Result<void> folders = checkFolders(plan.destination, change.path, true); !folders)
                return stop(folders.error());
            const Result<QByteArray> content = readFile(plan.site + u'/' + change.path);
            if (!content)
                return stop(content.error());
            if (Result<void> written = writeWhole(target, *content); !written)
                return stop(written.error());
            published.insert(change.path, plan.siteFiles.value(change.path));
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
    if (Result<void> written = writeManifest(plan.destination, plan.siteFiles); !written)
        return written.error();
    return plan.changes;
}

} // namespace quire
