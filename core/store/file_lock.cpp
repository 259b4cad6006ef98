#include "store/file_lock.h"

#include <QFile>
#include <QMutex>
#include <QMutexLocker>
#include <QSet>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace quire {

namespace {

using FileId = std::pair<dev_t, ino_t>;

// The library files this process holds open.
struct OpenFiles
{
    QMutex mutex;
    QSet<FileId> files;
};

OpenFiles &openFiles()
{
    static OpenFiles instance;
    return instance;
}

QString errnoString(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

FileLock::FileLock(const QString &path)
    : m_path(path)
{
}

FileLock::~FileLock()
{
    release();
}

FileLock::Outcome FileLock::lock()
{
    release();
    const QByteArray name = QFile::encodeName(m_path);
    struct stat info = {};
    if (::stat(name.constData(), &info) != 0) {
        m_errorString = errnoString(errno);
        return Outcome::Failed;
    }
    {
        OpenFiles &open = openFiles();
        QMutexLocker locker(&open.mutex);
        if (open.files.contains({info.st_dev, info.st_ino}))
            return Outcome::HeldElsewhere;
        open.files.insert({info.st_dev, info.st_ino});
    }
    m_device = info.st_dev;
    m_inode = info.st_ino;
    m_registered = true;

    m_fd = ::open(name.constData(), O_RDONLY | O_CLOEXEC);
    if (m_fd < 0) {
        m_errorString = errnoString(errno);
        release();
        return Outcome::Failed;
    }
    if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        release();
        if (error == EWOULDBLOCK)
            return Outcome::HeldElsewhere;
        m_errorString = errnoString(error);
        return Outcome::Failed;
    }
    return Outcome::Locked;
}

void FileLock::release()
{
    // Closing the descriptor releases the flock() as well.
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (m_registered) {
        OpenFiles &open = openFiles();
        QMutexLocker locker(&open.mutex);
        open.files.remove({m_device, m_inode});
        m_registered = false;
    }
}

} // namespace quire
