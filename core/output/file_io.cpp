#include "output/file_io.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace quire {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("quire::OwnedFolder", text);
}

Error writeError(const QString &path, const QFileDevice &file)
{
    if (file.error() == QFileDevice::ResourceError)
        return Error{tr("The disk is full: %1 could not be written.").arg(nativePath(path))};
    return Error{tr("%1 could not be written: %2").arg(nativePath(path), file.errorString())};
}

} // namespace

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("%1 cannot be read: %2").arg(nativePath(path), file.errorString())};
    QByteArray content = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return Error{tr("%1 cannot be read: %2").arg(nativePath(path), file.errorString())};
    return content;
}

Result<void> writeFileWhole(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(path, file);
    if (file.write(content) != content.size()) {
        const Error error = writeError(path, file);
        file.cancelWriting();
        return error;
    }
    if (!file.commit())
        return writeError(path, file);
    return {};
}

Result<void> writeFileInPlace(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        return writeError(path, file);
    file.close();
    if (file.error() != QFileDevice::NoError)
        return writeError(path, file);
    return {};
}

} // namespace quire
