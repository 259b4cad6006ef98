#include "site/list_pages.h"

#include "site/build_keys.h"
#include "site/build_progress.h"
#include "site/page_contexts.h"
#include "site/site_files.h"
#include "site/site_inputs.h"

#include <algorithm>
#include <numeric>

namespace quire {

ListPages::ListPages(const SiteInputs &inputs, const BuildKeys &keys, const PageContexts &contexts,
                     const QList<PostFacts> &facts, SiteFiles &files)
    : m_inputs(inputs), m_keys(keys), m_contexts(contexts), m_facts(facts), m_files(files)
{
}

Result<void> ListPages::buildLists(BuildProgress &progress)
{
    const SitePlan &plan = m_inputs.plan;
    QList<int> all(plan.posts().size());
    std::iota(all.begin(), all.end(), 0);
    if (Result<void> home = buildListPages(QStringLiteral("/"), all, -1, progress); !home)
        return home;
    progress.step(int(plan.posts().size()));
    for (int tag = 0; tag < plan.tags().size() && !progress.cancelled(); ++tag) {
        const SitePlan::TagEntry &entry = plan.tags().at(tag);
        if (Result<void> pages = buildListPages(entry.path, entry.posts, tag, progress); !pages)
            return pages;
        progress.step();
    }
    return {};
}

Result<void> ListPages::buildListPages(const QString &firstPath, const QList<int> &posts, int tagIndex,
                                       const BuildProgress &progress)
{
    const ThemeTemplates &templates = m_inputs.theme.templates();
    const int perPage = m_inputs.settings.postsPerPage;
    const int total = std::max(1, int((posts.size() + perPage - 1) / perPage));
    const auto pathOf = [&](int page) {
        return page == 1 ? firstPath : firstPath + QStringLiteral("page/%1/").arg(page);
    };
    for (int page = 1; page <= total && !progress.cancelled(); ++page) {
        const QList<int> slice = posts.mid((page - 1) * perPage, perPage);
        const PageContexts::Pagination pagination{page, total, page > 1 ? pathOf(page - 1) : QString(),
                                                  page < total ? pathOf(page + 1) : QString()};
        const QString path = pathOf(page);
        const QByteArray key = m_keys.listPage(firstPath, page, total, tagIndex, posts, slice, m_facts);
        Result<void> written = m_files.writePage(path, key, [&] {
            return tagIndex < 0
                ? templates.render(QStringLiteral("list"), m_contexts.list(path, slice, pagination))
                : templates.render(QStringLiteral("tag"), m_contexts.tag(path, tagIndex, slice, pagination));
        });
        if (!written)
            return written;
    }
    return {};
}

Result<void> ListPages::buildOthers()
{
    const ThemeTemplates &templates = m_inputs.theme.templates();
    Result<void> tags = m_files.writePage(QStringLiteral("/tags/"), m_keys.tagsPage(),
                                          [&] { return templates.render(QStringLiteral("tags"), m_contexts.tags()); });
    if (!tags)
        return tags;
    Result<void> archive = m_files.writePage(QStringLiteral("/archive/"), m_keys.archivePage(), [&] {
        return templates.render(QStringLiteral("archive"), m_contexts.archive());
    });
    if (!archive)
        return archive;
    return m_files.writePage(QStringLiteral("/404.html"), {},
                             [&] { return templates.render(QStringLiteral("404"), m_contexts.notFound()); });
}

} // namespace quire
