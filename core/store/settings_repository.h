#pragma once

#include "result.h"

#include <QString>

#include <optional>

namespace quire {

class Database;

// The settings table: plain key/value text.
class SettingsRepository
{
public:
    explicit SettingsRepository(Database &database);

    Result<std::optional<QString>> value(const QString &key);
    // Inserts or replaces.
    Result<void> setValue(const QString &key, const QString &value);

private:
    Database &m_database;
};

} // namespace quire
