#include "store/theme_store.h"

#include "store/settings_repository.h"
#include "store/store_context.h"
#include "store/theme_repository.h"

#include <QCoreApplication>
#include <QMutexLocker>

namespace quire {

namespace {

// Which theme the site uses, in the settings table.
const QLatin1String ActiveKey("theme");

} // namespace

ThemeStore::ThemeStore(StoreContext &context)
    : m_context(context),
      m_themes(std::make_unique<ThemeRepository>(context.database())),
      m_settings(std::make_unique<SettingsRepository>(context.database()))
{
}

ThemeStore::~ThemeStore() = default;

QString ThemeStore::defaultName()
{
    return QStringLiteral("paper");
}

Result<QList<ThemeRecord>> ThemeStore::list() const
{
    QMutexLocker locker(&m_context.mutex());
    return m_themes->list();
}

Result<std::optional<ThemeRecord>> ThemeStore::find(const QString &name) const
{
    QMutexLocker locker(&m_context.mutex());
    return m_themes->find(name);
}

Result<void> ThemeStore::saveUserTheme(const ThemeRecord &theme)
{
    QMutexLocker locker(&m_context.mutex());
    return m_context.transaction([&]() -> Result<void> {
        Result<std::optional<ThemeRecord>> existing = m_themes->find(theme.name);
        if (!existing)
            return existing.error();
        if (*existing && (*existing)->builtin)
            return Error{QCoreApplication::translate("quire::Library",
                    "\"%1\" is the name of a built-in theme; give your copy another name in its theme.json.")
                    .arg(theme.name)};
        ThemeRecord copy = theme;
        copy.builtin = false;
        return m_themes->save(copy, m_context.now());
    });
}

Result<void> ThemeStore::saveBuiltin(const ThemeRecord &theme)
{
    QMutexLocker locker(&m_context.mutex());
    ThemeRecord builtin = theme;
    builtin.builtin = true;
    return m_context.transaction([&]() -> Result<void> { return m_themes->save(builtin, m_context.now()); });
}

Result<QString> ThemeStore::activeName() const
{
    QMutexLocker locker(&m_context.mutex());
    const Result<std::optional<QString>> name = m_settings->value(ActiveKey);
    if (!name)
        return name.error();
    return name->value_or(defaultName());
}

Result<void> ThemeStore::setActive(const QString &name)
{
    QMutexLocker locker(&m_context.mutex());
    Result<std::optional<ThemeRecord>> found = m_themes->find(name);
    if (!found)
        return found.error();
    if (!*found)
        return Error{QCoreApplication::translate("quire::Library", "There is no theme called \"%1\".").arg(name)};
    return m_settings->setValue(ActiveKey, name);
}

} // namespace quire
