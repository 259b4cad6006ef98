#pragma once

#include "result.h"
#include "theme/theme.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace quire {

// The files under assets/: the theme's static files, and KaTeX's style sheet and fonts and the
// highlight.js style sheet when some page needs them (from the system's libjs-katex and
// libjs-highlight.js, never copies kept in Quire).
class SiteAssets
{
public:
    struct File
    {
        QString path;         // relative to the output folder: "assets/style.css"
        QByteArray content;
    };

    static QList<File> themeFiles(const Theme &theme);
    // katex.min.css with only its woff2 fonts (every browser that runs KaTeX's CSS reads woff2).
    static Result<QList<File>> katex(const QString &katexScript);
    // The theme's light style, and its dark one under prefers-color-scheme: dark.
    static Result<File> highlight(const Theme &theme, const QString &highlightScript);
};

} // namespace quire
