#pragma once

#include <QWidget>

class QAction;
class QLineEdit;
class QListView;

namespace quire {

class PostListModel;

// The left column: a search field over the post list, with New and Delete below it.
class PostListPanel : public QWidget
{
    Q_OBJECT

public:
    PostListPanel(PostListModel *model, QAction *newPost, QAction *deletePost, QWidget *parent = nullptr);

    qint64 currentPostId() const;
    void selectPost(qint64 id);
    QLineEdit *searchField() const { return m_search; }

signals:
    void currentPostChanged(qint64 id);   // the writer picked a post in the list
    void searchChanged(const QString &text);

private:
    PostListModel *m_model;
    QLineEdit *m_search;
    QListView *m_list;
};

} // namespace quire
