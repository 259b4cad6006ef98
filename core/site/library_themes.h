#pragma once

#include "result.h"
#include "store/theme_record.h"
#include "theme/theme.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace quire {

class Library;

// The library's themes as Theme values. store/ keeps a theme as rows (ThemeRecord) and knows
// nothing of what its theme.json says; theme/ knows nothing of the library. They meet here.
class LibraryThemes
{
    Q_DECLARE_TR_FUNCTIONS(quire::Library)

public:
    static Result<QList<Theme>> list(const Library &library);                          // without files
    static Result<std::optional<Theme>> find(const Library &library, const QString &name);   // with files
    // Stores a theme the user brings as theirs; refuses the name of a built-in theme.
    static Result<void> import(Library &library, const Theme &theme);

    static ThemeRecord record(const Theme &theme);
    // An error names the theme when its stored theme.json cannot be read.
    static Result<Theme> fromRecord(const ThemeRecord &record);
};

} // namespace quire
