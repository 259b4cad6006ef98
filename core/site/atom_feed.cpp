#include "site/atom_feed.h"

#include <QXmlStreamWriter>

namespace quire {

namespace {

QString atomTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

// XML 1.0 cannot hold most control characters even escaped; a post may (pasted text).
QString xmlSafe(const QString &text)
{
    QString clean;
    clean.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x20 || u == u'\t' || u == u'\n' || u == u'\r')
            clean += (u == 0xFFFE || u == 0xFFFF) ? QChar(0xFFFD) : c;
    }
    return clean;
}

void link(QXmlStreamWriter &xml, const QString &rel, const QString &href, const QString &type = {})
{
    xml.writeEmptyElement(QStringLiteral("link"));
    if (!rel.isEmpty())
        xml.writeAttribute(QStringLiteral("rel"), rel);
    if (!type.isEmpty())
        xml.writeAttribute(QStringLiteral("type"), type);
    xml.writeAttribute(QStringLiteral("href"), href);
}

} // namespace

QByteArray AtomFeed::toXml() const
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeDefaultNamespace(QStringLiteral("http://www.w3.org/2005/Atom"));
    xml.writeStartElement(QStringLiteral("feed"));
    xml.writeTextElement(QStringLiteral("title"), xmlSafe(title));
    if (!subtitle.isEmpty())
        xml.writeTextElement(QStringLiteral("subtitle"), xmlSafe(subtitle));
    link(xml, QStringLiteral("alternate"), siteUrl, QStringLiteral("text/html"));
    link(xml, QStringLiteral("self"), feedUrl, QStringLiteral("application/atom+xml"));
    xml.writeTextElement(QStringLiteral("id"), id);
    QDateTime latest;
    for (const Entry &entry : entries)
        latest = latest.isValid() ? std::max(latest, entry.updated) : entry.updated;
    xml.writeTextElement(QStringLiteral("updated"), atomTime(latest.isValid() ? latest : QDateTime::fromSecsSinceEpoch(0)));
    xml.writeStartElement(QStringLiteral("author"));
    xml.writeTextElement(QStringLiteral("name"), xmlSafe(author.isEmpty() ? title : author));
    xml.writeEndElement();
    xml.writeTextElement(QStringLiteral("generator"), generator);

    for (const Entry &entry : entries) {
        xml.writeStartElement(QStringLiteral("entry"));
        xml.writeTextElement(QStringLiteral("title"), xmlSafe(entry.title));
        link(xml, QStringLiteral("alternate"), entry.url, QStringLiteral("text/html"));
        xml.writeTextElement(QStringLiteral("id"), entry.id);
        xml.writeTextElement(QStringLiteral("published"), atomTime(entry.published));
        xml.writeTextElement(QStringLiteral("updated"), atomTime(entry.updated));
        for (const QString &tag : entry.tags) {
            xml.writeEmptyElement(QStringLiteral("category"));
            xml.writeAttribute(QStringLiteral("term"), xmlSafe(tag));
        }
        if (!entry.summary.isEmpty())
            xml.writeTextElement(QStringLiteral("summary"), xmlSafe(entry.summary));
        xml.writeStartElement(QStringLiteral("content"));
        xml.writeAttribute(QStringLiteral("type"), QStringLiteral("html"));
        xml.writeAttribute(QStringLiteral("xml:base"), entry.url);
        xml.writeCharacters(xmlSafe(entry.contentHtml));
        xml.writeEndElement();
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

} // namespace quire
