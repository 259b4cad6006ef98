#include "store/setting_store.h"

#include "store/settings_repository.h"
#include "store/store_context.h"

#include <QMutexLocker>

namespace quire {

SettingStore::SettingStore(StoreContext &context)
    : m_context(context), m_settings(std::make_unique<SettingsRepository>(context.database()))
{
}

SettingStore::~SettingStore() = default;

QLatin1String SettingStore::key(Setting setting)
{
    switch (setting) {
    case Setting::SiteTitle:
        return QLatin1String("site.title");
    case Setting::SiteDescription:
        return QLatin1String("site.description");
    case Setting::SiteAuthor:
        return QLatin1String("site.author");
    case Setting::SiteBaseUrl:
        return QLatin1String("site.base_url");
    case Setting::SiteLanguage:
        return QLatin1String("site.language");
    case Setting::SitePostsPerPage:
        return QLatin1String("site.posts_per_page");
    case Setting::SitePermalink:
        return QLatin1String("site.permalink");
    case Setting::ExportFolder:
        return QLatin1String("export.folder");
    case Setting::ExportDrafts:
        return QLatin1String("export.drafts");
    case Setting::ImportFolder:
        return QLatin1String("import.folder");
    case Setting::MarkdownExportFolder:
        return QLatin1String("markdown-export.folder");
    case Setting::MarkdownExportFlavor:
        return QLatin1String("markdown-export.flavor");
    case Setting::SpellingLanguage:
        return QLatin1String("spell.language");
    }
    Q_UNREACHABLE();
}

Result<QString> SettingStore::value(Setting setting, const QString &fallback) const
{
    QMutexLocker locker(&m_context.mutex());
    const Result<std::optional<QString>> value = m_settings->value(key(setting));
    if (!value)
        return value.error();
    return value->value_or(fallback);
}

Result<void> SettingStore::set(Setting setting, const QString &value)
{
    QMutexLocker locker(&m_context.mutex());
    return m_settings->setValue(key(setting), value);
}

} // namespace quire
