#include "site/site_theme.h"

#include "site/library_themes.h"
#include "store/library.h"
#include "store/theme_store.h"
#include "theme/builtin_themes.h"

#include <algorithm>

namespace quire {

Result<SiteTheme> SiteTheme::ofLibrary(const Library &library)
{
    const Result<QString> name = library.themes().activeName();
    if (!name)
        return name.error();
    const Result<std::optional<ThemeRecord>> record = library.themes().find(*name);
    if (!record)
        return record.error();
    if (!*record)
        return fallback(*name, tr("the library does not hold it"));
    Result<Theme> theme = LibraryThemes::fromRecord(**record);
    if (!theme)
        return fallback(*name, theme.errorMessage());
    Result<ThemeTemplates> templates = ThemeTemplates::compile(*theme);
    if (!templates)
        return fallback(*name, templates.errorMessage());
    SiteTheme active;
    active.m_theme = std::move(*theme);
    active.m_templates = std::move(*templates);
    return active;
}

Result<SiteTheme> SiteTheme::builtin()
{
    const Result<QList<Theme>> shipped = BuiltinThemes::shipped();
    if (!shipped)
        return shipped.error();
    const QString name = ThemeStore::defaultName();
    const auto found = std::find_if(shipped->cbegin(), shipped->cend(),
                                    [&](const Theme &theme) { return theme.manifest.name == name; });
    if (found == shipped->cend())
        return Error{tr("Quire's built-in theme “%1” is missing from this build of Quire.").arg(name)};
    Result<ThemeTemplates> templates = ThemeTemplates::compile(*found);
    if (!templates)
        return templates.error();
    SiteTheme theme;
    theme.m_theme = *found;
    theme.m_templates = std::move(*templates);
    return theme;
}

Result<SiteTheme> SiteTheme::fallback(const QString &name, const QString &why)
{
    Result<SiteTheme> theme = builtin();
    if (theme)
        theme->m_fallbackReason = tr("The theme “%1” cannot be used (%2); Quire's built-in theme “%3” stands in for it.")
                                      .arg(name, why, theme->m_theme.manifest.name);
    return theme;
}

} // namespace quire
