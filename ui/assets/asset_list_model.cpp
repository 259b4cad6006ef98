#include "assets/asset_list_model.h"

#include "store/asset_store.h"
#include "store/library.h"

#include <QApplication>
#include <QBuffer>
#include <QIcon>
#include <QImageReader>
#include <QPainter>
#include <QLocale>
#include <QStyle>
#include <QtConcurrent>

namespace quire {

namespace {

// The picture scaled to fit a thumbnail, decoded without the full-size image where the format
// allows it (JPEG); a null image when Qt cannot read it (an SVG without the svg plugin, an AVIF);
// none when the asset is gone (renamed or deleted meanwhile: the next reload asks again).
std::optional<QImage> decodeThumbnail(Library *library, const QString &name)
{
    const Result<std::optional<Asset>> asset = library->assets().byName(name);
    if (!asset || !*asset)
        return std::nullopt;
    QByteArray data = (*asset)->data;
    QBuffer buffer(&data);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (size.isValid() && (size.width() > AssetListModel::ThumbnailSize || size.height() > AssetListModel::ThumbnailSize))
        reader.setScaledSize(size.scaled(AssetListModel::ThumbnailSize, AssetListModel::ThumbnailSize, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (image.width() > AssetListModel::ThumbnailSize || image.height() > AssetListModel::ThumbnailSize)
        image = image.scaled(AssetListModel::ThumbnailSize, AssetListModel::ThumbnailSize, Qt::KeepAspectRatio,
                             Qt::SmoothTransformation);
    return image;
}

// "figure-2.png" before "figure-10.png". Asset names are ASCII (AssetName), so no collator is
// needed, and QCollator ignores numeric mode in the C locale.
bool namesInOrder(const QString &a, const QString &b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (a.at(i).isDigit() && b.at(j).isDigit()) {
            qsizetype endA = i;
            qsizetype endB = j;
            while (endA < a.size() && a.at(endA).isDigit())
                ++endA;
            while (endB < b.size() && b.at(endB).isDigit())
                ++endB;
            const QStringView numberA = QStringView(a).mid(i, endA - i);
            const QStringView numberB = QStringView(b).mid(j, endB - j);
            if (numberA.size() != numberB.size())
                return numberA.size() < numberB.size();
            if (numberA != numberB)
                return numberA < numberB;
            i = endA;
            j = endB;
            continue;
        }
        if (a.at(i) != b.at(j))
            return a.at(i) < b.at(j);
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

} // namespace

AssetListModel::AssetListModel(Library *library, QObject *parent)
    : QAbstractListModel(parent),
      m_library(library)
{
    // Two decoders keep the window responsive on a two-core machine while 500 thumbnails load.
    m_decoders.setMaxThreadCount(2);
}

AssetListModel::~AssetListModel()
{
    m_decoders.clear();
    m_decoders.waitForDone();
}

Result<void> AssetListModel::reload()
{
    Result<QList<Asset>> assets = m_library->assets().list();
    if (!assets) {
        setEntries({});
        return assets.error();
    }
    Result<QHash<QString, QList<AssetUser>>> usage = m_library->assets().usage();
    if (!usage) {
        setEntries({});
        return usage.error();
    }
    QList<Entry> entries;
    for (const Asset &asset : std::as_const(*assets))
        entries.append(Entry{asset, usage->value(asset.name)});
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry &a, const Entry &b) { return namesInOrder(a.asset.name, b.asset.name); });
    setEntries(entries);
    return {};
}

void AssetListModel::setEntries(const QList<Entry> &entries)
{
    // The same images (usage aside): no reset, so the views keep their selection and scrolling
    // while the writer only looks from the window to the dialog and back.
    const bool sameAssets = std::equal(entries.cbegin(), entries.cend(), m_all.cbegin(), m_all.cend(),
                                       [](const Entry &a, const Entry &b) {
                                           return a.asset.id == b.asset.id && a.asset.name == b.asset.name
                                                   && a.asset.sha256 == b.asset.sha256 && a.asset.alt == b.asset.alt;
                                       });
    if (sameAssets && !m_unusedOnly) {
        m_all = entries;
        if (!m_shown.isEmpty())
            emit dataChanged(index(0), index(int(m_shown.size()) - 1), {Qt::ToolTipRole, UsedRole});
        return;
    }
    beginResetModel();
    m_all = entries;
    applyFilter();
    endResetModel();
}

void AssetListModel::setFilter(const QString &text, bool unusedOnly)
{
    beginResetModel();
    m_filter = text.trimmed();
    m_unusedOnly = unusedOnly;
    applyFilter();
    endResetModel();
}

void AssetListModel::applyFilter()
{
    m_shown.clear();
    for (int i = 0; i < m_all.size(); ++i) {
        const Entry &entry = m_all.at(i);
        if (m_unusedOnly && !entry.users.isEmpty())
            continue;
        if (!m_filter.isEmpty() && !entry.asset.name.contains(m_filter, Qt::CaseInsensitive)
            && !entry.asset.alt.contains(m_filter, Qt::CaseInsensitive))
            continue;
        m_shown.append(i);
    }
}

int AssetListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

const Asset &AssetListModel::asset(int row) const
{
    return m_all.at(m_shown.at(row)).asset;
}

const QList<AssetUser> &AssetListModel::users(int row) const
{
    return m_all.at(m_shown.at(row)).users;
}

int AssetListModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_shown.size(); ++row) {
        if (asset(row).name == name)
            return row;
    }
    return -1;
}

int AssetListModel::unusedCount() const
{
    return int(std::count_if(m_all.cbegin(), m_all.cend(), [](const Entry &entry) { return entry.users.isEmpty(); }));
}

QVariant AssetListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_shown.size())
        return {};
    const Entry &entry = m_all.at(m_shown.at(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return entry.asset.name;
    case Qt::DecorationRole:
        return thumbnail(entry.asset);
    case Qt::ToolTipRole:
        return toolTip(entry);
    case UsedRole:
        return !entry.users.isEmpty();
    default:
        return {};
    }
}

QString AssetListModel::toolTip(const Entry &entry) const
{
    const QString size = QLocale().formattedDataSize(entry.asset.size);
    if (entry.users.isEmpty())
        return tr("%1 (%2), used by no post").arg(entry.asset.name, size);
    return tr("%1 (%2), used by %n post(s)", nullptr, int(entry.users.size())).arg(entry.asset.name, size);
}

// The picture centred on a transparent square of the thumbnail size: a tall or wide picture
// takes the same room as any other, so every name sits on the same line under its picture.
QPixmap AssetListModel::squareThumbnail(const QImage &image)
{
    QPixmap square(ThumbnailSize, ThumbnailSize);
    square.fill(Qt::transparent);
    QPainter painter(&square);
    painter.drawImage((ThumbnailSize - image.width()) / 2, (ThumbnailSize - image.height()) / 2, image);
    return square;
}

// Always an icon of the view's icon size, so that every item has the same size before, while and
// after its picture is decoded (a view lays items out once).
QVariant AssetListModel::thumbnail(const Asset &asset) const
{
    const auto cached = m_thumbnails.constFind(asset.sha256);
    if (cached == m_thumbnails.cend()) {
        requestThumbnail(asset);
        static const QIcon loading = [] {
            QPixmap blank(ThumbnailSize, ThumbnailSize);
            blank.fill(Qt::transparent);
            return QIcon(blank);
        }();
        return loading;
    }
    if (cached->isNull())
        return QApplication::style()->standardIcon(QStyle::SP_FileIcon);
    return QIcon(*cached);
}

void AssetListModel::requestThumbnail(const Asset &asset) const
{
    if (m_pending.contains(asset.sha256))
        return;
    m_pending.insert(asset.sha256);
    auto *self = const_cast<AssetListModel *>(this);
    QtConcurrent::run(&m_decoders, decodeThumbnail, m_library, asset.name)
            .then(self, [self, sha256 = asset.sha256](const std::optional<QImage> &image) {
                self->thumbnailReady(sha256, image);
            });
}

void AssetListModel::thumbnailReady(const QString &sha256, const std::optional<QImage> &image)
{
    m_pending.remove(sha256);
    if (!image)
        return;
    m_thumbnails.insert(sha256, image->isNull() ? QPixmap() : squareThumbnail(*image));
    for (int row = 0; row < m_shown.size(); ++row) {
        if (asset(row).sha256 == sha256)
            emit dataChanged(index(row), index(row), {Qt::DecorationRole});
    }
}

} // namespace quire
