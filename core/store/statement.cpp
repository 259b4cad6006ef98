#include "store/statement.h"

#include "store/database.h"
#include "store/timestamp.h"

#include <sqlite3.h>

#include <utility>

namespace quire {

Statement::Statement(Database *database, sqlite3_stmt *statement)
    : m_database(database), m_statement(statement)
{
}

Statement::Statement(Statement &&other) noexcept
    : m_database(other.m_database),
      m_statement(std::exchange(other.m_statement, nullptr)),
      m_bindError(other.m_bindError)
{
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        release();
        m_database = other.m_database;
        m_statement = std::exchange(other.m_statement, nullptr);
        m_bindError = other.m_bindError;
    }
    return *this;
}

Statement::~Statement()
{
    release();
}

void Statement::release()
{
    if (m_statement)
        m_database->recycle(std::exchange(m_statement, nullptr));
}

void Statement::checkBind(int resultCode)
{
    if (resultCode != SQLITE_OK && m_bindError == SQLITE_OK)
        m_bindError = resultCode;
}

void Statement::bindText(int index, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    checkBind(sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT));
}

void Statement::bindInt(int index, qint64 value)
{
    checkBind(sqlite3_bind_int64(m_statement, index, value));
}

void Statement::bindBlob(int index, const QByteArray &value)
{
    // A null QByteArray would bind NULL; a BLOB column wants an empty value instead.
    checkBind(sqlite3_bind_blob64(m_statement, index, value.constData() ? value.constData() : "",
                                  sqlite3_uint64(value.size()), SQLITE_TRANSIENT));
}

void Statement::bindNull(int index)
{
    checkBind(sqlite3_bind_null(m_statement, index));
}

void Statement::bindTime(int index, const QDateTime &value)
{
    if (value.isValid())
        bindText(index, Timestamp::toText(value));
    else
        bindNull(index);
}

void Statement::bindOptionalInt(int index, const std::optional<qint64> &value)
{
    if (value)
        bindInt(index, *value);
    else
        bindNull(index);
}

int Statement::parameterIndex(const char *name)
{
    const int index = sqlite3_bind_parameter_index(m_statement, name);
    if (index == 0)
        checkBind(SQLITE_RANGE);
    return index;
}

void Statement::bindText(const char *name, const QString &value)
{
    if (const int index = parameterIndex(name))
        bindText(index, value);
}

void Statement::bindInt(const char *name, qint64 value)
{
    if (const int index = parameterIndex(name))
        bindInt(index, value);
}

Result<bool> Statement::step()
{
    if (m_bindError != SQLITE_OK)
        return m_database->failure(m_bindError, QString::fromUtf8(sqlite3_errstr(m_bindError)));
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return m_database->failure(rc);
}

Result<void> Statement::run()
{
    return forEachRow([] {});
}

Result<void> Statement::forEachRow(const std::function<void()> &readRow)
{
    for (;;) {
        const Result<bool> row = step();
        if (!row)
            return row.error();
        if (!*row)
            return {};
        readRow();
    }
}

void Statement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    m_bindError = SQLITE_OK;
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    const int size = sqlite3_column_bytes(m_statement, column);
    return data ? QString::fromUtf8(data, size) : QString();
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QByteArray Statement::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_statement, column));
    const int size = sqlite3_column_bytes(m_statement, column);
    return data ? QByteArray(data, size) : QByteArray();
}

QDateTime Statement::time(int column) const
{
    return isNull(column) ? QDateTime() : Timestamp::fromText(text(column));
}

std::optional<qint64> Statement::optionalInt(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

} // namespace quire
