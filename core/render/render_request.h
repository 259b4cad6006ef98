#pragma once

#include <QString>

namespace quire {

// One formula or code block to render.
struct RenderRequest
{
    enum class Kind { Math, Code };

    Kind kind = Kind::Math;
    QString source;         // TeX or code, as the writer wrote it (not HTML-escaped)
    bool display = false;   // math: display style rather than inline
    QString language;       // code: the fence's language name; empty for none
};

// What the engine made of one request.
struct RenderResult
{
    QString html;               // KaTeX markup, or the code as HTML (highlighted or just escaped)
    QString error;              // empty when it rendered; for math, html is then empty
    bool highlighted = false;   // code: highlight.js knew the language and marked it up
    bool timedOut = false;      // stopped by the per-request time limit: worth another try later
};

} // namespace quire
