// Opens the Site Preview on an exported folder, as the program does, for a person (or a
// screenshot) to look at: site_preview_helper FOLDER [SITE-PATH [SECONDS]].

#include "preview/preview_module.h"
#include "preview/web_engine_setup.h"
#include "webengine/site_preview_window.h"

#include <QApplication>
#include <QTimer>
#include <QWidget>

#include <cstdio>

int main(int argc, char *argv[])
{
    quire::WebEngineSetup::prepare();
    QApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 2) {
        std::fputs("usage: site_preview_helper FOLDER [SITE-PATH [SECONDS]]\n", stderr);
        return 2;
    }
    QWidget *window = quire::PreviewModule::createSitePreview(arguments.at(1), nullptr);
    if (!window) {
        std::fprintf(stderr, "%s\n", qPrintable(quire::PreviewModule::errorString()));
        return 1;
    }
    window->show();
    if (arguments.size() > 2)
        qobject_cast<quire::SitePreviewWindow *>(window)->open(arguments.at(2));
    if (arguments.size() > 3)
        QTimer::singleShot(arguments.at(3).toInt() * 1000, &app, &QApplication::quit);
    return app.exec();
}
