#include "webengine/site_preview_page.h"

#include "webengine/remote_request_blocker.h"
#include "webengine/site_scheme_handler.h"

namespace quire {

bool SitePreviewPage::mayShow(const QUrl &url)
{
    return url.scheme() == QLatin1String(SiteSchemeHandler::Scheme) || url.scheme() == u"about";
}

bool SitePreviewPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    const bool inSite = url.scheme() == QLatin1String(SiteSchemeHandler::Scheme);
    if (m_opener) {
        // A stand-in for a new window: its one navigation happens in the opener, or not at all.
        if (inSite)
            m_opener->setUrl(url);
        else
            emit m_opener->refused(url);
        m_opener = nullptr;
        deleteLater();
        return false;
    }
    if (!isMainFrame)
        return QWebEnginePage::acceptNavigationRequest(url, type, isMainFrame);   // the blocker judges frames
    if (mayShow(url))
        return true;
    emit refused(url);
    return false;
}

QWebEnginePage *SitePreviewPage::createWindow(WebWindowType)
{
    auto *standIn = new SitePreviewPage(profile(), this);
    standIn->m_opener = this;
    return standIn;
}

} // namespace quire
