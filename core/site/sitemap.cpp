#include "site/sitemap.h"

#include <QXmlStreamWriter>

namespace quire {

QByteArray Sitemap::toXml() const
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeDefaultNamespace(QStringLiteral("http://www.sitemaps.org/schemas/sitemap/0.9"));
    xml.writeStartElement(QStringLiteral("urlset"));
    for (const Url &url : urls) {
        xml.writeStartElement(QStringLiteral("url"));
        xml.writeTextElement(QStringLiteral("loc"), url.location);
        if (url.lastModified.isValid())
            xml.writeTextElement(QStringLiteral("lastmod"), url.lastModified.toUTC().toString(Qt::ISODate));
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

} // namespace quire
