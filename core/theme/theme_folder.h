#pragma once

#include "result.h"
#include "theme/theme.h"

#include <QString>

namespace quire {

// A theme as a folder on disk (or in Quire's resources): theme.json, templates/, static/.
class ThemeFolder
{
public:
    // Limits that keep a hostile folder from filling the library.
    static constexpr int MaxFiles = 2000;
    static constexpr qint64 MaxFileBytes = 8 * 1024 * 1024;
    static constexpr qint64 MaxTotalBytes = 64 * 1024 * 1024;

    // Reads the theme in dir and checks it: a valid theme.json, every required template, every
    // template compiling. Symbolic links are refused (they could reach outside the folder);
    // files other than theme.json, templates/ and static/ are left out.
    static Result<Theme> read(const QString &dir);

    // Writes the theme's files into dir, which must not exist or be empty. Each file is written
    // whole (to a temporary name, then renamed).
    static Result<void> write(const Theme &theme, const QString &dir);

    // Checks a theme's files as read() does: used for themes from any source.
    static Result<void> check(const Theme &theme);
};

} // namespace quire
