#include "site/post_pages.h"

#include "render/math_code_renderer.h"
#include "render/render_cache.h"
#include "render/render_worker.h"
#include "site/build_keys.h"
#include "site/build_memory.h"
#include "site/build_progress.h"
#include "site/page_contexts.h"
#include "site/parallel_work.h"
#include "site/post_content.h"
#include "site/post_cover.h"
#include "site/site_feeds.h"
#include "site/site_files.h"
#include "site/site_inputs.h"
#include "site/site_path.h"
#include "store/library.h"
#include "store/post_store.h"

#include <QMutexLocker>

namespace quire {

PostPages::PostPages(Library &library, const SiteInputs &inputs, const BuildKeys &keys, const BuildMemory &memory,
                     const PageContexts &contexts, SiteFiles &files)
    : m_library(library), m_inputs(inputs), m_keys(keys), m_memory(memory), m_contexts(contexts), m_files(files)
{
}

Result<void> PostPages::build(const SiteBuilder::Options &options, QList<PostFacts> &facts, BuildProgress &progress)
{
    // Flushed once at the end rather than after each post: one transaction, not one per post.
    RenderCache cache(&m_library);
    ParallelWork work(m_inputs.plan.posts().size(), progress.cancelFlag());
    work.run(ParallelWork::threadsFor(options.threads), [&] {
        // Each thread has its own node worker (started only if a formula or block is not cached).
        RenderWorker worker(options.worker);
        MathCodeRenderer renderer(worker, cache);
        renderer.setFlushEachRender(false);
        PostContent content(renderer, &m_inputs.media);
        for (qsizetype index = work.next(); index >= 0; index = work.next()) {
            if (Result<void> built = buildPost(int(index), content, facts); !built)
                work.fail(built.error());
            progress.step();
        }
    });
    if (Result<void> flushed = cache.flush(); !flushed)
        m_notes.append(tr("The render cache could not be saved: %1").arg(flushed.errorMessage()));
    return work.result();
}

Result<void> PostPages::buildPost(int index, PostContent &content, QList<PostFacts> &facts)
{
    const SitePlan::Entry &entry = m_inputs.plan.posts().at(index);
    const QByteArray pageKey = m_keys.postPage(index);
    // The images the page shows are known from its facts: those the last build remembered tell
    // whether the page can stay, the fresh ones key the page written now.
    const PostFacts *known = m_memory.factsOf(entry);
    if (known && index >= SiteFeeds::FeedLength
        && m_files.isCurrent(SitePath::file(entry.path), m_keys.postPageWithMedia(pageKey, *known))) {
        facts[index] = *known;
        m_files.keepPage(entry.path);
        return {};
    }
    // Read here rather than listed with every post: the posts_site index that lists them has
    // neither the body nor the cover. A cover change changes the post's fingerprint.
    Result<Post> post = m_library.posts().withContent(entry.post);
    if (!post)
        return post.error();
    Result<PostContent::Output> rendered = content.render(post->body, entry.path, entry.post.summary);
    if (!rendered)
        return rendered.error();
    Result<PostFacts::Cover> cover = PostCover::of(m_library.assets(), *post);
    if (!cover)
        return cover.error();
    rendered->facts.cover = *cover;
    facts[index] = rendered->facts;
    if (index < SiteFeeds::FeedLength) {
        QMutexLocker locker(&m_mutex);
        m_feedContent.insert(index, rendered->html);
    }
    return m_files.writePage(entry.path, m_keys.postPageWithMedia(pageKey, rendered->facts), [&] {
        return m_inputs.theme.templates().render(QStringLiteral("post"), m_contexts.post(index, rendered->html));
    });
}

} // namespace quire
