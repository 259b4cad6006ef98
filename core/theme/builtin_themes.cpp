#include "theme/builtin_themes.h"

#include "theme/theme_folder.h"

#include <QDir>

namespace quire {

namespace {

const QString ResourceRoot = QStringLiteral(":/quire/themes");

Result<QList<Theme>> readShipped()
{
    QList<Theme> themes;
    const QStringList names = QDir(ResourceRoot).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &name : names) {
        Result<Theme> theme = ThemeFolder::read(ResourceRoot + u'/' + name);
        if (!theme)
            return Error{QStringLiteral("Built-in theme %1: %2").arg(name, theme.errorMessage())};
        theme->builtin = true;
        themes.append(*theme);
    }
    return themes;
}

} // namespace

Result<QList<Theme>> BuiltinThemes::shipped()
{
    static const Result<QList<Theme>> themes = readShipped();
    return themes;
}

} // namespace quire
