#pragma once

#include "result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QSet>
#include <QString>

#include <memory>

namespace quire {

// The output folder of a site build, changed only through a manifest of what Quire wrote.
//
// Safety: the folder may not be "/", the home folder or one of its parents, and may not hold
// anything Quire did not write (unless forced; even then such files are never deleted). A folder
// without a manifest is checked whole; in a site Quire wrote, files added since are left alone
// and refused only where a new page would replace one. Quire never writes through a symbolic
// link inside the folder.
//
// Atomicity: pages are first written to .quire/staging/. commit() writes the new manifest beside
// the old one and then a journal (.quire/journal.json), renames each staged file into place,
// deletes the files of the old site that the new one lacks, and renames the new manifest over
// the old. A build killed before the journal
// leaves the old site as it was (the staging folder is cleared by the next build); killed after,
// the next build finishes the journal first. Every file in the folder is whole at every moment.
// A first build into an empty folder has no old site to keep: it writes in place, and a build
// killed part-way is finished by the next one.
//
// Incremental: a file whose content did not change is not rewritten (its mtime stays), and a
// page whose inputs did not change need not even be rendered (isCurrent()).
class SiteOutput
{
public:
    struct Counts
    {
        int written = 0;     // new or changed files
        int unchanged = 0;   // same content (or same inputs), left alone
        int removed = 0;     // files of the old site the new one does not have
    };

    // Opens dir for a build, creating it if needed, after the safety checks (force skips the
    // check for files Quire did not write). Finishes or clears an interrupted build first.
    static Result<std::unique_ptr<SiteOutput>> open(const QString &dir, bool force);
    // dir as a canonical path, created if missing; refuses a file, "/", the home folder and its
    // parents (shared with other writers of whole folders, such as the Markdown export).
    static Result<QString> folderOfItsOwn(const QString &dir);
    ~SiteOutput();

    QString path() const { return m_root; }

    // Whether `file` (relative, "posts/x/index.html") was written by the last build from the
    // same inputKey and is still there, whole. If so, keep() it instead of rendering it.
    bool isCurrent(const QString &file, const QByteArray &inputKey) const;
    void keep(const QString &file);

    // Adds a file of the new site: staged when its content differs from the file in place.
    // Thread-safe.
    Result<void> write(const QString &file, const QByteArray &content, const QByteArray &inputKey = {});

    // What the previous build stored with setData() (the builder's memory of its inputs).
    QByteArray previousData() const { return m_previousData; }
    void setData(const QByteArray &data);

    // Puts the new site in place (see above); the counts of the build.
    Result<Counts> commit();

    // Content hash used in the manifest (XXH3, 128 bits).
    static QByteArray hash(QByteArrayView content);
    // Files Quire keeps for itself in the output folder.
    static QString stateFolder() { return QStringLiteral(".quire"); }

private:
    struct Entry
    {
        QByteArray hash;
        QByteArray inputKey;
        qint64 size = 0;
    };

    explicit SiteOutput(const QString &root);
    Result<void> readManifest();
    Result<void> recover();
    Result<void> checkOnlyOurFiles() const;
    bool isEmpty() const;   // nothing but Quire's own state folder
    Result<void> ensureDirectory(const QString &relativeDir);
    Result<void> applyJournal(const QJsonObject &journal);
    QByteArray manifestBytes() const;
    QString absolute(const QString &file) const;
    QString staged(const QString &file) const;

    QString m_root;
    QHash<QString, Entry> m_previous;     // the manifest of the site in place
    QByteArray m_previousData;
    QByteArray m_previousManifestHash;    // of the manifest file as read
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_next;         // every file of the new site
    QSet<QString> m_staged;               // files of m_next waiting in the staging folder
    QSet<QString> m_checkedDirectories;   // relative directories known to be real folders
    QByteArray m_data;
    int m_unchanged = 0;
    bool m_hasManifest = false;
    bool m_force = false;
    bool m_direct = false;                // a first build, written in place
    bool m_committed = false;
    int m_writtenInPlace = 0;
};

} // namespace quire
