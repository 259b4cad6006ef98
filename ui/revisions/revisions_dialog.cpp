#include "revisions/revisions_dialog.h"

#include "markdown/word_counter.h"
#include "revisions/diff_html.h"
#include "store/library.h"
#include "store/post_history.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace quire {

namespace {

// Below this many characters on both sides a diff takes a few milliseconds at most: done at once.
constexpr qsizetype AsyncDiffThreshold = 60000;

int wordCount(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    WordCounter counter;
    counter.addText(std::string_view(utf8.constData(), static_cast<size_t>(utf8.size())));
    return counter.count();
}

QTextBrowser *makeTextView(QWidget *parent)
{
    auto *view = new QTextBrowser(parent);
    view->setOpenLinks(false);
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    view->setFont(font);
    return view;
}

} // namespace

RevisionsDialog::RevisionsDialog(Library *library, const Post &current, QWidget *parent)
    : QDialog(parent)
    , m_library(library)
    , m_current(current)
{
    setWindowTitle(tr("History of “%1”").arg(current.title));
    resize(1100, 700);

    m_list = new QListWidget(this);
    m_list->setToolTip(tr("Saved versions of this post, newest first"));
    m_other = new QComboBox(this);
    m_other->setToolTip(tr("What the selected version is compared with"));
    m_sideBySide = new QCheckBox(tr("Side by si&de"), this);
    m_sideBySide->setToolTip(tr("Show the old and the new text next to each other"));
    m_summary = new QLabel(this);
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);

    m_inline = makeTextView(this);
    m_old = makeTextView(this);
    m_new = makeTextView(this);
    m_sides = new QSplitter(Qt::Horizontal, this);
    m_sides->addWidget(m_old);
    m_sides->addWidget(m_new);
    m_views = new QStackedWidget(this);
    m_views->addWidget(m_inline);
    m_views->addWidget(m_sides);
    connect(m_old->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] { syncScroll(m_old, m_new); });
    connect(m_new->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] { syncScroll(m_new, m_old); });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_restore = buttons->addButton(tr("&Restore This Version…"), QDialogButtonBox::ActionRole);
    m_restore->setToolTip(tr("Make the selected version the post's text again (the current text stays in the history)"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_restore, &QPushButton::clicked, this, &RevisionsDialog::restoreSelected);

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Compare with:"), this));
    controls->addWidget(m_other, 1);
    controls->addWidget(m_sideBySide);
    auto *diffColumn = new QVBoxLayout;
    diffColumn->addLayout(controls);
    diffColumn->addWidget(m_summary);
    diffColumn->addWidget(m_title);
    diffColumn->addWidget(m_views, 1);
    auto *diffPane = new QWidget(this);
    diffPane->setLayout(diffColumn);
    diffColumn->setContentsMargins(0, 0, 0, 0);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_list);
    split->addWidget(diffPane);
    split->setStretchFactor(1, 1);
    split->setSizes({280, 820});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);

    connect(&m_watcher, &QFutureWatcher<WordDiff>::finished, this, [this] {
        if (m_watcher.property("comparison").toInt() == m_comparison)
            showDiff(m_watcher.result());
    });
    connect(m_sideBySide, &QCheckBox::toggled, this, [this](bool on) { m_views->setCurrentIndex(on ? 1 : 0); });
    loadRevisions();
    connect(m_list, &QListWidget::currentRowChanged, this, &RevisionsDialog::compare);
    connect(m_other, &QComboBox::currentIndexChanged, this, &RevisionsDialog::compare);
    if (!m_revisions.isEmpty())
        m_list->setCurrentRow(0);
    compare();
}

// A diff still running works on copies of the texts: closing does not wait for it.
RevisionsDialog::~RevisionsDialog() = default;

QString RevisionsDialog::reasonText(RevisionReason reason)
{
    switch (reason) {
    case RevisionReason::Save:
        return tr("Saved");
    case RevisionReason::Autosave:
        return tr("Autosaved");
    case RevisionReason::Publish:
        return tr("Published");
    case RevisionReason::Import:
        return tr("Imported");
    case RevisionReason::Restore:
        return tr("Restored");
    }
    return tr("Saved");
}

QString RevisionsDialog::describe(const Revision &revision) const
{
    //: A version in the history: "25/11/2026 03:20 · Saved · 120 words"
    return tr("%1 · %2 · %3")
            .arg(QLocale().toString(revision.createdAt.toLocalTime(), QLocale::ShortFormat),
                 reasonText(revision.reason), tr("%n word(s)", nullptr, wordCount(revision.body)));
}

void RevisionsDialog::loadRevisions()
{
    m_other->addItem(tr("Current text"));
    const Result<QList<Revision>> loaded = m_library->history().revisions(m_current.id);
    if (!loaded) {
        m_summary->setText(tr("Could not read the history: %1").arg(loaded.errorMessage()));
        return;
    }
    m_revisions = *loaded;
    for (const Revision &revision : std::as_const(m_revisions)) {
        auto *item = new QListWidgetItem(describe(revision), m_list);
        item->setToolTip(revision.title);
        m_other->addItem(describe(revision));
    }
    if (m_revisions.isEmpty())
        m_summary->setText(tr("This post has no saved versions yet. Save with %1 to keep one.")
                                   .arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
}

RevisionsDialog::Side RevisionsDialog::side(int otherIndex) const
{
    if (otherIndex <= 0 || otherIndex > m_revisions.size())
        return {tr("the current text"), m_current.title, m_current.body};
    const Revision &revision = m_revisions.at(otherIndex - 1);
    return {describe(revision), revision.title, revision.body};
}

void RevisionsDialog::compare()
{
    ++m_comparison;
    const int row = m_list->currentRow();
    m_restore->setEnabled(row >= 0);
    if (row < 0 || row >= m_revisions.size()) {
        m_inline->clear();
        m_old->clear();
        m_new->clear();
        m_title->clear();
        return;
    }
    const Revision &old = m_revisions.at(row);
    const Side other = side(m_other->currentIndex());
    const QString before = old.body;
    const QString after = other.body;
    m_title->setVisible(old.title != other.title);
    if (old.title != other.title) {
        const DiffHtml html(palette());
        m_title->setText(tr("<b>Title:</b> %1").arg(html.fragment(WordDiff::compare(old.title, other.title).segments())));
    }
    if (before.size() + after.size() < AsyncDiffThreshold) {
        showDiff(WordDiff::compare(before, after));
        return;
    }
    // A long post rewritten in many places can take a while: keep the dialog responsive.
    m_summary->setText(tr("Comparing…"));
    m_watcher.setProperty("comparison", m_comparison);
    m_watcher.setFuture(QtConcurrent::run([before, after] { return WordDiff::compare(before, after); }));
}

void RevisionsDialog::showDiff(const WordDiff &diff)
{
    const DiffHtml html(palette());
    m_summary->setText(diff.summary());
    m_inline->setHtml(html.document(diff.segments(), DiffHtml::View::Inline));
    m_old->setHtml(html.document(diff.segments(), DiffHtml::View::OldSide));
    m_new->setHtml(html.document(diff.segments(), DiffHtml::View::NewSide));
}

void RevisionsDialog::syncScroll(QTextBrowser *from, QTextBrowser *to)
{
    if (m_syncing)
        return;
    // The two sides differ in length: keep them at the same proportion of their text.
    const QScrollBar *source = from->verticalScrollBar();
    QScrollBar *target = to->verticalScrollBar();
    const qreal at = source->maximum() > 0 ? qreal(source->value()) / source->maximum() : 0.0;
    m_syncing = true;
    target->setValue(qRound(at * target->maximum()));
    m_syncing = false;
}

void RevisionsDialog::restoreSelected()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_revisions.size())
        return;
    const Revision &revision = m_revisions.at(row);
    QMessageBox confirm(QMessageBox::Question, tr("Restore This Version"),
                        tr("Replace the post's text with the version of %1? The current text stays in the history.")
                                .arg(QLocale().toString(revision.createdAt.toLocalTime(), QLocale::ShortFormat)),
                        QMessageBox::Cancel, this);
    confirm.setObjectName(QStringLiteral("confirmRestore"));
    QPushButton *restore = confirm.addButton(tr("&Restore"), QMessageBox::AcceptRole);
    confirm.setDefaultButton(restore);
    confirm.exec();
    if (confirm.clickedButton() != restore)
        return;
    const Result<Post> done = m_library->history().restore(m_current.id, revision.id);
    if (!done) {
        QMessageBox::warning(this, tr("Could not restore"), done.errorMessage());
        return;
    }
    emit restored(m_current.id);
    accept();
}

} // namespace quire
