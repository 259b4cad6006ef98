#pragma once

#include "publish/publish_target.h"
#include "publish/publisher.h"
#include "publish/tool_process.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace quire {

// Publishes a site with the system `rsync` to target.destination: a local folder or
// [user@]host:path over ssh (never prompting: BatchMode). The destination becomes an exact copy of
// the site (--delete), except the site's own .quire/ state folder, which never leaves. Because
// --delete empties whatever folder it is given of everything else, destinations that are roots or
// home folders are refused before rsync runs.
class RsyncPublisher : public Publisher
{
    Q_DECLARE_TR_FUNCTIONS(quire::RsyncPublisher)

public:
    explicit RsyncPublisher(const PublishTarget &target);

    Result<QList<Change>> dryRun(const QString &siteDir, const Callbacks &callbacks) override;
    Result<QList<Change>> publish(const QString &siteDir, const QString &message,
                                  const Callbacks &callbacks) override;

    // Refuses a destination rsync --delete must not be pointed at: empty, one that reads as an
    // option, a relative local path, a root ("/", "host:/", "/usr"), a home folder ("~",
    // "host:", "host:~", "/home/NAME", "/root").
    static Result<void> checkDestination(const QString &destination);

    // Whether destination is on another machine: a colon before any slash, or rsync://.
    static bool isRemote(const QString &destination);

    // The file changes in `rsync --itemize-changes` output (folders and attribute-only updates
    // are left out).
    static QList<Change> parseItemized(const QByteArray &output);

private:
    Result<QList<Change>> run(const QString &siteDir, bool dryRun, const Callbacks &callbacks);
    Error explain(const ToolProcess::Output &output) const;

    PublishTarget m_target;
};

} // namespace quire
