#pragma once

#include "result.h"
#include "site/post_facts.h"

#include <QString>

namespace quire {

class MathCodeRenderer;
class SiteMedia;

// A post's Markdown as the site shows it: HTML with math and code rendered and links written
// for the page's address, plus the facts the rest of the site needs (summary, reading time,
// table of contents, links to check, problems). One per thread: it uses that thread's renderer.
class PostContent
{
public:
    struct Output
    {
        QString html;
        PostFacts facts;
    };

    // With `media` (the site build), links to library images lead to the site's content-hashed
    // names and images get their size and srcset; without (the preview), /media/NAME stays.
    explicit PostContent(MathCodeRenderer &renderer, const SiteMedia *media = nullptr);

    // `pagePath` is the post's site path: hrefs that start at the site root ("/posts/x/") become
    // relative to it, so the site works from disk. Facts record links by what the Markdown
    // names ("/media/figure.png"), whatever the site calls the file. `summary` is the post's own summary; when it
    // is empty the first paragraph stands in.
    Result<Output> render(const QString &markdown, const QString &pagePath, const QString &summary);

    // Plain text of an HTML fragment, tags dropped and entities decoded, at most maxLength
    // characters (cut at a word, with "…").
    static QString plainText(QStringView html, int maxLength);

private:
    MathCodeRenderer &m_renderer;
    const SiteMedia *m_media = nullptr;
};

} // namespace quire
