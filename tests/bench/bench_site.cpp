// Site build speed and memory, in one process, on a generated corpus:
//
//   bench_site [FOLDER]
//
// Imports FOLDER (a Hugo-style content/posts/ folder; by default a 1000-post corpus made with
// QUIRE_SHARED_DIR/bench/gen_corpus.py) into a new library, then times four builds: cold (empty
// render cache and output folder), unchanged (same folder again), warm full (render cache full,
// new output folder) and incremental (one post changed). Prints seconds, files written and the
// process's peak RSS. ../shared/bench/compare_hugo.sh runs the same builds through the CLI,
// side by side with Hugo.

#include "bench_corpus.h"
#include "interchange/blog_importer.h"
#include "setup/library_setup.h"
#include "site/site_builder.h"
#include "store/library.h"
#include "store/post_history.h"
#include "store/post_store.h"
#include "store/revision.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <sys/resource.h>

using namespace quire;

namespace {

long peakRssMb()
{
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

bool timedBuild(Library &library, const QString &out, const char *label)
{
    SiteBuilder::Options options;
    options.outputDir = out;
    QElapsedTimer timer;
    timer.start();
    auto report = SiteBuilder(library).build(options);
    if (!report) {
        BenchCorpus::err() << report.errorMessage() << Qt::endl;
        return false;
    }
    BenchCorpus::out() << QString::fromLatin1(label).leftJustified(26) << QString::number(timer.elapsed() / 1000.0, 'f', 2)
                       << " s  " << report->posts << " posts, " << report->files << " files: " << report->written
                       << " written, " << report->unchanged << " unchanged; peak RSS " << peakRssMb() << " MB" << Qt::endl;
    QStringList phases;
    for (const auto &[name, ms] : report->phases)
        phases.append(QStringLiteral("%1 %2").arg(name).arg(ms));
    BenchCorpus::out() << "    ms: " << phases.join(QStringLiteral(", ")) << Qt::endl;
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir scratch;
    const QString folder = BenchCorpus::folder(app.arguments().value(1), scratch);
    if (folder.isEmpty())
        return 1;
    auto library = LibrarySetup::open(scratch.filePath(QStringLiteral("bench.quire")));
    if (!library) {
        BenchCorpus::err() << library.errorMessage() << Qt::endl;
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    auto imported = BlogImporter(**library).importFolder(folder);
    if (!imported) {
        BenchCorpus::err() << imported.errorMessage() << Qt::endl;
        return 1;
    }
    BenchCorpus::out() << "import of " << imported->imported.size() << " posts: "
                       << QString::number(timer.elapsed() / 1000.0, 'f', 2) << " s" << Qt::endl;

    const QString out = scratch.filePath(QStringLiteral("site"));
    if (!timedBuild(**library, out, "cold build") || !timedBuild(**library, out, "unchanged rebuild")
        || !timedBuild(**library, scratch.filePath(QStringLiteral("site-2")), "warm full build"))
        return 1;
    auto posts = (*library)->posts().all();
    Post changed = (*library)->posts().byId(posts->first().id).value();
    changed.body += QStringLiteral("\nAn added paragraph.\n");
    if (!(*library)->history().save(changed, RevisionReason::Save) || !timedBuild(**library, out, "one post changed"))
        return 1;
    return 0;
}
