// Publishing: publish targets in the library (names, destinations, damaged settings), the folder
// publisher on real folders (only changed files copied, the writer's own files left alone, pages
// gone from the site removed, dry run, cancel, refused and unwritable folders), and PublishJob on
// a small library (no drafts, Publish revisions and published dates, nothing recorded twice).

#include "core_test_support.h"
#include "publish/folder_publisher.h"
#include "publish/publish_job.h"
#include "publish/publish_target.h"
#include "publish/publish_targets.h"
#include "setup/library_setup.h"
#include "site/site_builder.h"
#include "store/library.h"
#include "store/post_history.h"
#include "store/post_store.h"
#include "store/revision.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QThread>

#include <sqlite3.h>
#include <unistd.h>

using namespace quire;
using CoreTest::messageOf;
using CoreTest::readAll;
using CoreTest::writeFile;

namespace {

// Every file under dir (relative paths) with its content; skip: a top-level name left out.
QMap<QString, QByteArray> snapshot(const QString &dir, const QStringList &skip = {})
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = QDir(dir).relativeFilePath(path);
        if (!skip.contains(relative.section(u'/', 0, 0)))
            files.insert(relative, readAll(path));
    }
    return files;
}

QHash<QString, QDateTime> mtimes(const QString &dir)
{
    QHash<QString, QDateTime> times;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        times.insert(path, QFileInfo(path).lastModified());
    }
    return times;
}

QStringList pathsOf(const QList<Publisher::Change> &changes, Publisher::Change::Kind kind)
{
    QStringList paths;
    for (const Publisher::Change &change : changes) {
        if (change.kind == kind)
            paths.append(change.path);
    }
    return paths;
}

int publishRevisions(Library &library, qint64 postId)
{
    const Result<QList<Revision>> revisions = library.history().revisions(postId);
    if (!revisions)
        return -1;
    return int(std::count_if(revisions->cbegin(), revisions->cend(),
                             [](const Revision &revision) { return revision.reason == RevisionReason::Publish; }));
}

PublishTarget folderTarget(const QString &name, const QString &destination)
{
    PublishTarget target;
    target.name = name;
    target.kind = PublishTarget::Kind::Folder;
    target.destination = destination;
    return target;
}

} // namespace

class TestPublish : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void targetsAreSavedListedRenamedRemoved();
    void duplicateNamesAreRefused();
    void configRoundTrip();
    void checkRefusesHostileTargets_data();
    void checkRefusesHostileTargets();
    void damagedConfigIsAClearError();

    void firstPublishCopiesEverything();
    void secondPublishCopiesOnlyWhatChanged();
    void removedPagesGoOthersStay();
    void dryRunWritesNothing();
    void cancelLeavesEveryFileWhole();
    void unwritableDestination();
    void unwritableDestinationByPermission();
    void refusesDangerousDestinations();
    void neverWritesThroughSymlinks();
    void longLogsAreSummarised();

    void jobPublishesWithoutDraftsAndRecords();
    void nothingGoesOutInAThemeTheWriterDidNotChoose();
    void jobPublishesToAGitBranch();
    void scheduledPostsGoOutWhenTheirTimeComes();
    void commitMessageNamesAtMostTenPosts();

private:
    std::unique_ptr<Library> newLibrary(const QString &name);
    Post addPost(Library &library, const QString &title, PostStatus status = PostStatus::Published,
                 bool dated = true);
    QString buildSite(Library &library, const QString &name);

    QTemporaryDir m_dir;
    int m_count = 0;
};

void TestPublish::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

std::unique_ptr<Library> TestPublish::newLibrary(const QString &name)
{
    auto library = LibrarySetup::open(m_dir.filePath(name + QStringLiteral(".quire")));
    if (!library)
        qFatal("library: %s", qPrintable(library.errorMessage()));
    // A clock that moves a second on every reading, from 1 June 2026.
    auto ticks = std::make_shared<int>(0);
    (*library)->setClock([ticks] { return QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC).addSecs((*ticks)++); });
    return std::move(*library);
}

Post TestPublish::addPost(Library &library, const QString &title, PostStatus status, bool dated)
{
    Post post;
    post.title = title;
    post.body = QStringLiteral("The text of %1.").arg(title);
    post.status = status;
    post.createdAt = QDateTime(QDate(2025, 1, 1), QTime(9, 0), Qt::UTC).addDays(++m_count);
    if (status != PostStatus::Draft && dated)
        post.publishedAt = post.createdAt.addSecs(3600);
    auto created = library.posts().create(post);
    if (!created)
        qFatal("post: %s", qPrintable(created.errorMessage()));
    return *created;
}

QString TestPublish::buildSite(Library &library, const QString &name)
{
    SiteBuilder::Options options;
    options.outputDir = m_dir.filePath(name);
    auto report = SiteBuilder(library).build(options);
    if (!report)
        qFatal("build: %s", qPrintable(report.errorMessage()));
    return options.outputDir;
}

void TestPublish::targetsAreSavedListedRenamedRemoved()
{
    auto library = newLibrary(QStringLiteral("targets"));
    QCOMPARE(PublishTargets::list(*library)->size(), 0);
    PublishTarget git;
    git.name = QStringLiteral("pages");
    git.kind = PublishTarget::Kind::Git;
    git.destination = QStringLiteral("git@github.com:me/me.github.io.git");
    git.branch = QStringLiteral("main");
    git.cname = QStringLiteral("blog.example.org");
    const Result<PublishTarget> savedGit = PublishTargets::save(*library, git);
    QVERIFY2(savedGit, qPrintable(messageOf(savedGit)));
    QVERIFY(savedGit->id > 0);
    const Result<PublishTarget> savedFolder = PublishTargets::save(*library, folderTarget(QStringLiteral("local"), m_dir.filePath(QStringLiteral("www"))));
    QVERIFY2(savedFolder, qPrintable(messageOf(savedFolder)));

    Result<QList<PublishTarget>> all = PublishTargets::list(*library);
    QVERIFY(all);
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(0).name, QStringLiteral("local"));   // by name
    QCOMPARE(all->at(1).name, QStringLiteral("pages"));
    QCOMPARE(all->at(1).kind, PublishTarget::Kind::Git);
    QCOMPARE(all->at(1).destination, git.destination);
    QCOMPARE(all->at(1).branch, QStringLiteral("main"));
    QCOMPARE(all->at(1).cname, QStringLiteral("blog.example.org"));

    // A rename is a save with the id.
    PublishTarget renamed = *savedGit;
    renamed.name = QStringLiteral("github");
    QVERIFY2(PublishTargets::save(*library, renamed), "rename");
    QVERIFY(!PublishTargets::find(*library, QStringLiteral("pages"))->has_value());
    const auto found = PublishTargets::find(*library, QStringLiteral("GitHub"));   // names compare without case
    QVERIFY(found && found->has_value());
    QCOMPARE((*found)->id, savedGit->id);
    QCOMPARE(PublishTargets::list(*library)->size(), 2);

    QVERIFY(PublishTargets::remove(*library, QStringLiteral("github")));
    const Result<void> again = PublishTargets::remove(*library, QStringLiteral("github"));
    QVERIFY(!again);
    QVERIFY2(again.errorMessage().contains(QStringLiteral("github")), qPrintable(again.errorMessage()));
    QCOMPARE(PublishTargets::list(*library)->size(), 1);

    // A target saved with an invalid name never reaches the table.
    const Result<PublishTarget> bad = PublishTargets::save(*library, folderTarget(QStringLiteral("-x"), m_dir.filePath(QStringLiteral("www"))));
    QVERIFY(!bad);
    QCOMPARE(PublishTargets::list(*library)->size(), 1);
}

void TestPublish::duplicateNamesAreRefused()
{
    auto library = newLibrary(QStringLiteral("duplicates"));
    QVERIFY(PublishTargets::save(*library, folderTarget(QStringLiteral("site"), m_dir.filePath(QStringLiteral("a")))));
    const Result<PublishTarget> other = PublishTargets::save(*library, folderTarget(QStringLiteral("other"), m_dir.filePath(QStringLiteral("b"))));
    QVERIFY(other);
    for (const QString &name : {QStringLiteral("site"), QStringLiteral("SITE")}) {
        const Result<PublishTarget> same = PublishTargets::save(*library, folderTarget(name, m_dir.filePath(QStringLiteral("c"))));
        QVERIFY(!same);
        QVERIFY2(same.errorMessage().startsWith(QStringLiteral("There is already a target called")), qPrintable(same.errorMessage()));
        PublishTarget renamed = *other;
        renamed.name = name;
        QVERIFY(!PublishTargets::save(*library, renamed));
    }
    QCOMPARE(PublishTargets::list(*library)->size(), 2);
    QCOMPARE((*PublishTargets::find(*library, QStringLiteral("other")))->destination, m_dir.filePath(QStringLiteral("b")));
}

void TestPublish::configRoundTrip()
{
    PublishTarget git;
    git.kind = PublishTarget::Kind::Git;
    git.destination = QStringLiteral("/srv/repo.git");
    QCOMPARE(git.config().keys(), QStringList{QStringLiteral("destination")});
    git.branch = QStringLiteral("gh-pages");
    git.cname = QStringLiteral("example.org");
    QCOMPARE(git.config().keys().size(), 3);
    PublishTarget rsync;
    rsync.kind = PublishTarget::Kind::Rsync;
    rsync.destination = QStringLiteral("me@host:/srv/www");
    rsync.branch = QStringLiteral("ignored");
    QCOMPARE(rsync.config().keys(), QStringList{QStringLiteral("destination")});
    const Result<PublishTarget> back = PublishTarget::fromConfig(7, QStringLiteral("x"), QStringLiteral("git"), git.config());
    QVERIFY(back);
    QCOMPARE(back->id, 7);
    QCOMPARE(back->branch, QStringLiteral("gh-pages"));
    QCOMPARE(back->cname, QStringLiteral("example.org"));
    QVERIFY(!PublishTarget::fromConfig(1, QStringLiteral("x"), QStringLiteral("ftp"), git.config()));
    QVERIFY(!PublishTarget::fromConfig(1, QStringLiteral("x"), QStringLiteral("git"), QJsonObject()));
    for (auto kind : {PublishTarget::Kind::Folder, PublishTarget::Kind::Git, PublishTarget::Kind::Rsync})
        QCOMPARE(PublishTarget::kindFromName(PublishTarget::kindName(kind)), kind);
    QCOMPARE(PublishTarget().effectiveBranch(), QStringLiteral("gh-pages"));
}

void TestPublish::checkRefusesHostileTargets_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("destination");
    QTest::addColumn<QString>("branch");
    QTest::addColumn<QString>("cname");
    QTest::addColumn<bool>("accepted");
    const int folder = int(PublishTarget::Kind::Folder);
    const int git = int(PublishTarget::Kind::Git);
    const int rsync = int(PublishTarget::Kind::Rsync);
    const QString home = QDir::homePath();
    QTest::newRow("fine folder") << "my-site_1.0" << folder << "/srv/www/blog" << "" << "" << true;
    QTest::newRow("tilde folder") << "a" << folder << "~/public_html" << "" << "" << true;
    QTest::newRow("empty name") << "" << folder << "/srv/www" << "" << "" << false;
    QTest::newRow("long name") << QString(65, u'a') << folder << "/srv/www" << "" << "" << false;
    QTest::newRow("64 name") << QString(64, u'a') << folder << "/srv/www" << "" << "" << true;
    QTest::newRow("dash name") << "-rf" << folder << "/srv/www" << "" << "" << false;
    QTest::newRow("space name") << "my site" << folder << "/srv/www" << "" << "" << false;
    QTest::newRow("slash name") << "a/b" << folder << "/srv/www" << "" << "" << false;
    QTest::newRow("dotdot name") << ".." << folder << "/srv/www" << "" << "" << false;
    QTest::newRow("newline name") << "a\nb" << folder << "/srv/www" << "" << "" << false;
    QTest::newRow("unicode name") << "blög" << folder << "/srv/www" << "" << "" << false;
    QTest::newRow("empty destination") << "a" << folder << "  " << "" << "" << false;
    QTest::newRow("root folder") << "a" << folder << "/" << "" << "" << false;
    QTest::newRow("root folder dots") << "a" << folder << "/tmp/.." << "" << "" << false;
    QTest::newRow("home folder") << "a" << folder << home << "" << "" << false;
    QTest::newRow("home tilde") << "a" << folder << "~" << "" << "" << false;
    QTest::newRow("home tilde slash") << "a" << folder << "~/" << "" << "" << false;
    QTest::newRow("relative folder") << "a" << folder << "www" << "" << "" << false;
    QTest::newRow("rsync remote") << "a" << rsync << "me@example.org:/srv/www/blog" << "" << "" << true;
    QTest::newRow("rsync remote home sub") << "a" << rsync << "example.org:blog" << "" << "" << true;
    QTest::newRow("rsync local") << "a" << rsync << "/srv/www/blog" << "" << "" << true;
    QTest::newRow("rsync host:") << "a" << rsync << "example.org:" << "" << "" << false;
    QTest::newRow("rsync host:/") << "a" << rsync << "me@example.org:/" << "" << "" << false;
    QTest::newRow("rsync host:~") << "a" << rsync << "example.org:~" << "" << "" << false;
    QTest::newRow("rsync host:~/") << "a" << rsync << "example.org:~/" << "" << "" << false;
    QTest::newRow("rsync host:.") << "a" << rsync << "example.org:." << "" << "" << false;
    QTest::newRow("rsync /") << "a" << rsync << "/" << "" << "" << false;
    QTest::newRow("rsync ~") << "a" << rsync << "~" << "" << "" << false;
    QTest::newRow("rsync home") << "a" << rsync << home << "" << "" << false;
    QTest::newRow("rsync option") << "a" << rsync << "--delete-all" << "" << "" << false;
    QTest::newRow("rsync url root") << "a" << rsync << "rsync://example.org/" << "" << "" << false;
    QTest::newRow("rsync no host") << "a" << rsync << ":/srv" << "" << "" << false;
    QTest::newRow("git") << "a" << git << "https://example.org/me/blog.git" << "gh-pages" << "blog.example.org" << true;
    QTest::newRow("git branch slash") << "a" << git << "/srv/blog.git" << "site/live" << "" << true;
    QTest::newRow("git option") << "a" << git << "--upload-pack=evil" << "" << "" << false;
    QTest::newRow("git branch space") << "a" << git << "/srv/blog.git" << "gh pages" << "" << false;
    QTest::newRow("git branch dotdot") << "a" << git << "/srv/blog.git" << "a..b" << "" << false;
    QTest::newRow("git branch dash") << "a" << git << "/srv/blog.git" << "-f" << "" << false;
    QTest::newRow("git branch slash start") << "a" << git << "/srv/blog.git" << "/main" << "" << false;
    QTest::newRow("git branch colon") << "a" << git << "/srv/blog.git" << "a:b" << "" << false;
    QTest::newRow("git branch tilde") << "a" << git << "/srv/blog.git" << "a~1" << "" << false;
    QTest::newRow("git branch lock") << "a" << git << "/srv/blog.git" << "main.lock" << "" << false;
    QTest::newRow("git cname url") << "a" << git << "/srv/blog.git" << "" << "https://example.org" << false;
    QTest::newRow("git cname no dot") << "a" << git << "/srv/blog.git" << "" << "localhost" << false;
    QTest::newRow("git cname dash") << "a" << git << "/srv/blog.git" << "" << "-a.example.org" << false;
}

void TestPublish::checkRefusesHostileTargets()
{
    QFETCH(QString, name);
    QFETCH(int, kind);
    QFETCH(QString, destination);
    QFETCH(QString, branch);
    QFETCH(QString, cname);
    QFETCH(bool, accepted);
    PublishTarget target;
    target.name = name;
    target.kind = PublishTarget::Kind(kind);
    target.destination = destination;
    target.branch = branch;
    target.cname = cname;
    const Result<void> checked = target.check();
    QVERIFY2(checked.ok() == accepted, qPrintable(checked ? QStringLiteral("accepted") : checked.errorMessage()));
    if (!checked)
        QVERIFY(!checked.errorMessage().isEmpty());
}

void TestPublish::damagedConfigIsAClearError()
{
    const QString path = m_dir.filePath(QStringLiteral("damaged.quire"));
    {
        auto library = LibrarySetup::open(path);
        QVERIFY(library);
        QVERIFY(PublishTargets::save(**library, folderTarget(QStringLiteral("broken"), m_dir.filePath(QStringLiteral("x")))));
    }
    for (const char *sql : {"PRAGMA ignore_check_constraints = ON; UPDATE publish_targets SET config = '{not json';",
                            "UPDATE publish_targets SET config = '{\"destination\": 5}';",
                            "UPDATE publish_targets SET config = '[1, 2]';"}) {
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
        auto library = LibrarySetup::open(path);
        QVERIFY2(library, qPrintable(messageOf(library)));
        const auto one = PublishTargets::find(**library, QStringLiteral("broken"));
        QVERIFY2(!one, sql);
        QVERIFY2(one.errorMessage().contains(QStringLiteral("“broken”")) && one.errorMessage().contains(QStringLiteral("damaged")),
                 qPrintable(one.errorMessage()));
        QVERIFY(!PublishTargets::list(**library));
        // It can still be removed, and added again.
        QVERIFY(PublishTargets::remove(**library, QStringLiteral("broken")));
        QVERIFY(PublishTargets::save(**library, folderTarget(QStringLiteral("broken"), m_dir.filePath(QStringLiteral("x")))));
    }
}

void TestPublish::firstPublishCopiesEverything()
{
    auto library = newLibrary(QStringLiteral("first"));
    addPost(*library, QStringLiteral("One"));
    addPost(*library, QStringLiteral("Two"));
    const QString site = buildSite(*library, QStringLiteral("first-site"));
    const QString destination = m_dir.filePath(QStringLiteral("first-www/deeper"));   // made when missing
    FolderPublisher publisher(folderTarget(QStringLiteral("www"), destination));
    QStringList log;
    QList<int> progress;
    Publisher::Callbacks callbacks;
    callbacks.log = [&](const QString &line) { log.append(line); };
    callbacks.progress = [&](int done, int total) { progress.append(done * 100 / total); };
    const auto changes = publisher.publish(site, QStringLiteral("Publish 2 posts"), callbacks);
    QVERIFY2(changes, qPrintable(messageOf(changes)));
    const auto siteFiles = snapshot(site, {QStringLiteral(".quire")});
    QVERIFY(siteFiles.contains(QStringLiteral("posts/one/index.html")));
    QCOMPARE(snapshot(destination, {FolderPublisher::manifestName()}), siteFiles);
    QVERIFY(!QFileInfo::exists(destination + QStringLiteral("/.quire")));
    QCOMPARE(pathsOf(*changes, Publisher::Change::Kind::Added).size(), siteFiles.size());
    QCOMPARE(changes->size(), siteFiles.size());
    QVERIFY(log.contains(QStringLiteral("copied posts/one/index.html")));
    QCOMPARE(progress.last(), 100);
    // A web server can read what was published.
    QVERIFY(QFileInfo(destination + QStringLiteral("/index.html")).permissions() & QFileDevice::ReadOther);

    // Nothing changed: nothing to do.
    const auto again = publisher.publish(site, QStringLiteral("Update the site"), {});
    QVERIFY(again);
    QCOMPARE(again->size(), 0);
}

void TestPublish::secondPublishCopiesOnlyWhatChanged()
{
    auto library = newLibrary(QStringLiteral("second"));
    QList<Post> posts;
    for (int i = 0; i < 8; ++i)
        posts.append(addPost(*library, QStringLiteral("Entry %1").arg(i)));
    const QString site = buildSite(*library, QStringLiteral("second-site"));
    const QString destination = m_dir.filePath(QStringLiteral("second-www"));
    writeFile(destination + QStringLiteral("/googleabc.html"), "verification");   // the writer's own
    FolderPublisher publisher(folderTarget(QStringLiteral("www"), destination));
    QVERIFY(publisher.publish(site, QStringLiteral("first"), {}));
    const auto before = mtimes(destination);
    QThread::msleep(20);

    Post edited = posts[4];
    edited.body = QStringLiteral("A new body.");
    QVERIFY(library->history().save(edited, RevisionReason::Save));
    buildSite(*library, QStringLiteral("second-site"));
    const auto changes = publisher.publish(site, QStringLiteral("second"), {});
    QVERIFY2(changes, qPrintable(messageOf(changes)));
    const QStringList changed = pathsOf(*changes, Publisher::Change::Kind::Changed);
    QVERIFY2(changed.contains(QStringLiteral("posts/entry-4/index.html")), qPrintable(changed.join(u' ')));
    QVERIFY2(!changed.contains(QStringLiteral("posts/entry-0/index.html")), qPrintable(changed.join(u' ')));
    QVERIFY(changed.size() < 8);
    QVERIFY(pathsOf(*changes, Publisher::Change::Kind::Added).isEmpty());
    QVERIFY(pathsOf(*changes, Publisher::Change::Kind::Removed).isEmpty());
    QVERIFY(readAll(destination + QStringLiteral("/posts/entry-4/index.html")).contains("A new body."));
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const QString relative = QDir(destination).relativeFilePath(it.key());
        if (relative == FolderPublisher::manifestName())
            continue;
        if (!changed.contains(relative))
            QVERIFY2(QFileInfo(it.key()).lastModified() == it.value(), qPrintable(relative));
    }
    QCOMPARE(readAll(destination + QStringLiteral("/googleabc.html")), QByteArray("verification"));
}

void TestPublish::removedPagesGoOthersStay()
{
    auto library = newLibrary(QStringLiteral("removed"));
    const Post keep = addPost(*library, QStringLiteral("Keep"));
    const Post gone = addPost(*library, QStringLiteral("Gone"));
    const Post edited = addPost(*library, QStringLiteral("Edited there"));
    const QString site = buildSite(*library, QStringLiteral("removed-site"));
    const QString destination = m_dir.filePath(QStringLiteral("removed-www"));
    writeFile(destination + QStringLiteral("/posts/notes.txt"), "mine");   // beside Quire's pages
    FolderPublisher publisher(folderTarget(QStringLiteral("www"), destination));
    QVERIFY(publisher.publish(site, QStringLiteral("first"), {}));
    // The writer changed a published page by hand (the size kept): it is theirs now.
    const QString handPath = destination + QStringLiteral("/posts/edited-there/index.html");
    QByteArray handMade = readAll(handPath);
    QVERIFY(handMade.size() > 9);
    handMade.replace(0, 9, "hand made");
    writeFile(handPath, handMade);

    QVERIFY(library->posts().remove(gone.id));
    QVERIFY(library->posts().remove(edited.id));
    buildSite(*library, QStringLiteral("removed-site"));
    const auto dry = publisher.dryRun(site, {});
    QVERIFY(dry);
    const auto changes = publisher.publish(site, QStringLiteral("second"), {});
    QVERIFY2(changes, qPrintable(messageOf(changes)));
    QCOMPARE(pathsOf(*dry, Publisher::Change::Kind::Removed), pathsOf(*changes, Publisher::Change::Kind::Removed));
    QVERIFY(pathsOf(*changes, Publisher::Change::Kind::Removed).contains(QStringLiteral("posts/gone/index.html")));
    QVERIFY(!QFileInfo::exists(destination + QStringLiteral("/posts/gone/index.html")));
    QVERIFY(!QFileInfo::exists(destination + QStringLiteral("/posts/gone")));
    QCOMPARE(readAll(destination + QStringLiteral("/posts/notes.txt")), QByteArray("mine"));
    QCOMPARE(readAll(handPath), handMade);
    QVERIFY(QFileInfo::exists(destination + QStringLiteral("/posts/keep/index.html")));
    QVERIFY(keep.id > 0);

    // A record that names paths outside the folder is never acted on.
    const QString outside = m_dir.filePath(QStringLiteral("removed-outside.txt"));
    writeFile(outside, "x");
    QFile manifest(destination + u'/' + FolderPublisher::manifestName());
    QVERIFY(manifest.open(QIODevice::WriteOnly));
    manifest.write(R"({"format": 1, "files": {"../removed-outside.txt": {"hash": "x", "size": 1}}})");
    manifest.close();
    QVERIFY(publisher.publish(site, QStringLiteral("third"), {}));
    QVERIFY(QFileInfo::exists(outside));
}

void TestPublish::dryRunWritesNothing()
{
    auto library = newLibrary(QStringLiteral("dry"));
    addPost(*library, QStringLiteral("Dry"));
    const QString site = buildSite(*library, QStringLiteral("dry-site"));
    const QString missing = m_dir.filePath(QStringLiteral("dry-missing"));
    FolderPublisher fresh(folderTarget(QStringLiteral("www"), missing));
    const auto all = fresh.dryRun(site, {});
    QVERIFY2(all, qPrintable(messageOf(all)));
    QCOMPARE(pathsOf(*all, Publisher::Change::Kind::Added).size(), snapshot(site, {QStringLiteral(".quire")}).size());
    QVERIFY(!QFileInfo::exists(missing));

    const QString destination = m_dir.filePath(QStringLiteral("dry-www"));
    FolderPublisher publisher(folderTarget(QStringLiteral("www"), destination));
    QVERIFY(publisher.publish(site, QStringLiteral("first"), {}));
    QFile::remove(destination + QStringLiteral("/index.html"));
    writeFile(destination + QStringLiteral("/feed.xml"), "old");
    const auto files = snapshot(destination);
    const auto times = mtimes(destination);
    QThread::msleep(20);
    const auto changes = fresh.dryRun(site, {}).value();
    const auto planned = publisher.dryRun(site, {});
    QVERIFY(planned);
    QCOMPARE(pathsOf(*planned, Publisher::Change::Kind::Added), QStringList{QStringLiteral("index.html")});
    QCOMPARE(pathsOf(*planned, Publisher::Change::Kind::Changed), QStringList{QStringLiteral("feed.xml")});
    QCOMPARE(snapshot(destination), files);
    QCOMPARE(mtimes(destination), times);
    QVERIFY(!changes.isEmpty());
}

void TestPublish::cancelLeavesEveryFileWhole()
{
    auto library = newLibrary(QStringLiteral("cancel"));
    for (int i = 0; i < 6; ++i)
        addPost(*library, QStringLiteral("Cancel %1").arg(i));
    const QString site = buildSite(*library, QStringLiteral("cancel-site"));
    const QString destination = m_dir.filePath(QStringLiteral("cancel-www"));
    FolderPublisher publisher(folderTarget(QStringLiteral("www"), destination));
    std::atomic<bool> cancel = false;
    int copied = 0;
    Publisher::Callbacks callbacks;
    callbacks.cancel = &cancel;
    callbacks.log = [&](const QString &line) {
        if (line.startsWith(QLatin1String("copied")) && ++copied == 3)
            cancel = true;
    };
    const auto stopped = publisher.publish(site, QStringLiteral("first"), callbacks);
    QVERIFY(!stopped);
    QCOMPARE(stopped.errorMessage(), QStringLiteral("Cancelled."));
    const auto siteFiles = snapshot(site, {QStringLiteral(".quire")});
    const auto there = snapshot(destination, {FolderPublisher::manifestName()});
    QCOMPARE(there.size(), 3);
    for (auto it = there.cbegin(); it != there.cend(); ++it)
        QCOMPARE(it.value(), siteFiles.value(it.key()));   // whole, never half-written
    // Nothing left behind by the atomic writes, and the next publish finishes the job.
    cancel = false;
    const auto finished = publisher.publish(site, QStringLiteral("again"), {});
    QVERIFY2(finished, qPrintable(messageOf(finished)));
    QCOMPARE(finished->size(), siteFiles.size() - 3);
    QCOMPARE(snapshot(destination, {FolderPublisher::manifestName()}), siteFiles);

    // A cancel before anything starts changes nothing.
    cancel = true;
    QCOMPARE(messageOf(publisher.publish(site, QStringLiteral("x"), callbacks)), QStringLiteral("Cancelled."));
    QCOMPARE(messageOf(publisher.dryRun(site, callbacks)), QStringLiteral("Cancelled."));
}

void TestPublish::unwritableDestination()
{
    auto library = newLibrary(QStringLiteral("unwritable"));
    addPost(*library, QStringLiteral("Anything"));
    const QString site = buildSite(*library, QStringLiteral("unwritable-site"));
    // A folder that cannot be made: a file stands where a parent folder should be.
    const QString file = m_dir.filePath(QStringLiteral("unwritable-file"));
    writeFile(file, "x");
    FolderPublisher publisher(folderTarget(QStringLiteral("www"), file + QStringLiteral("/www")));
    const auto failed = publisher.publish(site, QStringLiteral("x"), {});
    QVERIFY(!failed);
    QVERIFY2(failed.errorMessage().contains(file), qPrintable(failed.errorMessage()));
    // A destination that is a file.
    FolderPublisher onFile(folderTarget(QStringLiteral("www"), file));
    const auto notFolder = onFile.publish(site, QStringLiteral("x"), {});
    QVERIFY(!notFolder);
    QVERIFY2(notFolder.errorMessage().contains(QStringLiteral("not a folder")), qPrintable(notFolder.errorMessage()));
    QCOMPARE(readAll(file), QByteArray("x"));
}

void TestPublish::unwritableDestinationByPermission()
{
    if (::geteuid() == 0)
        QSKIP("running as root: file permissions do not stop root");
    auto library = newLibrary(QStringLiteral("readonly"));
    addPost(*library, QStringLiteral("Anything"));
    const QString site = buildSite(*library, QStringLiteral("readonly-site"));
    const QString destination = m_dir.filePath(QStringLiteral("readonly-www"));
    QVERIFY(QDir().mkpath(destination));
    QVERIFY(QFile::setPermissions(destination, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    FolderPublisher publisher(folderTarget(QStringLiteral("www"), destination));
    const auto failed = publisher.publish(site, QStringLiteral("x"), {});
    QFile::setPermissions(destination, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QVERIFY(!failed);
    QVERIFY2(failed.errorMessage().contains(destination), qPrintable(failed.errorMessage()));
    QVERIFY(QDir(destination).isEmpty());
}

void TestPublish::refusesDangerousDestinations()
{
    auto library = newLibrary(QStringLiteral("dangerous"));
    addPost(*library, QStringLiteral("Anything"));
    const QString site = buildSite(*library, QStringLiteral("dangerous-site"));
    const QString linkToHome = m_dir.filePath(QStringLiteral("home-link"));
    QVERIFY(QFile::link(QDir::homePath(), linkToHome));
    for (const QString &destination : {QStringLiteral("/"), QDir::homePath(), QStringLiteral("~"), linkToHome,
                                       QFileInfo(QDir::homePath()).absolutePath(), site, site + QStringLiteral("/inside"),
                                       m_dir.path()}) {
        FolderPublisher publisher(folderTarget(QStringLiteral("www"), destination));
        const auto refused = publisher.publish(site, QStringLiteral("x"), {});
        QVERIFY2(!refused, qPrintable(destination));
        QVERIFY(!publisher.dryRun(site, {}));
    }
    QVERIFY(!QFileInfo::exists(site + QStringLiteral("/inside")));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("index.html"))));
}

void TestPublish::neverWritesThroughSymlinks()
{
    auto library = newLibrary(QStringLiteral("symlinks"));
    addPost(*library, QStringLiteral("Linked"));
    const QString site = buildSite(*library, QStringLiteral("symlinks-site"));
    const QString destination = m_dir.filePath(QStringLiteral("symlinks-www"));
    const QString outside = m_dir.filePath(QStringLiteral("symlinks-outside"));
    QVERIFY(QDir().mkpath(destination));
    QVERIFY(QDir().mkpath(outside));
    QVERIFY(QFile::link(outside, destination + QStringLiteral("/posts")));
    FolderPublisher publisher(folderTarget(QStringLiteral("www"), destination));
    const auto refused = publisher.publish(site, QStringLiteral("x"), {});
    QVERIFY(!refused);
    QVERIFY2(refused.errorMessage().contains(QStringLiteral("posts")), qPrintable(refused.errorMessage()));
    QVERIFY(QDir(outside).isEmpty());
    // A linked file is not written through either.
    QFile::remove(destination + QStringLiteral("/posts"));
    const QString target = m_dir.filePath(QStringLiteral("symlinks-file"));
    writeFile(target, "keep");
    QVERIFY(QFile::link(target, destination + QStringLiteral("/index.html")));
    QVERIFY(!publisher.publish(site, QStringLiteral("x"), {}));
    QCOMPARE(readAll(target), QByteArray("keep"));
}

void TestPublish::longLogsAreSummarised()
{
    // Any folder is a site to the publisher: 250 files, more than the log lists one by one.
    const QString site = m_dir.filePath(QStringLiteral("long-site"));
    for (int i = 0; i < 250; ++i)
        writeFile(site + QStringLiteral("/files/%1.txt").arg(i), QByteArray::number(i));
    writeFile(site + QStringLiteral("/.quire/manifest"), "state");   // never published
    FolderPublisher publisher(folderTarget(QStringLiteral("www"), m_dir.filePath(QStringLiteral("long-www"))));
    QStringList log;
    Publisher::Callbacks callbacks;
    callbacks.log = [&](const QString &line) { log.append(line); };
    const auto changes = publisher.publish(site, QStringLiteral("Update the site"), callbacks);
    QVERIFY2(changes, qPrintable(messageOf(changes)));
    QCOMPARE(changes->size(), 250);
    QVERIFY2(log.size() <= 3, qPrintable(log.join(u'\n')));
    QVERIFY2(log.last().contains(QStringLiteral("250")), qPrintable(log.last()));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("long-www/.quire"))));
}

void TestPublish::jobPublishesWithoutDraftsAndRecords()
{
    auto library = newLibrary(QStringLiteral("job"));
    const Post dated = addPost(*library, QStringLiteral("Dated"));
    const Post dateless = addPost(*library, QStringLiteral("Dateless"), PostStatus::Published, false);
    const Post draft = addPost(*library, QStringLiteral("Secret draft"), PostStatus::Draft);
    QVERIFY(!dateless.publishedAt.isValid());
    const QString destination = m_dir.filePath(QStringLiteral("job-www"));
    QVERIFY(PublishTargets::save(*library, folderTarget(QStringLiteral("www"), destination)));
    const QString workRoot = m_dir.filePath(QStringLiteral("job-work"));

    PublishJob::Options options;
    options.targetName = QStringLiteral("www");
    options.workRoot = workRoot;
    options.dryRun = true;
    QList<int> progress;
    options.callbacks.progress = [&](int done, int total) { progress.append(done * 100 / total); };
    const auto dry = PublishJob(*library).run(options);
    QVERIFY2(dry, qPrintable(messageOf(dry)));
    QVERIFY(!QFileInfo::exists(destination));
    QCOMPARE(publishRevisions(*library, dated.id), 0);
    QVERIFY(!library->posts().byId(dateless.id)->publishedAt.isValid());
    QCOMPARE(QSet<QString>(dry->postTitles.cbegin(), dry->postTitles.cend()),
             (QSet<QString>{QStringLiteral("Dated"), QStringLiteral("Dateless")}));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last(), 100);
    QVERIFY(std::is_sorted(progress.cbegin(), progress.cend()));

    options.dryRun = false;
    QStringList log;
    options.callbacks.log = [&](const QString &line) { log.append(line); };
    const auto published = PublishJob(*library).run(options);
    QVERIFY2(published, qPrintable(messageOf(published)));
    QCOMPARE(published->postTitles.size(), 2);
    QVERIFY(QFileInfo::exists(destination + QStringLiteral("/posts/dated/index.html")));
    QVERIFY(QFileInfo::exists(destination + QStringLiteral("/posts/dateless/index.html")));
    QVERIFY(QFileInfo::exists(workRoot + u'/' + QString::number(PublishTargets::find(*library, QStringLiteral("www"))->value().id)
                              + QStringLiteral("/site/index.html")));
    // Drafts are never published, not even their title.
    QVERIFY(!QFileInfo::exists(destination + QStringLiteral("/posts/secret-draft")));
    const auto publishedFiles = snapshot(destination);
    for (auto it = publishedFiles.cbegin(); it != publishedFiles.cend(); ++it)
        QVERIFY2(!it.value().contains("Secret draft"), qPrintable(it.key()));
    QVERIFY2(log.join(u'\n').contains(QStringLiteral("Publish 2 posts\n\n- Dateless\n- Dated")), qPrintable(log.join(u'\n')));

    QCOMPARE(publishRevisions(*library, dated.id), 1);
    QCOMPARE(publishRevisions(*library, dateless.id), 1);
    QCOMPARE(publishRevisions(*library, draft.id), 0);
    // The dateless post keeps the date its page shows: the day it was written.
    const Post nowDated = *library->posts().byId(dateless.id);
    QCOMPARE(nowDated.publishedAt, dateless.createdAt);
    QCOMPARE(nowDated.updatedAt, dateless.updatedAt);   // publishing is not an edit
    QCOMPARE(library->posts().byId(dated.id)->publishedAt, dated.publishedAt);

    // Nothing changed since: nothing goes out, nothing is recorded (the page with the new date
    // is the page that went out).
    const auto again = PublishJob(*library).run(options);
    QVERIFY2(again, qPrintable(messageOf(again)));
    QVERIFY2(again->changes.isEmpty(), qPrintable(again->changes.value(0).path));
    QVERIFY(again->postTitles.isEmpty());
    QCOMPARE(publishRevisions(*library, dated.id), 1);
    QCOMPARE(publishRevisions(*library, dateless.id), 1);

    // One post edited: only it goes out again.
    Post edited = *library->posts().byId(dated.id);
    edited.body = QStringLiteral("Edited text.");
    QVERIFY(library->history().save(edited, RevisionReason::Save));
    const auto third = PublishJob(*library).run(options);
    QVERIFY2(third, qPrintable(messageOf(third)));
    QCOMPARE(third->postTitles, QStringList{QStringLiteral("Dated")});
    QCOMPARE(publishRevisions(*library, dated.id), 2);
    QCOMPARE(publishRevisions(*library, dateless.id), 1);

    options.targetName = QStringLiteral("nowhere");
    const auto unknown = PublishJob(*library).run(options);
    QVERIFY(!unknown);
    QVERIFY2(unknown.errorMessage().contains(QStringLiteral("nowhere")), qPrintable(unknown.errorMessage()));
}

// The whole path a writer takes to GitHub Pages: the job builds, the git publisher commits to a
// branch of a (here local, bare) repository, and a second publish after one post changed makes one
// commit holding only what that post changed.
void TestPublish::nothingGoesOutInAThemeTheWriterDidNotChoose()
{
    const QString path = m_dir.filePath(QStringLiteral("themeless.quire"));
    const QString destination = m_dir.filePath(QStringLiteral("themeless-www"));
    {
        auto library = LibrarySetup::open(path);
        QVERIFY(library);
        Post post;
        post.title = QStringLiteral("Out");
        post.status = PostStatus::Published;
        post.publishedAt = QDateTime(QDate(2025, 1, 2), QTime(3, 4), Qt::UTC);
        QVERIFY((*library)->posts().create(post));
        QVERIFY(PublishTargets::save(**library, folderTarget(QStringLiteral("www"), destination)));
    }
    // The settings name a theme the library no longer holds (a file edited behind Quire's back).
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
    QCOMPARE(sqlite3_exec(db, "INSERT OR REPLACE INTO settings (key, value) VALUES ('theme', 'gone');", nullptr, nullptr,
                          nullptr), SQLITE_OK);
    sqlite3_close(db);

    auto library = LibrarySetup::open(path);
    QVERIFY(library);
    PublishJob::Options options;
    options.targetName = QStringLiteral("www");
    options.workRoot = m_dir.filePath(QStringLiteral("themeless-work"));
    for (const bool dryRun : {true, false}) {
        options.dryRun = dryRun;
        const auto published = PublishJob(**library).run(options);
        QVERIFY(!published);
        QVERIFY2(published.errorMessage().contains(QStringLiteral("Nothing was published"))
                     && published.errorMessage().contains(QStringLiteral("“gone”")),
                 qPrintable(published.errorMessage()));
    }
    QVERIFY(!QFileInfo::exists(destination));
}

void TestPublish::jobPublishesToAGitBranch()
{
    if (QStandardPaths::findExecutable(QStringLiteral("git")).isEmpty())
        QSKIP("git is not installed");
    const QString repo = m_dir.filePath(QStringLiteral("pages.git"));
    const auto git = [&repo](const QStringList &arguments) {
        QProcess process;
        process.start(QStringLiteral("git"), QStringList{QStringLiteral("--git-dir=") + repo} + arguments);
        process.waitForFinished(30000);
        return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    };
    QProcess::execute(QStringLiteral("git"), {QStringLiteral("init"), QStringLiteral("--quiet"), QStringLiteral("--bare"), repo});
    auto library = newLibrary(QStringLiteral("gitjob"));
    addPost(*library, QStringLiteral("Stays"));
    Post changing = addPost(*library, QStringLiteral("Changes"));
    PublishTarget target;
    target.name = QStringLiteral("pages");
    target.kind = PublishTarget::Kind::Git;
    target.destination = repo;
    QVERIFY(PublishTargets::save(*library, target));
    PublishJob::Options options;
    options.targetName = QStringLiteral("pages");
    options.workRoot = m_dir.filePath(QStringLiteral("gitjob-work"));

    const auto first = PublishJob(*library).run(options);
    QVERIFY2(first, qPrintable(messageOf(first)));
    QCOMPARE(git({QStringLiteral("rev-list"), QStringLiteral("--count"), QStringLiteral("gh-pages")}), QStringLiteral("1"));
    QVERIFY(git({QStringLiteral("ls-tree"), QStringLiteral("-r"), QStringLiteral("--name-only"), QStringLiteral("gh-pages")})
                .contains(QStringLiteral("posts/changes/index.html")));

    changing = *library->posts().byId(changing.id);
    changing.body = QStringLiteral("A second thought.");
    QVERIFY(library->history().save(changing, RevisionReason::Save));
    const auto second = PublishJob(*library).run(options);
    QVERIFY2(second, qPrintable(messageOf(second)));
    QCOMPARE(git({QStringLiteral("rev-list"), QStringLiteral("--count"), QStringLiteral("gh-pages")}), QStringLiteral("2"));
    const QStringList changed = git({QStringLiteral("diff"), QStringLiteral("--name-only"), QStringLiteral("gh-pages~1"), QStringLiteral("gh-pages")})
                                    .split(u'\n');
    QVERIFY2(changed.contains(QStringLiteral("posts/changes/index.html")), qPrintable(changed.join(u' ')));
    // Its page and the pages that list or date it (home page excerpt, feed, sitemap): not the other post's.
    QVERIFY2(!changed.contains(QStringLiteral("posts/stays/index.html")), qPrintable(changed.join(u' ')));
    QVERIFY2(changed.size() <= 4, qPrintable(changed.join(u' ')));
    QCOMPARE(second->postTitles, QStringList{QStringLiteral("Changes")});
    QCOMPARE(git({QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%s"), QStringLiteral("gh-pages")}),
             QStringLiteral("Publish \u201cChanges\u201d"));
}

// A post scheduled for a time that has come goes out with the next publish and is published from
// then on; one scheduled for later stays out of the site, and scheduled.
void TestPublish::scheduledPostsGoOutWhenTheirTimeComes()
{
    auto library = newLibrary(QStringLiteral("scheduled"));
    Post due = addPost(*library, QStringLiteral("Due"), PostStatus::Scheduled);
    const QDateTime clock(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);   // the library's (newLibrary)
    due.publishedAt = clock.addSecs(-60);
    QVERIFY(library->history().save(due, RevisionReason::Save));
    Post later = addPost(*library, QStringLiteral("Later"), PostStatus::Scheduled);
    later.publishedAt = clock.addDays(7);
    QVERIFY(library->history().save(later, RevisionReason::Save));
    const QString destination = m_dir.filePath(QStringLiteral("scheduled-www"));
    QVERIFY(PublishTargets::save(*library, folderTarget(QStringLiteral("www"), destination)));
    PublishJob::Options options;
    options.targetName = QStringLiteral("www");
    options.workRoot = m_dir.filePath(QStringLiteral("scheduled-work"));

    const auto published = PublishJob(*library).run(options);
    QVERIFY2(published, qPrintable(messageOf(published)));
    QCOMPARE(published->postTitles, QStringList{QStringLiteral("Due")});
    QVERIFY(QFileInfo::exists(destination + QStringLiteral("/posts/due/index.html")));
    QVERIFY(!QFileInfo::exists(destination + QStringLiteral("/posts/later")));
    QCOMPARE(library->posts().byId(due.id)->status, PostStatus::Published);
    QCOMPARE(library->posts().byId(due.id)->publishedAt, due.publishedAt.toUTC());
    QCOMPARE(library->posts().byId(later.id)->status, PostStatus::Scheduled);
    QCOMPARE(publishRevisions(*library, due.id), 1);

    // Published now rather than scheduled, the page is the same: nothing goes out again.
    const auto again = PublishJob(*library).run(options);
    QVERIFY2(again, qPrintable(messageOf(again)));
    QVERIFY2(again->changes.isEmpty(), qPrintable(again->changes.value(0).path));
}

void TestPublish::commitMessageNamesAtMostTenPosts()
{
    auto library = newLibrary(QStringLiteral("message"));
    for (int i = 0; i < 12; ++i)
        addPost(*library, QStringLiteral("Note %1").arg(i));
    QVERIFY(PublishTargets::save(*library, folderTarget(QStringLiteral("www"), m_dir.filePath(QStringLiteral("message-www")))));
    PublishJob::Options options;
    options.targetName = QStringLiteral("www");
    options.workRoot = m_dir.filePath(QStringLiteral("message-work"));
    QStringList log;
    options.callbacks.log = [&](const QString &line) { log.append(line); };
    const auto report = PublishJob(*library).run(options);
    QVERIFY2(report, qPrintable(messageOf(report)));
    QCOMPARE(report->postTitles.size(), 12);
    const QString first = log.value(0);
    QVERIFY2(first.endsWith(QStringLiteral(": Publish 12 posts\n\n- Note 11\n- Note 10\n- Note 9\n- Note 8\n- Note 7\n"
                                           "- Note 6\n- Note 5\n- Note 4\n- Note 3\n- Note 2\n- and 2 more")), qPrintable(first));
}

QTEST_GUILESS_MAIN(TestPublish)
#include "tst_publish.moc"
