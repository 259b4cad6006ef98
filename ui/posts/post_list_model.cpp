#include "posts/post_list_model.h"

#include "store/library.h"

#include <QFont>
#include <QLocale>

namespace quire {

PostListModel::PostListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void PostListModel::setLibrary(Library *library)
{
    m_library = library;
}

void PostListModel::setSearch(const QString &search)
{
    m_filter.search = search;
    m_filter.order = search.trimmed().isEmpty() ? PostFilter::Order::UpdatedDesc : PostFilter::Order::Relevance;
}

Result<void> PostListModel::reload()
{
    QList<PostSummary> posts;
    if (m_library) {
        auto listed = m_library->listPosts(m_filter);
        if (!listed)
            return listed.error();
        posts = std::move(*listed);
    }
    beginResetModel();
    m_posts = std::move(posts);
    endResetModel();
    return {};
}

int PostListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_posts.size());
}

QVariant PostListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_posts.size())
        return {};
    const PostSummary &post = m_posts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return post.title.isEmpty() ? tr("Untitled") : post.title;
    case Qt::ToolTipRole: {
        const QString updated = QLocale().toString(post.updatedAt.toLocalTime(), QLocale::ShortFormat);
        switch (post.status) {
        case PostStatus::Draft:
            return tr("Draft · edited %1").arg(updated);
        case PostStatus::Scheduled:
            return tr("Scheduled for %1").arg(QLocale().toString(post.publishedAt.toLocalTime(), QLocale::ShortFormat));
        case PostStatus::Published:
            return tr("Published %1").arg(QLocale().toString(post.publishedAt.toLocalTime(), QLocale::ShortFormat));
        }
        return {};
    }
    case Qt::FontRole:
        if (post.status == PostStatus::Draft) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case IdRole:
        return post.id;
    case SlugRole:
        return post.slug;
    case StatusRole:
        return postStatusName(post.status);
    default:
        return {};
    }
}

int PostListModel::rowOfPost(qint64 id) const
{
    for (int row = 0; row < m_posts.size(); ++row) {
        if (m_posts.at(row).id == id)
            return row;
    }
    return -1;
}

qint64 PostListModel::postIdAt(int row) const
{
    return row >= 0 && row < m_posts.size() ? m_posts.at(row).id : 0;
}

} // namespace quire
