#include "window/library_file_dialog.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>

namespace quire {

QString LibraryFileDialog::choose(QWidget *parent, const QString &startFolder)
{
    // A save dialog, so that a name that does not exist yet is accepted: it creates a library.
    const QString path = QFileDialog::getSaveFileName(
        parent, QCoreApplication::translate("LibraryFileDialog", "Open or Create a Library"), startFolder,
        QCoreApplication::translate("LibraryFileDialog", "Quire libraries (*.quire);;All files (*)"), nullptr,
        QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty() || QFileInfo::exists(path) || path.endsWith(QLatin1String(".quire")))
        return path;
    return path + QStringLiteral(".quire");
}

} // namespace quire
