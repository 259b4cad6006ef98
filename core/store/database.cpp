#include "store/database.h"

#include "store/text_collation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStringView>
#include <QtDebug>

#include <sqlite3.h>

namespace quire {

namespace {

int collate(void *, int leftBytes, const void *left, int rightBytes, const void *right)
{
    return TextCollation::compare(QStringView(static_cast<const char16_t *>(left), leftBytes / 2),
                                  QStringView(static_cast<const char16_t *>(right), rightBytes / 2));
}

QString describe(const QString &path, int code, const QString &detail)
{
    const QString file = QDir::toNativeSeparators(path);
    switch (code) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return QCoreApplication::translate("quire::Database", "The library %1 is damaged (truncated or corrupt): %2.")
                .arg(file, detail);
    case SQLITE_FULL:
        return QCoreApplication::translate("quire::Database", "The disk holding the library %1 is full: %2.")
                .arg(file, detail);
    case SQLITE_READONLY:
        return QCoreApplication::translate("quire::Database", "The library %1 is read-only: %2.").arg(file, detail);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return QCoreApplication::translate("quire::Database", "The library %1 is busy in another program: %2.")
                .arg(file, detail);
    default:
        return QCoreApplication::translate("quire::Database", "Quire could not use the library %1: %2.")
                .arg(file, detail);
    }
}

} // namespace

Database::Database(const QString &path, sqlite3 *handle)
    : m_path(path), m_handle(handle)
{
}

Database::~Database()
{
    for (sqlite3_stmt *statement : std::as_const(m_freeStatements))
        sqlite3_finalize(statement);
    if (!m_checkpointOnClose)
        sqlite3_db_config(m_handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    // close_v2 waits for statements still alive instead of failing with SQLITE_BUSY.
    sqlite3_close_v2(m_handle);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, int flags)
{
    sqlite3 *handle = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &handle, flags, nullptr);
    // Even a failed open hands back a connection that holds the message and must be closed.
    std::unique_ptr<Database> database(new Database(path, handle));
    if (rc != SQLITE_OK)
        return database->failure(rc);
    sqlite3_extended_result_codes(handle, 1);
    const int collation = sqlite3_create_collation_v2(handle, TextCollation::Name, SQLITE_UTF16_ALIGNED, nullptr,
                                                      collate, nullptr);
    if (collation != SQLITE_OK)
        return database->failure(collation);
    return database;
}

Error Database::failure(int code, const QString &detail)
{
    m_lastErrorCode = code & 0xff;
    m_lastErrorDetail = detail;
    if (m_lastErrorDetail.isEmpty()) {
        m_lastErrorDetail = m_handle ? QString::fromUtf8(sqlite3_errmsg(m_handle))
                                     : QString::fromUtf8(sqlite3_errstr(code));
    }
    return Error{describe(m_path, m_lastErrorCode, m_lastErrorDetail)};
}

Result<Statement> Database::prepare(QByteArrayView sql)
{
    // Taken out of the cache while in use, so that two live Statements never share one.
    if (sqlite3_stmt *statement = m_freeStatements.take(sql.toByteArray()))
        return Statement(this, statement);

    sqlite3_stmt *statement = nullptr;
    const int rc = sqlite3_prepare_v3(m_handle, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &statement, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(statement);
        return failure(rc);
    }
    if (!statement)   // only whitespace or comments: a bug at the call site, reported not asserted
        return failure(SQLITE_MISUSE, QStringLiteral("empty SQL statement"));
    return Statement(this, statement);
}

void Database::recycle(sqlite3_stmt *statement)
{
    constexpr qsizetype MaxFreeStatements = 64;   // PostStore::list builds a few dozen variants at most
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    const QByteArray sql(sqlite3_sql(statement));
    if (m_freeStatements.size() < MaxFreeStatements && !m_freeStatements.contains(sql))
        m_freeStatements.insert(sql, statement);
    else
        sqlite3_finalize(statement);
}

Result<void> Database::exec(const QByteArray &sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_handle, sql.constData(), nullptr, nullptr, &message);
    const QString detail = QString::fromUtf8(message);
    sqlite3_free(message);
    if (rc != SQLITE_OK)
        return failure(rc, detail);
    return {};
}

Result<qint64> Database::queryInt(QByteArrayView sql)
{
    Result<Statement> statement = prepare(sql);
    if (!statement)
        return statement.error();
    const Result<bool> row = statement->step();
    if (!row)
        return row.error();
    return *row ? statement->int64(0) : 0;
}

Result<QString> Database::queryText(QByteArrayView sql)
{
    Result<Statement> statement = prepare(sql);
    if (!statement)
        return statement.error();
    const Result<bool> row = statement->step();
    if (!row)
        return row.error();
    return *row ? statement->text(0) : QString();
}

qint64 Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_handle);
}

int Database::changes() const
{
    return sqlite3_changes(m_handle);
}

bool Database::isReadOnly() const
{
    return sqlite3_db_readonly(m_handle, "main") == 1;
}

Result<void> Database::transaction(const std::function<Result<void>()> &work)
{
    // The outermost level is a real transaction, taken IMMEDIATE so that a busy library fails at
    // the start rather than at the first write; inner levels are savepoints so that a failing
    // inner step can be undone while the outer work goes on.
    const QByteArray savepoint = m_transactionDepth == 0
            ? QByteArray() : "quire_" + QByteArray::number(m_transactionDepth);
    if (Result<void> begun = exec(savepoint.isEmpty() ? "BEGIN IMMEDIATE" : "SAVEPOINT " + savepoint); !begun)
        return begun;

    ++m_transactionDepth;
    Result<void> result = work();
    --m_transactionDepth;

    if (result) {
        Result<void> ended = exec(savepoint.isEmpty() ? "COMMIT" : "RELEASE " + savepoint);
        if (ended)
            return ended;
        result = ended;
    }
    rollback(savepoint);
    return result;
}

void Database::rollback(const QByteArray &savepoint)
{
    // SQLite may already have rolled everything back by itself (disk full, I/O error).
    if (sqlite3_get_autocommit(m_handle))
        return;
    const QByteArray sql = savepoint.isEmpty()
            ? QByteArray("ROLLBACK") : "ROLLBACK TO " + savepoint + "; RELEASE " + savepoint;
    const int lastCode = m_lastErrorCode;
    const QString lastDetail = m_lastErrorDetail;
    if (!exec(sql))
        qWarning("Quire: could not roll back a library transaction: %s", sqlite3_errmsg(m_handle));
    // The failure that caused the rollback is the one to report.
    m_lastErrorCode = lastCode;
    m_lastErrorDetail = lastDetail;
}

} // namespace quire
