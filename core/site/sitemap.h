#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace quire {

// sitemap.xml (sitemaps.org protocol 0.9): every page a search engine should know.
class Sitemap
{
public:
    struct Url
    {
        QString location;       // absolute (or a site path without a base URL)
        QDateTime lastModified; // invalid: not given
    };

    QList<Url> urls;

    QByteArray toXml() const;
};

} // namespace quire
