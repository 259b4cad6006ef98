#include "webengine/site_preview_window.h"

#include "webengine/remote_request_blocker.h"
#include "webengine/site_preview_page.h"
#include "webengine/site_scheme_handler.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineView>
#include <QXmlStreamReader>

namespace quire {

namespace {

QIcon themedIcon(const QWidget *widget, const char *name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QLatin1String(name), widget->style()->standardIcon(fallback));
}

} // namespace

SitePreviewWindow::SitePreviewWindow(const QString &siteFolder, QWidget *parent)
    : QMainWindow(parent)
    , m_siteFolder(siteFolder)
{
    // Off the record: nothing of the preview is kept on disk, and the interceptor and the site's
    // files belong to this window alone.
    m_profile = new QWebEngineProfile(this);
    m_blocker = new RemoteRequestBlocker(m_profile);
    m_profile->setUrlRequestInterceptor(m_blocker);
    m_scheme = new SiteSchemeHandler(siteFolder, m_profile);
    m_profile->installUrlSchemeHandler(SiteSchemeHandler::Scheme, m_scheme);

    m_page = new SitePreviewPage(m_profile, this);
    m_page->settings()->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    m_page->settings()->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    m_view = new QWebEngineView(this);
    m_view->setPage(m_page);
    setCentralWidget(m_view);

    buildToolBar();
    buildStatusBar();
    connect(m_blocker, &RemoteRequestBlocker::blocked, this, &SitePreviewWindow::countBlocked, Qt::QueuedConnection);
    connect(m_page, &SitePreviewPage::refused, this, &SitePreviewWindow::showRefused);
    connect(m_page, &QWebEnginePage::linkHovered, this, &SitePreviewWindow::showHoveredLink);
    connect(m_page, &QWebEnginePage::urlChanged, this, [this](const QUrl &url) {
        m_address->setText(addressOf(url));
        // A refused link belongs to the page it was on.
        if (!m_notice.isEmpty() && statusBar()->currentMessage() == m_notice)
            statusBar()->clearMessage();
        m_notice.clear();
    });

    setWindowTitle(tr("Site Preview — %1").arg(siteTitle(siteFolder)));
    resize(1100, 800);
    if (!QFileInfo(siteFolder).isDir())
        statusBar()->showMessage(tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(siteFolder)));
    goHome();
}

SitePreviewWindow::~SitePreviewWindow()
{
    // A profile must outlive its pages.
    delete m_view;
    delete m_page;
}

void SitePreviewWindow::buildToolBar()
{
    QToolBar *bar = addToolBar(tr("Navigation"));
    bar->setObjectName(QStringLiteral("sitePreviewNavigation"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonIconOnly);

    QAction *back = m_view->pageAction(QWebEnginePage::Back);
    back->setIcon(themedIcon(this, "go-previous", QStyle::SP_ArrowBack));
    back->setShortcuts(QKeySequence::Back);
    back->setToolTip(tr("Back"));
    QAction *forward = m_view->pageAction(QWebEnginePage::Forward);
    forward->setIcon(themedIcon(this, "go-next", QStyle::SP_ArrowForward));
    forward->setShortcuts(QKeySequence::Forward);
    forward->setToolTip(tr("Forward"));
    QAction *reload = m_view->pageAction(QWebEnginePage::Reload);
    reload->setIcon(themedIcon(this, "view-refresh", QStyle::SP_BrowserReload));
    reload->setShortcuts(QKeySequence::Refresh);
    reload->setToolTip(tr("Reload"));
    // No fallback from the style: its "home" is a folder, which says the wrong thing here.
    auto *home = new QAction(QIcon::fromTheme(QStringLiteral("go-home")), tr("Home"), this);
    home->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Home));
    home->setToolTip(tr("The site's home page"));
    connect(home, &QAction::triggered, this, &SitePreviewWindow::goHome);
    bar->addAction(back);
    bar->addAction(forward);
    bar->addAction(reload);
    bar->addAction(home);

    m_address = new QLineEdit(bar);
    m_address->setObjectName(QStringLiteral("sitePreviewAddress"));
    m_address->setPlaceholderText(tr("A path in the site, such as /tags/"));
    m_address->setAccessibleName(tr("Address"));
    m_address->setClearButtonEnabled(true);
    connect(m_address, &QLineEdit::returnPressed, this, [this] { open(m_address->text()); });
    bar->addWidget(m_address);
    // Where browsers have it.
    auto *editAddress = new QAction(tr("Edit Address"), this);
    editAddress->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_L), QKeySequence(Qt::Key_F6)});
    connect(editAddress, &QAction::triggered, this, [this] {
        m_address->setFocus(Qt::ShortcutFocusReason);
        m_address->selectAll();
    });
    addAction(editAddress);

    auto *closeWindow = new QAction(tr("Close"), this);
    closeWindow->setShortcuts(QKeySequence::Close);
    connect(closeWindow, &QAction::triggered, this, &QWidget::close);
    addAction(closeWindow);
}

void SitePreviewWindow::buildStatusBar()
{
    m_progress = new QProgressBar(statusBar());
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(120);
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Loading"));
    m_progress->hide();
    statusBar()->addPermanentWidget(m_progress);
    m_blockedLabel = new QLabel(statusBar());
    m_blockedLabel->setToolTip(tr("Since this window opened. The preview loads nothing from the network: what the "
                                  "site would fetch from other servers is blocked, and links to other sites are not opened."));
    statusBar()->addPermanentWidget(m_blockedLabel);
    m_blockedLabel->setText(tr("%n remote request(s) blocked", nullptr, 0));

    connect(m_page, &QWebEnginePage::loadStarted, this, [this] {
        m_progress->setValue(0);
        m_progress->show();
    });
    connect(m_page, &QWebEnginePage::loadProgress, m_progress, &QProgressBar::setValue);
    connect(m_page, &QWebEnginePage::loadFinished, m_progress, &QWidget::hide);
}

void SitePreviewWindow::open(const QString &address)
{
    const QString text = address.trimmed();
    if (text.isEmpty()) {
        goHome();
        return;
    }
    const QUrl current = m_page->url();
    const QUrl base = current.scheme() == QLatin1String(SiteSchemeHandler::Scheme) ? current : SiteSchemeHandler::url(QStringLiteral("/"));
    const QUrl target = base.resolved(QUrl(text));
    if (SitePreviewPage::mayShow(target)) {
        m_page->setUrl(target);
    } else {
        // Refused here, not handed to the page: a load the application starts becomes the page's
        // URL (urlChanged) at once, before the page can refuse it, and WebEngine goes back only
        // afterwards, so the field and the notice would show a page that never opened.
        showRefused(target);
    }
    m_view->setFocus();
}

void SitePreviewWindow::goHome()
{
    m_page->setUrl(SiteSchemeHandler::url(QStringLiteral("/")));
}

QString SitePreviewWindow::addressOf(const QUrl &url)
{
    if (url.scheme() != QLatin1String(SiteSchemeHandler::Scheme))
        return url.toDisplayString();
    return url.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::PrettyDecoded);
}

QString SitePreviewWindow::siteTitle(const QString &siteFolder)
{
    // Quire writes the site's title into its feed; a page's <title> depends on the theme.
    QFile feed(QDir(siteFolder).filePath(QStringLiteral("feed.xml")));
    if (feed.open(QIODevice::ReadOnly)) {
        QXmlStreamReader xml(&feed);
        while (xml.readNextStartElement()) {
            if (xml.name() == u"feed")
                continue;   // into the feed's own elements
            if (xml.name() == u"title") {
                const QString title = xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
                if (!title.isEmpty())
                    return title;
                break;
            }
            xml.skipCurrentElement();
        }
    }
    return QFileInfo(QDir::cleanPath(siteFolder)).fileName();
}

void SitePreviewWindow::countBlocked()
{
    ++m_blockedCount;
    m_blockedLabel->setText(tr("%n remote request(s) blocked", nullptr, m_blockedCount));
}

void SitePreviewWindow::showRefused(const QUrl &url)
{
    countBlocked();
    m_notice = tr("Not opened: %1 (the preview is offline)").arg(url.toDisplayString());
    statusBar()->showMessage(m_notice);
    // A typed address that was refused: the field shows where the page still is.
    m_address->setText(addressOf(m_page->url()));
}

void SitePreviewWindow::showHoveredLink(const QString &url)
{
    if (url.isEmpty()) {
        statusBar()->showMessage(m_notice);
        return;
    }
    const QUrl link(url);
    statusBar()->showMessage(link.scheme() == QLatin1String(SiteSchemeHandler::Scheme) ? addressOf(link) : url);
}

} // namespace quire
