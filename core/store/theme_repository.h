#pragma once

#include "result.h"
#include "store/theme_record.h"

#include <QDateTime>

#include <QList>
#include <QString>

#include <optional>

namespace quire {

class Database;

// The themes and theme_files tables.
class ThemeRepository
{
public:
    explicit ThemeRepository(Database &database);

    // Every theme, by name, without files.
    Result<QList<ThemeRecord>> list();
    Result<std::optional<ThemeRecord>> find(const QString &name);
    // Inserts the theme or replaces it and all its files. The caller opens the transaction.
    Result<void> save(const ThemeRecord &theme, const QDateTime &now);

private:
    Database &m_database;
};

} // namespace quire
