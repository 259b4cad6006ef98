#include "store/timestamp.h"

#include <QTimeZone>

namespace quire {

QString Timestamp::toText(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
}

QDateTime Timestamp::fromText(const QString &text)
{
    if (text.isEmpty())
        return {};
    // ISODateWithMs also accepts times written without milliseconds or with an offset.
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return {};
    return time.toUTC();
}

} // namespace quire
