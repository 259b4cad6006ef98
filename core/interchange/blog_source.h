#pragma once

#include "result.h"

#include <QList>
#include <QString>

namespace quire {

// One Markdown file of a blog folder, as the blog's generator sees it.
struct SourceFile
{
    QString path;          // absolute
    QString relativePath;  // relative to the blog folder, for reports
    bool inDraftsFolder = false;  // Jekyll _drafts/
    bool isBundleIndex = false;   // Hugo page bundle: <name>/index.md
};

// A Hugo (content/**) or Jekyll (_posts/, _drafts/) blog folder on disk, or failing both a plain
// folder of Markdown files (its top level only: subfolders of such a folder are anyone's guess).
class BlogSource
{
public:
    enum class Kind { Hugo, Jekyll, Plain };

    // Recognises the layout of dir; an Error when it is neither.
    static Result<BlogSource> open(const QString &dir);

    Kind kind() const { return m_kind; }
    QString root() const { return m_root; }
    QString kindName() const;

    // The Markdown files of posts, in a stable order. Symbolic links are not followed out of the
    // folder; what is left out and why goes to skipped.
    QList<SourceFile> postFiles(QList<QPair<QString, QString>> *skipped) const;

private:
    BlogSource(Kind kind, QString root) : m_kind(kind), m_root(std::move(root)) {}
    void collect(const QString &subdir, bool drafts, bool recursive, QList<SourceFile> &files,
                 QList<QPair<QString, QString>> *skipped) const;

    Kind m_kind;
    QString m_root;
};

} // namespace quire
