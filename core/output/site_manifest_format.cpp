#include "output/site_manifest_format.h"

#include "output/file_io.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QIODevice>
#include <QStringList>

#include <algorithm>

namespace quire {

namespace {

// Format 1: magic, format, entry count, then per entry path, hash, input key and size, then the
// builder's data. Written with Qt 6.4's stream version, whatever Qt reads it.
constexpr quint32 ManifestMagic = 0x51534d46;   // "QSMF"
constexpr quint32 FormatVersion = 1;
constexpr quint32 MaxEntries = 10'000'000;

} // namespace

std::optional<FolderRecord> SiteManifestFormat::parse(const QByteArray &bytes) const
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0, format = 0, count = 0;
    in >> magic >> format >> count;
    if (in.status() != QDataStream::Ok || magic != ManifestMagic || format != FormatVersion || count > MaxEntries)
        return std::nullopt;
    FolderRecord record;
    record.files.reserve(count);
    for (quint32 i = 0; i < count; ++i) {
        QString path;
        OwnedFile file;
        in >> path >> file.hash >> file.inputKey >> file.size;
        if (in.status() != QDataStream::Ok)
            return std::nullopt;
        record.files.insert(path, file);
    }
    in >> record.data;
    if (in.status() != QDataStream::Ok)
        return std::nullopt;
    return record;
}

QByteArray SiteManifestFormat::serialize(const FolderRecord &record) const
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << ManifestMagic << FormatVersion << quint32(record.files.size());
    QStringList paths = record.files.keys();
    std::sort(paths.begin(), paths.end());
    for (const QString &path : std::as_const(paths)) {
        const OwnedFile &file = record.files[path];
        out << path << file.hash << file.inputKey << file.size;
    }
    out << record.data;
    return bytes;
}

Error SiteManifestFormat::damaged(const QString &path) const
{
    return Error{QCoreApplication::translate("quire::SiteOutput",
                                             "%1 is damaged or from another version of Quire; build with --force to"
                                             " replace the site.").arg(nativePath(path))};
}

} // namespace quire
