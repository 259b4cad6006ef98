// Markdown rendering throughput on one thread.
//
//   bench_render [FOLDER]
//
// Reads every .md file under FOLDER (by default a 1000-post corpus made with
// QUIRE_SHARED_DIR/bench/gen_corpus.py in a temporary folder), splits off the front matter,
// then renders all bodies again and again for at least a second and prints MB/s of Markdown.

#include "markdown/front_matter.h"
#include "markdown/markdown_renderer.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <ctime>
#include <vector>

using namespace quire;

namespace {

struct Body
{
    QByteArray markdown;
    int firstLine = 1;
};

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

bool generateCorpus(const QString &folder)
{
    const QString generator = QStringLiteral(QUIRE_SHARED_DIR "/bench/gen_corpus.py");
    if (!QFile::exists(generator)) {
        err() << "no corpus folder given and no generator at " << generator << Qt::endl;
        return false;
    }
    QProcess python;
    python.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    python.start(QStringLiteral("python3"), {generator, QStringLiteral("--n"), QStringLiteral("1000"),
                                             QStringLiteral("--out"), folder});
    if (!python.waitForFinished(600000) || python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0) {
        err() << "gen_corpus.py failed" << Qt::endl;
        return false;
    }
    out() << python.readAllStandardOutput();
    return true;
}

std::vector<Body> readBodies(const QString &folder)
{
    std::vector<Body> bodies;
    QDirIterator it(folder, {QStringLiteral("*.md")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const auto parsed = FrontMatter::parse(QString::fromUtf8(file.readAll()));
        if (!parsed) {
            err() << file.fileName() << ": " << parsed.errorMessage() << Qt::endl;
            continue;
        }
        bodies.push_back(Body{parsed->body.toUtf8(), parsed->bodyFirstLine});
    }
    return bodies;
}

// Renders every body once; returns a checksum so the work cannot be optimised away.
qsizetype renderAll(const std::vector<Body> &bodies)
{
    qsizetype checksum = 0;
    for (const Body &body : bodies) {
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
    QTemporaryDir temporary;
    QString folder = app.arguments().value(1);
    if (folder.isEmpty()) {
        folder = temporary.path();
        if (!generateCorpus(folder))
            return 1;
    }

    const std::vector<Body> bodies = readBodies(folder);
    qint64 bytes = 0;
    for (const Body &body : bodies)
        bytes += body.markdown.size();
    if (bodies.empty() || bytes == 0) {
        err() << "no Markdown files under " << folder << Qt::endl;
        return 1;
    }

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

    out() << QString::asprintf("render: %.1f MB/s on one thread (%.1f MB/s of CPU time)\n",
                               megabytes * iterations / seconds, megabytes * iterations / cpuSeconds);
    out() << QString::asprintf("files: %zu, total: %.2f MB of Markdown, iterations: %d, time: %.2f s (checksum %lld)\n",
                               bodies.size(), megabytes, iterations, seconds, (long long)checksum);
    return 0;
}
