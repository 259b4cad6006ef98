#include "site/site_output.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QSaveFile>

#include <xxhash.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>

namespace quire {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("quire::SiteOutput", text);
}

const QLatin1String ManifestName(".quire/manifest.json");
const QLatin1String JournalName(".quire/manifest.next.json");
const QLatin1String StagingName(".quire/staging");
constexpr int ManifestFormat = 1;

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

enum class Kind { Missing, File, Directory, Other };

// What is at path, without following a symbolic link (a link is Other).
Kind kindOf(const QString &path)
{
    struct stat info;
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
        return Kind::Missing;
    if (S_ISREG(info.st_mode))
        return Kind::File;
    if (S_ISDIR(info.st_mode))
        return Kind::Directory;
    return Kind::Other;
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

QJsonObject entryJson(const QString &file, const QByteArray &hash, const QByteArray &key, qint64 size)
{
    return QJsonObject{{QStringLiteral("f"), file}, {QStringLiteral("h"), QString::fromLatin1(hash)},
                       {QStringLiteral("k"), QString::fromLatin1(key)}, {QStringLiteral("s"), size}};
}

} // namespace

SiteOutput::SiteOutput(const QString &root) : m_root(root) {}
SiteOutput::~SiteOutput() = default;

QByteArray SiteOutput::hash(const QByteArray &content)
{
    const XXH128_hash_t digest = XXH3_128bits(content.constData(), size_t(content.size()));
    XXH128_canonical_t canonical;
    XXH128_canonicalFromHash(&canonical, digest);
    return QByteArray(reinterpret_cast<const char *>(canonical.digest), sizeof canonical.digest).toHex();
}

QString SiteOutput::absolute(const QString &file) const
{
    return m_root + u'/' + file;
}

QString SiteOutput::staged(const QString &file) const
{
    return m_root + u'/' + StagingName + u'/' + file;
}

Result<std::unique_ptr<SiteOutput>> SiteOutput::open(const QString &dir, bool force)
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

    std::unique_ptr<SiteOutput> output(new SiteOutput(root));
    const QString state = root + u'/' + stateFolder();
    const Kind stateKind = kindOf(state);
    if (stateKind != Kind::Missing && stateKind != Kind::Directory)
        return Error{tr("%1 is not a folder; Quire keeps its build state there.").arg(native(state))};
    if (stateKind == Kind::Directory) {
        if (Result<void> recovered = output->recover(); !recovered)
            return recovered.error();
        if (Result<void> read = output->readManifest(); !read && !force)
            return read.error();
    }
    if (!force) {
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
    const QJsonObject manifest = QJsonDocument::fromJson(file.readAll()).object();
    if (manifest.value(QLatin1String("format")).toInt() != ManifestFormat)
        return Error{tr("%1 is damaged or from another version of Quire; build with --force to replace the site.")
                             .arg(native(file.fileName()))};
    for (const QJsonValue &value : manifest.value(QLatin1String("files")).toArray()) {
        const QJsonObject entry = value.toObject();
        const QString path = entry.value(QLatin1String("f")).toString();
        if (path.isEmpty() || path.startsWith(u'/') || path.split(u'/').contains(QLatin1String("..")))
            continue;   // never act on a path outside the folder, whatever the manifest says
        m_previous.insert(path, Entry{entry.value(QLatin1String("h")).toString().toLatin1(),
                                      entry.value(QLatin1String("k")).toString().toLatin1(),
                                      entry.value(QLatin1String("s")).toInteger()});
    }
    m_previousData = manifest.value(QLatin1String("data")).toObject();
    return {};
}

Result<void> SiteOutput::recover()
{
    QFile journal(absolute(JournalName));
    if (journal.exists()) {
        if (!journal.open(QIODevice::ReadOnly))
            return Error{tr("%1 cannot be read: %2").arg(native(journal.fileName()), journal.errorString())};
        const QJsonObject object = QJsonDocument::fromJson(journal.readAll()).object();
        journal.close();
        if (object.value(QLatin1String("format")).toInt() == ManifestFormat) {
            if (Result<void> applied = applyJournal(object); !applied)
                return applied;
        } else {
            journal.remove();   // written only whole, so this is not ours to finish
        }
    }
    QDir staging(absolute(StagingName));
    if (staging.exists() && !staging.removeRecursively())
        return Error{tr("The unfinished build in %1 cannot be cleared.").arg(native(staging.path()))};
    return {};
}

Result<void> SiteOutput::checkOnlyOurFiles() const
{
    QStringList foreign;
    QDirIterator it(m_root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    const QString statePrefix = m_root + u'/' + stateFolder();
    while (it.hasNext() && foreign.size() < 3) {
        const QString path = it.next();
        if (path == statePrefix || path.startsWith(statePrefix + u'/'))
            continue;
        const QFileInfo info = it.fileInfo();
        if (info.isDir() && !info.isSymLink())
            continue;
        const QString relative = path.mid(m_root.size() + 1);
        if (info.isSymLink() || !m_previous.contains(relative))
            foreign.append(relative);
    }
    if (foreign.isEmpty())
        return {};
    return Error{tr("%1 holds files Quire did not write (%2); choose an empty folder, or build with --force to"
                    " write the site there anyway (those files are left alone).")
                         .arg(native(m_root), foreign.join(QLatin1String(", ")))};
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
    const QString path = staged(file);
    const QString folder = QFileInfo(path).path();
    if (!QDir().mkpath(folder))
        return Error{tr("The folder %1 cannot be created.").arg(native(folder))};
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(content) != content.size()) {
        return Error{tr("%1 cannot be written: %2").arg(native(path), out.errorString())};
    }
    QMutexLocker locker(&m_mutex);
    m_next.insert(file, entry);
    m_staged.insert(file);
    return {};
}

void SiteOutput::setData(const QJsonObject &data)
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
    switch (kindOf(path)) {
    case Kind::Directory:
        break;
    case Kind::Missing:
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
        if (file.isEmpty() || file.split(u'/').contains(QLatin1String("..")))
            continue;
        const QString from = staged(file);
        if (kindOf(from) != Kind::File)
            continue;   // moved before an interruption
        const qsizetype slash = file.lastIndexOf(u'/');
        if (Result<void> folder = ensureDirectory(slash > 0 ? file.left(slash) : QString()); !folder)
            return folder;
        const QString to = absolute(file);
        if (kindOf(to) == Kind::Directory || kindOf(to) == Kind::Other)
            return Error{tr("%1 is in the way of a file of the site.").arg(native(to))};
        if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
            return Error{tr("%1 cannot be put in place: %2").arg(native(to), QString::fromLocal8Bit(std::strerror(errno)))};
    }
    QSet<QString> emptied;
    for (const QJsonValue &value : journal.value(QLatin1String("deletes")).toArray()) {
        const QString file = value.toString();
        if (file.isEmpty() || file.split(u'/').contains(QLatin1String("..")) || file.startsWith(stateFolder() + u'/'))
            continue;
        const QString path = absolute(file);
        if (kindOf(path) == Kind::File && !QFile::remove(path))
            return Error{tr("%1 cannot be removed.").arg(native(path))};
        for (qsizetype slash = file.lastIndexOf(u'/'); slash > 0; slash = file.lastIndexOf(u'/', slash - 1))
            emptied.insert(file.left(slash));
    }
    // Deepest first, so a folder emptied by its children goes too; rmdir leaves a non-empty one.
    QStringList folders(emptied.cbegin(), emptied.cend());
    std::sort(folders.begin(), folders.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &folder : folders)
        ::rmdir(QFile::encodeName(absolute(folder)).constData());

    if (Result<void> written = writeWhole(absolute(ManifestName),
                                          QJsonDocument(journal.value(QLatin1String("manifest")).toObject()).toJson(QJsonDocument::Compact));
        !written)
        return written;
    QFile::remove(absolute(JournalName));
    return {};
}

Result<SiteOutput::Counts> SiteOutput::commit()
{
    QJsonArray files;
    for (auto it = m_next.cbegin(); it != m_next.cend(); ++it)
        files.append(entryJson(it.key(), it->hash, it->inputKey, it->size));
    QJsonArray moves;
    for (const QString &file : std::as_const(m_staged))
        moves.append(file);
    QJsonArray deletes;
    for (auto it = m_previous.cbegin(); it != m_previous.cend(); ++it) {
        if (!m_next.contains(it.key()))
            deletes.append(it.key());
    }
    const QJsonObject manifest{{QStringLiteral("format"), ManifestFormat}, {QStringLiteral("files"), files},
                               {QStringLiteral("data"), m_data}};
    const QJsonObject journal{{QStringLiteral("format"), ManifestFormat}, {QStringLiteral("moves"), moves},
                              {QStringLiteral("deletes"), deletes}, {QStringLiteral("manifest"), manifest}};
    if (Result<void> written = writeWhole(absolute(JournalName), QJsonDocument(journal).toJson(QJsonDocument::Compact)); !written)
        return written.error();
    if (Result<void> applied = applyJournal(journal); !applied)
        return applied.error();
    QDir(absolute(StagingName)).removeRecursively();
    return Counts{int(m_staged.size()), m_unchanged, int(deletes.size())};
}

} // namespace quire
