#include "preview/preview_renderer.h"

#include "markdown/markdown_renderer.h"
#include "render/math_code_renderer.h"
#include "render/render_cache.h"
#include "render/render_worker.h"
#include "site/post_content.h"

namespace quire {

PreviewRenderer::PreviewRenderer(Library *library)
    : m_worker(std::make_unique<RenderWorker>()),
      m_cache(std::make_unique<RenderCache>(library)),
      m_mathCode(std::make_unique<MathCodeRenderer>(*m_worker, *m_cache)),
      m_content(std::make_unique<PostContent>(*m_mathCode)),
      m_idle(this)   // a child, so that it moves to the render thread with the renderer
{
    qRegisterMetaType<quire::PostFacts>("quire::PostFacts");
    // Typing mostly renders what the cache holds; node (tens of MB) comes back for new math.
    m_idle.setSingleShot(true);
    m_idle.setInterval(IdleMs);
    connect(&m_idle, &QTimer::timeout, this, [this] { m_worker->release(); });
}

PreviewRenderer::~PreviewRenderer() = default;

void PreviewRenderer::render(quint64 generation, const QString &markdown, const QString &pagePath, const QString &summary)
{
    m_idle.start();
    Result<PostContent::Output> output = m_content->render(markdown, pagePath, summary);
    if (output) {
        emit rendered(generation, output->html, output->facts, {});
        return;
    }
    const RenderedDocument plain = MarkdownRenderer::render(markdown);
    emit rendered(generation, plain.html, PostFacts::fromDocument(plain), problemOf(output.errorMessage()));
}

QString PreviewRenderer::problemOf(const QString &error) const
{
    switch (m_worker->lastFailure()) {
    case RenderWorker::Failure::NodeMissing:
        return tr("Math and code are shown as plain text: Quire renders them with Node.js, which is not installed"
                  " or cannot run. Install the package “nodejs”.");
    case RenderWorker::Failure::LibraryMissing:
        if (m_worker->missingPackage() == QLatin1String("libjs-katex"))
            return tr("Math and code are shown as plain text: KaTeX, which Quire renders math with, is missing."
                      " Install the package “libjs-katex”.");
        if (m_worker->missingPackage() == QLatin1String("libjs-highlight.js"))
            return tr("Math and code are shown as plain text: highlight.js, which Quire colours code with, is"
                      " missing. Install the package “libjs-highlight.js”.");
        break;
    case RenderWorker::Failure::WorkerDied:
        return tr("Math and code are shown as plain text: Node.js, which renders them, stopped unexpectedly."
                  " Quire tries again at your next change.");
    case RenderWorker::Failure::WorkerStuck:
        return tr("Math and code are shown as plain text: Node.js, which renders them, stopped answering."
                  " Quire tries again at your next change.");
    case RenderWorker::Failure::WorkerBroken:
    case RenderWorker::Failure::None:
        break;
    }
    return tr("Math and code are shown as plain text: %1").arg(error);
}

} // namespace quire
