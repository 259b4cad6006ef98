#include "preview_page.h"

#include "remote_request_blocker.h"

#include <QDesktopServices>

namespace quire {

bool PreviewPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    if (!isMainFrame)
        return RemoteRequestBlocker::isAllowed(url);
    const bool samePage = url.adjusted(QUrl::RemoveFragment) == this->url().adjusted(QUrl::RemoveFragment);
    if (type == NavigationTypeLinkClicked && !samePage) {
        const QString scheme = url.scheme();
        if (scheme == u"http" || scheme == u"https" || scheme == u"mailto")
            QDesktopServices::openUrl(url);
        return false;
    }
    return samePage || RemoteRequestBlocker::isAllowed(url);
}

} // namespace quire
