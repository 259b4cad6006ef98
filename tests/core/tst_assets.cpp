// The library's images as a whole: which posts use them, and renaming, replacing, describing and
// deleting them without breaking a post. Hostile names and bytes are refused without a change.

#include "setup/library_setup.h"
#include "store/asset_name.h"
#include "store/asset_references.h"
#include "store/asset_store.h"
#include "store/image_intake.h"
#include "store/library.h"
#include "store/post_history.h"
#include "store/post_store.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace quire;

namespace {

template<typename T>
QByteArray why(const Result<T> &result)
{
    return result ? QByteArray() : result.errorMessage().toUtf8();
}

QByteArray png(const QByteArray &tail = {})
{
    return QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
        + tail;
}

// A 2x3 GIF header: enough for the type and the pixel size.
QByteArray gif()
{
    return QByteArray("GIF89a\x02\x00\x03\x00\x00\x00\x00", 13) + QByteArray(",\0\0\0\0\x02\0\x03\0\0\x02\x02\x44\x01\0;", 18);
}

QStringList titlesOf(const QList<AssetUser> &users)
{
    QStringList titles;
    for (const AssetUser &user : users)
        titles.append(user.title + (user.inBody ? QStringLiteral("+body") : QString())
                      + (user.asCover ? QStringLiteral("+cover") : QString()));
    return titles;
}

} // namespace

class TestAssets : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void referencesAreExact_data();
    void referencesAreExact();
    void renameRewritesOnlyExactReferences();
    void usageFindsBodiesAndCovers();
    void renameGivesASafeName_data();
    void renameGivesASafeName();
    void renameRefusesHostileNames_data();
    void renameRefusesHostileNames();
    void renameSavesChangedPosts();
    void renameFailureChangesNothing();
    void replaceChangesTheBytes();
    void replaceWithAnotherTypeRenames();
    void replaceRefusesBadBytes_data();
    void replaceRefusesBadBytes();
    void altIsStored();
    void deleteUnusedRefusesUsedAssets();
    void usageIsQuickOnManyPosts();

private:
    std::unique_ptr<Library> open();
    qint64 addPost(const QString &title, const QString &body, std::optional<qint64> cover = {});
    QString body(qint64 id) const;
    QStringList assetNames() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Library> m_library;
    QDateTime m_now = QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);
    Asset m_a, m_b, m_c;
};

std::unique_ptr<Library> TestAssets::open()
{
    Result<std::unique_ptr<Library>> library = LibrarySetup::open(m_dir->filePath(QStringLiteral("assets.quire")));
    if (!library) {
        qWarning("%s", why(library).constData());
        return nullptr;
    }
    (*library)->setClock([this] { return m_now; });
    return std::move(*library);
}

void TestAssets::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_library = open();
    QVERIFY(m_library);
    const auto a = m_library->assets().store(png("a"), QStringLiteral("a.png"), 1, 1);
    const auto b = m_library->assets().store(png("b"), QStringLiteral("b.png"), 1, 1);
    const auto c = m_library->assets().store(png("c"), QStringLiteral("c.png"), 1, 1);
    QVERIFY(a && b && c);
    m_a = *a;
    m_b = *b;
    m_c = *c;
}

void TestAssets::cleanup()
{
    m_library.reset();
    m_dir.reset();
}

qint64 TestAssets::addPost(const QString &title, const QString &body, std::optional<qint64> cover)
{
    Post post;
    post.title = title;
    post.body = body;
    post.coverAssetId = cover;
    const Result<Post> created = m_library->posts().create(post);
    return created ? created->id : 0;
}

QString TestAssets::body(qint64 id) const
{
    const Result<Post> post = m_library->posts().byId(id);
    return post ? post->body : QStringLiteral("<no post>");
}

QStringList TestAssets::assetNames() const
{
    QStringList names;
    const auto assets = m_library->assets().list();
    for (const Asset &asset : assets ? *assets : QList<Asset>())
        names.append(asset.name);
    return names;
}

void TestAssets::referencesAreExact_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("image") << "![x](/media/a.png)" << QStringList{"a.png"};
    QTest::newRow("title") << "![x](/media/a.png \"A\")" << QStringList{"a.png"};
    QTest::newRow("query") << "[x](/media/a.png?v=2#top)" << QStringList{"a.png"};
    QTest::newRow("html") << "<img src='/media/a.png'>" << QStringList{"a.png"};
    QTest::newRow("definition") << "[fig]: /media/a.png" << QStringList{"a.png"};
    QTest::newRow("full stop") << "See /media/a.png." << QStringList{"a.png"};
    QTest::newRow("longer name") << "/media/a.png.bak /media/a-2.png" << QStringList{"a-2.png", "a.png.bak"};
    QTest::newRow("sub folder") << "/media/a.png/x" << QStringList{"a.png/x"};
    QTest::newRow("other site") << "https://x.org/media/a.png ../media/a.png" << QStringList{};
    QTest::newRow("nothing") << "/media/ and /media" << QStringList{};
}

void TestAssets::referencesAreExact()
{
    QFETCH(QString, body);
    QFETCH(QStringList, names);
    QStringList found = AssetReferences::names(body).values();
    found.sort();
    QCOMPARE(found, names);
}

void TestAssets::renameRewritesOnlyExactReferences()
{
    const QString body = QStringLiteral("![a](/media/a.png) /media/a.png.bak /media/a-2.png x/media/a.png\n"
                                        "<img src=\"/media/a.png\"> [f]: /media/a.png?v=1");
    QCOMPARE(AssetReferences::rename(body, QStringLiteral("a.png"), QStringLiteral("chart.png")),
             QStringLiteral("![a](/media/chart.png) /media/a.png.bak /media/a-2.png x/media/a.png\n"
                            "<img src=\"/media/chart.png\"> [f]: /media/chart.png?v=1"));
    QCOMPARE(AssetReferences::rename(body, QStringLiteral("zzz.png"), QStringLiteral("y.png")), body);
}

void TestAssets::usageFindsBodiesAndCovers()
{
    addPost(QStringLiteral("One"), QStringLiteral("![x](/media/a.png)"));
    addPost(QStringLiteral("Two"), QStringLiteral("[file](/media/a.png?v=1) and <img src=\"/media/b.png\">"));
    addPost(QStringLiteral("Three"), QStringLiteral("/media/a.png.bak /media/a-2.png https://x.org/media/b.png"));
    addPost(QStringLiteral("Four"), QStringLiteral("no images"), m_b.id);
    addPost(QStringLiteral("Five"), QStringLiteral("![b](/media/b.png)"), m_b.id);

    const auto usage = m_library->assets().usage();
    QVERIFY2(usage, why(usage));
    QCOMPARE(titlesOf(usage->value(QStringLiteral("a.png"))), (QStringList{"One+body", "Two+body"}));
    QCOMPARE(titlesOf(usage->value(QStringLiteral("b.png"))),
             (QStringList{"Two+body", "Four+cover", "Five+body+cover"}));
    QVERIFY(!usage->contains(QStringLiteral("c.png")));
}

void TestAssets::renameGivesASafeName_data()
{
    QTest::addColumn<QString>("wanted");
    QTest::addColumn<QString>("name");
    QTest::newRow("plain") << "chart" << "chart.png";
    QTest::newRow("spaces and case") << "  Chart Final.PNG " << "chart-final.png";
    QTest::newRow("wrong extension") << "chart.jpg" << "chart.png";
    QTest::newRow("inner dot") << "diagram.v2" << "diagram-v2.png";
    QTest::newRow("accents") << "Café Ünïcode" << "cafe-unicode.png";
    QTest::newRow("dots around") << "..chart.." << "chart.png";
    QTest::newRow("very long") << QString(500, u'x') << QString(60, u'x') + ".png";
    QTest::newRow("same") << "a" << "a.png";
}

void TestAssets::renameGivesASafeName()
{
    QFETCH(QString, wanted);
    QFETCH(QString, name);
    const auto renamed = m_library->assets().rename(QStringLiteral("a.png"), wanted);
    QVERIFY2(renamed, why(renamed));
    QCOMPARE(renamed->name, name);
    QVERIFY(assetNames().contains(name));
    const auto asset = m_library->assets().byName(name);
    QVERIFY(asset && *asset);
    QCOMPARE((*asset)->data, png("a"));
}

void TestAssets::renameRefusesHostileNames_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("wanted");
    QTest::addColumn<QString>("problem");
    QTest::newRow("empty") << "a.png" << "" << "empty";
    QTest::newRow("blank") << "a.png" << "   " << "empty";
    QTest::newRow("dot dot") << "a.png" << ".." << "no letters or digits";
    QTest::newRow("slash") << "a.png" << "../etc/passwd" << "cannot contain";
    QTest::newRow("backslash") << "a.png" << "..\\x" << "cannot contain";
    QTest::newRow("no latin letters") << "a.png" << "日本語" << "no letters or digits";
    QTest::newRow("only an extension") << "a.png" << ".png" << "no letters or digits";
    QTest::newRow("taken") << "a.png" << "B.png" << "already called “b.png”";
    QTest::newRow("no such asset") << "zzz.png" << "fine" << "no image called";
}

void TestAssets::renameRefusesHostileNames()
{
    QFETCH(QString, from);
    QFETCH(QString, wanted);
    QFETCH(QString, problem);
    const qint64 post = addPost(QStringLiteral("Uses a"), QStringLiteral("![x](/media/a.png)"));
    const QStringList before = assetNames();
    const auto renamed = m_library->assets().rename(from, wanted);
    QVERIFY(!renamed);
    QVERIFY2(renamed.errorMessage().contains(problem), qPrintable(renamed.errorMessage()));
    QCOMPARE(assetNames(), before);
    QCOMPARE(body(post), QStringLiteral("![x](/media/a.png)"));
}

void TestAssets::renameSavesChangedPosts()
{
    const qint64 uses = addPost(QStringLiteral("Uses a"), QStringLiteral("![x](/media/a.png)\n\n[again](/media/a.png)"));
    const qint64 lookalike = addPost(QStringLiteral("Lookalike"), QStringLiteral("/media/a.png.bak /media/a-2.png"));
    const qint64 covered = addPost(QStringLiteral("Covered"), QStringLiteral("text"), m_a.id);
    const auto before = m_library->posts().byId(uses);
    const auto lookalikeBefore = m_library->posts().byId(lookalike);
    const auto coveredBefore = m_library->posts().byId(covered);
    QVERIFY(before && lookalikeBefore && coveredBefore);
    m_now = m_now.addSecs(60);

    const auto renamed = m_library->assets().rename(QStringLiteral("a.png"), QStringLiteral("Chart"));
    QVERIFY2(renamed, why(renamed));
    QCOMPARE(renamed->name, QStringLiteral("chart.png"));
    QCOMPARE(body(uses), QStringLiteral("![x](/media/chart.png)\n\n[again](/media/chart.png)"));
    QCOMPARE(body(lookalike), QStringLiteral("/media/a.png.bak /media/a-2.png"));

    const auto after = m_library->posts().byId(uses);
    QVERIFY(after);
    QCOMPARE(after->updatedAt, m_now);
    QVERIFY(after->changeSeq > before->changeSeq);
    const auto revisions = m_library->history().revisions(uses);
    QVERIFY(revisions);
    QCOMPARE(revisions->size(), 1);
    QCOMPARE(revisions->first().body, after->body);
    // Untouched text stays unchanged; a cover's page shows the new name, so it counts as changed.
    QCOMPARE(m_library->posts().byId(lookalike)->changeSeq, lookalikeBefore->changeSeq);
    QVERIFY(m_library->posts().byId(covered)->changeSeq > coveredBefore->changeSeq);
    QCOMPARE(m_library->posts().byId(covered)->coverAssetId, std::optional<qint64>(m_a.id));
}

void TestAssets::renameFailureChangesNothing()
{
    const qint64 first = addPost(QStringLiteral("First"), QStringLiteral("![x](/media/a.png)"));
    const qint64 second = addPost(QStringLiteral("Boom"), QStringLiteral("![x](/media/a.png)"));
    QVERIFY(first && second);
    // A failure half way: the second post cannot be written.
    m_library.reset();
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(qPrintable(m_dir->filePath(QStringLiteral("assets.quire"))), &db), SQLITE_OK);
    QCOMPARE(sqlite3_exec(db, "CREATE TRIGGER boom BEFORE UPDATE OF body ON posts WHEN NEW.title = 'Boom'"
                              " BEGIN SELECT RAISE(ABORT, 'boom'); END;", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    m_library = open();
    QVERIFY(m_library);

    const auto renamed = m_library->assets().rename(QStringLiteral("a.png"), QStringLiteral("chart"));
    QVERIFY(!renamed);
    QVERIFY2(renamed.errorMessage().contains(QStringLiteral("boom")), qPrintable(renamed.errorMessage()));
    QCOMPARE(assetNames(), (QStringList{"a.png", "b.png", "c.png"}));
    QCOMPARE(body(first), QStringLiteral("![x](/media/a.png)"));
    QCOMPARE(m_library->history().revisions(first)->size(), 0);
}

void TestAssets::replaceChangesTheBytes()
{
    const qint64 uses = addPost(QStringLiteral("Uses a"), QStringLiteral("![x](/media/a.png)"));
    const qint64 other = addPost(QStringLiteral("Other"), QStringLiteral("![x](/media/b.png)"));
    const auto usesBefore = m_library->posts().byId(uses);
    const auto otherBefore = m_library->posts().byId(other);

    const auto replaced = m_library->assets().replace(QStringLiteral("a.png"), png("new"));
    QVERIFY2(replaced, why(replaced));
    QCOMPARE(replaced->name, QStringLiteral("a.png"));
    QCOMPARE(replaced->id, m_a.id);
    QCOMPARE(replaced->width, 1);
    const auto stored = m_library->assets().byName(QStringLiteral("a.png"));
    QVERIFY(stored && *stored);
    QCOMPARE((*stored)->data, png("new"));
    QCOMPARE((*stored)->size, png("new").size());
    QVERIFY((*stored)->sha256 != m_a.sha256);
    QCOMPARE(body(uses), QStringLiteral("![x](/media/a.png)"));
    QVERIFY(m_library->posts().byId(uses)->changeSeq > usesBefore->changeSeq);
    QCOMPARE(m_library->posts().byId(other)->changeSeq, otherBefore->changeSeq);

    // The same bytes again: nothing to do.
    const auto again = m_library->assets().replace(QStringLiteral("a.png"), png("new"));
    QVERIFY2(again, why(again));
}

void TestAssets::replaceWithAnotherTypeRenames()
{
    const qint64 uses = addPost(QStringLiteral("Uses a"), QStringLiteral("![x](/media/a.png) /media/a.png.bak"));
    const auto replaced = m_library->assets().replace(QStringLiteral("a.png"), gif());
    QVERIFY2(replaced, why(replaced));
    QCOMPARE(replaced->name, QStringLiteral("a.gif"));
    QCOMPARE(replaced->mimeType, QStringLiteral("image/gif"));
    QCOMPARE(replaced->width, 2);
    QCOMPARE(replaced->height, 3);
    QCOMPARE(assetNames(), (QStringList{"a.gif", "b.png", "c.png"}));
    QCOMPARE(body(uses), QStringLiteral("![x](/media/a.gif) /media/a.png.bak"));
}

void TestAssets::replaceRefusesBadBytes_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("problem");
    QTest::newRow("empty") << "a.png" << QByteArray() << "empty";
    QTest::newRow("text") << "a.png" << QByteArray("hello, not an image") << "not an image";
    QTest::newRow("html") << "a.png" << QByteArray("<html><script>alert(1)</script></html>") << "not an image";
    QTest::newRow("too big") << "a.png" << png(QByteArray(ImageIntake::MaxSize, 'x')) << "too big";
    QTest::newRow("another asset's bytes") << "a.png" << png("b") << "“b.png”";
    QTest::newRow("no such asset") << "zzz.png" << png("z") << "no image called";
}

void TestAssets::replaceRefusesBadBytes()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, data);
    QFETCH(QString, problem);
    const auto replaced = m_library->assets().replace(name, data);
    QVERIFY(!replaced);
    QVERIFY2(replaced.errorMessage().contains(problem), qPrintable(replaced.errorMessage()));
    const auto stored = m_library->assets().byName(QStringLiteral("a.png"));
    QVERIFY(stored && *stored);
    QCOMPARE((*stored)->data, png("a"));
}

void TestAssets::altIsStored()
{
    const qint64 covered = addPost(QStringLiteral("Covered"), QStringLiteral("text"), m_a.id);
    const auto before = m_library->posts().byId(covered);
    QVERIFY2(m_library->assets().setAlt(QStringLiteral("a.png"), QStringLiteral("A chart “with” quotes")), "setAssetAlt");
    QCOMPARE((*m_library->assets().byName(QStringLiteral("a.png")))->alt, QStringLiteral("A chart “with” quotes"));
    QVERIFY(m_library->posts().byId(covered)->changeSeq > before->changeSeq);
    QVERIFY(!m_library->assets().setAlt(QStringLiteral("zzz.png"), QStringLiteral("x")));
}

void TestAssets::deleteUnusedRefusesUsedAssets()
{
    addPost(QStringLiteral("Uses a"), QStringLiteral("![x](/media/a.png)"));
    addPost(QStringLiteral("Covered by b"), QString(), m_b.id);
    const auto refused = m_library->assets().removeUnused({QStringLiteral("c.png"), QStringLiteral("a.png")});
    QVERIFY(!refused);
    QVERIFY2(refused.errorMessage().contains(QStringLiteral("“Uses a”")), qPrintable(refused.errorMessage()));
    QCOMPARE(assetNames(), (QStringList{"a.png", "b.png", "c.png"}));
    QVERIFY(!m_library->assets().removeUnused({QStringLiteral("b.png")}));

    const auto deleted = m_library->assets().removeUnused({QStringLiteral("c.png")});
    QVERIFY2(deleted, why(deleted));
    QCOMPARE(assetNames(), (QStringList{"a.png", "b.png"}));
}

void TestAssets::usageIsQuickOnManyPosts()
{
    const int count = 10000;
    const QString filler = QString(QStringLiteral("Words about floating point and GPUs. ")).repeated(60);
    const auto created = m_library->transaction([&]() -> Result<void> {
        for (int i = 0; i < count; ++i) {
            Post post;
            post.title = QStringLiteral("Post %1").arg(i);
            post.body = filler + (i % 10 == 0 ? QStringLiteral("![f](/media/a.png)") : QStringLiteral("/media/none.png"));
            if (Result<Post> stored = m_library->posts().create(post); !stored)
                return stored.error();
        }
        return {};
    });
    QVERIFY2(created, why(created));

    QElapsedTimer timer;
    timer.start();
    const auto usage = m_library->assets().usage();
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(usage, why(usage));
    QCOMPARE(usage->value(QStringLiteral("a.png")).size(), count / 10);
    qInfo("assetUsage over %d posts: %lld ms", count, elapsed);
    QVERIFY2(elapsed < 2000, qPrintable(QString::number(elapsed)));
}

QTEST_GUILESS_MAIN(TestAssets)
#include "tst_assets.moc"
