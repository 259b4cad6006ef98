#include "theme/theme_manifest.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QVersionNumber>

namespace quire {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("quire::ThemeManifest", text);
}

const QRegularExpression &namePattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"));
    return pattern;
}

// Style names become file names under the highlight.js styles folder: no paths.
bool isValidStyleName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    return name.isEmpty() || (pattern.match(name).hasMatch() && !name.contains(QLatin1String("..")));
}

Result<QString> stringField(const QJsonObject &object, const char *key, int maxLength)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull())
        return QString();
    if (!value.isString())
        return Error{tr("theme.json: \"%1\" must be text.").arg(QLatin1String(key))};
    const QString text = value.toString().trimmed();
    if (text.size() > maxLength)
        return Error{tr("theme.json: \"%1\" is longer than %2 characters.").arg(QLatin1String(key)).arg(maxLength)};
    return text;
}

} // namespace

Result<ThemeManifest> ThemeManifest::parse(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{tr("theme.json is not valid JSON: %1 (at byte %2).")
                             .arg(parseError.errorString()).arg(parseError.offset)};
    if (!document.isObject())
        return Error{tr("theme.json must hold a JSON object.")};
    const QJsonObject object = document.object();

    ThemeManifest manifest;
    struct Field { const char *key; QString *target; int maxLength; };
    const Field fields[] = {
        {"name", &manifest.name, 64}, {"title", &manifest.title, 200}, {"version", &manifest.version, 40},
        {"description", &manifest.description, 2000}, {"author", &manifest.author, 200},
    };
    for (const Field &field : fields) {
        Result<QString> value = stringField(object, field.key, field.maxLength);
        if (!value)
            return value.error();
        *field.target = *value;
    }
    if (manifest.name.isEmpty())
        return Error{tr("theme.json has no \"name\".")};
    if (!isValidName(manifest.name))
        return Error{tr("theme.json: the name \"%1\" may hold only lowercase letters, digits and \"-\".")
                             .arg(manifest.name)};
    if (manifest.version.isEmpty())
        manifest.version = QStringLiteral("0");
    if (QVersionNumber::fromString(manifest.version).isNull())
        return Error{tr("theme.json: the version \"%1\" is not a dotted number such as 1.0.0.").arg(manifest.version)};
    if (manifest.title.isEmpty())
        manifest.title = manifest.name;

    const QJsonValue highlight = object.value(QLatin1String("highlight"));
    if (!highlight.isUndefined() && !highlight.isNull()) {
        if (!highlight.isObject())
            return Error{tr("theme.json: \"highlight\" must be an object with \"light\" and \"dark\".")};
        Result<QString> light = stringField(highlight.toObject(), "light", 64);
        Result<QString> dark = stringField(highlight.toObject(), "dark", 64);
        if (!light)
            return light.error();
        if (!dark)
            return dark.error();
        if (!isValidStyleName(*light) || !isValidStyleName(*dark))
            return Error{tr("theme.json: a highlight style is a name such as \"github\", not a path.")};
        manifest.highlightLight = *light;
        manifest.highlightDark = *dark;
    }
    return manifest;
}

QByteArray ThemeManifest::toJson() const
{
    QJsonObject object{
        {QStringLiteral("name"), name}, {QStringLiteral("title"), title},
        {QStringLiteral("version"), version}, {QStringLiteral("description"), description},
        {QStringLiteral("author"), author},
    };
    if (!highlightLight.isEmpty() || !highlightDark.isEmpty()) {
        QJsonObject highlight;
        if (!highlightLight.isEmpty())
            highlight.insert(QStringLiteral("light"), highlightLight);
        if (!highlightDark.isEmpty())
            highlight.insert(QStringLiteral("dark"), highlightDark);
        object.insert(QStringLiteral("highlight"), highlight);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

bool ThemeManifest::isValidName(const QString &name)
{
    return namePattern().match(name).hasMatch();
}

int ThemeManifest::compareVersions(const QString &a, const QString &b)
{
    return QVersionNumber::compare(QVersionNumber::fromString(a), QVersionNumber::fromString(b));
}

} // namespace quire
