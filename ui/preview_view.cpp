#include "preview_view.h"

#include "markdown/markdown_renderer.h"
#include "preview_page.h"
#include "remote_request_blocker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QWebEngineProfile>
#include <QWebEngineSettings>

namespace quire {

PreviewView::PreviewView(QWidget *parent)
    : QWebEngineView(parent)
{
    // An off-the-record profile of its own: no cache or cookies on disk, and the interceptor
    // applies to the preview alone.
    m_profile = new QWebEngineProfile(this);
    m_blocker = new RemoteRequestBlocker(m_profile);
    m_profile->setUrlRequestInterceptor(m_blocker);
    auto *page = new PreviewPage(m_profile, this);
    m_page = page;
    page->settings()->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    page->settings()->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    setPage(page);
    setContextMenuPolicy(Qt::NoContextMenu);

    connect(page, &QWebEnginePage::loadFinished, this, [this](bool ok) {
        m_shellLoaded = ok;
        if (ok)
            scheduleRender();
    });
    page->load(QUrl(QStringLiteral("qrc:/quire/preview/preview.html")));
}

PreviewView::~PreviewView()
{
    // A profile must outlive its pages.
    delete m_page;
}

void PreviewView::setPost(const QString &title, const QString &markdown)
{
    m_title = title;
    m_markdown = markdown;
    scheduleRender();
}

void PreviewView::clear()
{
    setPost({}, {});
}

int PreviewView::blockedRequestCount() const
{
    return m_blocker->blockedCount();
}

void PreviewView::scheduleRender()
{
    if (m_renderScheduled)
        return;
    m_renderScheduled = true;
    QTimer::singleShot(0, this, &PreviewView::render);
}

void PreviewView::render()
{
    m_renderScheduled = false;
    const RenderedDocument document = MarkdownRenderer::render(m_markdown);
    emit rendered(document.wordCount, document.readingMinutes);
    if (!m_shellLoaded)
        return;   // loadFinished renders the latest text
    // JSON is a valid JavaScript literal, so the post cannot break out of the call.
    const QByteArray arguments = QJsonDocument(QJsonArray{m_title, document.html}).toJson(QJsonDocument::Compact);
    page()->runJavaScript(QStringLiteral("quire.update(...%1)").arg(QString::fromUtf8(arguments)),
                          [this](const QVariant &) { emit updated(); });
}

} // namespace quire
