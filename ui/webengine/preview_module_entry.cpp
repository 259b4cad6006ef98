// The preview module's way in: when its code is loaded (the module by PreviewModule::load(), or a
// program that links it), it registers the quire: and quire-site: schemes and hands the window its
// factories.
// Registering here is in time: QtWebEngine reads the schemes when it makes its first profile.

#include "preview/preview_module.h"
#include "webengine/preview_scheme_handler.h"
#include "webengine/preview_view.h"
#include "webengine/site_preview_window.h"
#include "webengine/site_scheme_handler.h"

#include <QGuiApplication>

#include <QOpenGLContext>

QT_BEGIN_NAMESPACE
// Qt's own hook, exported by QtGui for QtWebEngine, which declares it the same way.
Q_GUI_EXPORT void qt_gl_set_global_share_context(QOpenGLContext *context);
QT_END_NAMESPACE

namespace {

// QtWebEngine reads the OpenGL context it shares with Qt Quick as its first profile is made. A
// program linking it gets one as the QApplication starts; a module loaded later makes it here,
// after the window is on screen, which is the point of loading it later.
void ensureShareContext()
{
    if (QOpenGLContext::globalShareContext())
        return;
    auto *context = new QOpenGLContext(qApp);
    context->create();
    qt_gl_set_global_share_context(context);
}

quire::PreviewPane *createPreview(QWidget *parent)
{
    ensureShareContext();
    return new quire::PreviewView(parent);
}

QWidget *createSitePreview(const QString &siteFolder, QWidget *parent)
{
    ensureShareContext();
    auto *window = new quire::SitePreviewWindow(siteFolder, parent);
    // The caller shows it and forgets it: each window holds a web profile of its own.
    window->setAttribute(Qt::WA_DeleteOnClose);
    return window;
}

[[maybe_unused]] const bool provided = [] {
    quire::PreviewSchemeHandler::registerScheme();
    quire::SiteSchemeHandler::registerScheme();
    quire::PreviewModule::provide(&createPreview, &createSitePreview);
    return true;
}();

} // namespace
