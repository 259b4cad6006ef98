#include "metadata/metadata_panel.h"

#include "editor/draft_session.h"
#include "editor/image_inserter.h"
#include "metadata/tag_line_edit.h"
#include "store/asset_store.h"
#include "store/library.h"
#include "store/post_rules.h"
#include "store/post_store.h"

#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

namespace quire {

namespace {

// Where the date field starts when the author first gives a post a date: the next full hour.
QDateTime nextFullHour(const QDateTime &now)
{
    const QDateTime local = now.toLocalTime();
    return QDateTime(local.date(), QTime(local.time().hour(), 0)).addSecs(3600);
}

QLabel *problemLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);   // messages quote titles and tags: never markup
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b3261e;"));
    label->hide();
    return label;
}

// The thumbnail's box, in device-independent pixels: small enough for a narrow dock.
constexpr QSize ThumbnailBox(72, 48);

// A small picture of the image, read at that size (a large JPEG is not decoded in full); null when
// Qt cannot read the format (an SVG without Qt's SVG plugin, an AVIF).
QPixmap thumbnailOf(const QByteArray &data, qreal pixelRatio)
{
    QBuffer buffer;
    buffer.setData(data);
    QImageReader reader(&buffer);
    const QSize box = ThumbnailBox * pixelRatio;
    const QSize size = reader.size();
    if (size.isValid() && (size.width() > box.width() || size.height() > box.height()))
        reader.setScaledSize(size.scaled(box, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (image.isNull())
        return {};
    if (image.width() > box.width() || image.height() > box.height())
        image = image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QPixmap pixmap = QPixmap::fromImage(image);
    pixmap.setDevicePixelRatio(pixelRatio);
    return pixmap;
}

QString pixelSize(const Asset &asset)
{
    if (asset.width <= 0 || asset.height <= 0)
        return QString();
    return MetadataPanel::tr("%1 × %2 pixels").arg(asset.width).arg(asset.height);
}

} // namespace

MetadataPanel::MetadataPanel(DraftSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    // With the session's half second, stored within about a second and a quarter of the pause.
    for (QTimer *pause : {&m_slugPause, &m_tagsPause}) {
        pause->setSingleShot(true);
        pause->setInterval(700);
    }
    buildForm();
    connectFields();
    load();
}

void MetadataPanel::buildForm()
{
    m_slug = new QLineEdit(this);
    m_slug->setObjectName(QStringLiteral("slug"));
    m_slug->setToolTip(tr("The last part of the post's address: lowercase letters, digits and hyphens. "
                          "A draft's slug follows its title until you change it here."));
    m_slugProblem = problemLabel(this);

    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->addItem(tr("Draft"), int(PostStatus::Draft));
    m_status->addItem(tr("Scheduled"), int(PostStatus::Scheduled));
    m_status->addItem(tr("Published"), int(PostStatus::Published));
    m_status->setToolTip(tr("Drafts stay private; a scheduled post goes out at its publish date"));

    m_dateSet = new QCheckBox(this);
    m_dateSet->setObjectName(QStringLiteral("dateSet"));
    m_dateSet->setToolTip(tr("Give the post a publish date"));
    m_date = new QDateTimeEdit(this);
    m_date->setObjectName(QStringLiteral("publishedAt"));
    m_date->setCalendarPopup(true);
    m_date->setTimeSpec(Qt::LocalTime);
    m_date->setToolTip(tr("When the post is (or will be) published, in your local time"));
    auto *dateRow = new QHBoxLayout;
    dateRow->setContentsMargins(0, 0, 0, 0);
    dateRow->addWidget(m_dateSet);
    dateRow->addWidget(m_date, 1);
    m_dateProblem = problemLabel(this);

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kind"));
    m_kind->setEditable(true);
    m_kind->setInsertPolicy(QComboBox::NoInsert);
    m_kind->setToolTip(tr("What sort of post this is: note, walkthrough, write-up…"));
    m_kindProblem = problemLabel(this);

    m_tags = new TagLineEdit(this);
    m_tags->setObjectName(QStringLiteral("tags"));
    m_tags->setPlaceholderText(tr("tag, another tag"));
    m_tags->setToolTip(tr("Tags separated by commas; the library's tags are offered as you type"));
    m_tagsProblem = problemLabel(this);

    m_summary = new QPlainTextEdit(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setTabChangesFocus(true);
    m_summary->setPlaceholderText(tr("A sentence or two for the post list and the feed"));
    m_summary->setFixedHeight(m_summary->fontMetrics().lineSpacing() * 6);
    m_summaryProblem = problemLabel(this);

    QWidget *cover = buildCoverField();
    m_coverProblem = problemLabel(this);

    auto *column = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    column->addLayout(form);
    column->addStretch(1);   // the fields stay together at the top of a tall dock
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("&Slug:"), m_slug);
    form->addRow(QString(), m_slugProblem);
    form->addRow(tr("S&tatus:"), m_status);
    form->addRow(tr("&Date:"), dateRow);
    form->addRow(QString(), m_dateProblem);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(QString(), m_kindProblem);
    form->addRow(tr("T&ags:"), m_tags);
    form->addRow(QString(), m_tagsProblem);
    form->addRow(tr("S&ummary:"), m_summary);
    form->addRow(QString(), m_summaryProblem);
    form->addRow(tr("Co&ver:"), cover);
    form->addRow(QString(), m_coverProblem);
    qobject_cast<QLabel *>(form->labelForField(dateRow))->setBuddy(m_date);
    qobject_cast<QLabel *>(form->labelForField(cover))->setBuddy(m_coverChoose);
}

// Thumbnail and name over the buttons: the dock is narrow, and a name may be long.
QWidget *MetadataPanel::buildCoverField()
{
    auto *field = new QWidget(this);
    field->setObjectName(QStringLiteral("cover"));
    m_images = new ImageInserter(this);

    m_coverThumbnail = new QLabel(field);
    m_coverThumbnail->setObjectName(QStringLiteral("coverThumbnail"));
    m_coverThumbnail->setFixedSize(ThumbnailBox);
    m_coverThumbnail->setAlignment(Qt::AlignCenter);
    m_coverThumbnail->setFrameShape(QFrame::StyledPanel);
    m_coverName = new QLabel(field);
    m_coverName->setObjectName(QStringLiteral("coverName"));
    m_coverName->setTextFormat(Qt::PlainText);
    m_coverName->setWordWrap(true);
    m_coverName->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_coverChoose = new QPushButton(tr("Choose…"), field);
    m_coverChoose->setObjectName(QStringLiteral("coverChoose"));
    m_coverChoose->setToolTip(tr("Pick an image file (PNG, JPEG, GIF, WebP, SVG or AVIF) to show at the top of the post "
                                 "and when the post is shared; it is kept in the library"));
    m_coverMenu = new QMenu(field);
    m_coverMenu->setToolTipsVisible(true);
    m_coverLibrary = new QToolButton(field);
    m_coverLibrary->setObjectName(QStringLiteral("coverLibrary"));
    m_coverLibrary->setText(tr("Library"));
    m_coverLibrary->setToolTip(tr("Use an image the library already holds as the cover"));
    m_coverLibrary->setPopupMode(QToolButton::InstantPopup);
    m_coverLibrary->setMenu(m_coverMenu);
    m_coverRemove = new QPushButton(tr("Remove"), field);
    m_coverRemove->setObjectName(QStringLiteral("coverRemove"));
    m_coverRemove->setToolTip(tr("Show no cover image with this post (the image stays in the library)"));

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_coverChoose);
    buttons->addWidget(m_coverLibrary);
    buttons->addWidget(m_coverRemove);
    buttons->addStretch(1);
    auto *picture = new QHBoxLayout;
    picture->setContentsMargins(0, 0, 0, 0);
    picture->addWidget(m_coverThumbnail);
    picture->addWidget(m_coverName, 1);
    auto *layout = new QVBoxLayout(field);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(picture);
    layout->addLayout(buttons);
    return field;
}

void MetadataPanel::connectFields()
{
    connect(m_session, &DraftSession::postChanged, this, &MetadataPanel::load);
    connect(m_session, &DraftSession::slugFollowedTitle, this, [this](const QString &slug) {
        m_slugPause.stop();
        m_slug->setText(slug);
        showProblem(m_slugProblem, {});
    });
    connect(m_slug, &QLineEdit::textEdited, this, [this](const QString &slug) {
        showProblem(m_slugProblem, slugProblemOf(slug));
        m_slugPause.start();
    });
    connect(&m_slugPause, &QTimer::timeout, this, &MetadataPanel::commitSlug);
    connect(m_slug, &QLineEdit::editingFinished, this, &MetadataPanel::commitSlug);
    connect(m_status, &QComboBox::activated, this, &MetadataPanel::statusChosen);
    connect(m_dateSet, &QCheckBox::clicked, this, &MetadataPanel::commitStatusAndDate);
    connect(m_date, &QDateTimeEdit::dateTimeChanged, this, [this] {
        if (!m_loading)
            commitStatusAndDate();
    });
    connect(m_kind->lineEdit(), &QLineEdit::textEdited, this, &MetadataPanel::kindEdited);
    connect(m_kind, &QComboBox::activated, this, [this] { kindEdited(m_kind->currentText()); });
    connect(m_tags, &QLineEdit::textEdited, this, [this] {
        showProblem(m_tagsProblem, PostRules::tags(m_tags->tags()).problem);
        m_tagsPause.start();
    });
    connect(&m_tagsPause, &QTimer::timeout, this, &MetadataPanel::commitTags);
    connect(m_tags, &TagLineEdit::tagFinished, this, &MetadataPanel::commitTags);
    connect(m_tags, &QLineEdit::editingFinished, this, [this] {
        commitTags();
        // Tidy the line once the author is done with it, unless that would drop a refused tag.
        if (PostRules::tags(m_tags->tags()).problem.isEmpty() && m_session->hasPost())
            m_tags->setTags(m_session->post().tags);
    });
    connect(m_summary, &QPlainTextEdit::textChanged, this, &MetadataPanel::summaryEdited);
    connect(m_coverChoose, &QPushButton::clicked, this, &MetadataPanel::chooseCoverWithDialog);
    connect(m_coverMenu, &QMenu::aboutToShow, this, &MetadataPanel::fillCoverMenu);
    connect(m_coverRemove, &QPushButton::clicked, this, &MetadataPanel::removeCover);
}

void MetadataPanel::load()
{
    m_loading = true;
    m_slugPause.stop();
    m_tagsPause.stop();
    const Post &post = m_session->post();
    setEnabled(m_session->hasPost());
    m_slug->setText(post.slug);
    m_status->setCurrentIndex(m_status->findData(int(post.status)));
    m_dateSet->setChecked(post.publishedAt.isValid());
    Library *library = m_session->library();
    const QDateTime now = library ? library->now() : QDateTime::currentDateTimeUtc();
    m_date->setDateTime(post.publishedAt.isValid() ? post.publishedAt.toLocalTime() : nextFullHour(now));
    m_date->setEnabled(post.publishedAt.isValid());
    loadChoices();
    m_kind->setCurrentText(post.kind);
    m_tags->setTags(post.tags);
    m_tags->setCursorPosition(0);   // a long line shows its first tags
    m_summary->setPlainText(post.summary);
    showCover();
    for (QLabel *label : {m_slugProblem, m_dateProblem, m_kindProblem, m_tagsProblem, m_summaryProblem, m_coverProblem})
        showProblem(label, {});
    m_loading = false;
}

void MetadataPanel::loadChoices()
{
    Library *library = m_session->library();
    QStringList tags;
    QStringList kinds;
    if (library) {
        // A tag no post carries any more (or one half typed before a pause) is not offered.
        if (auto all = library->posts().tags()) {
            for (const Tag &tag : *all) {
                if (tag.postCount > 0)
                    tags.append(tag.name);
            }
        }
        if (auto used = library->posts().kinds())
            kinds = *used;
    }
    m_tags->setKnownTags(tags);
    const QString kind = m_kind->currentText();
    m_kind->clear();
    m_kind->addItems(kinds);
    m_kind->setCurrentText(kind);
}

QString MetadataPanel::slugProblemOf(const QString &slug) const
{
    const QString problem = PostRules::slugProblem(slug);
    return problem.isEmpty() ? slugTakenBy(slug) : problem;
}

void MetadataPanel::commitSlug()
{
    m_slugPause.stop();
    if (m_loading || !m_session->hasPost())
        return;
    const QString slug = m_slug->text();
    const QString problem = slugProblemOf(slug);
    showProblem(m_slugProblem, problem);
    if (problem.isEmpty())
        m_session->setSlug(slug);
}

QString MetadataPanel::slugTakenBy(const QString &slug) const
{
    Library *library = m_session->library();
    if (!library)
        return {};
    const auto owner = library->posts().bySlug(slug);
    if (!owner)
        return owner.errorMessage();
    if (*owner && (*owner)->id != m_session->post().id)
        return tr("The post “%1” already uses this slug.").arg((*owner)->title);
    return {};
}

void MetadataPanel::statusChosen()
{
    if (m_loading || !m_session->hasPost())
        return;
    if (PostStatus(m_status->currentData().toInt()) == PostStatus::Published && !m_dateSet->isChecked()) {
        // Publishing without a date publishes now.
        Library *library = m_session->library();
        m_loading = true;
        m_dateSet->setChecked(true);
        m_date->setDateTime((library ? library->now() : QDateTime::currentDateTimeUtc()).toLocalTime());
        m_loading = false;
    }
    commitStatusAndDate();
}

void MetadataPanel::commitStatusAndDate()
{
    if (m_loading || !m_session->hasPost())
        return;
    const auto status = PostStatus(m_status->currentData().toInt());
    Library *library = m_session->library();
    const QDateTime now = library ? library->now() : QDateTime::currentDateTimeUtc();
    m_date->setEnabled(m_dateSet->isChecked());
    const QDateTime date = m_dateSet->isChecked() ? m_date->dateTime().toUTC() : QDateTime();
    const QString problem = PostRules::dateProblem(status, date, now);
    showProblem(m_dateProblem, problem);
    if (!problem.isEmpty())
        return;
    m_session->setPublishedAt(date);
    m_session->setStatus(status);
}

void MetadataPanel::commitTags()
{
    m_tagsPause.stop();
    if (m_loading || !m_session->hasPost())
        return;
    const PostRules::Tags tags = PostRules::tags(m_tags->tags());
    showProblem(m_tagsProblem, tags.problem);
    m_session->setTags(tags.names);
}

void MetadataPanel::summaryEdited()
{
    if (m_loading)
        return;
    const QString summary = m_summary->toPlainText();
    const QString problem = PostRules::summaryProblem(summary);
    showProblem(m_summaryProblem, problem);
    if (problem.isEmpty())
        m_session->setSummary(summary);
}

void MetadataPanel::kindEdited(const QString &kind)
{
    if (m_loading)
        return;
    const QString problem = PostRules::kindProblem(kind);
    showProblem(m_kindProblem, problem);
    if (problem.isEmpty())
        m_session->setKind(kind.trimmed());
}

void MetadataPanel::showCover()
{
    const std::optional<qint64> id = m_session->post().coverAssetId;
    Library *library = m_session->library();
    std::optional<Asset> asset;
    if (id && library) {
        if (Result<std::optional<Asset>> found = library->assets().byId(*id); found)
            asset = *found;
    }
    m_coverRemove->setEnabled(id.has_value());
    if (!asset) {
        m_coverName->setText(id ? tr("The cover image is no longer in the library.") : tr("None"));
        m_coverName->setToolTip(QString());
        m_coverThumbnail->clear();
        m_coverThumbnail->hide();
        m_thumbnailOf = 0;
        return;
    }
    m_coverName->setText(asset->name);
    m_coverName->setToolTip(pixelSize(*asset));
    m_coverThumbnail->show();
    if (m_thumbnailOf == asset->id)
        return;
    m_thumbnailOf = asset->id;
    QPixmap thumbnail;
    if (Result<std::optional<Asset>> withData = library->assets().byName(asset->name); withData && *withData)
        thumbnail = thumbnailOf((*withData)->data, devicePixelRatioF());
    if (thumbnail.isNull())
        m_coverThumbnail->setText(tr("Image"));   // a format Qt cannot draw here; the page shows it
    else
        m_coverThumbnail->setPixmap(thumbnail);
}

void MetadataPanel::chooseCoverWithDialog()
{
    if (!m_session->hasPost())
        return;
    if (m_coverFolder.isEmpty() || !QFileInfo(m_coverFolder).isDir()) {
        // Home when there is no Pictures folder: the dialog would offer "Pictures" as a file name.
        const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
        m_coverFolder = QFileInfo(pictures).isDir() ? pictures : QDir::homePath();
    }
    const QString path = QFileDialog::getOpenFileName(
            this, tr("Choose a Cover Image"), m_coverFolder,
            tr("Images (*.png *.jpg *.jpeg *.gif *.webp *.svg *.avif);;All files (*)"));
    if (path.isEmpty())
        return;
    m_coverFolder = QFileInfo(path).absolutePath();
    chooseCoverFile(path);
}

bool MetadataPanel::chooseCoverFile(const QString &path)
{
    Library *library = m_session->library();
    if (!m_session->hasPost() || !library)
        return false;
    m_images->setLibrary(library);
    const Result<Asset> stored = m_images->storeFile(path);
    if (!stored) {
        showProblem(m_coverProblem, stored.errorMessage());
        return false;
    }
    showProblem(m_coverProblem, {});
    m_session->setCover(stored->id);
    showCover();
    return true;
}

bool MetadataPanel::chooseCoverAsset(const QString &name)
{
    Library *library = m_session->library();
    if (!m_session->hasPost() || !library)
        return false;
    const Result<std::optional<Asset>> asset = library->assets().byName(name);
    if (!asset || !*asset) {
        showProblem(m_coverProblem, asset ? tr("There is no image called “%1” in the library.").arg(name)
                                          : asset.errorMessage());
        return false;
    }
    showProblem(m_coverProblem, {});
    m_session->setCover((*asset)->id);
    showCover();
    return true;
}

void MetadataPanel::removeCover()
{
    showProblem(m_coverProblem, {});
    m_session->setCover(std::nullopt);
    showCover();
}

// Filled as it opens: images pasted into the editor since are offered too.
void MetadataPanel::fillCoverMenu()
{
    m_coverMenu->clear();
    Library *library = m_session->library();
    const Result<QList<Asset>> assets = library ? library->assets().list() : Result<QList<Asset>>(QList<Asset>());
    if (!assets) {
        m_coverMenu->addAction(assets.errorMessage())->setEnabled(false);
        return;
    }
    if (assets->isEmpty()) {
        m_coverMenu->addAction(tr("The library holds no images yet"))->setEnabled(false);
        return;
    }
    const std::optional<qint64> current = m_session->post().coverAssetId;
    for (const Asset &asset : *assets) {
        // A name is never markup, but & would be taken for a shortcut.
        QAction *action = m_coverMenu->addAction(QString(asset.name).replace(u'&', QLatin1String("&&")));
        action->setCheckable(true);
        action->setChecked(current == asset.id);
        action->setToolTip(pixelSize(asset));
        const QString name = asset.name;
        connect(action, &QAction::triggered, this, [this, name] { chooseCoverAsset(name); });
    }
}

void MetadataPanel::showProblem(QLabel *label, const QString &problem)
{
    label->setText(problem);
    label->setVisible(!problem.isEmpty());
}

} // namespace quire
