#include "markdown/heading_ids.h"

#include "markdown/slug.h"

namespace quire {

QString HeadingIds::idFor(const QString &headingText)
{
    QString base = Slug::fromText(headingText);
    // Footnotes own the fn- and fnref- ids; a heading "Fn 1" must not steal a footnote's anchor.
    if (base.isEmpty() || base.startsWith(QLatin1String("fn-")) || base.startsWith(QLatin1String("fnref-")))
        base = base.isEmpty() ? QStringLiteral("section") : QStringLiteral("section-") + base;
    QString id = base;
    // A heading literally called "Intro 1" may already own "intro-1": keep counting.
    int &suffix = m_nextSuffix[base];
    while (m_used.contains(id))
        id = base + u'-' + QString::number(++suffix);
    m_used.insert(id);
    return id;
}

} // namespace quire
