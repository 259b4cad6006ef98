#pragma once

#include "site/post_facts.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

namespace quire {

class Library;
class MathCodeRenderer;
class PostContent;
class RenderCache;
class RenderWorker;

// Renders a post's content for the preview on a thread of its own, as the site would (math and
// code included, through the library's render cache), so that typing never waits for KaTeX.
// Lives in its worker thread; talk to it through queued signals.
class PreviewRenderer : public QObject
{
    Q_OBJECT

public:
    // library may be nullptr (memory cache only); it must outlive the renderer.
    explicit PreviewRenderer(Library *library);
    static constexpr int IdleMs = 5000;
    ~PreviewRenderer() override;

public slots:
    void render(quint64 generation, const QString &markdown, const QString &pagePath, const QString &summary);

signals:
    // html is the content for #quire-content. When math and code cannot be rendered they come as
    // their source, and `problem` says why in words for the writer (empty when all rendered), so
    // the preview never stops following the text.
    void rendered(quint64 generation, const QString &html, const quire::PostFacts &facts, const QString &problem);

private:
    // Why math and code are not rendered, for the preview's status line: what the writer can do
    // about it (install a package) or expect (another try with the next change).
    QString problemOf(const QString &error) const;

    std::unique_ptr<RenderWorker> m_worker;
    std::unique_ptr<RenderCache> m_cache;
    std::unique_ptr<MathCodeRenderer> m_mathCode;
    std::unique_ptr<PostContent> m_content;
    QTimer m_idle;   // ends node when the author has not typed for a while
};

} // namespace quire
