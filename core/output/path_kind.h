#pragma once

#include <QString>

namespace quire {

// What is at a path, without following a symbolic link. The folders Quire writes (a site, a
// published copy, a Markdown export) are never written through a link, so a link is Other.
enum class PathKind { Missing, File, Directory, Other };

// size: set to the file's size when it is a File.
PathKind pathKind(const QString &path, qint64 *size = nullptr);

} // namespace quire
