#pragma once

#include "theme/theme_manifest.h"

#include <QByteArray>
#include <QMap>
#include <QString>

namespace quire {

// A theme as the library stores it: its manifest and its files by relative path
// ("theme.json", "templates/post.mustache", "static/style.css").
struct Theme
{
    ThemeManifest manifest;
    QMap<QString, QByteArray> files;   // theme.json included
    bool builtin = false;              // shipped with Quire (upgraded by Quire, never edited)

    // The templates every theme has.
    static const QStringList &requiredTemplates();   // "base", "post", "list", …
    static QString templatePath(const QString &name); // "post" -> "templates/post.mustache"
};

} // namespace quire
