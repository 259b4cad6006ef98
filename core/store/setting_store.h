#pragma once

#include "result.h"
#include "store/setting.h"

#include <QLatin1String>
#include <QString>

#include <memory>

namespace quire {

class SettingsRepository;
class StoreContext;

// The library's settings by typed key: no caller outside store/ spells a key, so none can
// misspell one.
class SettingStore
{
public:
    explicit SettingStore(StoreContext &context);
    ~SettingStore();
    SettingStore(const SettingStore &) = delete;
    SettingStore &operator=(const SettingStore &) = delete;

    // The stored text, or fallback when the library has none.
    Result<QString> value(Setting setting, const QString &fallback = {}) const;
    Result<void> set(Setting setting, const QString &value);

    // The key the settings table keeps it under ("site.title").
    static QLatin1String key(Setting setting);

private:
    StoreContext &m_context;
    std::unique_ptr<SettingsRepository> m_settings;
};

} // namespace quire
