#include "preview/preview_module.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>
#include <QStringList>

#include <cstdio>

namespace quire {

namespace {

PreviewModule::Factory g_factory = nullptr;
PreviewModule::SitePreviewFactory g_siteFactory = nullptr;
QString g_error;

const char ModuleFile[] = "libquire-preview.so";

// Loaded after the QApplication exists, QtWebEngine finds no OpenGL context to share and says so.
// Quire does that only where nothing is shared: without a GPU, where Chromium composites in
// software (WebEngineSetup), so the warning says nothing the writer could act on.
QtMessageHandler g_previousHandler = nullptr;

void dropShareContextWarning(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg && message.startsWith(QLatin1String("Qt WebEngine seems to be initialized from a plugin")))
        return;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
    else
        std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, message)));
}

} // namespace

void PreviewModule::provide(Factory factory, SitePreviewFactory sitePreviewFactory)
{
    g_factory = factory;
    g_siteFactory = sitePreviewFactory;
}

bool PreviewModule::isLoaded()
{
    return g_factory != nullptr;
}

QStringList PreviewModule::candidates()
{
    // Before the QApplication exists there is no applicationDirPath(); the kernel knows the program.
    const QString program = QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath();
    const QDir programDir = QFileInfo(program).absoluteDir();
    return {programDir.filePath(QLatin1String(ModuleFile)),
            QDir::cleanPath(programDir.filePath(QStringLiteral(QUIRE_PREVIEW_MODULE_DIR "/") + QLatin1String(ModuleFile)))};
}

bool PreviewModule::load(const QString &path)
{
    if (g_factory)
        return true;
    const QStringList paths = path.isEmpty() ? candidates() : QStringList{path};
    QStringList problems;
    for (const QString &candidate : paths) {
        if (!QFileInfo::exists(candidate)) {
            problems.append(QCoreApplication::translate("quire::PreviewModule", "%1 does not exist").arg(candidate));
            continue;
        }
        auto *library = new QLibrary(candidate);   // kept loaded for the life of the program
        g_previousHandler = qInstallMessageHandler(dropShareContextWarning);
        const bool loaded = library->load();
        qInstallMessageHandler(g_previousHandler);
        if (loaded && g_factory)
            return true;
        problems.append(loaded ? QCoreApplication::translate("quire::PreviewModule", "%1 is not Quire's preview").arg(candidate)
                               : library->errorString());
        delete library;
    }
    g_error = problems.join(QLatin1String("; "));
    return false;
}

QString PreviewModule::errorString()
{
    return g_error;
}

PreviewPane *PreviewModule::create(QWidget *parent)
{
    return load() ? g_factory(parent) : nullptr;
}

QWidget *PreviewModule::createSitePreview(const QString &siteFolder, QWidget *parent)
{
    return load() ? g_siteFactory(siteFolder, parent) : nullptr;
}

} // namespace quire
