#include "site/site_assets.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace quire {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("quire::SiteAssets", text);
}

Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("%1 cannot be read: %2").arg(QDir::toNativeSeparators(path), file.errorString())};
    return file.readAll();
}

} // namespace

QList<SiteAssets::File> SiteAssets::themeFiles(const Theme &theme)
{
    QList<File> files;
    const QLatin1String prefix("static/");
    for (auto it = theme.files.cbegin(); it != theme.files.cend(); ++it) {
        if (it.key().startsWith(prefix))
            files.append(File{QLatin1String("assets/") + it.key().mid(prefix.size()), it.value()});
    }
    return files;
}

Result<QList<SiteAssets::File>> SiteAssets::katex(const QString &katexScript)
{
    const QDir folder = QFileInfo(katexScript).dir();
    Result<QByteArray> css = readFile(folder.filePath(QStringLiteral("katex.min.css")));
    if (!css)
        return css.error();
    // Keep the woff2 source of each @font-face: drop the woff and ttf alternatives.
    static const QRegularExpression others(QStringLiteral(R"re(,url\(fonts/[^)]+\.(?:woff|ttf)\) format\(['"](?:woff|truetype)['"]\))re"));
    QString text = QString::fromUtf8(*css);
    text.replace(others, QString());
    QList<File> files{File{QStringLiteral("assets/katex/katex.min.css"), text.toUtf8()}};
    static const QRegularExpression fonts(QStringLiteral(R"re(url\(fonts/([A-Za-z0-9_-]+\.woff2)\))re"));
    QStringList seen;
    for (auto it = fonts.globalMatch(text); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (seen.contains(name))
            continue;
        seen.append(name);
        Result<QByteArray> font = readFile(folder.filePath(QLatin1String("fonts/") + name));
        if (!font)
            return font.error();
        files.append(File{QLatin1String("assets/katex/fonts/") + name, *font});
    }
    return files;
}

Result<SiteAssets::File> SiteAssets::highlight(const Theme &theme, const QString &highlightScript)
{
    const QDir styles(QFileInfo(highlightScript).dir().filePath(QStringLiteral("styles")));
    const QString light = theme.manifest.highlightLight.isEmpty() ? QStringLiteral("github") : theme.manifest.highlightLight;
    Result<QByteArray> lightCss = readFile(styles.filePath(light + QLatin1String(".css")));
    if (!lightCss)
        return lightCss.error();
    QByteArray css = *lightCss;
    if (!theme.manifest.highlightDark.isEmpty()) {
        Result<QByteArray> darkCss = readFile(styles.filePath(theme.manifest.highlightDark + QLatin1String(".css")));
        if (!darkCss)
            return darkCss.error();
        css += "\n@media (prefers-color-scheme: dark) {\n" + *darkCss + "\n}\n";
    }
    return File{QStringLiteral("assets/highlight.css"), css};
}

} // namespace quire
