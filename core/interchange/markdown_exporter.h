#pragma once

#include "interchange/post_markdown_writer.h"
#include "result.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace quire {

class Library;
struct Post;

// Writes the library's posts as a Hugo or Jekyll folder that the generator builds as it is, and
// that BlogImporter reads back into the same posts.
//
// Hugo: content/posts/<slug>.md (drafts with `draft: true`), images at static/media/<name>.
// Jekyll: _posts/YYYY-MM-DD-<slug>.md, drafts at _drafts/<slug>.md, images at media/<name>.
// Either way a post's `/media/<name>` links work unchanged. A minimal config.toml / _config.yml
// from the site settings is added only when the folder has no configuration of its own.
//
// Safety: the folder is an OwnedFolder (never "/", the home folder or one of its parents; nothing
// written through a symbolic link; every file written whole). It is created when missing and
// must otherwise be empty or an earlier export's. .quire-export.json lists the files an export
// wrote: a later export replaces and removes only those, never a file someone else put there.
class MarkdownExporter
{
    Q_DECLARE_TR_FUNCTIONS(MarkdownExporter)

public:
    using Flavor = PostMarkdownWriter::Flavor;

    struct Report
    {
        QString folder;        // canonical path of the folder written
        int posts = 0;
        int images = 0;
        int removed = 0;       // files of an earlier export no longer exported
        bool wroteConfig = false;
    };

    struct Callbacks
    {
        std::function<void(int done, int total)> progress;
        std::function<bool()> cancelled;   // true: stop before the next file
    };

    explicit MarkdownExporter(const Library &library) : m_library(library) {}

    Result<Report> exportTo(const QString &dir, Flavor flavor, const Callbacks &callbacks = {});

    // The list of files an export wrote, kept in the folder.
    static QString manifestName();
    // Where a post goes, relative to the folder ("content/posts/x.md", "_posts/2024-01-02-x.md").
    static QString postPath(const Post &post, Flavor flavor);
    // Where an image goes ("static/media/x.png", "media/x.png").
    static QString imagePath(const QString &assetName, Flavor flavor);

private:
    const Library &m_library;
};

} // namespace quire
