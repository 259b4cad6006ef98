#pragma once

#include "render/render_request.h"
#include "result.h"

#include <QList>
#include <QString>

#include <memory>

class QProcess;

namespace quire {

// KaTeX and highlight.js in one long-lived `node` process (Debian packages nodejs, libjs-katex,
// libjs-highlight.js), spoken to in newline-delimited JSON. V8 renders a formula in about 0.2 ms,
// many times faster than QJSEngine, and keeping the process saves its start-up on every call.
//
// Not thread-safe: use a worker from one thread only, the one that first calls render() (its node
// process belongs to that thread). Needs no event loop: it waits on the pipes. The process starts
// on the first render(), is started again once if it dies, and ends with the worker.
class RenderWorker
{
public:
    struct Options
    {
        QString nodeProgram = QStringLiteral("node");
        QString katexScript = QStringLiteral("/usr/share/javascript/katex/katex.min.js");
        QString highlightScript = QStringLiteral("/usr/share/javascript/highlight.js/highlight.min.js");
        int startTimeoutMs = 15000;   // node start-up and loading both libraries
        int idleTimeoutMs = 20000;    // longest wait for the next response during a batch
        int requestTimeoutMs = 2000;  // longest time for one formula or code block (stops hostile input)
    };

    // Why render() could not render at all: what a window tells the writer depends on it
    // (install a package, or wait for the next try), where a build's log shows the Error itself.
    enum class Failure {
        None,
        NodeMissing,       // node is not installed, or cannot be run
        LibraryMissing,    // KaTeX or highlight.js cannot be loaded (missingPackage() says which)
        WorkerDied,        // node started but ended before it was ready, or died twice in a render
        WorkerStuck,       // node stopped answering
        WorkerBroken,      // Quire's worker script is missing, or node answered something unexpected
    };

    RenderWorker();
    explicit RenderWorker(Options options);
    ~RenderWorker();
    RenderWorker(const RenderWorker &) = delete;
    RenderWorker &operator=(const RenderWorker &) = delete;

    // Renders all requests in one pipelined exchange; results are in request order. A formula
    // with a TeX error is a result with an error, not an Error: Error means no rendering at all
    // (node missing, the libraries missing, or the worker died twice or stopped answering).
    Result<QList<RenderResult>> render(const QList<RenderRequest> &requests);

    // Identifies the worker script and both libraries' contents: part of every cache key, so
    // a package upgrade re-renders everything. Computed once, without starting node.
    QString engineVersion();

    // Ends the node process while nothing needs it (its memory back); the next render() starts
    // it again.
    void release() { stop(); }

    // Why the last render() failed; None after one that rendered.
    Failure lastFailure() const { return m_failure; }
    // With LibraryMissing: the Debian package of the library that could not be loaded
    // ("libjs-katex", "libjs-highlight.js").
    QString missingPackage() const { return m_missingPackage; }

    // The node process id, 0 when none runs (for tests that kill it).
    qint64 processId() const;
    // How many times a node process was started.
    int starts() const { return m_starts; }

private:
    Result<void> ensureStarted();
    Result<void> start();
    Error fail(Failure failure, const QString &message);
    void stop();
    Result<void> exchange(const QList<RenderRequest> &requests, QList<RenderResult> &results,
                          QList<bool> &done);
    bool readLine(QByteArray &line, int timeoutMs);

    Options m_options;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_buffer;        // stdout bytes not yet split into lines
    QString m_engineVersion;
    qint64 m_nextId = 1;
    int m_starts = 0;
    Failure m_failure = Failure::None;
    QString m_missingPackage;
};

} // namespace quire
