#pragma once

#include "result.h"

#include <QtGlobal>

namespace quire {

class Database;

// The library's tables, as a list of migrations. Migration N brings a library from format N-1 to
// N; PRAGMA user_version records the format reached. New tables and columns go into a new
// migration at the end of the list, never into an old one: libraries in the wild have run it.
class Schema
{
public:
    // The newest format this build knows (Library::SchemaVersion).
    static int latestVersion();

    // Marks a Quire library in the file header (PRAGMA application_id), "Quir" in ASCII.
    static constexpr quint32 ApplicationId = 0x51756972;

    // Applies every migration newer than the library's format, all in one transaction.
    static Result<void> migrate(Database &database);
};

} // namespace quire
