#include "store/text_collation.h"

#include <QString>

namespace quire {

namespace {

// A character reduced to what the primary order looks at: its base letter, case-folded.
char32_t baseLetter(QChar c)
{
    const char16_t unit = c.unicode();
    if (unit < 0x80)
        return unit >= u'A' && unit <= u'Z' ? unit + (u'a' - u'A') : unit;
    if (c.decompositionTag() == QChar::Canonical) {
        const QString parts = c.decomposition();   // "Ä" -> "A" + combining diaeresis
        if (!parts.isEmpty())
            c = parts.at(0);
    }
    return QChar::toCaseFolded(char32_t(c.unicode()));
}

int primaryCompare(QStringView a, QStringView b)
{
    const qsizetype length = qMin(a.size(), b.size());
    for (qsizetype i = 0; i < length; ++i) {
        const char32_t left = baseLetter(a.at(i));
        const char32_t right = baseLetter(b.at(i));
        if (left != right)
            return left < right ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

} // namespace

int TextCollation::compare(QStringView a, QStringView b)
{
    if (const int order = primaryCompare(a, b))
        return order;
    if (const int order = a.compare(b, Qt::CaseInsensitive))
        return order;
    return a.compare(b, Qt::CaseSensitive);
}

} // namespace quire
