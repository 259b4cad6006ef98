#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QWebEngineUrlSchemeHandler>

namespace quire {

class Library;

// Serves the preview's quire:// URLs: the theme's style sheets, KaTeX's, its fonts, and the
// library's images under /media/. Only what it was given: nothing from disk or the network.
class PreviewSchemeHandler : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT

public:
    static constexpr char Scheme[] = "quire";
    // Registers the scheme with WebEngine: before the QApplication exists.
    static void registerScheme();

    using QWebEngineUrlSchemeHandler::QWebEngineUrlSchemeHandler;

    // Files by site path ("/assets/style.css").
    void setFiles(const QHash<QString, QByteArray> &files);
    // The library whose assets are served at /media/NAME (nullptr: none). Set to nullptr before
    // the library closes.
    void setLibrary(Library *library);
    void requestStarted(QWebEngineUrlRequestJob *job) override;

private:
    QMutex m_mutex;
    QHash<QString, QByteArray> m_files;
    Library *m_library = nullptr;
};

} // namespace quire
