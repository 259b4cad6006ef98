// Build-time math and code rendering throughput: Markdown -> MarkdownRenderer -> MathCodeRenderer.
//
//   bench_math [FOLDER]
//
// Reads every .md file under FOLDER (by default a 1000-post corpus made with
// QUIRE_SHARED_DIR/bench/gen_corpus.py in a temporary folder, as bench_render does), then renders
// every post twice through one RenderWorker (node) and one RenderCache: cold (empty cache, node
// not yet started) and warm (everything cached). Also times the engine alone: all formulas in
// one batch, then all code blocks in one batch, through a fresh worker.

#include "bench_corpus.h"
#include "markdown/markdown_renderer.h"
#include "render/math_code_renderer.h"
#include "render/render_cache.h"
#include "render/render_worker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

#include <vector>

using namespace quire;

namespace {

struct Pass
{
    double seconds = 0;
    qsizetype problems = 0;
    qsizetype checksum = 0;
};

// Markdown and math/code for every post, as a site build would do it. Empty on an Error.
std::optional<Pass> renderAll(const std::vector<BenchCorpus::Post> &bodies, MathCodeRenderer &renderer)
{
    Pass pass;
    QElapsedTimer timer;
    timer.start();
    for (const BenchCorpus::Post &body : bodies) {
        MarkdownRenderer::Options options;
        options.firstLine = body.firstLine;
        auto output = renderer.render(MarkdownRenderer::renderUtf8(body.markdown, options).html);
        if (!output) {
            BenchCorpus::err() << output.errorMessage() << Qt::endl;
            return std::nullopt;
        }
        pass.problems += output->problems.size();
        pass.checksum += output->html.size();
    }
    pass.seconds = double(timer.nsecsElapsed()) / 1e9;
    return pass;
}

// The formulas and code blocks of all posts, as the renderer would request them.
void collectRequests(const std::vector<BenchCorpus::Post> &bodies, QList<RenderRequest> &math, QList<RenderRequest> &code)
{
    static const QRegularExpression element(QStringLiteral(
        R"re(<span class="math (inline|display)">([^<]*)</span>|<div class="math display"[^>]*>([^<]*)</div>)re"
        R"re(|<pre[^>]*><code class="language-([^"]*)">([^<]*)</code></pre>)re"));
    const auto unescape = [](QString text) {
        return text.replace(u"&lt;"_qs, u"<"_qs).replace(u"&gt;"_qs, u">"_qs)
            .replace(u"&quot;"_qs, u"\""_qs).replace(u"&amp;"_qs, u"&"_qs);
    };
    for (const BenchCorpus::Post &body : bodies) {
        MarkdownRenderer::Options options;
        options.firstLine = body.firstLine;
        const QString html = MarkdownRenderer::renderUtf8(body.markdown, options).html;
        for (auto it = element.globalMatch(html); it.hasNext();) {
            const auto match = it.next();
            if (match.capturedStart(1) >= 0)
                math.append({RenderRequest::Kind::Math, unescape(match.captured(2)), match.captured(1) == u"display"_qs, {}});
            else if (match.capturedStart(3) >= 0)
                math.append({RenderRequest::Kind::Math, unescape(match.captured(3)), true, {}});
            else
                code.append({RenderRequest::Kind::Code, unescape(match.captured(5)), false, unescape(match.captured(4))});
        }
    }
}

// One batch through a worker that is already running; seconds, or a negative value on an Error.
double timeBatch(RenderWorker &worker, const QList<RenderRequest> &requests)
{
    QElapsedTimer timer;
    timer.start();
    auto results = worker.render(requests);
    if (!results) {
        BenchCorpus::err() << results.errorMessage() << Qt::endl;
        return -1;
    }
    return double(timer.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QTemporaryDir scratch;
    const auto corpus = BenchCorpus::load(app.arguments().value(1), scratch);
    if (!corpus)
        return 1;
    const std::vector<BenchCorpus::Post> &bodies = *corpus;
    QList<RenderRequest> math;
    QList<RenderRequest> code;
    collectRequests(bodies, math, code);

    RenderWorker worker;
    RenderCache cache;
    MathCodeRenderer renderer(worker, cache);
    const auto cold = renderAll(bodies, renderer);
    const qint64 coldMisses = cache.misses();
    const auto warm = renderAll(bodies, renderer);
    if (!cold || !warm)
        return 1;

    RenderWorker engine;
    QElapsedTimer startTimer;
    startTimer.start();
    if (!engine.render({RenderRequest{RenderRequest::Kind::Math, QStringLiteral("x"), false, {}}})) {
        BenchCorpus::err() << "the render worker did not start" << Qt::endl;
        return 1;
    }
    const double startSeconds = double(startTimer.nsecsElapsed()) / 1e9;
    const double mathSeconds = timeBatch(engine, math);
    const double codeSeconds = timeBatch(engine, code);
    if (mathSeconds < 0 || codeSeconds < 0)
        return 1;

    const double items = double(math.size() + code.size());
    BenchCorpus::out() << QString::asprintf("posts: %zu, formulas: %lld, code blocks: %lld, distinct rendered (cold misses): %lld, problems: %lld\n",
                               bodies.size(), (long long)math.size(), (long long)code.size(),
                               (long long)coldMisses, (long long)cold->problems);
    BenchCorpus::out() << QString::asprintf("cold (empty cache, node start included): %.2f s total, %.0f formulas+blocks/s\n",
                               cold->seconds, items / cold->seconds);
    BenchCorpus::out() << QString::asprintf("warm (all cached): %.3f s total, %.0f formulas+blocks/s (cache hits %lld)\n",
                               warm->seconds, items / warm->seconds, (long long)cache.hits());
    BenchCorpus::out() << QString::asprintf("engine alone: node start + libraries %.3f s; math %.0f formulas/s (%.3f ms each); "
                               "code %.0f blocks/s (%.3f ms each)\n",
                               startSeconds, double(math.size()) / mathSeconds, 1000 * mathSeconds / double(math.size()),
                               double(code.size()) / codeSeconds, 1000 * codeSeconds / double(code.size()));
    BenchCorpus::out() << QString::asprintf("(checksum %lld)\n", (long long)(cold->checksum + warm->checksum));
    return 0;
}
