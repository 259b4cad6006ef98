#include "site/site_build.h"

#include "site/list_pages.h"
#include "site/media_files.h"
#include "site/parallel_work.h"
#include "site/post_pages.h"
#include "site/site_assets.h"
#include "site/site_checks.h"
#include "site/site_feeds.h"
#include "site/site_output.h"
#include "store/library.h"
#include "store/render_cache_store.h"

#include <algorithm>

namespace quire {

Result<SiteBuilder::Report> SiteBuild::run(Library &library, const SiteBuilder::Options &options)
{
    QElapsedTimer timer;
    timer.start();
    Result<SiteInputs> inputs = SiteInputs::read(library, options);
    if (!inputs)
        return inputs.error();
    Result<std::unique_ptr<SiteOutput>> output = SiteOutput::open(options.outputDir, options.force);
    if (!output)
        return output.error();
    SiteBuild build(library, options, std::move(*inputs), std::move(*output), timer);
    return build.build();
}

SiteBuild::SiteBuild(Library &library, const SiteBuilder::Options &options, SiteInputs inputs,
                     std::unique_ptr<SiteOutput> output, const QElapsedTimer &timer)
    : m_library(library),
      m_options(options),
      m_inputs(std::move(inputs)),
      m_output(std::move(output)),
      m_keys(m_inputs, options),
      m_memory(BuildMemory::read(m_output->previousData(), m_keys.global())),
      m_files(*m_output),
      m_progress(options.progress, options.cancel),
      m_facts(m_inputs.plan.posts().size()),
      m_contexts(m_inputs.settings, m_inputs.plan, m_facts,
                 QStringLiteral("Quire %1").arg(QStringLiteral(QUIRE_VERSION)), m_inputs.now, &m_inputs.media),
      m_timer(timer)
{
    m_progress.setTotal(int(m_inputs.plan.posts().size()) * 2 + int(m_inputs.plan.tags().size()) + 8);
}

SiteBuild::~SiteBuild() = default;

Result<SiteBuilder::Report> SiteBuild::build()
{
    struct Step
    {
        const char *name;
        Result<void> (SiteBuild::*run)();
    };
    const Step steps[] = {
        {"posts", &SiteBuild::buildPosts}, {"lists", &SiteBuild::buildLists},
        {"other pages", &SiteBuild::buildOtherPages}, {"feed", &SiteBuild::buildFeeds},
        {"assets", &SiteBuild::buildAssets}, {"media", &SiteBuild::buildMedia},
    };
    const Error cancelled{tr("The build was cancelled; the site in the output folder is as it was.")};
    endPhase("prepare");
    if (m_progress.cancelled())
        return cancelled;
    for (const Step &step : steps) {
        if (Result<void> done = (this->*step.run)(); !done)
            return done.error();
        endPhase(step.name);
        if (m_progress.cancelled())
            return cancelled;
    }
    return finish();
}

Result<void> SiteBuild::buildPosts()
{
    PostPages posts(m_library, m_inputs, m_keys, m_memory, m_contexts, m_files);
    Result<void> built = posts.build(m_options, m_facts, m_progress);
    m_report.notes += posts.notes();
    m_feedContent = posts.feedContent();
    return built;
}

Result<void> SiteBuild::buildLists()
{
    return ListPages(m_inputs, m_keys, m_contexts, m_facts, m_files).buildLists(m_progress);
}

Result<void> SiteBuild::buildOtherPages()
{
    return ListPages(m_inputs, m_keys, m_contexts, m_facts, m_files).buildOthers();
}

Result<void> SiteBuild::buildFeeds()
{
    SiteFeeds feeds(m_inputs, m_facts, m_files);
    if (Result<void> sitemap = feeds.buildSitemap(); !sitemap)
        return sitemap;
    return feeds.buildFeed(m_feedContent);
}

// The theme's static files, and KaTeX's and highlight.js's style sheets when a page needs them.
Result<void> SiteBuild::buildAssets()
{
    const Theme &theme = m_inputs.theme.theme();
    QList<SiteAssets::File> files = SiteAssets::themeFiles(theme);
    const auto any = [&](bool PostFacts::*need) {
        return std::any_of(m_facts.cbegin(), m_facts.cend(), [need](const PostFacts &facts) { return facts.*need; });
    };
    if (any(&PostFacts::needsKatexCss)) {
        Result<QList<SiteAssets::File>> katex = SiteAssets::katex(m_options.worker.katexScript);
        if (!katex)
            return katex.error();
        files += *katex;
    }
    if (any(&PostFacts::needsHighlightCss)) {
        Result<SiteAssets::File> css = SiteAssets::highlight(theme, m_options.worker.highlightScript);
        if (!css)
            return css.error();
        files.append(*css);
    }
    for (const SiteAssets::File &file : std::as_const(files)) {
        if (Result<void> written = m_files.write(file.path, file.content); !written)
            return written;
    }
    return {};
}

Result<void> SiteBuild::buildMedia()
{
    MediaFiles media(m_library, m_inputs.media, m_options.imageScaler, m_files);
    Result<void> built = media.build(m_facts, ParallelWork::threadsFor(m_options.threads), m_options.cancel);
    m_report.notes += media.notes();
    return built;
}

// The checks, the memory for the next build, the new site put in place, and the report.
Result<SiteBuilder::Report> SiteBuild::finish()
{
    m_report.problems += SiteChecks::site(m_inputs);
    m_report.problems += SiteChecks::posts(m_inputs, m_facts, m_files);
    m_output->setData(BuildMemory::write(m_keys.global(), m_inputs.plan, m_facts));
    endPhase("link check");
    Result<SiteOutput::Counts> counts = m_output->commit();
    endPhase("commit");
    if (!counts)
        return counts.error();
    // The cache grows with every formula edited away; a build is when nobody waits on it.
    if (Result<int> pruned = m_library.renderCache().prune(); !pruned)
        m_report.notes.append(tr("The render cache could not be pruned: %1").arg(pruned.errorMessage()));
    m_progress.finish();
    m_report.posts = int(m_inputs.plan.posts().size());
    m_report.files = m_files.fileCount();
    m_report.written = counts->written;
    m_report.unchanged = counts->unchanged;
    m_report.removed = counts->removed;
    std::stable_sort(m_report.problems.begin(), m_report.problems.end(),
                     [](const BuildProblem &a, const BuildProblem &b) {
                         return a.post != b.post ? a.post < b.post : a.line < b.line;
                     });
    if (m_inputs.settings.baseUrl.isEmpty())
        m_report.notes.append(tr("No base URL is set, so the feed and the sitemap use relative addresses and pages"
                                 " have no canonical link (set one with: quire config base-url URL)."));
    m_report.elapsedMs = m_timer.elapsed();
    return m_report;
}

void SiteBuild::endPhase(const char *name)
{
    const qint64 now = m_timer.elapsed();
    m_report.phases.append({QLatin1String(name), now - m_phaseStart});
    m_phaseStart = now;
}

} // namespace quire
