#pragma once

#include "result.h"
#include "store/asset.h"
#include "store/asset_user.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPixmap>
#include <QSet>
#include <QThreadPool>

#include <optional>

namespace quire {

class Library;

// The library's images with the posts that use them, for the asset browser: name and thumbnail
// per row, filtered by name and, if asked, to the unused ones. Thumbnails are decoded off the GUI
// thread when a view first asks for them, and kept by content hash, so a reload or a filter does
// not decode again.
class AssetListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { NameRole = Qt::UserRole + 1, UsedRole };
    static constexpr int ThumbnailSize = 112;

    explicit AssetListModel(Library *library, QObject *parent = nullptr);
    ~AssetListModel() override;

    // Reads the assets and their usage again; an error leaves the model empty.
    Result<void> reload();
    void setFilter(const QString &text, bool unusedOnly);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    const Asset &asset(int row) const;
    const QList<AssetUser> &users(int row) const;
    int rowOf(const QString &name) const;   // -1 when not shown
    int assetCount() const { return int(m_all.size()); }
    int unusedCount() const;
    // True once every thumbnail asked for so far is decoded (for tests).
    bool thumbnailsSettled() const { return m_pending.isEmpty(); }

private:
    static QPixmap squareThumbnail(const QImage &image);

    struct Entry
    {
        Asset asset;
        QList<AssetUser> users;
    };

    void setEntries(const QList<Entry> &entries);
    void applyFilter();
    QVariant thumbnail(const Asset &asset) const;
    void requestThumbnail(const Asset &asset) const;
    void thumbnailReady(const QString &sha256, const std::optional<QImage> &image);
    QString toolTip(const Entry &entry) const;

    Library *m_library;
    QList<Entry> m_all;
    QList<int> m_shown;   // indexes into m_all
    QString m_filter;
    bool m_unusedOnly = false;
    // Mutable: a view asking for a decoration is what starts a decode.
    mutable QHash<QString, QPixmap> m_thumbnails;   // by sha256; a null pixmap: not decodable
    mutable QSet<QString> m_pending;
    mutable QThreadPool m_decoders;
};

} // namespace quire
