#include "theme/theme.h"

namespace quire {

const QStringList &Theme::requiredTemplates()
{
    static const QStringList names{
        QStringLiteral("base"), QStringLiteral("post"), QStringLiteral("list"), QStringLiteral("tags"),
        QStringLiteral("tag"), QStringLiteral("archive"), QStringLiteral("404"),
    };
    return names;
}

QString Theme::templatePath(const QString &name)
{
    return QLatin1String("templates/") + name + QLatin1String(".mustache");
}

} // namespace quire
