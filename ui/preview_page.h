#pragma once

#include <QWebEnginePage>

namespace quire {

// The preview's page: it stays on Quire's page shell. A clicked link to the web opens in the
// system browser; links within the post (footnotes, headings) scroll the preview.
class PreviewPage : public QWebEnginePage
{
    Q_OBJECT

public:
    using QWebEnginePage::QWebEnginePage;

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
};

} // namespace quire
