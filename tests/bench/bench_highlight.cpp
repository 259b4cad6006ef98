// The editor's Markdown highlighting and spell check on a long post:
//
//   QT_QPA_PLATFORM=offscreen build/tests/bench/bench_highlight [WORDS] [KEYS]
//
// Generates one post of WORDS words (default 50000) with QUIRE_SHARED_DIR/bench/gen_corpus.py,
// then times: loading it into the editor (which highlights every line) without and with spell
// check, turning spell check on over the loaded post, and KEYS keystrokes (default 200) typed in
// the middle of the post, each timed from its key event until the editor has handled it
// (re-highlighting and the line's layout included; Qt highlights synchronously), and re-colouring
// the whole post, as Add to Dictionary does.

#include "bench_corpus.h"
#include "editor/editor_view.h"
#include "editor/markdown_highlighter.h"
#include "spelling/spell_checker.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextBlock>

#include <algorithm>

using namespace quire;

namespace {

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5))];
}

double timeMs(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1e6;
}

void type(EditorView &editor, const QString &character)
{
    QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, character);
    QApplication::sendEvent(&editor, &press);
}

QString ms(double value)
{
    return QString::number(value, 'f', 2) + QStringLiteral(" ms");
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const int words = app.arguments().value(1, QStringLiteral("50000")).toInt();
    const int keys = app.arguments().value(2, QStringLiteral("200")).toInt();
    QTemporaryDir scratch;
    const QString corpus = scratch.filePath(QStringLiteral("corpus"));
    QProcess python;
    python.start(QStringLiteral("python3"), {QStringLiteral(QUIRE_SHARED_DIR "/bench/gen_corpus.py"), QStringLiteral("--n"),
                                             QStringLiteral("1"), QStringLiteral("--words"), QString::number(words),
                                             QStringLiteral("--out"), corpus});
    if (!python.waitForFinished(120000) || python.exitCode() != 0) {
        BenchCorpus::err() << "gen_corpus.py failed (is " QUIRE_SHARED_DIR "/bench there?)" << Qt::endl;
        return 1;
    }
    const auto posts = BenchCorpus::load(corpus, scratch);
    if (!posts)
        return 1;
    const QString text = QString::fromUtf8(posts->front().markdown);

    auto opened = SpellChecker::open(QStringLiteral("en_US"), DictionaryFinder(), scratch.path());
    std::unique_ptr<SpellChecker> checker;
    const double openMs = timeMs([&] {
        opened = SpellChecker::open(QStringLiteral("en_US"), DictionaryFinder(), scratch.path());
    });
    if (!opened) {
        BenchCorpus::err() << opened.errorMessage() << Qt::endl;
        return 1;
    }
    checker = std::move(*opened);

    EditorView editor;
    editor.resize(700, 900);
    editor.show();
    QApplication::processEvents();
    const double plainLoad = timeMs([&] { editor.loadText(text); });
    const double spellOn = timeMs([&] { editor.setSpellChecker(checker.get()); });   // cold word cache
    const double spellLoad = timeMs([&] { editor.loadText(text); });                 // warm word cache

    QTextBlock block = editor.document()->findBlockByNumber(editor.document()->blockCount() / 2);
    while (block.isValid() && (block.text().isEmpty() || !block.text().at(0).isLetter()))
        block = block.next();
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::EndOfBlock);
    editor.setTextCursor(cursor);
    const QString typed = QStringLiteral(" the quick brown fox jumsp over teh lazy dog and");
    std::vector<double> latencies;
    for (int i = 0; i < keys; ++i) {
        latencies.push_back(timeMs([&] { type(editor, typed.mid(i % typed.size(), 1)); }));
        QApplication::processEvents();
    }
    // The highlighter's share of a keystroke: the typed line re-coloured alone.
    MarkdownHighlighter *highlighter = editor.highlighter();
    const QTextBlock typedBlock = editor.textCursor().block();
    const double blockMs = timeMs([&] { highlighter->rehighlightBlock(typedBlock); });
    editor.setSpellChecker(nullptr);
    std::vector<double> plainLatencies;
    for (int i = 0; i < keys; ++i) {
        plainLatencies.push_back(timeMs([&] { type(editor, typed.mid(i % typed.size(), 1)); }));
        QApplication::processEvents();
    }
    editor.setSpellChecker(checker.get());
    // The whole post again, as after Add to Dictionary or Ignore All.
    const double fullMs = timeMs([&] { editor.rehighlight(); });

    BenchCorpus::out() << "post: " << words << " words requested, " << text.size() << " characters, "
                       << editor.document()->blockCount() << " lines" << Qt::endl
                       << "open en_US dictionary: " << ms(openMs) << Qt::endl
                       << "load + highlight, no spell check: " << ms(plainLoad) << Qt::endl
                       << "turn spell check on (cold cache): " << ms(spellOn) << Qt::endl
                       << "load + highlight + spell check (warm cache): " << ms(spellLoad) << Qt::endl
                       << "keystroke incl. rehighlight (" << latencies.size() << " keys): p50 "
                       << ms(percentile(latencies, 0.5)) << ", p95 " << ms(percentile(latencies, 0.95)) << ", max "
                       << ms(*std::max_element(latencies.begin(), latencies.end())) << Qt::endl
                       << "  of which re-colouring the typed line (" << typedBlock.length() << " characters): " << ms(blockMs) << Qt::endl
                       << "keystroke without spell check: p50 " << ms(percentile(plainLatencies, 0.5)) << ", p95 "
                       << ms(percentile(plainLatencies, 0.95)) << Qt::endl
                       << "re-colour the whole post (Add to Dictionary, Ignore All): " << ms(fullMs) << Qt::endl;
    return 0;
}
