// quire: opens the window on a library, or runs one headless command (see CommandLine).

#include "command_line.h"
#include "window/library_file_dialog.h"
#include "window/main_window.h"
#include "setup/library_setup.h"
#include "preview/web_engine_setup.h"

#include <QApplication>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTextStream>
#include <QTranslator>

#include <cstdio>

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Quire"));
    QCoreApplication::setApplicationName(QStringLiteral("Quire"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QUIRE_VERSION));
}

void installTranslators(QCoreApplication &app)
{
    // English first: the source strings' plural forms ("1 word", "2 words") live in quire_en.
    // A translator installed later is asked first, so the user's language wins where it exists.
    for (const QLocale &locale : {QLocale(QLocale::English), QLocale()}) {
        auto *quire = new QTranslator(&app);
        if (quire->load(locale, QStringLiteral("quire"), QStringLiteral("_"), QStringLiteral(":/i18n")))
            QCoreApplication::installTranslator(quire);
        else
            delete quire;
    }
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
}

int runCommand(int argc, char *argv[], const quire::CommandLine::Invocation &invocation)
{
    QCoreApplication app(argc, argv);
    setIdentity();
    installTranslators(app);
    QTextStream out(stdout);
    QTextStream err(stderr);
    quire::CommandLine commandLine(out, err);
    return commandLine.run(invocation);
}

int runWindow(int argc, char *argv[], const QString &libraryPath)
{
    quire::WebEngineSetup::prepare();
    QApplication app(argc, argv);
    setIdentity();
    installTranslators(app);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/quire/icons/quire.svg")));
    QApplication::setDesktopFileName(QStringLiteral("io.github.quire.Quire"));

    QString path = libraryPath.isEmpty() ? quire::Library::defaultPath() : libraryPath;
    auto library = quire::LibrarySetup::open(path);
    // A library that cannot be opened is left as it is; the writer may pick another one.
    while (!library) {
        std::fprintf(stderr, "quire: %s\n", qPrintable(library.errorMessage()));
        QMessageBox box(QMessageBox::Critical, QCoreApplication::translate("main", "Quire cannot open the library"),
                        library.errorMessage(), QMessageBox::NoButton);
        QPushButton *other = box.addButton(QCoreApplication::translate("main", "Open &Another Library…"),
                                           QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Close);
        box.exec();
        if (box.clickedButton() != other)
            return quire::CommandLine::Failure;
        path = quire::LibraryFileDialog::choose(nullptr, QFileInfo(path).absolutePath());
        if (path.isEmpty())
            return quire::CommandLine::Failure;
        library = quire::LibrarySetup::open(path);
    }
    quire::MainWindow window(std::move(*library));
    window.show();
    window.activateWindow();
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const auto invocation = quire::CommandLine::parse(arguments);
    if (quire::CommandLine::wantsWindow(invocation))
        return runWindow(argc, argv, invocation.libraryPath);
    return runCommand(argc, argv, invocation);
}
