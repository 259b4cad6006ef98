#include "interchange/markdown_export_dialog.h"

#include "interchange/markdown_exporter.h"
#include "store/library.h"
#include "store/setting_store.h"
#include "tasks/background_task.h"
#include "widgets/folder_field.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

#include <memory>

namespace quire {

MarkdownExportDialog::MarkdownExportDialog(Library *library, QWidget *parent)
    : TaskDialog(parent)
    , m_library(library)
{
    setWindowTitle(tr("Export Markdown"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Write every post as a Markdown file with its front matter, and every image it uses, "
                                "into a folder that Hugo or Jekyll builds as it is; File › Import Blog… reads it back."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_folder = new FolderField(tr("Markdown Folder"), this);
    m_folder->lineEdit()->setPlaceholderText(tr("An empty folder, or one Quire exported to before"));
    m_folder->lineEdit()->setToolTip(tr("Quire writes only into this folder, and later replaces only the files it wrote"));
    auto *folderLabel = new QLabel(tr("Output &folder:"), this);
    folderLabel->setBuddy(m_folder->lineEdit());
    form->addRow(folderLabel, m_folder);
    m_flavor = new QComboBox(this);
    m_flavor->addItem(tr("Hugo (content/posts/, images in static/media/)"), QStringLiteral("hugo"));
    m_flavor->addItem(tr("Jekyll (_posts/ and _drafts/, images in media/)"), QStringLiteral("jekyll"));
    m_flavor->setToolTip(tr("The layout and front matter of the generator that is to build the folder"));
    form->addRow(tr("F&lavor:"), m_flavor);
    m_folderProblem = new QLabel(this);
    m_folderProblem->setWordWrap(true);
    m_folderProblem->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_folderProblem->hide();
    form->addRow(m_folderProblem);
    layout->addLayout(form);
    layout->addWidget(progressBar());
    layout->addWidget(statusLabel());
    layout->addWidget(createButtons());

    const Result<QString> folder = m_library->settings().value(Setting::MarkdownExportFolder);
    const Result<QString> flavor = m_library->settings().value(Setting::MarkdownExportFlavor);
    m_folder->setFolder(folder ? *folder : QString());
    m_flavor->setCurrentIndex(qMax(0, m_flavor->findData(flavor ? *flavor : QString())));
    connect(m_folder, &FolderField::folderChanged, this, &MarkdownExportDialog::updateButtons);
    connect(task(), &BackgroundTask::progress, this, [this](int done, int total) {
        showStatus(tr("Writing… %1 of %2 files").arg(done).arg(total));
    });
    updateButtons();
    if (!folder || !flavor)
        showStatus(tr("The library's settings could not be read: %1").arg((folder ? flavor : folder).errorMessage()), true);
    m_folder->lineEdit()->setFocus();
    resize(640, sizeHint().height());
}

QWidget *MarkdownExportDialog::createButtons()
{
    auto *box = new QWidget(this);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_openFolder = new QPushButton(QIcon::fromTheme(QStringLiteral("folder-open")), tr("Open &Folder"), box);
    m_openFolder->setToolTip(tr("Show the exported folder in the file manager"));
    connect(m_openFolder, &QPushButton::clicked, this, &MarkdownExportDialog::openFolder);
    m_export = new QPushButton(QIcon::fromTheme(QStringLiteral("document-export")), tr("&Export"), box);
    m_export->setDefault(true);
    m_export->setToolTip(tr("Write the posts and images into the folder"));
    connect(m_export, &QPushButton::clicked, this, &MarkdownExportDialog::startExport);
    cancelButton()->setToolTip(tr("Stop after the file being written; what is written stays whole"));
    layout->addWidget(m_openFolder);
    layout->addStretch(1);
    layout->addWidget(m_export);
    layout->addWidget(cancelButton());
    layout->addWidget(closeButton());
    return box;
}

void MarkdownExportDialog::updateButtons()
{
    const bool running = isRunning();
    const QString folder = m_folder->folder();
    const bool relative = !folder.isEmpty() && QFileInfo(folder).isRelative();
    m_folderProblem->setText(relative ? tr("The output folder must be a full path, such as %1.")
                                            .arg(QDir::home().filePath(QStringLiteral("blog-markdown")))
                                      : QString());
    m_folderProblem->setVisible(relative);
    m_export->setEnabled(!running && !folder.isEmpty() && !relative);
    m_folder->setEnabled(!running);
    m_flavor->setEnabled(!running);
    m_openFolder->setEnabled(!running && !m_exportedFolder.isEmpty() && QFileInfo(m_exportedFolder).isDir());
}

void MarkdownExportDialog::startExport()
{
    if (isRunning() || !m_export->isEnabled())
        return;
    emit aboutToExport();
    const QString folder = m_folder->folder();
    const QString flavorName = m_flavor->currentData().toString();
    Result<void> stored = m_library->transaction([&]() -> Result<void> {
        if (auto saved = m_library->settings().set(Setting::MarkdownExportFolder, folder); !saved)
            return saved;
        return m_library->settings().set(Setting::MarkdownExportFlavor, flavorName);
    });
    if (!stored) {
        showStatus(stored.errorMessage(), true);
        return;
    }
    const auto flavor = flavorName == u"jekyll" ? MarkdownExporter::Flavor::Jekyll : MarkdownExporter::Flavor::Hugo;
    auto result = std::make_shared<std::optional<Result<MarkdownExporter::Report>>>();
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    const Library *library = m_library;
    BackgroundTask *job = task();
    auto work = [library, job, folder, flavor, result] {
        MarkdownExporter::Callbacks callbacks;
        callbacks.progress = [job](int done, int total) { job->reportProgress(done, total); };
        callbacks.cancelled = [job] { return job->isCancelled(); };
        *result = MarkdownExporter(*library).exportTo(folder, flavor, callbacks);
    };
    auto done = [this, result, timer] {
        if (!*result || !**result) {
            const bool cancelled = task()->isCancelled();
            showStatus(*result ? (*result)->errorMessage() : tr("The export stopped."), !cancelled);
            return;
        }
        const MarkdownExporter::Report &report = (*result)->value();
        m_exportedFolder = report.folder;
        QString summary = tr("%1 and %2 to %3 in %4 s.")
                              .arg(tr("Wrote %n post(s)", nullptr, report.posts), tr("%n image(s)", nullptr, report.images),
                                   QDir::toNativeSeparators(report.folder),
                                   QString::number(double(timer->elapsed()) / 1000.0, 'f', 1));
        if (report.removed > 0)
            summary += u' ' + tr("Removed %n file(s) of the earlier export that no post uses any more.", nullptr, report.removed);
        if (report.wroteConfig)
            summary += u' ' + tr("Added a minimal configuration from the site settings.");
        showStatus(summary);
    };
    run(tr("Reading the library…"), work, done);
}

void MarkdownExportDialog::openFolder()
{
    QDesktopServices::openUrl(QUrl::fromLocalFile(m_exportedFolder));
}

} // namespace quire
