#pragma once

#include "interchange/import_report.h"
#include "result.h"

#include <QString>

#include <functional>

namespace quire {

class Library;

// Brings the posts of a Hugo or Jekyll folder into a library. Re-importing the same folder
// updates posts in place (matched by slug) and never duplicates them. The whole import is one
// transaction: a failure of the library leaves it as it was; a bad file is skipped with a reason.
// The images the posts use become library assets (ImageImporter), stored once however often used.
class BlogImporter
{
public:
    struct Callbacks
    {
        std::function<void(int done, int total)> progress;   // files read so far, of all
        std::function<bool()> cancelled;   // true: stop, and leave the library as it was
    };

    explicit BlogImporter(Library &library) : m_library(library) {}

    // A front matter `image:` naming a local image becomes the post's cover; a remote one, or one
    // that cannot be stored (with a warning), stays in the front matter as written.
    Result<ImportReport> importFolder(const QString &dir, const Callbacks &callbacks = {});

private:
    Library &m_library;
};

} // namespace quire
