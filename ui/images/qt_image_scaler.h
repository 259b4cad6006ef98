#pragma once

#include "site/image_scaler.h"

namespace quire {

// Scales images with QImage (smooth, in the image's own format; JPEG at quality 85). QImage is
// reentrant, so one of these serves every thread of a site build.
class QtImageScaler : public ImageScaler
{
public:
    Result<QByteArray> scaled(const QByteArray &data, const QString &mimeType, int width) const override;
};

} // namespace quire
