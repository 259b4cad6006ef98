#include "preview/web_engine_setup.h"

#include "preview/preview_scheme_handler.h"

#include <QCoreApplication>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QtGlobal>

#include <cstdio>
#include <unistd.h>

namespace quire {

void WebEngineSetup::prepare()
{
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    PreviewSchemeHandler::registerScheme();
    if (geteuid() != 0)
        return;
    QByteArray flags = qgetenv("QTWEBENGINE_CHROMIUM_FLAGS");
    if (!flags.contains("--no-sandbox")) {
        flags += flags.isEmpty() ? "--no-sandbox" : " --no-sandbox";
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", flags);
    }
    std::fputs("quire: running as root, so the preview runs without Chromium's sandbox; "
               "run Quire as a normal user to keep it.\n", stderr);
}

bool WebEngineSetup::openGlIsSoftware()
{
    QOffscreenSurface surface;
    surface.create();
    QOpenGLContext context;
    if (!surface.isValid() || !context.create() || !context.makeCurrent(&surface))
        return true;
    const auto *renderer = reinterpret_cast<const char *>(context.functions()->glGetString(GL_RENDERER));
    const QByteArray name = renderer ? QByteArray(renderer).toLower() : QByteArray();
    context.doneCurrent();
    return name.isEmpty() || name.contains("llvmpipe") || name.contains("softpipe") || name.contains("software");
}

void WebEngineSetup::chooseRendering()
{
    static bool chosen = false;
    if (chosen)
        return;
    chosen = true;
    // The writer's own choices stand.
    if (qEnvironmentVariableIsSet("QT_QUICK_BACKEND") || qEnvironmentVariableIsSet("QSG_RHI_BACKEND"))
        return;
    if (!openGlIsSoftware())
        return;
    // Read when the first Qt Quick window and the first web profile are made: after this.
    qputenv("QT_QUICK_BACKEND", "software");
    QByteArray flags = qgetenv("QTWEBENGINE_CHROMIUM_FLAGS");
    if (!flags.contains("--disable-gpu"))
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", flags.isEmpty() ? "--disable-gpu" : flags + " --disable-gpu");
}

} // namespace quire
