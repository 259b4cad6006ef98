#pragma once

#include "preview/web_engine_setup.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QTest>

// main() for a suite that opens Quire's window: settings and libraries in a throwaway home, and
// WebEngine prepared before the application exists, as Quire's own main() does.
#define QUIRE_WINDOW_TEST_MAIN(TestClass)                                                          \
    int main(int argc, char *argv[])                                                               \
    {                                                                                              \
        QTemporaryDir home;                                                                        \
        qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());             \
        qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());                 \
        quire::WebEngineSetup::prepare();                                                          \
        QApplication app(argc, argv);                                                              \
        QApplication::setApplicationName(QStringLiteral("Quire"));                                \
        TestClass test;                                                                            \
        return QTest::qExec(&test, argc, argv);                                                    \
    }
