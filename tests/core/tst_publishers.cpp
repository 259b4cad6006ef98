// The git and rsync publishers, run with the real tools against local repositories and folders
// made in temporary folders: what reaches the branch or the folder, what a dry run reports, and
// the words of each failure.

#include "publish/git_publisher.h"
#include "publish/rsync_publisher.h"
#include "publish/tool_process.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>
#include <thread>

using namespace quire;

namespace {

using Kind = Publisher::Change::Kind;

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Runs git (from PATH) and returns its standard output, trimmed; empty on failure.
QString gitOutput(const QStringList &arguments, const QString &folder = QString())
{
    QProcess process;
    if (!folder.isEmpty())
        process.setWorkingDirectory(folder);
    process.start(QStringLiteral("git"), arguments);
    process.waitForFinished(-1);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        qWarning("git %s failed: %s", qPrintable(arguments.join(u' ')), process.readAllStandardError().constData());
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

QString changeText(const Publisher::Change &change)
{
    const char *kind = change.kind == Kind::Added ? "A " : change.kind == Kind::Changed ? "M " : "D ";
    return QLatin1String(kind) + change.path;
}

QStringList changeTexts(const QList<Publisher::Change> &changes)
{
    QStringList texts;
    for (const Publisher::Change &change : changes)
        texts.append(changeText(change));
    texts.sort();
    return texts;
}

// Sets an environment variable for one test and puts it back after.
class ScopedEnv
{
public:
    ScopedEnv(const char *name, const QByteArray &value)
        : m_name(name), m_had(qEnvironmentVariableIsSet(name)), m_old(qgetenv(name))
    {
        qputenv(name, value);
    }
    ~ScopedEnv()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }

private:
    const char *m_name;
    bool m_had;
    QByteArray m_old;
};

} // namespace

class TestPublishers : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_tmp;
    QStringList m_log;
    QPair<int, int> m_progress;   // the last progress reported

    QString path(const QString &name) const { return m_tmp->filePath(name); }

    // A built site: two pages, a stylesheet and Quire's own state folder.
    QString makeSite()
    {
        const QString site = path(QStringLiteral("site"));
        writeFile(site + QStringLiteral("/index.html"), "<h1>Home</h1>\n");
        writeFile(site + QStringLiteral("/posts/first/index.html"), "<p>First post</p>\n");
        writeFile(site + QStringLiteral("/css/site.css"), "body { margin: 0 }\n");
        writeFile(site + QStringLiteral("/.quire/manifest.json"), "{\"files\": {}}\n");
        return site;
    }

    // A bare repository whose main branch holds a README, like a project's own repository.
    QString makeBareRepository(const QString &name)
    {
        const QString bare = path(name);
        const QString seed = path(name + QStringLiteral("-seed"));
        gitOutput({QStringLiteral("init"), QStringLiteral("--quiet"), QStringLiteral("--bare"), QStringLiteral("--initial-branch=main"), bare});
        gitOutput({QStringLiteral("init"), QStringLiteral("--quiet"), QStringLiteral("--initial-branch=main"), seed});
        writeFile(seed + QStringLiteral("/README"), "The project.\n");
        gitOutput({QStringLiteral("add"), QStringLiteral("README")}, seed);
        gitOutput({QStringLiteral("-c"), QStringLiteral("user.name=Test"), QStringLiteral("-c"), QStringLiteral("user.email=test@example.org"),
                   QStringLiteral("commit"), QStringLiteral("--quiet"), QStringLiteral("-m"), QStringLiteral("Project")}, seed);
        gitOutput({QStringLiteral("push"), QStringLiteral("--quiet"), bare, QStringLiteral("main")}, seed);
        return bare;
    }

    PublishTarget gitTarget(const QString &repository, const QString &cname = QString()) const
    {
        PublishTarget target;
        target.name = QStringLiteral("pages");
        target.kind = PublishTarget::Kind::Git;
        target.destination = repository;
        target.cname = cname;
        return target;
    }

    Publisher::Callbacks callbacks(const std::atomic<bool> *cancel = nullptr)
    {
        Publisher::Callbacks result;
        result.log = [this](const QString &line) { m_log.append(line); };
        result.progress = [this](int done, int total) { m_progress = {done, total}; };
        result.cancel = cancel;
        return result;
    }

    static QStringList branchFiles(const QString &bare, const QString &branch = QStringLiteral("gh-pages"))
    {
        return gitOutput({QStringLiteral("--git-dir=") + bare, QStringLiteral("ls-tree"), QStringLiteral("-r"),
                          QStringLiteral("--name-only"), branch}).split(u'\n', Qt::SkipEmptyParts);
    }

    static QString refs(const QString &bare)
    {
        return gitOutput({QStringLiteral("--git-dir=") + bare, QStringLiteral("for-each-ref")});
    }

    static int commitCount(const QString &bare)
    {
        return gitOutput({QStringLiteral("--git-dir=") + bare, QStringLiteral("rev-list"), QStringLiteral("--count"),
                          QStringLiteral("gh-pages")}).toInt();
    }

    // A folder with an `ssh` that refuses every login, as a server without the writer's key does,
    // put first on PATH (the real git and rsync run it).
    QByteArray pathWithRefusingSsh()
    {
        const QString bin = path(QStringLiteral("refusing-bin"));
        writeFile(bin + QStringLiteral("/ssh"), "#!/bin/sh\necho 'git@example.invalid: Permission denied (publickey).' >&2\nexit 255\n");
        QFile::setPermissions(bin + QStringLiteral("/ssh"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return bin.toUtf8() + ':' + qgetenv("PATH");
    }

private slots:
    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_log.clear();
        m_progress = {};
    }

    void toolProcessCancelKillsARunningProgram()
    {
        const QString sleep = ToolProcess::find(QStringLiteral("sleep"));
        QVERIFY(!sleep.isEmpty());
        std::atomic<bool> cancel = false;
        ToolProcess process(sleep, callbacks(&cancel));
        std::thread canceller([&cancel] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            cancel = true;
        });
        QElapsedTimer timer;
        timer.start();
        const ToolProcess::Output output = process.run({QStringLiteral("30")});
        canceller.join();
        QCOMPARE(output.status, ToolProcess::Output::Status::Cancelled);
        QVERIFY(timer.elapsed() < 5000);
        QCOMPARE(m_log.first(), QStringLiteral("$ sleep 30"));
    }

    void toolProcessLogsOutputLines()
    {
        ToolProcess process(ToolProcess::find(QStringLiteral("sh")), callbacks());
        const ToolProcess::Output output = process.run({QStringLiteral("-c"), QStringLiteral("echo one; echo two >&2; exit 3")});
        QCOMPARE(output.exitCode, 3);
        QVERIFY(!output.ok());
        QCOMPARE(output.errorLines, QStringList{QStringLiteral("two")});
        QCOMPARE(m_log.first(), QStringLiteral("$ sh -c \"echo one; echo two >&2; exit 3\""));
        QStringList printed = m_log.mid(1);
        printed.sort();   // the two pipes are read side by side
        QCOMPARE(printed, QStringList({QStringLiteral("one"), QStringLiteral("two")}));
    }

    void gitFirstPublishMakesAnOrphanBranch()
    {
        const QString bare = makeBareRepository(QStringLiteral("blog.git"));
        const QString mainBefore = gitOutput({QStringLiteral("--git-dir=") + bare, QStringLiteral("rev-parse"), QStringLiteral("main")});
        GitPublisher publisher(gitTarget(bare, QStringLiteral("blog.example.org")), path(QStringLiteral("work")));

        const auto changes = publisher.publish(makeSite(), QStringLiteral("Publish 1"), callbacks());
        QVERIFY2(changes, qPrintable(changes.ok() ? QString() : changes.errorMessage()));
        const QStringList expected{QStringLiteral(".nojekyll"), QStringLiteral("CNAME"), QStringLiteral("css/site.css"),
                                   QStringLiteral("index.html"), QStringLiteral("posts/first/index.html")};
        QCOMPARE(changeTexts(*changes), QStringList({QStringLiteral("A .nojekyll"), QStringLiteral("A CNAME"),
                                                     QStringLiteral("A css/site.css"), QStringLiteral("A index.html"),
                                                     QStringLiteral("A posts/first/index.html")}));
        QCOMPARE(branchFiles(bare), expected);
        QCOMPARE(commitCount(bare), 1);   // an orphan: main's history is not in it
        QCOMPARE(gitOutput({QStringLiteral("--git-dir=") + bare, QStringLiteral("show"), QStringLiteral("gh-pages:CNAME")}),
                 QStringLiteral("blog.example.org"));
        QCOMPARE(gitOutput({QStringLiteral("--git-dir=") + bare, QStringLiteral("log"), QStringLiteral("-1"),
                            QStringLiteral("--format=%s"), QStringLiteral("gh-pages")}), QStringLiteral("Publish 1"));
        QCOMPARE(gitOutput({QStringLiteral("--git-dir=") + bare, QStringLiteral("rev-parse"), QStringLiteral("main")}), mainBefore);
        QCOMPARE(branchFiles(bare, QStringLiteral("main")), QStringList{QStringLiteral("README")});
        QVERIFY(m_log.contains(QStringLiteral("$ git add --all --force .")));
        QCOMPARE(m_progress, qMakePair(5, 5));
    }

    void gitLaterPublishesCommitOnlyWhatChanged()
    {
        const QString bare = makeBareRepository(QStringLiteral("blog.git"));
        GitPublisher publisher(gitTarget(bare), path(QStringLiteral("work")));
        const QString site = makeSite();
        QVERIFY(publisher.publish(site, QStringLiteral("Publish 1"), callbacks()));

        writeFile(site + QStringLiteral("/posts/first/index.html"), "<p>First post, corrected</p>\n");
        auto changes = publisher.publish(site, QStringLiteral("Publish 2"), callbacks());
        QVERIFY2(changes, qPrintable(changes.ok() ? QString() : changes.errorMessage()));
        QCOMPARE(changeTexts(*changes), QStringList{QStringLiteral("M posts/first/index.html")});
        QCOMPARE(commitCount(bare), 2);
        QCOMPARE(gitOutput({QStringLiteral("--git-dir=") + bare, QStringLiteral("diff"), QStringLiteral("--name-only"),
                            QStringLiteral("gh-pages~1"), QStringLiteral("gh-pages")}), QStringLiteral("posts/first/index.html"));

        // The same site again: no commit at all.
        m_log.clear();
        changes = publisher.publish(site, QStringLiteral("Publish 3"), callbacks());
        QVERIFY(changes);
        QVERIFY(changes->isEmpty());
        QCOMPARE(commitCount(bare), 2);
        QVERIFY(m_log.contains(QStringLiteral("Nothing to publish: the branch already has this site.")));

        // A page gone from the site is gone from the branch.
        QVERIFY(QFile::remove(site + QStringLiteral("/css/site.css")));
        changes = publisher.publish(site, QStringLiteral("Publish 4"), callbacks());
        QVERIFY(changes);
        QCOMPARE(changeTexts(*changes), QStringList{QStringLiteral("D css/site.css")});
        QVERIFY(!branchFiles(bare).contains(QStringLiteral("css/site.css")));
        QCOMPARE(branchFiles(bare, QStringLiteral("main")), QStringList{QStringLiteral("README")});
    }

    void gitDryRunChangesNothingAtTheRemote()
    {
        const QString bare = makeBareRepository(QStringLiteral("blog.git"));
        GitPublisher publisher(gitTarget(bare), path(QStringLiteral("work")));
        const QString site = makeSite();

        const QString before = refs(bare);
        auto changes = publisher.dryRun(site, callbacks());
        QVERIFY2(changes, qPrintable(changes.ok() ? QString() : changes.errorMessage()));
        QCOMPARE(changes->size(), 4);   // no branch yet: everything is added (3 files and .nojekyll)
        for (const auto &change : *changes)
            QCOMPARE(change.kind, Kind::Added);
        QCOMPARE(refs(bare), before);

        QVERIFY(publisher.publish(site, QStringLiteral("Publish 1"), callbacks()));
        const QString published = refs(bare);
        writeFile(site + QStringLiteral("/index.html"), "<h1>Home, again</h1>\n");
        writeFile(site + QStringLiteral("/about/index.html"), "<p>About</p>\n");
        changes = publisher.dryRun(site, callbacks());
        QVERIFY(changes);
        QCOMPARE(changeTexts(*changes), QStringList({QStringLiteral("A about/index.html"), QStringLiteral("M index.html")}));
        QCOMPARE(refs(bare), published);

        // The dry run left nothing staged behind: the real publish makes the same change.
        changes = publisher.publish(site, QStringLiteral("Publish 2"), callbacks());
        QVERIFY(changes);
        QCOMPARE(changeTexts(*changes), QStringList({QStringLiteral("A about/index.html"), QStringLiteral("M index.html")}));
    }

    void gitCloneIsRemadeForAnotherRepository()
    {
        const QString first = makeBareRepository(QStringLiteral("first.git"));
        const QString second = makeBareRepository(QStringLiteral("second.git"));
        const QString site = makeSite();
        QVERIFY(GitPublisher(gitTarget(first), path(QStringLiteral("work"))).publish(site, QStringLiteral("One"), callbacks()));
        const auto changes = GitPublisher(gitTarget(second), path(QStringLiteral("work"))).publish(site, QStringLiteral("Two"), callbacks());
        QVERIFY2(changes, qPrintable(changes.ok() ? QString() : changes.errorMessage()));
        QCOMPARE(changes->size(), 4);
        QCOMPARE(commitCount(second), 1);
        QCOMPARE(commitCount(first), 1);
    }

    void gitWithoutIdentityCommitsAsQuire()
    {
        const QString bare = makeBareRepository(QStringLiteral("blog.git"));
        const QString home = path(QStringLiteral("home"));
        QDir().mkpath(home);
        ScopedEnv noHome("HOME", home.toUtf8());
        ScopedEnv noXdg("XDG_CONFIG_HOME", home.toUtf8());
        ScopedEnv noSystem("GIT_CONFIG_NOSYSTEM", "1");
        const auto changes = GitPublisher(gitTarget(bare), path(QStringLiteral("work"))).publish(makeSite(), QStringLiteral("One"), callbacks());
        QVERIFY2(changes, qPrintable(changes.ok() ? QString() : changes.errorMessage()));
        QCOMPARE(gitOutput({QStringLiteral("--git-dir=") + bare, QStringLiteral("log"), QStringLiteral("-1"),
                            QStringLiteral("--format=%an <%ae>"), QStringLiteral("gh-pages")}),
                 QStringLiteral("Quire <quire@localhost>"));
    }

    void gitKeepsTheBranchsOwnCname()
    {
        const QString bare = makeBareRepository(QStringLiteral("blog.git"));
        GitPublisher publisher(gitTarget(bare), path(QStringLiteral("work")));
        const QString site = makeSite();
        QVERIFY(publisher.publish(site, QStringLiteral("Publish 1"), callbacks()));

        // GitHub's Pages settings commit a CNAME to the branch, outside Quire.
        const QString other = path(QStringLiteral("other"));
        gitOutput({QStringLiteral("clone"), QStringLiteral("--quiet"), QStringLiteral("--branch=gh-pages"), bare, other});
        writeFile(other + QStringLiteral("/CNAME"), "notes.example.org\n");
        gitOutput({QStringLiteral("add"), QStringLiteral("CNAME")}, other);
        gitOutput({QStringLiteral("-c"), QStringLiteral("user.name=GitHub"), QStringLiteral("-c"), QStringLiteral("user.email=gh@example.org"),
                   QStringLiteral("commit"), QStringLiteral("--quiet"), QStringLiteral("-m"), QStringLiteral("Create CNAME")}, other);
        gitOutput({QStringLiteral("push"), QStringLiteral("--quiet"), QStringLiteral("origin"), QStringLiteral("gh-pages")}, other);

        writeFile(site + QStringLiteral("/index.html"), "<h1>Home, changed</h1>\n");
        const auto changes = publisher.publish(site, QStringLiteral("Publish 2"), callbacks());
        QVERIFY2(changes, qPrintable(changes.ok() ? QString() : changes.errorMessage()));
        QCOMPARE(changeTexts(*changes), QStringList{QStringLiteral("M index.html")});
        QCOMPARE(commitCount(bare), 3);   // on top of the CNAME commit: nothing overwritten
        QCOMPARE(gitOutput({QStringLiteral("--git-dir=") + bare, QStringLiteral("show"), QStringLiteral("gh-pages:CNAME")}),
                 QStringLiteral("notes.example.org"));
    }

    void gitDamagedCloneIsRemade()
    {
        const QString bare = makeBareRepository(QStringLiteral("blog.git"));
        GitPublisher publisher(gitTarget(bare), path(QStringLiteral("work")));
        const QString site = makeSite();
        QVERIFY(publisher.publish(site, QStringLiteral("Publish 1"), callbacks()));
        writeFile(publisher.cloneDir() + QStringLiteral("/.git/HEAD"), "garbage\n");

        writeFile(site + QStringLiteral("/index.html"), "<h1>Home, changed</h1>\n");
        const auto changes = publisher.publish(site, QStringLiteral("Publish 2"), callbacks());
        QVERIFY2(changes, qPrintable(changes.ok() ? QString() : changes.errorMessage()));
        QCOMPARE(changeTexts(*changes), QStringList{QStringLiteral("M index.html")});
        QCOMPARE(commitCount(bare), 2);
        QVERIFY(m_log.join(u'\n').contains(QStringLiteral("is damaged or belongs to another repository")));
    }

    void gitSshLoginRefused()
    {
        ScopedEnv path("PATH", pathWithRefusingSsh());
        const auto result = GitPublisher(gitTarget(QStringLiteral("git@example.invalid:writer/blog.git")), this->path(QStringLiteral("work")))
                                .publish(makeSite(), QStringLiteral("One"), callbacks());
        QVERIFY(!result);
        QVERIFY2(result.errorMessage().contains(QStringLiteral("refused to log in")), qPrintable(result.errorMessage()));
    }

    void rsyncSshLoginRefused()
    {
        ScopedEnv path("PATH", pathWithRefusingSsh());
        PublishTarget target;
        target.kind = PublishTarget::Kind::Rsync;
        target.destination = QStringLiteral("writer@example.invalid:www/blog");
        const auto result = RsyncPublisher(target).publish(makeSite(), QString(), callbacks());
        QVERIFY(!result);
        QVERIFY2(result.errorMessage().startsWith(QStringLiteral("The server refused the ssh login")), qPrintable(result.errorMessage()));
        QVERIFY(m_log.join(u'\n').contains(QStringLiteral("-e \"ssh -o BatchMode=yes")));
    }

    void gitExplainsFailures_data()
    {
        QTest::addColumn<QStringList>("errorLines");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ssh key") << QStringList{QStringLiteral("git@github.com: Permission denied (publickey)."),
                                                QStringLiteral("fatal: Could not read from remote repository.")}
                                 << QStringLiteral("refused to log in");
        QTest::newRow("https") << QStringList{QStringLiteral("fatal: could not read Username for 'https://github.com': terminal prompts disabled")}
                               << QStringLiteral("refused to log in");
        QTest::newRow("token") << QStringList{QStringLiteral("remote: Invalid username or password."),
                                              QStringLiteral("fatal: Authentication failed for 'https://github.com/a/b.git/'")}
                               << QStringLiteral("refused to log in");
        QTest::newRow("github 403") << QStringList{QStringLiteral("remote: Permission to a/b.git denied to someone."),
                                                   QStringLiteral("fatal: unable to access 'https://github.com/a/b.git/': The requested URL returned error: 403")}
                                    << QStringLiteral("refused to log in");
        QTest::newRow("local permission") << QStringList{QStringLiteral("error: insufficient permission for adding an object to repository database ./objects"),
                                                         QStringLiteral("fatal: failed to write object: Permission denied")}
                                          << QStringLiteral("git failed: ");
        QTest::newRow("not found") << QStringList{QStringLiteral("remote: Repository not found."),
                                                  QStringLiteral("fatal: repository 'https://github.com/a/b.git/' not found")}
                                   << QStringLiteral("No git repository was found");
        QTest::newRow("disk full") << QStringList{QStringLiteral("error: file write error: No space left on device")}
                                   << QStringLiteral("The disk is full");
        QTest::newRow("non-fast-forward") << QStringList{QStringLiteral(" ! [rejected]        HEAD -> gh-pages (fetch first)"),
                                                         QStringLiteral("error: failed to push some refs to '/x.git'")}
                                          << QStringLiteral("someone else pushed to it meanwhile");
        QTest::newRow("other") << QStringList{QStringLiteral("fatal: something new")} << QStringLiteral("git failed: fatal: something new");
    }

    void gitExplainsFailures()
    {
        QFETCH(QStringList, errorLines);
        QFETCH(QString, expected);
        ToolProcess::Output output;
        output.exitCode = 128;
        output.errorLines = errorLines;
        const QString message = GitPublisher(gitTarget(QStringLiteral("git@github.com:a/b.git")), path(QStringLiteral("work")))
                                    .explain(output).message;
        QVERIFY2(message.contains(expected), qPrintable(message));
    }

    void gitMissing()
    {
        QDir().mkpath(path(QStringLiteral("empty-bin")));
        ScopedEnv emptyPath("PATH", path(QStringLiteral("empty-bin")).toUtf8());
        const auto result = GitPublisher(gitTarget(path(QStringLiteral("blog.git"))), path(QStringLiteral("work")))
                                .publish(makeSite(), QStringLiteral("One"), callbacks());
        QVERIFY(!result);
        QCOMPARE(result.errorMessage(),
                 QStringLiteral("git is not installed. Install it (apt install git) to publish to a git repository."));
    }

    void gitDestinationIsNotARepository()
    {
        QDir().mkpath(path(QStringLiteral("plain-folder")));
        const auto result = GitPublisher(gitTarget(path(QStringLiteral("plain-folder"))), path(QStringLiteral("work")))
                                .publish(makeSite(), QStringLiteral("One"), callbacks());
        QVERIFY(!result);
        QVERIFY2(result.errorMessage().startsWith(QStringLiteral("No git repository was found at")), qPrintable(result.errorMessage()));
    }

    void gitRemoteRejectsThePush()
    {
        const QString bare = makeBareRepository(QStringLiteral("blog.git"));
        writeFile(bare + QStringLiteral("/hooks/pre-receive"), "#!/bin/sh\necho 'Pages are frozen until Monday' >&2\nexit 1\n");
        QVERIFY(QFile::setPermissions(bare + QStringLiteral("/hooks/pre-receive"),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        const QString before = refs(bare);
        const auto result = GitPublisher(gitTarget(bare), path(QStringLiteral("work"))).publish(makeSite(), QStringLiteral("One"), callbacks());
        QVERIFY(!result);
        QVERIFY2(result.errorMessage().contains(QStringLiteral("remote rejected the push to branch gh-pages")), qPrintable(result.errorMessage()));
        QVERIFY2(result.errorMessage().contains(QStringLiteral("Pages are frozen until Monday")), qPrintable(result.errorMessage()));
        QCOMPARE(refs(bare), before);
    }

    void gitCancelBeforePushLeavesTheRemoteAlone()
    {
        const QString bare = makeBareRepository(QStringLiteral("blog.git"));
        GitPublisher publisher(gitTarget(bare), path(QStringLiteral("work")));
        const QString site = makeSite();
        QVERIFY(publisher.publish(site, QStringLiteral("Publish 1"), callbacks()));
        const QString before = refs(bare);
        m_log.clear();

        writeFile(site + QStringLiteral("/index.html"), "<h1>Home, changed</h1>\n");
        std::atomic<bool> cancel = false;
        Publisher::Callbacks withCancel = callbacks(&cancel);
        withCancel.log = [&](const QString &line) {
            m_log.append(line);
            if (line.startsWith(QStringLiteral("$ git")) && line.contains(QStringLiteral(" commit ")))
                cancel = true;
        };
        const auto result = publisher.publish(site, QStringLiteral("Publish 2"), withCancel);
        QVERIFY(!result);
        QVERIFY2(result.errorMessage().contains(QStringLiteral("cancelled")), qPrintable(result.errorMessage()));
        QVERIFY(!m_log.join(u'\n').contains(QStringLiteral("$ git push")));
        QCOMPARE(refs(bare), before);

        // The next publish repairs: one commit on the tip, with just the change.
        const auto changes = publisher.publish(site, QStringLiteral("Publish 2"), callbacks());
        QVERIFY2(changes, qPrintable(changes.ok() ? QString() : changes.errorMessage()));
        QCOMPARE(changeTexts(*changes), QStringList{QStringLiteral("M index.html")});
        QCOMPARE(commitCount(bare), 2);
    }

    void rsyncMirrorsIntoAFolder()
    {
        PublishTarget target;
        target.kind = PublishTarget::Kind::Rsync;
        target.destination = path(QStringLiteral("www"));
        RsyncPublisher publisher(target);
        const QString site = makeSite();

        auto changes = publisher.publish(site, QStringLiteral("Publish 1"), callbacks());
        QVERIFY2(changes, qPrintable(changes.ok() ? QString() : changes.errorMessage()));
        QCOMPARE(changeTexts(*changes), QStringList({QStringLiteral("A css/site.css"), QStringLiteral("A index.html"),
                                                     QStringLiteral("A posts/first/index.html")}));
        QVERIFY(!QFileInfo::exists(target.destination + QStringLiteral("/.quire")));
        QCOMPARE(m_progress, qMakePair(1, 1));
        QCOMPARE(readFile(target.destination + QStringLiteral("/index.html")), QByteArray("<h1>Home</h1>\n"));

        // Same bytes, a new time (a rebuild that changed nothing): not a change.
        writeFile(site + QStringLiteral("/css/site.css"), "body { margin: 0 }\n");
        writeFile(site + QStringLiteral("/index.html"), "<h1>Home 2</h1>\n");
        changes = publisher.publish(site, QStringLiteral("Publish 2"), callbacks());
        QVERIFY(changes);
        QCOMPARE(changeTexts(*changes), QStringList{QStringLiteral("M index.html")});

        // Dry run: reported, not done.
        QVERIFY(QFile::remove(site + QStringLiteral("/posts/first/index.html")));
        writeFile(site + QStringLiteral("/index.html"), "<h1>Home 3</h1>\n");
        changes = publisher.dryRun(site, callbacks());
        QVERIFY(changes);
        QCOMPARE(changeTexts(*changes), QStringList({QStringLiteral("D posts/first/index.html"), QStringLiteral("M index.html")}));
        QCOMPARE(readFile(target.destination + QStringLiteral("/index.html")), QByteArray("<h1>Home 2</h1>\n"));
        QVERIFY(QFileInfo::exists(target.destination + QStringLiteral("/posts/first/index.html")));

        // The removed page is deleted for real.
        changes = publisher.publish(site, QStringLiteral("Publish 3"), callbacks());
        QVERIFY(changes);
        QCOMPARE(changeTexts(*changes), QStringList({QStringLiteral("D posts/first/index.html"), QStringLiteral("M index.html")}));
        QVERIFY(!QFileInfo::exists(target.destination + QStringLiteral("/posts/first/index.html")));
        QVERIFY(!QFileInfo::exists(target.destination + QStringLiteral("/.quire")));
    }

    void accentedNamesArriveIntact()
    {
        const QString site = makeSite();
        writeFile(site + QStringLiteral("/posts/caf\u00e9/index.html"), "<p>Caf\xc3\xa9</p>\n");
        const QStringList expected{QStringLiteral("A posts/caf\u00e9/index.html")};

        PublishTarget target;
        target.kind = PublishTarget::Kind::Rsync;
        target.destination = path(QStringLiteral("www"));
        auto changes = RsyncPublisher(target).publish(site, QString(), callbacks());
        QVERIFY2(changes, qPrintable(changes.ok() ? QString() : changes.errorMessage()));
        QVERIFY(changeTexts(*changes).contains(expected.first()));

        const QString bare = makeBareRepository(QStringLiteral("blog.git"));
        changes = GitPublisher(gitTarget(bare), path(QStringLiteral("work"))).publish(site, QStringLiteral("One"), callbacks());
        QVERIFY2(changes, qPrintable(changes.ok() ? QString() : changes.errorMessage()));
        QVERIFY(changeTexts(*changes).contains(expected.first()));
    }

    void rsyncRefusesRootsAndHomes_data()
    {
        QTest::addColumn<QString>("destination");
        QTest::addColumn<bool>("accepted");
        for (const char *refused : {"", "   ", "/", "//", "/..", "/tmp/..", "~", "~/", "~bob", "host:", "host:/", "host:~",
                                    "host:~/", "host:.", "user@host:", "user@host:/", "/usr", "/home", "/home/bob",
                                    "/root", "host:/var", "host:/home/bob/", "-e sh", "www/blog", ":www", "rsync://host/",
                                    "host::"})
            QTest::newRow(refused) << QString::fromUtf8(refused) << false;
        QTest::newRow("home folder") << QDir::homePath() << false;
        for (const char *accepted : {"/srv/www/blog", "/var/www/blog", "~/www/blog", "host:www/blog",
                                     "user@host:/var/www/blog", "host:~/public_html", "rsync://host/module/blog", "host::blog"})
            QTest::newRow(accepted) << QString::fromUtf8(accepted) << true;
    }

    void rsyncRefusesRootsAndHomes()
    {
        QFETCH(QString, destination);
        QFETCH(bool, accepted);
        QCOMPARE(RsyncPublisher::checkDestination(destination).ok(), accepted);
    }

    void rsyncRefusedDestinationRunsNothing()
    {
        PublishTarget target;
        target.kind = PublishTarget::Kind::Rsync;
        target.destination = QStringLiteral("host:");
        const auto result = RsyncPublisher(target).publish(makeSite(), QString(), callbacks());
        QVERIFY(!result);
        QVERIFY(!m_log.join(u'\n').contains(QStringLiteral("$ rsync")));
    }

    void rsyncParsesItemizedChanges()
    {
        const QByteArray output = "cd+++++++++ posts/\n"
                                  ">f+++++++++ posts/new.html\n"
                                  "<f+++++++++ sent/new.html\n"
                                  ">f.st...... index.html\n"
                                  "<fcs....... feed.xml\n"
                                  ".f..t...... css/site.css\n"
                                  "*deleting   old/page.html\n"
                                  "*deleting   old/\n"
                                  "cL+++++++++ link -> index.html\n"
                                  ">f+++++++++ posts/caf\\#303\\#251/index.html\n";
        QCOMPARE(changeTexts(RsyncPublisher::parseItemized(output)),
                 QStringList({QStringLiteral("A posts/caf\u00e9/index.html"), QStringLiteral("A posts/new.html"),
                              QStringLiteral("A sent/new.html"), QStringLiteral("D old/page.html"),
                              QStringLiteral("M feed.xml"), QStringLiteral("M index.html")}));
    }

    void rsyncMissing()
    {
        QDir().mkpath(path(QStringLiteral("empty-bin")));
        ScopedEnv emptyPath("PATH", path(QStringLiteral("empty-bin")).toUtf8());
        PublishTarget target;
        target.kind = PublishTarget::Kind::Rsync;
        target.destination = path(QStringLiteral("www"));
        const auto result = RsyncPublisher(target).publish(makeSite(), QString(), callbacks());
        QVERIFY(!result);
        QCOMPARE(result.errorMessage(), QStringLiteral("rsync is not installed. Install it (apt install rsync) to publish with rsync."));
    }

    void rsyncUnwritableDestination()
    {
        // Under a file, not a read-only folder: root writes into read-only folders anyway.
        PublishTarget target;
        target.kind = PublishTarget::Kind::Rsync;
        target.destination = QStringLiteral("/dev/null/quire-site");
        const auto result = RsyncPublisher(target).publish(makeSite(), QString(), callbacks());
        QVERIFY(!result);
        QVERIFY2(result.errorMessage().startsWith(QStringLiteral("rsync cannot write to /dev/null/quire-site")),
                 qPrintable(result.errorMessage()));
    }
};

QTEST_GUILESS_MAIN(TestPublishers)
#include "tst_publishers.moc"
