#include "publish/tool_process.h"

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace quire {

namespace {

// Splits what a process printed into lines as it arrives; git and rsync end progress lines
// with '\r', so both ends count.
class LineSplitter
{
public:
    template<typename Sink>
    void feed(const QByteArray &data, Sink &&sink)
    {
        m_pending += data;
        qsizetype start = 0;
        for (qsizetype i = 0; i < m_pending.size(); ++i) {
            if (m_pending[i] == '\n' || m_pending[i] == '\r') {
                emitLine(m_pending.mid(start, i - start), sink);
                start = i + 1;
            }
        }
        m_pending.remove(0, start);
    }

    template<typename Sink>
    void finish(Sink &&sink)
    {
        emitLine(m_pending, sink);
        m_pending.clear();
    }

private:
    template<typename Sink>
    static void emitLine(const QByteArray &bytes, Sink &sink)
    {
        const QString line = QString::fromUtf8(bytes).trimmed();
        if (!line.isEmpty())
            sink(line);
    }

    QByteArray m_pending;
};

QString quoted(const QString &argument)
{
    if (!argument.isEmpty() && !argument.contains(QLatin1Char(' ')) && !argument.contains(QLatin1Char('"')))
        return argument;
    QString escaped = argument;
    escaped.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

QString ToolProcess::find(const QString &name)
{
    return QStandardPaths::findExecutable(name);
}

QProcessEnvironment ToolProcess::defaultEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // C.UTF-8 rather than C: the same English, but file names with accents stay as they are
    // (under C, rsync prints their bytes as \#ooo escapes).
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    return environment;
}

ToolProcess::ToolProcess(const QString &program, const Publisher::Callbacks &callbacks)
    : m_program(program), m_callbacks(callbacks), m_environment(defaultEnvironment())
{
}

ToolProcess::Output ToolProcess::run(const QStringList &arguments)
{
    return run(arguments, RunOptions());
}

ToolProcess::Output ToolProcess::run(const QStringList &arguments, const RunOptions &options)
{
    Output output;
    if (options.cancellable && cancelRequested()) {
        output.status = Output::Status::Cancelled;
        return output;
    }
    log(commandLine(arguments));

    QProcess process;
    process.setProgram(m_program);
    process.setArguments(arguments);
    process.setProcessEnvironment(m_environment);
    if (!m_workingDirectory.isEmpty())
        process.setWorkingDirectory(m_workingDirectory);
    // Nothing ever answers a prompt: a tool that wants input gets end-of-file at once.
    process.setStandardInputFile(QProcess::nullDevice());
    process.start();
    if (!process.waitForStarted(-1)) {
        output.status = Output::Status::FailedToStart;
        return output;
    }

    LineSplitter outLines;
    LineSplitter errLines;
    const auto logLine = [this](const QString &line) { log(line); };
    const auto errorLine = [this, &output](const QString &line) {
        output.errorLines.append(line);
        log(line);
    };
    const auto drain = [&] {
        const QByteArray out = process.readAllStandardOutput();
        output.standardOutput += out;
        if (options.logOutput)
            outLines.feed(out, logLine);
        errLines.feed(process.readAllStandardError(), errorLine);
    };

    bool killed = false;
    bool toldWaiting = false;
    while (!process.waitForFinished(100) && process.state() != QProcess::NotRunning) {
        drain();
        if (!cancelRequested())
            continue;
        if (options.cancellable) {
            process.kill();
            process.waitForFinished(-1);
            killed = true;
            break;
        }
        if (!toldWaiting) {
            log(tr("Cancel asked: letting %1 finish, so the destination is not left half-updated.")
                    .arg(QFileInfo(m_program).fileName()));
            toldWaiting = true;
        }
    }
    drain();
    if (options.logOutput)
        outLines.finish(logLine);
    errLines.finish(errorLine);

    if (killed)
        output.status = Output::Status::Cancelled;
    else if (process.exitStatus() == QProcess::CrashExit)
        output.status = Output::Status::Crashed;
    output.exitCode = process.exitCode();
    return output;
}

bool ToolProcess::cancelRequested() const
{
    return m_callbacks.cancel && m_callbacks.cancel->load();
}

void ToolProcess::log(const QString &line) const
{
    if (m_callbacks.log)
        m_callbacks.log(line);
}

QString ToolProcess::commandLine(const QStringList &arguments) const
{
    QStringList parts{QFileInfo(m_program).fileName()};
    for (const QString &argument : arguments)
        parts.append(quoted(argument));
    return QStringLiteral("$ ") + parts.join(QLatin1Char(' '));
}

} // namespace quire
