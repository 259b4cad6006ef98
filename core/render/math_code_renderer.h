#pragma once

#include "result.h"

#include <QList>
#include <QString>

namespace quire {

class RenderCache;
class RenderWorker;

// Renders the math and code of an HTML fragment from MarkdownRenderer at build time: math spans
// and blocks through KaTeX, fenced code with a language through highlight.js. Each wrapping
// element and its data-line stay; only their contents change. Results come from the cache when
// it has them; the rest go to the worker in one batch, and each render() ends by flushing the
// cache (one library transaction when it is backed by a library and something was new).
// Uses the worker, so the same rules apply: one thread at a time per worker.
class MathCodeRenderer
{
public:
    // Something the writer should fix, such as a TeX error.
    struct Problem
    {
        int line = 0;       // 1-based source line (of the enclosing block for inline math); 0 if unknown
        QString reason;
    };

    struct Output
    {
        QString html;
        QList<Problem> problems;
        bool needsKatexCss = false;       // some math was rendered
        bool needsHighlightCss = false;   // some code was highlighted
    };

    MathCodeRenderer(RenderWorker &worker, RenderCache &cache);

    // The fragment with its math and code rendered. An Error means the engine could not run at
    // all; TeX errors are problems, shown in the page as the TeX with the message.
    Result<Output> render(const QString &html);

    // Whether render() flushes the cache (on by default). A site build renders many posts on
    // several threads and flushes once at the end instead.
    void setFlushEachRender(bool flush) { m_flushEachRender = flush; }

private:
    bool m_flushEachRender = true;
    RenderWorker &m_worker;
    RenderCache &m_cache;
};

} // namespace quire
