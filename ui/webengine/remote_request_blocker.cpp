#include "webengine/remote_request_blocker.h"

#include <QUrl>

namespace quire {

bool RemoteRequestBlocker::isAllowed(const QUrl &url)
{
    const QString scheme = url.scheme();
    return scheme == u"quire" || scheme == u"quire-site" || scheme == u"qrc" || scheme == u"data" || scheme == u"blob"
        || scheme == u"about";
}

void RemoteRequestBlocker::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    if (isAllowed(info.requestUrl()))
        return;
    info.block(true);
    m_blocked.fetchAndAddRelaxed(1);
    emit blocked(info.requestUrl());
}

} // namespace quire
