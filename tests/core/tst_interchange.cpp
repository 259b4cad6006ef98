// Import of Hugo and Jekyll folders: layouts, front matter forms, re-import in place, and every
// kind of bad file (skipped or cleaned with a reason, the rest of the library untouched).

#include "interchange/blog_importer.h"
#include "interchange/image_references.h"
#include "interchange/post_file_reader.h"
#include "interchange/post_markdown_writer.h"
#include "interchange/shortcode_converter.h"
#include "markdown/front_matter.h"
#include "setup/library_setup.h"
#include "store/asset_store.h"
#include "store/image_probe.h"
#include "store/library.h"
#include "store/post_history.h"
#include "store/post_rules.h"
#include "store/post_store.h"
#include "store/revision.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace quire;

class TestInterchange : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void jekyllPosts();
    void jekyllDraftsAndScheduled();
    void hugoContentAndBundles();
    void notABlogFolder();
    void reimportUpdatesInPlace();
    void importKeepsTheBlogsDates();
    void badFilesAreSkippedWithReasons();
    void badFilesLeaveTheLibraryAlone();
    void hostileSlugIsCleaned();
    void duplicateSlugInOneImport();
    void symlinkLoopAndOutsideLink();
    void tomlFrontMatter();
    void unsluggableNamesStayStable();
    void tagSpellingDoesNotCountAsChange();
    void dateFormats_data();
    void dateFormats();
    void markdownWriterRoundTrip();
    void generatedCorpus_data();
    void generatedCorpus();

    void imageProbe();
    void imageReferencesSkipFences();
    void jekyllImagesThreeWays();
    void hugoBundleAndStaticImages();
    void sameImageStoredOnceAndReimport();
    void refusedImagesAreReportedAndKept();
    void shortcodesConverted();
    void figureImageIsImported();
    void permalinkGivesTheSlug();
    void importFixesWhatThePostRulesRefuseAndSaysSo();
    void importedTitlesFollowThePostRules();
    void importedSlugsFollowThePostRules();
    void reimportFindsPostsImportedBeforeTheSlugRules();
    void reimportOfAnOldSlugLeavesThePostWithTheNewSlugAlone();
    void plainFolderOfMarkdown();
    void frontMatterImageBecomesCover();
    void progressAndCancel();
    void tenThousandFiles();

private:
    void write(const QString &relative, const QByteArray &content);
    QString blog() const { return m_dir->filePath(QStringLiteral("blog")); }
    ImportReport importBlog();
    static QStringList reasons(const QList<ImportReport::Entry> &entries);
    // Whether a warning names the file and holds every one of words.
    static bool warned(const ImportReport &report, const QString &file, const QStringList &words);
    static QByteArray png(int width, int height, const QByteArray &tail = {});
    QString body(const QString &slug) const;
    int assetCount() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Library> m_library;
};

void TestInterchange::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto library = LibrarySetup::open(m_dir->filePath(QStringLiteral("blog.quire")));
    QVERIFY2(library.ok(), qPrintable(library.ok() ? QString() : library.errorMessage()));
    m_library = std::move(*library);
}

void TestInterchange::cleanup()
{
    m_library.reset();
    m_dir.reset();
}

void TestInterchange::write(const QString &relative, const QByteArray &content)
{
    const QString path = blog() + QLatin1Char('/') + relative;
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
}

ImportReport TestInterchange::importBlog()
{
    BlogImporter importer(*m_library);
    auto report = importer.importFolder(blog());
    if (!report)
        qWarning() << report.errorMessage();
    return report ? *report : ImportReport{};
}

QStringList TestInterchange::reasons(const QList<ImportReport::Entry> &entries)
{
    QStringList list;
    for (const auto &entry : entries)
        list.append(entry.file + QStringLiteral(": ") + entry.reason);
    return list;
}

void TestInterchange::jekyllPosts()
{
    write(QStringLiteral("_posts/2023-04-05-float-sums.md"),
          "---\ntitle: \"Float sums: order matters\"\ntags: [numerics, gpu]\ncategories: research\n"
          "description: Why a sum differs\nlayout: post\nmath: true\n---\nBody with $x$.\n");
    write(QStringLiteral("_posts/2023-05-01-no-front-matter.markdown"), "# A heading title\n\nText.\n");
    write(QStringLiteral("_posts/notes.txt"), "not markdown");
    const ImportReport report = importBlog();
    QCOMPARE(report.imported.size(), 2);
    QVERIFY2(report.skipped.isEmpty(), qPrintable(reasons(report.skipped).join(u'\n')));

    auto post = m_library->posts().bySlug(QStringLiteral("float-sums"));
    QVERIFY(post.ok() && post->has_value());
    const Post &p = **post;
    QCOMPARE(p.title, QStringLiteral("Float sums: order matters"));
    QCOMPARE(p.body, QStringLiteral("Body with $x$.\n"));
    QCOMPARE(p.summary, QStringLiteral("Why a sum differs"));
    QCOMPARE(p.status, PostStatus::Published);
    QCOMPARE(p.publishedAt, QDateTime(QDate(2023, 4, 5), QTime(0, 0), Qt::UTC));
    QCOMPARE(p.tags, (QStringList{QStringLiteral("numerics"), QStringLiteral("gpu"), QStringLiteral("research")}));
    QCOMPARE(p.extra.value(QStringLiteral("layout")).toString(), QStringLiteral("post"));
    QCOMPARE(p.extra.value(QStringLiteral("math")).toBool(), true);
    QCOMPARE(p.extra.value(QStringLiteral("categories")).toString(), QStringLiteral("research"));

    auto untitled = m_library->posts().bySlug(QStringLiteral("no-front-matter"));
    QVERIFY(untitled.ok() && untitled->has_value());
    QCOMPARE((*untitled)->title, QStringLiteral("A heading title"));
    QCOMPARE(report.warnings.size(), 1);   // the title was guessed
}

void TestInterchange::jekyllDraftsAndScheduled()
{
    write(QStringLiteral("_drafts/half-done.md"), "---\ntitle: Half done\n---\nSoon.\n");
    write(QStringLiteral("_posts/2999-01-01-future.md"), "---\ntitle: Future\n---\nLater.\n");
    write(QStringLiteral("_posts/undated.md"), "---\ntitle: Undated\n---\nNo date in the name.\n");
    const ImportReport report = importBlog();
    QCOMPARE(report.imported.size(), 2);
    QCOMPARE(report.skipped.size(), 1);
    QVERIFY(report.skipped.first().reason.contains(QStringLiteral("YYYY-MM-DD")));
    QCOMPARE((*m_library->posts().bySlug(QStringLiteral("half-done")))->status, PostStatus::Draft);
    QCOMPARE((*m_library->posts().bySlug(QStringLiteral("future")))->status, PostStatus::Scheduled);
}

void TestInterchange::hugoContentAndBundles()
{
    write(QStringLiteral("content/_index.md"), "---\ntitle: Home\n---\n");
    write(QStringLiteral("content/posts/plain-post.md"),
          "---\ntitle: Plain\ndate: 2022-01-02T03:04:05+02:00\ndraft: true\ntags:\n  - a\n  - b\nsummary: S\n---\nP\n");
    write(QStringLiteral("content/posts/bundle-post/index.md"), "---\ntitle: Bundle\ndate: 2022-02-02\n---\nB\n");
    write(QStringLiteral("content/posts/bundle-post/figure.png"), "\x89PNG");
    const ImportReport report = importBlog();
    QCOMPARE(report.imported.size(), 2);
    QCOMPARE(report.skipped.size(), 1);   // _index.md
    QVERIFY(report.skipped.first().reason.contains(QStringLiteral("_index.md")));

    const Post plain = **m_library->posts().bySlug(QStringLiteral("plain-post"));
    QCOMPARE(plain.status, PostStatus::Draft);
    QCOMPARE(plain.publishedAt, QDateTime(QDate(2022, 1, 2), QTime(1, 4, 5), Qt::UTC));
    QCOMPARE(plain.tags, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(plain.summary, QStringLiteral("S"));
    const auto bundle = m_library->posts().bySlug(QStringLiteral("bundle-post"));
    QVERIFY(bundle.ok() && bundle->has_value());
    QCOMPARE((*bundle)->title, QStringLiteral("Bundle"));
}

void TestInterchange::notABlogFolder()
{
    QVERIFY(QDir().mkpath(blog()));
    BlogImporter importer(*m_library);
    auto report = importer.importFolder(blog());
    QVERIFY(!report.ok());
    QVERIFY(report.errorMessage().contains(QStringLiteral("neither a Hugo site")));
    auto missing = importer.importFolder(m_dir->filePath(QStringLiteral("nowhere")));
    QVERIFY(!missing.ok());
    QVERIFY(missing.errorMessage().contains(QStringLiteral("does not exist")));
}

void TestInterchange::reimportUpdatesInPlace()
{
    write(QStringLiteral("_posts/2023-01-01-one.md"), "---\ntitle: One\n---\nFirst.\n");
    write(QStringLiteral("_posts/2023-01-02-two.md"), "---\ntitle: Two\n---\nSecond.\n");
    QCOMPARE(importBlog().imported.size(), 2);

    ImportReport again = importBlog();
    QCOMPARE(again.imported.size(), 0);
    QCOMPARE(again.unchanged.size(), 2);
    QCOMPARE(int(m_library->posts().list()->size()), 2);

    write(QStringLiteral("_posts/2023-01-02-two.md"), "---\ntitle: Two, revised\n---\nSecond, longer.\n");
    const qint64 id = (*m_library->posts().bySlug(QStringLiteral("two")))->id;
    ImportReport third = importBlog();
    QCOMPARE(third.updated.size(), 1);
    QCOMPARE(third.unchanged.size(), 1);
    QCOMPARE(int(m_library->posts().list()->size()), 2);
    const Post two = **m_library->posts().bySlug(QStringLiteral("two"));
    QCOMPARE(two.id, id);
    QCOMPARE(two.title, QStringLiteral("Two, revised"));
    QCOMPARE(two.body, QStringLiteral("Second, longer.\n"));
    const auto revisions = m_library->history().revisions(id);
    QCOMPARE(revisions->size(), 2);   // the first import and the update, both reason Import
    QCOMPARE(revisions->first().reason, RevisionReason::Import);
}

void TestInterchange::importKeepsTheBlogsDates()
{
    write(QStringLiteral("content/posts/plain.md"), "---\ntitle: Plain\ndate: 2021-03-04T05:06:07Z\n---\nText.\n");
    write(QStringLiteral("content/posts/edited.md"),
          "---\ntitle: Edited\ndate: 2021-03-04T05:06:07Z\nlastmod: 2022-01-02T03:04:05Z\n---\nText.\n");
    QCOMPARE(importBlog().imported.size(), 2);
    const Post plain = **m_library->posts().bySlug(QStringLiteral("plain"));
    // Importing is not an edit: the post was last changed when the blog says.
    QCOMPARE(plain.updatedAt, QDateTime(QDate(2021, 3, 4), QTime(5, 6, 7), Qt::UTC));
    const Post edited = **m_library->posts().bySlug(QStringLiteral("edited"));
    QCOMPARE(edited.updatedAt, QDateTime(QDate(2022, 1, 2), QTime(3, 4, 5), Qt::UTC));
    QCOMPARE(edited.extra.value(QStringLiteral("lastmod")).toString(), QStringLiteral("2022-01-02T03:04:05Z"));

    // A file changed without a lastmod of its own: changed at the time of the import.
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    write(QStringLiteral("content/posts/plain.md"), "---\ntitle: Plain\ndate: 2021-03-04T05:06:07Z\n---\nText, revised.\n");
    QCOMPARE(importBlog().updated.size(), 1);
    QVERIFY((**m_library->posts().bySlug(QStringLiteral("plain"))).updatedAt >= before);
}

void TestInterchange::badFilesAreSkippedWithReasons()
{
    write(QStringLiteral("_posts/2023-01-01-good.md"), "---\ntitle: Good\n---\nFine.\n");
    write(QStringLiteral("_posts/2023-01-02-malformed.md"), "---\ntitle: [unclosed\ntags: : :\n---\nBody\n");
    write(QStringLiteral("_posts/2023-01-03-latin1.md"), "---\ntitle: Caf\xe9\n---\nna\xef" "ve\n");
    write(QStringLiteral("_posts/2023-01-04-empty.md"), "");
    write(QStringLiteral("_posts/2023-01-05-nul.md"), QByteArray("---\ntitle: Nul\n---\nA") + QByteArray(1, '\0') + QByteArray("B\n"));
    write(QStringLiteral("_posts/2023-01-06-huge.md"), "---\ntitle: Huge\n---\n" + QByteArray(20 * 1024 * 1024, 'a'));
    write(QStringLiteral("_posts/2023-01-07-unterminated.md"), "---\ntitle: Never closed\n\nBody\n");
    write(QStringLiteral("_posts/2023-01-08-list.md"), "---\n- just\n- a list\n---\nBody\n");

    const ImportReport report = importBlog();
    QCOMPARE(report.imported.size(), 1);
    QCOMPARE(report.skipped.size(), 7);
    const QStringList why = reasons(report.skipped);
    auto has = [&why](const char *file, const char *words) {
        for (const QString &line : why) {
            if (line.contains(QLatin1String(file)) && line.contains(QLatin1String(words), Qt::CaseInsensitive))
                return true;
        }
        qWarning() << why;
        return false;
    };
    QVERIFY(has("malformed", "line"));
    QVERIFY(has("latin1", "UTF-8"));
    QVERIFY(has("empty", "empty"));
    QVERIFY(has("nul", "NUL"));
    QVERIFY(has("huge", "MiB"));
    QVERIFY(has("unterminated", "front matter"));
    QVERIFY(has("list", "front matter"));
    QCOMPARE(int(m_library->posts().list()->size()), 1);
}

void TestInterchange::badFilesLeaveTheLibraryAlone()
{
    write(QStringLiteral("_posts/2023-01-01-good.md"), "---\ntitle: Good\n---\nFine.\n");
    QCOMPARE(importBlog().imported.size(), 1);
    const Post before = **m_library->posts().bySlug(QStringLiteral("good"));

    // The same post, now broken on disk: the library keeps the good version.
    write(QStringLiteral("_posts/2023-01-01-good.md"), "---\ntitle: [broken\n---\nGone?\n");
    const ImportReport report = importBlog();
    QCOMPARE(report.skipped.size(), 1);
    const Post after = **m_library->posts().bySlug(QStringLiteral("good"));
    QCOMPARE(after.body, before.body);
    QCOMPARE(after.title, before.title);
    QCOMPARE(after.updatedAt, before.updatedAt);
    QCOMPARE(m_library->history().revisions(after.id)->size(), 1);
}

void TestInterchange::hostileSlugIsCleaned()
{
    write(QStringLiteral("_posts/2023-01-01-x.md"), "---\ntitle: Escape\nslug: ../../etc\n---\nBody\n");
    write(QStringLiteral("_posts/2023-01-02-y.md"), "---\ntitle: Slashes\nslug: \"a/b\\\\c\\u0007d\"\n---\nBody\n");
    const ImportReport report = importBlog();
    QCOMPARE(report.imported.size(), 2);
    QVERIFY(m_library->posts().bySlug(QStringLiteral("etc"))->has_value());
    QCOMPARE(report.warnings.size(), 2);
    QVERIFY(report.warnings.first().reason.contains(QStringLiteral("../../etc")));
    for (const PostSummary &post : *m_library->posts().list()) {
        QVERIFY(!post.slug.contains(u'/'));
        QVERIFY(!post.slug.contains(u'\\'));
        QVERIFY(!post.slug.contains(QStringLiteral("..")));
    }
}

void TestInterchange::duplicateSlugInOneImport()
{
    write(QStringLiteral("_posts/2023-01-01-a.md"), "---\ntitle: A\nslug: same\n---\nA\n");
    write(QStringLiteral("_posts/2023-01-02-b.md"), "---\ntitle: B\nslug: same\n---\nB\n");
    const ImportReport report = importBlog();
    QCOMPARE(report.imported.size(), 1);
    QCOMPARE(report.skipped.size(), 1);
    QVERIFY(report.skipped.first().reason.contains(QStringLiteral("same slug")));
    // Stable on re-import: the same file wins, nothing is duplicated.
    const ImportReport again = importBlog();
    QCOMPARE(again.unchanged.size(), 1);
    QCOMPARE(int(m_library->posts().list()->size()), 1);
    QCOMPARE((*m_library->posts().bySlug(QStringLiteral("same")))->title, QStringLiteral("A"));
}

void TestInterchange::symlinkLoopAndOutsideLink()
{
    write(QStringLiteral("content/posts/real.md"), "---\ntitle: Real\n---\nR\n");
    QFile outside(m_dir->filePath(QStringLiteral("secret.md")));
    QVERIFY(outside.open(QIODevice::WriteOnly));
    outside.write("---\ntitle: Secret\n---\nS\n");
    outside.close();
    QVERIFY(QFile::link(blog() + QStringLiteral("/content"), blog() + QStringLiteral("/content/posts/loop")));
    QVERIFY(QFile::link(outside.fileName(), blog() + QStringLiteral("/content/posts/secret.md")));
    const ImportReport report = importBlog();
    QCOMPARE(report.imported.size(), 1);
    QCOMPARE(report.skipped.size(), 1);
    QVERIFY(report.skipped.first().reason.contains(QStringLiteral("outside")));
}

void TestInterchange::tomlFrontMatter()
{
    write(QStringLiteral("content/posts/toml.md"),
          "+++\ntitle = \"TOML post\"\ndate = 2024-03-05T10:00:00+02:00\ndraft = false\n"
          "tags = [\"gpu\", \"numerics\"]\ncategories = [\"notes\"]\naliases = [\"/old/toml/\"]\n"
          "description = \"Short.\"\nweight = 3\n\n[params]\nmood = \"calm\"\n+++\nBody of *TOML*.\n");
    write(QStringLiteral("content/posts/broken.md"), "+++\ntitle = \"Broken\"\ndate = = 3\n+++\nBody\n");
    write(QStringLiteral("content/posts/open.md"), "+++\ntitle = \"Open\"\nBody\n");
    const ImportReport report = importBlog();
    QCOMPARE(report.imported.size(), 1);
    const QStringList skipped = reasons(report.skipped);
    QCOMPARE(skipped.size(), 2);
    QVERIFY2(skipped.first().startsWith(QStringLiteral("content/posts/broken.md: malformed TOML front matter (line 3:")),
             qPrintable(skipped.join(QLatin1Char('\n'))));
    QVERIFY2(skipped.last().contains(QStringLiteral("never closed")), qPrintable(skipped.last()));

    const Post post = **m_library->posts().bySlug(QStringLiteral("toml"));
    QCOMPARE(post.title, QStringLiteral("TOML post"));
    QCOMPARE(post.body, QStringLiteral("Body of *TOML*.\n"));
    QCOMPARE(post.publishedAt, QDateTime(QDate(2024, 3, 5), QTime(8, 0), Qt::UTC));
    QCOMPARE(post.status, PostStatus::Published);
    QCOMPARE(post.tags, (QStringList{QStringLiteral("gpu"), QStringLiteral("numerics"), QStringLiteral("notes")}));
    QCOMPARE(post.summary, QStringLiteral("Short."));
    QCOMPARE(post.extra.value(QStringLiteral("aliases")).toArray().first().toString(), QStringLiteral("/old/toml/"));
    QCOMPARE(post.extra.value(QStringLiteral("categories")).toArray().size(), 1);
    QCOMPARE(post.extra.value(QStringLiteral("weight")).toInt(), 3);
    QCOMPARE(post.extra.value(QStringLiteral("params")).toObject().value(QStringLiteral("mood")).toString(), QStringLiteral("calm"));
}

void TestInterchange::unsluggableNamesStayStable()
{
    write(QStringLiteral("_posts/2024-01-01-") + QString::fromUtf8("\xf0\x9f\x8e\x89") + QStringLiteral(".md"), "---\ntitle: \"\xf0\x9f\x8e\x89\"\n---\nParty\n");
    const ImportReport first = importBlog();
    QCOMPARE(first.imported.size(), 1);
    QVERIFY(first.imported.first().slug.startsWith(QStringLiteral("post-")));
    const ImportReport again = importBlog();
    QCOMPARE(again.unchanged.size(), 1);
    QCOMPARE(int(m_library->posts().list()->size()), 1);
}

void TestInterchange::tagSpellingDoesNotCountAsChange()
{
    write(QStringLiteral("_posts/2023-01-01-a.md"), "---\ntitle: A\ntags: [GPU]\n---\nA\n");
    write(QStringLiteral("_posts/2023-01-02-b.md"), "---\ntitle: B\ntags: [gpu]\n---\nB\n");
    QCOMPARE(importBlog().imported.size(), 2);
    const ImportReport again = importBlog();
    QCOMPARE(again.unchanged.size(), 2);
    QCOMPARE(again.updated.size(), 0);
    // Imported posts keep the date they were written as their creation date.
    QCOMPARE((*m_library->posts().bySlug(QStringLiteral("a")))->createdAt,
             QDateTime(QDate(2023, 1, 1), QTime(0, 0), Qt::UTC));
}

void TestInterchange::dateFormats_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime base(QDate(2024, 3, 5), QTime(10, 0), Qt::UTC);
    QTest::newRow("date") << QStringLiteral("2024-03-05") << QDateTime(QDate(2024, 3, 5), QTime(0, 0), Qt::UTC);
    QTest::newRow("iso-z") << QStringLiteral("2024-03-05T10:00:00Z") << base;
    QTest::newRow("iso-offset") << QStringLiteral("2024-03-05T12:00:00+02:00") << base;
    QTest::newRow("jekyll") << QStringLiteral("2024-03-05 12:00:00 +0200") << base;
    QTest::newRow("jekyll-short") << QStringLiteral("2024-03-05 10:00") << base;
    QTest::newRow("garbage") << QStringLiteral("last tuesday") << QDateTime();
    QTest::newRow("bad-month") << QStringLiteral("2024-13-05") << QDateTime();
}

void TestInterchange::dateFormats()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    QCOMPARE(PostFileReader::parseDate(text), expected);
}

void TestInterchange::markdownWriterRoundTrip()
{
    Post post;
    post.title = QStringLiteral("Quotes \"and\": colons");
    post.slug = QStringLiteral("quotes");
    post.body = QStringLiteral("# Body\n\nText.\n");
    post.status = PostStatus::Draft;
    post.publishedAt = QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), Qt::UTC);
    post.tags = {QStringLiteral("a b"), QStringLiteral("c")};
    post.summary = QStringLiteral("Line one\nline two");
    post.extra.insert(QStringLiteral("layout"), QStringLiteral("post"));
    post.extra.insert(QStringLiteral("weight"), 3);
    const QString text = PostMarkdownWriter::toMarkdown(post);
    auto parsed = FrontMatter::parse(text);
    QVERIFY2(parsed.ok(), qPrintable(text));
    QCOMPARE(parsed->body, post.body);
    QCOMPARE(parsed->fields.value(QStringLiteral("title")).toString(), post.title);
    QCOMPARE(parsed->fields.value(QStringLiteral("draft")).toBool(), true);
    QCOMPARE(parsed->fields.value(QStringLiteral("summary")).toString(), post.summary);
    QCOMPARE(parsed->fields.value(QStringLiteral("tags")).toArray().size(), 2);
    QCOMPARE(parsed->fields.value(QStringLiteral("weight")).toInt(), 3);
    QCOMPARE(PostFileReader::parseDate(parsed->fields.value(QStringLiteral("date")).toString()), post.publishedAt);
}

void TestInterchange::generatedCorpus_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("hugo") << QStringLiteral("hugo");
    QTest::newRow("jekyll") << QStringLiteral("jekyll");
}

void TestInterchange::generatedCorpus()
{
    QFETCH(QString, format);
    const QString generator = QStringLiteral(QUIRE_SHARED_DIR "/bench/gen_corpus.py");
    if (!QFile::exists(generator))
        QSKIP("The corpus generator is not in " QUIRE_SHARED_DIR "/bench");
    QProcess python;
    python.start(QStringLiteral("python3"), {generator, QStringLiteral("--n"), QStringLiteral("60"),
                                             QStringLiteral("--out"), blog(), QStringLiteral("--format"), format});
    QVERIFY(python.waitForFinished(120000));
    QCOMPARE(python.exitCode(), 0);

    const ImportReport report = importBlog();
    QVERIFY2(report.skipped.isEmpty(), qPrintable(reasons(report.skipped).join(u'\n')));
    QCOMPARE(report.imported.size(), 60);
    QCOMPARE(int(m_library->posts().list()->size()), 60);
    const ImportReport again = importBlog();
    QCOMPARE(again.unchanged.size(), 60);
    QCOMPARE(int(m_library->posts().list()->size()), 60);
}

QByteArray TestInterchange::png(int width, int height, const QByteArray &tail)
{
    QByteArray data("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
    for (int value : {width, height}) {
        for (int shift = 24; shift >= 0; shift -= 8)
            data.append(char((value >> shift) & 0xff));
    }
    return data + QByteArray("\x08\x06\0\0\0", 5) + tail;
}

QString TestInterchange::body(const QString &slug) const
{
    const auto post = m_library->posts().bySlug(slug);
    return post.ok() && post->has_value() ? (*post)->body : QStringLiteral("<no post %1>").arg(slug);
}

int TestInterchange::assetCount() const
{
    const auto assets = m_library->assets().list();
    return assets.ok() ? int(assets->size()) : -1;
}

void TestInterchange::imageProbe()
{
    const ImageInfo p = ImageProbe::probe(png(640, 480));
    QCOMPARE(p.mimeType, QStringLiteral("image/png"));
    QCOMPARE(p.width, 640);
    QCOMPARE(p.height, 480);

    const ImageInfo g = ImageProbe::probe(QByteArray("GIF89a\x20\x03\x58\x02\0\0", 12));
    QCOMPARE(g.mimeType, QStringLiteral("image/gif"));
    QCOMPARE(g.width, 800);
    QCOMPARE(g.height, 600);

    // SOI, an APP0 segment of 16 bytes, then SOF0 with height 300 and width 400.
    QByteArray jpeg("\xff\xd8\xff\xe0\x00\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 20);
    jpeg += QByteArray("\xff\xc0\x00\x11\x08\x01\x2c\x01\x90\x03", 10) + QByteArray(16, '\0');
    const ImageInfo j = ImageProbe::probe(jpeg);
    QCOMPARE(j.mimeType, QStringLiteral("image/jpeg"));
    QCOMPARE(j.width, 400);
    QCOMPARE(j.height, 300);

    QByteArray webp("RIFF\0\0\0\0WEBPVP8X\x0a\0\0\0\0\0\0\0", 24);
    webp += QByteArray("\x1f\x03\x00\xef\x01\x00", 6);   // 799 + 1 by 495 + 1
    const ImageInfo w = ImageProbe::probe(webp);
    QCOMPARE(w.mimeType, QStringLiteral("image/webp"));
    QCOMPARE(w.width, 800);
    QCOMPARE(w.height, 496);

    QCOMPARE(ImageProbe::probe("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>").mimeType,
             QStringLiteral("image/svg+xml"));
    QCOMPARE(ImageProbe::probe(QByteArray("\0\0\0\x1c" "ftypavif", 12)).mimeType, QStringLiteral("image/avif"));
    QVERIFY(!ImageProbe::probe("just text, <svg> later").isImage());
    QVERIFY(!ImageProbe::probe({}).isImage());
}

void TestInterchange::imageReferencesSkipFences()
{
    const QString body = QStringLiteral(
        "![a](one.png \"Title\") and <img alt=x src='two.png'>\n"
        "```markdown\n![not](three.png)\n```\n"
        "![ref][r] ![Other]\n\n[r]: <four.png>\n[other]: {{ site.baseurl }}/five.png\n[link]: six.png\n"
        "[text](seven.png)\n");
    const auto references = ImageReferences::find(body);
    QStringList urls;
    for (const auto &reference : references)
        urls.append(reference.url);
    QCOMPARE(urls, (QStringList{QStringLiteral("one.png"), QStringLiteral("two.png"), QStringLiteral("four.png"),
                                QStringLiteral("{{ site.baseurl }}/five.png")}));
    const QString rewritten = ImageReferences::rewrite(body, references,
        {QStringLiteral("/media/1.png"), QString(), QStringLiteral("/media/4.png"), QStringLiteral("/media/5.png")});
    QVERIFY(rewritten.startsWith(QStringLiteral("![a](/media/1.png \"Title\") and <img alt=x src='two.png'>")));
    QVERIFY(rewritten.contains(QStringLiteral("![not](three.png)")));
    QVERIFY(rewritten.contains(QStringLiteral("[r]: </media/4.png>\n[other]: /media/5.png\n[link]: six.png")));
}

void TestInterchange::jekyllImagesThreeWays()
{
    write(QStringLiteral("assets/relative.png"), png(10, 20, "r"));
    write(QStringLiteral("assets/absolute.png"), png(30, 40, "a"));
    write(QStringLiteral("assets/baseurl.png"), png(50, 60, "b"));
    write(QStringLiteral("assets/filter.png"), png(70, 80, "f"));
    write(QStringLiteral("assets/html.png"), png(1, 1, "h"));
    write(QStringLiteral("_posts/2023-01-01-pictures.md"),
          "---\ntitle: Pictures\n---\n"
          "![rel](../assets/relative.png)\n"
          "![abs](/assets/absolute.png \"A title\")\n"
          "![base]({{ site.baseurl }}/assets/baseurl.png)\n"
          "![filter]({{ \"/assets/filter.png\" | relative_url }})\n"
          "<img src=\"/assets/html.png\" alt=\"h\">\n"
          "![remote](https://example.com/x.png) ![inline](data:image/png;base64,AAAA)\n");
    const ImportReport report = importBlog();
    QCOMPARE(report.imported.size(), 1);
    QVERIFY2(report.warnings.isEmpty(), qPrintable(reasons(report.warnings).join(QLatin1Char('\n'))));
    QCOMPARE(body(QStringLiteral("pictures")),
             QStringLiteral("![rel](/media/relative.png)\n"
                            "![abs](/media/absolute.png \"A title\")\n"
                            "![base](/media/baseurl.png)\n"
                            "![filter](/media/filter.png)\n"
                            "<img src=\"/media/html.png\" alt=\"h\">\n"
                            "![remote](https://example.com/x.png) ![inline](data:image/png;base64,AAAA)\n"));
    QCOMPARE(assetCount(), 5);
    const auto asset = m_library->assets().byName(QStringLiteral("absolute.png"));
    QVERIFY(asset.ok() && asset->has_value());
    QCOMPARE((*asset)->width, 30);
    QCOMPARE((*asset)->height, 40);
    QCOMPARE((*asset)->mimeType, QStringLiteral("image/png"));
}

void TestInterchange::hugoBundleAndStaticImages()
{
    write(QStringLiteral("content/posts/trip/index.md"),
          "---\ntitle: Trip\n---\n![photo](photo.png)\n\n![map][m]\n\n[m]: /images/map.png\n");
    write(QStringLiteral("content/posts/trip/photo.png"), png(2, 2, "photo"));
    write(QStringLiteral("static/images/map.png"), png(3, 3, "map"));
    const ImportReport report = importBlog();
    QCOMPARE(report.imported.size(), 1);
    QVERIFY2(report.warnings.isEmpty(), qPrintable(reasons(report.warnings).join(QLatin1Char('\n'))));
    QCOMPARE(body(QStringLiteral("trip")),
             QStringLiteral("![photo](/media/photo.png)\n\n![map][m]\n\n[m]: /media/map.png\n"));
    QCOMPARE(assetCount(), 2);
}

void TestInterchange::sameImageStoredOnceAndReimport()
{
    write(QStringLiteral("images/shared.png"), png(4, 4, "shared"));
    write(QStringLiteral("images/copy-of-shared.png"), png(4, 4, "shared"));
    write(QStringLiteral("_posts/2023-01-01-one.md"), "---\ntitle: One\n---\n![x](/images/shared.png)\n");
    write(QStringLiteral("_posts/2023-01-02-two.md"), "---\ntitle: Two\n---\n![y](/images/copy-of-shared.png)\n");
    QCOMPARE(importBlog().imported.size(), 2);
    QCOMPARE(assetCount(), 1);
    QCOMPARE(body(QStringLiteral("one")), QStringLiteral("![x](/media/shared.png)\n"));
    QCOMPARE(body(QStringLiteral("two")), QStringLiteral("![y](/media/shared.png)\n"));

    const ImportReport again = importBlog();
    QCOMPARE(again.unchanged.size(), 2);
    QCOMPARE(again.updated.size(), 0);
    QCOMPARE(assetCount(), 1);
}

void TestInterchange::refusedImagesAreReportedAndKept()
{
    QFile outside(m_dir->filePath(QStringLiteral("outside.png")));
    QVERIFY(outside.open(QIODevice::WriteOnly));
    outside.write(png(5, 5, "outside"));
    outside.close();
    write(QStringLiteral("assets/evil.svg"),
          "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
    write(QStringLiteral("assets/notes.png"), "this is text, not a picture\n");
    write(QStringLiteral("assets/good.png"), png(6, 6, "good"));
    QVERIFY(QFile::link(outside.fileName(), blog() + QStringLiteral("/assets/link.png")));
    const QByteArray text =
        "![missing](/assets/missing.png)\n"
        "![escape](../../outside.png)\n"
        "![link](/assets/link.png)\n"
        "![svg](/assets/evil.svg)\n"
        "![text](/assets/notes.png)\n"
        "![good](/assets/good.png)\n";
    write(QStringLiteral("_posts/2023-01-01-refused.md"), "---\ntitle: Refused\n---\n" + text);
    const ImportReport report = importBlog();
    QCOMPARE(report.imported.size(), 1);
    const QStringList warnings = reasons(report.warnings);
    QCOMPARE(warnings.size(), 5);
    auto warned = [&warnings](const QString &image, const QString &why) {
        for (const QString &warning : warnings) {
            if (warning.startsWith(QStringLiteral("_posts/2023-01-01-refused.md: image \"%1\"").arg(image))
                && warning.contains(why))
                return true;
        }
        qWarning() << image << why << warnings;
        return false;
    };
    QVERIFY(warned(QStringLiteral("/assets/missing.png"), QStringLiteral("no such file")));
    QVERIFY(warned(QStringLiteral("../../outside.png"), QStringLiteral("outside the blog folder")));
    QVERIFY(warned(QStringLiteral("/assets/link.png"), QStringLiteral("outside the blog folder")));
    QVERIFY(warned(QStringLiteral("/assets/evil.svg"), QStringLiteral("script")));
    QVERIFY(warned(QStringLiteral("/assets/notes.png"), QStringLiteral("not an image")));
    QString expected = QString::fromUtf8(text);
    expected.replace(QStringLiteral("/assets/good.png"), QStringLiteral("/media/good.png"));
    QCOMPARE(body(QStringLiteral("refused")), expected);
    QCOMPARE(assetCount(), 1);
}

void TestInterchange::shortcodesConverted()
{
    const ShortcodeConverter::Converted converted = ShortcodeConverter::convert(QStringLiteral(
        "Intro\n"
        "{% highlight cpp linenos %}\nint main() { return 0; }\n{% endhighlight %}\n"
        "{{< figure src=\"cat.png\" alt=\"A cat\" caption=\"Our cat\" >}}\n"
        "{{% figure src='dog.png' title=\"Dog\" %}}\n"
        "{% raw %}{{ not.liquid }} {% include x.html %}{% endraw %}\n"
        "```\n{% highlight py %}\nkept\n{% endhighlight %}\n{{< youtube abc >}}\n```\n"
        "{% include footer.html %} {{< youtube id=\"xyz\" >}} {% include footer.html %}\n"));
    QCOMPARE(converted.body, QStringLiteral(
        "Intro\n"
        "```cpp\nint main() { return 0; }\n```\n"
        "![A cat](cat.png)\n\n*Our cat*\n"
        "![Dog](dog.png)\n"
        "{{ not.liquid }} {% include x.html %}\n"
        "```\n{% highlight py %}\nkept\n{% endhighlight %}\n{{< youtube abc >}}\n```\n"
        "{% include footer.html %} {{< youtube id=\"xyz\" >}} {% include footer.html %}\n"));
    QCOMPARE(converted.warnings, (QStringList{
        QStringLiteral("Liquid tag \"include\" is not supported; left as written"),
        QStringLiteral("Hugo shortcode \"youtube\" is not supported; left as written")}));

    // Code holding backticks gets a longer fence.
    QCOMPARE(ShortcodeConverter::convert(QStringLiteral("{% highlight md %}\n```\nx\n```\n{% endhighlight %}")).body,
             QStringLiteral("````md\n```\nx\n```\n````"));
}

void TestInterchange::figureImageIsImported()
{
    write(QStringLiteral("content/posts/pets/index.md"),
          "---\ntitle: Pets\n---\n{{< figure src=\"cat.png\" alt=\"Cat\" caption=\"Purr\" >}}\n{{< gist x 1 >}}\n");
    write(QStringLiteral("content/posts/pets/cat.png"), png(7, 7, "cat"));
    const ImportReport report = importBlog();
    QCOMPARE(report.imported.size(), 1);
    QCOMPARE(reasons(report.warnings),
             QStringList{QStringLiteral("content/posts/pets/index.md: Hugo shortcode \"gist\" is not supported; left as written")});
    QCOMPARE(body(QStringLiteral("pets")), QStringLiteral("![Cat](/media/cat.png)\n\n*Purr*\n{{< gist x 1 >}}\n"));
    QCOMPARE(assetCount(), 1);
}

void TestInterchange::permalinkGivesTheSlug()
{
    write(QStringLiteral("_posts/2023-01-01-file-name.md"), "---\ntitle: P\npermalink: /blog/wanted-name.html\n---\nP\n");
    write(QStringLiteral("_posts/2023-01-02-pattern.md"), "---\ntitle: Q\npermalink: /:year/:title/\n---\nQ\n");
    QCOMPARE(importBlog().imported.size(), 2);
    const auto wanted = m_library->posts().bySlug(QStringLiteral("wanted-name"));
    QVERIFY(wanted.ok() && wanted->has_value());
    QCOMPARE((*wanted)->extra.value(QStringLiteral("permalink")).toString(), QStringLiteral("/blog/wanted-name.html"));
    const auto pattern = m_library->posts().bySlug(QStringLiteral("pattern"));
    QVERIFY(pattern.ok() && pattern->has_value());
}

bool TestInterchange::warned(const ImportReport &report, const QString &file, const QStringList &words)
{
    for (const ImportReport::Entry &entry : report.warnings) {
        if (entry.file == file && std::all_of(words.cbegin(), words.cend(), [&entry](const QString &word) {
                return entry.reason.contains(word);
            }))
            return true;
    }
    qWarning() << "no warning for" << file << "with" << words << "in" << reasons(report.warnings);
    return false;
}

void TestInterchange::importFixesWhatThePostRulesRefuseAndSaysSo()
{
    const QByteArray longTag(300, 'x');
    const QByteArray longSummary = QByteArray("words ").repeated(300);
    const QByteArray longKind(150, 'k');
    write(QStringLiteral("_posts/2023-01-01-messy.md"),
          "---\ntitle: Messy\ntags:\n  - " + longTag + "\n  - \"bell\\astop\"\n  - \"\\u200B\"\n  - GPU\n  - gpu\n"
          "  - \"  numerical   debugging \"\nsummary: " + longSummary + "\nkind: " + longKind + "\n---\nBody\n");
    write(QStringLiteral("_posts/2023-01-02-controls.md"),
          "---\ntitle: Controls\nsummary: \"one\\atwo\\nthree\"\nkind: \"note\\twrite-up\"\n---\nBody\n");
    const ImportReport report = importBlog();
    QCOMPARE(report.imported.size(), 2);

    // Kept, with the value fixed in a stated way and a warning naming the file.
    const Post messy = **m_library->posts().bySlug(QStringLiteral("messy"));
    const QString messyFile = QStringLiteral("_posts/2023-01-01-messy.md");
    QCOMPARE(messy.tags, (QStringList{QString(PostRules::MaxTagLength, u'x'), QStringLiteral("bellstop"),
                                      QStringLiteral("GPU"), QStringLiteral("numerical debugging")}));
    QVERIFY(warned(report, messyFile, {QStringLiteral("tag"), QStringLiteral("cut to 100 characters")}));
    QVERIFY(warned(report, messyFile, {QStringLiteral("control characters removed from the tag \"bellstop\"")}));
    QVERIFY(warned(report, messyFile, {QStringLiteral("nothing but control characters dropped")}));
    QVERIFY(messy.summary.size() <= PostRules::MaxSummaryLength);
    QVERIFY(messy.summary.endsWith(QStringLiteral("words")));   // cut between words
    QVERIFY(warned(report, messyFile, {QStringLiteral("summary cut to %1 characters; it had 1799").arg(messy.summary.size())}));
    QCOMPARE(messy.kind, QString(PostRules::MaxKindLength, u'k'));
    QVERIFY(warned(report, messyFile, {QStringLiteral("kind"), QStringLiteral("cut to 100 characters")}));
    // Repeats and white space are tidied as the metadata panel tidies them: without a word.
    QCOMPARE(reasons(report.warnings).filter(messyFile).size(), 5);

    const Post controls = **m_library->posts().bySlug(QStringLiteral("controls"));
    QCOMPARE(controls.summary, QStringLiteral("onetwo\nthree"));   // line breaks are allowed
    QCOMPARE(controls.kind, QStringLiteral("note write-up"));     // a tab keeps the words apart
    QVERIFY(warned(report, QStringLiteral("_posts/2023-01-02-controls.md"), {QStringLiteral("from the summary")}));
    QVERIFY(warned(report, QStringLiteral("_posts/2023-01-02-controls.md"), {QStringLiteral("from the kind \"note write-up\"")}));
    for (const Post &post : {messy, controls}) {
        QCOMPARE(PostRules::tags(post.tags).problem, QString());
        QCOMPARE(PostRules::summaryProblem(post.summary), QString());
        QCOMPARE(PostRules::kindProblem(post.kind), QString());
    }

    // The fixes are the same each time: importing again changes nothing, and says so again.
    const ImportReport again = importBlog();
    QCOMPARE(again.unchanged.size(), 2);
    QCOMPARE(again.warnings.size(), report.warnings.size());
}

void TestInterchange::importedTitlesFollowThePostRules()
{
    write(QStringLiteral("_posts/2023-01-01-spoof.md"), "---\ntitle: \"invoice\\u202Efdp.exe\\a\"\n---\nBody\n");
    write(QStringLiteral("_posts/2023-01-02-long.md"),
          "---\ntitle: " + QByteArray("long title ").repeated(150) + "\n---\nBody\n");
    write(QStringLiteral("_posts/2023-01-03-invisible.md"), "---\ntitle: \"\\a\\u200B\"\n---\n# From the heading\n\nBody\n");
    write(QStringLiteral("_posts/2023-01-04-lines.md"), "---\ntitle: |-\n  Two\n  lines\n---\nBody\n");
    const ImportReport report = importBlog();
    QCOMPARE(report.imported.size(), 4);

    QCOMPARE((**m_library->posts().bySlug(QStringLiteral("spoof"))).title, QStringLiteral("invoicefdp.exe"));
    QVERIFY(warned(report, QStringLiteral("_posts/2023-01-01-spoof.md"), {QStringLiteral("control characters removed from the title")}));
    const QString longTitle = (**m_library->posts().bySlug(QStringLiteral("long"))).title;
    QVERIFY(longTitle.size() <= PostRules::MaxTitleLength);
    QVERIFY(longTitle.endsWith(QStringLiteral("title")));
    QVERIFY(warned(report, QStringLiteral("_posts/2023-01-02-long.md"), {QStringLiteral("title cut to %1 characters; it had 1649").arg(longTitle.size())}));
    // Nothing left to read: the title comes from the heading, as for a post without one.
    QCOMPARE((**m_library->posts().bySlug(QStringLiteral("invisible"))).title, QStringLiteral("From the heading"));
    QVERIFY(warned(report, QStringLiteral("_posts/2023-01-03-invisible.md"), {QStringLiteral("used \"From the heading\"")}));
    // Line breaks in a title are allowed (pages show them as spaces): kept as written.
    QCOMPARE((**m_library->posts().bySlug(QStringLiteral("lines"))).title, QStringLiteral("Two\nlines"));
    QVERIFY(reasons(report.warnings).filter(QStringLiteral("lines.md")).isEmpty());
    for (const PostSummary &post : *m_library->posts().list())
        QCOMPARE(PostRules::titleProblem(post.title), QString());
}

void TestInterchange::importedSlugsFollowThePostRules()
{
    write(QStringLiteral("_posts/2023-01-01-my_first_post.md"), "---\ntitle: First\n---\nBody\n");
    write(QStringLiteral("_posts/2023-01-02-Upper-Case.md"), "---\ntitle: Second\n---\nBody\n");
    write(QStringLiteral("_posts/2023-01-03-third.md"), "---\ntitle: Third\nslug: Snake_Case\n---\nBody\n");
    write(QStringLiteral("_posts/2023-01-04-fine.md"), "---\ntitle: Fine\n---\nBody\n");
    const ImportReport report = importBlog();
    QCOMPARE(report.imported.size(), 4);
    QVERIFY(warned(report, QStringLiteral("_posts/2023-01-01-my_first_post.md"),
                   {QStringLiteral("\"my_first_post\""), QStringLiteral("used \"my-first-post\"")}));
    QVERIFY(warned(report, QStringLiteral("_posts/2023-01-02-Upper-Case.md"), {QStringLiteral("used \"upper-case\"")}));
    QVERIFY(warned(report, QStringLiteral("_posts/2023-01-03-third.md"), {QStringLiteral("slug \"Snake_Case\" cleaned to \"snake-case\"")}));
    QVERIFY(reasons(report.warnings).filter(QStringLiteral("fine.md")).isEmpty());
    QStringList slugs;
    for (const PostSummary &post : *m_library->posts().list()) {
        QCOMPARE(PostRules::slugProblem(post.slug), QString());
        slugs.append(post.slug);
    }
    slugs.sort();
    QCOMPARE(slugs, (QStringList{QStringLiteral("fine"), QStringLiteral("my-first-post"), QStringLiteral("snake-case"),
                                 QStringLiteral("upper-case")}));
}

void TestInterchange::reimportFindsPostsImportedBeforeTheSlugRules()
{
    // As an import before the slug rules left it: the slug the file name gave, '_' and all.
    write(QStringLiteral("_posts/2023-01-01-my_first_post.md"), "---\ntitle: First\n---\nBody\n");
    QCOMPARE(importBlog().imported.size(), 1);
    Post earlier = **m_library->posts().bySlug(QStringLiteral("my-first-post"));
    earlier.slug = QStringLiteral("my_first_post");
    QVERIFY(m_library->history().save(earlier, RevisionReason::Import));

    // The same post, updated in place: no second post, and its address stays, with a word why.
    write(QStringLiteral("_posts/2023-01-01-my_first_post.md"), "---\ntitle: First, revised\n---\nBody\n");
    const ImportReport report = importBlog();
    QCOMPARE(report.imported.size(), 0);
    QCOMPARE(report.updated.size(), 1);
    QCOMPARE(report.updated.first().slug, QStringLiteral("my_first_post"));
    QCOMPARE(int(m_library->posts().list()->size()), 1);
    const Post updated = **m_library->posts().bySlug(QStringLiteral("my_first_post"));
    QCOMPARE(updated.id, earlier.id);
    QCOMPARE(updated.title, QStringLiteral("First, revised"));
    QVERIFY(warned(report, QStringLiteral("_posts/2023-01-01-my_first_post.md"),
                   {QStringLiteral("\"my_first_post\" from an earlier import kept"), QStringLiteral("\"my-first-post\"")}));
    QCOMPARE(importBlog().unchanged.size(), 1);
}

void TestInterchange::reimportOfAnOldSlugLeavesThePostWithTheNewSlugAlone()
{
    // Imported as my_first_post before the rules; the writer has since made a post my-first-post.
    write(QStringLiteral("_posts/2023-01-01-my_first_post.md"), "---\ntitle: First\n---\nBody\n");
    QCOMPARE(importBlog().imported.size(), 1);
    Post earlier = **m_library->posts().bySlug(QStringLiteral("my-first-post"));
    earlier.slug = QStringLiteral("my_first_post");
    QVERIFY(m_library->history().save(earlier, RevisionReason::Import));
    Post other;
    other.title = QStringLiteral("My first post");
    other.body = QStringLiteral("Another text entirely.");
    const Result<Post> created = m_library->posts().create(other);
    QVERIFY(created);
    QCOMPARE(created->slug, QStringLiteral("my-first-post"));

    write(QStringLiteral("_posts/2023-01-01-my_first_post.md"), "---\ntitle: First, revised\n---\nBody\n");
    const ImportReport report = importBlog();
    QCOMPARE(report.updated.size(), 1);
    QCOMPARE(report.updated.first().slug, QStringLiteral("my_first_post"));
    QCOMPARE((*m_library->posts().bySlug(QStringLiteral("my_first_post")))->title, QStringLiteral("First, revised"));
    QCOMPARE((*m_library->posts().bySlug(QStringLiteral("my-first-post")))->body, QStringLiteral("Another text entirely."));
}

void TestInterchange::plainFolderOfMarkdown()
{
    write(QStringLiteral("first-note.md"), "---\ntitle: First\n---\n![pic](images/pic.png) ![abs](/images/pic.png)\n");
    write(QStringLiteral("second.markdown"), "# Second\n\nNo front matter.\n");
    write(QStringLiteral("images/pic.png"), png(8, 8, "pic"));
    write(QStringLiteral("sub/ignored.md"), "---\ntitle: Deeper\n---\nD\n");
    const ImportReport report = importBlog();
    QCOMPARE(report.imported.size(), 2);
    QCOMPARE(body(QStringLiteral("first-note")), QStringLiteral("![pic](/media/pic.png) ![abs](/media/pic.png)\n"));
    const auto second = m_library->posts().bySlug(QStringLiteral("second"));
    QVERIFY(second.ok() && second->has_value());
    QCOMPARE((*second)->title, QStringLiteral("Second"));
    QCOMPARE(assetCount(), 1);
}


void TestInterchange::frontMatterImageBecomesCover()
{
    write(QStringLiteral("assets/cover.png"), png(8, 6, "cover"));
    write(QStringLiteral("_posts/2023-02-01-local.md"), "---\ntitle: Local\nimage: /assets/cover.png\n---\nText\n");
    write(QStringLiteral("_posts/2023-02-02-remote.md"),
          "---\ntitle: Remote\nimage: https://example.com/c.png\n---\nText\n");
    write(QStringLiteral("_posts/2023-02-03-missing.md"), "---\ntitle: Missing\nimage: /assets/gone.png\n---\nText\n");
    write(QStringLiteral("_posts/2023-02-04-outside.md"), "---\ntitle: Outside\nimage: ../../etc/passwd\n---\nText\n");
    const ImportReport report = importBlog();
    QCOMPARE(report.imported.size(), 4);

    const Post local = **m_library->posts().bySlug(QStringLiteral("local"));
    const auto cover = m_library->assets().coverOf(local.id);
    QVERIFY(cover.ok() && cover->has_value());
    QCOMPARE((*cover)->name, QStringLiteral("cover.png"));
    QCOMPARE((*cover)->width, 8);
    QVERIFY(!local.extra.contains(QLatin1String("image")));

    // A remote cover is not fetched, a missing one is reported: both stay in the front matter.
    const Post remote = **m_library->posts().bySlug(QStringLiteral("remote"));
    QVERIFY(!remote.coverAssetId);
    QCOMPARE(remote.extra.value(QLatin1String("image")).toString(), QStringLiteral("https://example.com/c.png"));
    const Post missing = **m_library->posts().bySlug(QStringLiteral("missing"));
    QVERIFY(!missing.coverAssetId);
    QCOMPARE(missing.extra.value(QLatin1String("image")).toString(), QStringLiteral("/assets/gone.png"));
    const QStringList warnings = reasons(report.warnings);
    QCOMPARE(warnings.size(), 2);
    QVERIFY2(warnings.filter(QStringLiteral("missing.md")).value(0).contains(QStringLiteral("no such file")),
             qPrintable(warnings.join(u'\n')));
    QVERIFY2(warnings.filter(QStringLiteral("outside.md")).value(0).contains(QStringLiteral("outside the blog folder")),
             qPrintable(warnings.join(u'\n')));

    // Importing again changes nothing: the cover counts as the same.
    const ImportReport again = importBlog();
    QCOMPARE(again.unchanged.size(), 4);
    QCOMPARE(assetCount(), 1);
}

void TestInterchange::progressAndCancel()
{
    for (int index = 0; index < 5; ++index)
        write(QStringLiteral("_posts/2023-03-0%1-p%1.md").arg(index + 1), "---\ntitle: P\n---\nText\n");
    QList<std::pair<int, int>> steps;
    BlogImporter::Callbacks callbacks;
    callbacks.progress = [&](int done, int total) { steps.append({done, total}); };
    const auto report = BlogImporter(*m_library).importFolder(blog(), callbacks);
    QVERIFY(report.ok());
    QCOMPARE(steps.first(), std::make_pair(0, 5));
    QCOMPARE(steps.last(), std::make_pair(5, 5));

    // Cancelled halfway through a second blog: nothing of it stays.
    write(QStringLiteral("_posts/2023-04-01-late.md"), "---\ntitle: Late\n---\n![x](/images/late.png)\n");
    write(QStringLiteral("images/late.png"), png(2, 2, "late"));
    write(QStringLiteral("_posts/2023-04-02-later.md"), "---\ntitle: Later\n---\nText\n");
    int asked = 0;
    callbacks.progress = {};
    callbacks.cancelled = [&] { return ++asked > 6; };
    const auto cancelled = BlogImporter(*m_library).importFolder(blog(), callbacks);
    QVERIFY(!cancelled.ok());
    QVERIFY(m_library->posts().bySlug(QStringLiteral("late"))->has_value() == false);
    QCOMPARE(int(m_library->posts().list()->size()), 5);
    QCOMPARE(assetCount(), 0);
}

// 10,000 files in one blog: posts, pictures and stray files, read in one pass and one transaction.
void TestInterchange::tenThousandFiles()
{
    for (int index = 0; index < 5000; ++index) {
        const QString name = QStringLiteral("p%1").arg(index);
        write(QStringLiteral("content/posts/%1/index.md").arg(name),
              QStringLiteral("---\ntitle: Post %1\ndate: 2024-01-01\n---\n![f](f.png)\n").arg(index).toUtf8());
        write(QStringLiteral("content/posts/%1/f.png").arg(name), png(1 + index % 7, 1, QByteArray::number(index % 50)));
    }
    QElapsedTimer timer;
    timer.start();
    const ImportReport report = importBlog();
    QCOMPARE(report.imported.size(), 5000);
    QVERIFY2(report.warnings.isEmpty(), qPrintable(reasons(report.warnings).value(0)));
    QCOMPARE(assetCount(), 350);   // width 1 + i % 7 and tail i % 50: 350 different images
    qInfo("10,000 files imported in %lld ms", timer.elapsed());
}

QTEST_GUILESS_MAIN(TestInterchange)
#include "tst_interchange.moc"
