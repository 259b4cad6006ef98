// Images pasted and dropped into the editor: stored once in the library, shown by the preview,
// and everything that is not an image (or too big) refused in the status bar with nothing inserted.
// A post's cover image, chosen in the Post Details, shows in the preview as on the site.

#include "editor/editor_view.h"
#include "metadata/metadata_panel.h"
#include "preview/web_engine_setup.h"
#include "setup/library_setup.h"
#include "store/asset_store.h"
#include "store/image_intake.h"
#include "store/library.h"
#include "webengine/preview_view.h"
#include "window/main_window.h"

#include "window_test_support.h"

#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QDropEvent>
#include <QFile>
#include <QImage>
#include <QMimeData>
#include <QPainter>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QWebEnginePage>

using namespace quire;

namespace {

QImage testImage()
{
    // A small chart: big enough to see in a screenshot, small enough to store quickly.
    QImage image(320, 180, QImage::Format_RGB32);
    image.fill(QColor(250, 248, 240));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(40, 40, 40), 2));
    painter.drawLine(30, 150, 300, 150);
    painter.drawLine(30, 150, 30, 15);
    painter.setPen(QPen(QColor(200, 60, 40), 3));
    QPointF previous(30, 30);
    for (int x = 40; x <= 300; x += 10) {
        const QPointF point(x, 150 - 120.0 * 30 / (x - 0.0));
        painter.drawLine(previous, point);
        previous = point;
    }
    painter.end();
    return image;
}

} // namespace

class TestImageInsert : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void pastedImageIsStoredOnce();
    void droppedPngFileIsStored();
    void nonImageFilesAreNeverAssets();
    void fileNamedLikeAnImageIsChecked();
    void tooBigFileIsRefused();
    void plainTextPastesAsBefore();
    void rawImageDataIsCheckedAndKept();
    void previewShowsTheImage();
    void previewShowsTheCover();

private:
    void drop(const QList<QUrl> &urls);
    QString writeFile(const QString &name, const QByteArray &data);
    QString editorText() const { return m_window->editor()->toPlainText(); }
    int assetCount() const { return int(m_window->library()->assets().list()->size()); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestImageInsert::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto library = LibrarySetup::open(m_dir->filePath(QStringLiteral("blog.quire")));
    QVERIFY2(library, library ? "" : qPrintable(library.errorMessage()));
    m_window = std::make_unique<MainWindow>(std::move(*library));
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->newPost().ok());
    QCOMPARE(editorText(), QString());
    QCOMPARE(assetCount(), 0);
}

void TestImageInsert::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

void TestImageInsert::drop(const QList<QUrl> &urls)
{
    auto *mime = new QMimeData;
    mime->setUrls(urls);
    QWidget *viewport = m_window->editor()->viewport();
    const QPointF at(20, 10);
    QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QDropEvent dropped(at, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &dropped);
    delete mime;
}

QString TestImageInsert::writeFile(const QString &name, const QByteArray &data)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestImageInsert::pastedImageIsStoredOnce()
{
    EditorView *editor = m_window->editor();
    QGuiApplication::clipboard()->setImage(testImage());
    editor->paste();
    const QString markdown = QStringLiteral("![Pasted image](/media/pasted-image.png)");
    QCOMPARE(editorText(), markdown);
    const auto assets = m_window->library()->assets().list();
    QCOMPARE(assets->size(), 1);
    QCOMPARE(assets->at(0).mimeType, QStringLiteral("image/png"));
    QCOMPARE(assets->at(0).width, 320);
    QCOMPARE(assets->at(0).height, 180);
    // The stored PNG is the picture that was pasted.
    const QImage stored = QImage::fromData((*m_window->library()->assets().byName(QStringLiteral("pasted-image.png")))->data);
    QCOMPARE(stored.convertToFormat(QImage::Format_RGB32), testImage());

    // Pasting the same picture again: one asset, two references.
    editor->insertPlainText(QStringLiteral("\n\n"));
    editor->paste();
    QCOMPARE(editorText(), markdown + QStringLiteral("\n\n") + markdown);
    QCOMPARE(assetCount(), 1);

    // A paste is one undo step.
    editor->undo();
    QCOMPARE(editorText(), markdown + QStringLiteral("\n\n"));
}

void TestImageInsert::droppedPngFileIsStored()
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(testImage().save(&buffer, "PNG"));
    const QString path = writeFile(QStringLiteral("Loss_curve-v2.png"), png);
    drop({QUrl::fromLocalFile(path)});
    QCOMPARE(editorText(), QStringLiteral("![Loss curve v2](/media/loss-curve-v2.png)"));
    const auto asset = m_window->library()->assets().byName(QStringLiteral("loss-curve-v2.png"));
    QVERIFY(asset && asset->has_value());
    QCOMPARE((*asset)->data, png);   // byte for byte, not re-encoded
    QCOMPARE((*asset)->width, 320);

    // Two files at once: one paragraph each.
    const QString other = writeFile(QStringLiteral("other.png"), png + "tail");
    m_window->editor()->clear();
    drop({QUrl::fromLocalFile(path), QUrl::fromLocalFile(other)});
    QCOMPARE(editorText(), QStringLiteral("![Loss curve v2](/media/loss-curve-v2.png)\n\n![other](/media/other.png)"));
    QCOMPARE(assetCount(), 2);
}

void TestImageInsert::nonImageFilesAreNeverAssets()
{
    const QString notes = writeFile(QStringLiteral("notes.txt"), "some notes\n");
    drop({QUrl::fromLocalFile(notes)});
    QCOMPARE(assetCount(), 0);
    QVERIFY2(!editorText().contains(QStringLiteral("/media/")), qPrintable(editorText()));
    // A picture among other files: left to the editor as a whole, never half an asset.
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(testImage().save(&buffer, "PNG"));
    const QString picture = writeFile(QStringLiteral("picture.png"), png);
    drop({QUrl::fromLocalFile(picture), QUrl::fromLocalFile(notes)});
    QCOMPARE(assetCount(), 0);
    // A remote image URL is text, never fetched.
    auto *mime = new QMimeData;
    mime->setUrls({QUrl(QStringLiteral("https://example.com/figure.png"))});
    QGuiApplication::clipboard()->setMimeData(mime);
    m_window->editor()->paste();
    QCOMPARE(assetCount(), 0);
}

void TestImageInsert::fileNamedLikeAnImageIsChecked()
{
    const QString fake = writeFile(QStringLiteral("fake.png"), "<html><script>alert(1)</script></html>");
    drop({QUrl::fromLocalFile(fake)});
    QCOMPARE(editorText(), QString());
    QCOMPARE(assetCount(), 0);
    const QString message = m_window->statusBar()->currentMessage();
    QVERIFY2(message.contains(QStringLiteral("fake.png")) && message.contains(QStringLiteral("not an image")), qPrintable(message));
}

void TestImageInsert::tooBigFileIsRefused()
{
    const QString path = m_dir->filePath(QStringLiteral("huge.png"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
    QVERIFY(file.resize(ImageIntake::MaxSize + 1));   // sparse: no 25 MiB written
    file.close();
    drop({QUrl::fromLocalFile(path)});
    QCOMPARE(editorText(), QString());
    QCOMPARE(assetCount(), 0);
    const QString message = m_window->statusBar()->currentMessage();
    QVERIFY2(message.contains(QStringLiteral("huge.png")) && message.contains(QStringLiteral("too big")), qPrintable(message));
}

void TestImageInsert::plainTextPastesAsBefore()
{
    QGuiApplication::clipboard()->setText(QStringLiteral("Plain *text*"));
    m_window->editor()->paste();
    QCOMPARE(editorText(), QStringLiteral("Plain *text*"));
    QCOMPARE(assetCount(), 0);
}

void TestImageInsert::rawImageDataIsCheckedAndKept()
{
    // Bytes that claim to be a PNG and are not: refused, nothing inserted.
    auto *lie = new QMimeData;
    lie->setData(QStringLiteral("image/png"), "GET / HTTP/1.1\r\n\r\n");
    QGuiApplication::clipboard()->setMimeData(lie);
    m_window->editor()->paste();
    QCOMPARE(editorText(), QString());
    QCOMPARE(assetCount(), 0);
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("not an image")),
             qPrintable(m_window->statusBar()->currentMessage()));
    // An SVG is kept as it came (vector, not turned into pixels).
    const QByteArray svg("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"8\"><rect width=\"8\" height=\"8\"/></svg>");
    auto *vector = new QMimeData;
    vector->setData(QStringLiteral("image/svg+xml"), svg);
    vector->setText(QStringLiteral("fallback text"));
    QGuiApplication::clipboard()->setMimeData(vector);
    m_window->editor()->paste();
    QCOMPARE(editorText(), QStringLiteral("![Pasted image](/media/pasted-image.svg)"));
    QCOMPARE((*m_window->library()->assets().byName(QStringLiteral("pasted-image.svg")))->data, svg);
}

void TestImageInsert::previewShowsTheImage()
{
    const auto evaluate = [this](const QString &script) { return WindowTest::evaluate(*m_window, script); };
    m_window->editor()->insertPlainText(QStringLiteral("A figure:\n\n"));
    QGuiApplication::clipboard()->setImage(testImage());
    m_window->editor()->paste();
    const QString width = QStringLiteral(
            "(() => { const i = document.querySelector('#quire-content img'); return i && i.complete ? i.naturalWidth : -1; })()");
    QVERIFY(WebWait::until([&] { return evaluate(width).toInt() == 320; }, 20000));
    // Served from the library under quire://, at /media/.
    QCOMPARE(evaluate(QStringLiteral("new URL(document.querySelector('#quire-content img').src).pathname")).toString(),
             QStringLiteral("/media/pasted-image.png"));
    QCOMPARE(WindowTest::preview(*m_window)->blockedRequestCount(), 0);
    if (const QString shot = qEnvironmentVariable("QUIRE_SCREENSHOT"); !shot.isEmpty()) {
        QTest::qWait(500);
        m_window->grab().save(shot);
    }
}

void TestImageInsert::previewShowsTheCover()
{
    const auto evaluate = [this](const QString &script) { return WindowTest::evaluate(*m_window, script); };
    m_window->editor()->insertPlainText(QStringLiteral("Words under the cover.\n"));
    const QString path = m_dir->filePath(QStringLiteral("Loss curve.png"));
    QVERIFY(testImage().save(path));
    QVERIFY(m_window->metadata()->chooseCoverFile(path));
    // At the top of the theme's post page, read from the library under quire:// at /media/.
    const QString width = QStringLiteral(
            "(() => { const i = document.querySelector('.post-cover img'); return i && i.complete ? i.naturalWidth : -1; })()");
    QVERIFY(WebWait::until([&] { return evaluate(width).toInt() == 320; }, 20000));
    QCOMPARE(evaluate(QStringLiteral("new URL(document.querySelector('.post-cover img').src).pathname")).toString(),
             QStringLiteral("/media/loss-curve.png"));
    QVERIFY(evaluate(QStringLiteral("!!document.querySelector('meta[property=\"og:image\"]')")).toBool());
    QCOMPARE(WindowTest::preview(*m_window)->blockedRequestCount(), 0);
    if (const QString shot = qEnvironmentVariable("QUIRE_SCREENSHOT"); !shot.isEmpty()) {
        QTest::qWait(500);
        m_window->grab().save(shot);
    }
    // Removed: gone from the preview too, without waiting for the next keystroke.
    m_window->metadata()->removeCover();
    QVERIFY(WebWait::until([&] { return evaluate(QStringLiteral("document.querySelector('.post-cover') === null")).toBool(); },
                            20000));
    // The page, loaded again without the cover, gets the post's text back.
    QVERIFY(WebWait::until([&] { return evaluate(QStringLiteral("!!document.querySelector('#quire-content p')")).toBool(); },
                            20000));
}

QUIRE_WINDOW_TEST_MAIN(TestImageInsert)

#include "tst_image_insert.moc"
