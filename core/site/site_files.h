#pragma once

#include "result.h"

#include <QByteArray>
#include <QMutex>
#include <QSet>
#include <QString>

#include <functional>

namespace quire {

class SiteOutput;

// The pages and files of the site a build makes, each written to (or kept in) the output folder
// through SiteOutput and counted here, so that the checks can tell a link that leads somewhere
// from one that does not. Thread-safe: post pages and images are written from several threads.
class SiteFiles
{
public:
    explicit SiteFiles(SiteOutput &output);

    // Whether `file` is in the folder as the last build wrote it from the same inputKey.
    bool isCurrent(const QString &file, const QByteArray &inputKey) const;

    // The page at sitePath ("/posts/x/", written as posts/x/index.html): kept when it is
    // current, else made by `render` and written.
    Result<void> writePage(const QString &sitePath, const QByteArray &inputKey,
                           const std::function<Result<QString>()> &render);
    // A page the caller found current, kept without rendering it.
    void keepPage(const QString &sitePath);

    // A file of the site ("feed.xml", "media/a.3f2a9c1b7d.png"), written when its content
    // changed.
    Result<void> write(const QString &file, const QByteArray &content, const QByteArray &inputKey = {});
    // A file the caller found current, kept as it is.
    void keep(const QString &file);

    bool hasFile(const QString &file) const;       // relative: "posts/x/index.html"
    bool hasPage(const QString &sitePath) const;   // "/posts/x/"
    int fileCount() const;

private:
    SiteOutput &m_output;
    mutable QMutex m_mutex;
    QSet<QString> m_pages;   // site paths of every page
    QSet<QString> m_files;   // every file, relative to the output folder
};

} // namespace quire
