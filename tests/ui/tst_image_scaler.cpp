// QtImageScaler: narrower copies in the image's own format at the width asked for, an error for
// bytes it cannot read; and a site build with it, where the copies decode to the widths the
// srcset names and an unreadable image is a note, not a failed build.

#include "images/qt_image_scaler.h"
#include "setup/library_setup.h"
#include "site/site_builder.h"
#include "store/asset_store.h"
#include "store/library.h"
#include "store/post_store.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QTemporaryDir>
#include <QTest>

using namespace quire;

namespace {

QByteArray encoded(const QImage &image, const char *format)
{
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    return writer.write(image) ? data : QByteArray();
}

// A picture with detail, so that a careless scale would show.
QImage picture(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x)
            line[x] = qRgb(x * 255 / width, y * 255 / height, (x ^ y) & 255);
    }
    return image;
}

QImageReader *readerOf(const QByteArray &data, QBuffer &buffer)
{
    buffer.setData(data);
    return new QImageReader(&buffer);
}

} // namespace

class TestImageScaler : public QObject
{
    Q_OBJECT

private slots:
    void keepsFormatAndAspect_data();
    void keepsFormatAndAspect();
    void unreadableBytesAreAnError();
    void siteBuildMakesCopies();
};

void TestImageScaler::keepsFormatAndAspect_data()
{
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<QString>("mimeType");
    QTest::newRow("png") << QByteArray("png") << QStringLiteral("image/png");
    QTest::newRow("jpeg") << QByteArray("jpeg") << QStringLiteral("image/jpeg");
    QTest::newRow("webp") << QByteArray("webp") << QStringLiteral("image/webp");
}

void TestImageScaler::keepsFormatAndAspect()
{
    QFETCH(QByteArray, format);
    QFETCH(QString, mimeType);
    if (!QImageWriter::supportedImageFormats().contains(format))
        QSKIP("Qt has no plugin for this format here (Debian package qt6-image-formats-plugins)");
    const QByteArray original = encoded(picture(2000, 1000), format.constData());
    QVERIFY(!original.isEmpty());
    const QtImageScaler scaler;
    const auto scaled = scaler.scaled(original, mimeType, 800);
    QVERIFY2(scaled, qPrintable(scaled ? QString() : scaled.errorMessage()));
    QBuffer buffer;
    std::unique_ptr<QImageReader> reader(readerOf(*scaled, buffer));
    QCOMPARE(reader->format(), format);
    const QImage image = reader->read();
    QCOMPARE(image.size(), QSize(800, 400));
}

void TestImageScaler::unreadableBytesAreAnError()
{
    const QtImageScaler scaler;
    QVERIFY(!scaler.scaled(QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(500, 'x'), QStringLiteral("image/png"), 800));
    QVERIFY(!scaler.scaled(QByteArray("GIF89a"), QStringLiteral("image/gif"), 800));
}

void TestImageScaler::siteBuildMakesCopies()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto library = LibrarySetup::open(dir.filePath(QStringLiteral("scaled.quire")));
    QVERIFY(library);
    const auto photo = (*library)->assets().store(encoded(picture(2400, 1200), "png"), QStringLiteral("photo.png"), 2400, 1200);
    // A PNG header, then garbage: the library keeps it (it reads only the header), nothing decodes it.
    const auto broken = (*library)->assets().store(QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(2000, '\x7f'),
                                               QStringLiteral("broken.png"), 3000, 2000);
    QVERIFY(photo && broken);
    Post post;
    post.title = QStringLiteral("Photos");
    post.body = QStringLiteral("![A photo](/media/photo.png)\n\n![Broken](/media/broken.png)\n");
    post.status = PostStatus::Published;
    post.publishedAt = QDateTime(QDate(2025, 3, 1), QTime(9, 0), Qt::UTC);
    QVERIFY((*library)->posts().create(post));

    const QtImageScaler scaler;
    SiteBuilder::Options options;
    options.outputDir = dir.filePath(QStringLiteral("site"));
    options.imageScaler = &scaler;
    const auto report = SiteBuilder(**library).build(options);
    QVERIFY2(report, qPrintable(report ? QString() : report.errorMessage()));
    QVERIFY2(report->notes.join(u'\n').contains(QStringLiteral("/media/broken.png could not be scaled down")),
             qPrintable(report->notes.join(u'\n')));

    const QString stem = options.outputDir + QStringLiteral("/media/photo.") + photo->sha256.left(10);
    for (int width : {800, 1600}) {
        const QImage copy(stem + QStringLiteral(".%1w.png").arg(width));
        QCOMPARE(copy.size(), QSize(width, width / 2));
    }
    QCOMPARE(QImage(stem + QStringLiteral(".png")).size(), QSize(2400, 1200));
    QFile page(options.outputDir + QStringLiteral("/posts/photos/index.html"));
    QVERIFY(page.open(QIODevice::ReadOnly));
    QVERIFY(page.readAll().contains(QStringLiteral("photo.%1.800w.png 800w").arg(photo->sha256.left(10)).toUtf8()));
}

QTEST_GUILESS_MAIN(TestImageScaler)
#include "tst_image_scaler.moc"
