#include "editor/image_inserter.h"

#include "store/asset_name.h"
#include "store/asset_store.h"
#include "store/image_intake.h"
#include "store/library.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QMimeData>
#include <QMimeDatabase>
#include <QUrl>

#include <algorithm>

namespace quire {

namespace {

// Raw image formats a clipboard or a drag may carry, kept byte for byte (an animated GIF or an SVG
// would lose what makes it one if it went through QImage).
const QStringList &rawImageFormats()
{
    static const QStringList formats{QStringLiteral("image/png"), QStringLiteral("image/jpeg"), QStringLiteral("image/gif"),
                                     QStringLiteral("image/webp"), QStringLiteral("image/svg+xml"), QStringLiteral("image/avif")};
    return formats;
}

bool isImageFileName(const QString &path)
{
    static const QMimeDatabase types;
    return !AssetName::extension(types.mimeTypeForFile(path, QMimeDatabase::MatchExtension).name()).isEmpty();
}

// Local files only: a URL of the web is text to paste, never something to fetch.
QStringList localImageFiles(const QMimeData *source)
{
    QStringList paths;
    if (!source->hasUrls())
        return paths;
    for (const QUrl &url : source->urls()) {
        if (!url.isLocalFile() || !isImageFileName(url.toLocalFile()))
            return {};
        paths.append(url.toLocalFile());
    }
    return paths;
}

QString escapeAlt(const QString &alt)
{
    QString escaped;
    for (const QChar c : alt) {
        if (c == u'\\' || c == u'[' || c == u']' || c == u'*' || c == u'_' || c == u'`')
            escaped += u'\\';
        escaped += c;
    }
    return escaped;
}

} // namespace

ImageInserter::ImageInserter(QObject *parent)
    : QObject(parent)
{
}

void ImageInserter::setLibrary(Library *library)
{
    m_library = library;
}

bool ImageInserter::accepts(const QMimeData *source) const
{
    if (!m_library || !source)
        return false;
    if (!localImageFiles(source).isEmpty() || source->hasImage())
        return true;
    return std::any_of(rawImageFormats().cbegin(), rawImageFormats().cend(),
                       [source](const QString &format) { return source->hasFormat(format); });
}

Result<QString> ImageInserter::store(const QMimeData *source)
{
    if (!accepts(source))
        return Error{tr("There is no image to add.")};
    if (const QStringList files = localImageFiles(source); !files.isEmpty()) {
        QStringList paragraphs;
        for (const QString &path : files) {
            Result<Asset> stored = storeFile(path);
            if (!stored)
                return stored.error();
            paragraphs.append(markdown(altText(path), stored->name));
        }
        return paragraphs.join(QStringLiteral("\n\n"));
    }
    const QString alt = tr("Pasted image");
    for (const QString &format : rawImageFormats()) {
        if (source->hasFormat(format)) {
            Result<Asset> stored = storeBytes(source->data(format), QStringLiteral("pasted-image"));
            if (!stored)
                return stored.error();
            return markdown(alt, stored->name);
        }
    }
    const QImage image = qvariant_cast<QImage>(source->imageData());
    if (image.isNull())
        return Error{tr("The image on the clipboard could not be read.")};
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return Error{tr("The image on the clipboard could not be saved as PNG.")};
    Result<Asset> stored = storeBytes(png, QStringLiteral("pasted-image"));
    if (!stored)
        return stored.error();
    return markdown(alt, stored->name);
}

Result<Asset> ImageInserter::storeFile(const QString &path)
{
    if (!m_library)
        return Error{tr("There is no library to add the image to.")};
    const QFileInfo info(path);
    const QString name = info.fileName();
    if (!info.isFile())
        return Error{tr("“%1” is not a file that can be added.").arg(name)};
    // Checked before reading: a huge file must not be read into memory just to be refused.
    if (info.size() > ImageIntake::MaxSize)
        return Error{tr("“%1” is too big (%2 MiB); the library keeps images of up to %3 MiB.")
                             .arg(name).arg(double(info.size()) / (1024 * 1024), 0, 'f', 1).arg(ImageIntake::MaxSize / (1024 * 1024))};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("“%1” could not be read: %2").arg(name, file.errorString())};
    // One byte over the limit is enough for the library to refuse a file that grew meanwhile.
    const QByteArray data = file.read(ImageIntake::MaxSize + 1);
    if (file.error() != QFileDevice::NoError)
        return Error{tr("“%1” could not be read: %2").arg(name, file.errorString())};
    Result<Asset> stored = storeBytes(data, name);
    if (!stored)
        return Error{tr("“%1” was not added: %2").arg(name, stored.errorMessage())};
    return stored;
}

Result<Asset> ImageInserter::storeBytes(const QByteArray &data, const QString &wantedName)
{
    QBuffer buffer;
    buffer.setData(data);
    QImageReader reader(&buffer);
    const QSize size = reader.size();   // from the header: the image is not decoded
    return m_library->assets().store(data, wantedName, size.isValid() ? size.width() : 0,
                                 size.isValid() ? size.height() : 0);
}

QString ImageInserter::markdown(const QString &alt, const QString &name) const
{
    return QStringLiteral("![%1](/media/%2)").arg(escapeAlt(alt), name);
}

QString ImageInserter::altText(const QString &fileName)
{
    QString stem = QFileInfo(fileName).fileName();
    if (const qsizetype dot = stem.lastIndexOf(u'.'); dot > 0)
        stem.truncate(dot);
    for (QChar &c : stem) {
        if (c == u'_' || c == u'-' || c == u'.' || c.category() == QChar::Other_Control)
            c = u' ';
    }
    stem = stem.simplified();
    return stem.isEmpty() ? tr("Image") : stem;
}

} // namespace quire
