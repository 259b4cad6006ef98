#pragma once

#include "result.h"
#include "site/build_keys.h"
#include "site/build_memory.h"
#include "site/build_progress.h"
#include "site/page_contexts.h"
#include "site/post_facts.h"
#include "site/site_builder.h"
#include "site/site_files.h"
#include "site/site_inputs.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>

namespace quire {

class Library;
class SiteOutput;

// One run of SiteBuilder::build: the steps in order, and the report. Each step is a class of its
// own; this one only hands each what the steps before it made, times them and stops between two
// when the build is cancelled.
//
//   inputs (SiteInputs) -> keys (BuildKeys) and the last build's memory (BuildMemory)
//   -> post pages (PostPages) -> lists (ListPages) -> feed and sitemap (SiteFeeds)
//   -> theme assets (SiteAssets) -> images (MediaFiles) -> checks (SiteChecks)
//   -> SiteOutput::commit
class SiteBuild
{
    Q_DECLARE_TR_FUNCTIONS(quire::SiteBuild)

public:
    // Reads the inputs and opens the output folder, then builds. An Error leaves the folder as
    // it was.
    static Result<SiteBuilder::Report> run(Library &library, const SiteBuilder::Options &options);

    ~SiteBuild();

private:
    SiteBuild(Library &library, const SiteBuilder::Options &options, SiteInputs inputs,
              std::unique_ptr<SiteOutput> output, const QElapsedTimer &timer);
    Result<SiteBuilder::Report> build();
    Result<void> buildPosts();
    Result<void> buildLists();
    Result<void> buildOtherPages();
    Result<void> buildFeeds();
    Result<void> buildAssets();
    Result<void> buildMedia();
    Result<SiteBuilder::Report> finish();
    // Records the time since the last phase ended (Report::phases).
    void endPhase(const char *name);

    Library &m_library;
    const SiteBuilder::Options &m_options;
    const SiteInputs m_inputs;
    const std::unique_ptr<SiteOutput> m_output;
    const BuildKeys m_keys;
    const BuildMemory m_memory;
    SiteFiles m_files;
    BuildProgress m_progress;
    QList<PostFacts> m_facts;             // by plan index, as the post pages learn them
    const PageContexts m_contexts;
    QHash<int, QString> m_feedContent;    // the newest posts' content, by plan index
    SiteBuilder::Report m_report;
    const QElapsedTimer m_timer;          // since the build started
    qint64 m_phaseStart = 0;
};

} // namespace quire
