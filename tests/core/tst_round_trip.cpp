// Markdown export and import, round trip: import(export(library)) gives back every post.

#include "core_test_support.h"
#include "interchange/blog_importer.h"
#include "interchange/markdown_exporter.h"
#include "setup/library_setup.h"
#include "site/site_settings.h"
#include "store/asset_store.h"
#include "store/library.h"
#include "store/post_history.h"
#include "store/post_store.h"
#include "store/revision.h"
#include "store/setting_store.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace quire;
using CoreTest::readAll;

namespace {

using Flavor = MarkdownExporter::Flavor;

// A 1×1 PNG; a tail makes other bytes (another asset) that still read as a PNG.
QByteArray tinyPng(const QByteArray &tail = {})
{
    return QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
        + tail;
}

QString flavorName(Flavor flavor)
{
    return flavor == Flavor::Hugo ? QStringLiteral("hugo") : QStringLiteral("jekyll");
}

} // namespace

class TestRoundTrip : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void generatedCorpus_data();
    void generatedCorpus();
    void hostileLibrary_data();
    void hostileLibrary();
    void imagesAreExported_data();
    void imagesAreExported();
    void refusesFoldersItDidNotWrite();
    void reexportReplacesOnlyItsOwnFiles();
    void keepsTheFoldersConfiguration();
    void cancelAndProgress();
    void hugoBuildsTheExport();

private:
    std::unique_ptr<Library> openLibrary(const QString &name);
    void fillHostile(Library &library);
    // Exports m_library as flavor to out, imports that into a new library and compares.
    void roundTrip(Flavor flavor, const QString &out);
    static void comparePosts(const Library &before, const Library &after);
    QString path(const QString &name) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Library> m_library;
};

void TestRoundTrip::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_library = openLibrary(QStringLiteral("first.quire"));
    QVERIFY(m_library);
}

void TestRoundTrip::cleanup()
{
    m_library.reset();
    m_dir.reset();
}

std::unique_ptr<Library> TestRoundTrip::openLibrary(const QString &name)
{
    auto library = LibrarySetup::open(path(name));
    if (!library) {
        qWarning() << library.errorMessage();
        return nullptr;
    }
    return std::move(*library);
}

void TestRoundTrip::comparePosts(const Library &before, const Library &after)
{
    const auto posts = before.posts().all();
    QVERIFY(posts.ok());
    QCOMPARE(int(after.posts().list()->size()), int(posts->size()));
    for (const Post &listed : *posts) {
        const Post a = *before.posts().byId(listed.id);
        const auto found = after.posts().bySlug(a.slug);
        QVERIFY(found.ok());
        QVERIFY2(found->has_value(), qPrintable(a.slug));
        const Post b = **found;
        const QByteArray what = a.slug.toUtf8();
        QVERIFY2(a.title == b.title, what);
        QVERIFY2(a.body == b.body, what);
        QVERIFY2(a.summary == b.summary, what);
        QVERIFY2(a.kind == b.kind, what);
        QVERIFY2(a.language == b.language, what);
        QVERIFY2(a.status == b.status, qPrintable(a.slug + u' ' + postStatusName(a.status) + u' ' + postStatusName(b.status)));
        QVERIFY2(a.tags == b.tags, qPrintable(a.tags.join(u',') + QStringLiteral(" | ") + b.tags.join(u',')));
        QVERIFY2(a.publishedAt.toSecsSinceEpoch() == b.publishedAt.toSecsSinceEpoch(), what);
        QVERIFY2(a.updatedAt.toSecsSinceEpoch() == b.updatedAt.toSecsSinceEpoch(),
                 qPrintable(a.slug + u' ' + a.updatedAt.toString(Qt::ISODate) + u' ' + b.updatedAt.toString(Qt::ISODate)));
        // Keys the export adds (the last change, the cover) come back among the kept keys.
        QJsonObject extra = b.extra;
        for (const char *added : {"lastmod", "last_modified_at", "image"}) {
            if (!a.extra.contains(QLatin1String(added)))
                extra.remove(QLatin1String(added));
        }
        QVERIFY2(a.extra == extra, qPrintable(a.slug));
        const auto coverA = before.assets().coverOf(a.id);
        const auto coverB = after.assets().coverOf(b.id);
        QVERIFY(coverA.ok() && coverB.ok());
        QVERIFY2(coverA->has_value() == coverB->has_value(), what);
        if (coverA->has_value())
            QVERIFY2((*coverA)->sha256 == (*coverB)->sha256, what);
    }
}

void TestRoundTrip::roundTrip(Flavor flavor, const QString &out)
{
    MarkdownExporter exporter(*m_library);
    const auto report = exporter.exportTo(out, flavor);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.errorMessage()));
    QCOMPARE(report->posts, int(m_library->posts().list()->size()));

    const auto second = openLibrary(QStringLiteral("second-%1.quire").arg(flavorName(flavor)));
    QVERIFY(second);
    BlogImporter importer(*second);
    const auto imported = importer.importFolder(out);
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.errorMessage()));
    QStringList skipped;
    for (const auto &entry : imported->skipped)
        skipped.append(entry.file + QStringLiteral(": ") + entry.reason);
    QVERIFY2(skipped.isEmpty(), qPrintable(skipped.join(u'\n')));
    comparePosts(*m_library, *second);
}

void TestRoundTrip::generatedCorpus_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<Flavor>("flavor");
    QTest::newRow("hugo-to-hugo") << QStringLiteral("hugo") << Flavor::Hugo;
    QTest::newRow("jekyll-to-jekyll") << QStringLiteral("jekyll") << Flavor::Jekyll;
    QTest::newRow("hugo-to-jekyll") << QStringLiteral("hugo") << Flavor::Jekyll;
    QTest::newRow("jekyll-to-hugo") << QStringLiteral("jekyll") << Flavor::Hugo;
}

void TestRoundTrip::generatedCorpus()
{
    QFETCH(QString, format);
    QFETCH(Flavor, flavor);
    const QString generator = QStringLiteral(QUIRE_SHARED_DIR "/bench/gen_corpus.py");
    if (!QFile::exists(generator))
        QSKIP("The corpus generator is not in " QUIRE_SHARED_DIR "/bench");
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is not installed: it runs the corpus generator");
    QProcess python;
    python.start(QStringLiteral("python3"), {generator, QStringLiteral("--n"), QStringLiteral("60"),
                                             QStringLiteral("--out"), path(QStringLiteral("corpus")),
                                             QStringLiteral("--format"), format});
    QVERIFY(python.waitForFinished(120000));
    QCOMPARE(python.exitCode(), 0);
    BlogImporter importer(*m_library);
    const auto imported = importer.importFolder(path(QStringLiteral("corpus")));
    QVERIFY(imported.ok());
    QCOMPARE(imported->imported.size(), 60);
    roundTrip(flavor, path(QStringLiteral("export")));
}

void TestRoundTrip::fillHostile(Library &library)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime past(QDate(2023, 2, 28), QTime(23, 59, 58), Qt::UTC);
    struct Spec
    {
        QString title;
        QString slug;
        PostStatus status;
        QDateTime published;
        QStringList tags;
        QString body;
    };
    const QList<Spec> specs = {
        {QStringLiteral("Quotes \"and\": colons: 'single' # hash"), QStringLiteral("quotes"),
         PostStatus::Published, past, {QStringLiteral("a b"), QStringLiteral("c: d")},
         QStringLiteral("---\nnot front matter\n---\n\nText with --- inside.\n")},
        {QStringLiteral(".."), QStringLiteral("../../etc/passwd"), PostStatus::Draft, {},
         {QStringLiteral("..")}, QStringLiteral("No newline at the end")},
        {QStringLiteral("Ünïcödé 数学 — ✓"), QStringLiteral("Ünïcödé 数学"), PostStatus::Published,
         past.addDays(-400), {QStringLiteral("Ünïcödé"), QStringLiteral("数学")},
         QStringLiteral("Ünïcödé body: $x^2$\n\n```yaml\n---\nkey: value\n...\n```\n")},
        {QStringLiteral("Scheduled for later"), QStringLiteral("later"), PostStatus::Scheduled,
         now.addDays(365).addMSecs(-now.time().msec()), {}, QStringLiteral("Soon.\n")},
        {QString(600, u'x').replace(0, 5, QStringLiteral("Long ")), QString(), PostStatus::Published,
         past.addSecs(3600), {QStringLiteral("long")}, QStringLiteral("\n\nLeading blank lines.\n\n\n")},
        {QStringLiteral("- not a list\n? not a key"), QStringLiteral("yaml-trap"), PostStatus::Draft, {},
         {QStringLiteral("true"), QStringLiteral("null"), QStringLiteral("123")},
         QStringLiteral("---\n")},
    };
    for (const Spec &spec : specs) {
        Post post;
        post.title = spec.title;
        post.slug = spec.slug;
        post.status = spec.status;
        post.publishedAt = spec.published;
        post.createdAt = past.addDays(-1000);
        post.updatedAt = past.addDays(-1);
        post.tags = spec.tags;
        post.body = spec.body;
        post.summary = QStringLiteral("Summary: with \"quotes\"\nand a second line");
        post.kind = QStringLiteral("paper walkthrough");
        post.language = QStringLiteral("de");
        post.extra.insert(QStringLiteral("layout"), QStringLiteral("post"));
        post.extra.insert(QStringLiteral("weight"), 3);
        post.extra.insert(QStringLiteral("math"), true);
        post.extra.insert(QStringLiteral("series"), QJsonArray{QStringLiteral("one"), QStringLiteral("two: three")});
        post.extra.insert(QStringLiteral("params"), QJsonObject{{QStringLiteral("nested"), QStringLiteral("yes")}});
        auto created = library.posts().create(post);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.errorMessage()));
        QVERIFY(library.history().save(*created, RevisionReason::Import).ok());
    }
}

void TestRoundTrip::hostileLibrary_data()
{
    QTest::addColumn<Flavor>("flavor");
    QTest::newRow("hugo") << Flavor::Hugo;
    QTest::newRow("jekyll") << Flavor::Jekyll;
}

void TestRoundTrip::hostileLibrary()
{
    QFETCH(Flavor, flavor);
    fillHostile(*m_library);
    if (QTest::currentTestFailed())
        return;
    roundTrip(flavor, path(QStringLiteral("export")));
    // Every file stayed inside the folder.
    QDirIterator it(path(QStringLiteral("export")), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        QVERIFY(it.next().startsWith(path(QStringLiteral("export/"))));
        ++files;
    }
    QCOMPARE(files, 6 + 2 + 4);   // the posts, the config, the manifest, the starter layouts and style
}

void TestRoundTrip::imagesAreExported_data()
{
    hostileLibrary_data();
}

void TestRoundTrip::imagesAreExported()
{
    QFETCH(Flavor, flavor);
    const auto figure = m_library->assets().store(tinyPng(), QStringLiteral("Figure 1.png"), 1, 1);
    const auto cover = m_library->assets().store(tinyPng("cover"), QStringLiteral("cover.png"), 1, 1);
    QVERIFY(figure.ok() && cover.ok());
    Post post;
    post.title = QStringLiteral("With pictures");
    post.status = PostStatus::Published;
    post.publishedAt = QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9), Qt::UTC);
    post.body = QStringLiteral("![A figure](/media/%1)\n").arg(figure->name);
    post.coverAssetId = cover->id;
    QVERIFY(m_library->posts().create(post).ok());

    const QString out = path(QStringLiteral("export"));
    const auto report = MarkdownExporter(*m_library).exportTo(out, flavor);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.errorMessage()));
    QCOMPARE(report->images, 2);
    for (const Asset &asset : *m_library->assets().list()) {
        const QByteArray stored = (*m_library->assets().byName(asset.name))->data;
        QCOMPARE(readAll(out + u'/' + MarkdownExporter::imagePath(asset.name, flavor)), stored);
    }
    QCOMPARE(MarkdownExporter::imagePath(QStringLiteral("x.png"), flavor),
             flavor == Flavor::Hugo ? QStringLiteral("static/media/x.png") : QStringLiteral("media/x.png"));
    const Post stored = **m_library->posts().bySlug(QStringLiteral("with-pictures"));
    const QString text = QString::fromUtf8(readAll(out + u'/' + MarkdownExporter::postPath(stored, flavor)));
    QVERIFY2(text.contains(QStringLiteral("image: /media/%1\n").arg(cover->name)), qPrintable(text));
    QVERIFY(text.endsWith(post.body));

    // And back: the figure comes in as the same asset, and the post points at it as before.
    const auto second = openLibrary(QStringLiteral("images-back-%1.quire").arg(flavorName(flavor)));
    QVERIFY(second);
    const auto imported = BlogImporter(*second).importFolder(out);
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.errorMessage()));
    QVERIFY2(imported->warnings.isEmpty(), qPrintable(imported->warnings.value(0).reason));
    const Post back = **second->posts().bySlug(QStringLiteral("with-pictures"));
    QCOMPARE(back.body, post.body);
    const auto figureBack = second->assets().byName(figure->name);
    QVERIFY(figureBack.ok() && figureBack->has_value());
    QCOMPARE((*figureBack)->data, (*m_library->assets().byName(figure->name))->data);
    // The cover comes back as the cover, not as a front matter key.
    const auto coverBack = second->assets().coverOf(back.id);
    QVERIFY(coverBack.ok() && coverBack->has_value());
    QCOMPARE((*coverBack)->sha256, cover->sha256);
    QVERIFY(!back.extra.contains(QLatin1String("image")));
}

void TestRoundTrip::refusesFoldersItDidNotWrite()
{
    fillHostile(*m_library);
    MarkdownExporter exporter(*m_library);
    const QString busy = path(QStringLiteral("busy"));
    QVERIFY(QDir().mkpath(busy));
    QFile other(busy + QStringLiteral("/notes.txt"));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.write("mine");
    other.close();
    QVERIFY(!exporter.exportTo(busy, Flavor::Hugo).ok());
    QCOMPARE(QDir(busy).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList{QStringLiteral("notes.txt")});

    QVERIFY(!exporter.exportTo(QStringLiteral("/"), Flavor::Hugo).ok());
    QVERIFY(!exporter.exportTo(QString(), Flavor::Hugo).ok());
    QVERIFY(!exporter.exportTo(busy + QStringLiteral("/notes.txt"), Flavor::Hugo).ok());
    const QByteArray home = qgetenv("HOME");
    qputenv("HOME", path(QStringLiteral("home/user")).toUtf8());
    QVERIFY(QDir().mkpath(path(QStringLiteral("home/user"))));
    const bool homeRefused = !exporter.exportTo(path(QStringLiteral("home/user")), Flavor::Hugo).ok()
        && !exporter.exportTo(path(QStringLiteral("home")), Flavor::Hugo).ok();
    qputenv("HOME", home);
    QVERIFY(homeRefused);

    // A missing folder is made.
    QVERIFY(exporter.exportTo(path(QStringLiteral("new/deeper")), Flavor::Jekyll).ok());
    QVERIFY(QFile::exists(path(QStringLiteral("new/deeper/_config.yml"))));
}

void TestRoundTrip::reexportReplacesOnlyItsOwnFiles()
{
    fillHostile(*m_library);
    MarkdownExporter exporter(*m_library);
    const QString out = path(QStringLiteral("export"));
    QVERIFY(exporter.exportTo(out, Flavor::Hugo).ok());
    // Someone adds a page of their own, and a post leaves the library.
    QFile mine(out + QStringLiteral("/content/posts/mine.md"));
    QVERIFY(mine.open(QIODevice::WriteOnly));
    mine.write("---\ntitle: Mine\n---\n");
    mine.close();
    const Post quotes = **m_library->posts().bySlug(QStringLiteral("quotes"));
    const QString quotesFile = out + u'/' + MarkdownExporter::postPath(quotes, Flavor::Hugo);
    QVERIFY(QFile::exists(quotesFile));
    QVERIFY(m_library->posts().remove(quotes.id).ok());

    const auto again = exporter.exportTo(out, Flavor::Hugo);
    QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.errorMessage()));
    QCOMPARE(again->removed, 1);
    QVERIFY(!QFile::exists(quotesFile));
    QVERIFY(QFile::exists(mine.fileName()));

    // A file of someone else's where a post would go is not replaced.
    Post post;
    post.title = QStringLiteral("Mine");
    QVERIFY(m_library->posts().create(post).ok());
    QVERIFY(!exporter.exportTo(out, Flavor::Hugo).ok());
    QCOMPARE(readAll(mine.fileName()), QByteArray("---\ntitle: Mine\n---\n"));

    // Nor is a path through a symbolic link followed, to write or to remove.
    QVERIFY(QFile::remove(mine.fileName()));
    QVERIFY(exporter.exportTo(out, Flavor::Hugo).ok());
    const QString elsewhere = path(QStringLiteral("elsewhere"));
    QVERIFY(QDir(out + QStringLiteral("/content/posts")).removeRecursively());
    QVERIFY(QDir().mkpath(elsewhere));
    QFile outside(elsewhere + QStringLiteral("/mine.md"));
    QVERIFY(outside.open(QIODevice::WriteOnly));
    outside.close();
    QVERIFY(QFile::link(elsewhere, out + QStringLiteral("/content/posts")));
    const auto linked = exporter.exportTo(out, Flavor::Hugo);
    QVERIFY(!linked.ok());
    QVERIFY2(linked.errorMessage().contains(QStringLiteral("symbolic link")), qPrintable(linked.errorMessage()));
    QCOMPARE(QDir(elsewhere).entryList(QDir::Files), QStringList{QStringLiteral("mine.md")});
    // Every post leaves the library: the old files behind the link are not removed either.
    for (const Post &gone : *m_library->posts().all())
        QVERIFY(m_library->posts().remove(gone.id).ok());
    QVERIFY(exporter.exportTo(out, Flavor::Hugo).ok());
    QCOMPARE(QDir(elsewhere).entryList(QDir::Files), QStringList{QStringLiteral("mine.md")});
}

void TestRoundTrip::cancelAndProgress()
{
    fillHostile(*m_library);
    MarkdownExporter exporter(*m_library);
    const QString out = path(QStringLiteral("export"));
    int calls = 0;
    int files = 11;   // six posts, the config, three starter layouts and their style sheet
    MarkdownExporter::Callbacks callbacks;
    callbacks.progress = [&calls, &files](int done, int total) {
        QCOMPARE(total, files);
        QCOMPARE(done, calls + 1);
        ++calls;
    };
    callbacks.cancelled = [&calls] { return calls == 2; };
    QVERIFY(!exporter.exportTo(out, Flavor::Hugo, callbacks).ok());
    QCOMPARE(calls, 2);
    // What was written is the export's own: the next export carries on into the same folder.
    callbacks.cancelled = {};
    calls = 0;
    files = 10;   // the config, written first, is left as it is; the layouts were not written yet
    const auto done = exporter.exportTo(out, Flavor::Hugo, callbacks);
    QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.errorMessage()));
    QCOMPARE(calls, 10);
    QVERIFY(QFile::exists(out + QStringLiteral("/layouts/_default/single.html")));
    QCOMPARE(done->posts, 6);
}

void TestRoundTrip::keepsTheFoldersConfiguration()
{
    fillHostile(*m_library);
    MarkdownExporter exporter(*m_library);
    const QString out = path(QStringLiteral("export"));
    QVERIFY(m_library->settings().set(Setting::SiteTitle, QStringLiteral("Notes \"on\" numerics")).ok());
    const auto first = exporter.exportTo(out, Flavor::Hugo);
    QVERIFY(first.ok() && first->wroteConfig);
    const QByteArray config = readAll(out + QStringLiteral("/config.toml"));
    QVERIFY2(config.contains("title = \"Notes \\\"on\\\" numerics\""), config);
    // The writer edits it; the next export leaves it alone.
    QFile file(out + QStringLiteral("/config.toml"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("title = \"Edited\"\n");
    file.close();
    const auto second = exporter.exportTo(out, Flavor::Hugo);
    QVERIFY(second.ok() && !second->wroteConfig);
    QCOMPARE(readAll(out + QStringLiteral("/config.toml")), QByteArray("title = \"Edited\"\n"));
}

void TestRoundTrip::hugoBuildsTheExport()
{
    const QString hugo = QStandardPaths::findExecutable(QStringLiteral("hugo"));
    if (hugo.isEmpty())
        QSKIP("hugo is not installed");
    fillHostile(*m_library);
    QVERIFY(m_library->assets().store(tinyPng(), QStringLiteral("figure.png"), 1, 1).ok());
    Post post;
    post.title = QStringLiteral("Figure post");
    post.status = PostStatus::Published;
    post.publishedAt = QDateTime(QDate(2024, 2, 3), QTime(4, 5), Qt::UTC);
    post.body = QStringLiteral("Before.\n\n![A figure](/media/figure.png)\n\n<details><summary>More</summary>Raw HTML</details>\n");
    post.tags = {QStringLiteral("GPU")};
    QVERIFY(m_library->posts().create(post).ok());
    const QString out = path(QStringLiteral("export"));
    QVERIFY(MarkdownExporter(*m_library).exportTo(out, Flavor::Hugo).ok());
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(hugo, {QStringLiteral("--quiet"), QStringLiteral("-s"), out, QStringLiteral("-d"), path(QStringLiteral("site"))});
    QVERIFY(process.waitForFinished(120000));
    const QString output = QString::fromUtf8(process.readAll());
    QVERIFY2(process.exitCode() == 0 && !output.contains(QLatin1String("ERROR")) && !output.contains(QLatin1String("WARN")),
             qPrintable(output));
    QVERIFY(QFile::exists(path(QStringLiteral("site/media/figure.png"))));
    // The starter layouts make readable pages: the post with its figure and raw HTML, the home
    // page listing it, its tag.
    const QString page = QString::fromUtf8(readAll(path(QStringLiteral("site/posts/figure-post/index.html"))));
    QVERIFY2(page.contains(QLatin1String("<h1>Figure post</h1>")), qPrintable(page));
    QVERIFY2(page.contains(QLatin1String("<img src=\"/media/figure.png\" alt=\"A figure\"")), qPrintable(page));
    QVERIFY2(page.contains(QLatin1String("<details><summary>More</summary>")), qPrintable(page));
    QVERIFY2(page.contains(QLatin1String("#GPU")), qPrintable(page));
    QVERIFY2(page.contains(QLatin1String("<link rel=\"stylesheet\" href=\"/style.css\">")), qPrintable(page));
    QVERIFY(QFile::exists(path(QStringLiteral("site/style.css"))));
    const QString home = QString::fromUtf8(readAll(path(QStringLiteral("site/index.html"))));
    QVERIFY2(home.contains(QLatin1String("/posts/figure-post/\">Figure post</a>")), qPrintable(home));

    // Another permalink pattern: Hugo puts the posts where Quire's own site has them.
    QVERIFY(SiteSettings::store(*m_library, QStringLiteral("permalink"), QStringLiteral("/:year/:month/:slug/")).ok());
    const QString other = path(QStringLiteral("export-dated"));
    QVERIFY(MarkdownExporter(*m_library).exportTo(other, Flavor::Hugo).ok());
    process.start(hugo, {QStringLiteral("--quiet"), QStringLiteral("-s"), other, QStringLiteral("-d"), path(QStringLiteral("site-dated"))});
    QVERIFY(process.waitForFinished(120000));
    QVERIFY2(process.exitCode() == 0, qPrintable(QString::fromUtf8(process.readAll())));
    QVERIFY(QFile::exists(path(QStringLiteral("site-dated/2024/02/figure-post/index.html"))));
}

QTEST_GUILESS_MAIN(TestRoundTrip)
#include "tst_round_trip.moc"
