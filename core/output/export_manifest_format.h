#pragma once

#include "output/manifest_format.h"

namespace quire {

// The list of files a Markdown export wrote, .quire-export.json: {"format": 1, "files": [paths]}.
// Names only: the exported files are the writer's to edit and build, and a later export replaces
// or removes its own files by name (OwnedFile::knowsContent is false).
class ExportManifestFormat : public ManifestFormat
{
public:
    static QString name() { return QStringLiteral(".quire-export.json"); }

    QString fileName() const override { return name(); }
    std::optional<FolderRecord> parse(const QByteArray &bytes) const override;
    QByteArray serialize(const FolderRecord &record) const override;
    Error damaged(const QString &path) const override;
};

} // namespace quire
