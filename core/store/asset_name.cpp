#include "store/asset_name.h"

#include "markdown/slug.h"

#include <QHash>
#include <QStringList>

namespace quire {

namespace {

// Room for "-NNN" and the extension within a comfortable file name length.
constexpr int MaxStemLength = 60;

// Lower-case ASCII letters, digits and single '-' from name; empty when none is left.
QString asciiStem(const QString &name)
{
    // Slug drops control characters and separators; NFKD then splits accents off their letters.
    const QString slug = Slug::fromText(name).normalized(QString::NormalizationForm_KD);
    QString ascii;
    for (const QChar c : slug) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            ascii += c;
        else if (c.category() != QChar::Mark_NonSpacing && !ascii.isEmpty() && !ascii.endsWith(u'-'))
            ascii += u'-';
    }
    if (ascii.size() > MaxStemLength)
        ascii.truncate(MaxStemLength);
    while (ascii.endsWith(u'-'))
        ascii.chop(1);
    return ascii;
}

} // namespace

QString AssetName::stem(const QString &wanted)
{
    QString name = wanted;
    name.replace(u'\\', u'/');
    name = name.section(u'/', -1);
    // Only the last suffix goes: "diagram.v2.png" keeps its "v2".
    const qsizetype dot = name.lastIndexOf(u'.');
    if (dot > 0)
        name.truncate(dot);
    const QString ascii = asciiStem(name);
    return ascii.isEmpty() ? QStringLiteral("image") : ascii;
}

QString AssetName::typedStem(const QString &typed)
{
    static const QStringList imageSuffixes{QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("jpeg"),
                                           QStringLiteral("gif"), QStringLiteral("webp"), QStringLiteral("svg"),
                                           QStringLiteral("avif")};
    QString name = typed.trimmed();
    const qsizetype dot = name.lastIndexOf(u'.');
    if (dot >= 0 && imageSuffixes.contains(name.mid(dot + 1).toLower()))
        name.truncate(dot);
    return asciiStem(name);
}

QString AssetName::extension(const QString &mimeType)
{
    static const QHash<QString, QString> extensions{
        {QStringLiteral("image/png"), QStringLiteral("png")},   {QStringLiteral("image/jpeg"), QStringLiteral("jpg")},
        {QStringLiteral("image/gif"), QStringLiteral("gif")},   {QStringLiteral("image/webp"), QStringLiteral("webp")},
        {QStringLiteral("image/svg+xml"), QStringLiteral("svg")}, {QStringLiteral("image/avif"), QStringLiteral("avif")},
    };
    return extensions.value(mimeType);
}

QString AssetName::candidate(const QString &stem, const QString &extension, int n)
{
    return (n < 2 ? stem : stem + u'-' + QString::number(n)) + u'.' + extension;
}

} // namespace quire
