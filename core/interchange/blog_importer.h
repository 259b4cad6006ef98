#pragma once

#include "interchange/import_report.h"
#include "result.h"
#include "store/post.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

namespace quire {

class Library;
struct ImportedPost;
struct SourceFile;

// Brings the posts of a Hugo or Jekyll folder into a library, within the post rules: what they
// refuse is fixed and reported (PostFileReader, ImportFixer), never dropped or changed without a
// word. Re-importing the same folder updates posts in place (matched by slug) and never
// duplicates them. The whole import is one transaction: a failure of the library leaves it as it
// was; a bad file is skipped with a reason. The images the posts use become library assets
// (ImageImporter), stored once however often used.
class BlogImporter
{
    Q_DECLARE_TR_FUNCTIONS(BlogImporter)

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
    struct Pass;   // one import's reader, images, report, and the slugs its files claimed so far

    Result<void> importFile(Pass &pass, const SourceFile &file);
    // The post the file was imported as before: the one with its slug, else (for a file imported
    // before the slug rules) the one with the slug it had then, which it keeps: links to it exist.
    Result<std::optional<Post>> earlierImport(ImportedPost &imported);

    Library &m_library;
};

} // namespace quire
