#include "posts/post_list_panel.h"

#include "posts/post_list_model.h"

#include <QAction>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QListView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace quire {

PostListPanel::PostListPanel(PostListModel *model, QAction *newPost, QAction *deletePost, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_search(new QLineEdit(this))
    , m_list(new QListView(this))
{
    m_search->setPlaceholderText(tr("Search posts"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Find posts by words in their title, summary, text or tags"));
    m_list->setModel(model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    for (QAction *action : {newPost, deletePost}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        buttons->addWidget(button);
    }
    buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    // Searching on every keystroke is cheap (FTS5), but wait for a pause so the list does not flicker.
    auto *searchDelay = new QTimer(this);
    searchDelay->setSingleShot(true);
    searchDelay->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, searchDelay, qOverload<>(&QTimer::start));
    connect(searchDelay, &QTimer::timeout, this, [this] { emit searchChanged(m_search->text()); });

    // A search that hides the open post leaves it open in the editor: only a real choice switches.
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    emit currentPostChanged(m_model->postIdAt(current.row()));
            });
}

qint64 PostListPanel::currentPostId() const
{
    return m_model->postIdAt(m_list->currentIndex().row());
}

void PostListPanel::selectPost(qint64 id)
{
    const int row = m_model->rowOfPost(id);
    if (row < 0) {
        m_list->selectionModel()->clearCurrentIndex();
        return;
    }
    m_list->setCurrentIndex(m_model->index(row));
    m_list->scrollTo(m_model->index(row));
}

} // namespace quire
