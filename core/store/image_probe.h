#pragma once

#include <QByteArray>
#include <QString>

namespace quire {

// What an image file is, read from its first bytes (never from its name). Core cannot use QImage
// (no QtGui), and an import only needs the type and the size in pixels to store an asset.
struct ImageInfo
{
    QString mimeType;   // "image/png", …; empty when the bytes are no image the library keeps
    int width = 0;      // pixels; 0 when the header does not say (SVG, AVIF)
    int height = 0;

    bool isImage() const { return !mimeType.isEmpty(); }
};

// Recognises PNG, JPEG, GIF, WebP, AVIF and SVG by their magic bytes; reads the dimensions from
// the PNG, GIF, JPEG and WebP headers.
class ImageProbe
{
public:
    static ImageInfo probe(const QByteArray &data);
};

} // namespace quire
