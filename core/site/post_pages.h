#pragma once

#include "result.h"
#include "site/post_facts.h"
#include "site/site_builder.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>

namespace quire {

class BuildKeys;
class BuildMemory;
class BuildProgress;
class Library;
class PageContexts;
class PostContent;
class SiteFiles;
struct SiteInputs;

// The post pages: each post's Markdown rendered as the site shows it (PostContent: math and code
// through a node worker of each thread's own and the library's render cache) into the theme's
// post template, on every core. What rendering learns of a post (its facts) is what the lists,
// the feed, the media and the checks need of it.
//
// A post whose page is current and whose facts the last build remembered is not rendered at all:
// its body is not even read. The newest posts always are, as the feed carries their content.
class PostPages
{
    Q_DECLARE_TR_FUNCTIONS(quire::PostPages)

public:
    PostPages(Library &library, const SiteInputs &inputs, const BuildKeys &keys, const BuildMemory &memory,
              const PageContexts &contexts, SiteFiles &files);

    // Writes every post's page, filling `facts` (by plan index; as long as the plan). A step of
    // `progress` per post.
    Result<void> build(const SiteBuilder::Options &options, QList<PostFacts> &facts, BuildProgress &progress);

    // The content of the posts the feed carries, by plan index (after build()).
    const QHash<int, QString> &feedContent() const { return m_feedContent; }
    // Things worth knowing that did not stop the pages (a render cache that could not be saved).
    const QStringList &notes() const { return m_notes; }

private:
    Result<void> buildPost(int index, PostContent &content, QList<PostFacts> &facts);

    Library &m_library;
    const SiteInputs &m_inputs;
    const BuildKeys &m_keys;
    const BuildMemory &m_memory;
    const PageContexts &m_contexts;
    SiteFiles &m_files;
    QMutex m_mutex;                       // for m_feedContent
    QHash<int, QString> m_feedContent;
    QStringList m_notes;
};

} // namespace quire
