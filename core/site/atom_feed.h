#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace quire {

// An Atom 1.0 feed (RFC 4287) of the latest posts, with their full content.
class AtomFeed
{
public:
    struct Entry
    {
        QString title;
        QString url;          // absolute, or relative to the site root without a base URL
        QString id;           // a permanent IRI: the post's urn:uuid
        QDateTime published;
        QDateTime updated;
        QString summary;
        QString contentHtml;  // links in it are relative to url (xml:base says so)
        QStringList tags;
    };

    QString title;
    QString subtitle;
    QString author;
    QString siteUrl;          // the home page
    QString feedUrl;          // this feed
    QString id;
    QString generator;
    QList<Entry> entries;     // newest first

    QByteArray toXml() const;
};

} // namespace quire
