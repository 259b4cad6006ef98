#pragma once

#include <QString>
#include <QUrl>

namespace quire {

// Addresses inside the site. A site path starts at the site root with '/': "/posts/my-post/" is
// a page (written as posts/my-post/index.html), "/feed.xml" a file. Segments are kept as text
// (a slug may be Unicode); hrefs and absolute URLs percent-encode them.
class SitePath
{
public:
    // The file a site path is written to, relative to the output folder.
    static QString file(const QString &sitePath);
    // The href from the page at `from` to `to`, relative so that the site works from disk:
    // "../../tags/gpu/index.html".
    static QString relative(const QString &from, const QString &to);
    // The prefix from the page at `from` to the site root: "", "../", "../../".
    static QString rootPrefix(const QString &from);
    // The absolute URL of a site path under baseUrl; empty when baseUrl is.
    static QString absolute(const QUrl &baseUrl, const QString &sitePath);
    // "/posts/a%20b/index.html#x" -> "/posts/a b/": the site path an internal href names, or
    // empty when it is not one (external, mailto:, a fragment only…). `from` resolves relative hrefs.
    static QString fromHref(const QString &from, const QString &href);
    // Percent-encodes each segment of a path for an href.
    static QString encode(const QString &path);
};

} // namespace quire
