#include "webengine/site_scheme_handler.h"

#include "site/site_output.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QWebEngineUrlRequestJob>
#include <QWebEngineUrlScheme>

namespace quire {

namespace {

bool isStateFolder(const QString &relative)
{
    const QString state = SiteOutput::stateFolder();
    return relative == state || relative.startsWith(state + u'/');
}

QByteArray mimeType(const QString &file)
{
    // By the name, as a web server does: a page's type does not depend on guessing its bytes.
    static const QMimeDatabase types;
    return types.mimeTypeForFile(file, QMimeDatabase::MatchExtension).name().toLatin1();
}

} // namespace

void SiteSchemeHandler::registerScheme()
{
    QWebEngineUrlScheme scheme(Scheme);
    // With a host, "/posts/x/" in a page resolves to quire-site://site/posts/x/ as under http.
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    // An origin of its own like a web site's: secure (so pages work as they do under https) and
    // open to CORS requests of its own pages (fonts, fetch, XHR). Not local: its pages may not
    // load file: or Quire's other schemes.
    scheme.setFlags(QWebEngineUrlScheme::SecureScheme | QWebEngineUrlScheme::CorsEnabled);
    QWebEngineUrlScheme::registerScheme(scheme);
}

QUrl SiteSchemeHandler::url(const QString &sitePath)
{
    QUrl url;
    url.setScheme(QLatin1String(Scheme));
    url.setHost(QLatin1String(Host));
    url.setPath(sitePath.startsWith(u'/') ? sitePath : u'/' + sitePath);
    return url;
}

SiteSchemeHandler::SiteSchemeHandler(const QString &siteFolder, QObject *parent)
    : QWebEngineUrlSchemeHandler(parent)
    , m_root(QFileInfo(siteFolder).canonicalFilePath())
{
}

QString SiteSchemeHandler::inside(const QString &relative) const
{
    if (isStateFolder(relative))
        return {};
    // Canonical: every symbolic link followed, so a link that leads out of the folder shows.
    const QString canonical = QFileInfo(relative.isEmpty() ? m_root : m_root + u'/' + relative).canonicalFilePath();
    if (canonical == m_root)
        return canonical;
    if (canonical.isEmpty() || !canonical.startsWith(m_root + u'/'))
        return {};
    return isStateFolder(canonical.mid(m_root.size() + 1)) ? QString() : canonical;
}

SiteSchemeHandler::Answer SiteSchemeHandler::resolve(const QString &sitePath) const
{
    if (m_root.isEmpty() || !sitePath.startsWith(u'/') || sitePath.contains(QChar(0)))
        return {};
    // WebEngine removes "." and ".." from a URL's path, but not those that were written
    // percent-encoded ("%2e%2e%2f"), which decode to them here.
    const QStringList segments = sitePath.split(u'/', Qt::SkipEmptyParts);
    for (const QString &segment : segments) {
        if (segment == u"." || segment == u"..")
            return {};
    }
    const QString relative = segments.join(u'/');
    const QString found = inside(relative);
    if (found.isEmpty())
        return {};
    const QFileInfo info(found);
    if (info.isDir()) {
        // As a web server does, so that the page's relative links resolve against the folder.
        if (!sitePath.endsWith(u'/'))
            return {Answer::Redirect, {}, sitePath + u'/'};
        const QString index = inside(relative.isEmpty() ? QStringLiteral("index.html") : relative + QStringLiteral("/index.html"));
        if (index.isEmpty() || !QFileInfo(index).isFile())
            return {};
        return {Answer::File, index, {}};
    }
    // Regular files only: not a device or a pipe someone left in the folder.
    if (!info.isFile())
        return {};
    return {Answer::File, found, {}};
}

void SiteSchemeHandler::requestStarted(QWebEngineUrlRequestJob *job)
{
    const QUrl requested = job->requestUrl();
    if (requested.host() != QLatin1String(Host)) {
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
        return;
    }
    const Answer answer = resolve(requested.path(QUrl::FullyDecoded));
    if (answer.kind == Answer::Redirect) {
        QUrl location = url(answer.location);
        location.setQuery(requested.query(QUrl::FullyEncoded), QUrl::StrictMode);
        job->redirect(location);
        return;
    }
    if (answer.kind == Answer::NotFound) {
        replyNotFound(job);
        return;
    }
    auto *file = new QFile(answer.file, job);
    if (!file->open(QIODevice::ReadOnly)) {
        replyNotFound(job);
        return;
    }
    job->reply(mimeType(answer.file), file);
}

void SiteSchemeHandler::replyNotFound(QWebEngineUrlRequestJob *job) const
{
    // The site's own page, as its web server would show it (WebEngine 6.4 has no status codes
    // for a custom scheme: the page is what tells).
    const Answer page = resolve(QStringLiteral("/404.html"));
    QByteArray content;
    if (page.kind == Answer::File) {
        QFile file(page.file);
        if (file.open(QIODevice::ReadOnly))
            content = file.readAll();
    }
    if (content.isEmpty()) {
        const QString title = tr("Page not found");
        const QString text =
            tr("The exported site has no page at %1.").arg(job->requestUrl().path(QUrl::FullyDecoded).toHtmlEscaped());
        content = QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title></head>"
                                 "<body><h1>%1</h1><p>%2</p></body></html>")
                      .arg(title.toHtmlEscaped(), text)
                      .toUtf8();
    }
    auto *buffer = new QBuffer(job);
    buffer->setData(content);
    job->reply("text/html", buffer);
}

} // namespace quire
