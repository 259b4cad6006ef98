#include "output/publish_manifest_format.h"

#include "output/file_io.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace quire {

namespace {

constexpr int FormatVersion = 1;

} // namespace

std::optional<FolderRecord> PublishManifestFormat::parse(const QByteArray &bytes) const
{
    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    if (!document.isObject() || document.object().value(QLatin1String("format")).toInt() != FormatVersion)
        return std::nullopt;
    const QJsonObject files = document.object().value(QLatin1String("files")).toObject();
    FolderRecord record;
    for (auto it = files.constBegin(); it != files.constEnd(); ++it) {
        const QJsonObject entry = it.value().toObject();
        OwnedFile file;
        // A missing or garbled hash reads as one that matches no content: never removed.
        file.hash = QByteArray::fromHex(entry.value(QLatin1String("hash")).toString().toLatin1());
        file.size = qint64(entry.value(QLatin1String("size")).toDouble(-1));
        record.files.insert(it.key(), file);
    }
    return record;
}

QByteArray PublishManifestFormat::serialize(const FolderRecord &record) const
{
    QJsonObject files;
    for (auto it = record.files.cbegin(); it != record.files.cend(); ++it) {
        files.insert(it.key(), QJsonObject{{QStringLiteral("hash"), QString::fromLatin1(it->hash.toHex())},
                                           {QStringLiteral("size"), double(it->size)}});
    }
    const QJsonObject manifest{{QStringLiteral("format"), FormatVersion},
                               {QStringLiteral("about"), QStringLiteral("Files Quire published here; Quire only ever removes these.")},
                               {QStringLiteral("files"), files}};
    return QJsonDocument(manifest).toJson(QJsonDocument::Indented);
}

Error PublishManifestFormat::damaged(const QString &path) const
{
    return Error{QCoreApplication::translate("quire::FolderPublisher",
                                             "%1 is damaged, so Quire cannot tell which files it published there; delete"
                                             " it and publish again (files from earlier publishes are then left in place).")
                         .arg(nativePath(path))};
}

} // namespace quire
