#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QTextStream;

namespace quire {

class Library;

// `quire <command>`: the headless commands. Exit codes a script can rely on: 0 ok, 1 failure
// (one line on stderr naming the problem), 2 usage.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    enum ExitCode { Ok = 0, Failure = 1, Usage = 2 };

    // The parts of argv that decide between window and command.
    struct Invocation
    {
        QString libraryPath;      // empty: the default library
        QString command;          // empty: open the window
        QStringList arguments;    // the command's own arguments
        bool help = false;
        bool version = false;
        QString usageError;       // set when argv cannot be understood
    };

    // Reads the global options (--library PATH, --help, --version) and the command, leaving
    // Qt's own window options (-platform X, --webEngineArgs …) to QApplication.
    static Invocation parse(const QStringList &argv);
    static bool wantsWindow(const Invocation &invocation);

    static QString usage();

    CommandLine(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}
    int run(const Invocation &invocation);

private:
    int runNew(const Invocation &inv);
    int runList(const Invocation &inv);
    int runShow(const Invocation &inv);
    int runImport(const Invocation &inv);
    int runExportMarkdown(const Invocation &inv);
    // command_line_site.cpp: the site's commands.
    int runBuild(const Invocation &inv);
    int runTheme(const Invocation &inv);
    int runConfig(const Invocation &inv);
    // command_line_publish.cpp: publish targets and publishing.
    int runTarget(const Invocation &inv);
    int runTargetAdd(const Invocation &inv);
    int runPublish(const Invocation &inv);

    // The invocation's library; nullptr after printing why it cannot be opened.
    std::unique_ptr<Library> openLibrary(const Invocation &inv, bool create);

    int fail(const QString &message);
    int usageError(const QString &message);

    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace quire
