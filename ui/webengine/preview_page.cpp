#include "webengine/preview_page.h"

#include "webengine/remote_request_blocker.h"

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

void PreviewPage::javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message,
                                           int lineNumber, const QString &sourceID)
{
    static const QLatin1String prefix("quire:line:");
    static const QLatin1String paintedPrefix("quire:painted:");
    if (level == InfoMessageLevel && message.startsWith(paintedPrefix)) {
        emit painted(message.mid(paintedPrefix.size()).toULongLong());
        return;
    }
    if (level == InfoMessageLevel && message.startsWith(prefix)) {
        bool ok = false;
        const int line = message.mid(prefix.size()).toInt(&ok);
        if (ok && line > 0)
            emit lineClicked(line);
        return;
    }
    QWebEnginePage::javaScriptConsoleMessage(level, message, lineNumber, sourceID);
}

} // namespace quire
