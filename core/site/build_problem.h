#pragma once

#include <QString>

namespace quire {

// Something in the blog the writer should fix, found by a build: a broken link, a missing
// image, a formula KaTeX could not render, an image without alt text, two pages at one address.
struct BuildProblem
{
    QString post;     // slug of the post it is in; empty for the site as a whole
    int line = 0;     // 1-based line of the post's Markdown; 0 when unknown
    QString reason;
};

} // namespace quire
