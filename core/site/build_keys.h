#pragma once

#include "site/post_facts.h"
#include "site/site_builder.h"
#include "site/site_media.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace quire {

struct SiteInputs;

// What each page and file of the site is made from, as keys SiteOutput keeps beside the files
// (SiteOutput::isCurrent): a page whose key is the one it was last written with is kept as it is,
// without rendering it. A key holds everything its page shows and nothing more, so that an edit
// rewrites the pages that show it and leaves the rest alone: editing a post's text rewrites its
// own page, not the lists, whose keys hold only what they show of a post.
//
// Every key starts from the global key: what every page depends on (Quire's output format and
// version, the math engine, the theme's files, the settings, drafts or not, the year).
class BuildKeys
{
public:
    // Bumped when Quire changes what it writes (or what it remembers of a post, PostFacts), so
    // that every page is made again. 2: posts' cover images. 3: content-hashed media names, srcset.
    static constexpr int OutputFormat = 3;

    BuildKeys(const SiteInputs &inputs, const SiteBuilder::Options &options);

    // Also the key of the build's memory (BuildMemory): facts learnt under another one say
    // nothing about this build.
    const QByteArray &global() const { return m_global; }

    // A post's page (plan index) before its images are known: its fingerprint and path, its
    // neighbours' titles and paths, its tags' paths.
    QByteArray postPage(int index) const;
    // That key with what the page depends on of the library images it shows (covers included):
    // the images' bytes, or that the library lacks them.
    QByteArray postPageWithMedia(const QByteArray &postPage, const PostFacts &facts) const;
    // A page of the home list (tagIndex < 0) or of a tag's list: its place, and each post it
    // shows as lists show it (its entry and cover). `posts` are every post of the list.
    QByteArray listPage(const QString &firstPath, int page, int total, int tagIndex, const QList<int> &posts,
                        const QList<int> &slice, const QList<PostFacts> &facts) const;
    // The tags page: each tag's name, path and count.
    QByteArray tagsPage() const;
    // The archive: each post's title, path, date and draft mark (not its text).
    QByteArray archivePage() const;

    // A library image as the site writes it: its bytes' hash.
    static QByteArray mediaFile(const Asset &asset);
    // A narrower copy of it.
    static QByteArray mediaCopy(const Asset &asset, const SiteMedia::Copy &copy);

private:
    const SiteInputs &m_inputs;
    QByteArray m_global;
    QList<QByteArray> m_entries;   // by plan index: a post as lists show it
};

} // namespace quire
