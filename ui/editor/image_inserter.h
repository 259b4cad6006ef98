#pragma once

#include "result.h"
#include "store/asset.h"

#include <QObject>
#include <QString>

class QMimeData;

namespace quire {

class Library;

// Turns images pasted or dropped into the editor into library assets, and gives the Markdown that
// shows them (![alt](/media/NAME)). Takes image data (the clipboard's picture, or PNG, JPEG, GIF,
// WebP, SVG or AVIF bytes) and local image files; anything else is left to the editor as text.
class ImageInserter : public QObject
{
    Q_OBJECT

public:
    explicit ImageInserter(QObject *parent = nullptr);

    // The library the images go into (nullptr: none, and nothing is taken).
    void setLibrary(Library *library);

    // Whether source holds images this inserter takes: image data, or files that are all images
    // by their names (their bytes are checked when stored).
    bool accepts(const QMimeData *source) const;
    // Stores every image of source in the library; the Markdown for them, one per paragraph.
    // An error (too big, not an image, unreadable) names the file and inserts nothing.
    Result<QString> store(const QMimeData *source);

    // Stores the image file at path as a library asset (the one already there when the library
    // holds the same bytes). An error (too big, not an image, an unsafe SVG, unreadable) names the
    // file, and nothing is stored.
    Result<Asset> storeFile(const QString &path);

    // The alt text for an image file: its name made readable ("loss_curve-v2.png" -> "loss curve v2").
    static QString altText(const QString &fileName);

private:
    Result<Asset> storeBytes(const QByteArray &data, const QString &wantedName);
    QString markdown(const QString &alt, const QString &name) const;

    Library *m_library = nullptr;
};

} // namespace quire
