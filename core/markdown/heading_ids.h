#pragma once

#include <QHash>
#include <QSet>
#include <QString>

namespace quire {

// Hands out unique heading ids the way GitHub does: "intro", then "intro-1", "intro-2".
class HeadingIds
{
public:
    // A unique id for a heading with this plain text; "section" when the text gives no slug.
    // Never starts with "fn-" or "fnref-", which belong to footnotes.
    QString idFor(const QString &headingText);

private:
    QSet<QString> m_used;
    QHash<QString, int> m_nextSuffix;
};

} // namespace quire
