#pragma once

#include "result.h"
#include "store/statement.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QString>

#include <functional>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace quire {

// One SQLite connection, closed when the Database goes away. Every SQLite failure comes back as
// an Error naming the library file and SQLite's own explanation; lastErrorCode() keeps the
// SQLite result code for callers that must tell "damaged" from "busy".
class Database
{
public:
    // Opens path with sqlite3_open_v2 flags (SQLITE_OPEN_READWRITE, maybe SQLITE_OPEN_CREATE).
    static Result<std::unique_ptr<Database>> open(const QString &path, int flags);

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QString path() const { return m_path; }

    // A statement for sql, reused from an earlier call with the same text when one is free.
    Result<Statement> prepare(QByteArrayView sql);
    // Runs one or more statements that take no parameters (schema scripts, pragmas).
    Result<void> exec(const QByteArray &sql);
    // The first column of the first row of sql, e.g. a PRAGMA; 0 or "" when there is no row.
    Result<qint64> queryInt(QByteArrayView sql);
    Result<QString> queryText(QByteArrayView sql);

    qint64 lastInsertId() const;
    int changes() const;
    bool isReadOnly() const;

    // Runs work in a transaction (BEGIN IMMEDIATE), or in a savepoint when one is already open,
    // so that nested calls work: committed or released when work succeeds, rolled back otherwise.
    Result<void> transaction(const std::function<Result<void>()> &work);
    bool inTransaction() const { return m_transactionDepth > 0; }

    // Whether closing may checkpoint the write-ahead log into the file (the default). Turned off
    // when Quire refuses a file it found with a log beside it, so that the file stays untouched.
    void setCheckpointOnClose(bool enabled) { m_checkpointOnClose = enabled; }

    // Records code and turns the connection's current error into an Error; detail replaces
    // SQLite's message when given.
    Error failure(int code, const QString &detail = {});
    int lastErrorCode() const { return m_lastErrorCode; }   // primary SQLite result code
    QString lastErrorDetail() const { return m_lastErrorDetail; }   // SQLite's own words

private:
    friend class Statement;

    Database(const QString &path, sqlite3 *handle);
    // Takes back a statement that went out of scope, to be reused by prepare().
    void recycle(sqlite3_stmt *statement);
    void rollback(const QByteArray &savepoint);

    QString m_path;
    sqlite3 *m_handle = nullptr;
    int m_lastErrorCode = 0;
    QString m_lastErrorDetail;
    int m_transactionDepth = 0;
    bool m_checkpointOnClose = true;
    // Preparing costs more than running most of Quire's statements, so they are kept by SQL text.
    QHash<QByteArray, sqlite3_stmt *> m_freeStatements;
};

} // namespace quire
