// Math and code at build time: KaTeX and highlight.js markup in place of Quire's math and code
// elements, TeX errors shown and reported with their line, hostile TeX bounded, the cache, and
// the node worker's failures (restart after a kill, node or a library missing).

#include "core_test_support.h"
#include "markdown/front_matter.h"
#include "markdown/markdown_renderer.h"
#include "render/math_code_renderer.h"
#include "render/render_cache.h"
#include "render/render_worker.h"
#include "setup/library_setup.h"
#include "store/library.h"
#include "store/render_cache_store.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace quire;
using CoreTest::messageOf;

namespace {

// Why the engine cannot run here, or empty when it can.
QString missingEngine()
{
    const RenderWorker::Options defaults;
    if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
        return QStringLiteral("node is not on PATH (Debian package nodejs)");
    if (!QFile::exists(defaults.katexScript))
        return defaults.katexScript + QStringLiteral(" is missing (Debian package libjs-katex)");
    if (!QFile::exists(defaults.highlightScript))
        return defaults.highlightScript + QStringLiteral(" is missing (Debian package libjs-highlight.js)");
    return {};
}

// The error, or nothing: QVERIFY2 builds its message even when the check passes.

#define REQUIRE_ENGINE()                                            \
    do {                                                            \
        if (const QString why = missingEngine(); !why.isEmpty())    \
            QSKIP(qPrintable(why));                                 \
    } while (false)

} // namespace

class TestRender : public QObject
{
    Q_OBJECT

private slots:
    void inlineAndDisplayMath();
    void escapedTexIsUnescapedOnce();
    void texErrorIsShownAndReported();
    void hostileTexIsBounded_data();
    void hostileTexIsBounded();
    void slowFormulaIsStoppedAndNotCached();
    void codeIsHighlightedByItsLanguage();
    void codeWithoutLanguageIsLeftAlone();
    void secondRunComesFromTheCache();
    void libraryCacheRendersOnceAcrossBuilds();
    void timedOutResultIsNotPersisted();
    void workerRestartsAfterBeingKilled();
    void missingNodeIsAClearError();
    void nodeNotOnPathIsAClearError();
    void missingLibraryNamesFileAndPackage_data();
    void missingLibraryNamesFileAndPackage();
    void aWorkerThatDiesIsToldFromOneThatHangs();
    void realPostsHaveEveryFormulaRendered();

private:
    MathCodeRenderer::Output render(const QString &markdown);

    RenderWorker m_worker;
    RenderCache m_cache;
};

MathCodeRenderer::Output TestRender::render(const QString &markdown)
{
    MathCodeRenderer renderer(m_worker, m_cache);
    auto output = renderer.render(MarkdownRenderer::render(markdown).html);
    if (!output)
        qFatal("render failed: %s", qPrintable(output.errorMessage()));
    return *output;
}

void TestRender::inlineAndDisplayMath()
{
    REQUIRE_ENGINE();
    const auto output = render(u"Euler $e^{i\\pi}+1=0$ here\n\n$$\n\\int_0^1 x\\,dx\n$$\n\nText $$x^2$$ inline"_qs);
    QVERIFY2(output.html.contains(u"<p data-line=\"1\">Euler <span class=\"math inline\"><span class=\"katex\">"_qs),
             qPrintable(output.html));
    QVERIFY(output.html.contains(u"<div class=\"math display\" data-line=\"3\"><span class=\"katex-display\">"_qs));
    QVERIFY(output.html.contains(u"<span class=\"math display\"><span class=\"katex-display\">"_qs));
    QVERIFY(!output.html.contains(u"<math"_qs));   // output: "html", no MathML copy
    QVERIFY(output.problems.isEmpty());
    QVERIFY(output.needsKatexCss);
    QVERIFY(!output.needsHighlightCss);
}

void TestRender::escapedTexIsUnescapedOnce()
{
    REQUIRE_ENGINE();
    // The Markdown renderer writes "a&lt;b"; KaTeX must see "a<b", and "\&" must stay an ampersand.
    const auto output = render(u"$a<b \\& c > d$"_qs);
    QVERIFY2(output.problems.isEmpty(), qPrintable(output.problems.value(0).reason));
    QVERIFY(output.html.contains(u"<span class=\"mrel\">&lt;</span>"_qs));
    QVERIFY(output.html.contains(u"&amp;"_qs));
    QVERIFY(!output.html.contains(u"&amp;lt;"_qs));
}

void TestRender::texErrorIsShownAndReported()
{
    REQUIRE_ENGINE();
    const auto output = render(u"Intro\n\n$$\n\\frac{1}{<\n$$\n\nSee $\\badmacro{x}$ here"_qs);
    QCOMPARE(output.problems.size(), 2);
    QCOMPARE(output.problems[0].line, 3);
    QVERIFY(output.problems[0].reason.contains(u"KaTeX parse error"_qs));
    QCOMPARE(output.problems[1].line, 7);
    QVERIFY(output.problems[1].reason.contains(u"badmacro"_qs));
    static const QRegularExpression shown(QStringLiteral(
        R"re(<div class="math display" data-line="3"><span class="math-error" title="KaTeX parse error: [^"<>]+">\\frac\{1\}\{&lt;</span></div>)re"));
    QVERIFY2(shown.match(output.html).hasMatch(), qPrintable(output.html));
    QVERIFY(output.html.contains(u"<span class=\"math inline\"><span class=\"math-error\" title=\""_qs));
    QVERIFY(!output.needsKatexCss);
}

void TestRender::hostileTexIsBounded_data()
{
    QTest::addColumn<QString>("tex");
    QTest::newRow("\\def loop") << u"\\def\\a{\\a}\\a"_qs;
    QTest::newRow("\\def doubling") << u"\\def\\a{\\a\\a}\\a"_qs;
    QTest::newRow("\\def argument growth") << u"\\def\\a#1{\\a{#1#1}}\\a x"_qs;
    QTest::newRow("huge \\rule") << u"\\rule{1000000em}{1em}"_qs;
    QTest::newRow("huge \\kern") << u"a\\kern{1000000em}b"_qs;
    QTest::newRow("100k characters") << QString(100000, u'x');
    QTest::newRow("deep nesting") << QString(5000, u'{') + QString(5000, u'}');
    QTest::newRow("\\href not trusted") << u"\\href{javascript:alert(1)}{x}"_qs;
}

void TestRender::hostileTexIsBounded()
{
    REQUIRE_ENGINE();
    QFETCH(QString, tex);
    QElapsedTimer timer;
    timer.start();
    auto results = m_worker.render({RenderRequest{RenderRequest::Kind::Math, tex, true, {}}});
    QVERIFY2(results, qPrintable(messageOf(results)));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    const RenderResult &result = results->at(0);
    QVERIFY(!result.error.isEmpty() || result.html.size() < 200000);
    QVERIFY(!result.html.contains(u"javascript:"_qs));
    QVERIFY(!result.html.contains(u"1000000em"_qs));

    // The worker survives and still renders.
    auto after = m_worker.render({RenderRequest{RenderRequest::Kind::Math, u"x^2"_qs, false, {}}});
    QVERIFY2(after, qPrintable(messageOf(after)));
    QVERIFY(after->at(0).html.contains(u"katex"_qs));
}

void TestRender::slowFormulaIsStoppedAndNotCached()
{
    REQUIRE_ENGINE();
    RenderWorker::Options options;
    options.requestTimeoutMs = 1;
    RenderWorker worker(options);
    RenderCache cache;
    MathCodeRenderer renderer(worker, cache);
    QString slow;
    for (int i = 0; i < 1500; ++i)
        slow += u"\\frac{a}{b}"_qs;
    auto output = renderer.render(u"<div class=\"math display\" data-line=\"4\">"_qs + slow + u"</div>"_qs);
    QVERIFY2(output, qPrintable(messageOf(output)));
    QCOMPARE(output->problems.size(), 1);
    QCOMPARE(output->problems[0].line, 4);
    QVERIFY2(output->problems[0].reason.contains(u"took longer than"_qs), qPrintable(output->problems[0].reason));
    QVERIFY(output->html.contains(u"math-error"_qs));
    QCOMPARE(cache.size(), 0);

    // The worker carries on.
    auto after = worker.render({RenderRequest{RenderRequest::Kind::Math, u"x"_qs, false, {}}});
    QVERIFY2(after, qPrintable(messageOf(after)));
    QVERIFY(after->at(0).error.isEmpty() || after->at(0).timedOut);   // 1 ms is tight for any formula
    QCOMPARE(worker.starts(), 1);
}

void TestRender::codeIsHighlightedByItsLanguage()
{
    REQUIRE_ENGINE();
    const auto output = render(
        u"```python\ndef f(x):\n    return \"</script>\" if x < 1 else None\n```\n\n"
        "```cpp\nint main() { return 1 < 2; }\n```\n\n"
        "```nosuchlanguage\nint main() { return \"</script>\" < 2; }\n```\n"_qs);
    QVERIFY2(output.html.contains(u"<pre data-line=\"1\"><code class=\"hljs language-python\"><span class=\"hljs-"_qs),
             qPrintable(output.html));
    QVERIFY(output.html.contains(u"<pre data-line=\"6\"><code class=\"hljs language-cpp\">"_qs));
    QVERIFY(output.html.contains(u"<span class=\"hljs-keyword\">return</span>"_qs));
    // Unknown language: the text stays as it was, escaped, and unmarked (no guessing).
    QVERIFY(output.html.contains(u"<pre data-line=\"10\"><code class=\"language-nosuchlanguage\">"
                                 "int main() { return &quot;&lt;/script&gt;&quot; &lt; 2; }\n</code></pre>"_qs));
    QVERIFY(!output.html.contains(u"</script>"_qs));
    QVERIFY(output.html.contains(u"&lt;/script&gt;"_qs));
    QVERIFY(output.html.contains(u" &lt; "_qs));
    QVERIFY(output.problems.isEmpty());
    QVERIFY(output.needsHighlightCss);
    QVERIFY(!output.needsKatexCss);
}

void TestRender::codeWithoutLanguageIsLeftAlone()
{
    REQUIRE_ENGINE();
    const QString html = MarkdownRenderer::render(u"```\nx < 1\n```\n\n    indented\n\nplain `code`"_qs).html;
    const auto output = render(u"```\nx < 1\n```\n\n    indented\n\nplain `code`"_qs);
    QCOMPARE(output.html, html);
    QVERIFY(!output.needsHighlightCss);
}

void TestRender::secondRunComesFromTheCache()
{
    REQUIRE_ENGINE();
    RenderWorker worker;
    RenderCache cache;
    MathCodeRenderer renderer(worker, cache);
    const QString html = MarkdownRenderer::render(
        u"$a$ and $b$ and $a$\n\n$$\nc\n$$\n\n```python\nx = 1\n```\n"_qs).html;
    auto first = renderer.render(html);
    QVERIFY2(first, qPrintable(messageOf(first)));
    QCOMPARE(cache.size(), 4);
    const qint64 misses = cache.misses();
    QVERIFY(misses >= 4);

    auto second = renderer.render(html);
    QVERIFY(second);
    QCOMPARE(second->html, first->html);
    QCOMPARE(cache.misses(), misses);   // nothing went to the worker
    QCOMPARE(cache.hits(), 4);          // one lookup per distinct formula or block
    QCOMPARE(worker.starts(), 1);

    // The key separates what changes the output.
    const QString version = worker.engineVersion();
    const RenderRequest inlineX{RenderRequest::Kind::Math, u"x"_qs, false, {}};
    const RenderRequest displayX{RenderRequest::Kind::Math, u"x"_qs, true, {}};
    const RenderRequest codeX{RenderRequest::Kind::Code, u"x"_qs, false, u"python"_qs};
    QVERIFY(RenderCache::key(inlineX, version) != RenderCache::key(displayX, version));
    QVERIFY(RenderCache::key(inlineX, version) != RenderCache::key(codeX, version));
    QVERIFY(RenderCache::key(inlineX, version) != RenderCache::key(inlineX, version + u'2'));
}

void TestRender::libraryCacheRendersOnceAcrossBuilds()
{
    REQUIRE_ENGINE();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto library = LibrarySetup::open(dir.filePath(u"library.quire"_qs));
    QVERIFY2(library, qPrintable(messageOf(library)));
    const QString html = MarkdownRenderer::render(
        u"$a$ and $b$ and $a$\n\n$$\nc\n$$\n\n$\\badmacro$\n\n```python\nx = 1\n```\n"_qs).html;

    // First build: everything goes to node, and is written to the library in one flush.
    QString firstHtml;
    {
        RenderWorker worker;
        RenderCache cache(library->get());
        MathCodeRenderer renderer(worker, cache);
        auto first = renderer.render(html);
        QVERIFY2(first, qPrintable(messageOf(first)));
        QCOMPARE(first->problems.size(), 1);
        QCOMPARE(cache.size(), 5);
        QCOMPARE(cache.pendingCount(), 0);   // flushed by render()
        QCOMPARE(worker.starts(), 1);
        firstHtml = first->html;

        const RenderRequest a{RenderRequest::Kind::Math, u"a"_qs, false, {}};
        const QString key = QString::fromLatin1(RenderCache::key(a, worker.engineVersion()).toHex());
        auto stored = (*library)->renderCache().find(key);
        QVERIFY2(stored, qPrintable(messageOf(stored)));
        QVERIFY(stored->has_value());
        QVERIFY((*stored)->html.contains(u"katex"_qs));
    }

    // Next build: a new cache on the same library, and a worker that cannot start at all.
    RenderWorker::Options options;
    options.nodeProgram = u"/nonexistent/quire-test/node"_qs;
    RenderWorker worker(options);
    RenderCache cache(library->get());
    MathCodeRenderer renderer(worker, cache);
    auto second = renderer.render(html);
    QVERIFY2(second, qPrintable(messageOf(second)));
    QCOMPARE(second->html, firstHtml);
    QCOMPARE(second->problems.size(), 1);   // the TeX error is cached too
    QVERIFY(second->needsKatexCss);
    QVERIFY(second->needsHighlightCss);
    QCOMPARE(cache.hits(), 5);
    QCOMPARE(cache.misses(), 0);
    QCOMPARE(worker.starts(), 0);

    // Anything new still needs node.
    QVERIFY(!renderer.render(MarkdownRenderer::render(u"$d$"_qs).html));
}

void TestRender::timedOutResultIsNotPersisted()
{
    REQUIRE_ENGINE();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto library = LibrarySetup::open(dir.filePath(u"library.quire"_qs));
    QVERIFY2(library, qPrintable(messageOf(library)));
    QString slow;
    for (int i = 0; i < 1500; ++i)
        slow += u"\\frac{a}{b}"_qs;
    const QString html = u"<div class=\"math display\" data-line=\"4\">"_qs + slow + u"</div>"_qs;

    RenderWorker::Options options;
    options.requestTimeoutMs = 1;
    RenderWorker worker(options);
    RenderCache cache(library->get());
    MathCodeRenderer renderer(worker, cache);
    auto output = renderer.render(html);
    QVERIFY2(output, qPrintable(messageOf(output)));
    QCOMPARE(output->problems.size(), 1);
    QVERIFY2(output->problems[0].reason.contains(u"took longer than"_qs), qPrintable(output->problems[0].reason));
    QCOMPARE(cache.pendingCount(), 0);

    const RenderRequest request{RenderRequest::Kind::Math, slow, true, {}};
    const QString key = QString::fromLatin1(RenderCache::key(request, worker.engineVersion()).toHex());
    auto stored = (*library)->renderCache().find(key);
    QVERIFY2(stored, qPrintable(messageOf(stored)));
    QVERIFY(!stored->has_value());

    // Even inserted by hand, a timed-out result stays out of the library.
    RenderResult timedOut;
    timedOut.error = u"took longer than 1 ms"_qs;
    timedOut.timedOut = true;
    cache.insert(RenderCache::key(request, worker.engineVersion()), timedOut);
    QCOMPARE(cache.pendingCount(), 0);
    QVERIFY(cache.flush());
    QVERIFY(!(*library)->renderCache().find(key).value().has_value());
}

void TestRender::workerRestartsAfterBeingKilled()
{
    REQUIRE_ENGINE();
    RenderWorker worker;
    const QList<RenderRequest> requests{RenderRequest{RenderRequest::Kind::Math, u"y^3"_qs, false, {}}};
    QVERIFY(worker.render(requests));
    const qint64 pid = worker.processId();
    QVERIFY(pid > 0);
    QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
    QTest::qWait(100);

    auto again = worker.render(requests);
    QVERIFY2(again, qPrintable(messageOf(again)));
    QVERIFY(again->at(0).html.contains(u"katex"_qs));
    QCOMPARE(worker.starts(), 2);
    QVERIFY(worker.processId() != pid);
}

void TestRender::missingNodeIsAClearError()
{
    RenderWorker::Options options;
    options.nodeProgram = u"/nonexistent/quire-test/node"_qs;
    RenderWorker worker(options);
    auto result = worker.render({RenderRequest{RenderRequest::Kind::Math, u"x"_qs, false, {}}});
    QVERIFY(!result);
    QVERIFY2(result.errorMessage().startsWith(u"Quire needs Node.js (package nodejs) to render math and code: "_qs),
             qPrintable(result.errorMessage()));
    QCOMPARE(worker.lastFailure(), RenderWorker::Failure::NodeMissing);
}

void TestRender::nodeNotOnPathIsAClearError()
{
    QTemporaryDir emptyDir;
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", emptyDir.path().toLocal8Bit());
    RenderWorker worker;
    auto result = worker.render({RenderRequest{RenderRequest::Kind::Math, u"x"_qs, false, {}}});
    qputenv("PATH", path);
    QVERIFY(!result);
    QVERIFY2(result.errorMessage().contains(u"Node.js (package nodejs)"_qs), qPrintable(result.errorMessage()));
}

void TestRender::missingLibraryNamesFileAndPackage_data()
{
    QTest::addColumn<bool>("katex");
    QTest::addColumn<QString>("package");
    QTest::newRow("KaTeX") << true << u"libjs-katex"_qs;
    QTest::newRow("highlight.js") << false << u"libjs-highlight.js"_qs;
}

void TestRender::missingLibraryNamesFileAndPackage()
{
    REQUIRE_ENGINE();
    QFETCH(bool, katex);
    QFETCH(QString, package);
    const QString missing = u"/nonexistent/quire-test/library.min.js"_qs;
    RenderWorker::Options options;
    (katex ? options.katexScript : options.highlightScript) = missing;
    RenderWorker worker(options);
    auto result = worker.render({RenderRequest{RenderRequest::Kind::Math, u"x"_qs, false, {}}});
    QVERIFY(!result);
    QVERIFY2(result.errorMessage().contains(missing), qPrintable(result.errorMessage()));
    QVERIFY(result.errorMessage().contains(u"(package "_qs + package + u')'));
    QCOMPARE(worker.lastFailure(), RenderWorker::Failure::LibraryMissing);
    QCOMPARE(worker.missingPackage(), package);
}

void TestRender::aWorkerThatDiesIsToldFromOneThatHangs()
{
    // Stand-ins for node that say they are ready, then die at the first request, or never answer.
    QTemporaryDir dir;
    const auto script = [&](const QString &name, const QByteArray &rest) {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return QString();
        file.write("#!/bin/sh\necho '{\"ready\": true}'\n" + rest);
        file.close();
        file.setPermissions(file.permissions() | QFileDevice::ExeOwner);
        return path;
    };
    const QList<RenderRequest> requests{RenderRequest{RenderRequest::Kind::Math, u"x"_qs, false, {}}};

    RenderWorker::Options dies;
    dies.nodeProgram = script(u"dies"_qs, "read line\nexit 1\n");
    RenderWorker dying(dies);
    QVERIFY(!dying.render(requests));
    QCOMPARE(dying.lastFailure(), RenderWorker::Failure::WorkerDied);
    QCOMPARE(dying.starts(), 2);   // restarted once, then given up

    RenderWorker::Options hangs;
    hangs.nodeProgram = script(u"hangs"_qs, "exec sleep 30\n");
    hangs.idleTimeoutMs = 300;
    RenderWorker hanging(hangs);
    QVERIFY(!hanging.render(requests));
    QCOMPARE(hanging.lastFailure(), RenderWorker::Failure::WorkerStuck);
    QCOMPARE(hanging.processId(), 0);   // not left running
}

void TestRender::realPostsHaveEveryFormulaRendered()
{
    REQUIRE_ENGINE();
    const QString generator = QStringLiteral(QUIRE_SHARED_DIR "/bench/gen_corpus.py");
    if (!QFile::exists(generator))
        QSKIP(qPrintable(u"needs the corpus generator in " QUIRE_SHARED_DIR "/bench"_qs));
    QTemporaryDir folder;
    QProcess python;
    python.start(u"python3"_qs, {generator, u"--n"_qs, u"3"_qs, u"--out"_qs, folder.path()});
    QVERIFY(python.waitForFinished(60000) && python.exitCode() == 0);

    static const QRegularExpression mathElement(QStringLiteral(R"re(<(?:span|div) class="math (?:inline|display)"[^>]*>)re"));
    int posts = 0;
    for (QDirIterator it(folder.path(), {u"*.md"_qs}, QDir::Files, QDirIterator::Subdirectories); it.hasNext();) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto parsed = FrontMatter::parse(QString::fromUtf8(file.readAll()));
        QVERIFY2(parsed, qPrintable(messageOf(parsed)));
        MarkdownRenderer::Options options;
        options.firstLine = parsed->bodyFirstLine;
        const QString html = MarkdownRenderer::render(parsed->body, options).html;
        MathCodeRenderer renderer(m_worker, m_cache);
        auto output = renderer.render(html);
        QVERIFY2(output, qPrintable(messageOf(output)));
        QVERIFY2(output->problems.isEmpty(), qPrintable(output->problems.value(0).reason));

        const qsizetype before = html.count(mathElement);
        QVERIFY(before > 0);
        QCOMPARE(output->html.count(mathElement), before);
        for (auto m = mathElement.globalMatch(output->html); m.hasNext();) {
            const auto match = m.next();
            QVERIFY2(QStringView(output->html).mid(match.capturedEnd()).startsWith(u"<span class=\"katex"),
                     qPrintable(output->html.mid(match.capturedStart(), 120)));
        }
        QVERIFY(output->needsKatexCss);
        ++posts;
    }
    QCOMPARE(posts, 3);
}

QTEST_GUILESS_MAIN(TestRender)
#include "tst_render.moc"
