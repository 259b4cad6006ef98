#pragma once

#include "publish/publisher.h"
#include "render/render_worker.h"
#include "result.h"
#include "site/site_builder.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace quire {

class Library;

// One publish, as the Publish dialog and `quire publish NAME` run it: brings the target's own
// site folder up to date (a build without drafts, incremental), asks the target's publisher what
// would change or publishes it, and then records a Publish revision for each post that went out,
// setting its published date if it had none. A dry run changes nothing in the library or at the
// target. Runs on any thread (Library serialises its connection).
class PublishJob
{
public:
    struct Options
    {
        QString targetName;
        bool dryRun = false;
        QString workRoot;                 // Quire's folder for this library's targets; empty:
                                          // defaultWorkRoot(library)
        RenderWorker::Options worker;     // where node, KaTeX and highlight.js are
        const ImageScaler *imageScaler = nullptr;   // SiteBuilder::Options::imageScaler
        Publisher::Callbacks callbacks;   // progress runs over the build, then the transfer
    };

    struct Report
    {
        SiteBuilder::Report build;
        QList<Publisher::Change> changes;    // made, or that would be made by a dry run
        QStringList postTitles;              // posts that went out (or would)
        qint64 elapsedMs = 0;
    };

    explicit PublishJob(Library &library);

    Result<Report> run(const Options &options);

    // $XDG_CACHE_HOME/Quire/publish/<hash of the library's path>: per target, the site built for
    // it and the publisher's working folder (the git clone). Safe to delete; rebuilt on need.
    static QString defaultWorkRoot(const Library &library);

private:
    Library &m_library;
};

} // namespace quire
