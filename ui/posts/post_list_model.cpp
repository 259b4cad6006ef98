#include "posts/post_list_model.h"

#include "store/library.h"
#include "store/post_store.h"

#include <QFont>
#include <QLocale>

#include <algorithm>

namespace quire {

PostListModel::PostListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void PostListModel::setLibrary(Library *library)
{
    m_library = library;
    m_filter.tag.clear();
}

void PostListModel::setSearch(const QString &search)
{
    m_filter.search = search;
    updateOrder();
}

void PostListModel::setStatus(std::optional<PostStatus> status)
{
    m_filter.status = status;
}

void PostListModel::setTag(const QString &tag)
{
    m_filter.tag = tag;
}

void PostListModel::setSort(Sort sort)
{
    m_sort = sort;
    updateOrder();
}

void PostListModel::updateOrder()
{
    // While searching, the best matches come first whatever the chosen order.
    if (!m_filter.search.trimmed().isEmpty()) {
        m_filter.order = PostFilter::Order::Relevance;
        m_filter.limit = SearchLimit;
        return;
    }
    m_filter.limit = -1;
    switch (m_sort) {
    case Sort::LastEdited:
        m_filter.order = PostFilter::Order::UpdatedDesc;
        break;
    case Sort::PublishDate:
        m_filter.order = PostFilter::Order::PublishedDesc;
        break;
    case Sort::Title:
        m_filter.order = PostFilter::Order::TitleAsc;
        break;
    }
}

Result<void> PostListModel::reload()
{
    QList<PostSummary> posts;
    if (m_library) {
        auto listed = m_library->posts().list(m_filter);
        if (!listed)
            return listed.error();
        posts = std::move(*listed);
    }
    beginResetModel();
    m_posts = std::move(posts);
    m_rows.clear();
    m_rows.reserve(m_posts.size());
    for (int row = 0; row < m_posts.size(); ++row)
        m_rows.insert(m_posts.at(row).id, row);
    m_snippets.clear();
    endResetModel();
    return {};
}

int PostListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_posts.size());
}

QString PostListModel::detail(const PostSummary &post) const
{
    const QLocale locale;
    QString when;
    switch (post.status) {
    case PostStatus::Draft:
        when = tr("Draft · edited %1").arg(locale.toString(post.updatedAt.toLocalTime().date(), QLocale::ShortFormat));
        break;
    case PostStatus::Scheduled:
        when = tr("Scheduled for %1").arg(locale.toString(post.publishedAt.toLocalTime(), QLocale::ShortFormat));
        break;
    case PostStatus::Published:
        when = tr("Published %1").arg(locale.toString(post.publishedAt.toLocalTime().date(), QLocale::ShortFormat));
        break;
    }
    //: Post list: "Published 3/11/26 · numerics, gpu"
    return post.tags.isEmpty() ? when : tr("%1 · %2").arg(when, post.tags.join(QStringLiteral(", ")));
}

QString PostListModel::snippet(int row) const
{
    if (!m_library || m_filter.search.trimmed().isEmpty())
        return {};
    const qint64 id = m_posts.at(row).id;
    const auto cached = m_snippets.constFind(id);
    if (cached != m_snippets.constEnd())
        return *cached;
    // The rows painted next come with it: one query expands the search's prefix once.
    QList<qint64> ids;
    for (int next = row; next < std::min<int>(row + SnippetBatch, m_posts.size()); ++next) {
        if (!m_snippets.contains(m_posts.at(next).id))
            ids.append(m_posts.at(next).id);
    }
    const Result<QHash<qint64, QString>> fetched = m_library->posts().searchSnippets(ids, m_filter.search);
    for (const qint64 each : std::as_const(ids))
        m_snippets.insert(each, fetched ? fetched->value(each).simplified() : QString());
    return m_snippets.value(id);
}

QVariant PostListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_posts.size())
        return {};
    const PostSummary &post = m_posts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return post.title.isEmpty() ? tr("Untitled") : post.title;
    case Qt::ToolTipRole:
    case DetailRole:
        return detail(post);
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
    case SnippetRole:
        return snippet(index.row());
    default:
        return {};
    }
}

int PostListModel::rowOfPost(qint64 id) const
{
    return m_rows.value(id, -1);
}

qint64 PostListModel::postIdAt(int row) const
{
    return row >= 0 && row < m_posts.size() ? m_posts.at(row).id : 0;
}

} // namespace quire
