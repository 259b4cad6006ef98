// Themes: the built-in ones installed into every library and upgraded by version, a user's
// copy never touched, theme folders read and written, hostile folders refused, and templates
// that do not parse reported with their file, line and reason.

#include "core_test_support.h"
#include "library_sql.h"
#include "setup/library_setup.h"
#include "site/library_themes.h"
#include "site/site_theme.h"
#include "store/library.h"
#include "store/theme_store.h"
#include "theme/builtin_themes.h"
#include "theme/theme_folder.h"
#include "theme/theme_templates.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace quire;
using CoreTest::messageOf;
using CoreTest::execSql;

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

// A folder holding the built-in paper theme under another name.
QString exportCopy(Library &library, const QString &dir, const QString &name)
{
    auto paper = LibraryThemes::find(library, QStringLiteral("paper"));
    if (!paper || !*paper)
        return {};
    if (!ThemeFolder::write(**paper, dir))
        return {};
    QFile manifest(dir + QStringLiteral("/theme.json"));
    manifest.open(QIODevice::ReadOnly);
    QByteArray json = manifest.readAll();
    manifest.close();
    json.replace("\"name\": \"paper\"", "\"name\": \"" + name.toUtf8() + '"');
    manifest.open(QIODevice::WriteOnly | QIODevice::Truncate);
    manifest.write(json);
    return dir;
}

} // namespace

class TestTheme : public QObject
{
    Q_OBJECT

private slots:
    void builtinThemesAreShippedAndValid();
    void everyLibraryGetsTheBuiltinThemes();
    void builtinThemeUpgradedWhenQuireShipsNewer();
    void usersCopyIsNeverTouched();
    void importRefusesBuiltinName();
    void activeThemeDefaultsToPaper();
    void exportThenImportRoundTrips();
    void exportRefusesNonEmptyFolder();
    void brokenTemplateNamesFileLineAndReason();
    void missingTemplateIsAnError();
    void hostileFolders_data();
    void hostileFolders();
    void manifestChecks_data();
    void manifestChecks();
    void versionsCompareNumerically();

private:
    QTemporaryDir m_dir;
};

void TestTheme::builtinThemesAreShippedAndValid()
{
    auto shipped = BuiltinThemes::shipped();
    QVERIFY2(shipped, qPrintable(messageOf(shipped)));
    QStringList names;
    for (const Theme &theme : *shipped) {
        names.append(theme.manifest.name);
        QVERIFY(theme.builtin);
        QVERIFY(!theme.manifest.version.isEmpty());
        QVERIFY(theme.files.contains(QStringLiteral("static/style.css")));
        auto templates = ThemeTemplates::compile(theme);
        QVERIFY2(templates, qPrintable(messageOf(templates)));
    }
    QCOMPARE(names, (QStringList{QStringLiteral("ledger"), QStringLiteral("paper")}));
}

void TestTheme::everyLibraryGetsTheBuiltinThemes()
{
    auto library = LibrarySetup::open(m_dir.filePath(QStringLiteral("fresh.quire")));
    QVERIFY2(library, qPrintable(messageOf(library)));
    auto themes = LibraryThemes::list(**library);
    QVERIFY(themes);
    QCOMPARE(themes->size(), 2);
    QVERIFY(themes->at(0).builtin && themes->at(1).builtin);
    auto paper = LibraryThemes::find(**library, QStringLiteral("paper"));
    QVERIFY(paper && *paper);
    QVERIFY((*paper)->files.contains(QStringLiteral("templates/post.mustache")));
    QCOMPARE((*paper)->files.value(QStringLiteral("static/style.css")),
             BuiltinThemes::shipped()->at(1).files.value(QStringLiteral("static/style.css")));
}

void TestTheme::builtinThemeUpgradedWhenQuireShipsNewer()
{
    const QString path = m_dir.filePath(QStringLiteral("upgrade.quire"));
    QVERIFY(LibrarySetup::open(path));
    // As an older Quire left it: version 0.1 with an older style sheet.
    execSql(path, "UPDATE themes SET version = '0.1', manifest = json_set(manifest, '$.version', '0.1') WHERE name = 'paper';"
                  "UPDATE theme_files SET data = CAST('old' AS BLOB) WHERE path = 'static/style.css'"
                  " AND theme_id = (SELECT id FROM themes WHERE name = 'paper');");
    auto library = LibrarySetup::open(path);
    QVERIFY2(library, qPrintable(messageOf(library)));
    auto paper = LibraryThemes::find(**library, QStringLiteral("paper"));
    QVERIFY(paper && *paper);
    QCOMPARE((*paper)->manifest.version, QStringLiteral("1.2.0"));
    QVERIFY((*paper)->files.value(QStringLiteral("static/style.css")) != "old");

    // A newer built-in version than Quire ships (a later Quire was here) is left as it is.
    library->reset();
    execSql(path, "UPDATE themes SET version = '9.0', manifest = json_set(manifest, '$.version', '9.0') WHERE name = 'ledger';");
    library = LibrarySetup::open(path);
    QVERIFY(library);
    QCOMPARE((*LibraryThemes::find(**library, QStringLiteral("ledger")))->manifest.version, QStringLiteral("9.0"));
}

void TestTheme::usersCopyIsNeverTouched()
{
    const QString path = m_dir.filePath(QStringLiteral("copy.quire"));
    {
        auto library = LibrarySetup::open(path);
        QVERIFY(library);
        const QString dir = exportCopy(**library, m_dir.filePath(QStringLiteral("my-paper")), QStringLiteral("my-paper"));
        QVERIFY(!dir.isEmpty());
        writeFile(dir + QStringLiteral("/static/style.css"), "body { color: rebeccapurple; }");
        auto theme = ThemeFolder::read(dir);
        QVERIFY2(theme, qPrintable(messageOf(theme)));
        QVERIFY(LibraryThemes::import(**library, *theme));
        QVERIFY((*library)->themes().setActive(QStringLiteral("my-paper")));
    }
    // Even when the built-in paper is upgraded on the next open.
    execSql(path, "UPDATE themes SET version = '0.1' WHERE name = 'paper';");
    auto library = LibrarySetup::open(path);
    QVERIFY(library);
    auto copy = LibraryThemes::find(**library, QStringLiteral("my-paper"));
    QVERIFY(copy && *copy);
    QVERIFY(!(*copy)->builtin);
    QCOMPARE((*copy)->files.value(QStringLiteral("static/style.css")), QByteArray("body { color: rebeccapurple; }"));
    auto active = SiteTheme::ofLibrary(**library);
    QVERIFY(active);
    QVERIFY(active->fallbackReason().isEmpty());
    QCOMPARE(active->theme().manifest.name, QStringLiteral("my-paper"));
}

void TestTheme::importRefusesBuiltinName()
{
    auto library = LibrarySetup::open(m_dir.filePath(QStringLiteral("refuse.quire")));
    QVERIFY(library);
    Theme theme = **LibraryThemes::find(**library, QStringLiteral("paper"));
    auto imported = LibraryThemes::import(**library, theme);
    QVERIFY(!imported);
    QVERIFY2(imported.errorMessage().contains(QStringLiteral("built-in")), qPrintable(imported.errorMessage()));
    QVERIFY((*LibraryThemes::find(**library, QStringLiteral("paper")))->builtin);
}

void TestTheme::activeThemeDefaultsToPaper()
{
    auto library = LibrarySetup::open(m_dir.filePath(QStringLiteral("active.quire")));
    QVERIFY(library);
    QCOMPARE((*library)->themes().activeName().value(), QStringLiteral("paper"));
    QVERIFY((*library)->themes().setActive(QStringLiteral("ledger")));
    QCOMPARE((*library)->themes().activeName().value(), QStringLiteral("ledger"));
    auto missing = (*library)->themes().setActive(QStringLiteral("nope"));
    QVERIFY(!missing);
    QCOMPARE((*library)->themes().activeName().value(), QStringLiteral("ledger"));
    QCOMPARE(SiteTheme::ofLibrary(**library)->theme().manifest.name, QStringLiteral("ledger"));
}

void TestTheme::exportThenImportRoundTrips()
{
    auto library = LibrarySetup::open(m_dir.filePath(QStringLiteral("roundtrip.quire")));
    QVERIFY(library);
    const Theme ledger = **LibraryThemes::find(**library, QStringLiteral("ledger"));
    const QString dir = m_dir.filePath(QStringLiteral("ledger-out"));
    QVERIFY(ThemeFolder::write(ledger, dir));
    auto read = ThemeFolder::read(dir);
    QVERIFY2(read, qPrintable(messageOf(read)));
    QCOMPARE(read->files, ledger.files);
    QCOMPARE(read->manifest.name, QStringLiteral("ledger"));
}

void TestTheme::exportRefusesNonEmptyFolder()
{
    auto library = LibrarySetup::open(m_dir.filePath(QStringLiteral("nonempty.quire")));
    QVERIFY(library);
    const QString dir = m_dir.filePath(QStringLiteral("occupied"));
    writeFile(dir + QStringLiteral("/notes.txt"), "mine");
    auto written = ThemeFolder::write(**LibraryThemes::find(**library, QStringLiteral("paper")), dir);
    QVERIFY(!written);
    QCOMPARE(QDir(dir).entryList(QDir::Files), QStringList{QStringLiteral("notes.txt")});
}

void TestTheme::brokenTemplateNamesFileLineAndReason()
{
    auto library = LibrarySetup::open(m_dir.filePath(QStringLiteral("broken.quire")));
    QVERIFY(library);
    const QString dir = exportCopy(**library, m_dir.filePath(QStringLiteral("broken")), QStringLiteral("broken"));
    writeFile(dir + QStringLiteral("/templates/post.mustache"), "{{<base}}\n{{$content}}\n{{#post.tags}}\n{{/content}}\n{{/base}}\n");
    auto theme = ThemeFolder::read(dir);
    QVERIFY(!theme);
    const QString message = theme.errorMessage();
    QVERIFY2(message.contains(QStringLiteral("templates/post.mustache:")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("broken")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("post.tags")), qPrintable(message));
}

void TestTheme::missingTemplateIsAnError()
{
    auto library = LibrarySetup::open(m_dir.filePath(QStringLiteral("missing.quire")));
    QVERIFY(library);
    const QString dir = exportCopy(**library, m_dir.filePath(QStringLiteral("missing")), QStringLiteral("missing"));
    QVERIFY(QFile::remove(dir + QStringLiteral("/templates/archive.mustache")));
    auto theme = ThemeFolder::read(dir);
    QVERIFY(!theme);
    QVERIFY2(theme.errorMessage().contains(QStringLiteral("templates/archive.mustache")), qPrintable(theme.errorMessage()));
}

void TestTheme::hostileFolders_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no theme.json") << "no-manifest" << "no theme.json";
    QTest::newRow("symlink out") << "symlink" << "symbolic link";
    QTest::newRow("not a folder") << "file" << "not a folder";
    QTest::newRow("huge file") << "huge" << "larger than";
    QTest::newRow("binary template") << "binary" << "not UTF-8";
}

void TestTheme::hostileFolders()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    auto library = LibrarySetup::open(m_dir.filePath(QStringLiteral("hostile-%1.quire").arg(kind)));
    QVERIFY(library);
    QString dir = exportCopy(**library, m_dir.filePath(QStringLiteral("hostile-") + kind), QStringLiteral("hostile"));
    if (kind == u"no-manifest")
        QVERIFY(QFile::remove(dir + QStringLiteral("/theme.json")));
    else if (kind == u"symlink")
        QVERIFY(QFile::link(QStringLiteral("/etc/passwd"), dir + QStringLiteral("/static/passwd.css")));
    else if (kind == u"file")
        dir += QStringLiteral("/theme.json");
    else if (kind == u"huge")
        writeFile(dir + QStringLiteral("/static/big.bin"), QByteArray(ThemeFolder::MaxFileBytes + 1, 'x'));
    else if (kind == u"binary")
        writeFile(dir + QStringLiteral("/templates/partials/bad.mustache"), QByteArray("\xff\xfe\x00" "bad", 6));
    auto theme = ThemeFolder::read(dir);
    QVERIFY(!theme);
    QVERIFY2(theme.errorMessage().contains(expected), qPrintable(theme.errorMessage()));
    // Nothing reached the library.
    QCOMPARE(LibraryThemes::list(**library)->size(), 2);
}

void TestTheme::manifestChecks_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");   // empty: valid
    QTest::newRow("minimal") << QByteArray(R"({"name": "mine"})") << "";
    QTest::newRow("not json") << QByteArray("{name: mine") << "not valid JSON";
    QTest::newRow("array") << QByteArray("[]") << "JSON object";
    QTest::newRow("no name") << QByteArray(R"({"title": "x"})") << "no \"name\"";
    QTest::newRow("path as name") << QByteArray(R"({"name": "../etc"})") << "lowercase";
    QTest::newRow("upper case") << QByteArray(R"({"name": "Mine"})") << "lowercase";
    QTest::newRow("bad version") << QByteArray(R"({"name": "mine", "version": "latest"})") << "dotted number";
    QTest::newRow("name not text") << QByteArray(R"({"name": 3})") << "must be text";
    QTest::newRow("style path") << QByteArray(R"({"name": "m", "highlight": {"light": "../../etc/passwd"}})") << "not a path";
}

void TestTheme::manifestChecks()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    auto manifest = ThemeManifest::parse(json);
    if (expected.isEmpty()) {
        QVERIFY2(manifest, qPrintable(messageOf(manifest)));
        QCOMPARE(manifest->title, QStringLiteral("mine"));
        return;
    }
    QVERIFY(!manifest);
    QVERIFY2(manifest.errorMessage().contains(expected), qPrintable(manifest.errorMessage()));
}

void TestTheme::versionsCompareNumerically()
{
    QVERIFY(ThemeManifest::compareVersions(QStringLiteral("1.10.0"), QStringLiteral("1.9.0")) > 0);
    QVERIFY(ThemeManifest::compareVersions(QStringLiteral("1.0"), QStringLiteral("1.0.0")) <= 0);
    QVERIFY(ThemeManifest::compareVersions(QStringLiteral("0.1"), QStringLiteral("1.0.0")) < 0);
}

QTEST_GUILESS_MAIN(TestTheme)
#include "tst_theme.moc"
