#pragma once

// What the core suites share: reading and writing the files a test sets up, and a Result's
// message for QVERIFY2.

#include "result.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QTest>

namespace CoreTest {

// The error a Result holds, empty when it holds a value: for QVERIFY2's message.
template<typename T>
QString messageOf(const quire::Result<T> &result)
{
    return result ? QString() : result.errorMessage();
}

// The file's bytes, empty when it cannot be read.
inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Writes content to path, making its folders; fails the test when it cannot.
inline void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

} // namespace CoreTest
