#pragma once

#include "markdown/rendered_document.h"
#include "store/asset.h"

#include <QList>
#include <QString>

class QDataStream;

namespace quire {

// What a build learns from rendering one post, kept between builds (in the output folder's
// manifest) so that a post that did not change need not be rendered again for the pages that
// list it or for the link check.
struct PostFacts
{
    struct Link
    {
        QString target;       // site path the href or src names ("/posts/x/", "/images/a.png")
        bool image = false;
        int line = 0;
    };

    struct Issue
    {
        int line = 0;
        QString reason;
    };

    // The post's cover image: a library asset (/media/NAME in the preview; the site writes it
    // under a content-hashed name, SiteMedia).
    struct Cover
    {
        QString name;         // empty: the post has no cover
        QString alt;
        int width = 0;        // pixels; 0 when unknown
        int height = 0;
    };

    QString summary;              // plain text
    int wordCount = 0;
    int readingMinutes = 0;
    QList<OutlineEntry> toc;      // headings of level 2 and 3
    QList<OutlineEntry> outline;  // every heading (the editor's outline; not kept between builds)
    QList<Link> links;            // internal links and images, in order
    QList<Issue> issues;          // TeX errors, images without alt text
    bool needsKatexCss = false;
    bool needsHighlightCss = false;
    // Not from the Markdown but from the library (PostCover::of): kept here because lists
    // and the media step need it for posts a build does not render again.
    Cover cover;

    // The cover as pages show it: the asset's name, alt text and size.
    static Cover coverOf(const Asset &asset);

    // What the Markdown alone tells (words, reading time, table of contents): no links, no
    // problems, no math.
    static PostFacts fromDocument(const RenderedDocument &document);
};

// Kept between builds in binary form (QDataStream), all but the toc; a damaged stream sets its
// status.
QDataStream &operator<<(QDataStream &out, const PostFacts &facts);
QDataStream &operator>>(QDataStream &in, PostFacts &facts);

} // namespace quire
