#include "preview/web_engine_setup.h"

#include "preview/preview_module.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QtGlobal>

#include <cstdio>
#include <unistd.h>

namespace quire {

namespace {

void addChromiumFlag(const QByteArray &flag)
{
    const QByteArray flags = qgetenv("QTWEBENGINE_CHROMIUM_FLAGS");
    if (!flags.contains(flag))
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", flags.isEmpty() ? flag : flags + ' ' + flag);
}

bool writerChoseBackend()
{
    return qEnvironmentVariableIsSet("QT_QUICK_BACKEND") || qEnvironmentVariableIsSet("QSG_RHI_BACKEND");
}

} // namespace

void WebEngineSetup::prepare()
{
    if (geteuid() == 0) {
        addChromiumFlag("--no-sandbox");
        std::fputs("quire: running as root, so the preview runs without Chromium's sandbox; "
                   "run Quire as a normal user to keep it.\n", stderr);
    }
    if (!hasGpuDevice() && !writerChoseBackend()) {
        renderInSoftware();
        return;
    }
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    // A module that cannot be loaded is reported where the preview would be.
    PreviewModule::load();
}

bool WebEngineSetup::hasGpuDevice()
{
    return !QDir(QStringLiteral("/dev/dri")).entryList({QStringLiteral("renderD*")}, QDir::System).isEmpty()
        || QFileInfo::exists(QStringLiteral("/dev/nvidia0"));
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
    if (writerChoseBackend() || !openGlIsSoftware())
        return;
    renderInSoftware();
}

void WebEngineSetup::renderInSoftware()
{
    // Read when the first Qt Quick window and the first web profile are made: after this.
    qputenv("QT_QUICK_BACKEND", "software");
    addChromiumFlag("--disable-gpu");
}

} // namespace quire
