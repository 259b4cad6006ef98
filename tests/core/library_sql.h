#pragma once

// For the suites that change a library file the way another tool (or an older Quire) would:
// they link SQLite themselves.

#include <QFile>
#include <QString>
#include <QTest>

#include <sqlite3.h>

namespace CoreTest {

// Runs sql on the library file at path through a connection of its own; fails the test with
// SQLite's message when it cannot.
inline void execSql(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
    char *error = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
    const QString message = error ? QString::fromUtf8(error) : QString();
    sqlite3_free(error);
    sqlite3_close(db);
    QVERIFY2(rc == SQLITE_OK, qPrintable(message));
}

} // namespace CoreTest
