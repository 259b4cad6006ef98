#include "publish/site_mirror.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace quire {

namespace {

const QString StateFolder = QStringLiteral(".quire");
const QString GitFolder = QStringLiteral(".git");

bool isExcluded(const QString &relativePath)
{
    const QStringList parts = relativePath.split(QLatin1Char('/'));
    return parts.first() == StateFolder || parts.contains(GitFolder);
}

// Byte for byte, so a page rebuilt with the same content is not copied (and git sees no change).
bool sameContent(const QString &a, const QString &b)
{
    QFile first(a);
    QFile second(b);
    if (first.size() != second.size() || !first.open(QIODevice::ReadOnly) || !second.open(QIODevice::ReadOnly))
        return false;
    constexpr qint64 Chunk = 64 * 1024;
    while (!first.atEnd()) {
        if (first.read(Chunk) != second.read(Chunk))
            return false;
    }
    return true;
}

bool cancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load();
}

// Removes from folder (relative path prefix) everything the site does not have.
Result<void> prune(const QString &root, const QString &prefix, const QSet<QString> &files,
                   const QSet<QString> &folders, const QStringList &keepAtRoot)
{
    const QDir dir(prefix.isEmpty() ? root : root + QLatin1Char('/') + prefix);
    const QFileInfoList entries = dir.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo &entry : entries) {
        const QString relative = prefix.isEmpty() ? entry.fileName() : prefix + QLatin1Char('/') + entry.fileName();
        if (prefix.isEmpty() && keepAtRoot.contains(entry.fileName()))
            continue;
        bool removed = true;
        if (entry.isDir() && !entry.isSymLink()) {
            if (folders.contains(relative)) {
                if (auto result = prune(root, relative, files, folders, keepAtRoot); !result)
                    return result;
                continue;
            }
            removed = QDir(entry.filePath()).removeRecursively();
        } else if (!files.contains(relative)) {
            removed = QFile::remove(entry.filePath());
        }
        if (!removed)
            return Error{SiteMirror::tr("Could not delete %1, which the site no longer has.").arg(entry.filePath())};
    }
    return {};
}

} // namespace

QStringList SiteMirror::siteFiles(const QString &siteDir)
{
    QStringList files;
    const QDir root(siteDir);
    QDirIterator it(siteDir, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString relative = root.relativeFilePath(it.next());
        if (!isExcluded(relative))
            files.append(relative);
    }
    files.sort();
    return files;
}

Result<void> SiteMirror::mirror(const QString &siteDir, const QString &targetDir,
                                const QStringList &keepAtRoot, const std::atomic<bool> *cancel)
{
    const QStringList files = siteFiles(siteDir);
    const QSet<QString> fileSet(files.begin(), files.end());
    QSet<QString> folders;
    for (const QString &file : files) {
        for (qsizetype slash = file.indexOf(QLatin1Char('/')); slash > 0; slash = file.indexOf(QLatin1Char('/'), slash + 1))
            folders.insert(file.left(slash));
    }
    if (auto result = prune(targetDir, QString(), fileSet, folders, keepAtRoot); !result)
        return result;

    int count = 0;
    for (const QString &file : files) {
        if (++count % 64 == 0 && cancelled(cancel))
            return Error{tr("Publishing was cancelled.")};
        const QString source = siteDir + QLatin1Char('/') + file;
        const QString target = targetDir + QLatin1Char('/') + file;
        if (QFileInfo(target).isFile() && sameContent(source, target))
            continue;
        QFile::remove(target);
        QDir().mkpath(QFileInfo(target).path());
        QFile in(source);
        if (!in.copy(target))
            return Error{tr("Could not copy %1 to %2: %3").arg(source, target, in.errorString())};
    }
    return {};
}

} // namespace quire
