#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace quire {

// An image kept in the library, served to the preview at /media/NAME and written to the site under
// a name made from its bytes (SiteMedia).
struct Asset
{
    qint64 id = 0;
    QString name;            // unique, file-safe: "figure-1.png"
    QString mimeType;        // detected from the bytes: "image/png"
    QString sha256;          // hex, unique: the same bytes are stored once
    qint64 size = 0;
    int width = 0;           // pixels; 0 when unknown (e.g. an SVG)
    int height = 0;
    QString alt;
    QDateTime createdAt;
    QByteArray data;         // empty in listings
};

} // namespace quire
