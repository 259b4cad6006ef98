#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

namespace quire {

// Makes a narrower copy of an image for the site's srcset. An interface because decoding images
// needs QtGui, which core never links: the app hands in an implementation (QtImageScaler), and a
// build without one writes no scaled copies. Called from the build's worker threads at once.
class ImageScaler
{
public:
    virtual ~ImageScaler() = default;

    // `data` (of `mimeType`) scaled to `width` pixels wide, aspect kept, in the same format.
    virtual Result<QByteArray> scaled(const QByteArray &data, const QString &mimeType, int width) const = 0;
};

} // namespace quire
