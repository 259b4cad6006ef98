#include "output/path_kind.h"

#include <QFile>

#include <sys/stat.h>

namespace quire {

PathKind pathKind(const QString &path, qint64 *size)
{
    struct stat info;
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
        return PathKind::Missing;
    if (S_ISREG(info.st_mode)) {
        if (size)
            *size = info.st_size;
        return PathKind::File;
    }
    return S_ISDIR(info.st_mode) ? PathKind::Directory : PathKind::Other;
}

} // namespace quire
