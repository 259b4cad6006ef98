#pragma once

#include "result.h"
#include "theme/mustache_template.h"
#include "theme/theme.h"

#include <QHash>
#include <QString>
#include <QVariant>

namespace quire {

// Every template of one theme, compiled once. render() is const and may run on several threads.
class ThemeTemplates
{
public:
    ThemeTemplates() = default;

    // Compiles templates/**.mustache. A template that does not parse, or a required one that is
    // missing, is an error naming the theme, the file, the line and the reason.
    static Result<ThemeTemplates> compile(const Theme &theme);

    // Renders the template `name` ("post", "list", …); partials and parents are the theme's
    // other templates, by their path under templates/ without ".mustache".
    Result<QString> render(const QString &name, const QVariant &context) const;

private:
    QString m_themeName;
    QHash<QString, MustacheTemplate> m_templates;   // by name, "partials/head"
};

} // namespace quire
