#pragma once

#include "interchange/blog_source.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

namespace quire {

class Library;

// Brings the images a post's Markdown points at into the library, and points the Markdown at
// the stored assets (/media/NAME) instead. Paths resolve as the blog's generator would: relative
// to the post file (Hugo page bundles, Jekyll), site-absolute under Hugo's static/ or assets/ or
// Jekyll's root, through {{ site.baseurl }} and the relative_url/absolute_url filters. Remote and
// data: URLs stay as they are. An image that cannot be stored (missing, not an image, an unsafe
// SVG, outside the blog folder) keeps its reference as written and gets a warning.
class ImageImporter
{
    Q_DECLARE_TR_FUNCTIONS(ImageImporter)

public:
    struct Rewritten
    {
        QString body;
        QStringList warnings;
    };

    ImageImporter(Library &library, BlogSource::Kind kind, QString root)
        : m_library(library), m_kind(kind), m_root(std::move(root)) {}

    // Everything about one image, the library's refusal included, is a warning for the post.
    Rewritten importImages(const SourceFile &file, const QString &body);

    struct Single
    {
        QString assetName;   // the stored asset; empty when url names no local image or failed
        qint64 assetId = 0;
        QString warning;     // why a local image was not stored
    };
    // One image named by url (a cover in the front matter), resolved as a body reference is.
    Single importImage(const SourceFile &file, const QString &url);

private:
    struct Stored
    {
        QString assetName;   // empty when not stored
        qint64 assetId = 0;
        QString reason;      // why not
    };

    // The site path the URL names once Liquid is taken off ("/assets/x.png" or "x.png"), or
    // empty for a URL to leave alone (remote, data:, an anchor).
    static QString sitePath(const QString &url, bool *unknownTemplate);
    QStringList candidates(const SourceFile &file, const QString &path) const;
    Stored store(const QString &absolutePath);
    bool isInsideRoot(const QString &path) const;

    Library &m_library;
    BlogSource::Kind m_kind;
    QString m_root;   // canonical
    QHash<QString, Stored> m_stored;   // by absolute path: an image used twice is read once
};

} // namespace quire
