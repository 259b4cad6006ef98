#include "posts/post_list_panel.h"

#include "posts/post_list_delegate.h"
#include "posts/post_list_model.h"
#include "store/library.h"
#include "store/post_store.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QSignalBlocker>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace quire {

PostListPanel::PostListPanel(PostListModel *model, QAction *newPost, QAction *deletePost, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_delegate(new PostListDelegate(this))
    , m_search(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_tag(new QComboBox(this))
    , m_list(new QListView(this))
{
    m_search->setPlaceholderText(tr("Search posts"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Find posts by words in their title, summary, text or tags"));

    m_status->addItem(tr("All posts"));
    m_status->addItem(tr("Drafts"), int(PostStatus::Draft));
    m_status->addItem(tr("Scheduled"), int(PostStatus::Scheduled));
    m_status->addItem(tr("Published"), int(PostStatus::Published));
    m_status->setToolTip(tr("Show only drafts, scheduled or published posts"));
    m_tag->setToolTip(tr("Show only the posts with this tag"));
    m_tag->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_tag->setMinimumContentsLength(6);
    refreshTags();

    m_list->setModel(model);
    m_list->setItemDelegate(m_delegate);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);   // 10,000 posts lay out without measuring each
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);

    auto *filters = new QHBoxLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    filters->addWidget(m_status, 1);
    filters->addWidget(m_tag, 1);
    filters->addWidget(createSortButton());

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
    layout->addLayout(filters);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    // Searching on every keystroke is cheap (FTS5), but wait for a pause so the list does not flicker.
    auto *searchDelay = new QTimer(this);
    searchDelay->setSingleShot(true);
    searchDelay->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, searchDelay, qOverload<>(&QTimer::start));
    connect(searchDelay, &QTimer::timeout, this, &PostListPanel::applySearch);
    connect(m_status, &QComboBox::currentIndexChanged, this, &PostListPanel::applyStatus);
    connect(m_tag, &QComboBox::currentIndexChanged, this, &PostListPanel::applyTag);
    // Tags come and go with posts: the menu follows every reload.
    connect(m_model, &QAbstractItemModel::modelReset, this, &PostListPanel::refreshTags);

    // A search that hides the open post leaves it open in the editor: only a real choice switches.
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    emit currentPostChanged(m_model->postIdAt(current.row()));
            });
}

QToolButton *PostListPanel::createSortButton()
{
    auto *button = new QToolButton(this);
    button->setIcon(QIcon::fromTheme(QStringLiteral("view-sort-descending")));
    if (button->icon().isNull())
        button->setText(tr("Sort"));
    button->setToolTip(tr("Order of the list (a search lists the best matches first)"));
    button->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(button);
    auto *group = new QActionGroup(menu);
    const std::pair<QString, PostListModel::Sort> orders[] = {
        {tr("By &Last Edit"), PostListModel::Sort::LastEdited},
        {tr("By &Publish Date"), PostListModel::Sort::PublishDate},
        {tr("By &Title"), PostListModel::Sort::Title},
    };
    for (const auto &[text, sort] : orders) {
        QAction *action = menu->addAction(text);
        action->setCheckable(true);
        action->setChecked(sort == PostListModel::Sort::LastEdited);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, sort = sort] {
            m_model->setSort(sort);
            emit filterChanged();
        });
    }
    button->setMenu(menu);
    return button;
}

void PostListPanel::applySearch()
{
    m_delegate->setSearch(m_search->text());
    m_model->setSearch(m_search->text());
    emit filterChanged();
}

void PostListPanel::applyStatus()
{
    const QVariant status = m_status->currentData();
    m_model->setStatus(status.isValid() ? std::optional(PostStatus(status.toInt())) : std::nullopt);
    emit filterChanged();
}

void PostListPanel::applyTag()
{
    m_model->setTag(m_tag->currentData().toString());
    emit filterChanged();
}

void PostListPanel::refreshTags()
{
    const QString current = m_tag->currentData().toString();
    const QSignalBlocker blocker(m_tag);
    m_tag->clear();
    m_tag->addItem(tr("All tags"));
    const Result<QList<Tag>> tags = m_model->library() ? m_model->library()->posts().tags() : Result<QList<Tag>>(QList<Tag>());
    for (const Tag &tag : tags ? *tags : QList<Tag>()) {
        if (tag.postCount == 0)
            continue;   // nothing to show
        //: Tag filter: "numerics (12)"
        m_tag->addItem(tr("%1 (%2)").arg(tag.name).arg(tag.postCount), tag.name);
    }
    const int index = m_tag->findData(current);
    m_tag->setCurrentIndex(index >= 0 ? index : 0);
    if (index < 0 && !current.isEmpty()) {
        // The last post with that tag lost it: show every post again.
        m_model->setTag({});
        QTimer::singleShot(0, this, &PostListPanel::filterChanged);
    }
}

void PostListPanel::showAll()
{
    const QSignalBlocker searchBlocker(m_search);
    const QSignalBlocker statusBlocker(m_status);
    const QSignalBlocker tagBlocker(m_tag);
    m_search->clear();
    m_status->setCurrentIndex(0);
    m_tag->setCurrentIndex(0);
    m_delegate->setSearch({});
    m_model->setSearch({});
    m_model->setStatus(std::nullopt);
    m_model->setTag({});
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
