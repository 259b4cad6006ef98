#include "webengine/preview_view.h"

#include "markdown/markdown_renderer.h"
#include "preview/page_blocks.h"
#include "preview/preview_renderer.h"
#include "render/render_worker.h"
#include "site/post_cover.h"
#include "site/post_preview.h"
#include "site/site_theme.h"
#include "store/library.h"
#include "store/timestamp.h"
#include "webengine/preview_page.h"
#include "webengine/preview_scheme_handler.h"
#include "webengine/remote_request_blocker.h"

#include <QFile>
#include <QLabel>
#include <QVBoxLayout>
#include <QWebEngineView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineScriptCollection>
#include <QWebEngineSettings>

#include <chrono>

namespace quire {

namespace {

// Beneath the request interceptor: the page itself may load only quire:// files, and runs none
// of a post's scripts.
const QLatin1String ContentPolicy(
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src quire: 'unsafe-inline';"
    " img-src quire: data: blob:; font-src quire: data:\">");

QWebEngineScript bridgeScript()
{
    QFile file(QStringLiteral(":/quire/preview/preview.js"));
    file.open(QIODevice::ReadOnly);
    QWebEngineScript script;
    script.setName(QStringLiteral("quire-preview"));
    script.setSourceCode(QString::fromUtf8(file.readAll()));
    script.setInjectionPoint(QWebEngineScript::DocumentCreation);
    script.setWorldId(QWebEngineScript::MainWorld);
    script.setRunsOnSubFrames(false);
    return script;
}

} // namespace

PreviewView::PreviewView(QWidget *parent)
    : PreviewPane(parent)
    , m_view(new QWebEngineView(this))
    , m_status(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
    m_status->setObjectName(QStringLiteral("previewStatus"));
    m_status->setTextFormat(Qt::PlainText);   // reasons quote file names and errors: never markup
    m_status->setWordWrap(true);
    m_status->setStyleSheet(QStringLiteral("color: #b3261e; padding: 4px 8px;"));
    m_status->hide();
    layout->addWidget(m_status);
    setFocusProxy(m_view);

    // An off-the-record profile of its own: no cache or cookies on disk, and the interceptor
    // and the quire:// files apply to the preview alone.
    m_profile = new QWebEngineProfile(this);
    m_blocker = new RemoteRequestBlocker(m_profile);
    m_profile->setUrlRequestInterceptor(m_blocker);
    m_scheme = new PreviewSchemeHandler(m_profile);
    m_profile->installUrlSchemeHandler(PreviewSchemeHandler::Scheme, m_scheme);
    auto *page = new PreviewPage(m_profile, this);
    m_page = page;
    page->settings()->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    page->settings()->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    page->scripts().insert(bridgeScript());
    connect(page, &PreviewPage::lineClicked, this, &PreviewView::lineClicked);
    connect(page, &PreviewPage::painted, this, [this](quint64 generation) {
        const auto it = m_requestedAt.constFind(generation);
        if (it == m_requestedAt.constEnd())
            return;
        const qint64 requestedAt = *it;
        // This frame also shows everything requested earlier.
        for (auto old = m_requestedAt.begin(); old != m_requestedAt.end();)
            old = old.key() <= generation ? m_requestedAt.erase(old) : std::next(old);
        emit painted(requestedAt);
    });
    m_view->setPage(page);
    m_view->setContextMenuPolicy(Qt::NoContextMenu);

    connect(page, &QWebEnginePage::loadFinished, this, [this](bool ok) {
        m_shellLoaded = ok;
        if (!ok)
            return;
        pushToPage();
        if (const int line = std::exchange(m_lineToRestore, 0); line > 0)
            revealLine(line);
    });
    m_renderThread.setObjectName(QStringLiteral("Quire preview renderer"));
    m_renderThread.start();
}

PreviewView::~PreviewView()
{
    stopRenderer();
    m_renderThread.quit();
    m_renderThread.wait();
    // A profile must outlive its pages.
    delete m_page;
}

void PreviewView::releaseLibrary()
{
    stopRenderer();
    m_scheme->setLibrary(nullptr);
    m_library = nullptr;
}

void PreviewView::setLibrary(Library *library)
{
    stopRenderer();
    m_scheme->setLibrary(library);
    m_library = library;
    m_libraryProblems.clear();
    Result<SiteSettings> settings = library ? SiteSettings::fromLibrary(*library) : Result<SiteSettings>(SiteSettings());
    m_settings = settings ? *settings : SiteSettings();
    if (!settings)
        m_libraryProblems.append(tr("The preview uses the default settings, as the site's cannot be read: %1")
                                     .arg(settings.errorMessage()));
    useTheme(library);
    startRenderer(library);
    m_shellKey.clear();
    loadShell();
}

void PreviewView::useTheme(const Library *library)
{
    Result<SiteTheme> theme = library ? SiteTheme::ofLibrary(*library) : SiteTheme::builtin();
    if (!theme) {
        // The library cannot be read: Quire's own theme still shows the post as a page.
        m_libraryProblems.append(tr("The preview shows Quire's built-in theme, as the library's cannot be read: %1")
                                     .arg(theme.errorMessage()));
        theme = SiteTheme::builtin();
    }
    if (!theme) {
        m_libraryProblems.append(theme.errorMessage());
        m_templates = ThemeTemplates();
        m_scheme->setFiles({});
        return;
    }
    if (!theme->fallbackReason().isEmpty())
        m_libraryProblems.append(theme->fallbackReason());
    m_templates = theme->templates();
    const RenderWorker::Options worker;
    m_scheme->setFiles(PostPreview::assets(theme->theme(), worker.katexScript, worker.highlightScript));
}

void PreviewView::startRenderer(Library *library)
{
    m_renderer = new PreviewRenderer(library);
    m_renderer->moveToThread(&m_renderThread);
    connect(m_renderer, &PreviewRenderer::rendered, this, &PreviewView::applyRender, Qt::QueuedConnection);
    m_renderInFlight = false;
    requestRender();
}

void PreviewView::stopRenderer()
{
    if (!m_renderer)
        return;
    // Synchronously, so that the library it renders for may close right after.
    PreviewRenderer *renderer = std::exchange(m_renderer, nullptr);
    disconnect(renderer, nullptr, this, nullptr);
    QMetaObject::invokeMethod(renderer, [renderer] { delete renderer; }, Qt::BlockingQueuedConnection);
}

QString PreviewView::shellKey(const Post &post)
{
    // Not the slug, which follows a draft's title: a page at /posts/a/ serves /posts/b/ as well.
    return QStringList{QString::number(post.id), post.tags.join(u'\x1f'), postStatusName(post.status),
                       Timestamp::toText(post.createdAt), Timestamp::toText(post.publishedAt), post.summary,
                       post.coverAssetId ? QString::number(*post.coverAssetId) : QString()}
        .join(u'\x1e');
}

void PreviewView::setPost(const Post &post)
{
    m_post = post;
    if (shellKey(post) != m_shellKey)
        loadShell();
    requestRender();
}

void PreviewView::clear()
{
    setPost(Post());
}

void PreviewView::revealLine(int line)
{
    // Per line, not per keystroke: the page measures its layout to decide whether to scroll.
    if (!m_shellLoaded || line == m_revealedLine)
        return;
    m_revealedLine = line;
    page()->runJavaScript(QStringLiteral("quire.reveal(%1)").arg(line));
}

int PreviewView::blockedRequestCount() const
{
    return m_blocker->blockedCount();
}

void PreviewView::loadShell()
{
    // The same post's page made again (its tags or cover changed): back to where the writer is.
    m_lineToRestore = m_shellLoaded && m_post.id == m_shellPostId ? m_revealedLine : 0;
    m_shellPostId = m_post.id;
    m_shellKey = shellKey(m_post);
    m_shellTitle = m_post.title;
    m_shellLoaded = false;
    ++m_pageEpoch;   // a new page: whatever the old one was doing is gone
    m_pageBusy = false;
    m_pageBlocks.clear();
    m_revealedLine = 0;
    // The page shows reading time and contents from the start: the Markdown alone tells them
    // (a fraction of a millisecond, unlike math).
    PostFacts facts = PostFacts::fromDocument(MarkdownRenderer::render(m_post.body));
    m_pageProblem.clear();
    if (m_library) {
        // The cover as the post shows it now, saved or not; served at /media/ like its images.
        if (Result<PostFacts::Cover> cover = PostCover::of(m_library->assets(), m_post))
            facts.cover = *cover;
        else
            m_pageProblem = tr("The cover image cannot be shown: %1").arg(cover.errorMessage());
    }
    Result<QString> shell = PostPreview::shell(m_templates, m_settings, m_post, facts);
    if (!shell)
        m_pageProblem = tr("The post is shown without its page: %1").arg(shell.errorMessage());
    showStatus();
    QString html = shell ? *shell : QStringLiteral("<!DOCTYPE html><html><head></head><body><h1></h1><div id=\"quire-content\"></div></body></html>");
    const qsizetype head = html.indexOf(QLatin1String("<head>"));
    html.insert(head >= 0 ? head + 6 : 0, ContentPolicy);
    const QUrl base(QStringLiteral("quire://site") + PostPreview::sitePath(m_settings, m_post));
    m_page->setHtml(html, base);
}

void PreviewView::requestRender()
{
    if (!m_renderer)
        return;
    if (m_renderInFlight) {
        m_renderPending = true;   // the newest text goes as soon as this render is back
        return;
    }
    m_renderInFlight = true;
    m_renderPending = false;
    const quint64 generation = ++m_generation;
    m_requestedAt.insert(generation, std::chrono::duration_cast<std::chrono::nanoseconds>(
                                         std::chrono::steady_clock::now().time_since_epoch()).count());
    const QString markdown = m_post.body;
    const QString path = PostPreview::sitePath(m_settings, m_post);
    const QString summary = m_post.summary;
    QMetaObject::invokeMethod(m_renderer, [renderer = m_renderer, generation, markdown, path, summary] {
        renderer->render(generation, markdown, path, summary);
    }, Qt::QueuedConnection);
}

void PreviewView::applyRender(quint64 generation, const QString &html, const PostFacts &facts, const QString &problem)
{
    if (!m_renderInFlight || generation != m_generation)
        return;   // from a renderer replaced since (another library)
    m_renderInFlight = false;
    if (problem != m_renderProblem) {
        m_renderProblem = problem;
        showStatus();
    }
    m_html = html;
    m_shownGeneration = generation;
    emit rendered(facts.wordCount, facts.readingMinutes);
    emit outlineRendered(facts.outline);
    pushToPage();
    if (m_renderPending)
        requestRender();
}

void PreviewView::showStatus()
{
    QStringList lines = m_libraryProblems;
    for (const QString *line : {&m_pageProblem, &m_renderProblem}) {
        if (!line->isEmpty())
            lines.append(*line);
    }
    m_status->setText(lines.join(u'\n'));
    m_status->setVisible(!lines.isEmpty());
}

void PreviewView::pushToPage()
{
    if (!m_shellLoaded)
        return;   // loadFinished pushes the latest content
    if (m_pageBusy) {
        m_pagePending = true;   // sent when the page has taken the update before it
        return;
    }
    m_pageBusy = true;
    m_pagePending = false;
    // Only the blocks that changed since what the page shows.
    const PageBlocks::Patch patch = m_pageBlocks.update(m_html);
    // JSON is a valid JavaScript literal, so the post cannot break out of the call.
    const QByteArray arguments = QJsonDocument(QJsonArray{m_shellTitle, m_post.title, qint64(m_shownGeneration), patch.start,
                                                          patch.removed, QJsonArray::fromStringList(patch.inserted),
                                                          patch.lineShift})
                                     .toJson(QJsonDocument::Compact);
    const bool latest = !m_renderInFlight && !m_renderPending;
    page()->runJavaScript(QStringLiteral("quire.update(...%1)").arg(QString::fromUtf8(arguments)),
                          [this, page = m_pageEpoch, latest](const QVariant &) {
                              if (page != m_pageEpoch)
                                  return;   // for a page replaced since
                              // One update at a time in the page: a page slower than the typing
                              // gets the newest text next, not a queue of stale ones.
                              m_pageBusy = false;
                              if (m_pagePending)
                                  pushToPage();
                              else if (latest)
                                  emit updated();
                          });
}

} // namespace quire
