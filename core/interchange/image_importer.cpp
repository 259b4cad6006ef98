#include "interchange/image_importer.h"

#include "interchange/image_references.h"
#include "store/asset_store.h"
#include "store/image_intake.h"
#include "store/image_probe.h"
#include "store/library.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

namespace quire {

QString ImageImporter::sitePath(const QString &url, bool *unknownTemplate)
{
    *unknownTemplate = false;
    QString path = url.trimmed();
    // Jekyll: {{ site.baseurl }}/x.png (also site.url) and {{ "/x.png" | relative_url }}.
    static const QRegularExpression baseUrl(QStringLiteral("^\\{\\{-?\\s*site\\.(?:baseurl|url)\\s*-?\\}\\}"));
    path.remove(baseUrl);
    static const QRegularExpression filter(QStringLiteral(
        "^\\{\\{-?\\s*(?:\"([^\"]*)\"|'([^']*)')\\s*\\|\\s*(?:relative_url|absolute_url)\\s*-?\\}\\}$"));
    if (const auto match = filter.match(path); match.hasMatch())
        path = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
    if (path.contains(QLatin1String("{{")) || path.contains(QLatin1String("{%"))) {
        *unknownTemplate = true;
        return {};
    }
    static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*:"));
    if (path.isEmpty() || path.startsWith(QLatin1String("//")) || path.startsWith(QLatin1Char('#'))
        || scheme.match(path).hasMatch())
        return {};
    // A query or fragment does not name another file; %20 and the like do stand for characters.
    path = path.section(QLatin1Char('#'), 0, 0).section(QLatin1Char('?'), 0, 0);
    return QUrl::fromPercentEncoding(path.toUtf8());
}

QStringList ImageImporter::candidates(const SourceFile &file, const QString &path) const
{
    if (!path.startsWith(QLatin1Char('/')))
        return {QFileInfo(file.path).absolutePath() + QLatin1Char('/') + path};
    if (m_kind == BlogSource::Kind::Hugo)
        return {m_root + QStringLiteral("/static") + path, m_root + QStringLiteral("/assets") + path};
    return {m_root + path};
}

bool ImageImporter::isInsideRoot(const QString &path) const
{
    return path.startsWith(m_root + QLatin1Char('/'));
}

ImageImporter::Stored ImageImporter::store(const QString &absolutePath)
{
    if (const auto known = m_stored.constFind(absolutePath); known != m_stored.cend())
        return *known;
    Stored stored;
    const QFileInfo info(absolutePath);
    QFile in(absolutePath);
    if (!isInsideRoot(QDir::cleanPath(absolutePath)) || !isInsideRoot(info.canonicalFilePath())) {
        stored.reason = tr("it is outside the blog folder");
    } else if (!info.isFile()) {
        stored.reason = tr("it is not a file");
    } else if (info.size() > ImageIntake::MaxSize) {
        stored.reason = tr("it is larger than %1 MiB").arg(ImageIntake::MaxSize / (1024 * 1024));
    } else if (!in.open(QIODevice::ReadOnly)) {
        stored.reason = tr("it cannot be read: %1").arg(in.errorString());
    } else {
        const QByteArray data = in.read(ImageIntake::MaxSize + 1);
        const ImageInfo image = ImageProbe::probe(data);
        if (!image.isImage()) {
            stored.reason = tr("it is not an image the library keeps (PNG, JPEG, GIF, WebP, SVG or AVIF)");
        } else {
            // The library checks again (size, type, SVG safety); its refusal is the reason.
            auto asset = m_library.assets().store(data, info.fileName(), image.width, image.height);
            if (asset) {
                stored.assetName = asset->name;
                stored.assetId = asset->id;
            } else   // a sentence of its own ("This SVG holds a script; …."): fitted into ours
                stored.reason = asset.errorMessage().chopped(asset.errorMessage().endsWith(QLatin1Char('.')) ? 1 : 0);
        }
    }
    m_stored.insert(absolutePath, stored);
    return stored;
}

ImageImporter::Single ImageImporter::importImage(const SourceFile &file, const QString &url)
{
    Single result;
    bool unknownTemplate = false;
    const QString path = sitePath(url, &unknownTemplate);
    if (unknownTemplate) {
        result.warning = tr("image \"%1\" not imported: its template expression is not understood; "
                            "the reference is kept as written").arg(url);
        return result;
    }
    if (path.isEmpty())
        return result;
    const QStringList paths = candidates(file, path);
    QString found;
    for (const QString &candidate : paths) {
        if (QFileInfo::exists(candidate) || QFileInfo(candidate).isSymLink()) {
            found = candidate;
            break;
        }
    }
    QString reason;
    if (found.isEmpty() && !isInsideRoot(QDir::cleanPath(paths.first()))) {
        reason = tr("it is outside the blog folder");
    } else if (found.isEmpty()) {
        reason = tr("no such file");
    } else {
        const Stored stored = store(found);
        result.assetName = stored.assetName;
        result.assetId = stored.assetId;
        reason = stored.reason;
    }
    if (!reason.isEmpty())
        result.warning = tr("image \"%1\" not imported: %2; the reference is kept as written").arg(url, reason);
    return result;
}

ImageImporter::Rewritten ImageImporter::importImages(const SourceFile &file, const QString &body)
{
    Rewritten result;
    const QList<ImageReferences::Reference> references = ImageReferences::find(body);
    QStringList replacements;
    for (const ImageReferences::Reference &reference : references) {
        const Single image = importImage(file, reference.url);
        replacements.append(image.assetName.isEmpty() ? QString() : QStringLiteral("/media/") + image.assetName);
        if (!image.warning.isEmpty())
            result.warnings.append(image.warning);
    }
    result.body = ImageReferences::rewrite(body, references, replacements);
    return result;
}

} // namespace quire
