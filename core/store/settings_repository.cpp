#include "store/settings_repository.h"

#include "store/database.h"

namespace quire {

SettingsRepository::SettingsRepository(Database &database)
    : m_database(database)
{
}

Result<std::optional<QString>> SettingsRepository::value(const QString &key)
{
    Result<Statement> query = m_database.prepare("SELECT value FROM settings WHERE key = ?1");
    if (!query)
        return query.error();
    query->bindText(1, key);
    const Result<bool> row = query->step();
    if (!row)
        return row.error();
    return *row ? std::optional<QString>(query->text(0)) : std::nullopt;
}

Result<void> SettingsRepository::setValue(const QString &key, const QString &value)
{
    Result<Statement> upsert = m_database.prepare(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    if (!upsert)
        return upsert.error();
    upsert->bindText(1, key);
    upsert->bindText(2, value);
    return upsert->run();
}

} // namespace quire
