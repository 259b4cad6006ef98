// The preview is the site, by construction: a post previews at the address the build writes it
// to (drafts with a publish date included), with the same article HTML, the same cover and the
// same theme, or the same built-in stand-in for a theme that cannot be used.

#include "core_test_support.h"
#include "library_sql.h"
#include "render/math_code_renderer.h"
#include "render/render_cache.h"
#include "render/render_worker.h"
#include "setup/library_setup.h"
#include "site/post_content.h"
#include "site/post_cover.h"
#include "site/library_themes.h"
#include "site/post_preview.h"
#include "site/site_builder.h"
#include "site/site_settings.h"
#include "site/site_theme.h"
#include "store/asset_store.h"
#include "store/library.h"
#include "store/post_history.h"
#include "store/post_store.h"
#include "store/revision.h"
#include "store/theme_store.h"
#include "theme/builtin_themes.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace quire;
using CoreTest::messageOf;
using CoreTest::execSql;

namespace {

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// What the built-in paper theme's post page holds between its content's wrapper and the end of
// the article: {{{post.content}}}, as the build rendered it.
QString articleContent(const QString &page)
{
    const QString open = QStringLiteral("<div class=\"post-content wrap\">\n");
    const qsizetype start = page.indexOf(open);
    const qsizetype end = page.lastIndexOf(QStringLiteral("\n  </div>\n</article>"));
    if (start < 0 || end < start)
        return QStringLiteral("(no article content in the page)");
    return page.mid(start + open.size(), end - start - open.size());
}

QString problemsOf(const SiteBuilder::Report &report)
{
    QStringList lines;
    for (const BuildProblem &problem : report.problems)
        lines.append(QStringLiteral("%1:%2 %3").arg(problem.post).arg(problem.line).arg(problem.reason));
    return lines.join(u'\n');
}

// A 1×1 PNG; a tail makes other bytes that still read as a PNG.
QByteArray tinyPng(const QByteArray &tail = {})
{
    return QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
        + tail;
}

// Quire's paper theme under another name, as a writer's own: its post template broken.
Theme brokenTheme()
{
    const auto shipped = BuiltinThemes::shipped();
    Theme theme;
    for (const Theme &builtin : shipped ? *shipped : QList<Theme>()) {
        if (builtin.manifest.name == QLatin1String("paper"))
            theme = builtin;
    }
    theme.manifest.name = QStringLiteral("mine");
    theme.builtin = false;
    theme.files.insert(QStringLiteral("templates/post.mustache"), "{{<base}}{{$content}}{{#post}}{{title}}{{/content}}");
    return theme;
}

const QString Walkthrough = QStringLiteral(
    "Why sums drift: $\\sum_i x_i$ depends on the order.[^order]\n\n"
    "## Setup\n\n"
    "As in [the earlier note](/2025/03/target/), we sum in float32:\n\n"
    "```python\nimport numpy as np\nprint(np.float32(0.1) * 3)\n```\n\n"
    "$$\n\\frac{1}{n}\\sum_{i=1}^{n} x_i\n$$\n\n"
    "## Results\n\n"
    "| order | error |\n|---|---:|\n| forward | 1e-7 |\n\n"
    "[^order]: Addition in floating point is not associative.\n");

} // namespace

class TestPreviewSite : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void aPostPreviewsAtItsAddressWithTheBuiltArticle();
    void aDraftWithAPublishDateIsPreviewedWhereItWillBePublished();
    void theCoverIsTheOneThePostNames();
    void aThemeThatDoesNotCompileGivesWayToTheBuiltinOne();
    void aThemeTheLibraryDoesNotHoldGivesWayToTheBuiltinOne();

private:
    // The site built with the built-in theme in place of the library's, which the build reports
    // as a problem of the site (so that --strict fails), and the preview's shell in the same theme.
    void expectBuiltinStandsIn(Library &library, const QString &name, const QString &site);
    std::unique_ptr<Library> newLibrary(const QString &name);
    Post addPost(Library &library, const QString &title, const QString &body, PostStatus status,
                 const QDateTime &created, const QDateTime &published);
    SiteBuilder::Report build(Library &library, const QString &out, bool drafts = false);
    // The post's article as the preview renders it (PreviewRenderer): PostContent without the
    // site's media, at the address the preview gives the page.
    QString previewArticle(Library &library, const Post &post);

    QTemporaryDir m_dir;
};

void TestPreviewSite::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
        QFAIL("node is not installed (Debian package nodejs): the site renders math with it");
    QVERIFY(m_dir.isValid());
}

std::unique_ptr<Library> TestPreviewSite::newLibrary(const QString &name)
{
    auto library = LibrarySetup::open(m_dir.filePath(name + QStringLiteral(".quire")));
    if (!library)
        qFatal("library: %s", qPrintable(library.errorMessage()));
    (*library)->setClock([] { return QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC); });
    return std::move(*library);
}

Post TestPreviewSite::addPost(Library &library, const QString &title, const QString &body, PostStatus status,
                              const QDateTime &created, const QDateTime &published)
{
    Post post;
    post.title = title;
    post.body = body;
    post.status = status;
    post.createdAt = created;
    post.publishedAt = published;
    auto stored = library.posts().create(post);
    if (!stored)
        qFatal("post: %s", qPrintable(stored.errorMessage()));
    return *stored;
}

SiteBuilder::Report TestPreviewSite::build(Library &library, const QString &out, bool drafts)
{
    SiteBuilder::Options options;
    options.outputDir = out;
    options.includeDrafts = drafts;
    auto report = SiteBuilder(library).build(options);
    if (!report)
        qFatal("build: %s", qPrintable(report.errorMessage()));
    return *report;
}

QString TestPreviewSite::previewArticle(Library &library, const Post &post)
{
    RenderWorker worker;
    RenderCache cache(&library);
    MathCodeRenderer renderer(worker, cache);
    PostContent content(renderer);
    const auto settings = SiteSettings::fromLibrary(library);
    if (!settings)
        return settings.errorMessage();
    auto rendered = content.render(post.body, PostPreview::sitePath(*settings, post), post.summary);
    return rendered ? rendered->html : rendered.errorMessage();
}

void TestPreviewSite::aPostPreviewsAtItsAddressWithTheBuiltArticle()
{
    auto library = newLibrary(QStringLiteral("article"));
    QVERIFY(SiteSettings::store(*library, QStringLiteral("permalink"), QStringLiteral("/:year/:month/:slug/")));
    const QDateTime march(QDate(2025, 3, 7), QTime(10, 0), Qt::UTC);
    const QDateTime april(QDate(2025, 4, 2), QTime(9, 30), Qt::UTC);
    addPost(*library, QStringLiteral("Target"), QStringLiteral("The earlier note."), PostStatus::Published, march, march);
    const Post post = addPost(*library, QStringLiteral("Float sums"), Walkthrough, PostStatus::Published, april, april);

    const QString out = m_dir.filePath(QStringLiteral("article-site"));
    const auto report = build(*library, out);
    QVERIFY2(report.problems.isEmpty(), qPrintable(problemsOf(report)));
    const QString address = PostPreview::sitePath(*SiteSettings::fromLibrary(*library), post);
    QCOMPARE(address, QStringLiteral("/2025/04/float-sums/"));
    const QString page = readText(out + address + QStringLiteral("index.html"));
    QVERIFY2(!page.isEmpty(), qPrintable(address));

    const QString built = articleContent(page);
    // Everything the post holds made it in: math, code, the footnote, the table, the link.
    for (const char *part : {"class=\"katex\"", "hljs language-python", "data-footnote-ref", "<table",
                             "href=\"../../03/target/index.html\"", "id=\"results\""})
        QVERIFY2(built.contains(QLatin1String(part)), part);
    QCOMPARE(previewArticle(*library, post), built);
}

void TestPreviewSite::aDraftWithAPublishDateIsPreviewedWhereItWillBePublished()
{
    // Created in May, to be published in July: its address has July in it, in the preview, in a
    // build with drafts, in the link check, and once it is published.
    auto library = newLibrary(QStringLiteral("draft"));
    QVERIFY(SiteSettings::store(*library, QStringLiteral("permalink"), QStringLiteral("/:year/:month/:slug/")));
    const QDateTime may(QDate(2026, 5, 4), QTime(8, 0), Qt::UTC);
    const QDateTime july(QDate(2026, 7, 15), QTime(9, 0), Qt::UTC);
    const Post draft = addPost(*library, QStringLiteral("Coming soon"), Walkthrough, PostStatus::Draft, may, july);
    addPost(*library, QStringLiteral("Target"), QStringLiteral("The earlier note."), PostStatus::Published,
            QDateTime(QDate(2025, 3, 7), QTime(10, 0), Qt::UTC), QDateTime(QDate(2025, 3, 7), QTime(10, 0), Qt::UTC));
    addPost(*library, QStringLiteral("Teaser"), QStringLiteral("Soon: [the next part](/2026/07/coming-soon/)."),
            PostStatus::Published, may, may);

    const QString address = PostPreview::sitePath(*SiteSettings::fromLibrary(*library), draft);
    QCOMPARE(address, QStringLiteral("/2026/07/coming-soon/"));

    const QString withDrafts = m_dir.filePath(QStringLiteral("draft-site"));
    const auto report = build(*library, withDrafts, true);
    QVERIFY2(report.problems.isEmpty(), qPrintable(problemsOf(report)));
    const QString page = readText(withDrafts + address + QStringLiteral("index.html"));
    QVERIFY2(!page.isEmpty(), qPrintable(address));
    QCOMPARE(previewArticle(*library, draft), articleContent(page));

    // Without drafts, a link to it is a link to a post not published yet, not a broken one.
    const auto published = build(*library, m_dir.filePath(QStringLiteral("draft-site-public")));
    QCOMPARE(problemsOf(published), QStringLiteral("teaser:1 links to “Coming soon”, which is not published"));

    // Published (its date kept): the same address.
    Post publishing = *library->posts().byId(draft.id);
    publishing.status = PostStatus::Published;
    QVERIFY(library->history().save(publishing, RevisionReason::Save));
    QVERIFY(library->history().recordPublish(draft.id, library->now()));
    const auto after = build(*library, m_dir.filePath(QStringLiteral("draft-site-out")));
    QVERIFY2(after.problems.isEmpty(), qPrintable(problemsOf(after)));
    QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("draft-site-out")) + address + QStringLiteral("index.html")));
}

void TestPreviewSite::theCoverIsTheOneThePostNames()
{
    auto library = newLibrary(QStringLiteral("cover"));
    const auto saved = library->assets().store(tinyPng(), QStringLiteral("saved.png"), 1200, 630);
    const auto chosen = library->assets().store(tinyPng("chosen"), QStringLiteral("chosen.png"), 800, 400);
    QVERIFY(saved && chosen);
    const QDateTime when(QDate(2025, 3, 7), QTime(10, 0), Qt::UTC);
    Post post = addPost(*library, QStringLiteral("Covered"), QStringLiteral("Words."), PostStatus::Published, when, when);
    post.coverAssetId = saved->id;
    QVERIFY(library->history().save(post, RevisionReason::Save));
    const Post stored = *library->posts().byId(post.id);

    // The build and the preview of the stored post: the saved cover.
    const QString out = m_dir.filePath(QStringLiteral("cover-site"));
    build(*library, out);
    QVERIFY(readText(out + QStringLiteral("/posts/covered/index.html")).contains(QStringLiteral("width=\"1200\" height=\"630\"")));
    const auto cover = PostCover::of(library->assets(), stored);
    QVERIFY2(cover, qPrintable(messageOf(cover)));
    QCOMPARE(cover->name, QStringLiteral("saved.png"));
    QCOMPARE(cover->width, 1200);

    // The editor's post, another cover chosen and not saved yet: the preview shows that one.
    Post editing = stored;
    editing.coverAssetId = chosen->id;
    QCOMPARE(PostCover::of(library->assets(), editing)->name, QStringLiteral("chosen.png"));
    editing.coverAssetId.reset();
    QVERIFY(PostCover::of(library->assets(), editing)->name.isEmpty());
    editing.coverAssetId = 9999;   // an image deleted meanwhile
    QVERIFY(PostCover::of(library->assets(), editing)->name.isEmpty());
}

void TestPreviewSite::expectBuiltinStandsIn(Library &library, const QString &name, const QString &site)
{
    const auto theme = SiteTheme::ofLibrary(library);
    QVERIFY2(theme, qPrintable(messageOf(theme)));
    QCOMPARE(theme->theme().manifest.name, ThemeStore::defaultName());
    QVERIFY2(theme->fallbackReason().contains(u'“' + name + u'”'), qPrintable(theme->fallbackReason()));
    QVERIFY(theme->fallbackReason().contains(u"“paper” stands in"));

    const QString out = m_dir.filePath(site);
    const auto report = build(library, out);
    QStringList siteProblems;   // the site's, not a post's
    for (const BuildProblem &problem : report.problems) {
        if (problem.post.isEmpty())
            siteProblems.append(problem.reason);
    }
    QCOMPARE(siteProblems, QStringList{theme->fallbackReason()});
    QVERIFY(articleContent(readText(out + QStringLiteral("/posts/float-sums/index.html"))).contains(u"katex"));
    const auto shipped = BuiltinThemes::shipped();
    QVERIFY(shipped);
    QByteArray style;
    for (const Theme &builtin : *shipped) {
        if (builtin.manifest.name == ThemeStore::defaultName())
            style = builtin.files.value(QStringLiteral("static/style.css"));
    }
    QFile css(out + QStringLiteral("/assets/style.css"));
    QVERIFY(css.open(QIODevice::ReadOnly));
    QCOMPARE(css.readAll(), style);

    // The preview's page: the same theme, from the same call.
    const Post post = *library.posts().bySlug(QStringLiteral("float-sums")).value();
    const auto shell = PostPreview::shell(theme->templates(), *SiteSettings::fromLibrary(library), post, {});
    QVERIFY2(shell, qPrintable(messageOf(shell)));
    QVERIFY(shell->contains(u"<div class=\"post-content wrap\">\n<div id=\"quire-content\"></div>"));
}

void TestPreviewSite::aThemeThatDoesNotCompileGivesWayToTheBuiltinOne()
{
    auto library = newLibrary(QStringLiteral("broken-theme"));
    const QDateTime when(QDate(2025, 3, 7), QTime(10, 0), Qt::UTC);
    addPost(*library, QStringLiteral("Float sums"), Walkthrough, PostStatus::Published, when, when);
    QVERIFY(LibraryThemes::import(*library, brokenTheme()));
    QVERIFY(library->themes().setActive(QStringLiteral("mine")));
    expectBuiltinStandsIn(*library, QStringLiteral("mine"), QStringLiteral("broken-theme-site"));
    QVERIFY(SiteTheme::ofLibrary(*library)->fallbackReason().contains(u"post.mustache"));

    // quire build --strict: a problem, so a failure; without --strict the site is built.
    const QString path = library->path();
    library.reset();
    QProcess quire;
    const QString out = m_dir.filePath(QStringLiteral("broken-theme-cli"));
    quire.start(QStringLiteral(QUIRE_BINARY), {QStringLiteral("--library"), path, QStringLiteral("build"),
                                               QStringLiteral("--strict"), QStringLiteral("--out"), out});
    QVERIFY(quire.waitForFinished(60000));
    QCOMPARE(quire.exitCode(), 1);
    QVERIFY2(quire.readAllStandardOutput().contains("problem  site: The theme “mine” cannot be used"),
             qPrintable(quire.readAllStandardError()));
    QVERIFY(QFile::exists(out + QStringLiteral("/posts/float-sums/index.html")));
}

void TestPreviewSite::aThemeTheLibraryDoesNotHoldGivesWayToTheBuiltinOne()
{
    auto library = newLibrary(QStringLiteral("missing-theme"));
    const QDateTime when(QDate(2025, 3, 7), QTime(10, 0), Qt::UTC);
    addPost(*library, QStringLiteral("Float sums"), Walkthrough, PostStatus::Published, when, when);
    // A library from another Quire, say, naming a theme this one never had.
    const QString path = library->path();
    library.reset();
    execSql(path, "INSERT OR REPLACE INTO settings (key, value) VALUES ('theme', 'gone');");
    library = newLibrary(QStringLiteral("missing-theme"));
    QCOMPARE(*library->themes().activeName(), QStringLiteral("gone"));
    expectBuiltinStandsIn(*library, QStringLiteral("gone"), QStringLiteral("missing-theme-site"));
    QVERIFY(SiteTheme::ofLibrary(*library)->fallbackReason().contains(u"does not hold it"));
}

QTEST_GUILESS_MAIN(TestPreviewSite)

#include "tst_preview_site.moc"
