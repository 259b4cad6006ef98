#pragma once

#include "output/folder_record.h"
#include "output/manifest_format.h"
#include "result.h"

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace quire {

// A folder Quire writes into, and the record of the files it wrote there: a site build's output
// folder (SiteOutput), a folder a site is published to (FolderPublisher), a Markdown export
// (MarkdownExporter). Each kind keeps the record in a manifest of its own format (ManifestFormat);
// the rules that keep the writer's own files safe are here, once, for all of them:
//
// - The folder is one of its own: never "/", the home folder or one of its parents, so that no
//   slip in a path can make Quire replace or remove files at large.
// - Nothing is written or removed outside it: a path is relative and stays inside (no "..", no
//   absolute path), whatever a manifest says, and every folder on the way is a real folder,
//   never a symbolic link (which could lead anywhere) nor a file. A file is never written
//   through a link either.
// - Files are written whole (QSaveFile): a reader sees the old file or the new one, never half.
// - Only what Quire wrote is ever removed, and only while it is as Quire wrote it, where the
//   record knows its content: a file the writer changed since is theirs now. Folders a removal
//   leaves empty go too; the folder itself stays.
// - The manifest and the folder that holds it (".quire/") are Quire's state, never a file of the
//   folder to write or remove.
//
// Whether a file Quire did not write may be replaced is each writer's call (isInTheWay()): the
// publisher replaces a web root's files by design, the export and the site build refuse.
//
// Not thread-safe: it remembers which folders it has checked. A build writing from several
// threads calls it under its own lock.
class OwnedFolder
{
public:
    // dir made absolute (from the working folder when relative), with its existing part resolved
    // so the checks see where links lead; refused when empty, "/", the home folder or one of its
    // parents, or when something other than a folder is there. Nothing is created (a dry run
    // must not create anything).
    static Result<QString> checkedRoot(const QString &dir);
    // checkedRoot(), and the folder created when missing.
    static Result<QString> folderOfItsOwn(const QString &dir);
    // Whether relative names a path inside a folder: not empty, not absolute, no "", "." or ".."
    // part. Every path read from a manifest or given to write or remove is held to this.
    static bool isInside(const QString &relative);

    // root as checkedRoot() gives it (it may not exist yet). The record is empty until
    // readRecord().
    OwnedFolder(const QString &root, std::unique_ptr<const ManifestFormat> format);
    OwnedFolder(OwnedFolder &&) noexcept;
    OwnedFolder &operator=(OwnedFolder &&) noexcept;
    ~OwnedFolder();

    QString root() const { return m_root; }
    QString absolute(const QString &relative) const { return m_root + u'/' + relative; }
    QString manifestPath() const;

    // Reads the manifest when there is one. Entries that lead out of the folder or into Quire's
    // state are dropped: never acted on, whatever the manifest says. A manifest the format
    // refuses, or one that is not a plain file, is the format's damaged() error, and the record
    // stays empty (a writer that goes on regardless removes nothing).
    Result<void> readRecord();
    bool hasManifest() const { return m_hasManifest; }
    const FolderRecord &record() const { return m_record; }
    // The record's entry for relative; null when Quire did not write it.
    const OwnedFile *entry(const QString &relative) const;
    bool isOwned(const QString &relative) const { return entry(relative) != nullptr; }

    // Nothing in the folder but the manifest (or the state folder that holds it); true when the
    // folder does not exist.
    bool isEmpty() const;
    // Up to `most` files (relative) the record does not list, links and other non-files
    // included; Quire's state is not looked into.
    Result<QStringList> foreignFiles(int most) const;
    // Whether something is at relative that Quire may not simply replace: a file it did not
    // write, or anything that is not a file.
    bool isInTheWay(const QString &relative) const;
    // Whether relative may be a file of the folder at all: inside it (isInside()), and not
    // Quire's state. What a writer stages elsewhere before it is put in place is held to this.
    bool isOwnable(const QString &relative) const;

    // Whether a file could be written at relative now: it is inside, not Quire's state, every
    // folder on the way is a real folder or missing, and nothing but a file is at the path.
    Result<void> checkWritable(const QString &relative) const;
    // checkWritable(), with the missing folders made: the absolute path to write. For writers
    // that write the file themselves (a site build, fast and not whole, or by a rename).
    Result<QString> prepareWrite(const QString &relative);
    // The file written whole at relative (folders made, as prepareWrite()) and recorded as
    // Quire's, with content's hash and size. A file already there is replaced, Quire's or not:
    // ask isInTheWay() first where that matters.
    Result<void> writeWhole(const QString &relative, const QByteArray &content);

    // Whether the file at relative is one Quire wrote and still as it was written: a plain file,
    // reached through real folders, with the recorded size and hash (where the record knows the
    // content).
    bool isUnchanged(const QString &relative) const;
    // Removes relative when isUnchanged(), then the folders that leaves empty. True when removed.
    // Either way it is no longer Quire's: the entry leaves the record. An error only when a file
    // of Quire's could not be removed.
    Result<bool> removeOwned(const QString &relative);

    // Records relative as Quire's (an export lists its files before it writes them, so that one
    // stopped part-way still knows them). A path that may not be Quire's is ignored.
    void own(const QString &relative, const OwnedFile &file);
    void forget(const QString &relative) { m_record.files.remove(relative); }
    // The whole record replaced (a site build's new site), with the same checks as own().
    void replaceRecord(FolderRecord record);

    // The manifest record would be, in the folder's format.
    QByteArray manifestBytes(const FolderRecord &record) const;
    // Whether the manifest in the folder has these bytes (as read or last written).
    bool manifestIs(const QByteArray &bytes) const;
    // Writes the record to the manifest, whole; nothing when it has not changed.
    Result<void> commitRecord();

private:
    // Every folder on the way to relative a real folder, or missing (create: made).
    Result<void> reachFolders(const QString &relative, bool create) const;
    // reachFolders(), and nothing but a file at relative: its absolute path.
    Result<QString> reach(const QString &relative, bool create) const;
    void removeEmptiedFolders(const QString &relative);

    QString m_root;
    std::unique_ptr<const ManifestFormat> m_format;
    QString m_stateName;                       // the manifest, or the folder holding it, at the root
    FolderRecord m_record;
    bool m_hasManifest = false;
    QByteArray m_manifestHash;                 // of the manifest's bytes, as read or last written
    mutable QSet<QString> m_realFolders;       // relative folders known to be real folders
};

} // namespace quire
