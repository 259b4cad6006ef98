#pragma once

#include "result.h"
#include "store/post.h"
#include "store/post_filter.h"

#include <QAbstractListModel>

namespace quire {

class Library;

// The library's posts for the post list, newest first, filtered by a search.
class PostListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { IdRole = Qt::UserRole + 1, SlugRole, StatusRole };

    explicit PostListModel(QObject *parent = nullptr);

    void setLibrary(Library *library);
    void setSearch(const QString &search);
    Result<void> reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    int rowOfPost(qint64 id) const;   // -1 when not shown
    qint64 postIdAt(int row) const;

private:
    Library *m_library = nullptr;
    PostFilter m_filter;
    QList<PostSummary> m_posts;
};

} // namespace quire
