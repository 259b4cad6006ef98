#include "preview/web_engine_setup.h"

#include "preview/preview_scheme_handler.h"

#include <QCoreApplication>
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

} // namespace quire
