#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace quire {

// One file of a folder Quire owns, as its manifest records it.
struct OwnedFile
{
    QByteArray hash;       // contentHash() of what Quire wrote
    qint64 size = -1;
    QByteArray inputKey;   // what a site build made the file from (SiteOutput::isCurrent); empty elsewhere
    // False where the manifest records names only (the Markdown export's): a file there is then
    // taken to be as Quire wrote it. Where it is true, a hash or size the manifest lacks or
    // garbles matches no file, so such a file is never removed.
    bool knowsContent = true;
};

// What a manifest says about its folder, whatever its format on disk: every file Quire wrote
// there, by path relative to the folder, and what the writer keeps for itself (the site
// builder's memory of its inputs; empty for the others).
struct FolderRecord
{
    QHash<QString, OwnedFile> files;
    QByteArray data;
};

} // namespace quire
