#pragma once

#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <functional>
#include <optional>

struct sqlite3_stmt;

namespace quire {

class Database;

// One prepared SQL statement, handed back to its Database for reuse when it goes out of scope
// (it must not outlive the Database). Parameters are 1-based ("?1") or named (":name"); columns
// are 0-based. A failed bind is remembered and reported by the next step(), so call sites can
// bind without checking each call.
class Statement
{
public:
    Statement(Database *database, sqlite3_stmt *statement);
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    // Text is always bound as text: a null QString becomes '' (columns are NOT NULL text).
    void bindText(int index, const QString &value);
    void bindInt(int index, qint64 value);
    void bindBlob(int index, const QByteArray &value);
    void bindNull(int index);
    void bindTime(int index, const QDateTime &value);              // NULL when invalid
    void bindOptionalInt(int index, const std::optional<qint64> &value);

    void bindText(const char *name, const QString &value);
    void bindInt(const char *name, qint64 value);

    // Advances to the next row: true when a row is ready, false when the statement is done.
    Result<bool> step();
    // Runs the statement to its end, for statements that change data.
    Result<void> run();
    // Steps through every row, calling readRow while the statement stands on it.
    Result<void> forEachRow(const std::function<void()> &readRow);
    // Makes the statement ready to run again with new bindings.
    void reset();

    bool isNull(int column) const;
    QString text(int column) const;
    qint64 int64(int column) const;
    QByteArray blob(int column) const;
    QDateTime time(int column) const;                               // invalid when NULL
    std::optional<qint64> optionalInt(int column) const;

private:
    void release();
    int parameterIndex(const char *name);
    void checkBind(int resultCode);

    Database *m_database = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    int m_bindError = 0;   // the first failed bind, reported by step()
};

} // namespace quire
