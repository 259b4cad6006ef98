#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

namespace quire {

// A theme as the library keeps it (the themes and theme_files tables). What the files mean is
// theme/'s business (Theme, ThemeManifest); the store only keeps them.
struct ThemeRecord
{
    QString name;                      // unique
    QString version;                   // dotted numbers, as the manifest says
    QByteArray manifest;               // theme.json as the theme part wrote it
    bool builtin = false;              // shipped with Quire: upgraded by Quire, never edited
    QMap<QString, QByteArray> files;   // by relative path; empty in listings
};

} // namespace quire
