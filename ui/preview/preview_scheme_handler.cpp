#include "preview/preview_scheme_handler.h"

#include <QBuffer>
#include <QMimeDatabase>
#include <QMutexLocker>
#include <QUrl>
#include <QWebEngineUrlRequestJob>
#include <QWebEngineUrlScheme>

namespace quire {

void PreviewSchemeHandler::registerScheme()
{
    QWebEngineUrlScheme scheme(Scheme);
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    // Local: a page of this scheme can load its own files but nothing of other local schemes.
    scheme.setFlags(QWebEngineUrlScheme::SecureScheme | QWebEngineUrlScheme::LocalScheme
                    | QWebEngineUrlScheme::LocalAccessAllowed);
    QWebEngineUrlScheme::registerScheme(scheme);
}

void PreviewSchemeHandler::setFiles(const QHash<QString, QByteArray> &files)
{
    QMutexLocker locker(&m_mutex);
    m_files = files;
}

void PreviewSchemeHandler::requestStarted(QWebEngineUrlRequestJob *job)
{
    const QString path = job->requestUrl().path(QUrl::FullyDecoded);
    QByteArray content;
    {
        QMutexLocker locker(&m_mutex);
        const auto it = m_files.constFind(path);
        if (it == m_files.constEnd()) {
            job->fail(QWebEngineUrlRequestJob::UrlNotFound);
            return;
        }
        content = *it;
    }
    static const QMimeDatabase mimeTypes;
    const QByteArray type = mimeTypes.mimeTypeForFileNameAndData(path, content).name().toLatin1();
    auto *buffer = new QBuffer(job);
    buffer->setData(content);
    job->reply(type, buffer);
}

} // namespace quire
