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
    emit rendered(generation, plain.html, PostFacts::fromDocument(plain), output.errorMessage());
}

} // namespace quire
