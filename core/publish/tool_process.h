#pragma once

#include "publish/publisher.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace quire {

// Runs one command-line tool (git, rsync) to its end, the way both remote publishers need it:
// each command and every line it prints goes to the log callback, and a cancel kills it. Needs no
// event loop (it polls the process every 100 ms), so it runs on a publisher's worker thread.
class ToolProcess
{
    Q_DECLARE_TR_FUNCTIONS(quire::ToolProcess)

public:
    struct Output
    {
        enum class Status { Finished, FailedToStart, Crashed, Cancelled };
        Status status = Status::Finished;
        int exitCode = 0;
        QByteArray standardOutput;
        QStringList errorLines;   // standard error, one entry per non-empty line

        bool ok() const { return status == Status::Finished && exitCode == 0; }
        // What a run would give for a program that is not there.
        static Output failedToStart()
        {
            Output output;
            output.status = Status::FailedToStart;
            return output;
        }
    };

    struct RunOptions
    {
        bool logOutput = true;    // false: machine-readable output the caller summarises instead
        bool cancellable = true;  // false: a cancel waits for the end (for a push under way)
    };

    // The program's full path found on the PATH of this moment (so a test can hide it), or empty.
    static QString find(const QString &name);

    // The writer's own environment, kept whole so ssh agents and credential helpers work, with
    // LC_ALL=C.UTF-8 so the tools' messages are the English ones Quire recognises.
    static QProcessEnvironment defaultEnvironment();

    ToolProcess(const QString &program, const Publisher::Callbacks &callbacks);

    void setEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }
    void setWorkingDirectory(const QString &folder) { m_workingDirectory = folder; }

    Output run(const QStringList &arguments);
    Output run(const QStringList &arguments, const RunOptions &options);

    // Whether the writer asked to stop.
    bool cancelRequested() const;
    // Writes one line to the log callback, if there is one.
    void log(const QString &line) const;

private:
    QString commandLine(const QStringList &arguments) const;

    QString m_program;
    Publisher::Callbacks m_callbacks;
    QProcessEnvironment m_environment;
    QString m_workingDirectory;
};

} // namespace quire
