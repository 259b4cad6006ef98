#pragma once

#include "output/folder_record.h"
#include "output/owned_folder.h"
#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMutex>
#include <QSet>
#include <QString>

#include <memory>

namespace quire {

// The output folder of a site build, changed only through a manifest of what Quire wrote.
//
// Safety: the folder is an OwnedFolder (never "/", the home folder or one of its parents; never
// written through a symbolic link; only unchanged files of the old site removed), and may not
// hold anything Quire did not write (unless forced; even then such files are never deleted). A
// folder without a manifest is checked whole; in a site Quire wrote, files added since are left
// alone and refused only where a new page would replace one. A page of the old site the writer
// changed since is left in place when the new site no longer has it.
//
// Atomicity: pages are first written to .quire/staging/. commit() writes the new manifest beside
// the old one and then a journal (.quire/journal.json), renames each staged file into place,
// deletes the files of the old site that the new one lacks, and renames the new manifest over
// the old. Whatever would stop a staged file from going into place (a link or a folder in its
// way, a file Quire did not write) is found before the journal. A build killed before the journal
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
        int removed = 0;     // files of the old site the new one does not have, removed
    };

    // Opens dir for a build, creating it if needed, after the safety checks (force skips the
    // check for files Quire did not write). Finishes or clears an interrupted build first.
    static Result<std::unique_ptr<SiteOutput>> open(const QString &dir, bool force);
    ~SiteOutput();

    QString path() const { return m_folder.root(); }

    // Whether `file` (relative, "posts/x/index.html") was written by the last build from the
    // same inputKey and is still there, whole. If so, keep() it instead of rendering it.
    bool isCurrent(const QString &file, const QByteArray &inputKey) const;
    void keep(const QString &file);

    // Adds a file of the new site: staged when its content differs from the file in place.
    // Thread-safe.
    Result<void> write(const QString &file, const QByteArray &content, const QByteArray &inputKey = {});

    // What the previous build stored with setData() (the builder's memory of its inputs).
    QByteArray previousData() const { return m_folder.record().data; }
    void setData(const QByteArray &data);

    // Puts the new site in place (see above); the counts of the build.
    Result<Counts> commit();

    // Content hash used in the manifest (contentHash(): XXH3, 128 bits).
    static QByteArray hash(QByteArrayView content);
    // Files Quire keeps for itself in the output folder.
    static QString stateFolder() { return QStringLiteral(".quire"); }

private:
    explicit SiteOutput(const QString &root);
    Result<void> recover();
    Result<void> checkOnlyOurFiles() const;
    Result<void> checkTheWayIsClear() const;
    Result<int> applyJournal(const QJsonObject &journal);
    QString absolute(const QString &file) const { return m_folder.absolute(file); }
    QString staged(const QString &file) const;

    OwnedFolder m_folder;                 // the folder, and the manifest of the site in place
    mutable QMutex m_mutex;
    FolderRecord m_next;                  // every file of the new site, and the builder's data
    QSet<QString> m_staged;               // files of m_next waiting in the staging folder
    int m_unchanged = 0;
    bool m_force = false;
    bool m_direct = false;                // a first build, written in place
    bool m_committed = false;
    int m_writtenInPlace = 0;
};

} // namespace quire
