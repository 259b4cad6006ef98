#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

namespace quire {

// A theme's theme.json: who made it, which version, and the highlight.js styles its code uses.
struct ThemeManifest
{
    QString name;            // identifier: lowercase letters, digits and '-' ("paper")
    QString title;           // for people ("Paper"); the name when theme.json has none
    QString version;         // dotted numbers, "1.0.0"
    QString description;
    QString author;
    QString highlightLight;  // highlight.js style names (…/highlight.js/styles/NAME.css)
    QString highlightDark;

    // Reads theme.json. Errors name the field and what is wrong with it.
    static Result<ThemeManifest> parse(const QByteArray &json);
    QByteArray toJson() const;

    static bool isValidName(const QString &name);
    // Compares dotted version numbers ("1.10" > "1.9"): negative, zero or positive.
    static int compareVersions(const QString &a, const QString &b);
};

} // namespace quire
