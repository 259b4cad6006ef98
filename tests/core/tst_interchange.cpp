// Import of Hugo and Jekyll folders: layouts, front matter forms, re-import in place, and every
// kind of bad file (skipped or cleaned with a reason, the rest of the library untouched).

#include "interchange/blog_importer.h"
#include "interchange/post_file_reader.h"
#include "interchange/post_markdown_writer.h"
#include "markdown/front_matter.h"
#include "store/library.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

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
    void tomlFrontMatterIsSkipped();
    void unsluggableNamesStayStable();
    void tagSpellingDoesNotCountAsChange();
    void dateFormats_data();
    void dateFormats();
    void markdownWriterRoundTrip();
    void generatedCorpus_data();
    void generatedCorpus();

private:
    void write(const QString &relative, const QByteArray &content);
    QString blog() const { return m_dir->filePath(QStringLiteral("blog")); }
    ImportReport importBlog();
    static QStringList reasons(const QList<ImportReport::Entry> &entries);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Library> m_library;
};

void TestInterchange::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto library = Library::open(m_dir->filePath(QStringLiteral("blog.quire")));
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

    auto post = m_library->postBySlug(QStringLiteral("float-sums"));
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

    auto untitled = m_library->postBySlug(QStringLiteral("no-front-matter"));
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
    QCOMPARE((*m_library->postBySlug(QStringLiteral("half-done")))->status, PostStatus::Draft);
    QCOMPARE((*m_library->postBySlug(QStringLiteral("future")))->status, PostStatus::Scheduled);
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

    const Post plain = **m_library->postBySlug(QStringLiteral("plain-post"));
    QCOMPARE(plain.status, PostStatus::Draft);
    QCOMPARE(plain.publishedAt, QDateTime(QDate(2022, 1, 2), QTime(1, 4, 5), Qt::UTC));
    QCOMPARE(plain.tags, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(plain.summary, QStringLiteral("S"));
    const auto bundle = m_library->postBySlug(QStringLiteral("bundle-post"));
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
    QCOMPARE(*m_library->postCount(), 2);

    write(QStringLiteral("_posts/2023-01-02-two.md"), "---\ntitle: Two, revised\n---\nSecond, longer.\n");
    const qint64 id = (*m_library->postBySlug(QStringLiteral("two")))->id;
    ImportReport third = importBlog();
    QCOMPARE(third.updated.size(), 1);
    QCOMPARE(third.unchanged.size(), 1);
    QCOMPARE(*m_library->postCount(), 2);
    const Post two = **m_library->postBySlug(QStringLiteral("two"));
    QCOMPARE(two.id, id);
    QCOMPARE(two.title, QStringLiteral("Two, revised"));
    QCOMPARE(two.body, QStringLiteral("Second, longer.\n"));
    const auto revisions = m_library->revisions(id);
    QCOMPARE(revisions->size(), 2);   // the first import and the update, both reason Import
    QCOMPARE(revisions->first().reason, RevisionReason::Import);
}

void TestInterchange::importKeepsTheBlogsDates()
{
    write(QStringLiteral("content/posts/plain.md"), "---\ntitle: Plain\ndate: 2021-03-04T05:06:07Z\n---\nText.\n");
    write(QStringLiteral("content/posts/edited.md"),
          "---\ntitle: Edited\ndate: 2021-03-04T05:06:07Z\nlastmod: 2022-01-02T03:04:05Z\n---\nText.\n");
    QCOMPARE(importBlog().imported.size(), 2);
    const Post plain = **m_library->postBySlug(QStringLiteral("plain"));
    // Importing is not an edit: the post was last changed when the blog says.
    QCOMPARE(plain.updatedAt, QDateTime(QDate(2021, 3, 4), QTime(5, 6, 7), Qt::UTC));
    const Post edited = **m_library->postBySlug(QStringLiteral("edited"));
    QCOMPARE(edited.updatedAt, QDateTime(QDate(2022, 1, 2), QTime(3, 4, 5), Qt::UTC));
    QCOMPARE(edited.extra.value(QStringLiteral("lastmod")).toString(), QStringLiteral("2022-01-02T03:04:05Z"));

    // A file changed without a lastmod of its own: changed at the time of the import.
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    write(QStringLiteral("content/posts/plain.md"), "---\ntitle: Plain\ndate: 2021-03-04T05:06:07Z\n---\nText, revised.\n");
    QCOMPARE(importBlog().updated.size(), 1);
    QVERIFY((**m_library->postBySlug(QStringLiteral("plain"))).updatedAt >= before);
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
    QCOMPARE(*m_library->postCount(), 1);
}

void TestInterchange::badFilesLeaveTheLibraryAlone()
{
    write(QStringLiteral("_posts/2023-01-01-good.md"), "---\ntitle: Good\n---\nFine.\n");
    QCOMPARE(importBlog().imported.size(), 1);
    const Post before = **m_library->postBySlug(QStringLiteral("good"));

    // The same post, now broken on disk: the library keeps the good version.
    write(QStringLiteral("_posts/2023-01-01-good.md"), "---\ntitle: [broken\n---\nGone?\n");
    const ImportReport report = importBlog();
    QCOMPARE(report.skipped.size(), 1);
    const Post after = **m_library->postBySlug(QStringLiteral("good"));
    QCOMPARE(after.body, before.body);
    QCOMPARE(after.title, before.title);
    QCOMPARE(after.updatedAt, before.updatedAt);
    QCOMPARE(m_library->revisions(after.id)->size(), 1);
}

void TestInterchange::hostileSlugIsCleaned()
{
    write(QStringLiteral("_posts/2023-01-01-x.md"), "---\ntitle: Escape\nslug: ../../etc\n---\nBody\n");
    write(QStringLiteral("_posts/2023-01-02-y.md"), "---\ntitle: Slashes\nslug: \"a/b\\\\c\\u0007d\"\n---\nBody\n");
    const ImportReport report = importBlog();
    QCOMPARE(report.imported.size(), 2);
    QVERIFY(m_library->postBySlug(QStringLiteral("etc"))->has_value());
    QCOMPARE(report.warnings.size(), 2);
    QVERIFY(report.warnings.first().reason.contains(QStringLiteral("../../etc")));
    for (const PostSummary &post : *m_library->listPosts()) {
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
    QCOMPARE(*m_library->postCount(), 1);
    QCOMPARE((*m_library->postBySlug(QStringLiteral("same")))->title, QStringLiteral("A"));
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

void TestInterchange::tomlFrontMatterIsSkipped()
{
    write(QStringLiteral("content/posts/toml.md"), "+++\ntitle = \"TOML\"\n+++\nBody\n");
    const ImportReport report = importBlog();
    QCOMPARE(report.imported.size(), 0);
    QCOMPARE(report.skipped.size(), 1);
    QVERIFY(report.skipped.first().reason.contains(QStringLiteral("TOML")));
}

void TestInterchange::unsluggableNamesStayStable()
{
    write(QStringLiteral("_posts/2024-01-01-") + QString::fromUtf8("\xf0\x9f\x8e\x89") + QStringLiteral(".md"), "---\ntitle: \"\xf0\x9f\x8e\x89\"\n---\nParty\n");
    const ImportReport first = importBlog();
    QCOMPARE(first.imported.size(), 1);
    QVERIFY(first.imported.first().slug.startsWith(QStringLiteral("post-")));
    const ImportReport again = importBlog();
    QCOMPARE(again.unchanged.size(), 1);
    QCOMPARE(*m_library->postCount(), 1);
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
    QCOMPARE((*m_library->postBySlug(QStringLiteral("a")))->createdAt,
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
    QCOMPARE(*m_library->postCount(), 60);
    const ImportReport again = importBlog();
    QCOMPARE(again.unchanged.size(), 60);
    QCOMPARE(*m_library->postCount(), 60);
}

QTEST_GUILESS_MAIN(TestInterchange)
#include "tst_interchange.moc"
