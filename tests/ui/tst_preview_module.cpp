// The preview as Quire loads it: a module opened after the window is up, by a program that does
// not link QtWebEngine. This suite is such a program (see tests/ui/CMakeLists.txt).

#include "preview/preview_module.h"
#include "preview/preview_pane.h"
#include "preview/web_engine_setup.h"
#include "setup/library_setup.h"
#include "store/library.h"
#include "store/post_store.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace quire;

namespace {

bool webEngineMapped()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    return maps.open(QIODevice::ReadOnly) && maps.readAll().contains("libQt6WebEngineCore");
}

} // namespace

class TestPreviewModule : public QObject
{
    Q_OBJECT

private slots:
    // In this order: once the module is loaded, it stays.
    void startsWithoutWebEngine();
    void refusesWhatIsNotTheModule();
    void loadsAndRendersAPost();
    void opensASitePreview();
};

void TestPreviewModule::startsWithoutWebEngine()
{
    QVERIFY(!PreviewModule::isLoaded());
    QVERIFY2(!webEngineMapped(), "QtWebEngine was loaded before the preview was asked for");
}

void TestPreviewModule::refusesWhatIsNotTheModule()
{
    QTemporaryDir dir;
    QVERIFY(!PreviewModule::load(dir.filePath(QStringLiteral("missing/libquire-preview.so"))));
    QVERIFY(PreviewModule::errorString().contains(QStringLiteral("missing/libquire-preview.so")));

    // Text under the module's name, and a shared library that is not the preview.
    const QString text = dir.filePath(QStringLiteral("libquire-preview.so"));
    QFile file(text);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\necho not a library\n");
    file.close();
    QVERIFY(!PreviewModule::load(text));
    QVERIFY(!PreviewModule::errorString().isEmpty());

    const QString other = QLibraryInfo::path(QLibraryInfo::LibrariesPath) + QStringLiteral("/libQt6Concurrent.so.6");
    QVERIFY(QFile::exists(other));
    QVERIFY(!PreviewModule::load(other));
    QVERIFY(PreviewModule::errorString().contains(QStringLiteral("not Quire's preview")));
    QVERIFY(!PreviewModule::isLoaded());
    QVERIFY(!webEngineMapped());

    // Where this suite is, nothing is installed: no Site Preview either, and a reason why.
    QVERIFY(!PreviewModule::createSitePreview(dir.path(), nullptr));
    QVERIFY(PreviewModule::errorString().contains(QStringLiteral("libquire-preview.so")));
    QVERIFY(!webEngineMapped());
}

void TestPreviewModule::loadsAndRendersAPost()
{
    QVERIFY2(PreviewModule::load(QStringLiteral(QUIRE_PREVIEW_MODULE_FILE)), qPrintable(PreviewModule::errorString()));
    QVERIFY(PreviewModule::isLoaded());
    QVERIFY(webEngineMapped());

    QTemporaryDir dir;
    auto library = LibrarySetup::open(dir.filePath(QStringLiteral("blog.quire")));
    QVERIFY(library);
    Post post;
    post.title = QStringLiteral("Loaded late");
    post.body = QStringLiteral("## Where the time goes\n\nThe preview *module* renders $x^2$ and this.\n");
    auto created = (*library)->posts().create(post);
    QVERIFY(created);

    QWidget window;
    window.resize(800, 600);
    std::unique_ptr<PreviewPane> pane(PreviewModule::create(&window));
    QVERIFY(pane);
    QSignalSpy rendered(pane.get(), &PreviewPane::rendered);
    QSignalSpy outline(pane.get(), &PreviewPane::outlineRendered);
    pane->setLibrary(library->get());
    pane->setPost(*created);
    window.show();
    // The first render may be of no post at all: the one that counts has the body's words.
    QTRY_VERIFY_WITH_TIMEOUT(!rendered.isEmpty() && rendered.last().at(0).toInt() > 0, 30000);
    QCOMPARE(rendered.last().at(0).toInt(), 10);   // the words of the body (math is not a word)
    QVERIFY(!outline.isEmpty());
    const auto headings = outline.last().at(0).value<QList<OutlineEntry>>();
    QCOMPARE(headings.size(), 1);
    QCOMPARE(headings.first().text, QStringLiteral("Where the time goes"));
    pane->releaseLibrary();
}

void TestPreviewModule::opensASitePreview()
{
    QVERIFY(PreviewModule::isLoaded());
    QTemporaryDir dir;
    QFile index(dir.filePath(QStringLiteral("index.html")));
    QVERIFY(index.open(QIODevice::WriteOnly));
    index.write("<!DOCTYPE html><title>Exported</title><h1>Exported</h1>");
    index.close();

    // As the Export dialog does: make it, show it, forget it.
    QWidget parent;
    QPointer<QWidget> window = PreviewModule::createSitePreview(dir.path(), &parent);
    QVERIFY(window);
    QVERIFY(window->isWindow());
    QVERIFY(window->testAttribute(Qt::WA_DeleteOnClose));
    QCOMPARE(window->windowTitle(), QStringLiteral("Site Preview — %1").arg(QFileInfo(dir.path()).fileName()));
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    auto *address = window->findChild<QLineEdit *>(QStringLiteral("sitePreviewAddress"));
    QVERIFY(address);
    QTRY_COMPARE_WITH_TIMEOUT(address->text(), QStringLiteral("/"), 15000);
    window->close();
    QTRY_VERIFY(!window);
}

int main(int argc, char *argv[])
{
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    WebEngineSetup::prepare();
    QApplication app(argc, argv);
    TestPreviewModule test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_preview_module.moc"
