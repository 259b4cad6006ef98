#pragma once

#include "result.h"
#include "store/library.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace quire {

// Makes an opened library ready for Quire, in one step after Library::open: Quire's built-in
// themes installed, or upgraded when this Quire ships newer versions (a theme the user brought is
// never touched). The window adds the welcome post to a library it has just created
// (addWelcomePost); the command line and imports start from an empty one.
class LibrarySetup
{
    Q_DECLARE_TR_FUNCTIONS(quire::Library)

public:
    // Library::open, then prepare().
    static Result<std::unique_ptr<Library>> open(const QString &path,
                                                 Library::OpenMode mode = Library::OpenMode::OpenOrCreate);
    static Result<void> prepare(Library &library);

    static Result<void> installBuiltinThemes(Library &library);
    // The post a new library starts with: it shows off what a post can hold (heading, code,
    // inline and display math, a table, a footnote, a task list). Not part of open(): a library
    // that cannot take it is still the writer's library, and opens with the problem said.
    static Result<void> addWelcomePost(Library &library);
};

} // namespace quire
