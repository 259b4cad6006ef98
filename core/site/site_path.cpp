#include "site/site_path.h"

#include <QStringList>

namespace quire {

namespace {

QString directoryOf(const QString &sitePath)
{
    return sitePath.left(sitePath.lastIndexOf(u'/') + 1);
}

} // namespace

QString SitePath::file(const QString &sitePath)
{
    QString path = sitePath.mid(1);
    if (path.isEmpty() || path.endsWith(u'/'))
        path += QLatin1String("index.html");
    return path;
}

QString SitePath::rootPrefix(const QString &from)
{
    return QStringLiteral("../").repeated(directoryOf(from).count(u'/') - 1);
}

QString SitePath::encode(const QString &path)
{
    QStringList segments = path.split(u'/');
    for (QString &segment : segments)
        segment = QString::fromLatin1(QUrl::toPercentEncoding(segment, "-._~!$&'()*+,;=:@"));
    return segments.join(u'/');
}

QString SitePath::relative(const QString &from, const QString &to)
{
    const QStringList fromParts = directoryOf(from).split(u'/');   // "", "posts", "x", ""
    const QStringList toParts = file(to).split(u'/');              // "posts", "y", "index.html"
    // Common leading directories (fromParts[0] is the empty root segment).
    qsizetype common = 0;
    while (common + 1 < fromParts.size() - 1 && common < toParts.size() - 1
           && fromParts[common + 1] == toParts[common])
        ++common;
    const qsizetype up = fromParts.size() - 2 - common;
    return QStringLiteral("../").repeated(up) + encode(toParts.mid(common).join(u'/'));
}

QString SitePath::absolute(const QUrl &baseUrl, const QString &sitePath)
{
    if (baseUrl.isEmpty())
        return {};
    return baseUrl.toString(QUrl::FullyEncoded) + encode(sitePath.mid(1));
}

QString SitePath::fromHref(const QString &from, const QString &href)
{
    if (href.isEmpty() || href.startsWith(u'#') || href.startsWith(QLatin1String("//")))
        return {};
    const QUrl url(href);
    if (!url.isValid() || !url.scheme().isEmpty() || !url.host().isEmpty())
        return {};
    QString path = url.path(QUrl::FullyDecoded);
    if (path.isEmpty())
        return {};
    if (!path.startsWith(u'/'))
        path = directoryOf(from) + path;
    // Resolve "." and ".." without ever climbing above the root.
    QStringList resolved;
    const QStringList parts = path.split(u'/');
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QString &part = parts[i];
        if (part == QLatin1String(".."))
            resolved.isEmpty() ? void() : resolved.removeLast();
        else if (part != QLatin1String("."))
            resolved.append(part);
    }
    QString result = u'/' + resolved.join(u'/');
    if (result.endsWith(QLatin1String("/index.html")))
        result.chop(10);
    return result;
}

} // namespace quire
