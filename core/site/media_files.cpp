#include "site/media_files.h"

#include "site/build_keys.h"
#include "site/image_scaler.h"
#include "site/parallel_work.h"
#include "site/site_files.h"
#include "store/asset_store.h"
#include "store/library.h"

#include <QMutexLocker>
#include <QSet>

#include <algorithm>

namespace quire {

namespace {

// The library's images the facts name, in name order.
QList<const Asset *> shownImages(const SiteMedia &media, const QList<PostFacts> &facts)
{
    QSet<QString> names;
    for (const PostFacts &post : facts) {
        if (!post.cover.name.isEmpty())
            names.insert(post.cover.name);
        for (const PostFacts::Link &link : post.links) {
            if (const QString name = SiteMedia::nameAt(link.target); !name.isEmpty())
                names.insert(name);
        }
    }
    QList<const Asset *> shown;
    for (const QString &name : std::as_const(names)) {
        if (const Asset *asset = media.asset(name))
            shown.append(asset);
    }
    std::sort(shown.begin(), shown.end(), [](const Asset *a, const Asset *b) { return a->name < b->name; });
    return shown;
}

} // namespace

MediaFiles::MediaFiles(Library &library, const SiteMedia &media, const ImageScaler *scaler, SiteFiles &files)
    : m_library(library), m_media(media), m_scaler(scaler), m_files(files)
{
}

Result<void> MediaFiles::build(const QList<PostFacts> &facts, int threads, const std::atomic<bool> *cancel)
{
    const QList<const Asset *> shown = shownImages(m_media, facts);
    ParallelWork work(shown.size(), cancel);
    work.run(threads, [&] {
        for (qsizetype index = work.next(); index >= 0; index = work.next()) {
            if (Result<void> written = writeImage(*shown.at(index)); !written)
                work.fail(written.error());
        }
    });
    return work.result();
}

QStringList MediaFiles::notes() const
{
    QMutexLocker locker(&m_mutex);
    // Sorted: threads finish their images in any order, and a report should read the same each time.
    QStringList sorted = m_notes;
    sorted.sort();
    return sorted;
}

Result<void> MediaFiles::writeImage(const Asset &asset)
{
    const QString file = m_media.path(asset.name).mid(1);
    const QByteArray inputKey = BuildKeys::mediaFile(asset);
    const QList<SiteMedia::Copy> copies = m_media.copies(asset.name);
    bool current = m_files.isCurrent(file, inputKey);
    for (const SiteMedia::Copy &copy : copies)
        current = current && m_files.isCurrent(copy.path.mid(1), BuildKeys::mediaCopy(asset, copy));
    if (current) {
        m_files.keep(file);
        for (const SiteMedia::Copy &copy : copies)
            m_files.keep(copy.path.mid(1));
        return {};
    }
    Result<std::optional<Asset>> stored = m_library.assets().byName(asset.name);
    if (!stored)
        return stored.error();
    if (!*stored)
        return {};   // deleted meanwhile: the checks report it
    if (Result<void> written = m_files.write(file, (*stored)->data, inputKey); !written)
        return written;
    for (const SiteMedia::Copy &copy : copies) {
        if (Result<void> written = writeCopy(**stored, copy); !written)
            return written;
    }
    return {};
}

// An image that cannot be decoded still gets a file at the copy's name (its own bytes), so that no
// page offers a srcset candidate that is not there; keyed apart, so the next build tries again.
Result<void> MediaFiles::writeCopy(const Asset &asset, const SiteMedia::Copy &copy)
{
    const QString file = copy.path.mid(1);
    const QByteArray key = BuildKeys::mediaCopy(asset, copy);
    if (m_files.isCurrent(file, key)) {
        m_files.keep(file);
        return {};
    }
    Result<QByteArray> scaled = m_scaler->scaled(asset.data, asset.mimeType, copy.width);
    if (!scaled) {
        QMutexLocker locker(&m_mutex);
        m_notes.append(tr("The image /media/%1 could not be scaled down to %2 pixels (%3); the full-size"
                          " image stands in for the narrower copy.")
                           .arg(asset.name, QString::number(copy.width), scaled.errorMessage()));
    }
    return m_files.write(file, scaled ? *scaled : asset.data, scaled ? key : QByteArrayLiteral("unscaled"));
}

} // namespace quire
