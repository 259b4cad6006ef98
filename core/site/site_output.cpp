#include "site/site_output.h"

#include "output/path_kind.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QDataStream>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QSaveFile>

#include <xxhash.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <sys/stat.h>

namespace quire {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("quire::SiteOutput", text);
}

const QLatin1String ManifestName(".quire/manifest");
const QLatin1String NextManifestName(".quire/manifest.next");
const QLatin1String JournalName(".quire/journal.json");
const QLatin1String StagingName(".quire/staging");
// Present while a first build writes straight into an empty folder.
const QLatin1String FreshMarkerName(".quire/first-build");
// The manifest is binary (QDataStream): a site of 10,000 posts has 13,000 entries, read and
// written on every build.
constexpr quint32 ManifestMagic = 0x51534d46;   // "QSMF"
constexpr quint32 ManifestFormat = 1;
constexpr int JournalFormat = 1;
constexpr quint32 MaxEntries = 10'000'000;

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

qint64 sizeOf(const QString &path)
{
    struct stat info;
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0 || !S_ISREG(info.st_mode))
        return -1;
    return info.st_size;
}

Result<void> writeWhole(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
        return Error{tr("%1 cannot be written: %2").arg(native(path), file.errorString())};
    return {};
}

bool isSafeRelative(const QString &path)
{
    return !path.isEmpty() && !path.startsWith(u'/') && !path.split(u'/').contains(QLatin1String(".."));
}

} // namespace

SiteOutput::SiteOutput(const QString &root) : m_root(root) {}
SiteOutput::~SiteOutput()
{
    // A build that never committed (an error, a cancel) leaves the site as it was.
    if (!m_committed && !m_direct)
        QDir(absolute(StagingName)).removeRecursively();
}

QByteArray SiteOutput::hash(QByteArrayView content)
{
    const XXH128_hash_t digest = XXH3_128bits(content.data(), size_t(content.size()));
    XXH128_canonical_t canonical;
    XXH128_canonicalFromHash(&canonical, digest);
    return QByteArray(reinterpret_cast<const char *>(canonical.digest), sizeof canonical.digest);
}

QString SiteOutput::absolute(const QString &file) const
{
    return m_root + u'/' + file;
}

QString SiteOutput::staged(const QString &file) const
{
    return m_root + u'/' + StagingName + u'/' + file;
}

Result<QString> SiteOutput::folderOfItsOwn(const QString &dir)
{
    if (dir.trimmed().isEmpty())
        return Error{tr("No output folder was given.")};
    const QFileInfo given(dir);
    if (given.exists() && !given.isDir())
        return Error{tr("%1 is not a folder.").arg(native(dir))};
    if (!given.exists() && !QDir().mkpath(given.absoluteFilePath()))
        return Error{tr("The output folder %1 cannot be created.").arg(native(dir))};
    const QString root = QFileInfo(given.absoluteFilePath()).canonicalFilePath();
    const QString home = QFileInfo(QDir::homePath()).canonicalFilePath();
    if (root.isEmpty() || root == QLatin1String("/") || root == home || home.startsWith(root + u'/'))
        return Error{tr("%1 cannot be the output folder: a site is written into a folder of its own.").arg(native(dir))};
    return root;
}

Result<std::unique_ptr<SiteOutput>> SiteOutput::open(const QString &dir, bool force)
{
    const Result<QString> folder = folderOfItsOwn(dir);
    if (!folder)
        return folder.error();
    const QString root = *folder;

    std::unique_ptr<SiteOutput> output(new SiteOutput(root));
    const QString state = root + u'/' + stateFolder();
    const PathKind stateKind = pathKind(state);
    if (stateKind != PathKind::Missing && stateKind != PathKind::Directory)
        return Error{tr("%1 is not a folder; Quire keeps its build state there.").arg(native(state))};
    if (stateKind == PathKind::Directory) {
        if (Result<void> recovered = output->recover(); !recovered)
            return recovered.error();
        if (Result<void> read = output->readManifest(); !read && !force)
            return read.error();
    }
    output->m_force = force;
    // A first build into an empty folder has no old site to keep whole: it writes the pages in
    // place (no staging, no renames), marked as unfinished until its manifest is written; a
    // build that finds the mark carries on the same way.
    const QString marker = output->absolute(FreshMarkerName);
    if (!output->m_hasManifest && (pathKind(marker) == PathKind::File || output->isEmpty())) {
        output->m_direct = true;
        if (!QDir().mkpath(state) || !writeWhole(marker, QByteArray("Quire is writing this site for the first time.\n")))
            return Error{tr("%1 cannot be written to.").arg(native(root))};
        return output;
    }
    // A folder with a manifest is a site Quire wrote: what else it holds is left alone, and a
    // file in the way of a new page is caught at commit(). Any other folder is walked whole.
    if (!force && !output->m_hasManifest) {
        if (Result<void> ours = output->checkOnlyOurFiles(); !ours)
            return ours.error();
    }
    if (!QDir().mkpath(root + u'/' + StagingName))
        return Error{tr("%1 cannot be written to.").arg(native(root))};
    return output;
}

Result<void> SiteOutput::readManifest()
{
    QFile file(absolute(ManifestName));
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("%1 cannot be read: %2").arg(native(file.fileName()), file.errorString())};
    const QByteArray bytes = file.readAll();
    const auto damaged = [&] {
        m_previous.clear();
        m_previousData.clear();
        return Error{tr("%1 is damaged or from another version of Quire; build with --force to replace the site.")
                             .arg(native(file.fileName()))};
    };
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0, format = 0, count = 0;
    in >> magic >> format >> count;
    if (in.status() != QDataStream::Ok || magic != ManifestMagic || format != ManifestFormat || count > MaxEntries)
        return damaged();
    m_previous.reserve(count);
    for (quint32 i = 0; i < count; ++i) {
        QString path;
        Entry entry;
        in >> path >> entry.hash >> entry.inputKey >> entry.size;
        if (in.status() != QDataStream::Ok)
            return damaged();
        if (isSafeRelative(path))   // never act on a path outside the folder, whatever the manifest says
            m_previous.insert(path, entry);
    }
    in >> m_previousData;
    if (in.status() != QDataStream::Ok)
        return damaged();
    m_previousManifestHash = hash(bytes);
    m_hasManifest = true;
    return {};
}

QByteArray SiteOutput::manifestBytes() const
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << ManifestMagic << ManifestFormat << quint32(m_next.size());
    // In path order, so that the same site gives the same bytes.
    QStringList paths = m_next.keys();
    std::sort(paths.begin(), paths.end());
    for (const QString &path : std::as_const(paths)) {
        const Entry &entry = m_next[path];
        out << path << entry.hash << entry.inputKey << entry.size;
    }
    out << m_data;
    return bytes;
}

Result<void> SiteOutput::recover()
{
    QFile journal(absolute(JournalName));
    if (journal.exists()) {
        if (!journal.open(QIODevice::ReadOnly))
            return Error{tr("%1 cannot be read: %2").arg(native(journal.fileName()), journal.errorString())};
        const QJsonObject object = QJsonDocument::fromJson(journal.readAll()).object();
        journal.close();
        if (object.value(QLatin1String("format")).toInt() == JournalFormat) {
            if (Result<void> applied = applyJournal(object); !applied)
                return applied;
        } else {
            journal.remove();   // written only whole, so this is not ours to finish
        }
    }
    // A new manifest without its journal: the build stopped before its commit began.
    QFile::remove(absolute(NextManifestName));
    QDir staging(absolute(StagingName));
    if (staging.exists() && !staging.removeRecursively())
        return Error{tr("The unfinished build in %1 cannot be cleared.").arg(native(staging.path()))};
    return {};
}

Result<void> SiteOutput::checkOnlyOurFiles() const
{
    // readdir's entry types, not a stat per file: a site of 10,000 posts has 25,000 entries.
    QStringList foreign;
    QStringList folders{QString()};
    while (!folders.isEmpty() && foreign.size() < 3) {
        const QString folder = folders.takeLast();
        DIR *dir = ::opendir(QFile::encodeName(folder.isEmpty() ? m_root : absolute(folder)).constData());
        if (!dir)
            return Error{tr("%1 cannot be read.").arg(native(folder.isEmpty() ? m_root : absolute(folder)))};
        while (const dirent *entry = ::readdir(dir)) {
            const QString name = QFile::decodeName(entry->d_name);
            if (name == QLatin1String(".") || name == QLatin1String(".."))
                continue;
            const QString relative = folder.isEmpty() ? name : folder + u'/' + name;
            if (relative == stateFolder())
                continue;
            const PathKind kind = entry->d_type == DT_DIR ? PathKind::Directory
                : entry->d_type == DT_REG             ? PathKind::File
                : entry->d_type == DT_UNKNOWN         ? pathKind(absolute(relative))
                                                      : PathKind::Other;
            if (kind == PathKind::Directory)
                folders.append(relative);
            else if (kind != PathKind::File || !m_previous.contains(relative))
                foreign.append(relative);
        }
        ::closedir(dir);
    }
    if (foreign.isEmpty())
        return {};
    return Error{tr("%1 holds files Quire did not write (%2); choose an empty folder, or build with --force to"
                    " write the site there anyway (those files are left alone).")
                         .arg(native(m_root), foreign.join(QLatin1String(", ")))};
}

bool SiteOutput::isEmpty() const
{
    const QStringList entries = QDir(m_root).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    return entries.isEmpty() || entries == QStringList{stateFolder()};
}

bool SiteOutput::isCurrent(const QString &file, const QByteArray &inputKey) const
{
    const auto it = m_previous.constFind(file);
    return it != m_previous.constEnd() && !inputKey.isEmpty() && it->inputKey == inputKey
        && sizeOf(absolute(file)) == it->size;
}

void SiteOutput::keep(const QString &file)
{
    QMutexLocker locker(&m_mutex);
    m_next.insert(file, m_previous.value(file));
    ++m_unchanged;
}

Result<void> SiteOutput::write(const QString &file, const QByteArray &content, const QByteArray &inputKey)
{
    const Entry entry{hash(content), inputKey, content.size()};
    const auto previous = m_previous.constFind(file);
    if (previous != m_previous.constEnd() && previous->hash == entry.hash && sizeOf(absolute(file)) == entry.size) {
        QMutexLocker locker(&m_mutex);
        m_next.insert(file, entry);
        ++m_unchanged;
        return {};
    }
    if (m_direct) {
        const qsizetype slash = file.lastIndexOf(u'/');
        QMutexLocker locker(&m_mutex);
        if (Result<void> folder = ensureDirectory(slash > 0 ? file.left(slash) : QString()); !folder)
            return folder;
    }
    const QString path = m_direct ? absolute(file) : staged(file);
    const QString folder = QFileInfo(path).path();
    if (!m_direct && !QDir().mkpath(folder))
        return Error{tr("The folder %1 cannot be created.").arg(native(folder))};
    if (m_direct && pathKind(path) != PathKind::Missing && pathKind(path) != PathKind::File)
        return Error{tr("%1 is in the way of a file of the site.").arg(native(path))};
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(content) != content.size()) {
        return Error{tr("%1 cannot be written: %2").arg(native(path), out.errorString())};
    }
    QMutexLocker locker(&m_mutex);
    m_next.insert(file, entry);
    if (!m_direct)
        m_staged.insert(file);
    else
        ++m_writtenInPlace;
    return {};
}

void SiteOutput::setData(const QByteArray &data)
{
    m_data = data;
}

Result<void> SiteOutput::ensureDirectory(const QString &relativeDir)
{
    if (relativeDir.isEmpty() || m_checkedDirectories.contains(relativeDir))
        return {};
    const qsizetype slash = relativeDir.lastIndexOf(u'/');
    if (slash > 0) {
        if (Result<void> parent = ensureDirectory(relativeDir.left(slash)); !parent)
            return parent;
    }
    const QString path = absolute(relativeDir);
    switch (pathKind(path)) {
    case PathKind::Directory:
        break;
    case PathKind::Missing:
        if (::mkdir(QFile::encodeName(path).constData(), 0755) != 0 && errno != EEXIST)
            return Error{tr("The folder %1 cannot be created: %2").arg(native(path), QString::fromLocal8Bit(std::strerror(errno)))};
        break;
    default:
        return Error{tr("%1 is in the way of a folder of the site (Quire does not write through links or replace"
                        " files it did not write).").arg(native(path))};
    }
    m_checkedDirectories.insert(relativeDir);
    return {};
}

Result<void> SiteOutput::applyJournal(const QJsonObject &journal)
{
    for (const QJsonValue &value : journal.value(QLatin1String("moves")).toArray()) {
        const QString file = value.toString();
        if (!isSafeRelative(file))
            continue;
        const QString from = staged(file);
        if (pathKind(from) != PathKind::File)
            continue;   // moved before an interruption
        const qsizetype slash = file.lastIndexOf(u'/');
        if (Result<void> folder = ensureDirectory(slash > 0 ? file.left(slash) : QString()); !folder)
            return folder;
        const QString to = absolute(file);
        if (pathKind(to) == PathKind::Directory || pathKind(to) == PathKind::Other)
            return Error{tr("%1 is in the way of a file of the site.").arg(native(to))};
        if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
            return Error{tr("%1 cannot be put in place: %2").arg(native(to), QString::fromLocal8Bit(std::strerror(errno)))};
    }
    QSet<QString> emptied;
    for (const QJsonValue &value : journal.value(QLatin1String("deletes")).toArray()) {
        const QString file = value.toString();
        if (!isSafeRelative(file) || file.startsWith(stateFolder() + u'/'))
            continue;
        const QString path = absolute(file);
        if (pathKind(path) == PathKind::File && !QFile::remove(path))
            return Error{tr("%1 cannot be removed.").arg(native(path))};
        for (qsizetype slash = file.lastIndexOf(u'/'); slash > 0; slash = file.lastIndexOf(u'/', slash - 1))
            emptied.insert(file.left(slash));
    }
    // Deepest first, so a folder emptied by its children goes too; rmdir leaves a non-empty one.
    QStringList folders(emptied.cbegin(), emptied.cend());
    std::sort(folders.begin(), folders.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &folder : folders)
        ::rmdir(QFile::encodeName(absolute(folder)).constData());

    // The new manifest replaces the old in one rename; then the journal has been carried out.
    const QString next = absolute(NextManifestName);
    if (QFile::exists(next)
        && std::rename(QFile::encodeName(next).constData(), QFile::encodeName(absolute(ManifestName)).constData()) != 0)
        return Error{tr("%1 cannot be put in place: %2").arg(native(next), QString::fromLocal8Bit(std::strerror(errno)))};
    QFile::remove(absolute(JournalName));
    return {};
}

Result<SiteOutput::Counts> SiteOutput::commit()
{
    QJsonArray moves;
    for (const QString &file : std::as_const(m_staged))
        moves.append(file);
    QJsonArray deletes;
    for (auto it = m_previous.cbegin(); it != m_previous.cend(); ++it) {
        if (!m_next.contains(it.key()))
            deletes.append(it.key());
    }
    const Counts counts{int(m_staged.size()) + m_writtenInPlace, m_unchanged, int(deletes.size())};
    if (m_direct) {
        // Nothing to put in place: the manifest makes the site Quire's, then the mark goes.
        if (Result<void> written = writeWhole(absolute(ManifestName), manifestBytes()); !written)
            return written.error();
        QFile::remove(absolute(FreshMarkerName));
        QDir(absolute(StagingName)).removeRecursively();
        m_committed = true;
        return counts;
    }
    // A new page where the folder already holds a file Quire did not write: not ours to replace.
    if (!m_force) {
        QStringList foreign;
        for (const QString &file : std::as_const(m_staged)) {
            if (!m_previous.contains(file) && pathKind(absolute(file)) != PathKind::Missing)
                foreign.append(file);
        }
        if (!foreign.isEmpty()) {
            QDir(absolute(StagingName)).removeRecursively();
            foreign.sort();
            return Error{tr("%1 holds files Quire did not write where the site goes (%2); move them, or build with"
                            " --force to replace them.").arg(native(m_root), foreign.mid(0, 3).join(QLatin1String(", ")))};
        }
    }
    const QByteArray manifest = manifestBytes();
    if (moves.isEmpty() && deletes.isEmpty() && hash(manifest) == m_previousManifestHash) {
        QDir(absolute(StagingName)).removeRecursively();
        m_committed = true;
        return counts;   // nothing at all changed
    }
    if (Result<void> written = writeWhole(absolute(NextManifestName), manifest); !written)
        return written.error();
    const QJsonObject journal{{QStringLiteral("format"), JournalFormat}, {QStringLiteral("moves"), moves},
                              {QStringLiteral("deletes"), deletes}};
    if (Result<void> written = writeWhole(absolute(JournalName), QJsonDocument(journal).toJson(QJsonDocument::Compact)); !written)
        return written.error();
    m_committed = true;   // from here the journal finishes it, now or at the next build
    if (Result<void> applied = applyJournal(journal); !applied)
        return applied.error();
    QDir(absolute(StagingName)).removeRecursively();
    return counts;
}

} // namespace quire
