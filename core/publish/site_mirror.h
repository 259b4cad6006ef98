#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <atomic>

namespace quire {

// Makes a folder hold exactly the files of a built site, for git to commit: copies what is new or
// different, deletes what the site no longer has. Names in keepAtRoot (".git", say) are left alone
// at the folder's root; the site's own state folder .quire/ and any .git folder in the site are
// never copied.
class SiteMirror
{
    Q_DECLARE_TR_FUNCTIONS(quire::SiteMirror)

public:
    static Result<void> mirror(const QString &siteDir, const QString &targetDir,
                               const QStringList &keepAtRoot, const std::atomic<bool> *cancel);

    // The site's files, relative and '/'-separated, without .quire/ and .git folders; sorted.
    static QStringList siteFiles(const QString &siteDir);
};

} // namespace quire
