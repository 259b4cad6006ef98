#pragma once

#include <QWebEnginePage>

namespace quire {

// The preview's page: it stays on the post's page. A clicked link to the web opens in the
// system browser; links within the post (footnotes, headings) scroll the preview.
class PreviewPage : public QWebEnginePage
{
    Q_OBJECT

public:
    using QWebEnginePage::QWebEnginePage;

signals:
    // The author clicked a block of the post: its 1-based source line.
    void lineClicked(int line);
    // A frame with the content of this update was painted.
    void painted(quint64 generation);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    // The page's bridge script reports clicks as console messages ("quire:line:N").
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message, int lineNumber,
                                  const QString &sourceID) override;
};

} // namespace quire
