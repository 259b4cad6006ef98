#pragma once

#include "result.h"
#include "site/post_facts.h"
#include "site/site_media.h"

#include <QCoreApplication>
#include <QList>
#include <QMutex>
#include <QStringList>

#include <atomic>

namespace quire {

class ImageScaler;
class Library;
class SiteFiles;

// The library's images that pages show or link to (/media/NAME, covers included), written under
// their content-hashed names (SiteMedia) with narrower copies of the large ones. Keyed by the
// bytes' hash, so an image that did not change is neither read from the library nor scaled again;
// one no page shows any more leaves the site. Images are independent of each other: several
// threads do them.
class MediaFiles
{
    Q_DECLARE_TR_FUNCTIONS(quire::MediaFiles)

public:
    // `scaler` makes the narrower copies (null: none; SiteMedia then lists none).
    MediaFiles(Library &library, const SiteMedia &media, const ImageScaler *scaler, SiteFiles &files);

    // The images the posts' facts name, on `threads` threads.
    Result<void> build(const QList<PostFacts> &facts, int threads, const std::atomic<bool> *cancel);

    // Images that could not be scaled down (the full-size image stands in), in name order.
    QStringList notes() const;

private:
    Result<void> writeImage(const Asset &asset);
    Result<void> writeCopy(const Asset &asset, const SiteMedia::Copy &copy);

    Library &m_library;
    const SiteMedia &m_media;
    const ImageScaler *m_scaler;
    SiteFiles &m_files;
    mutable QMutex m_mutex;   // for m_notes
    QStringList m_notes;
};

} // namespace quire
