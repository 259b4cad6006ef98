#include "site/site_media.h"

#include <QStringList>

namespace quire {

namespace {

const QString MediaPrefix = QStringLiteral("/media/");
constexpr int HashLength = 10;

// GIF is left out on purpose: a scaled copy would keep only its first frame.
bool isScalable(const Asset &asset)
{
    return asset.mimeType == QLatin1String("image/png") || asset.mimeType == QLatin1String("image/jpeg")
        || asset.mimeType == QLatin1String("image/webp");
}

// "figure-1.png" + "3f2a9c1b7d" + suffix -> "/media/figure-1.3f2a9c1b7d<suffix>.png".
QString hashedPath(const Asset &asset, const QString &suffix)
{
    const qsizetype dot = asset.name.lastIndexOf(u'.');
    const bool hasExtension = dot > 0;
    const QString stem = hasExtension ? asset.name.left(dot) : asset.name;
    const QString extension = hasExtension ? asset.name.mid(dot) : QString();
    return MediaPrefix + stem + u'.' + asset.sha256.left(HashLength).toLower() + suffix + extension;
}

} // namespace

SiteMedia::SiteMedia(const QList<Asset> &assets, bool scaledCopies) : m_scaledCopies(scaledCopies)
{
    m_assets.reserve(assets.size());
    for (const Asset &asset : assets)
        m_assets.insert(asset.name, asset);
}

QString SiteMedia::nameAt(const QString &sitePath)
{
    if (!sitePath.startsWith(MediaPrefix))
        return {};
    const QString name = sitePath.mid(MediaPrefix.size());
    return name.contains(u'/') ? QString() : name;
}

const Asset *SiteMedia::asset(const QString &name) const
{
    const auto found = m_assets.constFind(name);
    return found == m_assets.constEnd() ? nullptr : &*found;
}

QString SiteMedia::path(const QString &name) const
{
    const Asset *found = asset(name);
    return found ? hashedPath(*found, {}) : QString();
}

QList<SiteMedia::Copy> SiteMedia::copies(const QString &name) const
{
    const Asset *found = asset(name);
    if (!m_scaledCopies || !found || !isScalable(*found) || found->width <= ScaleAbove || found->height <= 0)
        return {};
    QList<Copy> copies;
    for (int width : copyWidths()) {
        if (width < found->width)
            copies.append(Copy{hashedPath(*found, QStringLiteral(".%1w").arg(width)), width});
    }
    return copies;
}

QString SiteMedia::srcset(const QString &name, const std::function<QString(const QString &)> &url) const
{
    const QList<Copy> narrower = copies(name);
    if (narrower.isEmpty())
        return {};
    QStringList candidates;
    for (const Copy &copy : narrower)
        candidates.append(url(copy.path) + u' ' + QString::number(copy.width) + u'w');
    candidates.append(url(path(name)) + u' ' + QString::number(asset(name)->width) + u'w');
    return candidates.join(QLatin1String(", "));
}

QByteArray SiteMedia::key(const QString &name) const
{
    const Asset *found = asset(name);
    if (!found)
        return QByteArrayLiteral("missing:") + name.toUtf8();
    // The size and type too: they decide the copies and the width/height a page gives.
    return name.toUtf8() + ':' + found->sha256.toLatin1() + ':' + QByteArray::number(found->width) + 'x'
        + QByteArray::number(found->height) + ':' + found->mimeType.toLatin1() + ':'
        + found->alt.toUtf8() + (m_scaledCopies ? ":copies" : "");
}

} // namespace quire
