#pragma once

#include <QString>

#include <sys/types.h>

namespace quire {

// Marks a library file as in use for as long as the FileLock lives: an exclusive flock() on a
// descriptor of the file itself, which other Quire processes see and which the kernel drops if
// Quire crashes. flock() does not touch the fcntl() locks SQLite uses.
//
// Within one process the file is also recorded in a table, so that a second open is refused
// before any descriptor is opened: closing any descriptor of a file drops every fcntl() lock the
// process holds on it, which would pull the locks out from under the first connection.
class FileLock
{
public:
    enum class Outcome { Locked, HeldElsewhere, Failed };

    explicit FileLock(const QString &path);
    ~FileLock();
    FileLock(const FileLock &) = delete;
    FileLock &operator=(const FileLock &) = delete;

    // Opens the file read-only and takes the lock without waiting.
    Outcome lock();
    // Why lock() failed with Outcome::Failed (strerror of errno).
    QString errorString() const { return m_errorString; }

    // The locked, read-only descriptor, or -1 (for reading the header without another open).
    int descriptor() const { return m_fd; }

private:
    void release();

    QString m_path;
    QString m_errorString;
    int m_fd = -1;
    dev_t m_device = 0;
    ino_t m_inode = 0;
    bool m_registered = false;
};

} // namespace quire
