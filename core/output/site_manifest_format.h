#pragma once

#include "output/manifest_format.h"

namespace quire {

// The manifest of a site build's output folder, .quire/manifest: binary (QDataStream), because a
// site of 10,000 posts has 13,000 entries, read and written on every build. Every entry keeps the
// input key a page was made from (so an unchanged page need not be rendered again), and the
// record's data is the builder's memory of its inputs.
class SiteManifestFormat : public ManifestFormat
{
public:
    static QString name() { return QStringLiteral(".quire/manifest"); }

    QString fileName() const override { return name(); }
    std::optional<FolderRecord> parse(const QByteArray &bytes) const override;
    QByteArray serialize(const FolderRecord &record) const override;
    Error damaged(const QString &path) const override;
};

} // namespace quire
