#pragma once

#include "preview/page_blocks.h"
#include "preview/preview_pane.h"
#include "site/post_facts.h"
#include "site/site_settings.h"
#include "store/post.h"
#include "theme/theme_templates.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QThread>

class QLabel;
class QWebEnginePage;
class QWebEngineProfile;
class QWebEngineView;

namespace quire {

class Library;
class PreviewRenderer;
class PreviewSchemeHandler;
class RemoteRequestBlocker;

// The live preview: the post as its published page in the library's theme. The page (the theme's
// post template, served under quire://) loads once per post; as the author types only the post's
// content is replaced. Content renders on a thread of its own, math and code included, and
// updates are coalesced: a burst of keystrokes gives one render of the latest text, never a
// dropped edit. Nothing remote is loaded. A status line under the page says, in a writer's
// words, whatever keeps the preview from being the published page (math and code that cannot be
// rendered, a theme that cannot be used, the page that cannot be made); it is hidden while all
// is well.
class PreviewView : public PreviewPane
{
    Q_OBJECT

public:
    explicit PreviewView(QWidget *parent = nullptr);
    ~PreviewView() override;

    // The library whose theme, settings and render cache the preview uses (nullptr: the default
    // theme and settings); nothing renders before the first call. It must outlive the preview
    // or be released first (releaseLibrary()).
    void setLibrary(Library *library) override;
    // Stops using the library (waiting for a render in progress), before it closes.
    void releaseLibrary() override;

    // Shows this post (its body as the content); the render happens off the GUI thread.
    void setPost(const Post &post) override;
    void clear();

    // Scrolls the preview to the block of this 1-based source line, if it is out of view.
    void revealLine(int line) override;

    bool isShellLoaded() const { return m_shellLoaded; }
    int blockedRequestCount() const;
    QWebEnginePage *page() const { return m_page; }
    QWebEngineView *view() const { return m_view; }
    // The status line (hidden while all is well).
    QLabel *statusLine() const { return m_status; }

signals:
    // After the page holds the latest text.
    void updated();
    // A frame showing the text as it was at `requestedAt` (std::chrono::steady_clock, in ns) was
    // painted: every edit made before then is on screen.
    void painted(qint64 requestedAt);

private:
    // The site's theme (SiteTheme): the library's, or the built-in one in its place.
    void useTheme(const Library *library);
    void startRenderer(Library *library);
    void stopRenderer();
    void loadShell();
    void requestRender();
    void applyRender(quint64 generation, const QString &html, const quire::PostFacts &facts, const QString &problem);
    void pushToPage();
    void showStatus();
    static QString shellKey(const Post &post);

    QWebEngineView *m_view = nullptr;
    QLabel *m_status = nullptr;
    QWebEngineProfile *m_profile = nullptr;
    QWebEnginePage *m_page = nullptr;
    RemoteRequestBlocker *m_blocker = nullptr;
    PreviewSchemeHandler *m_scheme = nullptr;
    QThread m_renderThread;
    PreviewRenderer *m_renderer = nullptr;   // lives in m_renderThread

    Library *m_library = nullptr;   // for the cover image's name and size
    SiteSettings m_settings;
    ThemeTemplates m_templates;
    Post m_post;
    QString m_shellKey;          // the post the page was loaded for (not its title or body; its cover)
    QString m_shellTitle;        // the title the page was loaded with
    QString m_html;              // the latest rendered content
    PageBlocks m_pageBlocks;     // what the page shows of it
    quint64 m_generation = 0;    // of the latest request
    quint64 m_shownGeneration = 0;   // of m_html
    bool m_renderInFlight = false;
    bool m_renderPending = false;
    bool m_shellLoaded = false;
    bool m_pageBusy = false;      // an update is running in the page
    bool m_pagePending = false;   // a newer one waits for it
    quint64 m_pageEpoch = 0;      // counts the pages loaded
    int m_revealedLine = 0;       // the line the page was last scrolled to
    int m_lineToRestore = 0;      // the line to scroll to once a reloaded page has its content
    qint64 m_shellPostId = -1;    // the post the page was loaded for
    QHash<quint64, qint64> m_requestedAt;   // generation -> steady_clock ns of its request
    QStringList m_libraryProblems;   // settings or theme the preview cannot use (for the status line)
    QString m_pageProblem;       // why the page is not the post's page as published
    QString m_renderProblem;     // why math and code are not rendered
};

} // namespace quire
