#pragma once

#include "output/manifest_format.h"

namespace quire {

// The record of a folder a site is published to, .quire-publish.json, readable by the people who
// look after that folder: {"format": 1, "about": …, "files": {path: {"hash": hex, "size": n}}}.
// The hashes let the publisher leave alone a file someone changed after it was published.
class PublishManifestFormat : public ManifestFormat
{
public:
    static QString name() { return QStringLiteral(".quire-publish.json"); }

    QString fileName() const override { return name(); }
    std::optional<FolderRecord> parse(const QByteArray &bytes) const override;
    QByteArray serialize(const FolderRecord &record) const override;
    Error damaged(const QString &path) const override;
};

} // namespace quire
