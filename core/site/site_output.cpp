#include "site/site_output.h"

#include "output/content_hash.h"
#include "output/file_io.h"
#include "output/path_kind.h"
#include "output/site_manifest_format.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace quire {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("quire::SiteOutput", text);
}

const QLatin1String NextManifestName(".quire/manifest.next");
const QLatin1String JournalName(".quire/journal.json");
const QLatin1String StagingName(".quire/staging");
// Present while a first build writes straight into an empty folder.
const QLatin1String FreshMarkerName(".quire/first-build");
constexpr int JournalFormat = 1;

// from renamed over to, in one step.
Result<void> putInPlace(const QString &from, const QString &to)
{
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
        return Error{tr("%1 cannot be put in place: %2").arg(nativePath(to), QString::fromLocal8Bit(std::strerror(errno)))};
    return {};
}

} // namespace

SiteOutput::SiteOutput(const QString &root) : m_folder(root, std::make_unique<SiteManifestFormat>()) {}
SiteOutput::~SiteOutput()
{
    // A build that never committed (an error, a cancel) leaves the site as it was.
    if (!m_committed && !m_direct)
        QDir(absolute(StagingName)).removeRecursively();
}

QByteArray SiteOutput::hash(QByteArrayView content)
{
    return contentHash(content);
}

QString SiteOutput::staged(const QString &file) const
{
    return absolute(StagingName) + u'/' + file;
}

Result<std::unique_ptr<SiteOutput>> SiteOutput::open(const QString &dir, bool force)
{
    const Result<QString> root = OwnedFolder::folderOfItsOwn(dir);
    if (!root)
        return root.error();

    std::unique_ptr<SiteOutput> output(new SiteOutput(*root));
    OwnedFolder &folder = output->m_folder;
    const QString state = folder.absolute(stateFolder());
    const PathKind stateKind = pathKind(state);
    if (stateKind != PathKind::Missing && stateKind != PathKind::Directory)
        return Error{tr("%1 is not a folder; Quire keeps its build state there.").arg(nativePath(state))};
    if (stateKind == PathKind::Directory) {
        if (Result<void> recovered = output->recover(); !recovered)
            return recovered.error();
        if (Result<void> read = folder.readRecord(); !read && !force)
            return read.error();
    }
    output->m_force = force;
    // A first build into an empty folder has no old site to keep whole: it writes the pages in
    // place (no staging, no renames), marked as unfinished until its manifest is written; a
    // build that finds the mark carries on the same way.
    const QString marker = output->absolute(FreshMarkerName);
    if (!folder.hasManifest() && (pathKind(marker) == PathKind::File || folder.isEmpty())) {
        output->m_direct = true;
        if (!QDir().mkpath(state) || !writeFileWhole(marker, QByteArray("Quire is writing this site for the first time.\n")))
            return Error{tr("%1 cannot be written to.").arg(nativePath(*root))};
        return output;
    }
    // A folder with a manifest is a site Quire wrote: what else it holds is left alone, and a
    // file in the way of a new page is caught at commit(). Any other folder is walked whole.
    if (!force && !folder.hasManifest()) {
        if (Result<void> ours = output->checkOnlyOurFiles(); !ours)
            return ours.error();
    }
    if (!QDir().mkpath(output->absolute(StagingName)))
        return Error{tr("%1 cannot be written to.").arg(nativePath(*root))};
    return output;
}

Result<void> SiteOutput::recover()
{
    const QString journalPath = absolute(JournalName);
    if (pathKind(journalPath) == PathKind::File) {
        const Result<QByteArray> bytes = readFile(journalPath);
        if (!bytes)
            return bytes.error();
        const QJsonObject journal = QJsonDocument::fromJson(*bytes).object();
        if (journal.value(QLatin1String("format")).toInt() == JournalFormat) {
            // The manifest of the old site says which of its files are Quire's to remove. One this
            // version cannot read names none (open() reports it): the journal's moves still finish.
            (void)m_folder.readRecord();
            if (Result<int> applied = applyJournal(journal); !applied)
                return applied.error();
        } else {
            QFile::remove(journalPath);   // written only whole, so this is not ours to finish
        }
    }
    // A new manifest without its journal: the build stopped before its commit began.
    QFile::remove(absolute(NextManifestName));
    QDir staging(absolute(StagingName));
    if (staging.exists() && !staging.removeRecursively())
        return Error{tr("The unfinished build in %1 cannot be cleared.").arg(nativePath(staging.path()))};
    return {};
}

Result<void> SiteOutput::checkOnlyOurFiles() const
{
    const Result<QStringList> foreign = m_folder.foreignFiles(3);
    if (!foreign)
        return foreign.error();
    if (foreign->isEmpty())
        return {};
    return Error{tr("%1 holds files Quire did not write (%2); choose an empty folder, or build with --force to"
                    " write the site there anyway (those files are left alone).")
                         .arg(nativePath(path()), foreign->join(QLatin1String(", ")))};
}

bool SiteOutput::isCurrent(const QString &file, const QByteArray &inputKey) const
{
    const OwnedFile *previous = m_folder.entry(file);
    qint64 size = -1;
    return previous && !inputKey.isEmpty() && previous->inputKey == inputKey
        && pathKind(absolute(file), &size) == PathKind::File && size == previous->size;
}

void SiteOutput::keep(const QString &file)
{
    QMutexLocker locker(&m_mutex);
    m_next.files.insert(file, m_folder.record().files.value(file));
    ++m_unchanged;
}

Result<void> SiteOutput::write(const QString &file, const QByteArray &content, const QByteArray &inputKey)
{
    if (!m_folder.isOwnable(file))
        return Error{tr("“%1” is not a place in the site's folder.").arg(file)};
    const OwnedFile entry{hash(content), content.size(), inputKey, true};
    const OwnedFile *previous = m_folder.entry(file);
    qint64 size = -1;
    if (previous && previous->hash == entry.hash && pathKind(absolute(file), &size) == PathKind::File && size == entry.size) {
        QMutexLocker locker(&m_mutex);
        m_next.files.insert(file, entry);
        ++m_unchanged;
        return {};
    }
    QString path = staged(file);
    if (m_direct) {
        QMutexLocker locker(&m_mutex);
        const Result<QString> prepared = m_folder.prepareWrite(file);
        if (!prepared)
            return prepared.error();
        path = *prepared;
    } else if (const QString folder = QFileInfo(path).path(); !QDir().mkpath(folder)) {
        return Error{tr("The folder %1 cannot be created.").arg(nativePath(folder))};
    }
    if (Result<void> written = writeFileInPlace(path, content); !written)
        return written;
    QMutexLocker locker(&m_mutex);
    m_next.files.insert(file, entry);
    if (!m_direct)
        m_staged.insert(file);
    else
        ++m_writtenInPlace;
    return {};
}

void SiteOutput::setData(const QByteArray &data)
{
    m_next.data = data;
}

Result<int> SiteOutput::applyJournal(const QJsonObject &journal)
{
    for (const QJsonValue &value : journal.value(QLatin1String("moves")).toArray()) {
        const QString file = value.toString();
        if (!OwnedFolder::isInside(file))
            continue;
        const QString from = staged(file);
        if (pathKind(from) != PathKind::File)
            continue;   // moved before an interruption
        const Result<QString> to = m_folder.prepareWrite(file);
        if (!to)
            return to.error();
        if (Result<void> moved = putInPlace(from, *to); !moved)
            return moved.error();
    }
    int removed = 0;
    for (const QJsonValue &value : journal.value(QLatin1String("deletes")).toArray()) {
        const Result<bool> gone = m_folder.removeOwned(value.toString());
        if (!gone)
            return gone.error();
        removed += *gone ? 1 : 0;
    }
    // The new manifest replaces the old in one rename; then the journal has been carried out.
    const QString next = absolute(NextManifestName);
    if (QFile::exists(next)) {
        if (Result<void> renamed = putInPlace(next, m_folder.manifestPath()); !renamed)
            return renamed.error();
    }
    QFile::remove(absolute(JournalName));
    return removed;
}

Result<void> SiteOutput::checkTheWayIsClear() const
{
    // Found now, before the journal, the old site stays whole: a link or a folder where a file
    // goes (never written through, even forced), or a new page where the folder holds a file
    // Quire did not write (not ours to replace, unless forced).
    QStringList foreign;
    for (const QString &file : std::as_const(m_staged)) {
        if (Result<void> writable = m_folder.checkWritable(file); !writable)
            return writable;
        if (!m_force && m_folder.isInTheWay(file))
            foreign.append(file);
    }
    if (foreign.isEmpty())
        return {};
    foreign.sort();
    return Error{tr("%1 holds files Quire did not write where the site goes (%2); move them, or build with"
                    " --force to replace them.").arg(nativePath(path()), foreign.mid(0, 3).join(QLatin1String(", ")))};
}

Result<SiteOutput::Counts> SiteOutput::commit()
{
    QJsonArray moves;
    for (const QString &file : std::as_const(m_staged))
        moves.append(file);
    QJsonArray deletes;
    for (auto it = m_folder.record().files.cbegin(); it != m_folder.record().files.cend(); ++it) {
        if (!m_next.files.contains(it.key()))
            deletes.append(it.key());
    }
    Counts counts{int(m_staged.size()) + m_writtenInPlace, m_unchanged, 0};
    if (m_direct) {
        // Nothing to put in place: the manifest makes the site Quire's, then the mark goes.
        m_folder.replaceRecord(std::move(m_next));
        if (Result<void> written = m_folder.commitRecord(); !written)
            return written.error();
        QFile::remove(absolute(FreshMarkerName));
        QDir(absolute(StagingName)).removeRecursively();
        m_committed = true;
        return counts;
    }
    if (Result<void> clear = checkTheWayIsClear(); !clear) {
        QDir(absolute(StagingName)).removeRecursively();
        return clear.error();
    }
    const QByteArray manifest = m_folder.manifestBytes(m_next);
    if (moves.isEmpty() && deletes.isEmpty() && m_folder.manifestIs(manifest)) {
        QDir(absolute(StagingName)).removeRecursively();
        m_committed = true;
        return counts;   // nothing at all changed
    }
    if (Result<void> written = writeFileWhole(absolute(NextManifestName), manifest); !written)
        return written.error();
    const QJsonObject journal{{QStringLiteral("format"), JournalFormat}, {QStringLiteral("moves"), moves},
                              {QStringLiteral("deletes"), deletes}};
    if (Result<void> written = writeFileWhole(absolute(JournalName), QJsonDocument(journal).toJson(QJsonDocument::Compact)); !written)
        return written.error();
    m_committed = true;   // from here the journal finishes it, now or at the next build
    const Result<int> removed = applyJournal(journal);
    if (!removed)
        return removed.error();
    QDir(absolute(StagingName)).removeRecursively();
    counts.removed = *removed;
    return counts;
}

} // namespace quire
