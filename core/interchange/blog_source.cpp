#include "interchange/blog_source.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>

namespace quire {

namespace {

bool isMarkdownFile(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    return suffix == u"md" || suffix == u"markdown" || suffix == u"mdown";
}

bool isInside(const QString &canonicalRoot, const QString &canonicalPath)
{
    return canonicalPath.startsWith(canonicalRoot + QLatin1Char('/'));
}

} // namespace

Result<BlogSource> BlogSource::open(const QString &dir)
{
    const QFileInfo info(dir);
    if (!info.exists())
        return Error{QCoreApplication::translate("BlogSource", "%1 does not exist.").arg(dir)};
    if (!info.isDir())
        return Error{QCoreApplication::translate("BlogSource", "%1 is not a folder.").arg(dir)};
    const QString root = info.canonicalFilePath();
    const QDir d(root);
    if (d.exists(QStringLiteral("_posts")) || d.exists(QStringLiteral("_drafts")))
        return BlogSource(Kind::Jekyll, root);
    if (d.exists(QStringLiteral("content")))
        return BlogSource(Kind::Hugo, root);
    const QStringList markdown{QStringLiteral("*.md"), QStringLiteral("*.markdown"), QStringLiteral("*.mdown")};
    if (!d.entryList(markdown, QDir::Files | QDir::Hidden).isEmpty())
        return BlogSource(Kind::Plain, root);
    return Error{QCoreApplication::translate("BlogSource",
        "%1 is neither a Hugo site (no content/ folder) nor a Jekyll site (no _posts/ or _drafts/ folder), "
        "and holds no Markdown files.")
        .arg(dir)};
}

QString BlogSource::kindName() const
{
    switch (m_kind) {
    case Kind::Hugo:
        return QStringLiteral("Hugo");
    case Kind::Jekyll:
        return QStringLiteral("Jekyll");
    case Kind::Plain:
        break;
    }
    return QCoreApplication::translate("BlogSource", "Markdown folder");
}

QList<SourceFile> BlogSource::postFiles(QList<QPair<QString, QString>> *skipped) const
{
    QList<SourceFile> files;
    if (m_kind == Kind::Jekyll) {
        collect(QStringLiteral("_posts"), false, true, files, skipped);
        collect(QStringLiteral("_drafts"), true, true, files, skipped);
    } else if (m_kind == Kind::Hugo) {
        collect(QStringLiteral("content"), false, true, files, skipped);
    } else {
        collect(QStringLiteral("."), false, false, files, skipped);
    }
    std::sort(files.begin(), files.end(),
              [](const SourceFile &a, const SourceFile &b) { return a.relativePath < b.relativePath; });
    return files;
}

void BlogSource::collect(const QString &subdir, bool drafts, bool recursive, QList<SourceFile> &files,
                         QList<QPair<QString, QString>> *skipped) const
{
    const QString top = m_root + QLatin1Char('/') + subdir;
    if (!QFileInfo(top).isDir())
        return;
    const QDir rootDir(m_root);
    // QDirIterator does not descend into symlinked folders without FollowSymlinks, so link loops
    // cannot trap the walk; linked files are read only when they stay inside the blog folder.
    QDirIterator it(top, QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden,
                    recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        if (!isMarkdownFile(info.fileName()))
            continue;
        const QString relative = rootDir.relativeFilePath(info.absoluteFilePath());
        if (info.isSymLink() && !isInside(m_root, info.canonicalFilePath())) {
            if (skipped)
                skipped->append({relative, QCoreApplication::translate("BlogSource",
                    "a symbolic link to a file outside the blog folder")});
            continue;
        }
        if (m_kind == Kind::Hugo && info.fileName() == u"_index.md") {
            if (skipped)
                skipped->append({relative, QCoreApplication::translate("BlogSource",
                    "a Hugo section page (_index.md), not a post")});
            continue;
        }
        SourceFile file;
        file.path = info.absoluteFilePath();
        file.relativePath = relative;
        file.inDraftsFolder = drafts;
        file.isBundleIndex = m_kind == Kind::Hugo && info.completeBaseName() == u"index";
        files.append(file);
    }
}

} // namespace quire
