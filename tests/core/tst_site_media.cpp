// Library images in the exported site: content-hashed names in files and in every page that
// shows them (post bodies, links, covers, lists, the feed, og:image), stable across builds;
// new bytes under an old name rewrite exactly the pages that show them; narrower copies and a
// srcset only for large raster images, and only with a scaler; a scaler that fails is a note,
// not a failed build; hostile names still give working addresses.

#include "core_test_support.h"
#include "setup/library_setup.h"
#include "site/image_scaler.h"
#include "site/site_builder.h"
#include "site/site_media.h"
#include "site/site_path.h"
#include "site/site_settings.h"
#include "store/asset_store.h"
#include "store/library.h"
#include "store/post_history.h"
#include "store/post_store.h"
#include "store/revision.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace quire;
using CoreTest::readAll;

namespace {

// A 1×1 PNG; a tail makes other bytes (another asset) that still read as a PNG.
QByteArray tinyPng(const QByteArray &tail = {})
{
    return QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
        + tail;
}

QString readText(const QString &path)
{
    return QString::fromUtf8(readAll(path));
}

// Where the site writes a library image: media/<stem>.<first 10 hex of its sha256>.<ext>.
QString mediaFile(const Asset &asset, const QString &suffix = {})
{
    const qsizetype dot = asset.name.lastIndexOf(u'.');
    return QStringLiteral("media/") + asset.name.left(dot) + u'.' + asset.sha256.left(10) + suffix + asset.name.mid(dot);
}

// The files under dir/media.
QStringList mediaFiles(const QString &dir)
{
    QStringList files = QDir(dir + QStringLiteral("/media")).entryList(QDir::Files);
    files.sort();
    return files;
}

QString problemsOf(const SiteBuilder::Report &report)
{
    QStringList problems;
    for (const BuildProblem &problem : report.problems)
        problems.append(problem.reason);
    return problems.join(u'\n');
}

// Stands in for QtImageScaler (core links no QtGui): marks its output with the width asked
// for, and cannot read anything that ends in "corrupt".
class FakeScaler : public ImageScaler
{
public:
    Result<QByteArray> scaled(const QByteArray &data, const QString &mimeType, int width) const override
    {
        ++calls;
        if (data.endsWith("corrupt"))
            return Error{QStringLiteral("not an image")};
        return QByteArray("scaled ") + mimeType.toLatin1() + ' ' + QByteArray::number(width) + ' '
            + QByteArray::number(qHash(data));
    }
    mutable std::atomic<int> calls = 0;
};

} // namespace

class TestSiteMedia : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void hashedNamesInFilesAndPages();
    void namesAreStable();
    void newBytesRewriteOnlyThePagesShowingThem();
    void missingImageIsReported();
    void srcsetOnlyForLargeRasterImages();
    void noScalerNoCopies();
    void coverOffersItsSrcset();
    void unreadableImageDoesNotFailTheBuild();
    void hostileNamesGiveWorkingAddresses();

private:
    std::unique_ptr<Library> newLibrary(const QString &name);
    Post addPost(Library &library, const QString &title, const QString &body);
    SiteBuilder::Report build(Library &library, const QString &out, const ImageScaler *scaler = nullptr);
    QTemporaryDir m_dir;
    int m_count = 0;
};

void TestSiteMedia::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

std::unique_ptr<Library> TestSiteMedia::newLibrary(const QString &name)
{
    auto library = LibrarySetup::open(m_dir.filePath(name + QStringLiteral(".quire")));
    if (!library)
        qFatal("library: %s", qPrintable(library.errorMessage()));
    auto ticks = std::make_shared<int>(0);
    (*library)->setClock([ticks] { return QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC).addSecs((*ticks)++); });
    return std::move(*library);
}

Post TestSiteMedia::addPost(Library &library, const QString &title, const QString &body)
{
    Post post;
    post.title = title;
    post.body = body;
    post.status = PostStatus::Published;
    post.createdAt = post.publishedAt = QDateTime(QDate(2025, 1, 1), QTime(9, 0), Qt::UTC).addDays(++m_count);
    auto created = library.posts().create(post);
    if (!created)
        qFatal("post: %s", qPrintable(created.errorMessage()));
    return *created;
}

SiteBuilder::Report TestSiteMedia::build(Library &library, const QString &out, const ImageScaler *scaler)
{
    SiteBuilder::Options options;
    options.outputDir = out;
    options.imageScaler = scaler;
    auto report = SiteBuilder(library).build(options);
    if (!report)
        qFatal("build: %s", qPrintable(report.errorMessage()));
    return *report;
}

void TestSiteMedia::hashedNamesInFilesAndPages()
{
    auto library = newLibrary(QStringLiteral("hashed"));
    const auto figure = library->assets().store(tinyPng(), QStringLiteral("figure-1.png"), 1, 1);
    const auto cover = library->assets().store(tinyPng("cover"), QStringLiteral("cover.png"), 1200, 630);
    QVERIFY(figure && cover);
    QVERIFY(SiteSettings::store(*library, QStringLiteral("base-url"), QStringLiteral("https://blog.example.org/notes")));
    Post post = addPost(*library, QStringLiteral("Figures"),
                        QStringLiteral("![A figure](/media/figure-1.png)\n\n[the figure](/media/figure-1.png#top)\n\n"
                                       "<img src=\"../../media/figure-1.png\" alt=\"relative\">\n"));
    post.coverAssetId = cover->id;
    QVERIFY(library->history().save(post, RevisionReason::Save));
    const QString out = m_dir.filePath(QStringLiteral("hashed-site"));
    const auto report = build(*library, out);
    QVERIFY2(report.problems.isEmpty(), qPrintable(problemsOf(report)));

    const QString figureFile = mediaFile(*figure);
    const QString coverFile = mediaFile(*cover);
    QCOMPARE(figureFile, QStringLiteral("media/figure-1.") + figure->sha256.left(10) + QStringLiteral(".png"));
    QCOMPARE(mediaFiles(out), (QStringList{QFileInfo(coverFile).fileName(), QFileInfo(figureFile).fileName()}));
    QCOMPARE(readAll(out + u'/' + figureFile), tinyPng());

    const QString page = readText(out + QStringLiteral("/posts/figures/index.html"));
    QVERIFY2(page.contains(QStringLiteral("<img src=\"../../%1\" alt=\"A figure\" width=\"1\" height=\"1\">").arg(figureFile)),
             qPrintable(page));
    QVERIFY(page.contains(QStringLiteral("<a href=\"../../%1#top\">the figure</a>").arg(figureFile)));
    QVERIFY(page.contains(QStringLiteral("<img src=\"../../%1\" alt=\"relative\" width=\"1\" height=\"1\">").arg(figureFile)));
    QVERIFY(page.contains(QStringLiteral("<meta property=\"og:image\" content=\"https://blog.example.org/notes/%1\">").arg(coverFile)));
    QVERIFY(page.contains(QStringLiteral("src=\"../../%1\"").arg(coverFile)));
    QVERIFY(!page.contains(QStringLiteral("/figure-1.png")) && !page.contains(QStringLiteral("/cover.png")));
    const QString home = readText(out + QStringLiteral("/index.html"));
    QVERIFY2(home.contains(QStringLiteral("src=\"%1\"").arg(coverFile)), qPrintable(home));
    // The feed's content resolves against each entry's own address (xml:base).
    const QString feed = readText(out + QStringLiteral("/feed.xml"));
    QVERIFY2(feed.contains(QStringLiteral("src=&quot;../../%1&quot;").arg(figureFile))
                 || feed.contains(QStringLiteral("src=\"../../%1\"").arg(figureFile)),
             qPrintable(feed));
    QVERIFY(!feed.contains(QStringLiteral("media/figure-1.png")));
}

void TestSiteMedia::namesAreStable()
{
    auto library = newLibrary(QStringLiteral("stable"));
    QVERIFY(library->assets().store(tinyPng(), QStringLiteral("chart.png"), 1, 1));
    addPost(*library, QStringLiteral("Chart"), QStringLiteral("![Chart](/media/chart.png)\n"));
    const QString first = m_dir.filePath(QStringLiteral("stable-1"));
    const QString second = m_dir.filePath(QStringLiteral("stable-2"));
    build(*library, first);
    build(*library, second);
    QCOMPARE(mediaFiles(first).size(), 1);
    QCOMPARE(mediaFiles(first), mediaFiles(second));
    QCOMPARE(readAll(first + QStringLiteral("/posts/chart/index.html")), readAll(second + QStringLiteral("/posts/chart/index.html")));
    // The same bytes under another library's same name: the same file name.
    auto other = newLibrary(QStringLiteral("stable-other"));
    QVERIFY(other->assets().store(tinyPng(), QStringLiteral("chart.png"), 1, 1));
    addPost(*other, QStringLiteral("Chart"), QStringLiteral("![Chart](/media/chart.png)\n"));
    const QString third = m_dir.filePath(QStringLiteral("stable-3"));
    build(*other, third);
    QCOMPARE(mediaFiles(third), mediaFiles(first));
}

void TestSiteMedia::newBytesRewriteOnlyThePagesShowingThem()
{
    auto library = newLibrary(QStringLiteral("replaced"));
    const auto before = library->assets().store(tinyPng("v1"), QStringLiteral("plot.png"), 1, 1);
    QVERIFY(library->assets().store(tinyPng("other"), QStringLiteral("other.png"), 1, 1));
    // The oldest posts: past the feed's 20, so a build that finds them unchanged goes by what the
    // last build remembered of them rather than rendering them again.
    addPost(*library, QStringLiteral("Shows plot"), QStringLiteral("![Plot](/media/plot.png)\n"));
    addPost(*library, QStringLiteral("Shows other"), QStringLiteral("![Other](/media/other.png)\n"));
    for (int i = 0; i < 21; ++i)
        addPost(*library, QStringLiteral("Later %1").arg(i), QStringLiteral("Words."));
    const QString out = m_dir.filePath(QStringLiteral("replaced-site"));
    const QString plotPage = out + QStringLiteral("/posts/shows-plot/index.html");
    const QString otherPage = out + QStringLiteral("/posts/shows-other/index.html");
    build(*library, out);
    const QString oldFile = out + u'/' + mediaFile(*before);
    QVERIFY(QFileInfo::exists(oldFile));
    QVERIFY(readText(plotPage).contains(mediaFile(*before)));
    const QByteArray otherHtml = readAll(otherPage);

    // Nothing changed: nothing written. An image no page shows: still nothing.
    QCOMPARE(build(*library, out).written, 0);
    QVERIFY(library->assets().store(tinyPng("unrelated"), QStringLiteral("unrelated.png"), 1, 1));
    const auto unrelated = build(*library, out);
    QCOMPARE(unrelated.written, 0);
    QCOMPARE(unrelated.removed, 0);

    // New bytes under the same name.
    QVERIFY(library->assets().remove(QStringLiteral("plot.png")));
    const auto after = library->assets().store(tinyPng("v2"), QStringLiteral("plot.png"), 1, 1);
    QVERIFY(after);
    QCOMPARE(after->name, QStringLiteral("plot.png"));
    QVERIFY(mediaFile(*after) != mediaFile(*before));
    const auto replaced = build(*library, out);
    QVERIFY2(replaced.problems.isEmpty(), qPrintable(problemsOf(replaced)));
    const QString html = readText(plotPage);
    QVERIFY2(html.contains(mediaFile(*after)) && !html.contains(mediaFile(*before)), qPrintable(html));
    QCOMPARE(readAll(out + u'/' + mediaFile(*after)), tinyPng("v2"));
    QVERIFY(!QFileInfo::exists(oldFile));
    QCOMPARE(replaced.removed, 1);
    // The page and the image: the feed and sitemap are written on every build but unchanged.
    QCOMPARE(replaced.written, 2);
    QCOMPARE(readAll(otherPage), otherHtml);

    QCOMPARE(build(*library, out).written, 0);
}

void TestSiteMedia::missingImageIsReported()
{
    auto library = newLibrary(QStringLiteral("missing"));
    QVERIFY(library->assets().store(tinyPng(), QStringLiteral("here.png"), 1, 1));
    addPost(*library, QStringLiteral("Gaps"), QStringLiteral("![Here](/media/here.png)\n\n![Gone](/media/gone.png)\n\n"
                                                             "[also gone](/media/gone.pdf)\n"));
    const QString out = m_dir.filePath(QStringLiteral("missing-site"));
    const auto report = build(*library, out);
    const QString problems = problemsOf(report);
    QVERIFY2(problems.contains(QStringLiteral("the image /media/gone.png is not in the site")), qPrintable(problems));
    QVERIFY2(problems.contains(QStringLiteral("links to /media/gone.pdf, which is not a page of the site")), qPrintable(problems));
    QVERIFY2(!problems.contains(QStringLiteral("here.png")), qPrintable(problems));
    // Left as written: there is no file to name.
    QVERIFY(readText(out + QStringLiteral("/posts/gaps/index.html")).contains(QStringLiteral("src=\"../../media/gone.png\"")));
}

void TestSiteMedia::srcsetOnlyForLargeRasterImages()
{
    auto library = newLibrary(QStringLiteral("srcset"));
    const QByteArray gif = QByteArray("GIF89a") + QByteArray(20, '\0');
    const QByteArray svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"3000\" height=\"2000\"></svg>";
    const QByteArray jpeg = QByteArray("\xff\xd8\xff\xe0", 4) + QByteArray(20, '\0');
    const auto big = library->assets().store(tinyPng("big"), QStringLiteral("big.png"), 3000, 2000);
    const auto photo = library->assets().store(jpeg, QStringLiteral("photo.jpg"), 2000, 1000);
    const auto middle = library->assets().store(tinyPng("middle"), QStringLiteral("middle.png"), 1200, 800);
    const auto animated = library->assets().store(gif, QStringLiteral("animated.gif"), 3000, 2000);
    const auto vector = library->assets().store(svg, QStringLiteral("vector.svg"), 3000, 2000);
    const auto unknown = library->assets().store(tinyPng("unknown"), QStringLiteral("unknown.png"));
    QVERIFY(big && photo && middle && animated && vector && unknown);
    addPost(*library, QStringLiteral("Sizes"),
            QStringLiteral("![Big](/media/big.png)\n\n![Photo](/media/photo.jpg)\n\n![Middle](/media/middle.png)\n\n"
                           "![Animated](/media/animated.gif)\n\n![Vector](/media/vector.svg)\n\n![Unknown](/media/unknown.png)\n\n"
                           "<img src=\"/media/big.png\" alt=\"sized\" width=\"300\">\n"));
    const QString out = m_dir.filePath(QStringLiteral("srcset-site"));
    FakeScaler scaler;
    const auto report = build(*library, out, &scaler);
    QVERIFY2(report.problems.isEmpty(), qPrintable(problemsOf(report)));
    QCOMPARE(scaler.calls.load(), 4);

    const QString sizes = QStringLiteral("sizes=\"(max-width: 42rem) 100vw, 42rem\"");
    const QString page = readText(out + QStringLiteral("/posts/sizes/index.html"));
    const auto img = [&](const QString &alt) {
        static const QRegularExpression tag(QStringLiteral("<img [^>]*>"));
        for (auto it = tag.globalMatch(page); it.hasNext();) {
            const QString text = it.next().captured(0);
            if (text.contains(QStringLiteral("alt=\"%1\"").arg(alt)))
                return text;
        }
        return QString();
    };
    const auto srcsetOf = [&](const Asset &asset, int width, QList<int> copies) {
        QStringList candidates;
        for (int copy : copies)
            candidates.append(QStringLiteral("../../%1 %2w").arg(mediaFile(asset, QStringLiteral(".%1w").arg(copy))).arg(copy));
        candidates.append(QStringLiteral("../../%1 %2w").arg(mediaFile(asset)).arg(width));
        return QStringLiteral("srcset=\"%1\"").arg(candidates.join(QStringLiteral(", ")));
    };
    QCOMPARE(img(QStringLiteral("Big")),
             QStringLiteral("<img src=\"../../%1\" alt=\"Big\" width=\"3000\" height=\"2000\" %2 %3>")
                 .arg(mediaFile(*big), srcsetOf(*big, 3000, {800, 1600}), sizes));
    QVERIFY2(img(QStringLiteral("Photo")).contains(srcsetOf(*photo, 2000, {800, 1600})), qPrintable(img(QStringLiteral("Photo"))));
    // An image that gives its own width keeps it (and gets no height), but still its srcset.
    QCOMPARE(img(QStringLiteral("sized")), QStringLiteral("<img src=\"../../%1\" alt=\"sized\" width=\"300\" %2 %3>")
                                               .arg(mediaFile(*big), srcsetOf(*big, 3000, {800, 1600}), sizes));
    for (const char *alt : {"Middle", "Animated", "Vector", "Unknown"})
        QVERIFY2(!img(QLatin1String(alt)).contains(QStringLiteral("srcset")), qPrintable(img(QLatin1String(alt))));
    QVERIFY(img(QStringLiteral("Middle")).contains(QStringLiteral("width=\"1200\" height=\"800\"")));
    QVERIFY(!img(QStringLiteral("Unknown")).contains(QStringLiteral("width=")));

    // The copies, made by the scaler at the widths the srcset names.
    QVERIFY(readAll(out + u'/' + mediaFile(*big, QStringLiteral(".800w"))).startsWith("scaled image/png 800 "));
    QVERIFY(readAll(out + u'/' + mediaFile(*big, QStringLiteral(".1600w"))).startsWith("scaled image/png 1600 "));
    QVERIFY(readAll(out + u'/' + mediaFile(*photo, QStringLiteral(".800w"))).startsWith("scaled image/jpeg 800 "));
    QCOMPARE(mediaFiles(out).size(), 6 + 4);
    QCOMPARE(readAll(out + u'/' + mediaFile(*animated)), gif);
    QCOMPARE(readAll(out + u'/' + mediaFile(*vector)), svg);

    // Unchanged: not scaled again, nothing written.
    const auto again = build(*library, out, &scaler);
    QCOMPARE(scaler.calls.load(), 4);
    QCOMPARE(again.written, 0);
}

void TestSiteMedia::noScalerNoCopies()
{
    auto library = newLibrary(QStringLiteral("no-scaler"));
    const auto big = library->assets().store(tinyPng("big"), QStringLiteral("big.png"), 3000, 2000);
    QVERIFY(big);
    addPost(*library, QStringLiteral("Big"), QStringLiteral("![Big](/media/big.png)\n"));
    const QString out = m_dir.filePath(QStringLiteral("no-scaler-site"));
    build(*library, out);
    const QString page = readText(out + QStringLiteral("/posts/big/index.html"));
    QVERIFY(page.contains(QStringLiteral("<img src=\"../../%1\" alt=\"Big\" width=\"3000\" height=\"2000\">").arg(mediaFile(*big))));
    QVERIFY(!page.contains(QStringLiteral("srcset")));
    QCOMPARE(mediaFiles(out), QStringList{QFileInfo(mediaFile(*big)).fileName()});

    // A scaler handed in later: the copies come and the page offers them.
    FakeScaler scaler;
    build(*library, out, &scaler);
    QVERIFY(readText(out + QStringLiteral("/posts/big/index.html")).contains(QStringLiteral("srcset")));
    QCOMPARE(mediaFiles(out).size(), 3);
}

void TestSiteMedia::coverOffersItsSrcset()
{
    auto library = newLibrary(QStringLiteral("cover-srcset"));
    const auto cover = library->assets().store(tinyPng("cover"), QStringLiteral("harbour.png"), 2400, 1260);
    QVERIFY(cover);
    Post post = addPost(*library, QStringLiteral("Harbour"), QStringLiteral("Words."));
    post.coverAssetId = cover->id;
    QVERIFY(library->history().save(post, RevisionReason::Save));
    const QString out = m_dir.filePath(QStringLiteral("cover-srcset-site"));
    FakeScaler scaler;
    build(*library, out, &scaler);
    const QString srcset = QStringLiteral("../../%1 800w, ../../%2 1600w, ../../%3 2400w")
                               .arg(mediaFile(*cover, QStringLiteral(".800w")), mediaFile(*cover, QStringLiteral(".1600w")),
                                    mediaFile(*cover));
    const QString page = readText(out + QStringLiteral("/posts/harbour/index.html"));
    QVERIFY2(page.contains(QStringLiteral("<img src=\"../../%1\" alt=\"\" width=\"2400\" height=\"1260\" srcset=\"%2\" sizes=\"%3\">")
                               .arg(mediaFile(*cover), srcset, SiteMedia::sizes())),
             qPrintable(page));
    // The list's thumbnail, from the home page's folder, at the theme's thumbnail width.
    const QString home = readText(out + QStringLiteral("/index.html"));
    QVERIFY2(home.contains(QStringLiteral("srcset=\"%1\" sizes=\"8rem\"").arg(QString(srcset).remove(QStringLiteral("../../")))),
             qPrintable(home));
}

void TestSiteMedia::unreadableImageDoesNotFailTheBuild()
{
    auto library = newLibrary(QStringLiteral("unreadable"));
    const auto broken = library->assets().store(tinyPng().left(16) + "corrupt", QStringLiteral("broken.png"), 3000, 2000);
    QVERIFY(broken);
    addPost(*library, QStringLiteral("Broken"), QStringLiteral("![Broken](/media/broken.png)\n"));
    const QString out = m_dir.filePath(QStringLiteral("unreadable-site"));
    FakeScaler scaler;
    const auto report = build(*library, out, &scaler);
    QVERIFY2(report.notes.join(u'\n').contains(QStringLiteral("/media/broken.png could not be scaled down")),
             qPrintable(report.notes.join(u'\n')));
    // Every srcset candidate is there: the full-size image stands in for the copies.
    QCOMPARE(readAll(out + u'/' + mediaFile(*broken, QStringLiteral(".800w"))), tinyPng().left(16) + "corrupt");
    QVERIFY(readText(out + QStringLiteral("/posts/broken/index.html")).contains(QStringLiteral("srcset")));
    // Tried again next time (and said again), but nothing changes in the folder.
    const auto again = build(*library, out, &scaler);
    QVERIFY(again.notes.join(u'\n').contains(QStringLiteral("could not be scaled down")));
    QCOMPARE(again.written, 0);
}

void TestSiteMedia::hostileNamesGiveWorkingAddresses()
{
    auto library = newLibrary(QStringLiteral("hostile"));
    const QString longName = QStringLiteral("ä very long name ").repeated(20) + QStringLiteral(".png");
    QList<Asset> assets;
    for (const QString &wanted : {QStringLiteral("Ünïcode – figure (draft) 'x' & \"y\" #1?.png"), longName,
                                  QStringLiteral("100% <b>.png")}) {
        const auto asset = library->assets().store(tinyPng(wanted.toUtf8()), wanted, 2400, 1200);
        QVERIFY2(asset, qPrintable(asset ? QString() : asset.errorMessage()));
        assets.append(*asset);
    }
    QString body;
    for (const Asset &asset : std::as_const(assets))
        body += QStringLiteral("![figure](</media/%1>)\n\n").arg(asset.name);
    addPost(*library, QStringLiteral("Hostile"), body);
    const QString out = m_dir.filePath(QStringLiteral("hostile-site"));
    FakeScaler scaler;
    const auto report = build(*library, out, &scaler);
    QVERIFY2(report.problems.isEmpty(), qPrintable(problemsOf(report)));
    const QString page = readText(out + QStringLiteral("/posts/hostile/index.html"));
    // Every src and srcset candidate names a file of the site, from the page's folder.
    static const QRegularExpression urls(QStringLiteral("(?:src=\"([^\"]*)\"|srcset=\"([^\"]*)\")"));
    int found = 0;
    for (auto it = urls.globalMatch(page); it.hasNext();) {
        const auto match = it.next();
        QStringList hrefs{match.captured(1)};
        if (!match.captured(2).isEmpty()) {
            hrefs.clear();
            for (const QString &candidate : match.captured(2).split(QStringLiteral(", ")))
                hrefs.append(candidate.section(u' ', 0, 0));
        }
        for (const QString &href : std::as_const(hrefs)) {
            if (!href.contains(QStringLiteral("media/")))
                continue;
            const QString target = SitePath::fromHref(QStringLiteral("/posts/hostile/"), href);
            QVERIFY2(!href.contains(u' ') && !href.contains(u'"'), qPrintable(href));
            QVERIFY2(QFileInfo::exists(out + target), qPrintable(href));
            ++found;
        }
    }
    QCOMPARE(found, 3 * 4);
}

QTEST_GUILESS_MAIN(TestSiteMedia)
#include "tst_site_media.moc"
