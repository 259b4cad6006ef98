#pragma once

#include <QPointer>
#include <QWebEnginePage>

namespace quire {

// The Site Preview's page: it goes only where the exported site is (quire-site://). A link to
// anything else — another web site, mail — is not followed and not handed to another program:
// the page says so (refused()) and stays where it is. Links that ask for a new window open in
// this one when they lead into the site.
class SitePreviewPage : public QWebEnginePage
{
    Q_OBJECT

public:
    using QWebEnginePage::QWebEnginePage;

    // Whether the page goes to url when asked to (the site, and about:blank and the like).
    static bool mayShow(const QUrl &url);

signals:
    // A navigation that leaves the site was not followed.
    void refused(const QUrl &url);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;

private:
    // Set on the stand-in page createWindow() makes: the page its navigation belongs to.
    QPointer<SitePreviewPage> m_opener;
};

} // namespace quire
