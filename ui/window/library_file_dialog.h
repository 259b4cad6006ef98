#pragma once

#include <QString>

class QWidget;

namespace quire {

// Asks for a library file to open, or a new name to create one (".quire" added when missing).
class LibraryFileDialog
{
public:
    // Empty when the writer cancels.
    static QString choose(QWidget *parent, const QString &startFolder);
};

} // namespace quire
