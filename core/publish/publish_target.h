#pragma once

#include "result.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace quire {

// Where a blog is published: a folder, a branch of a git repository, or an rsync destination.
// Saved in the library (publish_targets: name, kind, config as JSON). Never holds a secret: git
// and rsync use the writer's own ssh agent and credential helpers.
struct PublishTarget
{
    enum class Kind { Folder, Git, Rsync };

    qint64 id = 0;             // 0 until saved
    QString name;              // unique in the library, what `quire publish NAME` takes
    Kind kind = Kind::Folder;
    QString destination;       // Folder: a local folder; Git: a repository (path or URL);
                               // Rsync: a local path or [user@]host:path
    QString branch;            // Git only; "gh-pages" when empty
    QString cname;             // Git only: a domain written as CNAME at the branch's root

    static QString kindName(Kind kind);                         // "folder", "git", "rsync"
    static std::optional<Kind> kindFromName(const QString &name);

    QJsonObject config() const;                                  // what is stored as JSON
    static Result<PublishTarget> fromConfig(qint64 id, const QString &name, const QString &kind,
                                            const QJsonObject &config);

    // A target that can be saved: a usable name, and a destination its kind accepts (an rsync
    // target that is empty or a root is refused here, before anything runs).
    Result<void> check() const;

    // "~" and "~/x" as a shell reads them in a destination ("~bob" is left as it is).
    static QString expandHome(const QString &path);

    QString effectiveBranch() const { return branch.isEmpty() ? QStringLiteral("gh-pages") : branch; }
};

} // namespace quire
