#pragma once

#include <QDateTime>
#include <QString>

namespace quire {

// One rendered formula or code block as the library keeps it (the render_cache table): what
// RenderResult holds, less timedOut (a timed-out result is never stored).
struct CachedRender
{
    QString key;               // hex SHA-256 from RenderCache::key
    QString html;
    QString error;             // empty when it rendered
    bool highlighted = false;  // code: highlight.js knew the language
    QDateTime usedAt;          // when a build last stored or used it (read only)
};

} // namespace quire
