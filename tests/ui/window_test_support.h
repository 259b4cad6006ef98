#pragma once

#include "preview/web_engine_setup.h"
#include "setup/library_setup.h"
#include "store/library.h"
#include "webengine/preview_view.h"
#include "window/main_window.h"

#include "web_wait.h"

#include <QApplication>
#include <QDebug>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEnginePage>

#include <memory>

// What the suites that open Quire's window share.
namespace WindowTest {

// Quire's window on the library at path (created when missing), shown and exposed; nullptr after
// saying why.
inline std::unique_ptr<quire::MainWindow> open(const QString &path)
{
    auto library = quire::LibrarySetup::open(path);
    if (!library) {
        qWarning() << library.errorMessage();
        return nullptr;
    }
    auto window = std::make_unique<quire::MainWindow>(std::move(*library));
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

// The window's preview (made now if need be), as the WebEngine view the suites link.
inline quire::PreviewView *preview(quire::MainWindow &window)
{
    return qobject_cast<quire::PreviewView *>(window.preview());
}

// The value of script in page (invalid when it gives none within 10 s).
inline QVariant evaluate(QWebEnginePage *page, const QString &script)
{
    return WebWait::evaluate(page, script);
}

// The value of script in the window's preview page.
inline QVariant evaluate(quire::MainWindow &window, const QString &script)
{
    return evaluate(preview(window)->page(), script);
}

} // namespace WindowTest

// main() for a suite that opens Quire's window: settings and libraries in a throwaway home, and
// WebEngine prepared before the application exists, as Quire's own main() does.
#define QUIRE_WINDOW_TEST_MAIN(TestClass)                                                          \
    int main(int argc, char *argv[])                                                               \
    {                                                                                              \
        QTemporaryDir home;                                                                        \
        qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());             \
        qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());                 \
        qputenv("XDG_CACHE_HOME", home.filePath(QStringLiteral("cache")).toUtf8());               \
        quire::WebEngineSetup::prepare();                                                          \
        QApplication app(argc, argv);                                                              \
        QApplication::setApplicationName(QStringLiteral("Quire"));                                \
        TestClass test;                                                                            \
        return QTest::qExec(&test, argc, argv);                                                    \
    }
