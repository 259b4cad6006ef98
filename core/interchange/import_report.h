#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace quire {

// What an import did, file by file, so the user can see what needs attention.
struct ImportReport
{
    struct Entry
    {
        QString file;      // path relative to the imported folder
        QString slug;      // the post it became (empty when skipped)
        QString reason;    // why it was skipped, or what was changed on the way in
    };

    QList<Entry> imported;
    QList<Entry> updated;
    QList<Entry> unchanged;
    QList<Entry> skipped;
    QList<Entry> warnings;   // imported or updated, but something was cleaned or guessed
};

} // namespace quire
