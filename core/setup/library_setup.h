#pragma once

#include "result.h"
#include "store/library.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace quire {

// Makes an opened library ready for Quire, in one step after Library::open: Quire's built-in
// themes installed, or upgraded when this Quire ships newer versions (a theme the user brought is
// never touched), and, in a library this open has just created, the welcome post when asked
// for. The window asks for it; the command line and imports start from an empty library.
class LibrarySetup
{
    Q_DECLARE_TR_FUNCTIONS(quire::Library)

public:
    enum class NewLibrary { Empty, WithWelcomePost };

    // Library::open, then prepare().
    static Result<std::unique_ptr<Library>> open(const QString &path,
                                                 Library::OpenMode mode = Library::OpenMode::OpenOrCreate,
                                                 NewLibrary content = NewLibrary::Empty);
    static Result<void> prepare(Library &library, NewLibrary content = NewLibrary::Empty);

    static Result<void> installBuiltinThemes(Library &library);
    // The post a new library starts with: it shows off what a post can hold (heading, code,
    // inline and display math, a table, a footnote, a task list).
    static Result<void> addWelcomePost(Library &library);
};

} // namespace quire
