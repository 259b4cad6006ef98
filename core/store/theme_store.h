#pragma once

#include "result.h"
#include "store/theme_record.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace quire {

class SettingsRepository;
class StoreContext;
class ThemeRepository;

// The library's themes and which of them the site uses. Quire's built-in themes are installed
// and upgraded by the set-up step (LibrarySetup); a theme the user brings never replaces one of
// them, and is never changed by an upgrade.
class ThemeStore
{
public:
    explicit ThemeStore(StoreContext &context);
    ~ThemeStore();
    ThemeStore(const ThemeStore &) = delete;
    ThemeStore &operator=(const ThemeStore &) = delete;

    // The theme a library uses until another is chosen: "paper".
    static QString defaultName();

    Result<QList<ThemeRecord>> list() const;                            // by name, without files
    Result<std::optional<ThemeRecord>> find(const QString &name) const;  // with its files
    // Stores a theme the user brings, as theirs (builtin is ignored). Replaces an earlier theme
    // of theirs of the same name; refuses the name of a built-in theme.
    Result<void> saveUserTheme(const ThemeRecord &theme);
    // Stores one of Quire's own themes (set-up only), replacing the stored one of that name.
    Result<void> saveBuiltin(const ThemeRecord &theme);

    // The name of the theme the site uses (defaultName() until one is chosen). It may name a
    // theme the library no longer holds: SiteTheme decides what a build does then.
    Result<QString> activeName() const;
    // Refuses a name the library holds no theme of.
    Result<void> setActive(const QString &name);

private:
    StoreContext &m_context;
    std::unique_ptr<ThemeRepository> m_themes;
    std::unique_ptr<SettingsRepository> m_settings;
};

} // namespace quire
