// The one writer of the folders Quire owns (OwnedFolder): the folders it refuses, paths it never
// acts on whatever a manifest says, whole writes, removing only what Quire wrote and nobody
// changed (and the folders that leaves empty), and folders written by earlier versions of Quire
// in each of the three manifest formats, which must keep working byte for byte.

#include "core_test_support.h"
#include "interchange/markdown_exporter.h"
#include "output/content_hash.h"
#include "output/export_manifest_format.h"
#include "output/owned_folder.h"
#include "output/publish_manifest_format.h"
#include "output/site_manifest_format.h"
#include "publish/folder_publisher.h"
#include "site/site_output.h"
#include "store/library.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace quire;
using CoreTest::messageOf;
using CoreTest::readAll;
using CoreTest::writeFile;

namespace {

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
}

// XXH3-128 of the texts the fixtures hold, worked out apart from Quire: the manifests on disk
// record these, so the hash may never change.
const QByteArray OldPageHash = QByteArray::fromHex("dff8efca7726678778b831187adf931e");   // "<p>old page</p>"
const QByteArray GonePageHash = QByteArray::fromHex("f5ef9fea8095910141ce3f56195f0deb");  // "<p>gone page</p>"
const QByteArray RobotsHash = QByteArray::fromHex("4f458990c7013ac1c09600fa45fad979");     // "robots"
const QByteArray NewFeedHash = QByteArray::fromHex("5de7455a0279d9b5a6f869b86485f82c");    // "new feed"

// The site manifest as SiteOutput wrote it before OwnedFolder (QDataStream, Qt 6.4), spelled out
// byte by byte: big-endian numbers, strings as UTF-16 with their byte length, byte arrays with
// theirs (a null one as 0xffffffff).
QByteArray be32(quint32 value)
{
    QByteArray bytes(4, '\0');
    qToBigEndian(value, bytes.data());
    return bytes;
}

QByteArray be64(qint64 value)
{
    QByteArray bytes(8, '\0');
    qToBigEndian(value, bytes.data());
    return bytes;
}

QByteArray streamed(const QString &text)
{
    QByteArray bytes = be32(quint32(text.size() * 2));
    for (const QChar c : text)
        bytes += char(c.unicode() >> 8) + QByteArray(1, char(c.unicode() & 0xff));
    return bytes;
}

QByteArray streamed(const QByteArray &bytes)
{
    return bytes.isNull() ? be32(0xffffffff) : be32(quint32(bytes.size())) + bytes;
}

QByteArray oldSiteManifest()
{
    return be32(0x51534d46) + be32(1) + be32(3)
        + streamed(QStringLiteral("index.html")) + streamed(OldPageHash) + streamed(QByteArray("key-index")) + be64(15)
        + streamed(QStringLiteral("posts/gone/index.html")) + streamed(GonePageHash) + streamed(QByteArray("key-gone")) + be64(16)
        + streamed(QStringLiteral("robots.txt")) + streamed(RobotsHash) + streamed(QByteArray()) + be64(6)
        + streamed(QByteArray("builder memory"));
}

// The publish record as FolderPublisher wrote it (QJsonDocument, indented).
const QByteArray OldPublishManifest = R"({
    "about": "Files Quire published here; Quire only ever removes these.",
    "files": {
        "index.html": {
            "hash": "dff8efca7726678778b831187adf931e",
            "size": 15
        },
        "posts/gone/index.html": {
            "hash": "f5ef9fea8095910141ce3f56195f0deb",
            "size": 16
        }
    },
    "format": 1
}
)";

// The export list as MarkdownExporter wrote it.
const QByteArray OldExportManifest = R"({
    "files": [
        "config.toml",
        "content/posts/gone.md",
        "content/posts/kept.md"
    ],
    "format": 1
}
)";

} // namespace

class TestOwnedFolder : public QObject
{
    Q_OBJECT

private slots:
    void refusesRootHomeAndItsParents();
    void refusesAFileAndAnEmptyName();
    void neverWritesThroughALink();
    void manifestPathsOutsideTheFolderAreDropped();
    void damagedManifestsAreRefused_data();
    void damagedManifestsAreRefused();
    void writesWholeFilesAndRecordsThem();
    void removesOnlyWhatItWroteUnchanged();
    void emptiedFoldersGoTheFolderStays();
    void foreignFilesAndFilesInTheWay();
    void oldSiteManifestKeepsWorking();
    void oldPublishManifestKeepsWorking();
    void oldExportManifestKeepsWorking();
    void oldExportFolderIsExportedInto();
    void oldPublishFolderIsPublishedInto();
    void oldSiteFolderIsBuiltInto();
    void siteStopsBeforeItsJournalAtALink();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    OwnedFolder folder(const QString &name, std::unique_ptr<const ManifestFormat> format) const;

    QTemporaryDir m_dir;
};

OwnedFolder TestOwnedFolder::folder(const QString &name, std::unique_ptr<const ManifestFormat> format) const
{
    const Result<QString> root = OwnedFolder::folderOfItsOwn(path(name));
    if (!root)
        qFatal("%s", qPrintable(root.errorMessage()));
    return OwnedFolder(*root, std::move(format));
}

void TestOwnedFolder::refusesRootHomeAndItsParents()
{
    const QByteArray home = qgetenv("HOME");
    const QString fakeHome = path(QStringLiteral("home/user"));
    QVERIFY(QDir().mkpath(fakeHome));
    QVERIFY(QFile::link(fakeHome, path(QStringLiteral("home-link"))));
    qputenv("HOME", fakeHome.toUtf8());
    const QStringList refused{QStringLiteral("/"), fakeHome, path(QStringLiteral("home")), path(QStringLiteral("home-link")),
                              fakeHome + QStringLiteral("/new/.."), path(QStringLiteral("home-link/new/../"))};
    QStringList messages;
    for (const QString &dir : refused) {
        const Result<QString> root = OwnedFolder::folderOfItsOwn(dir);
        messages.append(root ? QStringLiteral("accepted: ") + dir : root.errorMessage());
    }
    const Result<QString> below = OwnedFolder::checkedRoot(fakeHome + QStringLiteral("/blog"));
    qputenv("HOME", home);
    for (const QString &message : std::as_const(messages))
        QVERIFY2(message.contains(QStringLiteral("cannot be the output folder")), qPrintable(message));
    QVERIFY(!QFileInfo::exists(fakeHome + QStringLiteral("/new")));   // refused before anything is made
    // A folder of its own below home is fine, and a dry check makes nothing.
    QVERIFY2(below, qPrintable(messageOf(below)));
    QCOMPARE(*below, QFileInfo(fakeHome).canonicalFilePath() + QStringLiteral("/blog"));
    QVERIFY(!QFileInfo::exists(*below));
}

void TestOwnedFolder::refusesAFileAndAnEmptyName()
{
    writeFile(path(QStringLiteral("a-file")), "mine");
    const Result<QString> file = OwnedFolder::folderOfItsOwn(path(QStringLiteral("a-file")));
    QVERIFY(!file);
    QVERIFY2(file.errorMessage().contains(QStringLiteral("not a folder")), qPrintable(file.errorMessage()));
    QCOMPARE(readAll(path(QStringLiteral("a-file"))), QByteArray("mine"));
    QVERIFY(!OwnedFolder::folderOfItsOwn(QStringLiteral("  ")));
    // A link to nowhere is not a folder either, and is not made one.
    QVERIFY(QFile::link(path(QStringLiteral("nowhere")), path(QStringLiteral("dangling"))));
    QVERIFY(!OwnedFolder::folderOfItsOwn(path(QStringLiteral("dangling"))));
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("nowhere"))));
}

void TestOwnedFolder::neverWritesThroughALink()
{
    OwnedFolder out = folder(QStringLiteral("links"), std::make_unique<PublishManifestFormat>());
    const QString outside = path(QStringLiteral("links-outside"));
    QVERIFY(QDir().mkpath(outside));
    QVERIFY(QFile::link(outside, out.absolute(QStringLiteral("posts"))));
    // A linked folder on the way.
    const Result<void> throughFolder = out.writeWhole(QStringLiteral("posts/deeper/index.html"), "page");
    QVERIFY(!throughFolder);
    QVERIFY2(throughFolder.errorMessage().contains(QStringLiteral("symbolic link")), qPrintable(throughFolder.errorMessage()));
    QVERIFY(!out.checkWritable(QStringLiteral("posts/index.html")));
    QVERIFY(entries(outside).isEmpty());
    // A linked file.
    writeFile(outside + QStringLiteral("/theirs.txt"), "keep");
    QVERIFY(QFile::link(outside + QStringLiteral("/theirs.txt"), out.absolute(QStringLiteral("feed.xml"))));
    QVERIFY(!out.writeWhole(QStringLiteral("feed.xml"), "feed"));
    QCOMPARE(readAll(outside + QStringLiteral("/theirs.txt")), QByteArray("keep"));
    // A file where a folder should be.
    writeFile(out.absolute(QStringLiteral("media")), "a file");
    QVERIFY(!out.writeWhole(QStringLiteral("media/x.png"), "png"));
    QCOMPARE(readAll(out.absolute(QStringLiteral("media"))), QByteArray("a file"));
    // Recorded or not, nothing is removed through a link.
    out.own(QStringLiteral("posts/theirs.txt"), OwnedFile{contentHash("keep"), 4, {}, true});
    QCOMPARE(out.removeOwned(QStringLiteral("posts/theirs.txt")).value(), false);
    QCOMPARE(readAll(outside + QStringLiteral("/theirs.txt")), QByteArray("keep"));
    QVERIFY(!out.isOwned(QStringLiteral("posts/theirs.txt")));
    QVERIFY(out.record().files.isEmpty());   // nothing refused was recorded
}

void TestOwnedFolder::manifestPathsOutsideTheFolderAreDropped()
{
    OwnedFolder out = folder(QStringLiteral("hostile"), std::make_unique<ExportManifestFormat>());
    writeFile(path(QStringLiteral("hostile-outside.txt")), "outside");
    writeFile(out.absolute(QStringLiteral("ok.md")), "ok");
    writeFile(out.manifestPath(), R"({"format": 1, "files": ["../hostile-outside.txt", ")" + path(QStringLiteral("hostile-outside.txt")).toUtf8()
                                      + R"(", "a/../../hostile-outside.txt", "./ok.md", "a//b", "", ".quire-export.json", "ok.md"]})");
    const Result<void> read = out.readRecord();
    QVERIFY2(read, qPrintable(messageOf(read)));
    QCOMPARE(out.record().files.keys(), QStringList{QStringLiteral("ok.md")});
    for (const QString &hostile : {QStringLiteral("../hostile-outside.txt"), path(QStringLiteral("hostile-outside.txt")),
                                   QStringLiteral(".quire-export.json")}) {
        out.own(hostile, OwnedFile{});
        QVERIFY(!out.isOwned(hostile));
        QVERIFY(!out.removeOwned(hostile).value());
        QVERIFY(!out.writeWhole(hostile, "x"));
    }
    QCOMPARE(readAll(path(QStringLiteral("hostile-outside.txt"))), QByteArray("outside"));
    QVERIFY(QFileInfo::exists(out.manifestPath()));
    QVERIFY(out.removeOwned(QStringLiteral("ok.md")).value());
}

void TestOwnedFolder::damagedManifestsAreRefused_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("site, garbage") << QStringLiteral("site") << QByteArray("not a manifest at all");
    QTest::newRow("site, cut short") << QStringLiteral("site") << oldSiteManifest().chopped(5);
    QTest::newRow("site, newer") << QStringLiteral("site") << be32(0x51534d46) + be32(2) + be32(0) + streamed(QByteArray());
    QTest::newRow("publish, not JSON") << QStringLiteral("publish") << QByteArray("{\"format\": 1, ");
    QTest::newRow("publish, newer") << QStringLiteral("publish") << QByteArray(R"({"format": 2, "files": {}})");
    QTest::newRow("export, not JSON") << QStringLiteral("export") << QByteArray("[1, 2");
    QTest::newRow("export, no format") << QStringLiteral("export") << QByteArray(R"({"files": ["a.md"]})");
    QTest::newRow("site, a folder") << QStringLiteral("site") << QByteArray();
}

void TestOwnedFolder::damagedManifestsAreRefused()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, bytes);
    std::unique_ptr<const ManifestFormat> format;
    if (kind == u"site")
        format = std::make_unique<SiteManifestFormat>();
    else if (kind == u"publish")
        format = std::make_unique<PublishManifestFormat>();
    else
        format = std::make_unique<ExportManifestFormat>();
    OwnedFolder out = folder(QStringLiteral("damaged-%1").arg(QTest::currentDataTag()), std::move(format));
    if (bytes.isNull())
        QVERIFY(QDir().mkpath(out.manifestPath()));
    else
        writeFile(out.manifestPath(), bytes);
    writeFile(out.absolute(QStringLiteral("a.md")), "a");
    const Result<void> read = out.readRecord();
    QVERIFY(!read);
    QVERIFY2(read.errorMessage().contains(QStringLiteral("damaged")) && read.errorMessage().contains(out.manifestPath()),
             qPrintable(read.errorMessage()));
    QVERIFY(!out.hasManifest());
    QVERIFY(out.record().files.isEmpty());
    QVERIFY(!out.removeOwned(QStringLiteral("a.md")).value());   // nothing is known to be Quire's
    QVERIFY(QFileInfo::exists(out.absolute(QStringLiteral("a.md"))));
}

void TestOwnedFolder::writesWholeFilesAndRecordsThem()
{
    OwnedFolder out = folder(QStringLiteral("whole"), std::make_unique<PublishManifestFormat>());
    QVERIFY(out.readRecord());
    QVERIFY(!out.hasManifest());
    QVERIFY(out.writeWhole(QStringLiteral("posts/deep/er/index.html"), "<p>old page</p>"));
    QVERIFY(out.writeWhole(QStringLiteral("index.html"), "first"));
    QVERIFY(out.writeWhole(QStringLiteral("index.html"), "<p>old page</p>"));   // replaced
    QCOMPARE(readAll(out.absolute(QStringLiteral("posts/deep/er/index.html"))), QByteArray("<p>old page</p>"));
    QCOMPARE(readAll(out.absolute(QStringLiteral("index.html"))), QByteArray("<p>old page</p>"));
    QCOMPARE(out.entry(QStringLiteral("index.html"))->hash, OldPageHash);
    QCOMPARE(out.entry(QStringLiteral("index.html"))->size, 15);
    QCOMPARE(entries(out.root()), (QStringList{QStringLiteral("index.html"), QStringLiteral("posts")}));   // no temporary left
    QVERIFY(out.commitRecord());

    // What was committed is what the next writer reads.
    OwnedFolder again(out.root(), std::make_unique<PublishManifestFormat>());
    QVERIFY(again.readRecord());
    QVERIFY(again.hasManifest());
    QCOMPARE(again.record().files.keys().size(), 2);
    QCOMPARE(again.entry(QStringLiteral("posts/deep/er/index.html"))->hash, OldPageHash);
    QVERIFY(again.isUnchanged(QStringLiteral("index.html")));
    QVERIFY(again.manifestIs(readAll(again.manifestPath())));
}

void TestOwnedFolder::removesOnlyWhatItWroteUnchanged()
{
    OwnedFolder out = folder(QStringLiteral("only-ours"), std::make_unique<PublishManifestFormat>());
    QVERIFY(out.writeWhole(QStringLiteral("same-size.html"), "Quire's words"));
    QVERIFY(out.writeWhole(QStringLiteral("longer.html"), "Quire's words"));
    QVERIFY(out.writeWhole(QStringLiteral("as-written.html"), "Quire's words"));
    QVERIFY(out.writeWhole(QStringLiteral("gone.html"), "Quire's words"));
    writeFile(out.absolute(QStringLiteral("same-size.html")), "Their  words!");   // changed, the size kept
    writeFile(out.absolute(QStringLiteral("longer.html")), "Their own, longer words");
    writeFile(out.absolute(QStringLiteral("theirs.html")), "never Quire's");
    QVERIFY(QFile::remove(out.absolute(QStringLiteral("gone.html"))));

    QVERIFY(!out.isUnchanged(QStringLiteral("same-size.html")));
    for (const QString &file : {QStringLiteral("same-size.html"), QStringLiteral("longer.html"), QStringLiteral("theirs.html"),
                                QStringLiteral("gone.html")}) {
        const Result<bool> removed = out.removeOwned(file);
        QVERIFY2(removed, qPrintable(messageOf(removed)));
        QVERIFY2(!*removed, qPrintable(file));
        QVERIFY(!out.isOwned(file));   // left to the writer, and no longer in the record
    }
    QCOMPARE(readAll(out.absolute(QStringLiteral("same-size.html"))), QByteArray("Their  words!"));
    QCOMPARE(readAll(out.absolute(QStringLiteral("longer.html"))), QByteArray("Their own, longer words"));
    QCOMPARE(readAll(out.absolute(QStringLiteral("theirs.html"))), QByteArray("never Quire's"));
    QVERIFY(out.removeOwned(QStringLiteral("as-written.html")).value());
    QVERIFY(!QFileInfo::exists(out.absolute(QStringLiteral("as-written.html"))));
    QVERIFY(out.record().files.isEmpty());

    // Where the record knows names only (an export's), a file of that name is taken as Quire's.
    OwnedFolder names = folder(QStringLiteral("names-only"), std::make_unique<ExportManifestFormat>());
    writeFile(names.absolute(QStringLiteral("post.md")), "edited or not");
    names.own(QStringLiteral("post.md"), OwnedFile{{}, -1, {}, false});
    QVERIFY(names.removeOwned(QStringLiteral("post.md")).value());
    QVERIFY(!QFileInfo::exists(names.absolute(QStringLiteral("post.md"))));
}

void TestOwnedFolder::emptiedFoldersGoTheFolderStays()
{
    OwnedFolder out = folder(QStringLiteral("emptied"), std::make_unique<ExportManifestFormat>());
    QVERIFY(out.writeWhole(QStringLiteral("a/b/c/deep.md"), "deep"));
    QVERIFY(out.writeWhole(QStringLiteral("a/kept.md"), "kept"));
    QVERIFY(out.writeWhole(QStringLiteral("top.md"), "top"));
    QVERIFY(out.removeOwned(QStringLiteral("a/b/c/deep.md")).value());
    QVERIFY(!QFileInfo::exists(out.absolute(QStringLiteral("a/b"))));
    QVERIFY(QFileInfo::exists(out.absolute(QStringLiteral("a/kept.md"))));
    QVERIFY(out.removeOwned(QStringLiteral("a/kept.md")).value());
    QVERIFY(out.removeOwned(QStringLiteral("top.md")).value());
    QVERIFY(QFileInfo(out.root()).isDir());
    QVERIFY(entries(out.root()).isEmpty());
    // A folder emptied and written into again is made again.
    QVERIFY(out.writeWhole(QStringLiteral("a/b/again.md"), "again"));
    QCOMPARE(readAll(out.absolute(QStringLiteral("a/b/again.md"))), QByteArray("again"));
}

void TestOwnedFolder::foreignFilesAndFilesInTheWay()
{
    OwnedFolder out = folder(QStringLiteral("foreign"), std::make_unique<SiteManifestFormat>());
    QVERIFY(out.isEmpty());
    QVERIFY(out.writeWhole(QStringLiteral("posts/ours.html"), "ours"));
    QVERIFY(out.commitRecord());
    QVERIFY(out.isEmpty() == false);
    QCOMPARE(out.foreignFiles(3).value(), QStringList());   // the manifest's folder is Quire's state
    writeFile(out.absolute(QStringLiteral("posts/theirs.html")), "theirs");
    QVERIFY(QFile::link(out.absolute(QStringLiteral("posts/ours.html")), out.absolute(QStringLiteral("link.html"))));
    QStringList foreign = out.foreignFiles(10).value();
    foreign.sort();
    QCOMPARE(foreign, (QStringList{QStringLiteral("link.html"), QStringLiteral("posts/theirs.html")}));
    QCOMPARE(out.foreignFiles(1)->size(), 1);
    QVERIFY(!out.isInTheWay(QStringLiteral("posts/ours.html")));
    QVERIFY(!out.isInTheWay(QStringLiteral("posts/new.html")));
    QVERIFY(out.isInTheWay(QStringLiteral("posts/theirs.html")));
    QVERIFY(out.isInTheWay(QStringLiteral("link.html")));
    QVERIFY(out.isInTheWay(QStringLiteral("posts")));
    // The state folder is never a file of the site.
    QVERIFY(!out.writeWhole(QStringLiteral(".quire/manifest"), "x"));
    QVERIFY(!out.writeWhole(QStringLiteral(".quire/other"), "x"));
}

void TestOwnedFolder::oldSiteManifestKeepsWorking()
{
    OwnedFolder out = folder(QStringLiteral("old-site"), std::make_unique<SiteManifestFormat>());
    writeFile(out.manifestPath(), oldSiteManifest());
    writeFile(out.absolute(QStringLiteral("index.html")), "<p>old page</p>");
    writeFile(out.absolute(QStringLiteral("posts/gone/index.html")), "<p>gone page</p>");
    writeFile(out.absolute(QStringLiteral("robots.txt")), "robots");
    const Result<void> read = out.readRecord();
    QVERIFY2(read, qPrintable(messageOf(read)));
    QCOMPARE(out.record().files.size(), 3);
    QCOMPARE(out.record().data, QByteArray("builder memory"));
    QCOMPARE(out.entry(QStringLiteral("index.html"))->inputKey, QByteArray("key-index"));
    QVERIFY(out.entry(QStringLiteral("robots.txt"))->inputKey.isEmpty());
    // Written back, the record is the same bytes: the format on disk has not changed.
    QCOMPARE(out.manifestBytes(out.record()), oldSiteManifest());
    QVERIFY(out.manifestIs(oldSiteManifest()));
    QVERIFY(out.isUnchanged(QStringLiteral("index.html")));
    QVERIFY(out.removeOwned(QStringLiteral("posts/gone/index.html")).value());
    QVERIFY(!QFileInfo::exists(out.absolute(QStringLiteral("posts"))));
}

void TestOwnedFolder::oldPublishManifestKeepsWorking()
{
    OwnedFolder out = folder(QStringLiteral("old-publish"), std::make_unique<PublishManifestFormat>());
    writeFile(out.manifestPath(), OldPublishManifest);
    writeFile(out.absolute(QStringLiteral("index.html")), "<p>old page</p>");
    writeFile(out.absolute(QStringLiteral("posts/gone/index.html")), "<p>gone page</p>");
    const Result<void> read = out.readRecord();
    QVERIFY2(read, qPrintable(messageOf(read)));
    QCOMPARE(out.record().files.size(), 2);
    QCOMPARE(out.entry(QStringLiteral("index.html"))->hash, OldPageHash);
    QCOMPARE(out.entry(QStringLiteral("posts/gone/index.html"))->size, 16);
    QCOMPARE(out.manifestBytes(out.record()), OldPublishManifest);
    QVERIFY(out.commitRecord());   // unchanged: not rewritten
    QCOMPARE(readAll(out.manifestPath()), OldPublishManifest);
    QVERIFY(out.removeOwned(QStringLiteral("posts/gone/index.html")).value());
    QVERIFY(!QFileInfo::exists(out.absolute(QStringLiteral("posts"))));
    QVERIFY(out.commitRecord());
    QVERIFY(!readAll(out.manifestPath()).contains("gone"));
}

void TestOwnedFolder::oldExportManifestKeepsWorking()
{
    OwnedFolder out = folder(QStringLiteral("old-export"), std::make_unique<ExportManifestFormat>());
    writeFile(out.manifestPath(), OldExportManifest);
    writeFile(out.absolute(QStringLiteral("content/posts/gone.md")), "gone");
    writeFile(out.absolute(QStringLiteral("content/posts/kept.md")), "kept");
    writeFile(out.absolute(QStringLiteral("config.toml")), "title = \"Edited\"\n");
    const Result<void> read = out.readRecord();
    QVERIFY2(read, qPrintable(messageOf(read)));
    QCOMPARE(out.record().files.size(), 3);
    QVERIFY(!out.entry(QStringLiteral("config.toml"))->knowsContent);
    QCOMPARE(out.manifestBytes(out.record()), OldExportManifest);
    QVERIFY(out.removeOwned(QStringLiteral("content/posts/gone.md")).value());
    QVERIFY(out.writeWhole(QStringLiteral("content/posts/new.md"), "new"));
    QVERIFY(out.commitRecord());
    QCOMPARE(readAll(out.manifestPath()), QByteArray(R"({
    "files": [
        "config.toml",
        "content/posts/kept.md",
        "content/posts/new.md"
    ],
    "format": 1
}
)"));
}

void TestOwnedFolder::oldExportFolderIsExportedInto()
{
    // A folder the Markdown export wrote before, exported into again from a library that has
    // lost its posts: the old posts go, the configuration the writer edited stays.
    const QString out = path(QStringLiteral("old-export-again"));
    writeFile(out + QStringLiteral("/.quire-export.json"), OldExportManifest);
    writeFile(out + QStringLiteral("/content/posts/gone.md"), "gone");
    writeFile(out + QStringLiteral("/content/posts/kept.md"), "kept");
    writeFile(out + QStringLiteral("/content/posts/mine.md"), "the writer's own");
    writeFile(out + QStringLiteral("/config.toml"), "title = \"Edited\"\n");
    auto library = Library::open(path(QStringLiteral("old-export.quire")));
    QVERIFY2(library, qPrintable(messageOf(library)));
    const auto report = MarkdownExporter(**library).exportTo(out, MarkdownExporter::Flavor::Hugo);
    QVERIFY2(report, qPrintable(messageOf(report)));
    QCOMPARE(report->removed, 2);
    QVERIFY(!report->wroteConfig);
    QCOMPARE(entries(out + QStringLiteral("/content/posts")), QStringList{QStringLiteral("mine.md")});
    QCOMPARE(readAll(out + QStringLiteral("/config.toml")), QByteArray("title = \"Edited\"\n"));
    QCOMPARE(readAll(out + QStringLiteral("/.quire-export.json")), QByteArray(R"({
    "files": [
        "config.toml"
    ],
    "format": 1
}
)"));
}

void TestOwnedFolder::oldPublishFolderIsPublishedInto()
{
    // A folder the publisher wrote before, published into again: the page as published stays as
    // it is, the page the site lost goes (with its emptied folder), the writer's notes stay, and
    // the record is written back in its format.
    const QString site = path(QStringLiteral("old-publish-site"));
    writeFile(site + QStringLiteral("/index.html"), "<p>old page</p>");
    writeFile(site + QStringLiteral("/feed.xml"), "new feed");
    const QString out = path(QStringLiteral("old-publish-www"));
    writeFile(out + QStringLiteral("/.quire-publish.json"), OldPublishManifest);
    writeFile(out + QStringLiteral("/index.html"), "<p>old page</p>");
    writeFile(out + QStringLiteral("/posts/gone/index.html"), "<p>gone page</p>");
    writeFile(out + QStringLiteral("/notes/mine.txt"), "mine");
    PublishTarget target;
    target.name = QStringLiteral("www");
    target.kind = PublishTarget::Kind::Folder;
    target.destination = out;
    const QDateTime indexTime = QFileInfo(out + QStringLiteral("/index.html")).lastModified();
    const auto changes = FolderPublisher(target).publish(site, QStringLiteral("again"), {});
    QVERIFY2(changes, qPrintable(messageOf(changes)));
    QCOMPARE(changes->size(), 2);
    QCOMPARE(changes->at(0).kind, Publisher::Change::Kind::Added);
    QCOMPARE(changes->at(0).path, QStringLiteral("feed.xml"));
    QCOMPARE(changes->at(1).kind, Publisher::Change::Kind::Removed);
    QCOMPARE(changes->at(1).path, QStringLiteral("posts/gone/index.html"));
    QCOMPARE(QFileInfo(out + QStringLiteral("/index.html")).lastModified(), indexTime);
    QVERIFY(!QFileInfo::exists(out + QStringLiteral("/posts")));
    QCOMPARE(readAll(out + QStringLiteral("/notes/mine.txt")), QByteArray("mine"));
    QCOMPARE(readAll(out + QStringLiteral("/.quire-publish.json")), QByteArray(R"({
    "about": "Files Quire published here; Quire only ever removes these.",
    "files": {
        "feed.xml": {
            "hash": "5de7455a0279d9b5a6f869b86485f82c",
            "size": 8
        },
        "index.html": {
            "hash": "dff8efca7726678778b831187adf931e",
            "size": 15
        }
    },
    "format": 1
}
)"));
}

void TestOwnedFolder::oldSiteFolderIsBuiltInto()
{
    // A site folder the build wrote before, built into again: what is current is kept, what the
    // new site lacks goes, the writer's own file stays, and the manifest is the same format.
    const QString out = path(QStringLiteral("old-site-again"));
    writeFile(out + QStringLiteral("/.quire/manifest"), oldSiteManifest());
    writeFile(out + QStringLiteral("/index.html"), "<p>old page</p>");
    writeFile(out + QStringLiteral("/posts/gone/index.html"), "<p>gone page</p>");
    writeFile(out + QStringLiteral("/robots.txt"), "robots");
    writeFile(out + QStringLiteral("/CNAME"), "blog.example.org");
    {
        auto output = SiteOutput::open(out, false);
        QVERIFY2(output, qPrintable(messageOf(output)));
        QCOMPARE((*output)->previousData(), QByteArray("builder memory"));
        QVERIFY((*output)->isCurrent(QStringLiteral("index.html"), "key-index"));
        QVERIFY(!(*output)->isCurrent(QStringLiteral("index.html"), "another key"));
        (*output)->keep(QStringLiteral("index.html"));
        QVERIFY((*output)->write(QStringLiteral("robots.txt"), "robots"));
        QVERIFY((*output)->write(QStringLiteral("feed.xml"), "new feed", "key-feed"));
        (*output)->setData("new memory");
        const auto counts = (*output)->commit();
        QVERIFY2(counts, qPrintable(messageOf(counts)));
        QCOMPARE(counts->written, 1);
        QCOMPARE(counts->unchanged, 2);
        QCOMPARE(counts->removed, 1);
    }
    QVERIFY(!QFileInfo::exists(out + QStringLiteral("/posts")));
    QCOMPARE(readAll(out + QStringLiteral("/feed.xml")), QByteArray("new feed"));
    QCOMPARE(readAll(out + QStringLiteral("/CNAME")), QByteArray("blog.example.org"));
    QCOMPARE(readAll(out + QStringLiteral("/.quire/manifest")),
             be32(0x51534d46) + be32(1) + be32(3)
                 + streamed(QStringLiteral("feed.xml")) + streamed(NewFeedHash) + streamed(QByteArray("key-feed")) + be64(8)
                 + streamed(QStringLiteral("index.html")) + streamed(OldPageHash) + streamed(QByteArray("key-index")) + be64(15)
                 + streamed(QStringLiteral("robots.txt")) + streamed(RobotsHash) + streamed(QByteArray()) + be64(6)
                 + streamed(QByteArray("new memory")));

    // A page of the old site the writer changed by hand is theirs now: when the new site no
    // longer has it, it stays (and is no longer listed), where an unchanged one goes.
    writeFile(out + QStringLiteral("/robots.txt"), "mine!!");
    auto output = SiteOutput::open(out, false);
    QVERIFY2(output, qPrintable(messageOf(output)));
    (*output)->keep(QStringLiteral("index.html"));
    const auto counts = (*output)->commit();
    QVERIFY2(counts, qPrintable(messageOf(counts)));
    QCOMPARE(counts->removed, 1);
    QVERIFY(!QFileInfo::exists(out + QStringLiteral("/feed.xml")));
    QCOMPARE(readAll(out + QStringLiteral("/robots.txt")), QByteArray("mine!!"));
    OwnedFolder after(out, std::make_unique<SiteManifestFormat>());
    QVERIFY(after.readRecord());
    QCOMPARE(after.record().files.keys(), QStringList{QStringLiteral("index.html")});
}

void TestOwnedFolder::siteStopsBeforeItsJournalAtALink()
{
    const QString out = path(QStringLiteral("site-link"));
    const auto build = [&](bool force, const QList<QPair<QString, QByteArray>> &files) {
        auto output = SiteOutput::open(out, force);
        if (!output)
            return Result<SiteOutput::Counts>(output.error());
        for (const auto &[file, content] : files) {
            if (Result<void> written = (*output)->write(file, content); !written)
                return Result<SiteOutput::Counts>(written.error());
        }
        return (*output)->commit();
    };
    QVERIFY(build(false, {{QStringLiteral("posts/p/index.html"), "<p>old page</p>"}, {QStringLiteral("index.html"), "home"}}));
    // The writer moves the posts away and links them back in.
    const QString elsewhere = path(QStringLiteral("site-link-elsewhere"));
    QVERIFY(QDir().rename(out + QStringLiteral("/posts"), elsewhere));
    QVERIFY(QFile::link(elsewhere, out + QStringLiteral("/posts")));

    // Even forced, the page is not written through the link, and that is found before the
    // journal: the old site stays whole and the next build is not stuck finishing it.
    const auto forced = build(true, {{QStringLiteral("posts/p/index.html"), "<p>new page</p>"}, {QStringLiteral("index.html"), "new home"}});
    QVERIFY(!forced);
    QVERIFY2(forced.errorMessage().contains(QStringLiteral("in the way")), qPrintable(forced.errorMessage()));
    QVERIFY(!QFileInfo::exists(out + QStringLiteral("/.quire/journal.json")));
    QCOMPARE(readAll(out + QStringLiteral("/index.html")), QByteArray("home"));
    QCOMPARE(readAll(elsewhere + QStringLiteral("/p/index.html")), QByteArray("<p>old page</p>"));

    // A site without the page goes through, and does not remove the page behind the link.
    const auto without = build(false, {{QStringLiteral("index.html"), "new home"}});
    QVERIFY2(without, qPrintable(messageOf(without)));
    QCOMPARE(without->removed, 0);
    QCOMPARE(readAll(out + QStringLiteral("/index.html")), QByteArray("new home"));
    QCOMPARE(readAll(elsewhere + QStringLiteral("/p/index.html")), QByteArray("<p>old page</p>"));
}

QTEST_GUILESS_MAIN(TestOwnedFolder)
#include "tst_owned_folder.moc"
