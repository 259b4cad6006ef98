// The `quire` commands as a script sees them: output, exit codes (0 ok, 1 failure, 2 usage),
// one-line errors on stderr, and no display needed.

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void versionAndHelp();
    void usageErrors_data();
    void usageErrors();
    void newListShow();
    void newRefusesATitleThePostRulesRefuse_data();
    void newRefusesATitleThePostRulesRefuse();
    void newGivesTheSlugThePostRulesGive();
    void listFilters();
    void importJekyllAndReimport();
    void importHugo();
    void importFailures();
    void exportMarkdown();
    void importImagesAndWarnings();
    void importAppliesThePostRules();
    void badLibraries_data();
    void badLibraries();
    void libraryInUse();
    void damagedNewerReadOnlyLibraries_data();
    void damagedNewerReadOnlyLibraries();
    void publishTargetsAndPublish();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run quire(const QStringList &arguments);
    QString library() const { return m_dir->filePath(QStringLiteral("blog.quire")); }
    void write(const QString &relative, const QByteArray &content);
    static QByteArray digest(const QString &path);
    // A command that reads and one that would write both fail with one line naming the library
    // and the problem, and leave the file byte for byte as it was.
    void expectRefused(const QString &problem);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

TestCli::Run TestCli::quire(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Headless for real: no display of any kind.
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QLatin1String(name));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("xdg-data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir->filePath(QStringLiteral("xdg-cache")));   // publish's site
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(QUIRE_BINARY), arguments);
    if (!process.waitForFinished(60000))
        qWarning() << "quire did not finish:" << arguments;
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

void TestCli::write(const QString &relative, const QByteArray &content)
{
    const QString path = m_dir->filePath(relative);
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

QByteArray TestCli::digest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

void TestCli::expectRefused(const QString &problem)
{
    const QByteArray before = digest(library());
    for (const QStringList &args : {QStringList{QStringLiteral("list")}, QStringList{QStringLiteral("new"), QStringLiteral("Title")}}) {
        const Run run = quire(QStringList{QStringLiteral("--library"), library()} + args);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
        QVERIFY2(run.err.contains(library()), qPrintable(run.err));
        QVERIFY2(run.err.contains(problem), qPrintable(run.err));
    }
    QCOMPARE(digest(library()), before);
    QVERIFY(!QFile::exists(library() + QStringLiteral("-wal")));
}

void TestCli::versionAndHelp()
{
    const Run version = quire({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith(QStringLiteral("quire " QUIRE_VERSION)));
    const Run help = quire({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char *word : {"new TITLE", "list", "show SLUG", "import DIR", "--library PATH", "target add NAME", "publish NAME"})
        QVERIFY2(help.out.contains(QLatin1String(word)), word);
    QCOMPARE(quire({QStringLiteral("list"), QStringLiteral("--help")}).exitCode, 0);
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("publsh")};
    QTest::newRow("library without path") << QStringList{QStringLiteral("list"), QStringLiteral("--library")};
    QTest::newRow("bad status") << QStringList{QStringLiteral("list"), QStringLiteral("--status"), QStringLiteral("gone")};
    QTest::newRow("target alone") << QStringList{QStringLiteral("target")};
    QTest::newRow("target unknown action") << QStringList{QStringLiteral("target"), QStringLiteral("rename")};
    QTest::newRow("target add without kind") << QStringList{QStringLiteral("target"), QStringLiteral("add"), QStringLiteral("www")};
    QTest::newRow("target add without name") << QStringList{QStringLiteral("target"), QStringLiteral("add"), QStringLiteral("--folder"), QStringLiteral("/srv/www")};
    QTest::newRow("target add two kinds") << QStringList{QStringLiteral("target"), QStringLiteral("add"), QStringLiteral("www"),
                                                        QStringLiteral("--folder"), QStringLiteral("/srv/www"), QStringLiteral("--rsync"), QStringLiteral("h:/srv/www")};
    QTest::newRow("target add branch for folder") << QStringList{QStringLiteral("target"), QStringLiteral("add"), QStringLiteral("www"),
                                                                QStringLiteral("--folder"), QStringLiteral("/srv/www"), QStringLiteral("--branch"), QStringLiteral("main")};
    QTest::newRow("target add folder without value") << QStringList{QStringLiteral("target"), QStringLiteral("add"), QStringLiteral("www"), QStringLiteral("--folder")};
    QTest::newRow("target remove without name") << QStringList{QStringLiteral("target"), QStringLiteral("remove")};
    QTest::newRow("target list with argument") << QStringList{QStringLiteral("target"), QStringLiteral("list"), QStringLiteral("x")};
    QTest::newRow("publish without target") << QStringList{QStringLiteral("publish")};
    QTest::newRow("publish two targets") << QStringList{QStringLiteral("publish"), QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("publish bad option") << QStringList{QStringLiteral("publish"), QStringLiteral("a"), QStringLiteral("--force")};
    QTest::newRow("list junk") << QStringList{QStringLiteral("list"), QStringLiteral("extra")};
    QTest::newRow("show nothing") << QStringList{QStringLiteral("show")};
    QTest::newRow("show two") << QStringList{QStringLiteral("show"), QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("new nothing") << QStringList{QStringLiteral("new")};
    QTest::newRow("import nothing") << QStringList{QStringLiteral("import")};
    QTest::newRow("export-markdown nothing") << QStringList{QStringLiteral("export-markdown")};
    QTest::newRow("export-markdown bad flavor") << QStringList{QStringLiteral("export-markdown"), QStringLiteral("out"),
                                                               QStringLiteral("--flavor"), QStringLiteral("zola")};
    QTest::newRow("export-markdown two folders") << QStringList{QStringLiteral("export-markdown"), QStringLiteral("a"), QStringLiteral("b")};
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    const Run run = quire(QStringList{QStringLiteral("--library"), library()} + arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.startsWith(QStringLiteral("quire: ")));
    QVERIFY(run.out.isEmpty());
    QVERIFY(!QFile::exists(library()));   // a usage error touches nothing
}

void TestCli::newListShow()
{
    const Run created = quire({QStringLiteral("--library"), library(), QStringLiteral("new"), QStringLiteral("Float <sums> & you")});
    QCOMPARE(created.exitCode, 0);
    QCOMPARE(created.out.trimmed(), QStringLiteral("float-sums-you"));
    const Run again = quire({QStringLiteral("--library"), library(), QStringLiteral("new"), QStringLiteral("Float sums you")});
    QCOMPARE(again.out.trimmed(), QStringLiteral("float-sums-you-2"));

    // --library after the command works as well.
    const Run list = quire({QStringLiteral("list"), QStringLiteral("--library"), library()});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.out.count(QLatin1Char('\n')), 2);
    QVERIFY(list.out.contains(QStringLiteral("draft")));
    QVERIFY(list.out.contains(QStringLiteral("Float <sums> & you")));

    const Run show = quire({QStringLiteral("--library"), library(), QStringLiteral("show"), QStringLiteral("float-sums-you")});
    QCOMPARE(show.exitCode, 0);
    QVERIFY(show.out.startsWith(QStringLiteral("---\n")));
    QVERIFY(show.out.contains(QStringLiteral("title: Float <sums> & you")));
    QVERIFY(show.out.contains(QStringLiteral("draft: true")));

    const Run missing = quire({QStringLiteral("--library"), library(), QStringLiteral("show"), QStringLiteral("nope")});
    QCOMPARE(missing.exitCode, 1);
    QCOMPARE(missing.err.count(QLatin1Char('\n')), 1);
    QVERIFY(missing.err.contains(QStringLiteral("nope")));
}

void TestCli::newRefusesATitleThePostRulesRefuse_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("reason");
    QTest::newRow("control character") << QStringLiteral("Ring\a") << "The title holds a control character.";
    QTest::newRow("escape sequence") << QStringLiteral("\x1b[31mRed") << "The title holds a control character.";
    QTest::newRow("only zero-width spaces") << QString(3, QChar(0x200B)) << "The title cannot be empty.";
    QTest::newRow("right-to-left override") << QStringLiteral("invoice") + QChar(0x202E) + QStringLiteral("fdp.exe")
                                            << "U+202E";
    QTest::newRow("too long") << QString(1001, u't') << "1001 characters long; at most 1000";
}

void TestCli::newRefusesATitleThePostRulesRefuse()
{
    QFETCH(QString, title);
    QFETCH(QString, reason);
    const Run run = quire({QStringLiteral("--library"), library(), QStringLiteral("new"), title});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.startsWith(QStringLiteral("quire: ")), qPrintable(run.err));
    QVERIFY2(run.err.contains(reason), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    QVERIFY(!QFile::exists(library()));   // refused before the library is opened
}

void TestCli::newGivesTheSlugThePostRulesGive()
{
    const Run snake = quire({QStringLiteral("--library"), library(), QStringLiteral("new"), QStringLiteral("Using torch.no_grad")});
    QCOMPARE(snake.exitCode, 0);
    QCOMPARE(snake.out.trimmed(), QStringLiteral("using-torch-no-grad"));   // the panel refuses '_' in a slug
    const Run hebrew = quire({QStringLiteral("--library"), library(), QStringLiteral("new"), QStringLiteral("שלום עולם")});
    QCOMPARE(hebrew.exitCode, 0);
    QCOMPARE(hebrew.out.trimmed(), QStringLiteral("שלום-עולם"));
    const Run party = quire({QStringLiteral("--library"), library(), QStringLiteral("new"), QString::fromUtf8("\xF0\x9F\x8E\x89")});
    QCOMPARE(party.exitCode, 0);
    QCOMPARE(party.out.trimmed(), QStringLiteral("post"));
}

void TestCli::listFilters()
{
    write(QStringLiteral("blog/_posts/2023-01-01-gpu-notes.md"), "---\ntitle: GPU notes\ntags: [gpu]\n---\nWarp divergence.\n");
    write(QStringLiteral("blog/_posts/2023-01-02-float-notes.md"), "---\ntitle: Float notes\ntags: [numerics]\n---\nKahan summation.\n");
    write(QStringLiteral("blog/_drafts/idea.md"), "---\ntitle: Idea\n---\nUnfinished kahan thought.\n");
    QCOMPARE(quire({QStringLiteral("--library"), library(), QStringLiteral("import"), m_dir->filePath(QStringLiteral("blog"))}).exitCode, 0);

    auto lines = [this](const QStringList &args) {
        const Run run = quire(QStringList{QStringLiteral("--library"), library(), QStringLiteral("list")} + args);
        return run.exitCode == 0 ? run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts) : QStringList{run.err};
    };
    QCOMPARE(lines({}).size(), 3);
    QCOMPARE(lines({QStringLiteral("--status"), QStringLiteral("draft")}).size(), 1);
    QCOMPARE(lines({QStringLiteral("--status=published")}).size(), 2);
    const QStringList gpu = lines({QStringLiteral("--tag"), QStringLiteral("GPU")});
    QCOMPARE(gpu.size(), 1);
    QVERIFY(gpu.first().contains(QStringLiteral("gpu-notes")));
    QCOMPARE(lines({QStringLiteral("--search"), QStringLiteral("kahan")}).size(), 2);
    QCOMPARE(lines({QStringLiteral("--search"), QStringLiteral("kahan"), QStringLiteral("--status"), QStringLiteral("draft")}).size(), 1);
    QCOMPARE(lines({QStringLiteral("--search"), QStringLiteral("\"(NEAR*")}).size(), 0);
}

void TestCli::importJekyllAndReimport()
{
    write(QStringLiteral("blog/_posts/2023-04-05-first.md"), "---\ntitle: First\n---\nOne.\n");
    write(QStringLiteral("blog/_posts/2023-04-06-second.md"), "---\ntitle: Second\nslug: ../../etc\n---\nTwo.\n");
    write(QStringLiteral("blog/_posts/2023-04-07-broken.md"), "---\ntitle: [\n---\nThree.\n");
    const QString blog = m_dir->filePath(QStringLiteral("blog"));

    const Run first = quire({QStringLiteral("--library"), library(), QStringLiteral("import"), blog});
    QCOMPARE(first.exitCode, 0);
    QVERIFY2(first.out.contains(QStringLiteral("2 new, 0 updated, 0 unchanged, 1 skipped")), qPrintable(first.out));
    QVERIFY(first.out.contains(QStringLiteral("skipped  _posts/2023-04-07-broken.md")));
    QVERIFY(first.out.contains(QStringLiteral("cleaned to \"etc\"")));

    write(QStringLiteral("blog/_posts/2023-04-05-first.md"), "---\ntitle: First, again\n---\nOne more.\n");
    const Run second = quire({QStringLiteral("--library"), library(), QStringLiteral("import"), blog});
    QCOMPARE(second.exitCode, 0);
    QVERIFY2(second.out.contains(QStringLiteral("0 new, 1 updated, 1 unchanged, 1 skipped")), qPrintable(second.out));

    const Run list = quire({QStringLiteral("--library"), library(), QStringLiteral("list")});
    QCOMPARE(list.out.count(QLatin1Char('\n')), 2);
    const Run show = quire({QStringLiteral("--library"), library(), QStringLiteral("show"), QStringLiteral("first")});
    QVERIFY(show.out.contains(QStringLiteral("One more.")));
    QVERIFY(show.out.contains(QStringLiteral("date: 2023-04-05T00:00:00Z")));
}

void TestCli::importHugo()
{
    write(QStringLiteral("site/content/posts/a.md"), "---\ntitle: A\ndraft: true\n---\nA\n");
    write(QStringLiteral("site/content/posts/b/index.md"), "---\ntitle: B\n---\nB\n");
    const Run run = quire({QStringLiteral("--library"), library(), QStringLiteral("import"), m_dir->filePath(QStringLiteral("site"))});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("2 new")));
    const Run drafts = quire({QStringLiteral("--library"), library(), QStringLiteral("list"), QStringLiteral("--status"), QStringLiteral("draft")});
    QVERIFY(drafts.out.contains(QStringLiteral(" a ")));
}

void TestCli::importImagesAndWarnings()
{
    write(QStringLiteral("blog/assets/ok.png"), QByteArray("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x02\0\0\0\x02", 24));
    write(QStringLiteral("blog/_posts/2023-04-05-pics.md"),
          "---\ntitle: Pics\n---\n![ok](/assets/ok.png)\n![gone](/assets/gone.png)\n");
    const Run run = quire({QStringLiteral("--library"), library(), QStringLiteral("import"), m_dir->filePath(QStringLiteral("blog"))});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("warning  _posts/2023-04-05-pics.md: image \"/assets/gone.png\" not imported: no such file")),
             qPrintable(run.out));
    const Run show = quire({QStringLiteral("--library"), library(), QStringLiteral("show"), QStringLiteral("pics")});
    QVERIFY2(show.out.contains(QStringLiteral("![ok](/media/ok.png)\n![gone](/assets/gone.png)")), qPrintable(show.out));
}

void TestCli::importAppliesThePostRules()
{
    write(QStringLiteral("blog/_posts/2023-04-05-my_notes.md"),
          "---\ntitle: \"Notes\\a\"\ntags: [" + QByteArray(300, 'x') + ", gpu]\n---\nText.\n");
    const Run run = quire({QStringLiteral("--library"), library(), QStringLiteral("import"), m_dir->filePath(QStringLiteral("blog"))});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("1 new")), qPrintable(run.out));
    // One warning line each, naming the file and what was done.
    const QStringList warnings = run.out.split(u'\n').filter(QStringLiteral("warning  _posts/2023-04-05-my_notes.md: "));
    QCOMPARE(warnings.size(), 3);
    for (const QString &what : {QStringLiteral("control characters removed from the title"),
                                QStringLiteral("the file name \"my_notes\" is not a slug; used \"my-notes\""),
                                QStringLiteral("cut to 100 characters")})
        QVERIFY2(!warnings.filter(what).isEmpty(), qPrintable(run.out));
    const Run show = quire({QStringLiteral("--library"), library(), QStringLiteral("show"), QStringLiteral("my-notes")});
    QCOMPARE(show.exitCode, 0);
    QVERIFY2(show.out.contains(QStringLiteral("title: Notes\n")), qPrintable(show.out));
    QVERIFY2(show.out.contains(QString(100, u'x')) && !show.out.contains(QString(101, u'x')), qPrintable(show.out));
}

void TestCli::importFailures()
{
    const Run missing = quire({QStringLiteral("--library"), library(), QStringLiteral("import"), m_dir->filePath(QStringLiteral("none"))});
    QCOMPARE(missing.exitCode, 1);
    QCOMPARE(missing.err.count(QLatin1Char('\n')), 1);
    QVERIFY(missing.err.contains(QStringLiteral("does not exist")));

    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("plain"))));
    const Run plain = quire({QStringLiteral("--library"), library(), QStringLiteral("import"), m_dir->filePath(QStringLiteral("plain"))});
    QCOMPARE(plain.exitCode, 1);
    QVERIFY(plain.err.contains(QStringLiteral("neither a Hugo site")));
}

void TestCli::exportMarkdown()
{
    write(QStringLiteral("site/_posts/2024-03-05-a.md"), "---\ntitle: A\ntags: [x, y]\n---\nA body\n");
    write(QStringLiteral("site/_drafts/b.md"), "---\ntitle: B\n---\nB\n");
    QCOMPARE(quire({QStringLiteral("--library"), library(), QStringLiteral("import"), m_dir->filePath(QStringLiteral("site"))}).exitCode, 0);

    const QString hugo = m_dir->filePath(QStringLiteral("hugo"));
    const Run run = quire({QStringLiteral("--library"), library(), QStringLiteral("export-markdown"), hugo});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.trimmed(), QStringLiteral("Exported 2 posts and 0 images to %1 as a Hugo site.").arg(hugo));
    QVERIFY(QFile::exists(hugo + QStringLiteral("/content/posts/a.md")));
    QVERIFY(QFile::exists(hugo + QStringLiteral("/content/posts/b.md")));
    QVERIFY(QFile::exists(hugo + QStringLiteral("/config.toml")));

    const QString jekyll = m_dir->filePath(QStringLiteral("jekyll"));
    const Run second = quire({QStringLiteral("--library"), library(), QStringLiteral("export-markdown"), jekyll,
                              QStringLiteral("--flavor=jekyll")});
    QCOMPARE(second.exitCode, 0);
    QVERIFY(second.out.contains(QStringLiteral("as a Jekyll site.")));
    QVERIFY(QFile::exists(jekyll + QStringLiteral("/_posts/2024-03-05-a.md")));
    QVERIFY(QFile::exists(jekyll + QStringLiteral("/_drafts/b.md")));

    // A folder of someone else's: exit 1, one line saying why, nothing written.
    const Run refused = quire({QStringLiteral("--library"), library(), QStringLiteral("export-markdown"),
                               m_dir->filePath(QStringLiteral("site"))});
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(refused.err.count(QLatin1Char('\n')), 1);
    QVERIFY(refused.err.contains(QStringLiteral("not written by a Markdown export")));
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("site/.quire-export.json"))));
}

void TestCli::badLibraries_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("problem");
    QTest::newRow("text") << QByteArray("my shopping list\n") << QStringLiteral("not a Quire library");
    QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << QStringLiteral("not a Quire library");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("not a Quire library");
}

void TestCli::badLibraries()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, problem);
    write(QStringLiteral("blog.quire"), content);
    expectRefused(problem);

    const Run absent = quire({QStringLiteral("--library"), m_dir->filePath(QStringLiteral("absent.quire")), QStringLiteral("list")});
    QCOMPARE(absent.exitCode, 1);
    QVERIFY(absent.err.contains(QStringLiteral("does not exist")));
}

void TestCli::libraryInUse()
{
    QCOMPARE(quire({QStringLiteral("--library"), library(), QStringLiteral("new"), QStringLiteral("One")}).exitCode, 0);
    // Hold the library the way a running Quire window does, from another process.
    QProcess holder;
    holder.start(QStringLiteral("flock"), {QStringLiteral("-x"), library(), QStringLiteral("sleep"), QStringLiteral("30")});
    QVERIFY(holder.waitForStarted());
    QTest::qWait(300);
    const Run run = quire({QStringLiteral("--library"), library(), QStringLiteral("list")});
    holder.kill();
    holder.waitForFinished();
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("already open")), qPrintable(run.err));
}

void TestCli::damagedNewerReadOnlyLibraries_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("problem");
    QTest::newRow("truncated") << QStringLiteral("truncate") << QStringLiteral("damaged");
    QTest::newRow("newer") << QStringLiteral("newer") << QStringLiteral("newer version of Quire");
    QTest::newRow("read-only") << QStringLiteral("read-only") << QStringLiteral("read-only");
}

void TestCli::damagedNewerReadOnlyLibraries()
{
    QFETCH(QString, damage);
    QFETCH(QString, problem);
    // A real library with a few posts, closed cleanly (its WAL folded back into the file).
    for (const char *title : {"One", "Two", "Three"})
        QCOMPARE(quire({QStringLiteral("--library"), library(), QStringLiteral("new"), QLatin1String(title)}).exitCode, 0);
    QFile file(library());
    QVERIFY(file.open(QIODevice::ReadWrite));
    if (damage == u"truncate") {
        QVERIFY(file.resize(file.size() / 2));
    } else if (damage == u"newer") {
        QVERIFY(file.seek(60));   // the header's user_version, big-endian
        QCOMPARE(file.write(QByteArray("\0\0\0\x63", 4)), 4);
    }
    file.close();
    if (damage == u"read-only")
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    expectRefused(problem);
    QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
}

void TestCli::publishTargetsAndPublish()
{
    write(QStringLiteral("blog/_posts/2023-04-05-first.md"), "---\ntitle: First\n---\nOne.\n");
    write(QStringLiteral("blog/_posts/2023-04-06-second.md"), "---\ntitle: Second\n---\nTwo.\n");
    const QStringList lib{QStringLiteral("--library"), library()};
    QCOMPARE(quire(lib + QStringList{QStringLiteral("import"), m_dir->filePath(QStringLiteral("blog"))}).exitCode, 0);
    QCOMPARE(quire(lib + QStringList{QStringLiteral("new"), QStringLiteral("Secret draft")}).exitCode, 0);
    const QString www = m_dir->filePath(QStringLiteral("www"));

    const Run added = quire(lib + QStringList{QStringLiteral("target"), QStringLiteral("add"), QStringLiteral("www"), QStringLiteral("--folder"), www});
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    const Run twice = quire(lib + QStringList{QStringLiteral("target"), QStringLiteral("add"), QStringLiteral("www"), QStringLiteral("--folder"), www});
    QCOMPARE(twice.exitCode, 1);
    QVERIFY2(twice.err.contains(QStringLiteral("There is already a target called")), qPrintable(twice.err));
    for (const QStringList &hostile : {QStringList{QStringLiteral("root"), QStringLiteral("--folder"), QStringLiteral("/")},
                                       QStringList{QStringLiteral("-x"), QStringLiteral("--folder"), www},
                                       QStringList{QStringLiteral("server"), QStringLiteral("--rsync"), QStringLiteral("host:")},
                                       QStringList{QStringLiteral("pages"), QStringLiteral("--git"), QStringLiteral("/srv/x.git"),
                                                   QStringLiteral("--branch"), QStringLiteral("a..b")}}) {
        const Run refused = quire(lib + QStringList{QStringLiteral("target"), QStringLiteral("add")} + hostile);
        QVERIFY2(refused.exitCode == 1 || refused.exitCode == 2, qPrintable(hostile.join(u' ')));
        QCOMPARE(refused.err.count(QLatin1Char('\n')) >= 1, true);
    }
    QCOMPARE(quire(lib + QStringList{QStringLiteral("target"), QStringLiteral("add"), QStringLiteral("pages"), QStringLiteral("--git"),
                                     QStringLiteral("git@example.org:me/blog.git"), QStringLiteral("--branch"), QStringLiteral("main"),
                                     QStringLiteral("--cname"), QStringLiteral("blog.example.org")}).exitCode, 0);
    const Run listed = quire(lib + QStringList{QStringLiteral("target"), QStringLiteral("list")});
    QCOMPARE(listed.exitCode, 0);
    const QStringList lines = listed.out.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).startsWith(QStringLiteral("pages")) && lines.at(0).contains(QStringLiteral("git"))
                 && lines.at(0).contains(QStringLiteral("branch main")), qPrintable(listed.out));
    QVERIFY2(lines.at(1).startsWith(QStringLiteral("www")) && lines.at(1).contains(QStringLiteral("folder"))
                 && lines.at(1).contains(www), qPrintable(listed.out));

    const Run dry = quire(lib + QStringList{QStringLiteral("publish"), QStringLiteral("www"), QStringLiteral("--dry-run")});
    QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
    QVERIFY2(dry.out.contains(QStringLiteral("+ index.html\n")), qPrintable(dry.out));
    QVERIFY2(dry.out.contains(QStringLiteral("+ posts/first/index.html\n")), qPrintable(dry.out));
    QVERIFY2(dry.out.contains(QStringLiteral("Dry run for www: ")), qPrintable(dry.out));
    QVERIFY(!QFile::exists(www));

    const Run published = quire(lib + QStringList{QStringLiteral("publish"), QStringLiteral("www")});
    QVERIFY2(published.exitCode == 0, qPrintable(published.err));
    QVERIFY2(published.out.contains(QStringLiteral("copied posts/first/index.html")), qPrintable(published.out));
    QVERIFY2(published.out.contains(QStringLiteral(" added, 0 changed, 0 removed; posts: Second, First.")), qPrintable(published.out));
    QVERIFY(QFile::exists(www + QStringLiteral("/posts/second/index.html")));
    QVERIFY(!QFile::exists(www + QStringLiteral("/posts/secret-draft/index.html")));
    QVERIFY(!QDir(m_dir->filePath(QStringLiteral("xdg-cache/Quire/publish"))).isEmpty());

    const Run again = quire(lib + QStringList{QStringLiteral("publish"), QStringLiteral("www")});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.out.contains(QStringLiteral("Published to www: 0 added, 0 changed, 0 removed; no post pages changed.")), qPrintable(again.out));

    for (const QString &name : {QStringLiteral("nowhere"), QStringLiteral("pages")}) {
        const Run failed = quire(lib + QStringList{QStringLiteral("publish"), name});
        QCOMPARE(failed.exitCode, 1);
        QVERIFY2(failed.err.startsWith(QStringLiteral("quire: ")) && failed.err.count(QLatin1Char('\n')) == 1, qPrintable(failed.err));
    }
    QCOMPARE(quire(lib + QStringList{QStringLiteral("target"), QStringLiteral("remove"), QStringLiteral("www")}).exitCode, 0);
    QCOMPARE(quire(lib + QStringList{QStringLiteral("target"), QStringLiteral("remove"), QStringLiteral("www")}).exitCode, 1);
    QVERIFY(!quire(lib + QStringList{QStringLiteral("target"), QStringLiteral("list")}).out.contains(QStringLiteral("www")));
    QVERIFY(QFile::exists(www + QStringLiteral("/index.html")));   // removing a target changes nothing there
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
