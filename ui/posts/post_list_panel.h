#pragma once

#include <QWidget>

class QAction;
class QComboBox;
class QLineEdit;
class QListView;
class QToolButton;

namespace quire {

class PostListDelegate;
class PostListModel;

// The left column: a search field and filters (status, tag, order) over the post list, with
// New and Delete below it.
class PostListPanel : public QWidget
{
    Q_OBJECT

public:
    PostListPanel(PostListModel *model, QAction *newPost, QAction *deletePost, QWidget *parent = nullptr);

    qint64 currentPostId() const;
    void selectPost(qint64 id);
    QLineEdit *searchField() const { return m_search; }
    QComboBox *statusFilter() const { return m_status; }
    QComboBox *tagFilter() const { return m_tag; }
    QListView *list() const { return m_list; }
    // Clears the search and the filters (a new post must be in view).
    void showAll();
    // Searches for what the search field holds, now (the field itself waits for a pause).
    void applySearch();

signals:
    void currentPostChanged(qint64 id);   // the writer picked a post in the list
    void filterChanged();                 // search, status, tag or order: the model needs a reload

private:
    QToolButton *createSortButton();
    void applyStatus();
    void applyTag();
    void refreshTags();

    PostListModel *m_model;
    PostListDelegate *m_delegate;
    QLineEdit *m_search;
    QComboBox *m_status;
    QComboBox *m_tag;
    QListView *m_list;
};

} // namespace quire
