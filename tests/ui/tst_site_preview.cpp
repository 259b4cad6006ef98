// The Site Preview: an exported site folder browsed offline under quire-site://site/, as a web
// server would show it, and nothing loaded from the network.
//
// Each test writes its own site and opens its own window (which has its own profile), and waits
// for the event it needs: a page's load, a signal, a condition in the page; never for time to
// pass, and never asleep (web_wait.h says why).

#include "preview/web_engine_setup.h"
#include "setup/library_setup.h"
#include "site/site_builder.h"
#include "site/site_settings.h"
#include "store/library.h"
#include "store/post_store.h"
#include "webengine/site_preview_page.h"
#include "webengine/site_preview_window.h"
#include "webengine/site_scheme_handler.h"

#include "web_wait.h"

#include <QAction>
#include <QDebug>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QSet>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEngineLoadingInfo>
#include <QWebEngineProfile>
#include <QWebEngineView>

#include <memory>

using namespace quire;
using WebWait::evaluate;

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

// The loads of a page from the moment this is made. Made before whatever navigates, so the load
// waited for is one that navigation started: never the page before it, nor one that finished
// earlier with the same address.
class Loads
{
public:
    explicit Loads(QWebEnginePage *page)
        : m_page(page)
    {
        m_connection = QObject::connect(page, &QWebEnginePage::loadingChanged, page,
                                        [this](const QWebEngineLoadingInfo &load) { m_loads.append(load); });
    }
    ~Loads() { QObject::disconnect(m_connection); }
    Loads(const Loads &) = delete;
    Loads &operator=(const Loads &) = delete;

    // Waits for the next load to finish well with the document at path (any document when path
    // is empty), and for nothing to have gone elsewhere since: false, after saying what loaded,
    // when that does not happen within 15 s.
    bool finishAt(const QString &path = QString())
    {
        const bool found = WebWait::until([&] {
            for (; m_next < m_loads.size(); ++m_next) {
                const QWebEngineLoadingInfo &load = m_loads.at(m_next);
                if (load.status() == QWebEngineLoadingInfo::LoadSucceededStatus && (path.isEmpty() || load.url().path() == path)) {
                    ++m_next;
                    return true;
                }
            }
            return false;
        });
        // As the page has it (location.pathname): "/posts%2F..", not "/posts/..".
        const QString shown = m_page->url().path(QUrl::FullyEncoded);
        const QString expected = path.isEmpty() ? shown : path;
        const QString document = evaluate(m_page, QStringLiteral("document.readyState + ' ' + location.pathname")).toString();
        if (found && shown == expected && document == QStringLiteral("complete ") + expected)
            return true;
        qWarning() << "waiting for a load of" << (path.isEmpty() ? QStringLiteral("any page") : path) << "the page is at"
                   << m_page->url() << "showing" << document << "after these loads:";
        for (const QWebEngineLoadingInfo &load : std::as_const(m_loads))
            qWarning() << "  " << load.url() << load.status() << load.errorString();
        return false;
    }

    // Waits for the load of url to end, and says how it did (LoadStartedStatus when it did not).
    QWebEngineLoadingInfo::LoadStatus endOf(const QUrl &url)
    {
        QWebEngineLoadingInfo::LoadStatus status = QWebEngineLoadingInfo::LoadStartedStatus;
        (void)WebWait::until([&] {
            for (const QWebEngineLoadingInfo &load : std::as_const(m_loads)) {
                if (load.url() == url && load.status() != QWebEngineLoadingInfo::LoadStartedStatus)
                    status = load.status();
            }
            return status != QWebEngineLoadingInfo::LoadStartedStatus;
        });
        return status;
    }

private:
    QWebEnginePage *m_page;
    QMetaObject::Connection m_connection;
    QList<QWebEngineLoadingInfo> m_loads;
    qsizetype m_next = 0;   // the first load finishAt() has not looked at
};

// A Site Preview window on folder, shown and its home page loaded; nullptr after saying why not.
std::unique_ptr<SitePreviewWindow> showWindow(const QString &folder)
{
    auto window = std::make_unique<SitePreviewWindow>(folder);
    // The window starts loading its home page as it is made; that load finishes only later, in
    // the event loop, so it is not missed.
    Loads loads(window->page());
    window->resize(900, 700);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()) || !loads.finishAt(QStringLiteral("/")))
        return nullptr;
    return window;
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
    // Opens the test's window on folder (the test's site when empty), its home page loaded.
    bool openWindow(const QString &folder = QString());
    // Whether the page of the window and the same file opened with file:// in a plain view look
    // the same: text, computed style, layout and pixels.
    void compareWithFileUrl(const QString &sitePath, const QString &file);
    // Points at the link with this id in the window's page with the mouse, then clicks it.
    bool clickLink(const QString &id);
    QString site(const QString &relative = QString()) const { return m_dir->filePath(QStringLiteral("site/") + relative); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SitePreviewWindow> m_window;
    QString m_hoveredLink;   // the window's page says the mouse is over a link to this
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
}

void TestSitePreview::cleanup()
{
    m_window.reset();
    m_hoveredLink.clear();
    m_dir.reset();
}

bool TestSitePreview::openWindow(const QString &folder)
{
    m_window = showWindow(folder.isEmpty() ? site() : folder);
    if (!m_window)
        return false;
    connect(m_window->page(), &QWebEnginePage::linkHovered, m_window.get(), [this](const QString &url) { m_hoveredLink = url; });
    return true;
}

bool TestSitePreview::clickLink(const QString &id)
{
    QWebEnginePage *page = m_window->page();
    // As for a person, once there is something on screen to point at: Chromium can be set to drop
    // input that comes before a page's first paint (DropInputEventsBeforeFirstPaint).
    if (!WebWait::until([&] { return evaluate(page, QStringLiteral("performance.getEntriesByName('first-contentful-paint').length > 0")).toBool(); })) {
        qWarning() << "the page at" << page->url() << "was never painted";
        return false;
    }
    const QVariantList link = evaluate(page, QStringLiteral("(() => { const a = document.getElementById('%1'), r = a.getBoundingClientRect();"
                                                            " return [r.x + r.width / 2, r.y + r.height / 2, a.href]; })()")
                                                 .arg(id))
                                  .toList();
    QWidget *target = m_window->view()->focusProxy();
    if (link.size() != 3 || !target)
        return false;
    const QPoint point(link.at(0).toInt(), link.at(1).toInt());
    // Over the link first, as a person's mouse is, and until the window knows it: the notice of
    // where the mouse points then cannot come after what the click does.
    QMouseEvent move(QEvent::MouseMove, point, target->mapToGlobal(point), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(target, &move);
    if (!WebWait::until([&] { return m_hoveredLink == link.at(2).toString(); })) {
        qWarning() << "the mouse over" << id << "was never noticed: the page says it is over" << m_hoveredLink;
        return false;
    }
    QTest::mouseClick(target, Qt::LeftButton, {}, point);
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
    QVERIFY(openWindow());
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
    QVERIFY(openWindow());
    QWebEnginePage *page = m_window->page();
    Loads loads(page);
    QVERIFY(clickLink(QStringLiteral("post")));
    QVERIFY(loads.finishAt(QStringLiteral("/posts/x/")));
    QVERIFY(evaluate(page, QStringLiteral("document.body.innerText")).toString().contains(QStringLiteral("The text of post X.")));
    QCOMPARE(m_window->addressField()->text(), QStringLiteral("/posts/x/"));
    QVERIFY(clickLink(QStringLiteral("tags")));
    QVERIFY(loads.finishAt(QStringLiteral("/tags/")));
    QCOMPARE(evaluate(page, QStringLiteral("document.querySelector('h1').textContent")).toString(), QStringLiteral("All tags"));

    // The toolbar's Back and Forward, with the standard keys.
    QAction *back = m_window->view()->pageAction(QWebEnginePage::Back);
    QAction *forward = m_window->view()->pageAction(QWebEnginePage::Forward);
    QCOMPARE(back->shortcuts(), QKeySequence::keyBindings(QKeySequence::Back));
    QCOMPARE(forward->shortcuts(), QKeySequence::keyBindings(QKeySequence::Forward));
    QVERIFY(back->isEnabled());
    back->trigger();
    QVERIFY(loads.finishAt(QStringLiteral("/posts/x/")));
    QCOMPARE(m_window->addressField()->text(), QStringLiteral("/posts/x/"));
    back->trigger();
    QVERIFY(loads.finishAt(QStringLiteral("/")));
    QVERIFY(WebWait::until([&] { return !back->isEnabled(); }));
    QVERIFY(forward->isEnabled());
    forward->trigger();
    QVERIFY(loads.finishAt(QStringLiteral("/posts/x/")));
    QVERIFY(evaluate(page, QStringLiteral("document.body.innerText")).toString().contains(QStringLiteral("The text of post X.")));

    // A script of the site's going to a site-absolute path.
    QVERIFY(evaluate(page, QStringLiteral("location.href = '/tags/'; true")).toBool());
    QVERIFY(loads.finishAt(QStringLiteral("/tags/")));
    QCOMPARE(m_window->addressField()->text(), QStringLiteral("/tags/"));
}

void TestSitePreview::reloadReadsTheFolderAgain()
{
    QVERIFY(openWindow());
    QWebEnginePage *page = m_window->page();
    Loads loads(page);
    m_window->open(QStringLiteral("/tags/"));
    QVERIFY(loads.finishAt(QStringLiteral("/tags/")));
    QVERIFY(evaluate(page, QStringLiteral("window.quireMark = 7; true")).toBool());
    // The site exported again while the window is open.
    QVERIFY(write(site(QStringLiteral("tags/index.html")),
                  "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><h1>Tags, rebuilt</h1></body></html>"));
    QAction *reload = m_window->view()->pageAction(QWebEnginePage::Reload);
    QCOMPARE(reload->shortcuts(), QKeySequence::keyBindings(QKeySequence::Refresh));
    reload->trigger();
    QVERIFY(loads.finishAt(QStringLiteral("/tags/")));
    QVERIFY(evaluate(page, QStringLiteral("window.quireMark === undefined")).toBool());   // a new document
    QCOMPARE(evaluate(page, QStringLiteral("document.querySelector('h1').textContent")).toString(), QStringLiteral("Tags, rebuilt"));
    QCOMPARE(sitePath(page), QStringLiteral("/tags/"));
}

void TestSitePreview::remoteImageIsBlockedAndCounted()
{
    QVERIFY(openWindow());
    QWebEnginePage *page = m_window->page();
    Loads loads(page);
    m_window->open(QStringLiteral("/posts/x/"));
    QVERIFY(loads.finishAt(QStringLiteral("/posts/x/")));
    // The window counts what the blocker reports from WebEngine's IO thread: a queued signal.
    (void)WebWait::until([&] { return m_window->blockedCount() >= 1; }, 10000);
    QCOMPARE(m_window->blockedCount(), 1);
    QCOMPARE(m_window->blockedLabel()->text(), QStringLiteral("1 remote request(s) blocked"));
    QVERIFY(evaluate(page, QStringLiteral("document.getElementById('local').complete")).toBool());
    QCOMPARE(evaluate(page, QStringLiteral("document.getElementById('local').naturalWidth")).toInt(), 24);
    QCOMPARE(evaluate(page, QStringLiteral("document.getElementById('remote').naturalWidth")).toInt(), 0);

    // Counts are per window: another one starts at none, and what it blocks is its own.
    const std::unique_ptr<SitePreviewWindow> other = showWindow(site());
    QVERIFY(other);
    QCOMPARE(other->blockedCount(), 0);
    Loads otherLoads(other->page());
    other->open(QStringLiteral("/posts/x/"));
    QVERIFY(otherLoads.finishAt(QStringLiteral("/posts/x/")));
    (void)WebWait::until([&] { return other->blockedCount() >= 1; }, 10000);
    QCOMPARE(other->blockedCount(), 1);
    // Had this window been told too, it would know by now: the two reports would come the same
    // way, queued from the same thread in the order they were sent.
    QCOMPARE(m_window->blockedCount(), 1);
}

void TestSitePreview::linksToOtherSitesAreNotOpened()
{
    QVERIFY(openWindow());
    SitePreviewPage *page = m_window->page();
    QSignalSpy refused(page, &SitePreviewPage::refused);
    Loads loads(page);
    QVERIFY(evaluate(page, QStringLiteral("window.quireMark = 7; true")).toBool());
    QVERIFY(clickLink(QStringLiteral("out")));
    QVERIFY(refused.wait(15000));
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.first().first().toUrl(), QUrl(QStringLiteral("https://example.com/elsewhere")));
    QCOMPARE(m_window->statusBar()->currentMessage(),
             QStringLiteral("Not opened: https://example.com/elsewhere (the preview is offline)"));
    QCOMPARE(m_window->blockedCount(), 1);
    // The navigation WebEngine had started ends there, and the page it was on is still shown.
    QCOMPARE(loads.endOf(QUrl(QStringLiteral("https://example.com/elsewhere"))), QWebEngineLoadingInfo::LoadStoppedStatus);
    QCOMPARE(sitePath(page), QStringLiteral("/"));
    QCOMPARE(evaluate(page, QStringLiteral("window.quireMark")).toInt(), 7);
    QCOMPARE(evaluate(page, QStringLiteral("document.querySelector('h1').textContent")).toString(), QStringLiteral("Home page"));

    // A link for a new window: to another site refused too, into the site followed here.
    QVERIFY(clickLink(QStringLiteral("outNew")));
    QVERIFY(refused.wait(15000));
    QCOMPARE(refused.size(), 2);
    QCOMPARE(refused.last().first().toUrl(), QUrl(QStringLiteral("https://example.com/new")));
    QCOMPARE(m_window->blockedCount(), 2);
    QVERIFY(clickLink(QStringLiteral("tagsNew")));
    QVERIFY(loads.finishAt(QStringLiteral("/tags/")));
    QCOMPARE(m_window->blockedCount(), 2);
    // The notice was about the page left behind.
    QCOMPARE(m_window->statusBar()->currentMessage(), QString());
}

void TestSitePreview::addressFieldNavigates()
{
    QVERIFY(openWindow());
    QLineEdit *address = m_window->addressField();
    Loads loads(m_window->page());
    // Ctrl+L, as in a browser (a window's shortcuts work while it is the active one).
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->view()->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);
    QVERIFY(WebWait::until([&] { return address->hasFocus(); }));
    QCOMPARE(address->selectedText(), QStringLiteral("/"));
    address->setText(QStringLiteral("/posts/x/"));
    QTest::keyClick(address, Qt::Key_Return);
    QVERIFY(loads.finishAt(QStringLiteral("/posts/x/")));
    // Relative to the page shown.
    address->setText(QStringLiteral("../../tags/"));
    QTest::keyClick(address, Qt::Key_Return);
    QVERIFY(loads.finishAt(QStringLiteral("/tags/")));
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
    QVERIFY(loads.finishAt(QStringLiteral("/")));
}

void TestSitePreview::directoryWithoutSlashRedirects()
{
    QVERIFY(openWindow());
    QWebEnginePage *page = m_window->page();
    Loads loads(page);
    m_window->open(QStringLiteral("/posts/x"));
    QVERIFY(loads.finishAt(QStringLiteral("/posts/x/")));
    QCOMPARE(m_window->addressField()->text(), QStringLiteral("/posts/x/"));
    // The relative image resolves against the folder, as it does under a web server.
    QVERIFY(evaluate(page, QStringLiteral("document.getElementById('local').complete")).toBool());
    QCOMPARE(evaluate(page, QStringLiteral("document.getElementById('local').naturalWidth")).toInt(), 24);
}

void TestSitePreview::escapesAndStateFolderGetTheSite404()
{
    QVERIFY(openWindow());
    QWebEnginePage *page = m_window->page();
    const auto bodyOf = [&](const QString &url) {
        Loads loads(page);
        page->setUrl(QUrl(url));
        if (!loads.finishAt())
            return QStringLiteral("(not loaded)");
        return evaluate(page, QStringLiteral("document.body.innerText")).toString();
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
    QVERIFY(openWindow());
    QWebEnginePage *page = m_window->page();
    // The site's script may read the site's own files.
    const QString xhr = QStringLiteral("(() => { const r = new XMLHttpRequest(); r.open('GET', '/data.json', false); r.send();"
                                       " return r.status + ' ' + r.responseText; })()");
    QCOMPARE(evaluate(page, xhr).toString(), QStringLiteral("200 {\"posts\": 1}"));
    if (!QFile::exists(site(QStringLiteral("fonts/site.ttf"))))
        QSKIP("No DejaVu font to serve as the site's web font (fonts-dejavu-core)");
    // A web font linked site-absolute from the style sheet.
    QVERIFY(evaluate(page, QStringLiteral("document.fonts.load('16px SiteFont').then(() => 0); true")).toBool());
    const QString status = QStringLiteral("[...document.fonts].filter(f => f.family == 'SiteFont')[0].status");
    (void)WebWait::until([&] { return evaluate(page, status).toString() == QStringLiteral("loaded"); }, 10000);
    QCOMPARE(evaluate(page, status).toString(), QStringLiteral("loaded"));
}

void TestSitePreview::showsThePageAsFileUrlDoes()
{
    QVERIFY(openWindow());
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
    auto library = LibrarySetup::open(m_dir->filePath(QStringLiteral("blog.quire")));
    QVERIFY(library);
    QVERIFY(SiteSettings::store(**library, QStringLiteral("title"), QStringLiteral("Exported Notes")));
    Post post;
    post.title = QStringLiteral("Checks that catch bugs");
    post.status = PostStatus::Published;
    post.body = QStringLiteral("A central difference: $\\frac{f(x+h) - f(x-h)}{2h}$.\n\n"
                               "```python\ndef check(f, x, h=1e-3):\n    return (f(x + h) - f(x - h)) / (2 * h)\n```\n\n"
                               "| a | b |\n|---|---|\n| 1 | 2 |\n");
    auto created = (*library)->posts().create(post);
    QVERIFY(created);
    SiteBuilder::Options options;
    options.outputDir = m_dir->filePath(QStringLiteral("export"));
    options.includeDrafts = true;
    auto report = SiteBuilder(**library).build(options);
    if (!report)
        QFAIL(qPrintable(report.errorMessage()));

    QVERIFY(openWindow(options.outputDir));
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
    Loads loads(m_window->page());
    m_window->open(sitePath);
    QVERIFY(loads.finishAt(sitePath));
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
    QVERIFY(WebWait::until([&] { return evaluate(&plainPage, settled).toBool(); }, 10000));
    QVERIFY(WebWait::until([&] { return evaluate(m_window->page(), settled).toBool(); }, 10000));

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

    // And its pixels, once both views show the settled page: each view draws a frame of it some
    // time after the page is complete, and not at the same time as the other.
    QImage fileShot;
    QImage siteShot;
    (void)WebWait::until([&] {
        fileShot = plain.grab().toImage().convertToFormat(QImage::Format_RGB32);
        siteShot = m_window->view()->grab().toImage().convertToFormat(QImage::Format_RGB32);
        return colourCount(siteShot) > 8 && siteShot == fileShot;
    }, 10000);
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
