#include "interchange/import_dialog.h"

#include "interchange/blog_importer.h"
#include "interchange/blog_source.h"
#include "store/library.h"
#include "store/setting_store.h"
#include "tasks/background_task.h"
#include "widgets/folder_field.h"

#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>

namespace quire {

namespace {

enum Column { ResultColumn, FileColumn, PostColumn, NoteColumn };
constexpr int SlugRole = Qt::UserRole;
constexpr int AttentionRole = Qt::UserRole + 1;

} // namespace

ImportDialog::ImportDialog(Library *library, QWidget *parent)
    : TaskDialog(parent)
    , m_library(library)
{
    setWindowTitle(tr("Import Blog"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Bring the posts, drafts, tags and images of a Hugo or Jekyll blog, or of a folder of "
                                "Markdown files, into this library. Posts imported before are updated in place; "
                                "the blog's folder is only read."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_folder = new FolderField(tr("Blog Folder"), this);
    m_folder->lineEdit()->setPlaceholderText(tr("The folder holding the blog (its config, content/ or _posts/)"));
    auto *folderLabel = new QLabel(tr("Blog &folder:"), this);
    folderLabel->setBuddy(m_folder->lineEdit());
    form->addRow(folderLabel, m_folder);
    m_kind = new QLabel(this);
    m_kind->setWordWrap(true);
    form->addRow(QString(), m_kind);
    layout->addLayout(form);

    layout->addWidget(createReport(), 1);
    layout->addWidget(progressBar());
    layout->addWidget(statusLabel());
    layout->addWidget(createButtons());

    connect(m_folder, &FolderField::folderChanged, this, &ImportDialog::inspectFolder);
    connect(task(), &BackgroundTask::progress, this, [this](int done, int total) {
        showStatus(tr("Importing… %1 of %2 files").arg(done).arg(total));
    });
    const Result<QString> folder = m_library->settings().value(Setting::ImportFolder);
    m_folder->setFolder(folder ? *folder : QString());
    inspectFolder();
    if (!folder)
        showStatus(tr("The library's settings could not be read: %1").arg(folder.errorMessage()), true);
    m_folder->lineEdit()->setFocus();
    resize(820, 560);
}

QWidget *ImportDialog::createReport()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    auto *label = new QLabel(tr("&Report (double-click a post to open it):"), box);
    m_attentionOnly = new QCheckBox(tr("Only what needs &attention"), box);
    m_attentionOnly->setToolTip(tr("Show only the files that were skipped or changed on the way in"));
    connect(m_attentionOnly, &QCheckBox::toggled, this, &ImportDialog::filterRows);
    row->addWidget(label, 1);
    row->addWidget(m_attentionOnly);
    layout->addLayout(row);

    m_report = new QTreeWidget(box);
    label->setBuddy(m_report);
    m_report->setRootIsDecorated(false);
    m_report->setUniformRowHeights(true);
    m_report->setAlternatingRowColors(true);
    m_report->setHeaderLabels({tr("Result"), tr("File"), tr("Post"), tr("Note")});
    m_report->header()->setSectionResizeMode(ResultColumn, QHeaderView::ResizeToContents);
    m_report->header()->setStretchLastSection(true);
    m_report->setColumnWidth(FileColumn, 240);
    m_report->setColumnWidth(PostColumn, 160);
    connect(m_report, &QTreeWidget::itemActivated, this, &ImportDialog::activate);
    layout->addWidget(m_report, 1);
    return box;
}

QWidget *ImportDialog::createButtons()
{
    auto *box = new QWidget(this);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_import = new QPushButton(QIcon::fromTheme(QStringLiteral("document-import")), tr("&Import"), box);
    m_import->setDefault(true);
    m_import->setToolTip(tr("Import the blog; nothing changes in the library unless the whole import succeeds"));
    connect(m_import, &QPushButton::clicked, this, &ImportDialog::startImport);
    cancelButton()->setToolTip(tr("Stop the import; the library stays as it was"));
    layout->addStretch(1);
    layout->addWidget(m_import);
    layout->addWidget(cancelButton());
    layout->addWidget(closeButton());
    return box;
}

// Says what Quire will take the folder for before anything is read, so a wrong folder shows.
void ImportDialog::inspectFolder()
{
    const QString folder = m_folder->folder();
    m_folderUsable = false;
    m_kind->setStyleSheet(QString());
    if (folder.isEmpty()) {
        m_kind->setText(tr("Choose a Hugo or Jekyll site, or a folder of Markdown files."));
    } else if (QFileInfo(folder).isRelative()) {
        m_kind->setText(tr("The folder must be a full path, such as %1.").arg(QDir::home().filePath(QStringLiteral("my-blog"))));
        m_kind->setStyleSheet(QStringLiteral("color: #b3261e;"));
    } else if (Result<BlogSource> source = BlogSource::open(folder); !source) {
        m_kind->setText(source.errorMessage());
        m_kind->setStyleSheet(QStringLiteral("color: #b3261e;"));
    } else {
        m_folderUsable = true;
        switch (source->kind()) {
        case BlogSource::Kind::Hugo:
            m_kind->setText(tr("A Hugo site: posts from content/, images from the page bundles, static/ and assets/."));
            break;
        case BlogSource::Kind::Jekyll:
            m_kind->setText(tr("A Jekyll site: posts from _posts/, drafts from _drafts/, images from anywhere in the site."));
            break;
        case BlogSource::Kind::Plain:
            m_kind->setText(tr("A folder of Markdown files: each file at its top level becomes a post."));
            break;
        }
    }
    updateButtons();
}

void ImportDialog::updateButtons()
{
    const bool running = isRunning();
    m_import->setEnabled(!running && m_folderUsable);
    m_folder->setEnabled(!running);
}

void ImportDialog::startImport()
{
    if (isRunning() || !m_import->isEnabled())
        return;
    emit aboutToImport();
    const QString folder = m_folder->folder();
    if (Result<void> stored = m_library->settings().set(Setting::ImportFolder, folder); !stored) {
        showStatus(stored.errorMessage(), true);
        return;
    }
    m_report->clear();
    auto result = std::make_shared<std::optional<Result<ImportReport>>>();
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    Library *library = m_library;
    BackgroundTask *job = task();
    auto work = [library, job, folder, result] {
        BlogImporter::Callbacks callbacks;
        callbacks.progress = [job](int done, int total) { job->reportProgress(done, total); };
        callbacks.cancelled = [job] { return job->isCancelled(); };
        *result = BlogImporter(*library).importFolder(folder, callbacks);
    };
    auto done = [this, result, timer] {
        if (task()->isCancelled()) {
            showStatus(tr("The import was cancelled; the library is as it was."));
        } else if (!*result || !**result) {
            showStatus(*result ? (*result)->errorMessage() : tr("The import stopped."), true);
        } else {
            showReport((*result)->value(), timer->elapsed());
            emit imported((*result)->value());
        }
    };
    run(tr("Reading the blog…"), work, done);
}

void ImportDialog::showReport(const ImportReport &report, qint64 elapsedMs)
{
    m_report->setUpdatesEnabled(false);
    addRows(report.skipped, tr("Skipped"), true);
    addRows(report.warnings, tr("Warning"), true);
    addRows(report.imported, tr("Imported"), false);
    addRows(report.updated, tr("Updated"), false);
    addRows(report.unchanged, tr("Unchanged"), false);
    m_attentionOnly->setChecked(!report.skipped.isEmpty() || !report.warnings.isEmpty());
    filterRows();
    m_report->setUpdatesEnabled(true);

    QString summary = tr("%n new post(s)", nullptr, int(report.imported.size()));
    summary = tr("Imported %1, updated %2, %3 unchanged, in %4 s.")
                  .arg(summary).arg(report.updated.size()).arg(report.unchanged.size())
                  .arg(QString::number(double(elapsedMs) / 1000.0, 'f', 1));
    if (!report.skipped.isEmpty() || !report.warnings.isEmpty()) {
        summary += u' ';
        summary += tr("Skipped: %1. Warnings: %2. The report lists them.")
                       .arg(report.skipped.size()).arg(report.warnings.size());
    }
    showStatus(summary);
}

void ImportDialog::addRows(const QList<ImportReport::Entry> &entries, const QString &what, bool needsAttention)
{
    QList<QTreeWidgetItem *> items;
    items.reserve(entries.size());
    for (const ImportReport::Entry &entry : entries) {
        auto *item = new QTreeWidgetItem;
        item->setText(ResultColumn, what);
        item->setText(FileColumn, entry.file);
        item->setText(PostColumn, entry.slug);
        item->setText(NoteColumn, entry.reason);
        item->setToolTip(FileColumn, entry.file);
        item->setToolTip(NoteColumn, entry.reason);
        item->setData(ResultColumn, SlugRole, entry.slug);
        item->setData(ResultColumn, AttentionRole, needsAttention);
        if (needsAttention)
            item->setIcon(ResultColumn, QIcon::fromTheme(QStringLiteral("dialog-warning")));
        items.append(item);
    }
    m_report->addTopLevelItems(items);
}

void ImportDialog::filterRows()
{
    const bool attentionOnly = m_attentionOnly->isChecked();
    for (int row = 0; row < m_report->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_report->topLevelItem(row);
        item->setHidden(attentionOnly && !item->data(ResultColumn, AttentionRole).toBool());
    }
}

void ImportDialog::activate(QTreeWidgetItem *item)
{
    const QString slug = item->data(ResultColumn, SlugRole).toString();
    if (!slug.isEmpty())
        emit postActivated(slug);
}

} // namespace quire
