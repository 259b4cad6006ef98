#include "output/owned_folder.h"

#include "output/content_hash.h"
#include "output/file_io.h"
#include "output/path_kind.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <iterator>
#include <sys/stat.h>
#include <unistd.h>

namespace quire {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("quire::OwnedFolder", text);
}

// The path with its longest existing part resolved (links followed), the rest as given: where a
// folder that may not exist yet would be.
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

QByteArray encoded(const QString &path)
{
    return QFile::encodeName(path);
}

} // namespace

Result<QString> OwnedFolder::checkedRoot(const QString &dir)
{
    if (dir.trimmed().isEmpty())
        return Error{tr("No output folder was given.")};
    const QString root = resolved(QFileInfo(dir).absoluteFilePath());
    const QString home = resolved(QDir::homePath());
    if (root == u"/" || root == home || home.startsWith(root + u'/'))
        return Error{tr("%1 cannot be the output folder: Quire writes only into a folder of its own, never into"
                        " \"/\", the home folder or a folder above it.").arg(nativePath(dir))};
    const PathKind kind = pathKind(root);
    if (kind != PathKind::Missing && kind != PathKind::Directory)
        return Error{tr("%1 is not a folder.").arg(nativePath(dir))};
    return root;
}

Result<QString> OwnedFolder::folderOfItsOwn(const QString &dir)
{
    Result<QString> root = checkedRoot(dir);
    if (root && pathKind(*root) == PathKind::Missing && !QDir().mkpath(*root))
        return Error{tr("The folder %1 cannot be created.").arg(nativePath(dir))};
    return root;
}

bool OwnedFolder::isInside(const QString &relative)
{
    if (relative.isEmpty() || relative.startsWith(u'/') || relative.contains(QChar(0)))
        return false;
    for (const QString &part : relative.split(u'/')) {
        if (part.isEmpty() || part == u"." || part == u"..")
            return false;
    }
    return true;
}

OwnedFolder::OwnedFolder(const QString &root, std::unique_ptr<const ManifestFormat> format)
    : m_root(root), m_format(std::move(format)), m_stateName(m_format->fileName().section(u'/', 0, 0))
{
}

OwnedFolder::OwnedFolder(OwnedFolder &&) noexcept = default;
OwnedFolder &OwnedFolder::operator=(OwnedFolder &&) noexcept = default;
OwnedFolder::~OwnedFolder() = default;

QString OwnedFolder::manifestPath() const
{
    return absolute(m_format->fileName());
}

bool OwnedFolder::isOwnable(const QString &relative) const
{
    return isInside(relative) && relative != m_stateName && !relative.startsWith(m_stateName + u'/');
}

Result<void> OwnedFolder::readRecord()
{
    m_record = {};
    m_hasManifest = false;
    m_manifestHash.clear();
    const QString path = manifestPath();
    if (Result<void> folders = reachFolders(m_format->fileName(), false); !folders)
        return folders;
    const PathKind kind = pathKind(path);
    if (kind == PathKind::Missing)
        return {};
    if (kind != PathKind::File)
        return m_format->damaged(path);
    const Result<QByteArray> bytes = readFile(path);
    if (!bytes)
        return bytes.error();
    std::optional<FolderRecord> parsed = m_format->parse(*bytes);
    if (!parsed)
        return m_format->damaged(path);
    replaceRecord(std::move(*parsed));
    m_manifestHash = contentHash(*bytes);
    m_hasManifest = true;
    return {};
}

const OwnedFile *OwnedFolder::entry(const QString &relative) const
{
    const auto it = m_record.files.constFind(relative);
    return it == m_record.files.constEnd() ? nullptr : &*it;
}

bool OwnedFolder::isEmpty() const
{
    const QStringList entries = QDir(m_root).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    return entries.isEmpty() || entries == QStringList{m_stateName};
}

Result<QStringList> OwnedFolder::foreignFiles(int most) const
{
    // readdir's entry types, not a stat per file: a site of 10,000 posts has 25,000 entries.
    QStringList foreign;
    QStringList folders{QString()};
    while (!folders.isEmpty() && foreign.size() < most) {
        const QString folder = folders.takeLast();
        const QString path = folder.isEmpty() ? m_root : absolute(folder);
        DIR *dir = ::opendir(encoded(path).constData());
        if (!dir)
            return Error{tr("%1 cannot be read.").arg(nativePath(path))};
        while (const dirent *entry = ::readdir(dir)) {
            const QString name = QFile::decodeName(entry->d_name);
            if (name == u"." || name == u"..")
                continue;
            const QString relative = folder.isEmpty() ? name : folder + u'/' + name;
            if (relative == m_stateName)
                continue;
            const PathKind kind = entry->d_type == DT_DIR ? PathKind::Directory
                : entry->d_type == DT_REG             ? PathKind::File
                : entry->d_type == DT_UNKNOWN         ? pathKind(absolute(relative))
                                                      : PathKind::Other;
            if (kind == PathKind::Directory)
                folders.append(relative);
            else if (kind != PathKind::File || !isOwned(relative))
                foreign.append(relative);
        }
        ::closedir(dir);
    }
    return foreign.mid(0, most);
}

bool OwnedFolder::isInTheWay(const QString &relative) const
{
    const PathKind kind = pathKind(absolute(relative));
    return kind != PathKind::Missing && (kind != PathKind::File || !isOwned(relative));
}

Result<void> OwnedFolder::reachFolders(const QString &relative, bool create) const
{
    const QStringList parts = relative.split(u'/');
    QString folder;
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        folder = i == 0 ? parts.at(0) : folder + u'/' + parts.at(i);
        if (m_realFolders.contains(folder))
            continue;
        const QString path = absolute(folder);
        PathKind kind = pathKind(path);
        if (kind == PathKind::Missing) {
            if (!create)
                return {};   // nothing below a missing folder exists either
            if (::mkdir(encoded(path).constData(), 0777) != 0 && errno != EEXIST)
                return Error{tr("The folder %1 cannot be created: %2")
                                     .arg(nativePath(path), QString::fromLocal8Bit(std::strerror(errno)))};
            kind = pathKind(path);
        }
        if (kind != PathKind::Directory)
            return Error{tr("%1 is in the way of %2: Quire needs a folder there, and it is a file or a symbolic link"
                            " (Quire never writes through a link); move it away and try again.")
                                 .arg(nativePath(path), relative)};
        m_realFolders.insert(folder);
    }
    return {};
}

Result<QString> OwnedFolder::reach(const QString &relative, bool create) const
{
    if (Result<void> folders = reachFolders(relative, create); !folders)
        return folders.error();
    const QString path = absolute(relative);
    const PathKind kind = pathKind(path);
    if (kind != PathKind::Missing && kind != PathKind::File)
        return Error{tr("%1 is in the way: Quire writes a file there, and it is a folder or a symbolic link (Quire"
                        " never writes through a link); move it away and try again.").arg(nativePath(path))};
    return path;
}

Result<void> OwnedFolder::checkWritable(const QString &relative) const
{
    if (!isOwnable(relative))
        return Error{tr("“%1” is not a place in %2 where Quire may write a file.").arg(relative, nativePath(m_root))};
    const Result<QString> path = reach(relative, false);
    return path ? Result<void>() : path.error();
}

Result<QString> OwnedFolder::prepareWrite(const QString &relative)
{
    if (!isOwnable(relative))
        return Error{tr("“%1” is not a place in %2 where Quire may write a file.").arg(relative, nativePath(m_root))};
    return reach(relative, true);
}

Result<void> OwnedFolder::writeWhole(const QString &relative, const QByteArray &content)
{
    const Result<QString> path = prepareWrite(relative);
    if (!path)
        return path.error();
    if (Result<void> written = writeFileWhole(*path, content); !written)
        return written;
    OwnedFile file;
    file.hash = contentHash(content);
    file.size = content.size();
    m_record.files.insert(relative, file);
    return {};
}

bool OwnedFolder::isUnchanged(const QString &relative) const
{
    const OwnedFile *file = entry(relative);
    if (!file || !isOwnable(relative) || !reachFolders(relative, false))
        return false;
    qint64 size = -1;
    if (pathKind(absolute(relative), &size) != PathKind::File)
        return false;
    if (!file->knowsContent)
        return true;
    if (size != file->size)
        return false;
    const Result<QByteArray> content = readFile(absolute(relative));
    return content && contentHash(*content) == file->hash;
}

Result<bool> OwnedFolder::removeOwned(const QString &relative)
{
    if (!isUnchanged(relative)) {
        forget(relative);   // changed since, or gone: the writer's now, if anyone's
        return false;
    }
    QFile file(absolute(relative));
    if (!file.remove())
        return Error{tr("%1 could not be removed: %2").arg(nativePath(file.fileName()), file.errorString())};
    forget(relative);
    removeEmptiedFolders(relative);
    return true;
}

void OwnedFolder::removeEmptiedFolders(const QString &relative)
{
    // Deepest first; rmdir refuses a folder that holds anything, and then so would every folder
    // above it. The folder itself is never removed.
    for (qsizetype slash = relative.lastIndexOf(u'/'); slash > 0; slash = relative.lastIndexOf(u'/', slash - 1)) {
        const QString folder = relative.left(slash);
        if (::rmdir(encoded(absolute(folder)).constData()) != 0)
            return;
        m_realFolders.remove(folder);
    }
}

void OwnedFolder::own(const QString &relative, const OwnedFile &file)
{
    if (isOwnable(relative))
        m_record.files.insert(relative, file);
}

void OwnedFolder::replaceRecord(FolderRecord record)
{
    // In place: a site's manifest has an entry for each of its 13,000 files at 10,000 posts.
    for (auto it = record.files.begin(); it != record.files.end();)
        it = isOwnable(it.key()) ? std::next(it) : record.files.erase(it);
    m_record = std::move(record);
}

QByteArray OwnedFolder::manifestBytes(const FolderRecord &record) const
{
    return m_format->serialize(record);
}

bool OwnedFolder::manifestIs(const QByteArray &bytes) const
{
    return m_hasManifest && contentHash(bytes) == m_manifestHash;
}

Result<void> OwnedFolder::commitRecord()
{
    const QByteArray bytes = manifestBytes(m_record);
    if (manifestIs(bytes))
        return {};
    const Result<QString> path = reach(m_format->fileName(), true);
    if (!path)
        return path.error();
    if (Result<void> written = writeFileWhole(*path, bytes); !written)
        return written;
    m_manifestHash = contentHash(bytes);
    m_hasManifest = true;
    return {};
}

} // namespace quire
