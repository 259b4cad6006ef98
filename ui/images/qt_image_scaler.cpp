#include "images/qt_image_scaler.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>

namespace quire {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("quire::QtImageScaler", text);
}

QByteArray formatOf(const QString &mimeType)
{
    if (mimeType == QLatin1String("image/jpeg"))
        return "jpeg";
    if (mimeType == QLatin1String("image/webp"))
        return "webp";
    if (mimeType == QLatin1String("image/png"))
        return "png";
    return {};
}

} // namespace

Result<QByteArray> QtImageScaler::scaled(const QByteArray &data, const QString &mimeType, int width) const
{
    const QByteArray format = formatOf(mimeType);
    if (format.isEmpty())
        return Error{tr("Quire does not scale %1 images.").arg(mimeType)};
    QBuffer input;
    input.setData(data);
    QImageReader reader(&input, format);
    // Large photos are common; a damaged file claiming a huge size is not worth the memory.
    reader.setAllocationLimit(512);
    // The JPEG decoder can scale while it decodes, much faster than scaling afterwards (and still
    // smooth at its default quality).
    const QSize size = reader.size();
    if (format == "jpeg" && size.isValid() && size.width() > width)
        reader.setScaledSize(QSize(width, qMax(1, qRound(double(size.height()) * width / size.width()))));
    QImage image = reader.read();
    if (image.isNull())
        return Error{tr("it cannot be read: %1").arg(reader.errorString())};
    if (image.width() != width)
        image = image.scaledToWidth(width, Qt::SmoothTransformation);

    QByteArray out;
    QBuffer output(&out);
    output.open(QIODevice::WriteOnly);
    QImageWriter writer(&output, format);
    if (format == "jpeg" || format == "webp")
        writer.setQuality(85);
    if (!writer.write(image))
        return Error{tr("it cannot be written as %1: %2").arg(QString::fromLatin1(format), writer.errorString())};
    return out;
}

} // namespace quire
