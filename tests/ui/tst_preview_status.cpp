// The live preview is the site's page: its content is the built page's article, and when it
// cannot be (no Node.js for math and code, a theme that cannot be used), a status line under it
// says why, in words a writer understands, until it can again.

#include "setup/library_setup.h"
#include "site/library_themes.h"
#include "site/site_builder.h"
#include "store/library.h"
#include "store/post_store.h"
#include "store/theme_store.h"
#include "theme/builtin_themes.h"
#include "webengine/preview_view.h"

#include "window_test_support.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEnginePage>

#include <memory>

using namespace quire;

namespace {

const QString Walkthrough = QStringLiteral(
    "Why sums drift: $\\sum_i x_i$ depends on the order.[^order]\n\n"
    "## Setup\n\n"
    "As in [the earlier note](/posts/target/), we sum in float32:\n\n"
    "```python\nimport numpy as np\nprint(np.float32(0.1) * 3)\n```\n\n"
    "$$\n\\frac{1}{n}\\sum_{i=1}^{n} x_i\n$$\n\n"
    "## Results\n\n"
    "Forward order, as before.\n\n"
    "[^order]: Addition in floating point is not associative.\n");

using WindowTest::evaluate;

// The content of the preview's page ("" until the page is there).
const QString PreviewContent = QStringLiteral("(document.getElementById('quire-content') || {innerHTML: ''}).innerHTML.trim()");

} // namespace

class TestPreviewStatus : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void thePreviewShowsTheBuiltArticle();
    void theStatusLineSaysWhyMathIsNotRendered();
    void theStatusLineSaysWhenTheThemeGivesWay();

private:
    Post addPost(const QString &title, const QString &body);
    // A preview of the library, shown, waiting for the first page.
    std::unique_ptr<PreviewView> openPreview();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Library> m_library;
    QWidget m_window;
};

void TestPreviewStatus::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto library = LibrarySetup::open(m_dir->filePath(QStringLiteral("blog.quire")));
    QVERIFY2(library, qPrintable(library ? QString() : library.errorMessage()));
    m_library = std::move(*library);
    m_window.resize(900, 700);
}

void TestPreviewStatus::cleanup()
{
    m_library.reset();
    m_dir.reset();
}

Post TestPreviewStatus::addPost(const QString &title, const QString &body)
{
    Post post;
    post.title = title;
    post.body = body;
    post.status = PostStatus::Published;
    post.createdAt = post.publishedAt = QDateTime(QDate(2025, 3, 7), QTime(10, 0), Qt::UTC);
    auto created = m_library->posts().create(post);
    if (!created)
        qFatal("post: %s", qPrintable(created.errorMessage()));
    return *created;
}

std::unique_ptr<PreviewView> TestPreviewStatus::openPreview()
{
    auto preview = std::make_unique<PreviewView>(&m_window);
    preview->resize(m_window.size());
    preview->show();
    m_window.show();
    if (!QTest::qWaitForWindowExposed(&m_window))
        return nullptr;
    preview->setLibrary(m_library.get());
    return preview;
}

void TestPreviewStatus::thePreviewShowsTheBuiltArticle()
{
    addPost(QStringLiteral("Target"), QStringLiteral("The earlier note."));
    const Post post = addPost(QStringLiteral("Float sums"), Walkthrough);
    const QString out = m_dir->filePath(QStringLiteral("site"));
    SiteBuilder::Options options;
    options.outputDir = out;
    auto report = SiteBuilder(*m_library).build(options);
    QVERIFY2(report, qPrintable(report ? QString() : report.errorMessage()));

    auto preview = openPreview();
    QVERIFY(preview);
    preview->setPost(post);
    QVERIFY(WebWait::until([&] { return evaluate(preview->page(), PreviewContent).toString().contains(u"katex"); },
                            30000));
    QVERIFY(preview->statusLine()->isHidden());
    const QString shown = evaluate(preview->page(), PreviewContent).toString();

    // The built page, in a browser of its own: the article its template wraps (paper's
    // .post-content) holds what the preview's #quire-content does.
    QWebEnginePage built;
    bool loaded = false;
    connect(&built, &QWebEnginePage::loadFinished, this, [&] { loaded = true; });
    built.load(QUrl::fromLocalFile(out + QStringLiteral("/posts/float-sums/index.html")));
    QVERIFY(WebWait::until([&] { return loaded; }, 15000));
    const QString article = evaluate(&built, QStringLiteral("document.querySelector('.post-content').innerHTML.trim()")).toString();
    QVERIFY(article.contains(u"hljs language-python") && article.contains(u"data-footnote-ref"));
    QCOMPARE(shown, article);
}

void TestPreviewStatus::theStatusLineSaysWhyMathIsNotRendered()
{
    // No node on PATH (RenderWorker runs "node" from PATH): math and code stay TeX and source.
    QTemporaryDir noNode;
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", noNode.path().toLocal8Bit());
    Post post = addPost(QStringLiteral("Float sums"), Walkthrough);
    auto preview = openPreview();
    QVERIFY(preview);
    preview->setPost(post);
    QLabel *status = preview->statusLine();
    QVERIFY(WebWait::until([&] { return status->isVisible(); }, 30000));
    QVERIFY2(status->text().contains(u"Node.js") && status->text().contains(u"nodejs"), qPrintable(status->text()));
    QVERIFY(WebWait::until([&] { return evaluate(preview->page(), PreviewContent).toString().contains(u"\\sum_i"); },
                            10000));
    QVERIFY(!evaluate(preview->page(), PreviewContent).toString().contains(u"katex"));
    if (const QString shot = qEnvironmentVariable("QUIRE_PREVIEW_SCREENSHOT"); !shot.isEmpty())
        QVERIFY(m_window.grab().save(shot));   // to look at: the page with its status line

    // Node back: the next change renders, and the status line goes.
    qputenv("PATH", path);
    post.body += QStringLiteral("\nOne more line.\n");
    preview->setPost(post);
    QVERIFY(WebWait::until([&] { return status->isHidden(); }, 30000));
    QVERIFY(WebWait::until([&] { return evaluate(preview->page(), PreviewContent).toString().contains(u"katex"); },
                            10000));
    preview->releaseLibrary();
}

void TestPreviewStatus::theStatusLineSaysWhenTheThemeGivesWay()
{
    // The writer's own theme, its post template broken: the preview shows the post in Quire's
    // built-in theme, as the build does, and says so.
    const auto shipped = BuiltinThemes::shipped();
    QVERIFY(shipped);
    Theme mine = shipped->first();
    mine.manifest.name = QStringLiteral("mine");
    mine.builtin = false;
    mine.files.insert(QStringLiteral("templates/post.mustache"), "{{<base}}{{$content}}{{#post}}{{/content}}");
    QVERIFY(LibraryThemes::import(*m_library, mine));
    QVERIFY(m_library->themes().setActive(QStringLiteral("mine")));
    const Post post = addPost(QStringLiteral("Float sums"), Walkthrough);

    auto preview = openPreview();
    QVERIFY(preview);
    preview->setPost(post);
    QLabel *status = preview->statusLine();
    QVERIFY(WebWait::until([&] { return status->isVisible(); }, 30000));
    QVERIFY2(status->text().contains(u"“mine” cannot be used") && status->text().contains(u"“paper” stands in"),
             qPrintable(status->text()));
    QVERIFY(WebWait::until([&] { return evaluate(preview->page(), PreviewContent).toString().contains(u"katex"); },
                            30000));
    QCOMPARE(evaluate(preview->page(), QStringLiteral("document.querySelector('.post-content > #quire-content') !== null")),
             QVariant(true));
    QCOMPARE(status->text().count(u'\n'), 0);   // math renders: the theme is all it says

    // Back to a theme that works: the status line goes.
    QVERIFY(m_library->themes().setActive(QStringLiteral("paper")));
    preview->setLibrary(m_library.get());
    QVERIFY(WebWait::until([&] { return status->isHidden(); }, 10000));
    preview->releaseLibrary();
}

QUIRE_WINDOW_TEST_MAIN(TestPreviewStatus)

#include "tst_preview_status.moc"
