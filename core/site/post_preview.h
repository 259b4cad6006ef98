#pragma once

#include "result.h"
#include "site/post_facts.h"
#include "site/site_settings.h"
#include "store/post.h"
#include "theme/theme.h"
#include "theme/theme_templates.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace quire {

// A post as the editor's preview shows it: the theme's own post page, with an empty element
// (id "quire-content") where the post's content goes, so the preview is the published page and
// updates replace only that element. Pure: no files, no window.
class PostPreview
{
public:
    // The page for `post` (title, tags, dates as they are now; the body is not read) in the
    // theme, at the post's site path. `facts` fill the table of contents and reading time, and
    // give the cover image (PostFacts::cover, served at /media/NAME like the post's images).
    static Result<QString> shell(const ThemeTemplates &templates, const SiteSettings &settings, const Post &post,
                                 const PostFacts &facts);
    // The site path the shell is written for ("/posts/slug/"): relative links in it resolve
    // against this path under the preview's own URL scheme.
    static QString sitePath(const SiteSettings &settings, const Post &post);
    // Everything under assets/ a page of the theme may ask for (theme files, KaTeX, highlight
    // style sheet), by site path ("/assets/style.css"). Missing KaTeX or highlight.js files are
    // left out rather than failing the preview.
    static QHash<QString, QByteArray> assets(const Theme &theme, const QString &katexScript, const QString &highlightScript);
};

} // namespace quire
