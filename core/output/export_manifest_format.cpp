#include "output/export_manifest_format.h"

#include "output/file_io.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace quire {

namespace {

constexpr int FormatVersion = 1;

} // namespace

std::optional<FolderRecord> ExportManifestFormat::parse(const QByteArray &bytes) const
{
    const QJsonObject manifest = QJsonDocument::fromJson(bytes).object();
    if (manifest.value(QLatin1String("format")).toInt() != FormatVersion)
        return std::nullopt;
    FolderRecord record;
    OwnedFile file;
    file.knowsContent = false;
    for (const QJsonValue &value : manifest.value(QLatin1String("files")).toArray())
        record.files.insert(value.toString(), file);
    return record;
}

QByteArray ExportManifestFormat::serialize(const FolderRecord &record) const
{
    QStringList files = record.files.keys();
    files.sort();
    QJsonObject manifest;
    manifest.insert(QLatin1String("format"), FormatVersion);
    manifest.insert(QLatin1String("files"), QJsonArray::fromStringList(files));
    return QJsonDocument(manifest).toJson();
}

Error ExportManifestFormat::damaged(const QString &path) const
{
    return Error{QCoreApplication::translate("MarkdownExporter", "%1 is damaged or from another version of Quire.")
                         .arg(nativePath(path))};
}

} // namespace quire
