// The Site Preview: an exported site folder browsed offline under quire-site://site/, as a web
// server would show it, and nothing loaded from the network.

#include "preview/web_engine_setup.h"
#include "site/site_builder.h"
#include "site/site_settings.h"
#include "store/library.h"
#include "webengine/site_preview_page.h"
#include "webengine/site_preview_window.h"
#include "webengine/site_scheme_handler.h"

#include <QAction>
#include <QDebug>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEngineProfile>
#include <QWebEngineView>

#include <memory>

using namespace quire;

namespace {

const char StyleSheet[] = "h1 { color: rgb(1, 2, 3); font-family: 'DejaVu Serif', serif; font-size: 31px; }\n"
                          "p.note { color: rgb(200, 10, 20); margin-left: 17px; }\n"
                          "@font-face { font-family: SiteFont; src: url(/fonts/site.ttf); }\n";

const char HomePage[] =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Home</title>"
    "<link rel=\"stylesheet\" href=\"/css/site.css\"><script src=\"/js/site.js\"></script></head><body>"
    "<h1>Home page</h1>"
    "<a id=\"post\" href=\"/posts/x/\">Post X</a> <a id=\"tags\" href=\"/tags/\">Tags</a>"
    " <a id=\"out\" href=\"https://example.com/elsewhere\">Elsewhere</a>"
    " <a id=\"outNew\" href=\"https://example.com/new\" target=\"_blank\">Elsewhere, new window</a>"
    " <a id=\"tagsNew\" href=\"/tags/\" target=\"_blank\">Tags, new window</a>"
    "</body></html>";

const char PostPage[] =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Post X</title>"
    "<link rel=\"stylesheet\" href=\"../../css/site.css\"></head><body>"
    "<h1>Post X</h1><p class=\"note\">The text of post X.</p>"
    "<img id=\"local\" src=\"pic.png\"> <img id=\"remote\" src=\"https://example.com/a.png\">"
    " <a id=\"tags\" href=\"/tags/\">Tags</a></body></html>";

// Everything relative, so that file:// shows it too.
const char ComparedPage[] =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Compared</title>"
    "<link rel=\"stylesheet\" href=\"../css/site.css\"></head><body>"
    "<h1>Same as a browser</h1><p class=\"note\">A paragraph with <em>emphasis</em>, set in the site's style.</p>"
    "<img id=\"local\" src=\"../posts/x/pic.png\"></body></html>";

bool write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

// The value of script in page (invalid when it gives none within 10 s).
QVariant evaluate(QWebEnginePage *page, const QString &script)
{
    QVariant result;
    bool done = false;
    page->runJavaScript(script, [&](const QVariant &value) {
        result = value;
        done = true;
    });
    (void)QTest::qWaitFor([&] { return done; }, 10000);
    return result;
}

int colourCount(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

QString sitePath(const QWebEnginePage *page)
{
    return page->url().path();
}

} // namespace

class TestSitePreview : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void resolvesLikeAWebServer();
    void homePageLoadsWithItsStyleAndScript();
    void siteAbsoluteLinksAndHistory();
    void reloadReadsTheFolderAgain();
    void remoteImageIsBlockedAndCounted();
    void linksToOtherSitesAreNotOpened();
    void addressFieldNavigates();
    void directoryWithoutSlashRedirects();
    void escapesAndStateFolderGetTheSite404();
    void fontsAndRequestsOfTheSiteWork();
    void showsThePageAsFileUrlDoes();
    void showsAnExportedPostAsFileUrlDoes();

private:
    // Whether the page of the window and the same file opened with file:// in a plain view look
    // the same: text, computed style, layout and pixels.
    void compareWithFileUrl(const QString &sitePath, const QString &file);
    // Waits for the window's page to finish loading path.
    bool waitForPage(const QString &path);
    // Clicks the link with this id in the window's page with the mouse.
    bool clickLink(const QString &id);
    QString site(const QString &relative = QString()) const { return m_dir->filePath(QStringLiteral("site/") + relative); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SitePreviewWindow> m_window;
};

void TestSitePreview::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(write(site(QStringLiteral("index.html")), HomePage));
    QVERIFY(write(site(QStringLiteral("css/site.css")), StyleSheet));
    QVERIFY(write(site(QStringLiteral("js/site.js")),
                  "document.addEventListener('DOMContentLoaded', () => { document.body.dataset.js = 'ran'; });\n"));
    QVERIFY(write(site(QStringLiteral("posts/x/index.html")), PostPage));
    QImage picture(24, 16, QImage::Format_RGB32);
    picture.fill(Qt::darkGreen);
    QVERIFY(picture.save(site(QStringLiteral("posts/x/pic.png"))));
    QVERIFY(write(site(QStringLiteral("tags/index.html")),
                  "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Tags</title></head><body><h1>All tags</h1></body></html>"));
    QVERIFY(write(site(QStringLiteral("compare/index.html")), ComparedPage));
    QVERIFY(write(site(QStringLiteral("404.html")),
                  "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Not found</title></head>"
                  "<body><h1>Lost</h1><p>This is the site's own 404 page.</p></body></html>"));
    QVERIFY(write(site(QStringLiteral("data.json")), "{\"posts\": 1}"));
    QVERIFY(write(site(QStringLiteral("feed.xml")),
                  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
                  "<id>urn:x</id><title>Notes on Numbers</title><entry><title>Post X</title></entry></feed>"));
    QVERIFY(write(site(QStringLiteral(".quire/manifest.json")), "{\"secret\": \"the manifest\"}"));
    // Beside the site, not in it, and two ways out of it.
    QVERIFY(write(m_dir->filePath(QStringLiteral("outside.txt")), "OUTSIDE SECRET"));
    QVERIFY(QFile::link(m_dir->filePath(QStringLiteral("outside.txt")), site(QStringLiteral("leak.txt"))));
    QVERIFY(QFile::link(m_dir->path(), site(QStringLiteral("leakdir"))));
    const QString font = QStringLiteral("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    if (QFile::exists(font)) {
        QVERIFY(QDir().mkpath(site(QStringLiteral("fonts"))));
        QVERIFY(QFile::copy(font, site(QStringLiteral("fonts/site.ttf"))));
    }

    m_window = std::make_unique<SitePreviewWindow>(site());
    m_window->resize(900, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(waitForPage(QStringLiteral("/")));
}

void TestSitePreview::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

bool TestSitePreview::waitForPage(const QString &path)
{
    // Loaded, and the document is the one at path (not the page before it).
    const QString state = QStringLiteral("document.readyState + ' ' + location.pathname");
    const QString expected = QStringLiteral("complete ") + path;
    if (QTest::qWaitFor([&] { return sitePath(m_window->page()) == path && evaluate(m_window->page(), state) == expected; }, 15000))
        return true;
    qWarning() << "waiting for" << path << "the page is at" << m_window->page()->url() << "showing"
               << evaluate(m_window->page(), state);
    return false;
}

bool TestSitePreview::clickLink(const QString &id)
{
    const QVariantList box = evaluate(m_window->page(), QStringLiteral("(() => { const r = document.getElementById('%1')"
                                                                      ".getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()")
                                                            .arg(id))
                                 .toList();
    QWidget *target = m_window->view()->focusProxy();
    if (box.size() != 2 || !target)
        return false;
    QTest::mouseClick(target, Qt::LeftButton, {}, QPoint(box.at(0).toInt(), box.at(1).toInt()));
    return true;
}

void TestSitePreview::resolvesLikeAWebServer()
{
    const SiteSchemeHandler handler(site());
    const QString root = QFileInfo(site()).canonicalFilePath();
    using Answer = SiteSchemeHandler::Answer;

    Answer answer = handler.resolve(QStringLiteral("/"));
    QCOMPARE(answer.kind, Answer::File);
    QCOMPARE(answer.file, root + QStringLiteral("/index.html"));
    answer = handler.resolve(QStringLiteral("/posts/x/"));
    QCOMPARE(answer.kind, Answer::File);
    QCOMPARE(answer.file, root + QStringLiteral("/posts/x/index.html"));
    answer = handler.resolve(QStringLiteral("/css/site.css"));
    QCOMPARE(answer.kind, Answer::File);
    QCOMPARE(answer.file, root + QStringLiteral("/css/site.css"));
    answer = handler.resolve(QStringLiteral("/posts/x"));
    QCOMPARE(answer.kind, Answer::Redirect);
    QCOMPARE(answer.location, QStringLiteral("/posts/x/"));

    // Nothing outside the folder, and nothing of Quire's own state in it.
    for (const char *path : {"/nothing/here/", "/missing.css", "/../outside.txt", "/posts/../../outside.txt",
                             "/./index.html", "/leak.txt", "/leakdir/outside.txt", "/leakdir/", "/.quire/manifest.json",
                             "/.quire/", "/.quire", "//.quire/manifest.json", "/posts/", "index.html", ""}) {
        answer = handler.resolve(QString::fromLatin1(path));
        QVERIFY2(answer.kind == Answer::NotFound, path);
    }
    // A folder that is not there serves nothing.
    const SiteSchemeHandler missing(m_dir->filePath(QStringLiteral("no-site")));
    QCOMPARE(missing.resolve(QStringLiteral("/")).kind, Answer::NotFound);
}

void TestSitePreview::homePageLoadsWithItsStyleAndScript()
{
    QWebEnginePage *page = m_window->page();
    QCOMPARE(page->url(), QUrl(QStringLiteral("quire-site://site/")));
    QCOMPARE(evaluate(page, QStringLiteral("document.querySelector('h1').textContent")).toString(), QStringLiteral("Home page"));
    // The style sheet and the script, linked site-absolute ("/css/site.css").
    QCOMPARE(evaluate(page, QStringLiteral("getComputedStyle(document.querySelector('h1')).color")).toString(),
             QStringLiteral("rgb(1, 2, 3)"));
    QCOMPARE(evaluate(page, QStringLiteral("document.body.dataset.js")).toString(), QStringLiteral("ran"));
    QCOMPARE(m_window->addressField()->text(), QStringLiteral("/"));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Site Preview — Notes on Numbers"));
    QCOMPARE(m_window->blockedCount(), 0);
    QCOMPARE(m_window->blockedLabel()->text(), QStringLiteral("0 remote request(s) blocked"));
}

void TestSitePreview::siteAbsoluteLinksAndHistory()
{
    // Clicked as a person clicks (a script's navigation without one is left out of the history
    // that Back walks: Chromium's intervention against history manipulation).
    QWebEnginePage *page = m_window->page();
    QVERIFY(clickLink(QStringLiteral("post")));
    QVERIFY(waitForPage(QStringLiteral("/posts/x/")));
    QVERIFY(evaluate(page, QStringLiteral("document.body.innerText")).toString().contains(QStringLiteral("The text of post X.")));
    QCOMPARE(m_window->addressField()->text(), QStringLiteral("/posts/x/"));
    QVERIFY(clickLink(QStringLiteral("tags")));
    QVERIFY(waitForPage(QStringLiteral("/tags/")));
    QCOMPARE(evaluate(page, QStringLiteral("document.querySelector('h1').textContent")).toString(), QStringLiteral("All tags"));

    // The toolbar's Back and Forward, with the standard keys.
    QAction *back = m_window->view()->pageAction(QWebEnginePage::Back);
    QAction *forward = m_window->view()->pageAction(QWebEnginePage::Forward);
    QCOMPARE(back->shortcuts(), QKeySequence::keyBindings(QKeySequence::Back));
    QCOMPARE(forward->shortcuts(), QKeySequence::keyBindings(QKeySequence::Forward));
    QVERIFY(back->isEnabled());
    back->trigger();
    QVERIFY(waitForPage(QStringLiteral("/posts/x/")));
    QCOMPARE(m_window->addressField()->text(), QStringLiteral("/posts/x/"));
    back->trigger();
    QVERIFY(waitForPage(QStringLiteral("/")));
    QTRY_VERIFY(!back->isEnabled());
    QVERIFY(forward->isEnabled());
    forward->trigger();
    QVERIFY(waitForPage(QStringLiteral("/posts/x/")));
    QVERIFY(evaluate(page, QStringLiteral("document.body.innerText")).toString().contains(QStringLiteral("The text of post X.")));

    // A script of the site's going to a site-absolute path.
    QVERIFY(evaluate(page, QStringLiteral("location.href = '/tags/'; true")).toBool());
    QVERIFY(waitForPage(QStringLiteral("/tags/")));
    QCOMPARE(m_window->addressField()->text(), QStringLiteral("/tags/"));
}

void TestSitePreview::reloadReadsTheFolderAgain()
{
    QWebEnginePage *page = m_window->page();
    m_window->open(QStringLiteral("/tags/"));
    QVERIFY(waitForPage(QStringLiteral("/tags/")));
    QVERIFY(evaluate(page, QStringLiteral("window.quireMark = 7; true")).toBool());
    // The site exported again while the window is open.
    QVERIFY(write(site(QStringLiteral("tags/index.html")),
                  "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><h1>Tags, rebuilt</h1></body></html>"));
    QAction *reload = m_window->view()->pageAction(QWebEnginePage::Reload);
    QCOMPARE(reload->shortcuts(), QKeySequence::keyBindings(QKeySequence::Refresh));
    reload->trigger();
    QVERIFY(QTest::qWaitFor([&] {
        return evaluate(page, QStringLiteral("document.readyState == 'complete' && window.quireMark === undefined"
                                             " && document.querySelector('h1').textContent"))
            == QStringLiteral("Tags, rebuilt");
    }, 15000));
    QCOMPARE(sitePath(page), QStringLiteral("/tags/"));
}

void TestSitePreview::remoteImageIsBlockedAndCounted()
{
    QWebEnginePage *page = m_window->page();
    m_window->open(QStringLiteral("/posts/x/"));
    QVERIFY(waitForPage(QStringLiteral("/posts/x/")));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->blockedCount(), 1, 10000);
    QCOMPARE(m_window->blockedLabel()->text(), QStringLiteral("1 remote request(s) blocked"));
    QVERIFY(evaluate(page, QStringLiteral("document.getElementById('local').complete")).toBool());
    QCOMPARE(evaluate(page, QStringLiteral("document.getElementById('local').naturalWidth")).toInt(), 24);
    QCOMPARE(evaluate(page, QStringLiteral("document.getElementById('remote').naturalWidth")).toInt(), 0);

    // Counts are per window.
    SitePreviewWindow other(site());
    other.show();
    QVERIFY(QTest::qWaitFor([&] { return evaluate(other.page(), QStringLiteral("document.readyState")) == QStringLiteral("complete"); }, 15000));
    QCOMPARE(other.blockedCount(), 0);
    QTest::qWait(200);
    QCOMPARE(m_window->blockedCount(), 1);
}

void TestSitePreview::linksToOtherSitesAreNotOpened()
{
    SitePreviewPage *page = m_window->page();
    QSignalSpy refused(page, &SitePreviewPage::refused);
    QVERIFY(clickLink(QStringLiteral("out")));
    QTRY_COMPARE(refused.size(), 1);
    QCOMPARE(refused.first().first().toUrl(), QUrl(QStringLiteral("https://example.com/elsewhere")));
    QCOMPARE(m_window->statusBar()->currentMessage(),
             QStringLiteral("Not opened: https://example.com/elsewhere (the preview is offline)"));
    QCOMPARE(m_window->blockedCount(), 1);
    QTest::qWait(300);
    QCOMPARE(sitePath(page), QStringLiteral("/"));
    QCOMPARE(evaluate(page, QStringLiteral("document.querySelector('h1').textContent")).toString(), QStringLiteral("Home page"));

    // A link for a new window: to another site refused too, into the site followed here.
    QVERIFY(clickLink(QStringLiteral("outNew")));
    QTRY_COMPARE(refused.size(), 2);
    QCOMPARE(refused.last().first().toUrl(), QUrl(QStringLiteral("https://example.com/new")));
    QCOMPARE(m_window->blockedCount(), 2);
    QVERIFY(clickLink(QStringLiteral("tagsNew")));
    QVERIFY(waitForPage(QStringLiteral("/tags/")));
    QCOMPARE(m_window->blockedCount(), 2);
    // The notice was about the page left behind.
    QCOMPARE(m_window->statusBar()->currentMessage(), QString());
}

void TestSitePreview::addressFieldNavigates()
{
    QLineEdit *address = m_window->addressField();
    // Ctrl+L, as in a browser.
    m_window->view()->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);
    QTRY_VERIFY(address->hasFocus());
    QCOMPARE(address->selectedText(), QStringLiteral("/"));
    address->setText(QStringLiteral("/posts/x/"));
    QTest::keyClick(address, Qt::Key_Return);
    QVERIFY(waitForPage(QStringLiteral("/posts/x/")));
    // Relative to the page shown.
    address->setText(QStringLiteral("../../tags/"));
    QTest::keyClick(address, Qt::Key_Return);
    QVERIFY(waitForPage(QStringLiteral("/tags/")));
    // Another site is refused, and the field shows where the page still is. WebEngine is not
    // asked to go there at all, so no change of URL can come later and show it after all.
    const int blocked = m_window->blockedCount();
    QSignalSpy urlChanged(m_window->page(), &QWebEnginePage::urlChanged);
    QSignalSpy loadStarted(m_window->page(), &QWebEnginePage::loadStarted);
    address->setText(QStringLiteral("https://example.com/"));
    QTest::keyClick(address, Qt::Key_Return);
    QCOMPARE(m_window->blockedCount(), blocked + 1);
    QCOMPARE(address->text(), QStringLiteral("/tags/"));
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Not opened: https://example.com/ (the preview is offline)"));
    QCOMPARE(urlChanged.size(), 0);
    QCOMPARE(loadStarted.size(), 0);
    QCOMPARE(sitePath(m_window->page()), QStringLiteral("/tags/"));
    // Home.
    m_window->goHome();
    QVERIFY(waitForPage(QStringLiteral("/")));
}

void TestSitePreview::directoryWithoutSlashRedirects()
{
    QWebEnginePage *page = m_window->page();
    m_window->open(QStringLiteral("/posts/x"));
    QVERIFY(waitForPage(QStringLiteral("/posts/x/")));
    QCOMPARE(m_window->addressField()->text(), QStringLiteral("/posts/x/"));
    // The relative image resolves against the folder, as it does under a web server.
    QTRY_COMPARE(evaluate(page, QStringLiteral("document.getElementById('local').naturalWidth")).toInt(), 24);
}

void TestSitePreview::escapesAndStateFolderGetTheSite404()
{
    QWebEnginePage *page = m_window->page();
    const auto bodyOf = [&](const QString &url) {
        // The old document is marked: the new one has no mark.
        (void)evaluate(page, QStringLiteral("window.quireOld = 1"));
        page->setUrl(QUrl(url));
        if (!QTest::qWaitFor([&] { return evaluate(page, QStringLiteral("document.readyState == 'complete' && !window.quireOld")).toBool(); }, 15000))
            return QStringLiteral("(not loaded)");
        const QString body = evaluate(page, QStringLiteral("document.body.innerText")).toString();
        page->setUrl(QUrl(QStringLiteral("quire-site://site/")));
        (void)waitForPage(QStringLiteral("/"));
        return body;
    };
    for (const char *url : {"quire-site://site/.quire/manifest.json", "quire-site://site/%2e%2e/outside.txt",
                            "quire-site://site/posts%2F..%2F..%2Foutside.txt", "quire-site://site/leak.txt",
                            "quire-site://site/leakdir/outside.txt", "quire-site://site/no/such/page/"}) {
        const QString body = bodyOf(QString::fromLatin1(url));
        QVERIFY2(body.contains(QStringLiteral("This is the site's own 404 page.")), qPrintable(QString::fromLatin1(url) + QStringLiteral(": ") + body));
        QVERIFY2(!body.contains(QStringLiteral("SECRET")) && !body.contains(QStringLiteral("manifest")), url);
    }
    // A request of the page's own for them gets the same.
    const QString xhr = QStringLiteral("(() => { const r = new XMLHttpRequest(); r.open('GET', '%1', false); r.send();"
                                       " return r.responseText; })()");
    QVERIFY(evaluate(page, xhr.arg(QStringLiteral("/.quire/manifest.json"))).toString().contains(QStringLiteral("own 404 page")));

    // Without a 404.html of its own, a plain page of Quire's says what is missing.
    QVERIFY(QFile::remove(site(QStringLiteral("404.html"))));
    const QString body = bodyOf(QStringLiteral("quire-site://site/.quire/manifest.json"));
    QVERIFY2(body.contains(QStringLiteral("Page not found")) && body.contains(QStringLiteral("/.quire/manifest.json")), qPrintable(body));
    QVERIFY(!body.contains(QStringLiteral("secret")));
}

void TestSitePreview::fontsAndRequestsOfTheSiteWork()
{
    QWebEnginePage *page = m_window->page();
    // The site's script may read the site's own files.
    const QString xhr = QStringLiteral("(() => { const r = new XMLHttpRequest(); r.open('GET', '/data.json', false); r.send();"
                                       " return r.status + ' ' + r.responseText; })()");
    QCOMPARE(evaluate(page, xhr).toString(), QStringLiteral("200 {\"posts\": 1}"));
    if (!QFile::exists(site(QStringLiteral("fonts/site.ttf"))))
        QSKIP("No DejaVu font to serve as the site's web font (fonts-dejavu-core)");
    // A web font linked site-absolute from the style sheet.
    QVERIFY(evaluate(page, QStringLiteral("document.fonts.load('16px SiteFont').then(() => 0); true")).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(evaluate(page, QStringLiteral("[...document.fonts].filter(f => f.family == 'SiteFont')[0].status"))
                                  .toString(),
                              QStringLiteral("loaded"), 10000);
}

void TestSitePreview::showsThePageAsFileUrlDoes()
{
    compareWithFileUrl(QStringLiteral("/compare/"), site(QStringLiteral("compare/index.html")));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(evaluate(m_window->page(), QStringLiteral("getComputedStyle(document.querySelector('h1')).color")).toString(),
             QStringLiteral("rgb(1, 2, 3)"));   // the style sheet was applied (under file:// too)
}

void TestSitePreview::showsAnExportedPostAsFileUrlDoes()
{
    // A post with math and code, exported by Quire (a site without a base URL links relatively,
    // so file:// shows it whole).
    auto library = Library::open(m_dir->filePath(QStringLiteral("blog.quire")));
    QVERIFY(library);
    QVERIFY(SiteSettings::store(**library, QStringLiteral("title"), QStringLiteral("Exported Notes")));
    Post post;
    post.title = QStringLiteral("Checks that catch bugs");
    post.status = PostStatus::Published;
    post.body = QStringLiteral("A central difference: $\\frac{f(x+h) - f(x-h)}{2h}$.\n\n"
                               "```python\ndef check(f, x, h=1e-3):\n    return (f(x + h) - f(x - h)) / (2 * h)\n```\n\n"
                               "| a | b |\n|---|---|\n| 1 | 2 |\n");
    auto created = (*library)->createPost(post);
    QVERIFY(created);
    SiteBuilder::Options options;
    options.outputDir = m_dir->filePath(QStringLiteral("export"));
    options.includeDrafts = true;
    auto report = SiteBuilder(**library).build(options);
    if (!report)
        QFAIL(qPrintable(report.errorMessage()));

    m_window = std::make_unique<SitePreviewWindow>(options.outputDir);
    m_window->resize(900, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(waitForPage(QStringLiteral("/")));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Site Preview — Exported Notes"));
    const QString path = QStringLiteral("/posts/%1/").arg(created->slug);
    QVERIFY(QFile::exists(options.outputDir + path + QStringLiteral("index.html")));
    compareWithFileUrl(path, options.outputDir + path + QStringLiteral("index.html"));
    if (QTest::currentTestFailed())
        return;
    QVERIFY(evaluate(m_window->page(), QStringLiteral("document.querySelectorAll('.katex').length")).toInt() > 0);
    QCOMPARE(m_window->blockedCount(), 0);
}

void TestSitePreview::compareWithFileUrl(const QString &sitePath, const QString &file)
{
    m_window->open(sitePath);
    QVERIFY(waitForPage(sitePath));
    // The same page opened as a browser opens a file: in a view of its own, the same size.
    QWebEngineProfile plainProfile;
    QWebEnginePage plainPage(&plainProfile);
    QWebEngineView plain;
    plain.setPage(&plainPage);
    plain.resize(m_window->view()->size());
    plain.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plain));
    QSignalSpy loaded(&plainPage, &QWebEnginePage::loadFinished);
    plainPage.setUrl(QUrl::fromLocalFile(file));
    QVERIFY(loaded.wait(15000));
    QVERIFY(loaded.first().first().toBool());
    // Images and fonts in, on both.
    const QString settled = QStringLiteral("document.readyState == 'complete' && document.fonts.status == 'loaded'"
                                           " && [...document.images].every(i => i.complete && i.naturalWidth > 0)");
    QTRY_VERIFY_WITH_TIMEOUT(evaluate(&plainPage, settled).toBool(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(evaluate(m_window->page(), settled).toBool(), 10000);

    // Its text, the computed style of its elements and its layout.
    const QString facts = QStringLiteral(
        "[document.body.innerText, ...[...document.body.querySelectorAll('*')].map(e => {"
        " const s = getComputedStyle(e), r = e.getBoundingClientRect();"
        " return [e.tagName, s.fontFamily, s.fontSize, s.fontWeight, s.color, s.backgroundColor, r.x, r.y, r.width, r.height].join(' ');"
        " })].join('\\n')");
    const QString asFile = evaluate(&plainPage, facts).toString();
    const QString asSite = evaluate(m_window->page(), facts).toString();
    QVERIFY(!asFile.isEmpty());
    QCOMPARE(asSite, asFile);

    // And its pixels.
    QTest::qWait(300);
    const QImage fileShot = plain.grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QImage siteShot = m_window->view()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    QCOMPARE(siteShot.size(), fileShot.size());
    QVERIFY2(colourCount(siteShot) > 8, "the page was not drawn (nothing to compare)");
    if (siteShot != fileShot) {
        fileShot.save(m_dir->filePath(QStringLiteral("as-file.png")));
        siteShot.save(m_dir->filePath(QStringLiteral("as-site.png")));
        m_dir->setAutoRemove(false);
        QFAIL(qPrintable(QStringLiteral("The pages look different: see %1").arg(m_dir->path())));
    }
}

int main(int argc, char *argv[])
{
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    WebEngineSetup::prepare();
    QApplication app(argc, argv);
    TestSitePreview test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_site_preview.moc"
