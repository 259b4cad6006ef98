#include "assets/asset_browser_dialog.h"

#include "assets/asset_list_model.h"
#include "store/asset_store.h"
#include "store/image_intake.h"
#include "store/library.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QIcon>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPalette>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace quire {

namespace {

constexpr int PostIdRole = Qt::UserRole + 1;

} // namespace

AssetBrowserDialog::AssetBrowserDialog(Library *library, QWidget *parent)
    : QDialog(parent),
      m_library(library),
      m_model(new AssetListModel(library, this))
{
    setWindowTitle(tr("Assets"));

    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter by name or alt text"));
    m_filter->setClearButtonEnabled(true);
    m_unusedOnly = new QCheckBox(tr("Show &unused only"), this);
    m_unusedOnly->setToolTip(tr("Show only the images no post shows or has as its cover"));
    connect(m_filter, &QLineEdit::textChanged, this, &AssetBrowserDialog::applyFilter);
    connect(m_unusedOnly, &QCheckBox::toggled, this, &AssetBrowserDialog::applyFilter);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_unusedOnly);

    m_view = new QListView(this);
    m_view->setViewMode(QListView::IconMode);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setMovement(QListView::Static);
    m_view->setUniformItemSizes(true);
    m_view->setWordWrap(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setIconSize(QSize(AssetListModel::ThumbnailSize, AssetListModel::ThumbnailSize));
    m_view->setGridSize(QSize(AssetListModel::ThumbnailSize + 40, AssetListModel::ThumbnailSize + 44));
    m_view->setSpacing(4);
    // The selected image stays marked while the writer types its alt text or filters the list.
    QPalette palette = m_view->palette();
    for (const QPalette::ColorRole role : {QPalette::Highlight, QPalette::HighlightedText})
        palette.setColor(QPalette::Inactive, role, palette.color(QPalette::Active, role));
    m_view->setPalette(palette);
    m_view->setModel(m_model);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AssetBrowserDialog::showSelection);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_view);
    splitter->addWidget(createDetails());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_summary = new QLabel(this);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setForegroundRole(QPalette::Link);
    m_problem->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *bottomRow = new QHBoxLayout;
    bottomRow->addWidget(m_summary, 1);
    bottomRow->addWidget(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_problem);
    layout->addLayout(bottomRow);
    resize(980, 620);

    reload();
}

AssetBrowserDialog::~AssetBrowserDialog() = default;

QWidget *AssetBrowserDialog::createDetails()
{
    auto *details = new QWidget(this);
    m_preview = new QLabel(details);
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setMinimumHeight(AssetListModel::ThumbnailSize);
    m_details = new QLabel(details);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_alt = new QLineEdit(details);
    m_alt->setPlaceholderText(tr("Describe the image for readers who cannot see it"));
    m_alt->setToolTip(tr("The alt text of the image where it is a post's cover; saved when you leave the field"));
    connect(m_alt, &QLineEdit::editingFinished, this, &AssetBrowserDialog::storeAlt);

    m_users = new QListWidget(details);
    m_users->setToolTip(tr("Double-click a post to open it in the editor"));
    connect(m_users, &QListWidget::itemActivated, this, &AssetBrowserDialog::activateUser);

    m_rename = new QPushButton(tr("&Rename…"), details);
    m_replace = new QPushButton(tr("Re&place…"), details);
    m_delete = new QPushButton(tr("&Delete…"), details);
    connect(m_rename, &QPushButton::clicked, this, &AssetBrowserDialog::askRename);
    connect(m_replace, &QPushButton::clicked, this, &AssetBrowserDialog::askReplace);
    connect(m_delete, &QPushButton::clicked, this, &AssetBrowserDialog::askDelete);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_rename);
    actions->addWidget(m_replace);
    actions->addWidget(m_delete);
    actions->addStretch(1);

    auto *form = new QFormLayout;
    form->addRow(tr("&Alt text:"), m_alt);
    auto *usedBy = new QLabel(tr("Used &by:"), details);
    usedBy->setBuddy(m_users);

    auto *layout = new QVBoxLayout(details);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_preview);
    layout->addWidget(m_details);
    layout->addLayout(form);
    layout->addWidget(usedBy);
    layout->addWidget(m_users, 1);
    layout->addLayout(actions);
    return details;
}

void AssetBrowserDialog::setSaveEditor(std::function<Result<void>()> saveEditor)
{
    m_saveEditor = std::move(saveEditor);
}

bool AssetBrowserDialog::event(QEvent *event)
{
    // The writer may have added or removed an image in the editor meanwhile.
    if (event->type() == QEvent::WindowActivate && isVisible())
        reload();
    return QDialog::event(event);
}

void AssetBrowserDialog::reload()
{
    const QStringList selected = selectedNames();
    if (Result<void> loaded = m_model->reload(); !loaded)
        showProblem(tr("Could not read the library's images: %1").arg(loaded.errorMessage()));
    m_summary->setText(tr("Images: %1 · unused: %2").arg(m_model->assetCount()).arg(m_model->unusedCount()));
    if (selectedNames() != selected) {   // the model was reset
        QItemSelection selection;
        for (const QString &name : selected) {
            const int row = m_model->rowOf(name);
            if (row >= 0)
                selection.select(m_model->index(row), m_model->index(row));
        }
        m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    }
    showSelection();
}

bool AssetBrowserDialog::selectAsset(const QString &name)
{
    if (m_model->rowOf(name) < 0 && (!m_filter->text().isEmpty() || m_unusedOnly->isChecked())) {
        m_filter->clear();
        m_unusedOnly->setChecked(false);
    }
    const int row = m_model->rowOf(name);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    m_view->scrollTo(index);
    return true;
}

QStringList AssetBrowserDialog::selectedNames() const
{
    QStringList names;
    const QModelIndexList rows = m_view->selectionModel()->selectedIndexes();
    for (const QModelIndex &index : rows)
        names.append(index.data(AssetListModel::NameRole).toString());
    names.sort();
    return names;
}

QString AssetBrowserDialog::selectedName() const
{
    const QStringList names = selectedNames();
    return names.size() == 1 ? names.first() : QString();
}

void AssetBrowserDialog::applyFilter()
{
    const QStringList selected = selectedNames();
    m_model->setFilter(m_filter->text(), m_unusedOnly->isChecked());
    for (const QString &name : selected) {
        const int row = m_model->rowOf(name);
        if (row >= 0)
            m_view->selectionModel()->select(m_model->index(row), QItemSelectionModel::Select);
    }
    showSelection();
}

void AssetBrowserDialog::showSelection()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedIndexes();
    m_users->clear();
    if (rows.size() != 1) {
        m_preview->clear();
        m_details->setText(rows.isEmpty() ? tr("Select an image to see its details.")
                                          : tr("%n image(s) selected.", nullptr, int(rows.size())));
        m_alt->clear();
        m_alt->setEnabled(false);
        updateButtons();
        return;
    }
    const int row = rows.first().row();
    const Asset &asset = m_model->asset(row);
    m_preview->setPixmap(rows.first().data(Qt::DecorationRole).value<QIcon>().pixmap(AssetListModel::ThumbnailSize));
    const QString pixels = asset.width > 0 && asset.height > 0 ? tr("%1 × %2 pixels").arg(asset.width).arg(asset.height)
                                                               : tr("size in pixels unknown");
    m_details->setText(tr("%1\n%2 · %3 · %4").arg(asset.name, asset.mimeType,
                                                  QLocale().formattedDataSize(asset.size), pixels));
    m_alt->setEnabled(true);
    m_alt->setText(asset.alt);
    for (const AssetUser &user : m_model->users(row)) {
        const QString title = user.title.isEmpty() ? tr("(untitled)") : user.title;
        QString text = title;
        if (user.asCover)
            text = user.inBody ? tr("%1 (cover, and in the text)").arg(title) : tr("%1 (cover)").arg(title);
        auto *item = new QListWidgetItem(text, m_users);
        item->setData(PostIdRole, user.postId);
    }
    if (m_model->users(row).isEmpty()) {
        auto *item = new QListWidgetItem(tr("No post uses this image."), m_users);
        item->setFlags(Qt::NoItemFlags);
    }
    updateButtons();
}

void AssetBrowserDialog::updateButtons()
{
    const QStringList names = selectedNames();
    const bool one = names.size() == 1;
    m_rename->setEnabled(one);
    m_replace->setEnabled(one);
    m_rename->setToolTip(one ? tr("Give the image another name; the posts that show it are updated")
                             : tr("Select one image to rename it"));
    m_replace->setToolTip(one ? tr("Put another picture in its place, under the same name")
                              : tr("Select one image to replace it"));

    QStringList used;
    for (const QModelIndex &index : m_view->selectionModel()->selectedIndexes()) {
        if (index.data(AssetListModel::UsedRole).toBool())
            used.append(index.data(AssetListModel::NameRole).toString());
    }
    m_delete->setEnabled(!names.isEmpty() && used.isEmpty());
    if (names.isEmpty())
        m_delete->setToolTip(tr("Select the unused images to delete"));
    else if (!used.isEmpty())
        m_delete->setToolTip(tr("Posts still use %1: remove the image from them first").arg(used.join(QStringLiteral(", "))));
    else
        m_delete->setToolTip(tr("Delete the selected images from the library"));
}

Result<void> AssetBrowserDialog::saveEditor()
{
    if (!m_saveEditor)
        return {};
    if (Result<void> saved = m_saveEditor(); !saved)
        return Error{tr("The open post could not be saved first, so nothing was changed: %1").arg(saved.errorMessage())};
    return {};
}

void AssetBrowserDialog::showProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

Result<void> AssetBrowserDialog::report(Result<void> result, const QString &what)
{
    showProblem(result ? QString() : what.arg(result.errorMessage()));
    return result;
}

Result<void> AssetBrowserDialog::renameSelected(const QString &wantedName)
{
    const QString name = selectedName();
    const QString what = tr("Could not rename “%1”: %2").arg(name, QStringLiteral("%1"));
    if (name.isEmpty())
        return report(Error{tr("Select one image.")}, what);
    if (Result<void> saved = saveEditor(); !saved)
        return report(saved, what);
    const Result<Asset> renamed = m_library->assets().rename(name, wantedName);
    if (!renamed)
        return report(renamed.error(), what);
    reload();
    selectAsset(renamed->name);
    emit postsChanged();
    return report({}, what);
}

Result<void> AssetBrowserDialog::replaceSelected(const QString &filePath)
{
    const QString name = selectedName();
    const QString what = tr("Could not replace “%1”: %2").arg(name, QStringLiteral("%1"));
    if (name.isEmpty())
        return report(Error{tr("Select one image.")}, what);
    QFile file(filePath);
    if (file.size() > ImageIntake::MaxSize)   // refused anyway: do not read it all first
        return report(Error{tr("The file is bigger than the library keeps (%1).")
                                    .arg(QLocale().formattedDataSize(ImageIntake::MaxSize))}, what);
    if (!file.open(QIODevice::ReadOnly))
        return report(Error{tr("%1 cannot be read: %2").arg(QDir::toNativeSeparators(filePath), file.errorString())}, what);
    const QByteArray data = file.readAll();
    if (Result<void> saved = saveEditor(); !saved)
        return report(saved, what);
    const Result<Asset> replaced = m_library->assets().replace(name, data);
    if (!replaced)
        return report(replaced.error(), what);
    reload();
    selectAsset(replaced->name);
    emit postsChanged();
    return report({}, what);
}

Result<void> AssetBrowserDialog::deleteSelected()
{
    const QStringList names = selectedNames();
    const QString what = tr("Could not delete: %1");
    if (names.isEmpty())
        return report(Error{tr("Select the images to delete.")}, what);
    // The editor's text may use the image since the list was read.
    if (Result<void> saved = saveEditor(); !saved)
        return report(saved, what);
    const Result<void> deleted = m_library->assets().removeUnused(names);
    reload();
    return report(deleted, what);
}

Result<void> AssetBrowserDialog::setSelectedAlt(const QString &alt)
{
    const QString name = selectedName();
    const QString what = tr("Could not save the alt text of “%1”: %2").arg(name, QStringLiteral("%1"));
    if (name.isEmpty())
        return report(Error{tr("Select one image.")}, what);
    const Result<void> stored = m_library->assets().setAlt(name, alt.trimmed());
    if (!stored)
        return report(stored, what);
    reload();
    return report({}, what);
}

void AssetBrowserDialog::askRename()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    const qsizetype dot = name.lastIndexOf(u'.');
    bool ok = false;
    const QString wanted = QInputDialog::getText(
            this, tr("Rename Image"),
            tr("New name for “%1” (the extension stays .%2; posts that show it are updated):").arg(name, name.mid(dot + 1)),
            QLineEdit::Normal, name.left(dot), &ok);
    if (ok && wanted.trimmed() != name.left(dot))
        (void)renameSelected(wanted);   // an empty name is refused in words
}

void AssetBrowserDialog::askReplace()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    const QString path = QFileDialog::getOpenFileName(
            this, tr("Replace “%1”").arg(name), QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
            tr("Images (*.png *.jpg *.jpeg *.gif *.webp *.svg *.avif);;All files (*)"));
    if (!path.isEmpty())
        (void)replaceSelected(path);
}

void AssetBrowserDialog::askDelete()
{
    const QStringList names = selectedNames();
    if (names.isEmpty())
        return;
    const auto answer = QMessageBox::question(
            this, tr("Delete Images"),
            tr("Delete %n image(s) from the library? No post uses them. This cannot be undone.\n\n%1", nullptr,
               int(names.size()))
                    .arg(names.join(u'\n')),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        (void)deleteSelected();
}

void AssetBrowserDialog::storeAlt()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    const int row = m_model->rowOf(name);
    if (row < 0 || m_model->asset(row).alt == m_alt->text().trimmed())
        return;
    (void)setSelectedAlt(m_alt->text());
}

void AssetBrowserDialog::activateUser(QListWidgetItem *item)
{
    const qint64 id = item->data(PostIdRole).toLongLong();
    if (id > 0)
        emit postActivated(id);
}

} // namespace quire
