#pragma once

#include "interchange/import_report.h"
#include "result.h"

#include <QString>

namespace quire {

class Library;

// Brings the posts of a Hugo or Jekyll folder into a library. Re-importing the same folder
// updates posts in place (matched by slug) and never duplicates them. The whole import is one
// transaction: a failure of the library leaves it as it was; a bad file is skipped with a reason.
// The images the posts use become library assets (ImageImporter), stored once however often used.
class BlogImporter
{
public:
    explicit BlogImporter(Library &library) : m_library(library) {}

    Result<ImportReport> importFolder(const QString &dir);

private:
    Library &m_library;
};

} // namespace quire
