#include "publish/publish_dialog.h"

#include "images/qt_image_scaler.h"
#include "publish/publish_target_dialog.h"
#include "publish/publish_targets.h"
#include "store/library.h"
#include "tasks/background_task.h"

#include <QCloseEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace quire {

namespace {

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1);
}

// "+", "~", "-": what diff and rsync users read at a glance.
QString changeMark(Publisher::Change::Kind kind)
{
    switch (kind) {
    case Publisher::Change::Kind::Added:
        return QStringLiteral("+");
    case Publisher::Change::Kind::Changed:
        return QStringLiteral("~");
    case Publisher::Change::Kind::Removed:
        return QStringLiteral("−");
    }
    return {};
}

} // namespace

PublishDialog::PublishDialog(Library *library, QWidget *parent)
    : QDialog(parent)
    , m_library(library)
    , m_task(new BackgroundTask(this))
{
    setWindowTitle(tr("Publish"));
    auto *splitter = new QSplitter(this);
    splitter->addWidget(createTargets());
    splitter->addWidget(createWork());
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_task, &BackgroundTask::progress, this, [this](int done, int total) {
        m_progress->setMaximum(qMax(total, 1));
        m_progress->setValue(done);
    });
    connect(m_task, &BackgroundTask::line, this, &PublishDialog::appendLog);
    connect(m_task, &BackgroundTask::finished, this, &PublishDialog::finishRun);

    loadTargets();
    resize(860, 560);
}

// The job writes into this dialog's members: it must end before they do.
PublishDialog::~PublishDialog()
{
    delete m_task;
}

QWidget *PublishDialog::createTargets()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("&Targets:"), box);
    m_targets = new QListWidget(box);
    label->setBuddy(m_targets);
    m_targets->setToolTip(tr("Where the blog is published; each is set up once"));
    connect(m_targets, &QListWidget::currentRowChanged, this, [this] {
        m_changes->clear();
        showSummary(QString(), false);
        updateButtons();
    });
    connect(m_targets, &QListWidget::itemActivated, this, &PublishDialog::editTarget);

    m_add = new QPushButton(QIcon::fromTheme(QStringLiteral("list-add")), tr("&Add…"), box);
    m_add->setToolTip(tr("Set up a folder, a git branch or an rsync destination to publish to"));
    m_edit = new QPushButton(QIcon::fromTheme(QStringLiteral("document-edit")), tr("&Edit…"), box);
    m_remove = new QPushButton(QIcon::fromTheme(QStringLiteral("list-remove")), tr("Re&move"), box);
    m_remove->setToolTip(tr("Forget this target; nothing at the target is touched"));
    connect(m_add, &QPushButton::clicked, this, &PublishDialog::addTarget);
    connect(m_edit, &QPushButton::clicked, this, &PublishDialog::editTarget);
    connect(m_remove, &QPushButton::clicked, this, &PublishDialog::removeTarget);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);

    layout->addWidget(label);
    layout->addWidget(m_targets, 1);
    layout->addLayout(buttons);
    return box;
}

QWidget *PublishDialog::createWork()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *changesLabel = new QLabel(tr("What changes at the target:"), box);
    m_changes = new QTreeWidget(box);
    m_changes->setRootIsDecorated(false);
    m_changes->setUniformRowHeights(true);
    m_changes->setHeaderLabels({QString(), tr("File")});
    m_changes->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    auto *logLabel = new QLabel(tr("&Log:"), box);
    m_log = new QPlainTextEdit(box);
    logLabel->setBuddy(m_log);
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setMaximumBlockCount(20000);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_progress = new QProgressBar(box);
    m_progress->setValue(0);
    m_summary = new QLabel(box);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_dryRun = new QPushButton(tr("&Dry Run"), box);
    m_dryRun->setToolTip(tr("Build the site and list what publishing would change, without changing anything"));
    m_publish = new QPushButton(QIcon::fromTheme(QStringLiteral("document-send")), tr("&Publish"), box);
    m_publish->setToolTip(tr("Build the site without drafts and send it to the target"));
    m_cancel = new QPushButton(tr("&Cancel"), box);
    m_cancel->setToolTip(tr("Stop; what is already at the target stays whole"));
    m_close = new QPushButton(tr("Close"), box);
    connect(m_dryRun, &QPushButton::clicked, this, &PublishDialog::startDryRun);
    connect(m_publish, &QPushButton::clicked, this, &PublishDialog::startPublish);
    connect(m_cancel, &QPushButton::clicked, m_task, &BackgroundTask::cancel);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_dryRun);
    buttons->addStretch(1);
    buttons->addWidget(m_publish);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_close);

    layout->addWidget(changesLabel);
    layout->addWidget(m_changes, 2);
    layout->addWidget(logLabel);
    layout->addWidget(m_log, 3);
    layout->addWidget(m_progress);
    layout->addWidget(m_summary);
    layout->addLayout(buttons);
    return box;
}

void PublishDialog::loadTargets(const QString &select)
{
    const QString wanted = select.isEmpty() ? currentTarget() : select;
    m_targets->clear();
    Result<QList<PublishTarget>> targets = PublishTargets::list(*m_library);
    if (!targets) {
        m_summary->setText(targets.errorMessage());
        updateButtons();
        return;
    }
    for (const PublishTarget &target : std::as_const(*targets)) {
        QString where = target.destination;
        if (target.kind == PublishTarget::Kind::Git)
            where = tr("%1, branch %2").arg(target.destination, target.effectiveBranch());
        auto *item = new QListWidgetItem(QStringLiteral("%1\n%2").arg(target.name, where), m_targets);
        item->setData(Qt::UserRole, target.name);
        item->setToolTip(tr("%1 target: %2").arg(PublishTarget::kindName(target.kind), where));
        if (target.name == wanted)
            m_targets->setCurrentItem(item);
    }
    if (!m_targets->currentItem() && m_targets->count() > 0)
        m_targets->setCurrentRow(0);
    if (m_targets->count() == 0)
        m_summary->setText(tr("Add a target to publish to: a folder, a git branch such as gh-pages, or an rsync destination."));
    updateButtons();
}

QString PublishDialog::currentTarget() const
{
    const QListWidgetItem *item = m_targets->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

bool PublishDialog::selectTarget(const QString &name)
{
    for (int row = 0; row < m_targets->count(); ++row) {
        if (m_targets->item(row)->data(Qt::UserRole).toString() == name) {
            m_targets->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

void PublishDialog::addTarget()
{
    PublishTargetDialog editor(PublishTarget{}, this);
    while (editor.exec() == QDialog::Accepted) {
        Result<PublishTarget> saved = PublishTargets::save(*m_library, editor.target());
        if (saved) {
            loadTargets(saved->name);
            return;
        }
        QMessageBox::warning(this, tr("New Publish Target"), saved.errorMessage());
    }
}

void PublishDialog::editTarget()
{
    Result<std::optional<PublishTarget>> target = PublishTargets::find(*m_library, currentTarget());
    if (!target || !*target)
        return;
    PublishTargetDialog editor(**target, this);
    while (editor.exec() == QDialog::Accepted) {
        Result<PublishTarget> saved = PublishTargets::save(*m_library, editor.target());
        if (saved) {
            loadTargets(saved->name);
            return;
        }
        QMessageBox::warning(this, tr("Edit Publish Target"), saved.errorMessage());
    }
}

void PublishDialog::removeTarget()
{
    const QString name = currentTarget();
    if (name.isEmpty())
        return;
    const auto answer = QMessageBox::question(this, tr("Remove Target"),
                                              tr("Forget the target “%1”? Nothing already published there is touched.").arg(name),
                                              QMessageBox::Cancel | QMessageBox::Yes, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    if (Result<void> removed = PublishTargets::remove(*m_library, name); !removed)
        QMessageBox::warning(this, tr("Remove Target"), removed.errorMessage());
    loadTargets();
}

void PublishDialog::startDryRun()
{
    run(true);
}

void PublishDialog::startPublish()
{
    run(false);
}

bool PublishDialog::isRunning() const
{
    return m_task->isRunning();
}

void PublishDialog::run(bool dryRun)
{
    const QString target = currentTarget();
    if (target.isEmpty() || isRunning())
        return;
    m_runIsDry = dryRun;
    m_runningTarget = target;
    m_result.reset();
    m_lastError.clear();
    m_changes->clear();
    m_log->clear();
    appendLog(dryRun ? tr("Dry run for “%1”: building the site, then comparing it with the target.").arg(target)
                     : tr("Publishing to “%1”: building the site without drafts, then sending it.").arg(target));
    m_progress->setMaximum(0);
    m_summary->setText(dryRun ? tr("Looking at what would change…") : tr("Publishing…"));

    PublishJob::Options options;
    options.targetName = target;
    options.dryRun = dryRun;
    static const QtImageScaler scaler;   // stateless, and it outlives the publish's thread
    options.imageScaler = &scaler;
    options.callbacks.cancel = m_task->cancelFlag();
    options.callbacks.progress = [task = m_task](int done, int total) { task->reportProgress(done, total); };
    options.callbacks.log = [task = m_task](const QString &line) { task->reportLine(line); };
    m_task->start([this, options] { m_result = PublishJob(*m_library).run(options); });
    updateButtons();
}

void PublishDialog::finishRun()
{
    m_progress->setMaximum(100);
    if (!m_result || !*m_result) {
        m_progress->setValue(0);
        m_lastError = m_result ? m_result->errorMessage() : tr("The publish stopped.");
        appendLog(m_lastError);
        showSummary(m_lastError, !m_task->isCancelled());
        updateButtons();
        return;
    }
    const PublishJob::Report &report = m_result->value();
    m_progress->setValue(100);
    showChanges(report.changes);
    int added = 0, changed = 0, removed = 0;
    for (const Publisher::Change &change : report.changes) {
        added += change.kind == Publisher::Change::Kind::Added;
        changed += change.kind == Publisher::Change::Kind::Changed;
        removed += change.kind == Publisher::Change::Kind::Removed;
    }
    QString summary;
    if (report.changes.isEmpty())
        summary = tr("“%1” already has this site: nothing to publish.").arg(m_runningTarget);
    else if (m_runIsDry)
        summary = tr("Publishing to “%1” would add %2, change %3 and remove %4 files; %n post(s) would go out.", nullptr,
                     int(report.postTitles.size())).arg(m_runningTarget).arg(added).arg(changed).arg(removed);
    else
        summary = tr("Published to “%1” in %2 s: %3 added, %4 changed, %5 removed; %n post(s) went out.", nullptr,
                     int(report.postTitles.size())).arg(m_runningTarget, seconds(report.elapsedMs)).arg(added).arg(changed).arg(removed);
    if (!report.build.problems.isEmpty())
        summary += u' ' + tr("The build found %n problem(s); File › Export Site… lists them.", nullptr, int(report.build.problems.size()));
    showSummary(summary, false);
    appendLog(summary);
    if (!m_runIsDry) {
        m_published = true;
        emit published(report);
    }
    updateButtons();
}

// A failure is said in the dialog, beside its log, rather than in a box over it.
void PublishDialog::showSummary(const QString &text, bool failure)
{
    m_summary->setText(text);
    m_summary->setStyleSheet(failure ? QStringLiteral("color: #b3261e; font-weight: bold;") : QString());
}

void PublishDialog::showChanges(const QList<Publisher::Change> &changes)
{
    m_changes->clear();
    QList<QTreeWidgetItem *> items;
    items.reserve(changes.size());
    for (const Publisher::Change &change : changes) {
        auto *item = new QTreeWidgetItem({changeMark(change.kind), change.path});
        item->setTextAlignment(0, Qt::AlignCenter);
        items.append(item);
    }
    m_changes->addTopLevelItems(items);
}

void PublishDialog::appendLog(const QString &line)
{
    m_log->appendPlainText(line);
}

void PublishDialog::updateButtons()
{
    const bool running = isRunning();
    const bool hasTarget = !currentTarget().isEmpty();
    m_dryRun->setEnabled(!running && hasTarget);
    m_publish->setEnabled(!running && hasTarget);
    m_cancel->setEnabled(running);
    m_close->setEnabled(!running);
    m_targets->setEnabled(!running);
    m_add->setEnabled(!running);
    m_edit->setEnabled(!running && hasTarget);
    m_remove->setEnabled(!running && hasTarget);
}

// A publish is not left running behind a closed dialog: closing asks it to stop first.
void PublishDialog::closeEvent(QCloseEvent *event)
{
    if (isRunning()) {
        m_task->cancel();
        event->ignore();
        return;
    }
    QDialog::closeEvent(event);
}

void PublishDialog::reject()
{
    if (isRunning()) {
        m_task->cancel();
        return;
    }
    QDialog::reject();
}

} // namespace quire
