#include "markdown/slug.h"

#include <QChar>

namespace quire {

namespace {

constexpr qsizetype MaxLength = 80;

// Letters and digits of any script are kept, and so is '_' (GitHub keeps it in heading ids).
bool isWordCharacter(char32_t c)
{
    return c == U'_' || QChar::isLetterOrNumber(c);
}

// Cuts an over-long slug at its last '-' within the limit, or hard at the limit when the
// slug has no '-' early enough (never inside a surrogate pair).
QString shortened(const QString &slug)
{
    if (slug.size() <= MaxLength)
        return slug;
    const qsizetype dash = slug.lastIndexOf(u'-', MaxLength);
    qsizetype cut = dash >= MaxLength / 2 ? dash : MaxLength;
    if (cut == MaxLength && slug.at(cut - 1).isHighSurrogate())
        --cut;
    QString result = slug.left(cut);
    while (result.endsWith(u'-'))
        result.chop(1);
    return result;
}

} // namespace

QString Slug::fromText(const QString &text)
{
    const QString normalized = text.normalized(QString::NormalizationForm_KC).toLower();
    QString slug;
    slug.reserve(normalized.size());
    bool separatorPending = false;  // characters were dropped since the last kept one
    bool afterWordCharacter = false;
    for (qsizetype i = 0; i < normalized.size(); ++i) {
        char32_t c = normalized.at(i).unicode();
        qsizetype units = 1;
        if (QChar::isHighSurrogate(c) && i + 1 < normalized.size() && normalized.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(normalized.at(i), normalized.at(i + 1));
            units = 2;
        }
        // Combining marks belong to the letter before them (Devanagari vowel signs, for example).
        const bool keep = isWordCharacter(c) || (afterWordCharacter && !separatorPending && QChar::isMark(c));
        if (keep) {
            if (separatorPending && !slug.isEmpty())
                slug.append(u'-');
            separatorPending = false;
            slug.append(normalized.mid(i, units));
        } else {
            separatorPending = true;
        }
        afterWordCharacter = keep;
        i += units - 1;
    }
    return shortened(slug);
}

} // namespace quire
