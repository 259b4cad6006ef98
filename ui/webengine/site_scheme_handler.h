#pragma once

#include <QString>
#include <QUrl>
#include <QWebEngineUrlSchemeHandler>

namespace quire {

// Serves an exported site folder under quire-site://site/, the way a plain web server serves it:
// a path names a file, a folder its index.html ("/posts/x" is redirected to "/posts/x/"), and
// what does not exist gets the site's own 404.html. Only files inside the folder are read:
// "..", symbolic links that lead out of it and Quire's state folder (.quire/) are "not found".
class SiteSchemeHandler : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT

public:
    static constexpr char Scheme[] = "quire-site";
    static constexpr char Host[] = "site";

    // What a request gets.
    struct Answer
    {
        enum Kind { File, Redirect, NotFound };
        Kind kind = NotFound;
        QString file;       // File: the file to send (a canonical path inside the folder)
        QString location;   // Redirect: the site path to go to instead
    };

    // Registers the scheme with WebEngine: before the QApplication exists.
    static void registerScheme();
    // The URL of a site path ("/posts/x/" -> quire-site://site/posts/x/).
    static QUrl url(const QString &sitePath);

    explicit SiteSchemeHandler(const QString &siteFolder, QObject *parent = nullptr);

    // The answer to a request for this site path (decoded, as in the URL).
    Answer resolve(const QString &sitePath) const;
    void requestStarted(QWebEngineUrlRequestJob *job) override;

private:
    // The canonical path of `relative` if it is a file or folder inside the site, else empty.
    QString inside(const QString &relative) const;
    void replyNotFound(QWebEngineUrlRequestJob *job) const;

    QString m_root;   // canonical; empty when the folder does not exist
};

} // namespace quire
