#pragma once

#include "result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace quire {

// Bytes that passed ImageIntake: an image the library can keep.
struct IncomingImage
{
    QString mimeType;   // found in the bytes, never taken from a file name
    QString sha256;     // hex: the library keeps the same bytes once
    int width = 0;      // pixels from the header (ImageProbe); 0 when it does not say
    int height = 0;
};

// What the library accepts as an image: PNG, JPEG, GIF, WebP, AVIF, and SVGs that are pictures
// only (no scripts or outside references), of at most MaxSize. Every way an image comes in (a
// paste, a drop, a cover, an import, a replacement) passes here, so the rule exists once.
class ImageIntake
{
    Q_DECLARE_TR_FUNCTIONS(quire::Library)

public:
    static constexpr qint64 MaxSize = 25 * 1024 * 1024;

    // The image the bytes hold, or why the library cannot keep them, in a sentence.
    static Result<IncomingImage> check(const QByteArray &data);
};

} // namespace quire
