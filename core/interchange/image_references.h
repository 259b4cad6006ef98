#pragma once

#include <QList>
#include <QString>

namespace quire {

// Where a Markdown body points at images: inline images ![alt](url "title"), the definitions of
// reference-style images ([label]: url, when an image uses the label) and HTML <img src="…">.
// Fenced code blocks are skipped: an example of Markdown is not a picture.
class ImageReferences
{
public:
    struct Reference
    {
        qsizetype start = 0;    // of the URL as written, inside the body
        qsizetype length = 0;
        QString url;            // as written, without <angle brackets>
    };

    // In order of position; the URL ranges never overlap.
    static QList<Reference> find(const QString &body);

    // body with each reference's URL replaced by replacements[i] (an empty one leaves it as it is).
    static QString rewrite(const QString &body, const QList<Reference> &references, const QStringList &replacements);

    // The ranges [start, end) of the fenced code blocks of body (``` or ~~~, to the closing fence
    // or the end).
    static QList<QPair<qsizetype, qsizetype>> fencedBlocks(const QString &body);
};

} // namespace quire
