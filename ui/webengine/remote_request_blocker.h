#pragma once

#include <QAtomicInt>
#include <QWebEngineUrlRequestInterceptor>

namespace quire {

// Lets the preview load only what Quire itself serves (quire:, quire-site:, qrc:, data:, blob:, about:);
// every other request — http, https, file, ftp, ws — is blocked and counted. Runs on WebEngine's IO thread.
class RemoteRequestBlocker : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT

public:
    using QWebEngineUrlRequestInterceptor::QWebEngineUrlRequestInterceptor;

    void interceptRequest(QWebEngineUrlRequestInfo &info) override;
    int blockedCount() const { return m_blocked.loadRelaxed(); }

    static bool isAllowed(const QUrl &url);

signals:
    // A request was blocked (emitted on the thread that intercepted it).
    void blocked(const QUrl &url);

private:
    QAtomicInt m_blocked;
};

} // namespace quire
