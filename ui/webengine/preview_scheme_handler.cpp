#include "webengine/preview_scheme_handler.h"

#include "store/asset_store.h"
#include "store/library.h"

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

void PreviewSchemeHandler::setLibrary(Library *library)
{
    QMutexLocker locker(&m_mutex);
    m_library = library;
}

void PreviewSchemeHandler::requestStarted(QWebEngineUrlRequestJob *job)
{
    const QString path = job->requestUrl().path(QUrl::FullyDecoded);
    static const QLatin1String media("/media/");
    QByteArray content;
    QByteArray type;
    {
        // Held through the library call: setLibrary(nullptr) waits for it before the library closes.
        QMutexLocker locker(&m_mutex);
        if (path.startsWith(media) && m_library) {
            Result<std::optional<Asset>> asset = m_library->assets().byName(path.mid(media.size()));
            if (!asset || !*asset) {
                job->fail(QWebEngineUrlRequestJob::UrlNotFound);
                return;
            }
            content = (*asset)->data;
            type = (*asset)->mimeType.toLatin1();
        } else {
            const auto it = m_files.constFind(path);
            if (it == m_files.constEnd()) {
                job->fail(QWebEngineUrlRequestJob::UrlNotFound);
                return;
            }
            content = *it;
        }
    }
    static const QMimeDatabase mimeTypes;
    if (type.isEmpty())
        type = mimeTypes.mimeTypeForFileNameAndData(path, content).name().toLatin1();
    auto *buffer = new QBuffer(job);
    buffer->setData(content);
    job->reply(type, buffer);
}

} // namespace quire
