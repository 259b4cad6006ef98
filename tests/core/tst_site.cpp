// The site builder: every page kind with the right content, pagination boundaries, drafts and
// scheduled posts, escaping of hostile titles and tags, valid HTML (HTML Tidy) and well-formed
// XML (xmllint), links between pages that resolve, incremental builds (mtimes kept, removed
// posts' files gone), a killed build leaving the old site whole, refused output folders, and
// the problems a build reports.

#include "core_test_support.h"
#include "markdown/markdown_renderer.h"
#include "render/render_worker.h"
#include "setup/library_setup.h"
#include "site/library_themes.h"
#include "site/site_theme.h"
#include "site/post_preview.h"
#include "site/site_builder.h"
#include "site/site_output.h"
#include "site/site_path.h"
#include "site/site_settings.h"
#include "store/asset_store.h"
#include "store/library.h"
#include "store/post_history.h"
#include "store/post_store.h"
#include "store/render_cache_store.h"
#include "store/revision.h"
#include "store/theme_store.h"
#include "theme/theme_folder.h"
#include "theme/theme_templates.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QXmlStreamReader>

#include <csignal>

using namespace quire;
using CoreTest::messageOf;
using CoreTest::readAll;

namespace {

// A 1×1 PNG; a tail makes other bytes (another asset) that still read as a PNG.
QByteArray tinyPng(const QByteArray &tail = {})
{
    return QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
        + tail;
}

// Where the site writes a library image: media/<stem>.<first 10 hex of its sha256>.<ext>.
QString mediaFile(const Asset &asset)
{
    const qsizetype dot = asset.name.lastIndexOf(u'.');
    return QStringLiteral("media/") + asset.name.left(dot) + u'.' + asset.sha256.left(10) + asset.name.mid(dot);
}

// Every file under dir (relative paths) with its content, Quire's own state left out.
QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = QDir(dir).relativeFilePath(path);
        if (!relative.startsWith(QLatin1String(".quire/")))
            files.insert(relative, readAll(path));
    }
    return files;
}

} // namespace

class TestSite : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyPageKindExists();
    void postPageContent();
    void paginationBoundaries_data();
    void paginationBoundaries();
    void draftsAndScheduledPosts();
    void hostileTitlesAndTagsAreEscaped();
    void pagesAreValidHtmlAndXmlIsWellFormed();
    void linksBetweenPagesResolve();
    void katexAndHighlightOnlyWhenNeeded();
    void aBuildPrunesRendersUnusedForMonths();
    void incrementalKeepsMtimesAndRemovesFiles();
    void changedTextWithTheSameTimestampIsRebuilt();
    void killedBuildLeavesOldSiteWhole();
    void killedFirstBuildIsFinishedByTheNext();
    void cancelledBuildChangesNothing();
    void refusesDangerousOutputFolders();
    void forceLeavesForeignFilesAlone();
    void aFileInTheWayOfANewPageIsNotReplaced();
    void neverWritesThroughSymlinks();
    void problemsAreReported();
    void libraryImagesAreExported();
    void coverImage();
    void coverImageWithoutBaseUrl();
    void importedThemeDrivesTheSite();
    void previewShellIsTheThemesPostPage();
    void permalinkPatterns();
    void settingsAreChecked_data();
    void settingsAreChecked();
    void relativePaths_data();
    void relativePaths();
    void cliBuild();

private:
    std::unique_ptr<Library> newLibrary(const QString &name);
    Post addPost(Library &library, const QString &title, const QString &body, PostStatus status = PostStatus::Published,
                 const QDateTime &date = {}, const QStringList &tags = {});
    SiteBuilder::Report build(Library &library, const QString &out, SiteBuilder::Options options = {});
    QString m_engineMissing;
    QTemporaryDir m_dir;
    int m_count = 0;
};

void TestSite::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
        QFAIL("node is not installed (Debian package nodejs): the site renders math with it");
    QVERIFY(m_dir.isValid());
}

std::unique_ptr<Library> TestSite::newLibrary(const QString &name)
{
    auto library = LibrarySetup::open(m_dir.filePath(name + QStringLiteral(".quire")));
    if (!library)
        qFatal("library: %s", qPrintable(library.errorMessage()));
    // A clock that moves a second on every reading, from 1 June 2026.
    auto ticks = std::make_shared<int>(0);
    (*library)->setClock([ticks] { return QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC).addSecs((*ticks)++); });
    return std::move(*library);
}

Post TestSite::addPost(Library &library, const QString &title, const QString &body, PostStatus status,
                       const QDateTime &date, const QStringList &tags)
{
    struct { const QString &title; const QString &body; PostStatus status; const QDateTime &date; const QStringList &tags; }
        spec{title, body, status, date, tags};
    Post post;
    post.title = spec.title;
    post.body = spec.body;
    post.status = spec.status;
    post.tags = spec.tags;
    const QDateTime when = spec.date.isValid() ? spec.date
                                               : QDateTime(QDate(2025, 1, 1), QTime(9, 0), Qt::UTC).addDays(++m_count);
    post.createdAt = when;
    if (spec.status != PostStatus::Draft)
        post.publishedAt = when;
    auto created = library.posts().create(post);
    if (!created)
        qFatal("post: %s", qPrintable(created.errorMessage()));
    return *created;
}

SiteBuilder::Report TestSite::build(Library &library, const QString &out, SiteBuilder::Options options)
{
    options.outputDir = out;
    auto report = SiteBuilder(library).build(options);
    if (!report)
        qFatal("build: %s", qPrintable(report.errorMessage()));
    return *report;
}

void TestSite::everyPageKindExists()
{
    auto library = newLibrary(QStringLiteral("kinds"));
    addPost(*library, QStringLiteral("First"), QStringLiteral("Hello."), PostStatus::Published, {}, {QStringLiteral("GPU")});
    addPost(*library, QStringLiteral("Second"), QStringLiteral("World."), PostStatus::Published, {}, {QStringLiteral("GPU"), QStringLiteral("numerics")});
    const QString out = m_dir.filePath(QStringLiteral("kinds-site"));
    const auto report = build(*library, out);
    QCOMPARE(report.posts, 2);
    for (const char *file : {"index.html", "posts/first/index.html", "posts/second/index.html", "tags/index.html",
                             "tags/gpu/index.html", "tags/numerics/index.html", "archive/index.html", "feed.xml",
                             "sitemap.xml", "robots.txt", "404.html", "assets/style.css"})
        QVERIFY2(QFile::exists(out + u'/' + QLatin1String(file)), file);
    const QByteArray index = readAll(out + QStringLiteral("/index.html"));
    QVERIFY(index.contains("First") && index.contains("Second"));
    QVERIFY(index.indexOf("Second") < index.indexOf("First"));   // newest first
    const QByteArray tag = readAll(out + QStringLiteral("/tags/numerics/index.html"));
    QVERIFY(tag.contains("Second") && !tag.contains(">First<"));
    const QByteArray archive = readAll(out + QStringLiteral("/archive/index.html"));
    QVERIFY(archive.contains("2025") && archive.contains("First") && archive.contains("Second"));
    QVERIFY(readAll(out + QStringLiteral("/robots.txt")).startsWith("User-agent: *"));
    QVERIFY(readAll(out + QStringLiteral("/404.html")).contains("href=\"/\""));
}

void TestSite::postPageContent()
{
    auto library = newLibrary(QStringLiteral("post"));
    addPost(*library, QStringLiteral("Older"), QStringLiteral("x"));
    addPost(*library, QStringLiteral("Float sums"),
                       QStringLiteral("Intro paragraph about $x^2$.\n\n## Setup\n\nText.\n\n## Results\n\n```python\nprint(1)\n```\n"),
                       PostStatus::Published, {}, {QStringLiteral("numerics")});
    addPost(*library, QStringLiteral("Newer"), QStringLiteral("y"));
    QVERIFY(SiteSettings::store(*library, QStringLiteral("base-url"), QStringLiteral("https://blog.example.org/notes")));
    QVERIFY(SiteSettings::store(*library, QStringLiteral("title"), QStringLiteral("Notebook")));
    const QString out = m_dir.filePath(QStringLiteral("post-site"));
    build(*library, out);
    const QString html = QString::fromUtf8(readAll(out + QStringLiteral("/posts/float-sums/index.html")));
    QVERIFY(html.contains(QStringLiteral("<title>Float sums · Notebook</title>")));
    QVERIFY(html.contains(QStringLiteral("href=\"https://blog.example.org/notes/posts/float-sums/\"")));   // canonical
    QVERIFY(html.contains(QStringLiteral("og:title")));
    QVERIFY(html.contains(QStringLiteral("application/atom+xml")));
    QVERIFY(html.contains(QStringLiteral("datetime=\"2025-")));
    QVERIFY(html.contains(QStringLiteral("min read")) || html.contains(QStringLiteral("minute")));
    QVERIFY(html.contains(QStringLiteral("href=\"#setup\"")) && html.contains(QStringLiteral("href=\"#results\"")));   // toc
    QVERIFY(html.contains(QStringLiteral("../../tags/numerics/index.html")));
    QVERIFY(html.contains(QStringLiteral("../older/index.html")) && html.contains(QStringLiteral("../newer/index.html")));
    QVERIFY(html.contains(QStringLiteral("class=\"katex\"")));        // math rendered at build time
    QVERIFY(html.contains(QStringLiteral("hljs")));                    // code highlighted
    QVERIFY(!html.contains(QStringLiteral("<script")));               // readers need no JavaScript
    QVERIFY(!html.contains(QStringLiteral("http://")) );
    QVERIFY(html.contains(QStringLiteral("Intro paragraph about")));   // description from the first paragraph
}

void TestSite::paginationBoundaries_data()
{
    QTest::addColumn<int>("posts");
    QTest::addColumn<int>("perPage");
    QTest::addColumn<int>("pages");
    QTest::newRow("none") << 0 << 3 << 1;
    QTest::newRow("one short of a page") << 2 << 3 << 1;
    QTest::newRow("exactly one page") << 3 << 3 << 1;
    QTest::newRow("one over") << 4 << 3 << 2;
    QTest::newRow("exactly three") << 9 << 3 << 3;
    QTest::newRow("one per page") << 3 << 1 << 3;
}

void TestSite::paginationBoundaries()
{
    QFETCH(int, posts);
    QFETCH(int, perPage);
    QFETCH(int, pages);
    const QString name = QStringLiteral("pages-%1-%2").arg(posts).arg(perPage);
    auto library = newLibrary(name);
    for (int i = 0; i < posts; ++i)
        addPost(*library, QStringLiteral("Post %1").arg(i), QStringLiteral("Body."), PostStatus::Published, {}, {QStringLiteral("all")});
    QVERIFY(SiteSettings::store(*library, QStringLiteral("posts-per-page"), QString::number(perPage)));
    const QString out = m_dir.filePath(name);
    build(*library, out);
    QVERIFY(QFile::exists(out + QStringLiteral("/index.html")));
    QVERIFY(!QFile::exists(out + QStringLiteral("/page/1/index.html")));
    for (int page = 2; page <= pages; ++page)
        QVERIFY2(QFile::exists(out + QStringLiteral("/page/%1/index.html").arg(page)), qPrintable(QString::number(page)));
    QVERIFY(!QFile::exists(out + QStringLiteral("/page/%1/index.html").arg(pages + 1)));
    if (posts > 0) {
        QVERIFY(QFile::exists(out + QStringLiteral("/tags/all/index.html")));
        QCOMPARE(QFile::exists(out + QStringLiteral("/tags/all/page/%1/index.html").arg(pages)), pages > 1);
        QVERIFY(!QFile::exists(out + QStringLiteral("/tags/all/page/%1/index.html").arg(pages + 1)));
    }
    // Every post appears on exactly one page.
    int seen = 0;
    for (int page = 1; page <= pages; ++page) {
        const QByteArray html = readAll(out + (page == 1 ? QStringLiteral("/index.html") : QStringLiteral("/page/%1/index.html").arg(page)));
        seen += html.count("posts/post-");
        if (page < pages) {
            const QString next = page == 1 ? QStringLiteral("page/2/index.html") : QStringLiteral("../%1/index.html").arg(page + 1);
            QVERIFY2(html.contains(next.toUtf8()), qPrintable(next));
        }
    }
    QVERIFY(seen >= posts);
}

void TestSite::draftsAndScheduledPosts()
{
    auto library = newLibrary(QStringLiteral("drafts"));
    addPost(*library, QStringLiteral("Public"), QStringLiteral("p"));
    addPost(*library, QStringLiteral("Secret draft"), QStringLiteral("d"), PostStatus::Draft, {}, {QStringLiteral("hidden-tag")});
    addPost(*library, QStringLiteral("Due already"), QStringLiteral("s"), PostStatus::Scheduled,
                       QDateTime(QDate(2026, 5, 1), QTime(8, 0), Qt::UTC));
    addPost(*library, QStringLiteral("Future"), QStringLiteral("f"), PostStatus::Scheduled,
                       QDateTime(QDate(2026, 7, 1), QTime(8, 0), Qt::UTC));
    const QString out = m_dir.filePath(QStringLiteral("drafts-site"));
    auto report = build(*library, out);
    QCOMPARE(report.posts, 2);
    QVERIFY(QFile::exists(out + QStringLiteral("/posts/public/index.html")));
    QVERIFY(QFile::exists(out + QStringLiteral("/posts/due-already/index.html")));
    QVERIFY(!QFile::exists(out + QStringLiteral("/posts/secret-draft/index.html")));
    QVERIFY(!QFile::exists(out + QStringLiteral("/posts/future/index.html")));
    QVERIFY(!QFile::exists(out + QStringLiteral("/tags/hidden-tag/index.html")));
    for (const auto &[path, content] : snapshot(out).asKeyValueRange())
        QVERIFY2(!content.contains("Secret draft") && !content.contains("Future"), qPrintable(path));

    const QString withDrafts = m_dir.filePath(QStringLiteral("drafts-site-2"));
    SiteBuilder::Options options;
    options.includeDrafts = true;
    report = build(*library, withDrafts, options);
    QCOMPARE(report.posts, 3);
    const QByteArray draft = readAll(withDrafts + QStringLiteral("/posts/secret-draft/index.html"));
    QVERIFY(draft.contains("Secret draft"));
    QVERIFY(draft.contains("Draft</"));   // marked as such
    QVERIFY(!readAll(withDrafts + QStringLiteral("/posts/public/index.html")).contains("Draft</"));
}

void TestSite::hostileTitlesAndTagsAreEscaped()
{
    auto library = newLibrary(QStringLiteral("hostile"));
    const QString title = QStringLiteral("<script>alert(1)</script> & \"quotes\" ]]> 'x'");
    addPost(*library, title, QStringLiteral("Body with ]]> and <b>bold</b>."), PostStatus::Published, {},
                       {QStringLiteral("<img src=x onerror=alert(1)>"), QStringLiteral("a&b\"c")});
    QVERIFY(SiteSettings::store(*library, QStringLiteral("title"), QStringLiteral("My <blog> & \"co\"")));
    QVERIFY(SiteSettings::store(*library, QStringLiteral("base-url"), QStringLiteral("https://example.org/")));
    const QString out = m_dir.filePath(QStringLiteral("hostile-site"));
    build(*library, out);
    for (const auto &[path, content] : snapshot(out).asKeyValueRange()) {
        if (!path.endsWith(QLatin1String(".html")) && !path.endsWith(QLatin1String(".xml")))
            continue;
        QVERIFY2(!content.contains("<script>alert"), qPrintable(path));
        QVERIFY2(!content.contains("<img src=x"), qPrintable(path));
        QVERIFY2(!content.contains("My <blog>"), qPrintable(path));
    }
    const QByteArray index = readAll(out + QStringLiteral("/index.html"));
    QVERIFY(index.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
    // The feed is XML that says the same title back.
    QXmlStreamReader feed(readAll(out + QStringLiteral("/feed.xml")));
    QStringList titles;
    while (!feed.atEnd()) {
        if (feed.readNext() == QXmlStreamReader::StartElement && feed.name() == u"title")
            titles.append(feed.readElementText());
    }
    QVERIFY2(!feed.hasError(), qPrintable(feed.errorString()));
    QVERIFY(titles.contains(title));
    QVERIFY(titles.contains(QStringLiteral("My <blog> & \"co\"")));
}

void TestSite::pagesAreValidHtmlAndXmlIsWellFormed()
{
    const QString tidy = QStandardPaths::findExecutable(QStringLiteral("tidy"));
    const QString xmllint = QStandardPaths::findExecutable(QStringLiteral("xmllint"));
    if (tidy.isEmpty() || xmllint.isEmpty())
        QFAIL("tidy and xmllint are needed (Debian packages tidy, libxml2-utils; the test set-up installs them)");
    auto library = newLibrary(QStringLiteral("valid"));
    Post covered = addPost(*library, QStringLiteral("Math & code"),
                       QStringLiteral("Text $\\sum_i x_i$ and a table:\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n$$\\int_0^1 f$$\n\n"
                                      "```cpp\nint main() {}\n```\n\nA footnote[^1].\n\n[^1]: Note.\n\n- [x] done\n- [ ] todo\n\n"
                                      "![A figure](https://example.org/x.png)\n"),
                       PostStatus::Published, {}, {QStringLiteral("c++"), QStringLiteral("<odd> & tag")});
    addPost(*library, QStringLiteral("<Hostile> \"title\" ]]>"), QStringLiteral("Bad math $\\frac{$ here."), PostStatus::Published, {},
                       {QStringLiteral("c++")});
    covered.coverAssetId = library->assets().store(tinyPng(), QStringLiteral("cover.png"), 1, 1)->id;
    QVERIFY(library->history().save(covered, RevisionReason::Save));
    for (const QString &theme : {QStringLiteral("paper"), QStringLiteral("ledger")}) {
        QVERIFY(library->themes().setActive(theme));
        const QString out = m_dir.filePath(QStringLiteral("valid-") + theme);
        build(*library, out);
        int pages = 0;
        QDirIterator it(out, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QProcess check;
            if (path.endsWith(QLatin1String(".html"))) {
                ++pages;
                check.start(tidy, {QStringLiteral("-q"), QStringLiteral("-e"), path});
                QVERIFY(check.waitForFinished(30000));
                const QString report = QString::fromUtf8(check.readAllStandardError());
                QVERIFY2(!report.contains(QLatin1String("Error:")), qPrintable(path + u'\n' + report));
            } else if (path.endsWith(QLatin1String(".xml"))) {
                check.start(xmllint, {QStringLiteral("--noout"), path});
                QVERIFY(check.waitForFinished(30000));
                QVERIFY2(check.exitCode() == 0, qPrintable(path + u'\n' + QString::fromUtf8(check.readAllStandardError())));
            }
        }
        QVERIFY(pages >= 8);
    }
}

void TestSite::linksBetweenPagesResolve()
{
    auto library = newLibrary(QStringLiteral("links"));
    for (int i = 0; i < 7; ++i) {
        Post post = addPost(*library, QStringLiteral("Note %1").arg(i), QStringLiteral("See [the first](/posts/note-0/) and $x$ and [ext](https://example.org)."),
                            PostStatus::Published, {}, {QStringLiteral("tag %1").arg(i % 3), QStringLiteral("Ünïcode")});
        if (i % 2 == 0) {   // covers, on post pages and in lists
            post.coverAssetId = library->assets().store(tinyPng(QByteArray::number(i)), QStringLiteral("cover.png"))->id;
            QVERIFY(library->history().save(post, RevisionReason::Save));
        }
    }
    QVERIFY(SiteSettings::store(*library, QStringLiteral("posts-per-page"), QStringLiteral("3")));
    const QString out = m_dir.filePath(QStringLiteral("links-site"));
    const auto report = build(*library, out);
    QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.value(0).reason));
    static const QRegularExpression href(QStringLiteral(R"re((?:href|src)="([^"#]*)(#[^"]*)?")re"));
    int checked = 0;
    QDirIterator it(out, {QStringLiteral("*.html")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString page = it.next();
        if (page.endsWith(QLatin1String("404.html")))
            continue;   // absolute paths, for a host
        const QString html = QString::fromUtf8(readAll(page));
        for (auto match = href.globalMatch(html); match.hasNext();) {
            const QString target = match.next().captured(1);
            if (target.isEmpty() || target.startsWith(QLatin1String("https:")))
                continue;
            QVERIFY2(!target.startsWith(u'/'), qPrintable(page + QStringLiteral(": ") + target));   // works from disk
            const QString resolved = QFileInfo(page).dir().filePath(QUrl::fromPercentEncoding(target.toUtf8()));
            QVERIFY2(QFileInfo(resolved).isFile(), qPrintable(page + QStringLiteral(" -> ") + target));
            ++checked;
        }
    }
    QVERIFY(checked > 100);
}

void TestSite::katexAndHighlightOnlyWhenNeeded()
{
    auto library = newLibrary(QStringLiteral("assets"));
    addPost(*library, QStringLiteral("Plain"), QStringLiteral("No math, no code."));
    const QString out = m_dir.filePath(QStringLiteral("assets-site"));
    build(*library, out);
    QVERIFY(!QFile::exists(out + QStringLiteral("/assets/katex/katex.min.css")));
    QVERIFY(!QFile::exists(out + QStringLiteral("/assets/highlight.css")));
    QVERIFY(!readAll(out + QStringLiteral("/posts/plain/index.html")).contains("katex"));

    addPost(*library, QStringLiteral("Mathy"), QStringLiteral("$$e^{i\\pi}+1=0$$\n\n```python\nx = 1\n```\n"));
    build(*library, out);
    QVERIFY(QFile::exists(out + QStringLiteral("/assets/katex/katex.min.css")));
    QVERIFY(QFile::exists(out + QStringLiteral("/assets/highlight.css")));
    const QByteArray css = readAll(out + QStringLiteral("/assets/katex/katex.min.css"));
    static const QRegularExpression font(QStringLiteral(R"re(url\(fonts/([^)]+)\))re"));
    int fonts = 0;
    for (auto match = font.globalMatch(QString::fromUtf8(css)); match.hasNext(); ++fonts)
        QVERIFY(QFile::exists(out + QStringLiteral("/assets/katex/fonts/") + match.next().captured(1)));
    QVERIFY(fonts > 10);
    QVERIFY(readAll(out + QStringLiteral("/posts/mathy/index.html")).contains("assets/katex/katex.min.css"));
    QVERIFY(!readAll(out + QStringLiteral("/posts/plain/index.html")).contains("katex.min.css"));
}

void TestSite::aBuildPrunesRendersUnusedForMonths()
{
    auto library = newLibrary(QStringLiteral("prune"));
    QDateTime now(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
    library->setClock([&now] { return now; });
    addPost(*library, QStringLiteral("Kept"), QStringLiteral("Still here: $a^2$."));
    QVERIFY(library->renderCache().store({CachedRender{QStringLiteral("edited-away"), QStringLiteral("x"), {}, false, {}}}));
    const QString out = m_dir.filePath(QStringLiteral("prune-site"));
    build(*library, out);   // renders $a^2$ and stores it, used now

    now = now.addDays(RenderCacheStore::UnusedDays - 1);
    addPost(*library, QStringLiteral("Later"), QStringLiteral("New: $b^2$."));
    build(*library, out);
    QVERIFY(library->renderCache().find(QStringLiteral("edited-away")).value().has_value());

    // Past the limit the entry nobody used goes. A page that was not made again keeps its math:
    // its formulas are rendered anew only when the page is.
    now = now.addDays(2);
    addPost(*library, QStringLiteral("Latest"), QStringLiteral("Newer: $c^2$."));
    build(*library, out);
    QCOMPARE(library->renderCache().find(QStringLiteral("edited-away")).value(), std::nullopt);
    const QByteArray kept = readAll(out + QStringLiteral("/posts/kept/index.html"));
    QVERIFY(kept.contains("katex"));
}

void TestSite::incrementalKeepsMtimesAndRemovesFiles()
{
    auto library = newLibrary(QStringLiteral("incremental"));
    QList<Post> posts;
    for (int i = 0; i < 12; ++i)
        posts.append(addPost(*library, QStringLiteral("Entry %1").arg(i), QStringLiteral("Body %1 $x_%1$.").arg(i),
                                        PostStatus::Published, {}, {i == 3 ? QStringLiteral("only-three") : QStringLiteral("common")}));
    const QString out = m_dir.filePath(QStringLiteral("incremental-site"));
    auto first = build(*library, out);
    QCOMPARE(first.unchanged, 0);

    QHash<QString, QDateTime> mtimes;
    QDirIterator all(out, QDir::Files, QDirIterator::Subdirectories);
    while (all.hasNext()) {
        const QString path = all.next();
        if (!path.contains(QLatin1String("/.quire/")))
            mtimes.insert(path, QFileInfo(path).lastModified());
    }
    QThread::msleep(20);
    auto again = build(*library, out);
    QCOMPARE(again.written, 0);
    QCOMPARE(again.removed, 0);
    QCOMPARE(again.unchanged, first.written);
    for (auto it = mtimes.cbegin(); it != mtimes.cend(); ++it)
        QVERIFY2(QFileInfo(it.key()).lastModified() == it.value(), qPrintable(it.key()));

    // One post edited: its page changes, a far-away post's page does not.
    Post edited = posts[5];
    edited.body = QStringLiteral("A new body.");
    QVERIFY(library->history().save(edited, RevisionReason::Save));
    auto afterEdit = build(*library, out);
    QVERIFY(afterEdit.written >= 1 && afterEdit.written < 10);
    QVERIFY(readAll(out + QStringLiteral("/posts/entry-5/index.html")).contains("A new body."));
    const QString far = out + QStringLiteral("/posts/entry-11/index.html");
    QCOMPARE(QFileInfo(far).lastModified(), mtimes.value(far));

    // A removed post takes its page and its tag's pages with it.
    QVERIFY(library->posts().remove(posts[3].id));
    auto afterDelete = build(*library, out);
    QVERIFY(afterDelete.removed >= 2);
    QVERIFY(!QFile::exists(out + QStringLiteral("/posts/entry-3/index.html")));
    QVERIFY(!QDir(out + QStringLiteral("/posts/entry-3")).exists());
    QVERIFY(!QFile::exists(out + QStringLiteral("/tags/only-three/index.html")));

    // A clean build of the same library gives the same files.
    const QString clean = m_dir.filePath(QStringLiteral("incremental-clean"));
    build(*library, clean);
    QCOMPARE(snapshot(out), snapshot(clean));
}

void TestSite::changedTextWithTheSameTimestampIsRebuilt()
{
    // A re-import keeps the file's lastmod, so the text can change while updated_at does not.
    auto library = newLibrary(QStringLiteral("same-time"));
    Post post = addPost(*library, QStringLiteral("Kept"), QStringLiteral("Old words."));
    const QString out = m_dir.filePath(QStringLiteral("same-time-site"));
    build(*library, out);
    post.body = QStringLiteral("New words.");
    QVERIFY(library->history().save(post, RevisionReason::Import));
    QCOMPARE(library->posts().byId(post.id)->updatedAt, post.updatedAt);
    build(*library, out);
    QVERIFY(readAll(out + QStringLiteral("/posts/kept/index.html")).contains("New words."));
}

void TestSite::killedBuildLeavesOldSiteWhole()
{
    const QString libraryPath = m_dir.filePath(QStringLiteral("killed.quire"));
    const QString out = m_dir.filePath(QStringLiteral("killed-site"));
    {
        auto library = LibrarySetup::open(libraryPath);
        QVERIFY(library);
        for (int i = 0; i < 150; ++i)
            addPost(**library, QStringLiteral("Long post %1").arg(i),
                                QStringLiteral("Paragraph $a_%1 + b$.\n\n```python\nprint(%1)\n```\n").arg(i).repeated(20));
        build(**library, out);
    }
    QMap<QString, QByteArray> before = snapshot(out);
    QVERIFY(before.size() > 150);

    auto quire = [&](const QStringList &args) {
        auto process = std::make_unique<QProcess>();
        process->start(QStringLiteral(QUIRE_BINARY), QStringList{QStringLiteral("--library"), libraryPath} + args);
        return process;
    };
    for (int round = 0; round < 6; ++round) {
        // Change every post, so the build has everything to write, then kill it part-way.
        {
            auto library = LibrarySetup::open(libraryPath);
            QVERIFY(library);
            QVERIFY(SiteSettings::store(**library, QStringLiteral("title"), QStringLiteral("Title %1").arg(round)));
        }
        auto process = quire({QStringLiteral("build"), QStringLiteral("--out"), out});
        QVERIFY(process->waitForStarted());
        QThread::msleep(100 + QRandomGenerator::global()->bounded(900));
        ::kill(pid_t(process->processId()), SIGKILL);
        process->waitForFinished();

        const QMap<QString, QByteArray> after = snapshot(out);
        const bool journal = QFile::exists(out + QStringLiteral("/.quire/journal.json"));
        // The next build finishes or clears the interrupted one; the result is a whole new site.
        auto finish = quire({QStringLiteral("build"), QStringLiteral("--out"), out});
        QVERIFY(finish->waitForFinished(120000));
        QCOMPARE(finish->exitCode(), 0);
        QVERIFY(!QDir(out + QStringLiteral("/.quire/staging")).exists());
        QVERIFY(readAll(out + QStringLiteral("/index.html")).contains(QStringLiteral("Title %1").arg(round).toUtf8()));
        const QMap<QString, QByteArray> finished = snapshot(out);
        QCOMPARE(finished.keys(), before.keys());
        if (journal) {
            // Killed while putting the new site in place: every page there, each one whole.
            for (auto it = after.cbegin(); it != after.cend(); ++it)
                QVERIFY2(it.value() == before.value(it.key()) || it.value() == finished.value(it.key()), qPrintable(it.key()));
            QCOMPARE(after.keys(), before.keys());
        } else {
            // Killed before: not a byte changed (or after: the new site was already complete).
            QVERIFY(after == before || after == finished);
        }
        before = finished;
    }
}

void TestSite::killedFirstBuildIsFinishedByTheNext()
{
    // Into an empty folder there is no old site to keep: the first build writes in place, and
    // a build killed part-way leaves a folder the next build recognises as its own and finishes.
    const QString libraryPath = m_dir.filePath(QStringLiteral("first.quire"));
    {
        auto library = LibrarySetup::open(libraryPath);
        QVERIFY(library);
        for (int i = 0; i < 120; ++i)
            addPost(**library, QStringLiteral("First build %1").arg(i),
                    QStringLiteral("Text $b_%1$.\n\n```cpp\nint x = %1;\n```\n").arg(i).repeated(20));
    }
    const QString out = m_dir.filePath(QStringLiteral("first-site"));
    QProcess killed;
    killed.start(QStringLiteral(QUIRE_BINARY), {QStringLiteral("--library"), libraryPath, QStringLiteral("build"),
                                                QStringLiteral("--out"), out});
    QVERIFY(killed.waitForStarted());
    QThread::msleep(300 + QRandomGenerator::global()->bounded(500));
    ::kill(pid_t(killed.processId()), SIGKILL);
    killed.waitForFinished();

    QProcess finish;
    finish.start(QStringLiteral(QUIRE_BINARY), {QStringLiteral("--library"), libraryPath, QStringLiteral("build"),
                                                QStringLiteral("--out"), out});
    QVERIFY(finish.waitForFinished(120000));
    QVERIFY2(finish.exitCode() == 0, finish.readAllStandardError().constData());
    QVERIFY(!QFile::exists(out + QStringLiteral("/.quire/first-build")));
    const QString clean = m_dir.filePath(QStringLiteral("first-site-clean"));
    {
        auto library = LibrarySetup::open(libraryPath);
        QVERIFY(library);
        build(**library, clean);
    }
    QCOMPARE(snapshot(out), snapshot(clean));
}

void TestSite::cancelledBuildChangesNothing()
{
    auto library = newLibrary(QStringLiteral("cancel"));
    for (int i = 0; i < 30; ++i)
        addPost(*library, QStringLiteral("Post %1").arg(i), QStringLiteral("Text %1.").arg(i));
    const QString out = m_dir.filePath(QStringLiteral("cancel-site"));
    build(*library, out);
    const auto before = snapshot(out);
    QVERIFY(SiteSettings::store(*library, QStringLiteral("title"), QStringLiteral("Renamed")));
    std::atomic<bool> cancel = false;
    int calls = 0;
    SiteBuilder::Options options;
    options.outputDir = out;
    options.threads = 1;
    options.cancel = &cancel;
    options.progress = [&](int done, int total) {
        QVERIFY(done <= total);
        if (++calls == 5)
            cancel = true;   // as the Cancel button of a progress dialog would
    };
    auto cancelled = SiteBuilder(*library).build(options);
    QVERIFY(!cancelled);
    QVERIFY2(cancelled.errorMessage().contains(QStringLiteral("cancelled")), qPrintable(cancelled.errorMessage()));
    QCOMPARE(snapshot(out), before);
    QVERIFY(!QDir(out + QStringLiteral("/.quire/staging")).exists());
}

void TestSite::refusesDangerousOutputFolders()
{
    auto library = newLibrary(QStringLiteral("danger"));
    addPost(*library, QStringLiteral("P"), QStringLiteral("p"));
    const auto refused = [&](const QString &dir, bool force) {
        SiteBuilder::Options options;
        options.outputDir = dir;
        options.force = force;
        return SiteBuilder(*library).build(options);
    };
    for (bool force : {false, true}) {
        auto root = refused(QStringLiteral("/"), force);
        QVERIFY(!root);
        auto home = refused(QDir::homePath(), force);
        QVERIFY(!home);
        QVERIFY2(home.errorMessage().contains(QStringLiteral("cannot be the output folder")), qPrintable(home.errorMessage()));
    }
    // A folder holding someone's files: refused without --force, and untouched.
    const QString occupied = m_dir.filePath(QStringLiteral("occupied"));
    QDir().mkpath(occupied + QStringLiteral("/notes"));
    QFile mine(occupied + QStringLiteral("/notes/thesis.tex"));
    QVERIFY(mine.open(QIODevice::WriteOnly));
    mine.write("precious");
    mine.close();
    auto result = refused(occupied, false);
    QVERIFY(!result);
    QVERIFY2(result.errorMessage().contains(QStringLiteral("notes/thesis.tex")), qPrintable(result.errorMessage()));
    QCOMPARE(snapshot(occupied).keys(), QStringList{QStringLiteral("notes/thesis.tex")});
    QVERIFY(!QDir(occupied + QStringLiteral("/.quire")).exists());
    // A file is not a folder.
    QVERIFY(!refused(occupied + QStringLiteral("/notes/thesis.tex"), true));
}

void TestSite::forceLeavesForeignFilesAlone()
{
    auto library = newLibrary(QStringLiteral("force"));
    addPost(*library, QStringLiteral("P"), QStringLiteral("p"));
    const QString out = m_dir.filePath(QStringLiteral("force-site"));
    QDir().mkpath(out);
    QFile cname(out + QStringLiteral("/CNAME"));
    QVERIFY(cname.open(QIODevice::WriteOnly));
    cname.write("blog.example.org\n");
    cname.close();
    SiteBuilder::Options options;
    options.force = true;
    build(*library, out, options);
    QVERIFY(library->posts().remove(library->posts().bySlug(QStringLiteral("p"))->value().id));
    build(*library, out, options);
    QCOMPARE(readAll(out + QStringLiteral("/CNAME")), QByteArray("blog.example.org\n"));
    QVERIFY(!QFile::exists(out + QStringLiteral("/posts/p/index.html")));
}

void TestSite::aFileInTheWayOfANewPageIsNotReplaced()
{
    auto library = newLibrary(QStringLiteral("in-the-way"));
    addPost(*library, QStringLiteral("First"), QStringLiteral("one"));
    const QString out = m_dir.filePath(QStringLiteral("in-the-way-site"));
    build(*library, out);
    // Someone's file where the next post's page will go, and one beside the site's pages.
    QDir().mkpath(out + QStringLiteral("/posts/second"));
    QFile theirs(out + QStringLiteral("/posts/second/index.html"));
    QVERIFY(theirs.open(QIODevice::WriteOnly));
    theirs.write("theirs");
    theirs.close();
    QFile beside(out + QStringLiteral("/CNAME"));
    QVERIFY(beside.open(QIODevice::WriteOnly));
    beside.write("blog.example.org");
    beside.close();
    addPost(*library, QStringLiteral("Second"), QStringLiteral("two"));
    SiteBuilder::Options options;
    options.outputDir = out;
    auto refused = SiteBuilder(*library).build(options);
    QVERIFY(!refused);
    QVERIFY2(refused.errorMessage().contains(QStringLiteral("posts/second/index.html")), qPrintable(refused.errorMessage()));
    QCOMPARE(readAll(out + QStringLiteral("/posts/second/index.html")), QByteArray("theirs"));
    QVERIFY(!readAll(out + QStringLiteral("/index.html")).contains("Second"));   // the old site, whole
    // With --force the page replaces it; the file beside the site stays.
    options.force = true;
    QVERIFY(SiteBuilder(*library).build(options));
    QVERIFY(readAll(out + QStringLiteral("/posts/second/index.html")).contains("Second"));
    QCOMPARE(readAll(out + QStringLiteral("/CNAME")), QByteArray("blog.example.org"));
}

void TestSite::neverWritesThroughSymlinks()
{
    auto library = newLibrary(QStringLiteral("symlink"));
    addPost(*library, QStringLiteral("P"), QStringLiteral("p"));
    const QString out = m_dir.filePath(QStringLiteral("symlink-site"));
    const QString elsewhere = m_dir.filePath(QStringLiteral("elsewhere"));
    QDir().mkpath(out);
    QDir().mkpath(elsewhere);
    QVERIFY(QFile::link(elsewhere, out + QStringLiteral("/posts")));
    SiteBuilder::Options options;
    options.outputDir = out;
    QVERIFY(!SiteBuilder(*library).build(options));   // a file Quire did not write
    options.force = true;
    auto forced = SiteBuilder(*library).build(options);
    QVERIFY(!forced);
    QVERIFY2(forced.errorMessage().contains(QStringLiteral("in the way")), qPrintable(forced.errorMessage()));
    QVERIFY(QDir(elsewhere).isEmpty());
}

void TestSite::problemsAreReported()
{
    auto library = newLibrary(QStringLiteral("problems"));
    addPost(*library, QStringLiteral("Target"), QStringLiteral("t"));
    addPost(*library, QStringLiteral("Hidden"), QStringLiteral("h"), PostStatus::Draft);
    addPost(*library, QStringLiteral("Links"),
                       QStringLiteral("Fine [link](/posts/target/).\n\nBroken [link](/posts/nowhere/).\n\n"
                                      "To a [draft](/posts/hidden/).\n\n![](/images/missing.png)\n\nBad $\\frac{$ math.\n"));
    const QString out = m_dir.filePath(QStringLiteral("problems-site"));
    const auto report = build(*library, out);
    QStringList lines;
    for (const BuildProblem &problem : report.problems)
        lines.append(QStringLiteral("%1:%2 %3").arg(problem.post).arg(problem.line).arg(problem.reason));
    const QString all = lines.join(u'\n');
    QVERIFY2(all.contains(QStringLiteral("links:3 links to /posts/nowhere/")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("links:5 links to “Hidden”, which is not published")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("links:7 the image /images/missing.png is not in the site")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("links:7 image without alt text")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("links:9 math not rendered")), qPrintable(all));
    QCOMPARE(report.problems.size(), 5);
    // The page shows the TeX with the error.
    QVERIFY(readAll(out + QStringLiteral("/posts/links/index.html")).contains("math-error"));

    // Problems are remembered across builds that render nothing.
    const auto again = build(*library, out);
    QCOMPARE(again.written, 0);
    QCOMPARE(again.problems.size(), 5);

    // Two pages at one address: a post whose permalink is a tag page's.
    QVERIFY(SiteSettings::store(*library, QStringLiteral("permalink"), QStringLiteral("/:slug/")));
    addPost(*library, QStringLiteral("Tags"), QStringLiteral("a post called tags"));
    const auto collided = build(*library, m_dir.filePath(QStringLiteral("problems-collide")));
    bool collision = false;
    for (const BuildProblem &problem : collided.problems)
        collision = collision || problem.reason.contains(QStringLiteral("would both be at /tags/"));
    QVERIFY(collision);
}

void TestSite::libraryImagesAreExported()
{
    auto library = newLibrary(QStringLiteral("media"));
    const QByteArray png = QByteArray::fromBase64(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    const auto asset = library->assets().store(png, QStringLiteral("Loss Curve.png"), 1, 1);
    QVERIFY2(asset, qPrintable(messageOf(asset)));
    QVERIFY(library->assets().store(png + "unused", QStringLiteral("unused.png")));
    Post post = addPost(*library, QStringLiteral("Figures"),
                        QStringLiteral("![Loss curve](/media/loss-curve.png)\n\n![Gone](/media/missing.png)\n"));
    const QString out = m_dir.filePath(QStringLiteral("media-site"));
    const auto report = build(*library, out);

    // In the site, byte for byte, under a name made from its bytes; only what a page shows.
    const QString file = out + u'/' + mediaFile(*asset);
    QVERIFY(file.endsWith(QStringLiteral("/media/loss-curve.") + asset->sha256.left(10) + QStringLiteral(".png")));
    QCOMPARE(readAll(file), png);
    QVERIFY(!QFileInfo::exists(out + QStringLiteral("/media/loss-curve.png")));
    QVERIFY(!QFileInfo::exists(out + QStringLiteral("/media/unused.png")));
    // The page's src leads to it from the page's own folder.
    const QString page = QString::fromUtf8(readAll(out + QStringLiteral("/posts/figures/index.html")));
    // Not a raw string: moc's macro scanner does not know them, and loses count of the parentheses.
    static const QRegularExpression src(QStringLiteral("<img src=\"([^\"]*loss-curve\\.[0-9a-f]{10}\\.png)\""));
    const auto match = src.match(page);
    QVERIFY2(match.hasMatch(), qPrintable(page));
    QCOMPARE(QFileInfo(out + QStringLiteral("/posts/figures/") + match.captured(1)).canonicalFilePath(),
             QFileInfo(file).canonicalFilePath());
    // A library image is present; one the library lacks is a problem.
    QStringList problems;
    for (const BuildProblem &problem : report.problems)
        problems.append(problem.reason);
    QVERIFY2(!problems.join(u'\n').contains(QStringLiteral("loss-curve.png")), qPrintable(problems.join(u'\n')));
    QVERIFY2(problems.contains(QStringLiteral("the image /media/missing.png is not in the site")), qPrintable(problems.join(u'\n')));

    // Unchanged: not rewritten.
    const QDateTime mtime = QFileInfo(file).lastModified();
    const auto again = build(*library, out);
    QCOMPARE(again.written, 0);
    QCOMPARE(QFileInfo(file).lastModified(), mtime);

    // The reference gone: the file leaves the site on the next build.
    post.body = QStringLiteral("No figures any more.\n");
    QVERIFY(library->history().save(post, RevisionReason::Save));
    const auto removed = build(*library, out);
    QVERIFY(removed.removed >= 1);
    QVERIFY(!QFileInfo::exists(file));
    QVERIFY(library->assets().byName(QStringLiteral("loss-curve.png"))->has_value());   // still in the library
}

void TestSite::coverImage()
{
    auto library = newLibrary(QStringLiteral("cover"));
    const QByteArray firstBytes = tinyPng();
    const QByteArray secondBytes = tinyPng("second");
    const auto first = library->assets().store(firstBytes, QStringLiteral("Harbour at dawn.png"), 1200, 630);
    const auto second = library->assets().store(secondBytes, QStringLiteral("second.png"), 800, 400);
    QVERIFY(first && second);
    // The oldest of 22 posts: past the feed's 20, so a build that finds it unchanged does not
    // render it again and goes by what the last build remembered.
    Post covered = addPost(*library, QStringLiteral("Covered"), QStringLiteral("Words."));
    covered.coverAssetId = first->id;
    QVERIFY(library->history().save(covered, RevisionReason::Save));
    for (int i = 0; i < 21; ++i)
        addPost(*library, QStringLiteral("Later %1").arg(i), QStringLiteral("More words."));
    QVERIFY(SiteSettings::store(*library, QStringLiteral("base-url"), QStringLiteral("https://blog.example.org/notes")));
    QVERIFY(SiteSettings::store(*library, QStringLiteral("posts-per-page"), QStringLiteral("10")));
    const QString out = m_dir.filePath(QStringLiteral("cover-site"));
    const QString page = out + QStringLiteral("/posts/covered/index.html");
    const QString list = out + QStringLiteral("/page/3/index.html");   // the oldest posts
    const auto problemsOf = [](const SiteBuilder::Report &report) {
        QStringList problems;
        for (const BuildProblem &problem : report.problems)
            problems.append(problem.reason);
        return problems.join(u'\n');
    };

    const auto report = build(*library, out);
    QVERIFY2(report.problems.isEmpty(), qPrintable(problemsOf(report)));
    QString html = QString::fromUtf8(readAll(page));
    const QString firstFile = mediaFile(*first);
    const QString secondFile = mediaFile(*second);
    QVERIFY2(html.contains(QStringLiteral("<img src=\"../../%1\" alt=\"\" width=\"1200\" height=\"630\">").arg(firstFile)),
             qPrintable(html));
    QVERIFY(html.indexOf(QStringLiteral("post-cover")) < html.indexOf(QStringLiteral("post-content")));   // at the top
    QVERIFY(html.contains(QStringLiteral("<meta property=\"og:image\" content=\"https://blog.example.org/notes/%1\">").arg(firstFile)));
    QVERIFY(html.contains(QStringLiteral("<meta property=\"og:image:width\" content=\"1200\">")));
    QVERIFY(html.contains(QStringLiteral("<meta property=\"og:image:height\" content=\"630\">")));
    QCOMPARE(readAll(out + u'/' + firstFile), firstBytes);
    QVERIFY(!QFileInfo::exists(out + u'/' + secondFile));   // in the library, on no page
    const QString other = QString::fromUtf8(readAll(out + QStringLiteral("/posts/later-0/index.html")));
    QVERIFY(!other.contains(QStringLiteral("og:image")) && !other.contains(QStringLiteral("post-cover")));
    // Lists show it beside the post, from their own folder.
    QVERIFY(readAll(list).contains(QStringLiteral("<img class=\"post-item-cover\" src=\"../../%1\" alt=\"\"").arg(firstFile).toUtf8()));

    // Nothing changed: nothing written, and the cover (known from the last build) stays.
    const QDateTime pageTime = QFileInfo(page).lastModified();
    const auto again = build(*library, out);
    QCOMPARE(again.written, 0);
    QCOMPARE(again.removed, 0);
    QVERIFY2(again.problems.isEmpty(), qPrintable(problemsOf(again)));
    QCOMPARE(QFileInfo(page).lastModified(), pageTime);
    QVERIFY(QFileInfo::exists(out + u'/' + firstFile));

    // Another cover: the page changes, the new image comes, the old one goes.
    covered = *library->posts().byId(covered.id);
    covered.coverAssetId = second->id;
    QVERIFY(library->history().save(covered, RevisionReason::Save));
    const auto changed = build(*library, out);
    QVERIFY2(changed.problems.isEmpty(), qPrintable(problemsOf(changed)));
    html = QString::fromUtf8(readAll(page));
    QVERIFY(html.contains(QStringLiteral("<img src=\"../../%1\" alt=\"\" width=\"800\" height=\"400\">").arg(secondFile)));
    QVERIFY(!html.contains(QStringLiteral("harbour-at-dawn")));
    QVERIFY(readAll(list).contains(QStringLiteral("src=\"../../%1\"").arg(secondFile).toUtf8()));
    QCOMPARE(readAll(out + u'/' + secondFile), secondBytes);
    QVERIFY(!QFileInfo::exists(out + u'/' + firstFile));
    QVERIFY(changed.removed >= 1);

    // No cover: no figure, no og:image, no file.
    covered.coverAssetId.reset();
    QVERIFY(library->history().save(covered, RevisionReason::Save));
    const auto cleared = build(*library, out);
    QVERIFY2(cleared.problems.isEmpty(), qPrintable(problemsOf(cleared)));
    html = QString::fromUtf8(readAll(page));
    QVERIFY(!html.contains(QStringLiteral("post-cover")) && !html.contains(QStringLiteral("og:image")));
    QVERIFY(!readAll(list).contains("post-item-cover"));
    QVERIFY(!QFileInfo::exists(out + u'/' + secondFile));
    QVERIFY(!QDir(out + QStringLiteral("/media")).exists());

    // The image deleted from the library: the post loses its cover, and the next build notices.
    covered.coverAssetId = first->id;
    QVERIFY(library->history().save(covered, RevisionReason::Save));
    build(*library, out);
    QVERIFY(QFileInfo::exists(out + u'/' + firstFile));
    QVERIFY(library->assets().remove(QStringLiteral("harbour-at-dawn.png")));
    const auto deleted = build(*library, out);
    QVERIFY2(deleted.problems.isEmpty(), qPrintable(problemsOf(deleted)));
    QVERIFY(!QFileInfo::exists(out + u'/' + firstFile));
    QVERIFY(!readAll(page).contains("post-cover"));

    // A clean build of the same library gives the same files.
    covered = *library->posts().byId(covered.id);
    covered.coverAssetId = second->id;
    QVERIFY(library->history().save(covered, RevisionReason::Save));
    build(*library, out);
    const QString clean = m_dir.filePath(QStringLiteral("cover-clean"));
    build(*library, clean);
    QCOMPARE(snapshot(out), snapshot(clean));
}

void TestSite::coverImageWithoutBaseUrl()
{
    // Ledger, no base URL: og:image is the page's own relative address; the home page shows the
    // cover on the post's card; the preview shows the cover as the site would.
    auto library = newLibrary(QStringLiteral("cover-relative"));
    QVERIFY(library->themes().setActive(QStringLiteral("ledger")));
    const auto image = library->assets().store(tinyPng(), QStringLiteral("figure.png"));   // size unknown
    QVERIFY(image);
    Post post = addPost(*library, QStringLiteral("Relative"), QStringLiteral("Words."));
    post.coverAssetId = image->id;
    QVERIFY(library->history().save(post, RevisionReason::Save));
    const QString out = m_dir.filePath(QStringLiteral("cover-relative-site"));
    const auto report = build(*library, out);
    QVERIFY(report.problems.isEmpty());
    const QString html = QString::fromUtf8(readAll(out + QStringLiteral("/posts/relative/index.html")));
    const QString file = mediaFile(*image);
    QVERIFY2(html.contains(QStringLiteral("<img src=\"../../%1\" alt=\"\">").arg(file)), qPrintable(html));
    QVERIFY(html.contains(QStringLiteral("<meta property=\"og:image\" content=\"../../%1\">").arg(file)));
    QVERIFY(!html.contains(QStringLiteral("og:image:width")));
    QCOMPARE(readAll(out + u'/' + file), tinyPng());
    QVERIFY(readAll(out + QStringLiteral("/index.html")).contains(QStringLiteral("<img class=\"entry-cover\" src=\"%1\" alt=\"\">").arg(file).toUtf8()));

    const auto templates = ThemeTemplates::compile(SiteTheme::ofLibrary(*library)->theme());
    QVERIFY(templates);
    PostFacts facts = PostFacts::fromDocument(MarkdownRenderer::render(post.body));
    facts.cover = PostFacts::coverOf(**library->assets().byId(image->id));
    const auto shell = PostPreview::shell(*templates, *SiteSettings::fromLibrary(*library), *library->posts().byId(post.id), facts);
    QVERIFY2(shell, qPrintable(messageOf(shell)));
    QVERIFY(shell->contains(QStringLiteral("<img src=\"../../media/figure.png\" alt=\"\">")));
}

void TestSite::importedThemeDrivesTheSite()
{
    // A writer's own theme: paper exported, renamed, its list and archive templates replaced.
    auto library = newLibrary(QStringLiteral("own-theme"));
    const QString dir = m_dir.filePath(QStringLiteral("own-theme"));
    QVERIFY(ThemeFolder::write(**LibraryThemes::find(*library, QStringLiteral("paper")), dir));
    const auto writeFile = [&](const QString &relative, const QByteArray &content) {
        QFile file(dir + u'/' + relative);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
    };
    writeFile(QStringLiteral("theme.json"), R"({"name": "mine", "version": "1.0"})");
    writeFile(QStringLiteral("templates/list.mustache"),
              "{{#hasPosts}}<ul>{{#posts}}<li>{{title}}|{{date.display}}|{{readingMinutes}}</li>{{/posts}}</ul>{{/hasPosts}}"
              "{{^hasPosts}}NO POSTS{{/hasPosts}}");
    writeFile(QStringLiteral("templates/archive.mustache"),
              "{{#hasYears}}{{#years}}[{{year}}:{{count}}]{{/years}}{{/hasYears}}{{^hasYears}}NO YEARS{{/hasYears}}");
    writeFile(QStringLiteral("templates/tags.mustache"), "{{#hasTags}}TAGS{{/hasTags}}{{^hasTags}}NO TAGS{{/hasTags}}");
    auto theme = ThemeFolder::read(dir);
    QVERIFY2(theme, qPrintable(messageOf(theme)));
    QVERIFY(LibraryThemes::import(*library, *theme));
    QVERIFY(library->themes().setActive(QStringLiteral("mine")));

    const QString out = m_dir.filePath(QStringLiteral("own-theme-site"));
    build(*library, out);
    QCOMPARE(readAll(out + QStringLiteral("/index.html")), QByteArray("NO POSTS"));
    QCOMPARE(readAll(out + QStringLiteral("/archive/index.html")), QByteArray("NO YEARS"));
    QCOMPARE(readAll(out + QStringLiteral("/tags/index.html")), QByteArray("NO TAGS"));

    addPost(*library, QStringLiteral("Dated"), QStringLiteral("Words."), PostStatus::Published,
            QDateTime(QDate(2024, 3, 1), QTime(9, 30), Qt::UTC), {QStringLiteral("t")});
    build(*library, out);
    QCOMPARE(readAll(out + QStringLiteral("/index.html")), QByteArray("<ul><li>Dated|1 March 2024|1</li></ul>"));
    QCOMPARE(readAll(out + QStringLiteral("/archive/index.html")), QByteArray("[2024:1]"));
    QCOMPARE(readAll(out + QStringLiteral("/tags/index.html")), QByteArray("TAGS"));
    // The post page still comes from the theme's own post template and style sheet.
    QVERIFY(readAll(out + QStringLiteral("/posts/dated/index.html")).contains("Dated"));
    QVERIFY(QFile::exists(out + QStringLiteral("/assets/style.css")));
}

void TestSite::previewShellIsTheThemesPostPage()
{
    auto library = newLibrary(QStringLiteral("preview"));
    QVERIFY(SiteSettings::store(*library, QStringLiteral("title"), QStringLiteral("Notebook")));
    Post post = addPost(*library, QStringLiteral("<Draft> & more"), QStringLiteral("## One\n\n## Two\n\nWords."),
                        PostStatus::Draft, {}, {QStringLiteral("gpu")});
    const auto templates = ThemeTemplates::compile(SiteTheme::ofLibrary(*library)->theme());
    QVERIFY(templates);
    const auto settings = SiteSettings::fromLibrary(*library);
    QVERIFY(settings);
    const PostFacts facts = PostFacts::fromDocument(MarkdownRenderer::render(post.body));
    const auto shell = PostPreview::shell(*templates, *settings, post, facts);
    QVERIFY2(shell, qPrintable(messageOf(shell)));
    QCOMPARE(shell->count(QStringLiteral("id=\"quire-content\"")), 1);
    QVERIFY(shell->contains(QStringLiteral("&lt;Draft&gt; &amp; more")));
    QVERIFY(shell->contains(QStringLiteral("Notebook")));
    QVERIFY(shell->contains(QStringLiteral("href=\"#two\"")));                    // contents from the Markdown
    QVERIFY(shell->contains(QStringLiteral("../../assets/katex/katex.min.css")));   // always: any edit may add math
    QVERIFY(shell->contains(QStringLiteral("../../tags/gpu/index.html")));
    QCOMPARE(PostPreview::sitePath(*settings, post), QStringLiteral("/posts/draft-more/"));
    const auto assets = PostPreview::assets(SiteTheme::ofLibrary(*library)->theme(), RenderWorker::Options().katexScript,
                                            RenderWorker::Options().highlightScript);
    QVERIFY(assets.contains(QStringLiteral("/assets/style.css")));
    QVERIFY(assets.contains(QStringLiteral("/assets/katex/katex.min.css")));
    QVERIFY(assets.contains(QStringLiteral("/assets/highlight.css")));
}

void TestSite::permalinkPatterns()
{
    auto library = newLibrary(QStringLiteral("permalinks"));
    addPost(*library, QStringLiteral("Dated"), QStringLiteral("See [it](/2025/03/dated/)."), PostStatus::Published,
                       QDateTime(QDate(2025, 3, 7), QTime(10, 0), Qt::UTC));
    QVERIFY(SiteSettings::store(*library, QStringLiteral("permalink"), QStringLiteral("/:year/:month/:slug/")));
    const QString out = m_dir.filePath(QStringLiteral("permalinks-site"));
    const auto report = build(*library, out);
    QVERIFY(report.problems.isEmpty());
    QVERIFY(QFile::exists(out + QStringLiteral("/2025/03/dated/index.html")));
    QVERIFY(readAll(out + QStringLiteral("/2025/03/dated/index.html")).contains("href=\"index.html\""));
}

void TestSite::settingsAreChecked_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    QTest::newRow("base url") << "base-url" << "https://example.org/blog" << true;
    QTest::newRow("javascript url") << "base-url" << "javascript:alert(1)" << false;
    QTest::newRow("ftp url") << "base-url" << "ftp://example.org/" << false;
    QTest::newRow("url with query") << "base-url" << "https://example.org/?x=1" << false;
    QTest::newRow("zero per page") << "posts-per-page" << "0" << false;
    QTest::newRow("words per page") << "posts-per-page" << "ten" << false;
    QTest::newRow("permalink dotdot") << "permalink" << "/../:slug/" << false;
    QTest::newRow("permalink no slug") << "permalink" << "/:year/" << false;
    QTest::newRow("permalink over tags") << "permalink" << "/tags/:slug/" << false;
    QTest::newRow("permalink fine") << "permalink" << "/notes/:year/:slug/" << true;
    QTest::newRow("language") << "language" << "de-CH" << true;
    QTest::newRow("hostile language") << "language" << "en\"><script>" << false;
    QTest::newRow("unknown") << "colour" << "blue" << false;
}

void TestSite::settingsAreChecked()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(bool, valid);
    auto library = newLibrary(QStringLiteral("settings-") + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
    auto stored = SiteSettings::store(*library, name, value);
    QCOMPARE(bool(stored), valid);
    QVERIFY(SiteSettings::fromLibrary(*library));
}

void TestSite::relativePaths_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("href");
    QTest::newRow("root to post") << "/" << "/posts/a/" << "posts/a/index.html";
    QTest::newRow("post to post") << "/posts/a/" << "/posts/b/" << "../b/index.html";
    QTest::newRow("post to root") << "/posts/a/" << "/" << "../../index.html";
    QTest::newRow("post to tag") << "/posts/a/" << "/tags/gpu/" << "../../tags/gpu/index.html";
    QTest::newRow("to itself") << "/posts/a/" << "/posts/a/" << "index.html";
    QTest::newRow("to a file") << "/tags/x/page/2/" << "/feed.xml" << "../../../../feed.xml";
    QTest::newRow("unicode") << "/" << "/tags/ünï code/" << "tags/%C3%BCn%C3%AF%20code/index.html";
}

void TestSite::relativePaths()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, href);
    QCOMPARE(SitePath::relative(from, to), href);
    QCOMPARE(SitePath::fromHref(from, href), to);
}

void TestSite::cliBuild()
{
    const QString libraryPath = m_dir.filePath(QStringLiteral("cli.quire"));
    {
        auto library = LibrarySetup::open(libraryPath);
        QVERIFY(library);
        addPost(**library, QStringLiteral("Good"), QStringLiteral("Fine."));
    }
    const auto run = [&](const QStringList &args, QString *out = nullptr) {
        QProcess process;
        process.start(QStringLiteral(QUIRE_BINARY), QStringList{QStringLiteral("--library"), libraryPath} + args);
        process.waitForFinished(60000);
        if (out)
            *out = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
        return process.exitCode();
    };
    QString output;
    const QString site = m_dir.filePath(QStringLiteral("cli-site"));
    QCOMPARE(run({QStringLiteral("build"), QStringLiteral("--out"), site, QStringLiteral("--strict")}, &output), 0);
    QVERIFY2(output.contains(QStringLiteral("Built 1 posts")), qPrintable(output));
    QVERIFY(output.contains(QStringLiteral("0 problems")));
    QCOMPARE(run({QStringLiteral("build"), QStringLiteral("--out"), site}, &output), 0);
    QVERIFY2(output.contains(QStringLiteral("0 files written")), qPrintable(output));

    {
        auto library = LibrarySetup::open(libraryPath);
        QVERIFY(library);
        addPost(**library, QStringLiteral("Bad"), QStringLiteral("[x](/posts/none/)"));
    }
    QCOMPARE(run({QStringLiteral("build"), QStringLiteral("--out"), site}, &output), 0);
    QVERIFY2(output.contains(QStringLiteral("problem  bad:1: links to /posts/none/")), qPrintable(output));
    QCOMPARE(run({QStringLiteral("build"), QStringLiteral("--out"), site, QStringLiteral("--strict")}), 1);
    QCOMPARE(run({QStringLiteral("build"), QStringLiteral("--out"), site, QStringLiteral("--base-url"), QStringLiteral("https://x.org/")}), 0);
    QVERIFY(readAll(site + QStringLiteral("/sitemap.xml")).contains("https://x.org/posts/good/"));

    // Usage errors touch nothing.
    QCOMPARE(run({QStringLiteral("build")}), 2);
    QCOMPARE(run({QStringLiteral("build"), QStringLiteral("--out")}), 2);
    QCOMPARE(run({QStringLiteral("build"), QStringLiteral("--out"), site, QStringLiteral("--base-url"), QStringLiteral("nope")}), 2);
    QCOMPARE(run({QStringLiteral("build"), QStringLiteral("--out"), site, QStringLiteral("--bogus")}), 2);
    QCOMPARE(run({QStringLiteral("build"), QStringLiteral("--out"), QStringLiteral("/")}, &output), 1);

    // Themes and settings from the command line.
    QCOMPARE(run({QStringLiteral("theme"), QStringLiteral("list")}, &output), 0);
    QVERIFY(output.contains(QStringLiteral("* paper")) && output.contains(QStringLiteral("ledger")));
    QCOMPARE(run({QStringLiteral("theme"), QStringLiteral("use"), QStringLiteral("ledger")}), 0);
    QCOMPARE(run({QStringLiteral("theme"), QStringLiteral("use"), QStringLiteral("missing")}), 1);
    const QString exported = m_dir.filePath(QStringLiteral("cli-theme"));
    QCOMPARE(run({QStringLiteral("theme"), QStringLiteral("export"), QStringLiteral("ledger"), exported}), 0);
    QVERIFY(QFile::exists(exported + QStringLiteral("/templates/base.mustache")));
    QCOMPARE(run({QStringLiteral("theme"), QStringLiteral("import"), exported}, &output), 1);   // a built-in name
    QCOMPARE(run({QStringLiteral("theme"), QStringLiteral("import"), m_dir.filePath(QStringLiteral("nowhere"))}), 1);
    QCOMPARE(run({QStringLiteral("theme")}), 2);
    QCOMPARE(run({QStringLiteral("config"), QStringLiteral("title"), QStringLiteral("CLI blog")}), 0);
    QCOMPARE(run({QStringLiteral("config"), QStringLiteral("title")}, &output), 0);
    QCOMPARE(output.trimmed(), QStringLiteral("CLI blog"));
    QCOMPARE(run({QStringLiteral("config"), QStringLiteral("posts-per-page"), QStringLiteral("-3")}), 1);
    QCOMPARE(run({QStringLiteral("config"), QStringLiteral("colour"), QStringLiteral("x")}), 2);
}

QTEST_GUILESS_MAIN(TestSite)
#include "tst_site.moc"
