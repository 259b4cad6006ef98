#include "store/timestamp.h"

#include <QTimeZone>

namespace quire {

QString Timestamp::toText(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
}

namespace {

// "2024-03-01T09:30:00.123Z", the form toText() writes, read without QDateTime's general parser
// (a library of 10,000 posts holds 40,000 of them, read on every site build).
QDateTime fromCanonicalText(const QString &text)
{
    if (text.size() != 24 || text[4] != u'-' || text[7] != u'-' || text[10] != u'T' || text[13] != u':'
        || text[16] != u':' || text[19] != u'.' || text[23] != u'Z')
        return {};
    const auto number = [&](qsizetype from, qsizetype length) {
        int value = 0;
        for (qsizetype i = from; i < from + length; ++i) {
            const char16_t c = text[i].unicode();
            if (c < u'0' || c > u'9')
                return -1;
            value = value * 10 + (c - u'0');
        }
        return value;
    };
    const int values[] = {number(0, 4), number(5, 2), number(8, 2), number(11, 2), number(14, 2), number(17, 2), number(20, 3)};
    for (int value : values) {
        if (value < 0)
            return {};
    }
    const QDate date(values[0], values[1], values[2]);
    const QTime time(values[3], values[4], values[5], values[6]);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

} // namespace

QDateTime Timestamp::fromText(const QString &text)
{
    if (text.isEmpty())
        return {};
    if (QDateTime canonical = fromCanonicalText(text); canonical.isValid())
        return canonical;
    // ISODateWithMs also accepts times written without milliseconds or with an offset.
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return {};
    return time.toUTC();
}

} // namespace quire
