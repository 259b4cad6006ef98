#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

namespace quire {

// Reading and writing one file of a folder Quire owns, with errors that name the file and say
// what went wrong in the writer's words (a full disk is said as such, not as "write error").
// These do not check the path: OwnedFolder does that before it calls them.

// The whole file.
Result<QByteArray> readFile(const QString &path);

// Written beside the old file and renamed over it (QSaveFile): a reader sees the old file or the
// new one, whole, at every moment, even after a crash or a full disk.
Result<void> writeFileWhole(const QString &path, const QByteArray &content);

// Truncated and written where it is, with no temporary file and no sync: for files nobody reads
// until they are renamed into place or recorded as finished (a site build's staging folder, the
// first build of a site), where a synced rename per file would make a large build slow.
Result<void> writeFileInPlace(const QString &path, const QByteArray &content);

// The path as the writer's system writes it, for messages.
QString nativePath(const QString &path);

} // namespace quire
