#pragma once

#include "publish/publish_target.h"
#include "result.h"

#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace quire {

// Sends a built site folder to a publish target. Publishers run on a worker thread; they report
// progress and log lines through callbacks (called on that thread) and stop soon after cancel is
// set, leaving the target as it was or in a state the next publish repairs.
class Publisher
{
public:
    struct Change
    {
        enum class Kind { Added, Changed, Removed };
        Kind kind = Kind::Added;
        QString path;          // relative to the site's root, '/'-separated: "posts/x/index.html"
    };

    struct Callbacks
    {
        std::function<void(int done, int total)> progress;
        std::function<void(const QString &line)> log;   // what a writer watching the log reads
        const std::atomic<bool> *cancel = nullptr;
    };

    virtual ~Publisher() = default;

    // What publishing siteDir would change at the target; changes nothing anywhere.
    virtual Result<QList<Change>> dryRun(const QString &siteDir, const Callbacks &callbacks) = 0;

    // Publishes siteDir; the changes made (empty when the target already had this site).
    // message: what a git commit says (other publishers only log it).
    virtual Result<QList<Change>> publish(const QString &siteDir, const QString &message,
                                          const Callbacks &callbacks) = 0;

    // The publisher for target's kind. workDir: a folder Quire owns for this target (the git
    // publisher keeps its clone there).
    static std::unique_ptr<Publisher> create(const PublishTarget &target, const QString &workDir);
};

} // namespace quire
