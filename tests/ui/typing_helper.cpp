// A writer who types and is then killed: the helper process for tst_main_window's
// killedWhileTypingLosesAtMostASecond. Opens Quire's window on the library given, starts a new
// post and types into it, one character every 20 ms, printing after each "MONOTONIC_MS CHARS"
// (std::chrono::steady_clock, shared by every process of the machine), until it is killed.

#include "editor/editor_view.h"
#include "preview/web_engine_setup.h"
#include "setup/library_setup.h"
#include "store/library.h"
#include "window/main_window.h"

#include <QApplication>
#include <QKeyEvent>
#include <QTest>

#include <chrono>
#include <cstdio>

int main(int argc, char *argv[])
{
    quire::WebEngineSetup::prepare();
    QApplication app(argc, argv);
    auto library = quire::LibrarySetup::open(app.arguments().value(1));
    if (!library) {
        std::fprintf(stderr, "%s\n", qPrintable(library.errorMessage()));
        return 1;
    }
    quire::MainWindow window(std::move(*library));
    window.show();
    if (!window.newPost())
        return 1;
    window.editor()->setFocus();
    const QString text = QStringLiteral("Never lose a word: the quick brown fox jumps over the lazy dog. ");
    for (int i = 0;; ++i) {
        const QString character = text.mid(i % text.size(), 1);
        QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, character);
        QApplication::sendEvent(window.editor(), &press);
        const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now().time_since_epoch()).count();
        std::printf("%lld %d\n", static_cast<long long>(now), i + 1);
        std::fflush(stdout);
        QTest::qWait(20);
    }
}
