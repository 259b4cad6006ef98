// Keystroke-to-preview latency, as a writer sees it, in the real window:
//
//   xvfb-run -a build/tests/bench/bench_typing [WORDS] [KEYS]
//
// Generates one post of WORDS words (default 10000) with code and math
// (QUIRE_SHARED_DIR/bench/gen_corpus.py --n 1 --words WORDS), opens it in Quire's window, waits
// for the preview, then types KEYS characters (default 200) into the middle of the post, one
// every 40 ms, each as a key event to the editor. The latency of a keystroke runs from just
// before its key event to the preview page's requestAnimationFrame acknowledgment of the first
// update that holds it. Prints p50, p95 and max in milliseconds.

#include "bench_corpus.h"
#include "editor/editor_view.h"
#include "interchange/blog_importer.h"
#include "preview/web_engine_setup.h"
#include "setup/library_setup.h"
#include "store/library.h"
#include "webengine/preview_view.h"
#include "window/main_window.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

#include <algorithm>
#include <chrono>
#include <deque>

using namespace quire;

namespace {

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[index];
}

bool generate(const QString &folder, int words)
{
    QProcess python;
    python.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    python.start(QStringLiteral("python3"), {QStringLiteral(QUIRE_SHARED_DIR "/bench/gen_corpus.py"), QStringLiteral("--n"),
                                             QStringLiteral("1"), QStringLiteral("--words"), QString::number(words),
                                             QStringLiteral("--out"), folder});
    return python.waitForFinished(120000) && python.exitCode() == 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QTemporaryDir scratch;
    qputenv("XDG_CONFIG_HOME", scratch.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", scratch.filePath(QStringLiteral("data")).toUtf8());
    WebEngineSetup::prepare();
    QApplication app(argc, argv);
    const int words = app.arguments().value(1, QStringLiteral("10000")).toInt();
    const int keys = app.arguments().value(2, QStringLiteral("200")).toInt();

    const QString corpus = scratch.filePath(QStringLiteral("corpus"));
    if (!generate(corpus, words)) {
        BenchCorpus::err() << "gen_corpus.py failed" << Qt::endl;
        return 1;
    }
    const QString path = scratch.filePath(QStringLiteral("bench.quire"));
    {
        auto created = LibrarySetup::open(path);
        if (!created || !BlogImporter(**created).importFolder(corpus)) {
            BenchCorpus::err() << "could not make the library" << Qt::endl;
            return 1;
        }
    }
    // Opened again, so that the window does not add its welcome post to a new library.
    auto library = LibrarySetup::open(path);
    if (!library) {
        BenchCorpus::err() << library.errorMessage() << Qt::endl;
        return 1;
    }
    MainWindow window(std::move(*library));
    window.resize(1600, 1000);
    window.show();
    auto *preview = qobject_cast<PreviewView *>(window.preview());
    EditorView *editor = window.editor();

    std::deque<qint64> pending;   // key times not yet on screen
    std::vector<double> latencies;
    bool painted = false;
    QObject::connect(preview, &PreviewView::painted, &app, [&](qint64 requestedAt) {
        painted = true;
        const qint64 now = nowNs();
        while (!pending.empty() && pending.front() <= requestedAt) {
            latencies.push_back(double(now - pending.front()) / 1e6);
            pending.pop_front();
        }
    });
    // The post is shown and its preview painted once (math rendered: the cache is warm after).
    if (!QTest::qWaitFor([&] { return painted && editor->toPlainText().size() > 1000; }, 60000)) {
        BenchCorpus::err() << "the preview did not show the post" << Qt::endl;
        return 1;
    }
    QTest::qWait(1000);

    // Type at the end of a paragraph in the middle of the post.
    QTextBlock block = editor->document()->findBlockByNumber(editor->document()->blockCount() / 2);
    while (block.isValid() && (block.text().isEmpty() || !block.text().at(0).isLetter()))
        block = block.next();
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::EndOfBlock);
    editor->setTextCursor(cursor);
    editor->setFocus();
    std::vector<double> keyCosts;
    const QString text = QStringLiteral(" the quick brown fox jumps over the lazy dog and");
    for (int i = 0; i < keys; ++i) {
        const QString character = text.mid(i % text.size(), 1);
        QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, character);
        QKeyEvent release(QEvent::KeyRelease, Qt::Key_unknown, Qt::NoModifier, character);
        pending.push_back(nowNs());
        QElapsedTimer keyTimer;
        keyTimer.start();
        QApplication::sendEvent(editor, &press);
        QApplication::sendEvent(editor, &release);
        keyCosts.push_back(double(keyTimer.nsecsElapsed()) / 1e6);
        QTest::qWait(40);
    }
    if (!QTest::qWaitFor([&] { return pending.empty(); }, 10000))
        BenchCorpus::err() << pending.size() << " keystrokes never reached the preview" << Qt::endl;
    if (latencies.empty()) {
        BenchCorpus::err() << "no keystroke reached the preview" << Qt::endl;
        return 1;
    }
    BenchCorpus::out() << "post: " << words << " words, " << editor->toPlainText().size() << " characters; "
                       << latencies.size() << " of " << keys << " keystrokes measured" << Qt::endl;
    BenchCorpus::out() << "keystroke -> preview painted: p50 " << QString::number(percentile(latencies, 0.5), 'f', 1)
                       << " ms, p95 " << QString::number(percentile(latencies, 0.95), 'f', 1) << " ms, max "
                       << QString::number(*std::max_element(latencies.begin(), latencies.end()), 'f', 1) << " ms"
                       << Qt::endl;
    return 0;
}
