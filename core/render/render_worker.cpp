#include "render/render_worker.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace quire {

namespace {

const QString WorkerScript = QStringLiteral(":/quire/render/render-worker.js");

QString tr(const char *text)
{
    return QCoreApplication::translate("quire::RenderWorker", text);
}

QByteArray requestLine(qint64 id, const RenderRequest &request)
{
    QJsonObject object{{QStringLiteral("id"), id}};
    if (request.kind == RenderRequest::Kind::Math) {
        object.insert(QStringLiteral("kind"), QStringLiteral("math"));
        object.insert(QStringLiteral("tex"), request.source);
        object.insert(QStringLiteral("display"), request.display);
    } else {
        object.insert(QStringLiteral("kind"), QStringLiteral("code"));
        object.insert(QStringLiteral("code"), request.source);
        object.insert(QStringLiteral("language"), request.language);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace

RenderWorker::RenderWorker() : RenderWorker(Options{}) {}

RenderWorker::RenderWorker(Options options) : m_options(std::move(options)) {}

RenderWorker::~RenderWorker()
{
    stop();
}

Result<QList<RenderResult>> RenderWorker::render(const QList<RenderRequest> &requests)
{
    QList<RenderResult> results(requests.size());
    QList<bool> done(requests.size(), false);
    m_failure = Failure::None;
    m_missingPackage.clear();
    if (requests.isEmpty())
        return results;
    // A worker that died (a crash, or killed from outside) gets one restart; the requests it
    // had not answered are sent again.
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (auto started = ensureStarted(); !started)
            return started.error();
        auto exchanged = exchange(requests, results, done);
        if (exchanged)
            return results;
        if (m_process && m_process->state() == QProcess::Running) {
            stop();   // it stopped answering: a restart would most likely hang the same way
            return fail(Failure::WorkerStuck, exchanged.errorMessage());
        }
        stop();
        if (attempt == 1)
            return fail(Failure::WorkerDied, exchanged.errorMessage());
    }
    return results;
}

QString RenderWorker::engineVersion()
{
    if (!m_engineVersion.isEmpty())
        return m_engineVersion;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &path : {WorkerScript, m_options.katexScript, m_options.highlightScript}) {
        QFile file(path);
        hash.addData(path.toUtf8());
        if (file.open(QIODevice::ReadOnly))
            hash.addData(&file);
    }
    m_engineVersion = QStringLiteral("render-worker ") + QString::fromLatin1(hash.result().toHex());
    return m_engineVersion;
}

qint64 RenderWorker::processId() const
{
    return m_process && m_process->state() != QProcess::NotRunning ? m_process->processId() : 0;
}

Result<void> RenderWorker::ensureStarted()
{
    if (m_process && m_process->state() == QProcess::Running)
        return {};
    stop();
    return start();
}

Result<void> RenderWorker::start()
{
    QFile scriptFile(WorkerScript);
    if (!scriptFile.open(QIODevice::ReadOnly))
        return fail(Failure::WorkerBroken, tr("The math and code renderer is missing from this build of Quire."));
    const QString script = QString::fromUtf8(scriptFile.readAll());

    m_process = std::make_unique<QProcess>();
    m_buffer.clear();
    ++m_starts;
    // The script goes in with -e, so nothing is written to disk; the library paths are its arguments.
    m_process->start(m_options.nodeProgram,
                     {QStringLiteral("-e"), script, m_options.katexScript, m_options.highlightScript,
                      QString::number(m_options.requestTimeoutMs)});
    if (!m_process->waitForStarted(m_options.startTimeoutMs)) {
        const QString reason = m_process->errorString();
        stop();
        return fail(Failure::NodeMissing,
                    tr("Quire needs Node.js (package nodejs) to render math and code: %1").arg(reason));
    }

    QByteArray line;
    if (!readLine(line, m_options.startTimeoutMs)) {
        const QString reason = QString::fromUtf8(m_process->readAllStandardError()).trimmed().right(500);
        stop();
        return fail(Failure::WorkerDied, tr("The math and code renderer (node) did not start: %1").arg(reason));
    }
    const QJsonObject hello = QJsonDocument::fromJson(line).object();
    if (hello.contains(QStringLiteral("fatal"))) {
        stop();
        m_missingPackage = hello.value(QStringLiteral("package")).toString();
        return fail(Failure::LibraryMissing, tr("Quire cannot load %1 (package %2) to render math and code: %3")
                                                 .arg(hello.value(QStringLiteral("file")).toString(), m_missingPackage,
                                                      hello.value(QStringLiteral("fatal")).toString()));
    }
    if (!hello.value(QStringLiteral("ready")).toBool()) {
        stop();
        return fail(Failure::WorkerBroken, tr("The math and code renderer (node) answered something unexpected: %1")
                                               .arg(QString::fromUtf8(line.left(200))));
    }
    return {};
}

Error RenderWorker::fail(Failure failure, const QString &message)
{
    m_failure = failure;
    return Error{message};
}

void RenderWorker::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->closeWriteChannel();   // the worker ends when its input does
        if (!m_process->waitForFinished(1000)) {
            m_process->kill();
            m_process->waitForFinished(1000);
        }
    }
    m_process.reset();
    m_buffer.clear();
}

// Sends every request not yet done, then reads until each has its answer. Fails when the
// worker dies or no answer comes within the idle timeout.
Result<void> RenderWorker::exchange(const QList<RenderRequest> &requests, QList<RenderResult> &results,
                                    QList<bool> &done)
{
    QHash<qint64, qsizetype> indexById;
    QByteArray batch;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        if (done[i])
            continue;
        const qint64 id = m_nextId++;
        indexById.insert(id, i);
        batch += requestLine(id, requests[i]);
    }
    // QProcess keeps writing the rest while waitForReadyRead() waits, so a large batch cannot
    // deadlock against the answers filling the other pipe.
    m_process->write(batch);

    QByteArray line;
    while (!indexById.isEmpty()) {
        if (!readLine(line, m_options.idleTimeoutMs)) {
            if (m_process->state() == QProcess::Running)
                return Error{tr("The math and code renderer (node) stopped answering for %1 seconds.")
                                 .arg(m_options.idleTimeoutMs / 1000)};
            const QString reason = QString::fromUtf8(m_process->readAllStandardError()).trimmed().right(500);
            return Error{tr("The math and code renderer (node) stopped twice: %1").arg(reason)};
        }
        const QJsonObject response = QJsonDocument::fromJson(line).object();
        const auto index = indexById.find(response.value(QStringLiteral("id")).toInteger(-1));
        if (index == indexById.end())
            continue;   // an answer to a request of an earlier, failed exchange
        RenderResult &result = results[*index];
        result.html = response.value(QStringLiteral("html")).toString();
        result.error = response.value(QStringLiteral("error")).toString();
        result.highlighted = response.value(QStringLiteral("highlighted")).toBool();
        result.timedOut = response.value(QStringLiteral("timedOut")).toBool();
        done[*index] = true;
        indexById.erase(index);
    }
    return {};
}

// One line of the worker's output, without its newline. False when the worker ended or said
// nothing within the timeout.
bool RenderWorker::readLine(QByteArray &line, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        const qsizetype end = m_buffer.indexOf('\n');
        if (end >= 0) {
            line = m_buffer.left(end);
            m_buffer.remove(0, end + 1);
            return true;
        }
        if (m_process->state() != QProcess::Running && m_process->bytesAvailable() == 0)
            return false;
        if (m_process->bytesAvailable() == 0 && !m_process->waitForReadyRead(int(deadline.remainingTime())))
            if (m_process->bytesAvailable() == 0)
                return false;
        m_buffer += m_process->readAllStandardOutput();
    }
}

} // namespace quire
