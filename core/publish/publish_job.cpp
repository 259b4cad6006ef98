#include "publish/publish_job.h"

#include "publish/publish_targets.h"
#include "site/site_theme.h"
#include "site/site_path.h"
#include "site/site_plan.h"
#include "site/site_settings.h"
#include "store/library.h"
#include "store/post_history.h"
#include "store/post_store.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSet>
#include <QStandardPaths>

#include <algorithm>

namespace quire {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("quire::PublishJob", text);
}

// progress(done, total) runs over this many steps: the build first, then the transfer.
constexpr int ProgressSteps = 1000;
constexpr int BuildSteps = 500;
// A commit message names at most this many posts.
constexpr int MaxTitlesInMessage = 10;

struct WentOut
{
    QList<qint64> ids;
    QList<QDateTime> dates;   // the date each post's page shows
    QStringList titles;
};

// The posts of the site whose page is among the files added or changed, newest first.
Result<WentOut> postsThatWentOut(const Library &library, const QList<Publisher::Change> &changes)
{
    QSet<QString> written;
    for (const Publisher::Change &change : changes) {
        if (change.kind != Publisher::Change::Kind::Removed)
            written.insert(change.path);
    }
    WentOut out;
    if (written.isEmpty())
        return out;
    const Result<SiteSettings> settings = SiteSettings::fromLibrary(library);
    if (!settings)
        return settings.error();
    const Result<QList<Post>> posts = library.posts().all();
    if (!posts)
        return posts.error();
    const Result<QList<Tag>> tags = library.posts().tags();
    if (!tags)
        return tags.error();
    // Drafts are never published, so the plan is the one the build made without them.
    const SitePlan plan = SitePlan::make(*posts, *tags, *settings, SitePlan::Options{false, library.now()});
    for (const SitePlan::Entry &entry : plan.posts()) {
        if (!written.contains(SitePath::file(entry.path)))
            continue;
        out.ids.append(entry.post.id);
        out.dates.append(entry.date);
        out.titles.append(entry.post.title);
    }
    return out;
}

// A record in the repository's history rather than text for a screen, so it stays in English.
// Git's shape: a short subject, then the posts one per line, so `git log --oneline` stays readable.
QString commitMessage(const QStringList &titles)
{
    if (titles.isEmpty())
        return QStringLiteral("Update the site");
    if (titles.size() == 1)
        return QStringLiteral("Publish \u201c%1\u201d").arg(titles.first());
    QStringList lines = titles.mid(0, MaxTitlesInMessage);
    if (titles.size() > MaxTitlesInMessage)
        lines.append(QStringLiteral("and %1 more").arg(titles.size() - MaxTitlesInMessage));
    return QStringLiteral("Publish %1 posts\n\n- %2").arg(titles.size()).arg(lines.join(QStringLiteral("\n- ")));
}

// Runs progress over [from, from + span) of ProgressSteps.
std::function<void(int, int)> scaled(const std::function<void(int, int)> &progress, int from, int span)
{
    if (!progress)
        return {};
    return [progress, from, span](int done, int total) {
        const int part = total > 0 ? int(qint64(span) * std::clamp(done, 0, total) / total) : 0;
        progress(from + part, ProgressSteps);
    };
}

} // namespace

PublishJob::PublishJob(Library &library)
    : m_library(library)
{
}

QString PublishJob::defaultWorkRoot(const Library &library)
{
    // Not CacheLocation itself: that depends on the application name set at the time of the call
    // (the CLI and the window would disagree); Library::defaultPath() does the same.
    const QFileInfo file(library.path());
    const QString path = file.canonicalFilePath().isEmpty() ? file.absoluteFilePath() : file.canonicalFilePath();
    const QByteArray digest = QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + QLatin1String("/Quire/publish/")
        + QString::fromLatin1(digest);
}

Result<PublishJob::Report> PublishJob::run(const Options &options)
{
    QElapsedTimer timer;
    timer.start();
    const Result<std::optional<PublishTarget>> found = PublishTargets::find(m_library, options.targetName);
    if (!found)
        return found.error();
    if (!*found)
        return Error{tr("There is no publish target called “%1”.").arg(options.targetName)};
    const PublishTarget target = **found;
    if (Result<void> checked = target.check(); !checked)
        return checked.error();

    // The preview and an export show Quire's built-in theme in place of one that cannot be used;
    // readers must not get it by surprise. Nothing goes out until the writer chooses a theme.
    const Result<SiteTheme> theme = SiteTheme::ofLibrary(m_library);
    if (!theme)
        return theme.error();
    if (!theme->fallbackReason().isEmpty())
        return Error{tr("Nothing was published: %1 Choose a theme (quire theme use NAME) and publish again.")
                             .arg(theme->fallbackReason())};

    const QString root = (options.workRoot.isEmpty() ? defaultWorkRoot(m_library) : options.workRoot)
        + u'/' + QString::number(target.id);
    const QString siteDir = root + QLatin1String("/site");
    const QString workDir = root + QLatin1String("/work");
    std::unique_ptr<Publisher> publisher = Publisher::create(target, workDir);
    if (!QDir().mkpath(siteDir) || !QDir().mkpath(workDir))
        return Error{tr("Quire's publish folder %1 cannot be created.").arg(QDir::toNativeSeparators(root))};

    Report report;
    SiteBuilder::Options build;
    build.outputDir = siteDir;
    build.includeDrafts = false;   // drafts are never published
    build.worker = options.worker;
    build.imageScaler = options.imageScaler;
    build.progress = scaled(options.callbacks.progress, 0, BuildSteps);
    build.cancel = options.callbacks.cancel;
    Result<SiteBuilder::Report> built = SiteBuilder(m_library).build(build);
    if (!built)
        return built.error();
    report.build = *built;

    Publisher::Callbacks transfer = options.callbacks;
    transfer.progress = scaled(options.callbacks.progress, BuildSteps, ProgressSteps - BuildSteps);
    // The message names the posts that go out, so what would change is asked first.
    Publisher::Callbacks quiet;
    quiet.cancel = options.callbacks.cancel;
    Result<QList<Publisher::Change>> changes = publisher->dryRun(siteDir, options.dryRun ? transfer : quiet);
    if (!changes)
        return changes.error();
    Result<WentOut> wentOut = postsThatWentOut(m_library, *changes);
    if (!wentOut)
        return wentOut.error();
    if (!options.dryRun) {
        changes = publisher->publish(siteDir, commitMessage(wentOut->titles), transfer);
        if (!changes)
            return changes.error();
        wentOut = postsThatWentOut(m_library, *changes);
        if (!wentOut)
            return wentOut.error();
        // A dateless post shows its creation date (SitePlan): that is the date it keeps.
        const Result<void> recorded = m_library.transaction([&]() -> Result<void> {
            for (qsizetype i = 0; i < wentOut->ids.size(); ++i) {
                if (Result<void> one = m_library.history().recordPublish(wentOut->ids.at(i), wentOut->dates.at(i)); !one)
                    return one;
            }
            return {};
        });
        if (!recorded)
            return Error{tr("The site was published to “%1”, but the library could not record it: %2")
                                 .arg(target.name, recorded.errorMessage())};
    }
    if (options.callbacks.progress)
        options.callbacks.progress(ProgressSteps, ProgressSteps);
    report.changes = *changes;
    report.postTitles = wentOut->titles;
    report.elapsedMs = timer.elapsed();
    return report;
}

} // namespace quire
