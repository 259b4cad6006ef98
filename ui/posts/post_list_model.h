#pragma once

#include "result.h"
#include "store/post.h"
#include "store/post_filter.h"

#include <QAbstractListModel>
#include <QHash>

namespace quire {

class Library;

// The library's posts for the post list: filtered by status, tag and a full-text search, sorted
// by last edit, publish date or title (by relevance while searching). Only ids, titles and dates
// are loaded for every post; the passage matching a search is fetched for the rows shown.
class PostListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        SlugRole,
        StatusRole,
        DetailRole,    // "Draft · edited 3 Nov 2026 · numerics, gpu"
        SnippetRole,   // while searching: the best matching passage, matches between U+0002 and U+0003
    };
    enum class Sort { LastEdited, PublishDate, Title };
    // A search lists this many of the best matches: enough to find a post, few enough to stay
    // instant when a word is in every post.
    static constexpr int SearchLimit = 200;

    explicit PostListModel(QObject *parent = nullptr);

    void setLibrary(Library *library);
    Library *library() const { return m_library; }
    void setSearch(const QString &search);
    QString search() const { return m_filter.search; }
    void setStatus(std::optional<PostStatus> status);
    void setTag(const QString &tag);   // empty: every tag
    void setSort(Sort sort);
    Result<void> reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    int rowOfPost(qint64 id) const;   // -1 when not shown
    qint64 postIdAt(int row) const;

private:
    void updateOrder();
    QString detail(const PostSummary &post) const;
    QString snippet(int row) const;

    Library *m_library = nullptr;
    PostFilter m_filter;
    Sort m_sort = Sort::LastEdited;
    QList<PostSummary> m_posts;
    QHash<qint64, int> m_rows;                 // post id -> row
    mutable QHash<qint64, QString> m_snippets;  // fetched for the rows painted
    static constexpr int SnippetBatch = 25;     // rows whose passages one query fetches: a screenful
};

} // namespace quire
