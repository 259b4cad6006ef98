#include "interchange/blog_importer.h"

#include "interchange/blog_source.h"
#include "interchange/image_importer.h"
#include "interchange/post_file_reader.h"
#include "interchange/shortcode_converter.h"
#include "store/library.h"
#include "store/post_history.h"
#include "store/post_store.h"

#include <QCoreApplication>
#include <QHash>

namespace quire {

namespace {

// The fields an import sets; a post whose fields all match is left alone (no new revision).
// Tags compare as the store keeps them: case-insensitive, trimmed (a post joining the existing
// tag "GPU" with "gpu" is the same post).
QStringList tagKeys(const QStringList &tags)
{
    QStringList keys;
    for (const QString &tag : tags)
        keys.append(tag.simplified().toCaseFolded());
    return keys;
}

bool sameContent(const Post &a, const Post &b)
{
    return a.title == b.title && a.body == b.body && a.summary == b.summary && a.status == b.status
        && a.kind == b.kind && a.language == b.language && a.publishedAt == b.publishedAt
        && tagKeys(a.tags) == tagKeys(b.tags) && a.extra == b.extra && a.coverAssetId == b.coverAssetId;
}

void mergeInto(Post &existing, const Post &incoming)
{
    existing.title = incoming.title;
    existing.body = incoming.body;
    existing.summary = incoming.summary;
    existing.status = incoming.status;
    existing.kind = incoming.kind;
    existing.language = incoming.language;
    existing.publishedAt = incoming.publishedAt;
    existing.tags = incoming.tags;
    existing.extra = incoming.extra;
    existing.coverAssetId = incoming.coverAssetId;
    existing.updatedAt = incoming.updatedAt;   // the file's lastmod, or invalid for "now"
}

// The front matter's `image:` (Jekyll's SEO tag, many Hugo themes, Quire's own export) as the
// post's cover, when it names an image of the blog.
void takeCover(Post &post, const SourceFile &file, ImageImporter &images, QStringList &warnings)
{
    const QJsonValue image = post.extra.value(QLatin1String("image"));
    if (!image.isString())
        return;
    const ImageImporter::Single cover = images.importImage(file, image.toString());
    if (!cover.warning.isEmpty())
        warnings.append(cover.warning);
    if (cover.assetId == 0)
        return;
    post.coverAssetId = cover.assetId;
    post.extra.remove(QLatin1String("image"));
}

} // namespace

struct BlogImporter::Pass
{
    PostFileReader reader;
    ImageImporter images;
    QHash<QString, QString> fileOfSlug;   // two files must not claim one post
    ImportReport report;
};

Result<ImportReport> BlogImporter::importFolder(const QString &dir, const Callbacks &callbacks)
{
    auto source = BlogSource::open(dir);
    if (!source)
        return source.error();

    Pass pass{PostFileReader(source->kind(), m_library.now()), ImageImporter(m_library, source->kind(), source->root()),
              {}, {}};
    QList<QPair<QString, QString>> skippedFiles;
    const QList<SourceFile> files = source->postFiles(&skippedFiles);
    for (const auto &[file, reason] : skippedFiles)
        pass.report.skipped.append({file, {}, reason});

    auto work = [&]() -> Result<void> {
        for (qsizetype index = 0; index < files.size(); ++index) {
            if (callbacks.cancelled && callbacks.cancelled())
                return Error{tr("The import was cancelled; the library is as it was.")};
            if (callbacks.progress)
                callbacks.progress(int(index), int(files.size()));
            // Inside the transaction: a failed import leaves no images behind either.
            if (Result<void> imported = importFile(pass, files.at(index)); !imported)
                return imported;
        }
        if (callbacks.progress)
            callbacks.progress(int(files.size()), int(files.size()));
        return {};
    };
    if (auto done = m_library.transaction(work); !done)
        return done.error();
    return pass.report;
}

Result<void> BlogImporter::importFile(Pass &pass, const SourceFile &file)
{
    auto imported = pass.reader.read(file);
    if (!imported) {
        pass.report.skipped.append({file.relativePath, {}, imported.errorMessage()});
        return {};
    }
    const Result<std::optional<Post>> existing = earlierImport(*imported);
    if (!existing)
        return existing.error();
    Post &post = imported->post;
    if (const QString other = pass.fileOfSlug.value(post.slug); !other.isEmpty()) {
        pass.report.skipped.append({file.relativePath, {}, tr("same slug \"%1\" as %2").arg(post.slug, other)});
        return {};
    }
    pass.fileOfSlug.insert(post.slug, file.relativePath);
    // Shortcodes first: a figure becomes an image reference, imported like any other.
    ShortcodeConverter::Converted converted = ShortcodeConverter::convert(post.body);
    imported->warnings.append(converted.warnings);
    ImageImporter::Rewritten rewritten = pass.images.importImages(file, converted.body);
    post.body = rewritten.body;
    imported->warnings.append(rewritten.warnings);
    takeCover(post, file, pass.images, imported->warnings);
    for (const QString &warning : std::as_const(imported->warnings))
        pass.report.warnings.append({file.relativePath, post.slug, warning});

    if (existing->has_value()) {
        Post current = **existing;
        if (sameContent(current, post)) {
            pass.report.unchanged.append({file.relativePath, post.slug, {}});
            return {};
        }
        mergeInto(current, post);
        if (auto saved = m_library.history().save(current, RevisionReason::Import); !saved)
            return saved;
        pass.report.updated.append({file.relativePath, post.slug, {}});
        return {};
    }
    auto created = m_library.posts().create(post);
    if (!created)
        return created.error();
    if (auto saved = m_library.history().save(*created, RevisionReason::Import); !saved)
        return saved;
    pass.report.imported.append({file.relativePath, created->slug, {}});
    return {};
}

// The post an earlier import made of this file: by the slug earlier Quires gave it first, as
// another post may meanwhile have the slug the rules give now; else by that slug.
Result<std::optional<Post>> BlogImporter::earlierImport(ImportedPost &imported)
{
    if (!imported.earlierSlug.isEmpty()) {
        Result<std::optional<Post>> earlier = m_library.posts().bySlug(imported.earlierSlug);
        if (!earlier)
            return earlier;
        if (earlier->has_value()) {
            imported.warnings.append(tr("slug \"%1\" from an earlier import kept, so that links to the post still work;"
                                        " the slug rules would give \"%2\"").arg(imported.earlierSlug, imported.post.slug));
            imported.post.slug = imported.earlierSlug;
            return earlier;
        }
    }
    return m_library.posts().bySlug(imported.post.slug);
}

} // namespace quire
