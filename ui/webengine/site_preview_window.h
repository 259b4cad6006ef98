#pragma once

#include <QMainWindow>
#include <QString>

class QLabel;
class QLineEdit;
class QProgressBar;
class QWebEngineProfile;
class QWebEngineView;

namespace quire {

class RemoteRequestBlocker;
class SitePreviewPage;
class SiteSchemeHandler;

// Browses an exported site folder offline, as a web server would show it (quire-site://site/):
// back, forward, reload, home and an address field of site paths ("/posts/x/"). Nothing is
// loaded from the network, and links to other sites are not followed; the status bar counts
// both. Each window has a profile of its own (off the record), so its count is its own.
class SitePreviewWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit SitePreviewWindow(const QString &siteFolder, QWidget *parent = nullptr);
    ~SitePreviewWindow() override;

    QString siteFolder() const { return m_siteFolder; }
    // Goes to an address as typed: a site path ("/tags/"), one relative to the page shown, or a
    // whole URL (refused unless it is in the site). Empty: the home page.
    void open(const QString &address);
    void goHome();

    // Remote requests blocked and links to other sites not followed, since the window opened.
    int blockedCount() const { return m_blockedCount; }
    // How the address field shows a URL: the site path, with query and fragment.
    static QString addressOf(const QUrl &url);
    // The site's title (from its feed), or else the folder's name.
    static QString siteTitle(const QString &siteFolder);

    QWebEngineView *view() const { return m_view; }
    SitePreviewPage *page() const { return m_page; }
    QLineEdit *addressField() const { return m_address; }
    QLabel *blockedLabel() const { return m_blockedLabel; }

private:
    void buildToolBar();
    void buildStatusBar();
    void countBlocked();
    void showRefused(const QUrl &url);
    void showHoveredLink(const QString &url);

    QString m_siteFolder;
    QWebEngineProfile *m_profile = nullptr;
    RemoteRequestBlocker *m_blocker = nullptr;
    SiteSchemeHandler *m_scheme = nullptr;
    SitePreviewPage *m_page = nullptr;
    QWebEngineView *m_view = nullptr;
    QLineEdit *m_address = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_blockedLabel = nullptr;
    QString m_notice;   // the last "not opened" message, shown again after a hovered link
    int m_blockedCount = 0;
};

} // namespace quire
