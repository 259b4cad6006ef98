#include "theme/theme_folder.h"

#include "theme/theme_templates.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace quire {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("quire::ThemeFolder", text);
}

const QString ManifestFile = QStringLiteral("theme.json");

// Only these parts of a folder belong to the theme.
bool isThemePath(const QString &path)
{
    return path == ManifestFile || path.startsWith(QLatin1String("templates/"))
        || path.startsWith(QLatin1String("static/"));
}

// A relative path with no way out of the folder and nothing a site could not serve.
bool isSafePath(const QString &path)
{
    if (path.isEmpty() || path.startsWith(u'/') || path.contains(u'\\') || path.size() > 400)
        return false;
    for (const QString &part : path.split(u'/')) {
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String(".."))
            return false;
        for (const QChar c : part) {
            if (c.unicode() < 0x20 || c == u':')
                return false;
        }
    }
    return true;
}

} // namespace

Result<Theme> ThemeFolder::read(const QString &dir)
{
    const QFileInfo root(dir);
    if (!root.isDir())
        return Error{tr("%1 is not a folder.").arg(QDir::toNativeSeparators(dir))};
    const QDir base(root.absoluteFilePath());
    Theme theme;
    qint64 totalBytes = 0;
    QDirIterator it(base.path(), QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        const QString path = base.relativeFilePath(info.absoluteFilePath());
        if (info.isSymLink())
            return Error{tr("%1 is a symbolic link; a theme holds only real files.").arg(path)};
        if (info.isDir() || !isThemePath(path))
            continue;
        if (!info.isFile())
            return Error{tr("%1 is not a regular file.").arg(path)};
        if (!isSafePath(path))
            return Error{tr("%1: the file name cannot be used in a site.").arg(path)};
        if (theme.files.size() >= MaxFiles)
            return Error{tr("The theme has more than %1 files.").arg(MaxFiles)};
        if (info.size() > MaxFileBytes)
            return Error{tr("%1 is larger than %2 MiB.").arg(path).arg(MaxFileBytes / (1024 * 1024))};
        totalBytes += info.size();
        if (totalBytes > MaxTotalBytes)
            return Error{tr("The theme is larger than %1 MiB.").arg(MaxTotalBytes / (1024 * 1024))};
        QFile file(info.absoluteFilePath());
        if (!file.open(QIODevice::ReadOnly))
            return Error{tr("%1 cannot be read: %2").arg(path, file.errorString())};
        theme.files.insert(path, file.read(MaxFileBytes + 1));
    }
    const auto manifest = theme.files.constFind(ManifestFile);
    if (manifest == theme.files.constEnd())
        return Error{tr("%1 has no theme.json, so it is not a theme folder.").arg(QDir::toNativeSeparators(dir))};
    Result<ThemeManifest> parsed = ThemeManifest::parse(*manifest);
    if (!parsed)
        return parsed.error();
    theme.manifest = *parsed;
    if (Result<void> checked = check(theme); !checked)
        return checked.error();
    return theme;
}

Result<void> ThemeFolder::check(const Theme &theme)
{
    for (auto it = theme.files.cbegin(); it != theme.files.cend(); ++it) {
        if (!isThemePath(it.key()) || !isSafePath(it.key()))
            return Error{tr("Theme \"%1\": %2 is not a theme file.").arg(theme.manifest.name, it.key())};
    }
    Result<ThemeTemplates> templates = ThemeTemplates::compile(theme);
    if (!templates)
        return templates.error();
    return {};
}

Result<void> ThemeFolder::write(const Theme &theme, const QString &dir)
{
    QDir target(dir);
    if (target.exists() && !target.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
        return Error{tr("%1 is not empty; export a theme into a new or empty folder.").arg(QDir::toNativeSeparators(dir))};
    for (auto it = theme.files.cbegin(); it != theme.files.cend(); ++it) {
        if (!isSafePath(it.key()))
            return Error{tr("Theme \"%1\": %2 is not a theme file.").arg(theme.manifest.name, it.key())};
        const QString path = target.absoluteFilePath(it.key());
        if (!QDir().mkpath(QFileInfo(path).path()))
            return Error{tr("The folder for %1 cannot be created.").arg(QDir::toNativeSeparators(path))};
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(it.value()) != it.value().size() || !file.commit())
            return Error{tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(path), file.errorString())};
    }
    return {};
}

} // namespace quire
