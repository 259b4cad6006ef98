#pragma once

#include "output/folder_record.h"
#include "result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace quire {

// How one kind of folder keeps its FolderRecord on disk. The three formats Quire has written
// (the site's binary manifest, the publish and the export JSON) stay as they are, so that every
// folder Quire wrote before keeps working; OwnedFolder does everything else once, for all three.
// A format only converts: it does not check paths (OwnedFolder drops the ones that lead out).
class ManifestFormat
{
public:
    virtual ~ManifestFormat() = default;

    // Where the manifest is, relative to the folder. Quire never writes or removes a file of the
    // folder by that name, nor one inside the manifest's folder when it has one (".quire/").
    virtual QString fileName() const = 0;
    // The record the bytes hold; nothing when they are not this format (damaged, or written by
    // another version of Quire).
    virtual std::optional<FolderRecord> parse(const QByteArray &bytes) const = 0;
    // The bytes of record: the same record gives the same bytes, so an unchanged folder is not
    // rewritten. What the format does not keep (hashes, for the export) is left out.
    virtual QByteArray serialize(const FolderRecord &record) const = 0;
    // What to tell the writer of a manifest at path that parse() refuses: what it means for this
    // kind of folder and how to go on.
    virtual Error damaged(const QString &path) const = 0;
};

} // namespace quire
