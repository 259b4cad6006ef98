#pragma once

#include "result.h"
#include "site/post_facts.h"

#include <QList>
#include <QString>

namespace quire {

class BuildKeys;
class BuildProgress;
class PageContexts;
class SiteFiles;
struct SiteInputs;

// The pages made from the plan and the posts' facts, never from a post's text: the home page and
// its further pages (/page/2/ …), each tag's pages, the tags page, the archive and 404.html. So an
// edit to a post's text rewrites none of them, and they are quick to make: one thread does them.
class ListPages
{
public:
    ListPages(const SiteInputs &inputs, const BuildKeys &keys, const PageContexts &contexts,
              const QList<PostFacts> &facts, SiteFiles &files);

    // The home page's and every tag's pages, newest posts first, postsPerPage to a page; a step
    // of `progress` per post for the home list and one per tag.
    Result<void> buildLists(BuildProgress &progress);
    // The tags page, the archive and 404.html.
    Result<void> buildOthers();

private:
    // The pages of one list: the home list (tagIndex < 0) or a tag's.
    Result<void> buildListPages(const QString &firstPath, const QList<int> &posts, int tagIndex,
                                const BuildProgress &progress);

    const SiteInputs &m_inputs;
    const BuildKeys &m_keys;
    const PageContexts &m_contexts;
    const QList<PostFacts> &m_facts;
    SiteFiles &m_files;
};

} // namespace quire
