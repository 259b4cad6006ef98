#include "store/image_intake.h"

#include "store/asset_name.h"
#include "store/image_probe.h"
#include "store/svg_safety.h"

#include <QCryptographicHash>
#include <QMimeDatabase>

namespace quire {

namespace {

// The image type the bytes hold, or "" for anything else.
QString imageType(const QByteArray &data)
{
    static const QMimeDatabase types;
    const QString type = types.mimeTypeForData(data).name();
    return AssetName::extension(type).isEmpty() ? QString() : type;
}

} // namespace

Result<IncomingImage> ImageIntake::check(const QByteArray &data)
{
    if (data.isEmpty())
        return Error{tr("The image is empty (0 bytes).")};
    if (data.size() > MaxSize)
        return Error{tr("The image is too big (%1 MiB); the library keeps images of up to %2 MiB.")
                             .arg(double(data.size()) / (1024 * 1024), 0, 'f', 1).arg(MaxSize / (1024 * 1024))};
    IncomingImage image;
    image.mimeType = imageType(data);
    if (image.mimeType.isEmpty())
        return Error{tr("This is not an image the library can keep (PNG, JPEG, GIF, WebP, SVG or AVIF).")};
    if (image.mimeType == u"image/svg+xml") {
        if (Result<void> safe = SvgSafety::check(data); !safe)
            return safe.error();
    }
    image.sha256 = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    // The header's size only when it agrees on the type (QMimeDatabase and ImageProbe may differ).
    const ImageInfo info = ImageProbe::probe(data);
    if (info.mimeType == image.mimeType) {
        image.width = info.width;
        image.height = info.height;
    }
    return image;
}

} // namespace quire
