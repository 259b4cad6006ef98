#pragma once

#include "store/post.h"

#include <QString>

namespace quire {

// Writes a post as Markdown with YAML front matter, the way Hugo and Jekyll read it: title, slug,
// date, lastmod, draft, tags, summary, kind, lang, cover image, then the extra keys kept from an
// import. The body follows the front matter byte for byte.
class PostMarkdownWriter
{
public:
    // Hugo marks a draft with `draft: true` and its last change with `lastmod`; Jekyll keeps
    // drafts in _drafts/ (no key needed) and calls the last change `last_modified_at`.
    enum class Flavor { Hugo, Jekyll };

    struct Options
    {
        Flavor flavor = Flavor::Hugo;
        QString coverPath;   // "/media/cover.png" when the post has a cover image
    };

    static QString toMarkdown(const Post &post);
    static QString toMarkdown(const Post &post, const Options &options);
};

} // namespace quire
