#include "store/asset_references.h"

#include <functional>

namespace quire {

namespace {

// Characters that continue a path: what may stand before "/media/" in someone else's URL, and
// what after NAME would make it another file.
bool isPathCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == u'.' || c == u'-' || c == u'_' || c == u'~' || c == u'%' || c == u'/'
            || c == u'+';
}

// Calls found(start, length) for each referenced name in body, in order.
void forEachReference(const QString &body, const std::function<void(qsizetype, qsizetype)> &found)
{
    const QStringView prefix = AssetReferences::Prefix;
    for (qsizetype at = body.indexOf(prefix); at >= 0; at = body.indexOf(prefix, at + 1)) {
        if (at > 0 && isPathCharacter(body.at(at - 1)))
            continue;
        const qsizetype start = at + prefix.size();
        qsizetype end = start;
        while (end < body.size() && isPathCharacter(body.at(end)))
            ++end;
        while (end > start && body.at(end - 1) == u'.')
            --end;
        if (end > start)
            found(start, end - start);
    }
}

} // namespace

QSet<QString> AssetReferences::names(const QString &body)
{
    QSet<QString> names;
    forEachReference(body, [&](qsizetype start, qsizetype length) { names.insert(body.mid(start, length)); });
    return names;
}

QString AssetReferences::rename(const QString &body, const QString &oldName, const QString &newName)
{
    QString result;
    qsizetype copied = 0;
    forEachReference(body, [&](qsizetype start, qsizetype length) {
        if (QStringView(body).mid(start, length) != oldName)
            return;
        result += QStringView(body).mid(copied, start - copied);
        result += newName;
        copied = start + length;
    });
    if (copied == 0)
        return body;
    result += QStringView(body).mid(copied);
    return result;
}

} // namespace quire
