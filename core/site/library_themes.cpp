#include "site/library_themes.h"

#include "store/library.h"
#include "store/theme_store.h"

namespace quire {

ThemeRecord LibraryThemes::record(const Theme &theme)
{
    return ThemeRecord{theme.manifest.name, theme.manifest.version, theme.manifest.toJson(), theme.builtin, theme.files};
}

Result<Theme> LibraryThemes::fromRecord(const ThemeRecord &record)
{
    Result<ThemeManifest> manifest = ThemeManifest::parse(record.manifest);
    if (!manifest)
        return Error{tr("The theme \"%1\" in the library is damaged: %2").arg(record.name, manifest.errorMessage())};
    Theme theme;
    theme.manifest = *manifest;
    theme.files = record.files;
    theme.builtin = record.builtin;
    return theme;
}

Result<QList<Theme>> LibraryThemes::list(const Library &library)
{
    Result<QList<ThemeRecord>> records = library.themes().list();
    if (!records)
        return records.error();
    QList<Theme> themes;
    for (const ThemeRecord &record : std::as_const(*records)) {
        Result<Theme> theme = fromRecord(record);
        if (!theme)
            return theme.error();
        themes.append(*theme);
    }
    return themes;
}

Result<std::optional<Theme>> LibraryThemes::find(const Library &library, const QString &name)
{
    Result<std::optional<ThemeRecord>> record = library.themes().find(name);
    if (!record)
        return record.error();
    if (!*record)
        return std::optional<Theme>();
    Result<Theme> theme = fromRecord(**record);
    if (!theme)
        return theme.error();
    return std::optional<Theme>(*theme);
}

Result<void> LibraryThemes::import(Library &library, const Theme &theme)
{
    return library.themes().saveUserTheme(record(theme));
}

} // namespace quire
