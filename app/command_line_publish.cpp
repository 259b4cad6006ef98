// The publishing commands: target, publish.

#include "command_line.h"

#include "images/qt_image_scaler.h"
#include "publish/publish_job.h"
#include "publish/publish_target.h"
#include "publish/publish_targets.h"
#include "store/library.h"

#include <QFileInfo>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace quire {

std::optional<QString> takeOption(const QStringList &args, qsizetype &i, const QString &name, QString *error);

namespace {

// A local path given on the command line, made absolute: the target must not depend on the
// folder the command ran in. Remote destinations and URLs stay as written.
QString absoluteIfLocal(const QString &path, bool mayBeRemote)
{
    if (path.startsWith(u'~') || path.startsWith(u'/'))
        return path;
    if (mayBeRemote) {
        const qsizetype colon = path.indexOf(u':');
        const qsizetype slash = path.indexOf(u'/');
        if (colon >= 0 && (slash < 0 || colon < slash))
            return path;
    }
    return QFileInfo(path).absoluteFilePath();
}

QString joinTitles(const QStringList &titles)
{
    return titles.join(QStringLiteral(", "));
}

} // namespace

int CommandLine::runTarget(const Invocation &inv)
{
    const QStringList &args = inv.arguments;
    const QString action = args.value(0);
    if (action == u"list") {
        if (args.size() != 1)
            return usageError(tr("target list takes no arguments."));
        const auto library = openLibrary(inv, false);
        if (!library)
            return Failure;
        const Result<QList<PublishTarget>> targets = PublishTargets::list(*library);
        if (!targets)
            return fail(targets.errorMessage());
        for (const PublishTarget &target : *targets) {
            m_out << target.name.leftJustified(16) << ' ' << PublishTarget::kindName(target.kind).leftJustified(6) << ' '
                  << target.destination;
            if (target.kind == PublishTarget::Kind::Git)
                m_out << "  " << tr("branch %1").arg(target.effectiveBranch());
            m_out << '\n';
        }
        m_out.flush();
        return Ok;
    }
    if (action == u"remove") {
        if (args.size() != 2)
            return usageError(tr("target remove needs one name: quire target remove NAME"));
        const auto library = openLibrary(inv, false);
        if (!library)
            return Failure;
        if (Result<void> removed = PublishTargets::remove(*library, args.at(1)); !removed)
            return fail(removed.errorMessage());
        m_out << tr("Removed the publish target \"%1\".").arg(args.at(1)) << Qt::endl;
        return Ok;
    }
    if (action != u"add")
        return usageError(tr("target takes: add NAME --folder DIR | --git REPO [--branch BRANCH] [--cname DOMAIN]"
                             " | --rsync DEST; list; remove NAME"));
    return runTargetAdd(inv);
}

int CommandLine::runTargetAdd(const Invocation &inv)
{
    const QStringList &args = inv.arguments;
    if (args.size() < 2 || args.at(1).startsWith(u'-'))
        return usageError(tr("target add needs a name: quire target add NAME --folder DIR"));
    PublishTarget target;
    target.name = args.at(1);
    int kinds = 0;
    bool gitOptions = false;
    for (qsizetype i = 2; i < args.size();) {
        QString error;
        if (auto folder = takeOption(args, i, QStringLiteral("--folder"), &error)) {
            target.kind = PublishTarget::Kind::Folder;
            target.destination = absoluteIfLocal(*folder, false);
            ++kinds;
        } else if (auto repo = takeOption(args, i, QStringLiteral("--git"), &error)) {
            target.kind = PublishTarget::Kind::Git;
            target.destination = QFileInfo::exists(*repo) ? absoluteIfLocal(*repo, false) : *repo;
            ++kinds;
        } else if (auto dest = takeOption(args, i, QStringLiteral("--rsync"), &error)) {
            target.kind = PublishTarget::Kind::Rsync;
            target.destination = absoluteIfLocal(*dest, true);
            ++kinds;
        } else if (auto branch = takeOption(args, i, QStringLiteral("--branch"), &error)) {
            target.branch = *branch;
            gitOptions = true;
        } else if (auto cname = takeOption(args, i, QStringLiteral("--cname"), &error)) {
            target.cname = *cname;
            gitOptions = true;
        } else {
            return usageError(error.isEmpty() ? tr("target add does not take \"%1\".").arg(args.at(i)) : error);
        }
    }
    if (kinds != 1)
        return usageError(tr("target add needs one of --folder DIR, --git REPO or --rsync DEST."));
    if (gitOptions && target.kind != PublishTarget::Kind::Git)
        return usageError(tr("--branch and --cname go with --git."));
    if (Result<void> checked = target.check(); !checked)
        return fail(checked.errorMessage());
    const auto library = openLibrary(inv, false);
    if (!library)
        return Failure;
    const Result<PublishTarget> saved = PublishTargets::save(*library, target);
    if (!saved)
        return fail(saved.errorMessage());
    m_out << tr("Added the publish target \"%1\" (%2 %3); publish with: quire publish %1")
                 .arg(saved->name, PublishTarget::kindName(saved->kind), saved->destination)
          << Qt::endl;
    return Ok;
}

int CommandLine::runPublish(const Invocation &inv)
{
    const QStringList &args = inv.arguments;
    PublishJob::Options options;
    const QtImageScaler scaler;
    options.imageScaler = &scaler;
    for (const QString &arg : args) {
        if (arg == u"--dry-run")
            options.dryRun = true;
        else if (arg.startsWith(u'-') || !options.targetName.isEmpty())
            return usageError(tr("publish does not take \"%1\".").arg(arg));
        else
            options.targetName = arg;
    }
    if (options.targetName.isEmpty())
        return usageError(tr("publish needs a target: quire publish NAME [--dry-run] (see quire target list)"));
    const auto library = openLibrary(inv, false);
    if (!library)
        return Failure;

    // A progress line only for a person watching a terminal.
    const bool tty = isatty(fileno(stderr));
    int shown = -1;
    const auto clearProgress = [&] {
        if (tty && shown >= 0)
            m_err << '\r' << QString(40, u' ') << '\r' << Qt::flush;
    };
    if (tty) {
        options.callbacks.progress = [&](int done, int total) {
            const int percent = total > 0 ? done * 100 / total : 0;
            if (percent == shown)
                return;
            shown = percent;
            m_err << '\r' << tr("Publishing… %1%").arg(percent) << Qt::flush;
        };
    }
    options.callbacks.log = [&](const QString &line) {
        clearProgress();
        m_out << line << Qt::endl;
    };
    const Result<PublishJob::Report> report = PublishJob(*library).run(options);
    clearProgress();
    if (!report)
        return fail(report.errorMessage());

    for (const BuildProblem &problem : report->build.problems) {
        QString where = problem.post.isEmpty() ? tr("site") : problem.post;
        if (problem.line > 0)
            where += u':' + QString::number(problem.line);
        m_out << tr("problem  %1: %2").arg(where, problem.reason) << '\n';
    }
    int counts[3] = {0, 0, 0};
    for (const Publisher::Change &change : report->changes) {
        ++counts[int(change.kind)];
        if (options.dryRun) {
            const char *mark = change.kind == Publisher::Change::Kind::Added ? "+ "
                : change.kind == Publisher::Change::Kind::Changed            ? "~ "
                                                                              : "- ";
            m_out << mark << change.path << '\n';
        }
    }
    const QString posts = report->postTitles.isEmpty() ? tr("no post pages changed")
                                                       : tr("posts: %1").arg(joinTitles(report->postTitles));
    if (options.dryRun) {
        m_out << tr("Dry run for %1: %2 to add, %3 to change, %4 to remove; %5.")
                     .arg(options.targetName, QString::number(counts[0]), QString::number(counts[1]),
                          QString::number(counts[2]), posts);
    } else {
        m_out << tr("Published to %1: %2 added, %3 changed, %4 removed; %5.")
                     .arg(options.targetName, QString::number(counts[0]), QString::number(counts[1]),
                          QString::number(counts[2]), posts);
    }
    m_out << Qt::endl;
    return Ok;
}

} // namespace quire
