#pragma once

#include "result.h"
#include "theme/theme.h"

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
    Result<QList<Theme>> list();
    Result<std::optional<Theme>> find(const QString &name);
    // Inserts the theme or replaces it and all its files. The caller opens the transaction.
    Result<void> save(const Theme &theme, const QDateTime &now);

private:
    Database &m_database;
};

} // namespace quire
