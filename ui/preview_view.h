#pragma once

#include <QString>
#include <QWebEngineView>

class QWebEngineProfile;

namespace quire {

class RemoteRequestBlocker;
struct RenderedDocument;

// The live preview: Quire's page shell, loaded once, whose article is replaced as the author
// types. Updates are coalesced — a burst of keystrokes gives one render of the latest text,
// never a dropped edit. Nothing remote is loaded.
class PreviewView : public QWebEngineView
{
    Q_OBJECT

public:
    explicit PreviewView(QWidget *parent = nullptr);
    ~PreviewView() override;

    // Shows this post; the render happens on the next turn of the event loop.
    void setPost(const QString &title, const QString &markdown);
    void clear();

    bool isShellLoaded() const { return m_shellLoaded; }
    int blockedRequestCount() const;

signals:
    // After each render: for the status bar.
    void rendered(int wordCount, int readingMinutes);
    // After the page holds the latest text.
    void updated();

private:
    void scheduleRender();
    void render();

    QWebEngineProfile *m_profile = nullptr;
    QWebEnginePage *m_page = nullptr;
    RemoteRequestBlocker *m_blocker = nullptr;
    QString m_title;
    QString m_markdown;
    bool m_shellLoaded = false;
    bool m_renderScheduled = false;
};

} // namespace quire
