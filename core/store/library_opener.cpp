#include "store/library_opener.h"

#include "store/file_header.h"
#include "store/schema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>
#include <QtDebug>

#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace quire {

namespace {

constexpr mode_t AnyWriteBit = S_IWUSR | S_IWGRP | S_IWOTH;

// Permission bits, checked by hand: for root access(W_OK) says yes to every file, yet a library
// whose owner made it read-only should be treated as such.
bool hasWriteBit(const QString &path)
{
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 && (info.st_mode & AnyWriteBit);
}

bool isAccessible(const QString &path, int mode)
{
    return ::access(QFile::encodeName(path).constData(), mode) == 0;
}

qint64 fileSize(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? info.size() : -1;
}

} // namespace

LibraryOpener::LibraryOpener(const QString &path)
    : m_path(path)
{
}

Result<LibraryOpener::Opened> LibraryOpener::open(const QString &path, Library::OpenMode mode)
{
    LibraryOpener opener(QFileInfo(path).absoluteFilePath());
    const Result<bool> created = opener.createIfMissing(mode);
    if (!created)
        return created.error();

    // None of these checks writes to the file. configure() is the first step that does, and it
    // runs only once every check has passed.
    for (auto step : {&LibraryOpener::lock, &LibraryOpener::checkHeader, &LibraryOpener::checkWritable,
                      &LibraryOpener::connect, &LibraryOpener::checkContents}) {
        if (Result<void> checked = (opener.*step)(); !checked) {
            // Leave a log found beside a refused file as it was, rather than fold it into the file.
            if (opener.m_opened.database && opener.m_logExisted)
                opener.m_opened.database->setCheckpointOnClose(false);
            return checked.error();
        }
    }
    if (Result<void> configured = opener.configure(); !configured)
        return configured.error();

    opener.m_opened.path = opener.m_path;
    opener.m_opened.created = *created;
    return std::move(opener.m_opened);
}

Result<bool> LibraryOpener::createIfMissing(Library::OpenMode mode)
{
    const QFileInfo info(m_path);
    if (info.exists() || info.isSymLink())
        return false;
    if (mode == Library::OpenMode::OpenExisting)
        return Error{tr("The library %1 does not exist.").arg(fileName())};
    return create();
}

// Builds the new library in a hidden file beside its final name and renames it into place, which
// never replaces a file: if another process created the library meanwhile, that one is opened.
Result<bool> LibraryOpener::create()
{
    const QFileInfo info(m_path);
    const QString folder = info.absolutePath();
    if (!QDir().mkpath(folder))
        return cannotCreate(tr("the folder %1 could not be made").arg(QDir::toNativeSeparators(folder)));
    if (!hasWriteBit(folder) || !isAccessible(folder, W_OK | X_OK))
        return cannotCreate(tr("its folder is read-only"));

    QTemporaryFile file(folder + QLatin1String("/.") + info.fileName() + QLatin1String(".new-XXXXXX"));
    if (!file.open())
        return cannotCreate(file.errorString());
    {
        Result<std::unique_ptr<Database>> database = Database::open(file.fileName(), SQLITE_OPEN_READWRITE);
        if (!database)
            return cannotCreate(database.errorMessage());
        if (!Schema::migrate(**database))
            return cannotCreate((*database)->lastErrorDetail());
    }   // closed before it moves into place
    if (!file.rename(m_path)) {
        if (QFileInfo::exists(m_path))
            return false;
        return cannotCreate(file.errorString());
    }
    file.setAutoRemove(false);
    return true;
}

Result<void> LibraryOpener::lock()
{
    if (QFileInfo(m_path).isDir())
        return notALibrary(tr("it is a folder"));
    m_opened.lock = std::make_unique<FileLock>(m_path);
    switch (m_opened.lock->lock()) {
    case FileLock::Outcome::Locked:
        return {};
    case FileLock::Outcome::HeldElsewhere:
        return Error{tr("The library %1 is already open in another Quire window or command.").arg(fileName())};
    case FileLock::Outcome::Failed:
        break;
    }
    return Error{tr("The library %1 could not be read: %2.").arg(fileName(), m_opened.lock->errorString())};
}

Result<void> LibraryOpener::checkHeader()
{
    const int fd = m_opened.lock->descriptor();
    struct stat info = {};
    if (::fstat(fd, &info) != 0)
        return Error{tr("The library %1 could not be read: %2.").arg(fileName(), QString::fromLocal8Bit(strerror(errno)))};
    if (info.st_size == 0)
        return notALibrary(tr("the file is empty"));

    QByteArray bytes(FileHeader::Size, Qt::Uninitialized);
    const ssize_t read = ::pread(fd, bytes.data(), size_t(bytes.size()), 0);
    if (read < 0)
        return Error{tr("The library %1 could not be read: %2.").arg(fileName(), QString::fromLocal8Bit(strerror(errno)))};
    bytes.truncate(qsizetype(read));

    const FileHeader header(bytes);
    if (!header.isSqlite())
        return header.isTruncatedMagic() ? damaged() : notALibrary(tr("not an SQLite database"));
    if (header.pageSize() == 0 || info.st_size < header.pageSize())
        return damaged();
    // Pages still in a write-ahead log may legitimately lie beyond the end of the file (a
    // checkpoint interrupted by a crash); SQLite reads those from the log.
    m_logExisted = fileSize(m_path + QLatin1String("-wal")) > 0;
    if (!m_logExisted && info.st_size < header.expectedSize())
        return damaged();

    // The version in the header is the one last written into the file; checkContents() asks
    // SQLite again, which also sees a log.
    if (header.applicationId() != 0 && header.applicationId() != Schema::ApplicationId)
        return notALibrary(tr("an SQLite database of another program"));
    if (header.applicationId() == Schema::ApplicationId && header.userVersion() > quint32(Library::SchemaVersion)) {
        return Error{tr("The library %1 was made by a newer version of Quire (library format %2, this Quire reads up to %3).")
                             .arg(fileName()).arg(header.userVersion()).arg(Library::SchemaVersion)};
    }
    return {};
}

Result<void> LibraryOpener::checkWritable()
{
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!hasWriteBit(m_path) || !isAccessible(m_path, W_OK))
        return readOnly(tr("the file is write-protected"));
    // SQLite keeps its write-ahead log and shared-memory index in files beside the library.
    if (!hasWriteBit(folder) || !isAccessible(folder, W_OK | X_OK))
        return readOnly(tr("its folder is write-protected, and Quire keeps a journal beside the library"));
    return {};
}

Result<void> LibraryOpener::connect()
{
    // No SQLITE_OPEN_CREATE: an existing file is never replaced by a new database.
    Result<std::unique_ptr<Database>> database = Database::open(m_path, SQLITE_OPEN_READWRITE);
    if (!database) {
        return Error{tr("The library %1 could not be opened: %2.").arg(fileName(),
                                                                     database.errorMessage())};
    }
    m_opened.database = std::move(*database);
    if (m_opened.database->isReadOnly())
        return readOnly(tr("SQLite can only read it"));
    // Neither of these writes to the file.
    return m_opened.database->exec("PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON");
}

Result<void> LibraryOpener::checkContents()
{
    Database &database = *m_opened.database;
    const Result<qint64> version = database.queryInt("PRAGMA user_version");
    if (!version)
        return contentsError(version.error());
    const Result<qint64> application = database.queryInt("PRAGMA application_id");
    if (!application)
        return contentsError(application.error());
    const Result<qint64> objects = database.queryInt("SELECT count(*) FROM sqlite_schema");
    if (!objects)
        return contentsError(objects.error());

    if (*version == 0 || *application != Schema::ApplicationId) {
        return notALibrary(*objects == 0 ? tr("an empty SQLite database")
                                         : tr("an SQLite database of another program"));
    }
    if (*version > Library::SchemaVersion) {
        return Error{tr("The library %1 was made by a newer version of Quire (library format %2, this Quire reads up to %3).")
                             .arg(fileName()).arg(*version).arg(Library::SchemaVersion)};
    }
    return {};
}

Error LibraryOpener::contentsError(const Error &error) const
{
    switch (m_opened.database->lastErrorCode()) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return damaged();
    default:
        return error;
    }
}

// From here on the library is Quire's to write.
Result<void> LibraryOpener::configure()
{
    Database &database = *m_opened.database;
    const Result<QString> journal = database.queryText("PRAGMA journal_mode = WAL");
    if (!journal)
        return contentsError(journal.error());
    if (journal->compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        // Some network file systems cannot share memory between processes; the library still
        // works, with a rollback journal.
        qWarning("Quire: the library %s stays in %s journal mode", qPrintable(fileName()), qPrintable(*journal));
    }
    if (Result<void> synchronous = database.exec("PRAGMA synchronous = NORMAL"); !synchronous)
        return synchronous;
    if (Result<void> migrated = Schema::migrate(database); !migrated)
        return contentsError(migrated.error());
    return {};
}

Error LibraryOpener::notALibrary(const QString &reason) const
{
    return Error{tr("The file %1 is not a Quire library (%2).").arg(fileName(), reason)};
}

Error LibraryOpener::damaged() const
{
    return Error{tr("The library %1 is damaged (truncated or corrupt).").arg(fileName())};
}

Error LibraryOpener::readOnly(const QString &reason) const
{
    return Error{tr("The library %1 is read-only (%2).").arg(fileName(), reason)};
}

Error LibraryOpener::cannotCreate(const QString &reason) const
{
    return Error{tr("The library %1 could not be created: %2.").arg(fileName(), reason)};
}

QString LibraryOpener::fileName() const
{
    return QDir::toNativeSeparators(m_path);
}

} // namespace quire
