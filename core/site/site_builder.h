#pragma once

#include "render/render_worker.h"
#include "result.h"
#include "site/build_problem.h"

#include <QList>
#include <QStringList>
#include <QString>

#include <atomic>
#include <functional>

namespace quire {

class ImageScaler;
class Library;

// Builds the library's blog as a static site folder (Zola's "site" part: the only part that
// knows about output folders). Posts are rendered on every core, math and code at build time;
// only what changed is rewritten, and the folder is changed atomically (SiteOutput). Library
// images go out under content-hashed names (SiteMedia).
class SiteBuilder
{
public:
    struct Options
    {
        QString outputDir;
        bool includeDrafts = false;
        bool force = false;              // build into a folder holding files Quire did not write
        QString baseUrl;                 // overrides the library's setting when not empty
        int threads = 0;                 // 0: one per core
        RenderWorker::Options worker;    // where node, KaTeX and highlight.js are
        // Makes the narrower copies of large images that pages offer in a srcset (QtImageScaler
        // in the app); null: no copies, no srcset. Used from several threads at once.
        const ImageScaler *imageScaler = nullptr;
        // Called from the building thread as work gets done.
        std::function<void(int done, int total)> progress;
        const std::atomic<bool> *cancel = nullptr;
    };

    struct Report
    {
        int posts = 0;            // post pages in the site
        int files = 0;            // files in the site
        int written = 0;          // new or changed
        int unchanged = 0;
        int removed = 0;
        QList<BuildProblem> problems;   // by post and line
        QStringList notes;        // things worth knowing that are not problems
        qint64 elapsedMs = 0;
        QList<std::pair<QString, qint64>> phases;   // where the time went, in ms (for benchmarks)
    };

    explicit SiteBuilder(Library &library);

    // Builds the site. An Error means nothing changed in the output folder (a bad setting, an
    // unsafe folder, node missing, cancelled…). A theme that cannot be used is no Error: Quire's
    // built-in theme stands in for it, and the report says so (SiteTheme).
    Result<Report> build(const Options &options);

private:
    Library &m_library;
};

} // namespace quire
