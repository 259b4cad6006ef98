#pragma once

#include "store/asset.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>

namespace quire {

// The library's images as the exported site names them. Each is written under a name made from
// its bytes, media/<stem>.<first 10 hex of sha256>.<ext>, so that a host may cache it forever and
// new bytes under an old name can never be served stale. Large raster images also get narrower
// copies (media/<stem>.<hash>.<width>w.<ext>) that pages offer in a srcset.
//
// The preview and the Markdown export keep /media/NAME: only the site builder makes one of these.
class SiteMedia
{
public:
    // A narrower copy of an image.
    struct Copy
    {
        QString path;   // site path: "/media/figure.3f2a9c1b7d.800w.png"
        int width = 0;
    };

    // Images wider than this get copies, at each of copyWidths() narrower than the image.
    static constexpr int ScaleAbove = 1600;
    static QList<int> copyWidths() { return {800, 1600}; }
    // The sizes attribute that goes with a srcset: the built-in themes' text column (a measure
    // of about 70ch), the whole viewport below that.
    static QString sizes() { return QStringLiteral("(max-width: 42rem) 100vw, 42rem"); }

    SiteMedia() = default;
    // `assets` as Library::assets() lists them; `scaledCopies`: whether the build can make copies
    // (it has an ImageScaler).
    SiteMedia(const QList<Asset> &assets, bool scaledCopies);

    // NAME when `sitePath` is "/media/NAME" (one segment), else empty.
    static QString nameAt(const QString &sitePath);
    // The library's asset called `name`, or null.
    const Asset *asset(const QString &name) const;
    // Where the site has the asset: "/media/figure.3f2a9c1b7d.png"; empty when the library has
    // no asset of that name.
    QString path(const QString &name) const;
    // The asset's narrower copies, narrowest first: none for a small, vector or animated image,
    // one whose size is unknown, or when the build makes no copies.
    QList<Copy> copies(const QString &name) const;
    // The srcset of the asset (its copies and itself), each address made by `url` from a site
    // path; empty when it has no copies.
    QString srcset(const QString &name, const std::function<QString(const QString &)> &url) const;
    // What a page that shows `name` depends on: its bytes, or that the library lacks it.
    QByteArray key(const QString &name) const;

private:
    QHash<QString, Asset> m_assets;
    bool m_scaledCopies = false;
};

} // namespace quire
