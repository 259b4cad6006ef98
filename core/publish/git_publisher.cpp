#include "publish/git_publisher.h"

#include "publish/site_mirror.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace quire {

namespace {

const QString Origin = QStringLiteral("origin");

// Output Quire reads itself (paths, config values): not worth a log line each.
ToolProcess::RunOptions quiet()
{
    ToolProcess::RunOptions options;
    options.logOutput = false;
    return options;
}

bool containsAny(const QString &text, std::initializer_list<const char *> needles)
{
    for (const char *needle : needles) {
        if (text.contains(QLatin1String(needle), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// git's last few words, for a failure Quire has no better explanation of.
QString lastLines(const QStringList &lines)
{
    return lines.mid(qMax(0, lines.size() - 3)).join(QLatin1Char(' '));
}

// What the remote said ("remote: …" lines, e.g. a pre-receive hook's message).
QString remoteSaid(const QStringList &lines)
{
    QStringList said;
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("remote:"))) {
            const QString text = line.mid(7).trimmed();
            if (!text.isEmpty())
                said.append(text);
        }
    }
    return said.join(QLatin1Char(' '));
}

Publisher::Change::Kind changeKind(QChar status)
{
    if (status == QLatin1Char('A'))
        return Publisher::Change::Kind::Added;
    if (status == QLatin1Char('D'))
        return Publisher::Change::Kind::Removed;
    return Publisher::Change::Kind::Changed;
}

// `git diff --name-status -z`: status NUL path NUL, repeated.
QList<Publisher::Change> parseNameStatus(const QByteArray &output)
{
    QList<Publisher::Change> changes;
    const QList<QByteArray> fields = output.split('\0');
    for (qsizetype i = 0; i + 1 < fields.size(); i += 2) {
        if (fields[i].isEmpty())
            break;
        changes.append({changeKind(QLatin1Char(fields[i].at(0))), QString::fromUtf8(fields[i + 1])});
    }
    return changes;
}

Error cancelledError()
{
    return Error{GitPublisher::tr("Publishing was cancelled; the branch at the remote was not changed.")};
}

bool isCancelled(const Publisher::Callbacks &callbacks)
{
    return callbacks.cancel && callbacks.cancel->load();
}

} // namespace

GitPublisher::GitPublisher(const PublishTarget &target, const QString &workDir)
    : m_target(target), m_workDir(QDir(workDir).absolutePath())
{
}

QString GitPublisher::cloneDir() const
{
    return m_workDir + QStringLiteral("/repo");
}

Result<QList<Publisher::Change>> GitPublisher::dryRun(const QString &siteDir, const Callbacks &callbacks)
{
    return run(siteDir, QString(), true, callbacks);
}

Result<QList<Publisher::Change>> GitPublisher::publish(const QString &siteDir, const QString &message,
                                                       const Callbacks &callbacks)
{
    return run(siteDir, message, false, callbacks);
}

Result<QList<Publisher::Change>> GitPublisher::run(const QString &siteDir, const QString &message,
                                                   bool dryRun, const Callbacks &callbacks)
{
    const QString program = ToolProcess::find(QStringLiteral("git"));
    if (program.isEmpty())
        return explain(ToolProcess::Output::failedToStart());
    if (m_target.destination.trimmed().isEmpty() || m_target.destination.startsWith(QLatin1Char('-')))
        return Error{tr("The git repository “%1” is not a path or URL git can use.").arg(m_target.destination)};
    if (!QFileInfo(siteDir).isDir())
        return Error{tr("The site folder %1 does not exist; build the site first.").arg(siteDir)};

    const int total = dryRun ? 4 : 5;
    const auto progress = [&](int done) {
        if (callbacks.progress)
            callbacks.progress(done, total);
    };
    progress(0);
    ToolProcess git(program, callbacks);
    if (auto result = prepare(git); !result)
        return result.error();
    const Result<bool> exists = remoteBranchExists(git);
    if (!exists)
        return exists.error();
    progress(1);
    if (auto result = startFromTip(git, *exists); !result)
        return result.error();
    progress(2);
    if (auto result = stageSite(git, siteDir, callbacks); !result)
        return result.error();
    Result<QList<Change>> changes = stagedChanges(git);
    if (!changes)
        return changes;
    progress(3);

    if (dryRun) {
        // Unstage, so the clone holds no half-made commit; its files are mirrored afresh each time.
        (void)runGit(git, *exists ? QStringList{QStringLiteral("read-tree"), QStringLiteral("HEAD")}
                                  : QStringList{QStringLiteral("read-tree"), QStringLiteral("--empty")});
        git.log(tr("%n file(s) would change on branch %1.", nullptr, int(changes->size())).arg(m_target.effectiveBranch()));
        progress(total);
        return changes;
    }
    if (changes->isEmpty()) {
        git.log(tr("Nothing to publish: the branch already has this site."));
        progress(total);
        return changes;
    }
    if (isCancelled(callbacks))
        return cancelledError();
    if (auto result = commitAndPush(git, message); !result)
        return result.error();
    git.log(tr("Published %n file(s) to branch %1.", nullptr, int(changes->size())).arg(m_target.effectiveBranch()));
    progress(total);
    return changes;
}

Result<void> GitPublisher::prepare(ToolProcess &git) const
{
    QProcessEnvironment environment = ToolProcess::defaultEnvironment();
    environment.insert(QStringLiteral("GIT_TERMINAL_PROMPT"), QStringLiteral("0"));
    // Never let git look above Quire's folder for a repository, should the clone be damaged.
    environment.insert(QStringLiteral("GIT_CEILING_DIRECTORIES"), m_workDir);
    git.setEnvironment(environment);
    if (auto result = prepareClone(git); !result)
        return result;
    // ssh would ask for a password or a key's passphrase on a terminal nobody watches; BatchMode
    // makes it fail instead. Only when the writer has not chosen their own ssh command.
    if (!environment.contains(QStringLiteral("GIT_SSH_COMMAND")) && !environment.contains(QStringLiteral("GIT_SSH"))
        && configValue(git, QStringLiteral("core.sshCommand")).isEmpty()) {
        environment.insert(QStringLiteral("GIT_SSH_COMMAND"), QStringLiteral("ssh -o BatchMode=yes"));
        git.setEnvironment(environment);
    }
    return {};
}

Result<void> GitPublisher::prepareClone(ToolProcess &git) const
{
    const QString repo = cloneDir();
    if (QFileInfo(repo + QStringLiteral("/.git")).isDir()) {
        // A publish killed by a cancel can leave git's lock behind; nothing else uses this clone.
        QFile::remove(repo + QStringLiteral("/.git/index.lock"));
        git.setWorkingDirectory(repo);
        const ToolProcess::Output inside = git.run({QStringLiteral("rev-parse"), QStringLiteral("--is-inside-work-tree")}, quiet());
        if (inside.status == ToolProcess::Output::Status::FailedToStart)
            return explain(inside);
        if (inside.ok() && inside.standardOutput.trimmed() == "true"
            && configValue(git, QStringLiteral("remote.origin.url")) == m_target.destination)
            return {};
        git.log(tr("Quire's copy of the repository in %1 is damaged or belongs to another repository: making it again.").arg(repo));
    }

    if (QFileInfo::exists(repo) && !QDir(repo).removeRecursively())
        return Error{tr("Could not remove Quire's old copy of the repository in %1.").arg(repo)};
    if (!QDir().mkpath(repo))
        return Error{tr("Could not create the folder %1 for Quire's copy of the repository.").arg(repo)};
    git.setWorkingDirectory(repo);
    const QStringList setUp[] = {
        {QStringLiteral("init"), QStringLiteral("--quiet"), QStringLiteral("--initial-branch=") + m_target.effectiveBranch()},
        {QStringLiteral("remote"), QStringLiteral("add"), Origin, m_target.destination},
        // The site's bytes go out as they are, whatever the writer's global line-ending settings.
        {QStringLiteral("config"), QStringLiteral("core.autocrlf"), QStringLiteral("false")},
    };
    for (const QStringList &arguments : setUp) {
        if (auto result = runGit(git, arguments); !result)
            return result.error();
    }
    return {};
}

Result<bool> GitPublisher::remoteBranchExists(ToolProcess &git) const
{
    const QString ref = QStringLiteral("refs/heads/") + m_target.effectiveBranch();
    const Result<ToolProcess::Output> output = runGit(git, {QStringLiteral("ls-remote"), Origin, ref});
    if (!output)
        return output.error();
    // ls-remote matches patterns by their tail; only the exact ref counts.
    for (const QByteArray &line : output->standardOutput.split('\n')) {
        if (line.endsWith('\t' + ref.toUtf8()))
            return true;
    }
    return false;
}

Result<void> GitPublisher::startFromTip(ToolProcess &git, bool branchExists) const
{
    const QString branch = m_target.effectiveBranch();
    const QString local = QStringLiteral("refs/heads/") + branch;
    const QString tracking = QStringLiteral("refs/remotes/origin/") + branch;
    QList<QStringList> steps;
    if (branchExists) {
        // The index becomes the tip's tree; the work tree is mirrored from the site next, so
        // nothing needs checking out.
        steps = {{QStringLiteral("fetch"), QStringLiteral("--no-tags"), Origin, QStringLiteral("+") + local + QLatin1Char(':') + tracking},
                 {QStringLiteral("update-ref"), local, tracking},
                 {QStringLiteral("symbolic-ref"), QStringLiteral("HEAD"), local},
                 {QStringLiteral("read-tree"), local}};
    } else {
        // An orphan: no parent, no history from any other branch.
        steps = {{QStringLiteral("symbolic-ref"), QStringLiteral("HEAD"), local},
                 {QStringLiteral("update-ref"), QStringLiteral("-d"), local},
                 {QStringLiteral("read-tree"), QStringLiteral("--empty")}};
    }
    for (const QStringList &arguments : steps) {
        if (auto result = runGit(git, arguments); !result)
            return result.error();
    }
    return {};
}

Result<void> GitPublisher::stageSite(ToolProcess &git, const QString &siteDir, const Callbacks &callbacks) const
{
    const QString repo = cloneDir();
    git.log(tr("Copying the site into %1").arg(repo));
    if (auto result = SiteMirror::mirror(siteDir, repo, {QStringLiteral(".git")}, callbacks.cancel); !result)
        return result;
    if (isCancelled(callbacks))
        return cancelledError();

    // GitHub's Pages settings commit a CNAME to the branch when a custom domain is set there; with
    // no domain in the target and none in the site, the branch's CNAME is the writer's and stays
    // (the index holds the tip's tree; -q: no complaint when the tip has none).
    if (m_target.cname.isEmpty() && !QFileInfo(siteDir + QStringLiteral("/CNAME")).isFile())
        (void)git.run({QStringLiteral("checkout-index"), QStringLiteral("--force"), QStringLiteral("-q"),
                       QStringLiteral("--"), QStringLiteral("CNAME")});

    QFile cname(repo + QStringLiteral("/CNAME"));
    if (!m_target.cname.isEmpty()
        && (!cname.open(QIODevice::WriteOnly | QIODevice::Truncate) || cname.write(m_target.cname.trimmed().toUtf8() + '\n') < 0))
        return Error{tr("Could not write the CNAME file in %1: %2").arg(repo, cname.errorString())};
    cname.close();
    // GitHub Pages runs Jekyll on a branch unless it has .nojekyll, and Jekyll drops files and
    // folders whose names start with '_' or '.'; the site is already built, so it goes out as it is.
    QFile noJekyll(repo + QStringLiteral("/.nojekyll"));
    if (!noJekyll.exists() && !noJekyll.open(QIODevice::WriteOnly))
        return Error{tr("Could not write the .nojekyll file in %1: %2").arg(repo, noJekyll.errorString())};
    noJekyll.close();

    // --force: the writer's global ignore rules must not leave a page of the site out.
    if (auto added = runGit(git, {QStringLiteral("add"), QStringLiteral("--all"), QStringLiteral("--force"), QStringLiteral(".")}); !added)
        return added.error();
    return {};
}

Result<QList<Publisher::Change>> GitPublisher::stagedChanges(ToolProcess &git) const
{
    const Result<ToolProcess::Output> output = runGit(
        git, {QStringLiteral("diff"), QStringLiteral("--cached"), QStringLiteral("--name-status"), QStringLiteral("--no-renames"), QStringLiteral("-z")},
        quiet());
    if (!output)
        return output.error();
    return parseNameStatus(output->standardOutput);
}

Result<void> GitPublisher::commitAndPush(ToolProcess &git, const QString &message) const
{
    QStringList commit;
    // Only when the writer has no identity of their own: git refuses to commit without one.
    if (configValue(git, QStringLiteral("user.name")).isEmpty())
        commit << QStringLiteral("-c") << QStringLiteral("user.name=Quire");
    if (configValue(git, QStringLiteral("user.email")).isEmpty())
        commit << QStringLiteral("-c") << QStringLiteral("user.email=quire@localhost");
    const QString text = message.trimmed().isEmpty() ? QStringLiteral("Publish the site") : message;
    // --no-verify: the clone is Quire's, and the writer's global hooks are for their own work.
    commit << QStringLiteral("commit") << QStringLiteral("--quiet") << QStringLiteral("--no-verify")
           << QStringLiteral("-m") << text;
    if (auto result = runGit(git, commit); !result)
        return result.error();
    if (git.cancelRequested())
        return cancelledError();   // the commit stays local; the next publish starts from the tip again

    // Once the push runs, it runs to its end: killed, it might have moved the branch or not.
    ToolProcess::RunOptions push;
    push.cancellable = false;
    const auto pushed = runGit(git, {QStringLiteral("push"), QStringLiteral("--no-verify"), Origin,
                                     QStringLiteral("HEAD:refs/heads/") + m_target.effectiveBranch()},
                               push);
    if (!pushed)
        return pushed.error();
    return {};
}

Result<ToolProcess::Output> GitPublisher::runGit(ToolProcess &git, const QStringList &arguments,
                                                 const ToolProcess::RunOptions &options) const
{
    ToolProcess::Output output = git.run(arguments, options);
    if (!output.ok())
        return explain(output);
    return output;
}

QString GitPublisher::configValue(ToolProcess &git, const QString &key) const
{
    const ToolProcess::Output output = git.run({QStringLiteral("config"), QStringLiteral("--get"), key}, quiet());
    return output.ok() ? QString::fromUtf8(output.standardOutput).trimmed() : QString();
}

Error GitPublisher::explain(const ToolProcess::Output &output) const
{
    using Status = ToolProcess::Output::Status;
    if (output.status == Status::FailedToStart)
        return Error{tr("git is not installed. Install it (apt install git) to publish to a git repository.")};
    if (output.status == Status::Cancelled)
        return cancelledError();
    if (output.status == Status::Crashed)
        return Error{tr("git stopped unexpectedly.")};

    const QString text = output.errorLines.join(QLatin1Char('\n'));
    const QString &where = m_target.destination;
    const QString branch = m_target.effectiveBranch();
    if (text.contains(QLatin1String("No space left on device")))
        return Error{tr("The disk is full (no space left on device). Free some space and publish again.")};
    // ssh's refusal names the methods it tried, "Permission denied (publickey)"; a local file git
    // cannot write says "Permission denied" alone, and is not a login matter.
    static const QRegularExpression sshRefused(QStringLiteral(R"(Permission denied \((?!\d))"));
    if (text.contains(sshRefused)
        || containsAny(text, {"Authentication failed", "could not read Username", "could not read Password",
                              "terminal prompts disabled", "returned error: 403", "remote: Permission to"}))
        return Error{tr("%1 refused to log in. Load your ssh key into the agent (ssh-add) or set up a git "
                        "credential helper with your token; Quire never asks for passwords.").arg(where)};
    if (text.contains(QLatin1String("Host key verification failed")))
        return Error{tr("The server of %1 is not yet known to ssh. Connect to it once with ssh in a terminal "
                        "to check and accept its key, then publish again.").arg(where)};
    if (containsAny(text, {"[rejected]", "remote rejected", "pre-receive hook declined", "non-fast-forward", "fetch first"})) {
        const QString said = remoteSaid(output.errorLines);
        if (containsAny(text, {"non-fast-forward", "fetch first"}))
            return Error{tr("The remote rejected the push to branch %1: someone else pushed to it meanwhile. "
                            "Publish again to build on their version.").arg(branch)};
        if (!said.isEmpty())
            return Error{tr("The remote rejected the push to branch %1. It said: %2").arg(branch, said)};
        return Error{tr("The remote rejected the push to branch %1: %2").arg(branch, lastLines(output.errorLines))};
    }
    if (containsAny(text, {"does not appear to be a git repository", "not a git repository", "Repository not found",
                           "' not found", "Could not read from remote repository"}))
        return Error{tr("No git repository was found at %1. Check the repository's path or URL.").arg(where)};
    if (output.errorLines.isEmpty())
        return Error{tr("git failed (exit code %1).").arg(output.exitCode)};
    return Error{tr("git failed: %1").arg(lastLines(output.errorLines))};
}

} // namespace quire
