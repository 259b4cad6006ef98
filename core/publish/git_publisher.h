#pragma once

#include "publish/publish_target.h"
#include "publish/publisher.h"
#include "publish/tool_process.h"

#include <QCoreApplication>
#include <QString>

namespace quire {

// Publishes a site as one commit on a branch (target.effectiveBranch(), "gh-pages" by default) of
// a git repository (target.destination: a path, a bare repository or a URL), with the system `git`.
// Keeps a clone in workDir/repo, reused across publishes and made again when it is damaged or
// points at another repository. The first publish makes the branch as an orphan (no history from
// other branches); later ones start from the branch's tip at the remote, so what anyone else
// pushed there is the parent, never overwritten by force. Other branches are never touched.
//
// Never asks for a password (GIT_TERMINAL_PROMPT=0, ssh BatchMode): the writer's ssh agent and
// credential helpers log in, or the publish fails with a message saying so.
class GitPublisher : public Publisher
{
    Q_DECLARE_TR_FUNCTIONS(quire::GitPublisher)

public:
    GitPublisher(const PublishTarget &target, const QString &workDir);

    Result<QList<Change>> dryRun(const QString &siteDir, const Callbacks &callbacks) override;
    Result<QList<Change>> publish(const QString &siteDir, const QString &message,
                                  const Callbacks &callbacks) override;

    // The clone Quire keeps for this target: workDir/repo.
    QString cloneDir() const;

    // The message for a failed git command, in a writer's words (from git's English stderr).
    Error explain(const ToolProcess::Output &output) const;

private:
    Result<QList<Change>> run(const QString &siteDir, const QString &message, bool dryRun,
                              const Callbacks &callbacks);
    Result<void> prepare(ToolProcess &git) const;
    Result<void> prepareClone(ToolProcess &git) const;
    Result<bool> remoteBranchExists(ToolProcess &git) const;
    Result<void> startFromTip(ToolProcess &git, bool branchExists) const;
    Result<void> stageSite(ToolProcess &git, const QString &siteDir, const Callbacks &callbacks) const;
    Result<QList<Change>> stagedChanges(ToolProcess &git) const;
    Result<void> commitAndPush(ToolProcess &git, const QString &message) const;
    Result<ToolProcess::Output> runGit(ToolProcess &git, const QStringList &arguments,
                                       const ToolProcess::RunOptions &options = {}) const;
    QString configValue(ToolProcess &git, const QString &key) const;

    PublishTarget m_target;
    QString m_workDir;
};

} // namespace quire
