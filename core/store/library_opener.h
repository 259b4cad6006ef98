#pragma once

#include "result.h"
#include "store/database.h"
#include "store/file_lock.h"
#include "store/library.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace quire {

// Opens a library file the careful way. A library holds someone's writing, so every check that
// can refuse the file (not a database, cut short, made by a newer Quire, read-only, open in
// another Quire) runs before anything is written to it, and a refused file stays byte-identical.
// A new library is built beside its final name and moved into place once complete, so that a
// crash while creating it never leaves half a library behind.
class LibraryOpener
{
    Q_DECLARE_TR_FUNCTIONS(quire::Library)

public:
    struct Opened
    {
        // Declared before the database so that it is released after the connection is closed.
        std::unique_ptr<FileLock> lock;
        std::unique_ptr<Database> database;
        QString path;
        bool created = false;
    };

    static Result<Opened> open(const QString &path, Library::OpenMode mode);

private:
    explicit LibraryOpener(const QString &path);

    Result<bool> createIfMissing(Library::OpenMode mode);
    Result<bool> create();
    Result<void> lock();
    Result<void> checkHeader();
    Result<void> checkWritable();
    Result<void> connect();
    Result<void> checkContents();
    Result<void> configure();

    // The failure of a check made with SQLite, in the words of the check that failed.
    Error contentsError(const Error &error) const;

    Error notALibrary(const QString &reason) const;
    Error damaged() const;
    Error readOnly(const QString &reason) const;
    Error cannotCreate(const QString &reason) const;
    QString fileName() const;

    QString m_path;
    Opened m_opened;
    bool m_logExisted = false;   // a write-ahead log was beside the file before Quire opened it
};

} // namespace quire
