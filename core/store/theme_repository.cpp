#include "store/theme_repository.h"

#include "store/database.h"

namespace quire {

namespace {

ThemeRecord themeFromRow(const Statement &row)
{
    ThemeRecord theme;
    theme.name = row.text(1);
    theme.version = row.text(2);
    theme.manifest = row.blob(3);
    theme.builtin = row.int64(4) != 0;
    return theme;
}

} // namespace

ThemeRepository::ThemeRepository(Database &database)
    : m_database(database)
{
}

Result<QList<ThemeRecord>> ThemeRepository::list()
{
    Result<Statement> query = m_database.prepare("SELECT id, name, version, manifest, builtin FROM themes ORDER BY name");
    if (!query)
        return query.error();
    QList<ThemeRecord> themes;
    Result<void> read = query->forEachRow([&] { themes.append(themeFromRow(*query)); });
    if (!read)
        return read.error();
    return themes;
}

Result<std::optional<ThemeRecord>> ThemeRepository::find(const QString &name)
{
    Result<Statement> query = m_database.prepare("SELECT id, name, version, manifest, builtin FROM themes WHERE name = ?1");
    if (!query)
        return query.error();
    query->bindText(1, name);
    const Result<bool> row = query->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<ThemeRecord>();
    ThemeRecord theme = themeFromRow(*query);
    const qint64 id = query->int64(0);

    Result<Statement> files = m_database.prepare("SELECT path, data FROM theme_files WHERE theme_id = ?1");
    if (!files)
        return files.error();
    files->bindInt(1, id);
    Result<void> read = files->forEachRow([&] { theme.files.insert(files->text(0), files->blob(1)); });
    if (!read)
        return read.error();
    return std::optional<ThemeRecord>(std::move(theme));
}

Result<void> ThemeRepository::save(const ThemeRecord &theme, const QDateTime &now)
{
    Result<Statement> upsert = m_database.prepare(
            "INSERT INTO themes (name, version, manifest, builtin, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)"
            " ON CONFLICT (name) DO UPDATE SET version = excluded.version, manifest = excluded.manifest,"
            " builtin = excluded.builtin, updated_at = excluded.updated_at RETURNING id");
    if (!upsert)
        return upsert.error();
    upsert->bindText(1, theme.name);
    upsert->bindText(2, theme.version);
    upsert->bindText(3, QString::fromUtf8(theme.manifest));
    upsert->bindInt(4, theme.builtin ? 1 : 0);
    upsert->bindTime(5, now);
    const Result<bool> row = upsert->step();
    if (!row)
        return row.error();
    const qint64 id = upsert->int64(0);
    upsert->reset();

    Result<Statement> clear = m_database.prepare("DELETE FROM theme_files WHERE theme_id = ?1");
    if (!clear)
        return clear.error();
    clear->bindInt(1, id);
    if (Result<void> cleared = clear->run(); !cleared)
        return cleared;
    Result<Statement> insert = m_database.prepare("INSERT INTO theme_files (theme_id, path, data) VALUES (?1, ?2, ?3)");
    if (!insert)
        return insert.error();
    for (auto it = theme.files.cbegin(); it != theme.files.cend(); ++it) {
        insert->reset();
        insert->bindInt(1, id);
        insert->bindText(2, it.key());
        insert->bindBlob(3, it.value());
        if (Result<void> inserted = insert->run(); !inserted)
            return inserted;
    }
    return {};
}

} // namespace quire
