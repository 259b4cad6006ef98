#pragma once

#include "store/post.h"

#include <QString>

namespace quire {

// Writes a post as Markdown with YAML front matter, the way Hugo and Jekyll read it: title, slug,
// date, draft, tags, summary, kind, then the extra keys kept from an import.
class PostMarkdownWriter
{
public:
    static QString toMarkdown(const Post &post);
};

} // namespace quire
