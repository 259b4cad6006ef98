// Markdown rendering throughput on one thread.
//
//   bench_render [FOLDER]
//
// Reads every .md file under FOLDER (by default a 1000-post corpus made with
// QUIRE_SHARED_DIR/bench/gen_corpus.py in a temporary folder), splits off the front matter,
// then renders all bodies again and again for at least a second and prints MB/s of Markdown.

#include "bench_corpus.h"
#include "markdown/markdown_renderer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <ctime>
#include <vector>

using namespace quire;

namespace {

// Renders every body once; returns a checksum so the work cannot be optimised away.
qsizetype renderAll(const std::vector<BenchCorpus::Post> &bodies)
{
    qsizetype checksum = 0;
    for (const BenchCorpus::Post &body : bodies) {
        MarkdownRenderer::Options options;
        options.firstLine = body.firstLine;
        checksum += MarkdownRenderer::renderUtf8(body.markdown, options).html.size();
    }
    return checksum;
}

// CPU time of this thread: on a shared machine it says more than the wall clock.
double threadSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
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
    const qint64 bytes = BenchCorpus::totalBytes(bodies);

    qsizetype checksum = renderAll(bodies);   // warm-up
    QElapsedTimer timer;
    timer.start();
    const double cpuStart = threadSeconds();
    int iterations = 0;
    while (iterations < 1 || timer.nsecsElapsed() < 1000000000LL) {
        checksum += renderAll(bodies);
        ++iterations;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const double cpuSeconds = threadSeconds() - cpuStart;
    const double megabytes = double(bytes) / 1e6;

    BenchCorpus::out() << QString::asprintf("render: %.1f MB/s on one thread (%.1f MB/s of CPU time)\n",
                               megabytes * iterations / seconds, megabytes * iterations / cpuSeconds);
    BenchCorpus::out() << QString::asprintf("files: %zu, total: %.2f MB of Markdown, iterations: %d, time: %.2f s (checksum %lld)\n",
                               bodies.size(), megabytes, iterations, seconds, (long long)checksum);
    return 0;
}
