#pragma once

#include "result.h"

#include <QByteArray>

namespace quire {

// An SVG is a document, not only a picture: opened on its own (the exported site's media/ file,
// a reader following a link), its scripts run on the blog's address and its references load from
// other hosts. The library keeps only SVGs that are pictures: no scripts, event handlers, embedded
// HTML, document type declarations (entity bombs) or references outside the file.
class SvgSafety
{
public:
    static Result<void> check(const QByteArray &svg);
};

} // namespace quire
