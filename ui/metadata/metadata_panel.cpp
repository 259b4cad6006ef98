#include "metadata/metadata_panel.h"

#include "editor/draft_session.h"
#include "metadata/metadata_rules.h"
#include "metadata/tag_line_edit.h"
#include "store/library.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
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
    qobject_cast<QLabel *>(form->labelForField(dateRow))->setBuddy(m_date);
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
        showProblem(m_tagsProblem, MetadataRules::parseTags(m_tags->text()).problem);
        m_tagsPause.start();
    });
    connect(&m_tagsPause, &QTimer::timeout, this, &MetadataPanel::commitTags);
    connect(m_tags, &TagLineEdit::tagFinished, this, &MetadataPanel::commitTags);
    connect(m_tags, &QLineEdit::editingFinished, this, [this] {
        commitTags();
        // Tidy the line once the author is done with it, unless that would drop a refused tag.
        const MetadataRules::Tags tags = MetadataRules::parseTags(m_tags->text());
        if (tags.problem.isEmpty() && m_session->hasPost())
            m_tags->setText(MetadataRules::joinTags(m_session->post().tags));
    });
    connect(m_summary, &QPlainTextEdit::textChanged, this, &MetadataPanel::summaryEdited);
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
    m_tags->setText(MetadataRules::joinTags(post.tags));
    m_tags->setCursorPosition(0);   // a long line shows its first tags
    m_summary->setPlainText(post.summary);
    for (QLabel *label : {m_slugProblem, m_dateProblem, m_kindProblem, m_tagsProblem, m_summaryProblem})
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
        if (auto all = library->tags()) {
            for (const Tag &tag : *all) {
                if (tag.postCount > 0)
                    tags.append(tag.name);
            }
        }
        if (auto used = library->kinds())
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
    const QString problem = MetadataRules::slugProblem(slug);
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
    const auto owner = library->postBySlug(slug);
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
    const QString problem = MetadataRules::dateProblem(status, date, now);
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
    const MetadataRules::Tags tags = MetadataRules::parseTags(m_tags->text());
    showProblem(m_tagsProblem, tags.problem);
    m_session->setTags(tags.names);
}

void MetadataPanel::summaryEdited()
{
    if (m_loading)
        return;
    const QString summary = m_summary->toPlainText();
    const QString problem = MetadataRules::summaryProblem(summary);
    showProblem(m_summaryProblem, problem);
    if (problem.isEmpty())
        m_session->setSummary(summary);
}

void MetadataPanel::kindEdited(const QString &kind)
{
    if (m_loading)
        return;
    const QString problem = MetadataRules::kindProblem(kind);
    showProblem(m_kindProblem, problem);
    if (problem.isEmpty())
        m_session->setKind(kind.trimmed());
}

void MetadataPanel::showProblem(QLabel *label, const QString &problem)
{
    label->setText(problem);
    label->setVisible(!problem.isEmpty());
}

} // namespace quire
