#pragma once

#include <QDateTime>
#include <QString>

namespace quire {

// How the library stores points in time: UTC ISO 8601 text with milliseconds,
// "2026-11-24T22:11:08.123Z". Text sorts chronologically and reads well in any SQLite tool.
class Timestamp
{
public:
    // A null string for an invalid QDateTime (stored as NULL).
    static QString toText(const QDateTime &time);
    // An invalid QDateTime for empty or unreadable text.
    static QDateTime fromText(const QString &text);
};

} // namespace quire
