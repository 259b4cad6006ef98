#include "export/export_dialog.h"
#include "images/qt_image_scaler.h"

#include "preview/preview_module.h"
#include "site/library_themes.h"
#include "site/site_output.h"
#include "site/site_settings.h"
#include "store/library.h"
#include "store/setting_store.h"
#include "store/theme_store.h"
#include "tasks/background_task.h"

#include <QCheckBox>
#include <memory>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace quire {

namespace {

enum ProblemColumn { PostColumn, LineColumn, ReasonColumn };
constexpr int SlugRole = Qt::UserRole;

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1);
}

} // namespace

ExportDialog::ExportDialog(Library *library, QWidget *parent)
    : TaskDialog(parent)
    , m_library(library)
{
    setWindowTitle(tr("Export Site"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createSettings());
    layout->addWidget(createProblems(), 1);
    layout->addWidget(createButtons());

    connect(task(), &BackgroundTask::progress, this, [this](int done, int total) {
        showStatus(tr("Building… %1 of %2 pages").arg(done).arg(total));
    });

    loadSettings();
    updateButtons();
    resize(720, 520);
}

QWidget *ExportDialog::createSettings()
{
    auto *box = new QWidget(this);
    auto *form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);

    m_folder = new QLineEdit(box);
    m_folder->setPlaceholderText(tr("Choose the folder the site is written to"));
    m_folder->setToolTip(tr("Quire writes only into this folder and keeps a record of what it wrote there"));
    auto *browse = new QPushButton(tr("&Browse…"), box);
    browse->setToolTip(tr("Choose the output folder"));
    connect(browse, &QPushButton::clicked, this, &ExportDialog::chooseFolder);
    connect(m_folder, &QLineEdit::textChanged, this, &ExportDialog::updateButtons);
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    auto *folderLabel = new QLabel(tr("Output &folder:"), box);
    folderLabel->setBuddy(m_folder);   // a row holding a layout gets no buddy of its own
    form->addRow(folderLabel, folderRow);

    m_theme = new QComboBox(box);
    m_theme->setToolTip(tr("The site's theme; the preview uses it too"));
    form->addRow(tr("&Theme:"), m_theme);

    m_baseUrl = new QLineEdit(box);
    m_baseUrl->setPlaceholderText(tr("https://blog.example.org/ (optional)"));
    m_baseUrl->setToolTip(tr("Where the site is served; used for the feed, the sitemap and absolute links"));
    connect(m_baseUrl, &QLineEdit::textChanged, this, &ExportDialog::updateButtons);
    form->addRow(tr("&Base URL:"), m_baseUrl);

    m_drafts = new QCheckBox(tr("Include &drafts"), box);
    m_drafts->setToolTip(tr("Build drafts too, to read them as pages; publishing never sends drafts"));
    form->addRow(QString(), m_drafts);

    m_settingsProblem = new QLabel(box);
    m_settingsProblem->setWordWrap(true);
    m_settingsProblem->setStyleSheet(QStringLiteral("color: palette(bright-text); background: #b3261e; padding: 4px;"));
    m_settingsProblem->hide();
    form->addRow(m_settingsProblem);
    return box;
}

QWidget *ExportDialog::createProblems()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("&Problems found by the last build (double-click one to go to it):"), box);
    m_problems = new QTreeWidget(box);
    label->setBuddy(m_problems);
    m_problems->setRootIsDecorated(false);
    m_problems->setUniformRowHeights(true);
    m_problems->setAlternatingRowColors(true);
    m_problems->setHeaderLabels({tr("Post"), tr("Line"), tr("Problem")});
    m_problems->header()->setSectionResizeMode(PostColumn, QHeaderView::ResizeToContents);
    m_problems->header()->setSectionResizeMode(LineColumn, QHeaderView::ResizeToContents);
    m_problems->header()->setStretchLastSection(true);
    connect(m_problems, &QTreeWidget::itemActivated, this, &ExportDialog::activateProblem);

    layout->addWidget(label);
    layout->addWidget(m_problems, 1);
    layout->addWidget(progressBar());
    layout->addWidget(statusLabel());
    return box;
}

QWidget *ExportDialog::createButtons()
{
    auto *box = new QWidget(this);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);

    m_openFolder = new QPushButton(QIcon::fromTheme(QStringLiteral("folder-open")), tr("Open &Folder"), box);
    m_openFolder->setToolTip(tr("Show the exported site in the file manager"));
    connect(m_openFolder, &QPushButton::clicked, this, &ExportDialog::openFolder);
    m_previewSite = new QPushButton(QIcon::fromTheme(QStringLiteral("document-preview")), tr("&Preview Site"), box);
    m_previewSite->setToolTip(tr("Browse the exported site offline, as a reader would"));
    connect(m_previewSite, &QPushButton::clicked, this, &ExportDialog::previewSite);

    m_export = new QPushButton(QIcon::fromTheme(QStringLiteral("document-export")), tr("&Export"), box);
    m_export->setDefault(true);
    m_export->setToolTip(tr("Build the site into the output folder; only what changed is written"));
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::startExport);
    cancelButton()->setToolTip(tr("Stop the build; the site in the folder stays as it was"));

    layout->addWidget(m_openFolder);
    layout->addWidget(m_previewSite);
    layout->addStretch(1);
    layout->addWidget(m_export);
    layout->addWidget(cancelButton());
    layout->addWidget(closeButton());
    return box;
}

void ExportDialog::loadSettings()
{
    // A setting that cannot be read leaves its field empty and is said in the status line: the
    // dialog still opens, and an export says again what is wrong.
    QStringList unreadable;
    const auto read = [&](Setting setting) {
        Result<QString> value = m_library->settings().value(setting);
        if (!value)
            unreadable.append(value.errorMessage());
        return value ? *value : QString();
    };
    m_folder->setText(read(Setting::ExportFolder));
    m_drafts->setChecked(read(Setting::ExportDrafts) == u"true");
    m_baseUrl->setText(read(Setting::SiteBaseUrl));

    const Result<QString> active = m_library->themes().activeName();
    Result<QList<Theme>> themes = LibraryThemes::list(*m_library);
    if (!active)
        unreadable.append(active.errorMessage());
    if (!themes)
        unreadable.append(themes.errorMessage());
    for (const Theme &theme : themes ? *themes : QList<Theme>()) {
        const QString title = theme.manifest.title.isEmpty() ? theme.manifest.name : theme.manifest.title;
        m_theme->addItem(title, theme.manifest.name);
        if (active && theme.manifest.name == *active)
            m_theme->setCurrentIndex(m_theme->count() - 1);
    }
    if (!unreadable.isEmpty()) {
        m_unreadable = tr("The library's settings could not be read: %1").arg(unreadable.first());
        showStatus(m_unreadable, true);
    }
}

// The dialog's choices become the library's: the next export, the CLI's build and the preview
// see the same base URL and theme.
Result<void> ExportDialog::storeSettings()
{
    return m_library->transaction([this]() -> Result<void> {
        if (auto stored = m_library->settings().set(Setting::ExportFolder, QDir::cleanPath(m_folder->text().trimmed())); !stored)
            return stored;
        if (auto stored = m_library->settings().set(Setting::ExportDrafts, m_drafts->isChecked() ? QStringLiteral("true") : QStringLiteral("false")); !stored)
            return stored;
        if (auto stored = SiteSettings::store(*m_library, QStringLiteral("base-url"), m_baseUrl->text()); !stored)
            return stored;
        const QString theme = m_theme->currentData().toString();
        const Result<QString> active = m_library->themes().activeName();
        if (!active)
            return active.error();
        if (!theme.isEmpty() && theme != *active)
            return m_library->themes().setActive(theme);
        return {};
    });
}

void ExportDialog::chooseFolder()
{
    const QString start = m_folder->text().isEmpty() ? QDir::homePath() : m_folder->text();
    const QString chosen = QFileDialog::getExistingDirectory(this, tr("Output Folder"), start);
    if (!chosen.isEmpty())
        m_folder->setText(QDir::toNativeSeparators(chosen));
}

void ExportDialog::updateButtons()
{
    const bool building = isBuilding();
    QString problem;
    if (Result<QUrl> url = SiteSettings::parseBaseUrl(m_baseUrl->text()); !url)
        problem = url.errorMessage();
    else if (!m_folder->text().trimmed().isEmpty() && QFileInfo(m_folder->text().trimmed()).isRelative())
        problem = tr("The output folder must be a full path, such as %1.").arg(QDir::home().filePath(QStringLiteral("blog-site")));
    m_settingsProblem->setText(problem);
    m_settingsProblem->setVisible(!problem.isEmpty());

    m_export->setEnabled(!building && problem.isEmpty() && !m_folder->text().trimmed().isEmpty());
    const bool hasSite = !building && folderHoldsSite();
    m_openFolder->setEnabled(hasSite);
    m_previewSite->setEnabled(hasSite);
    for (QWidget *field : {static_cast<QWidget *>(m_folder), static_cast<QWidget *>(m_theme),
                           static_cast<QWidget *>(m_drafts), static_cast<QWidget *>(m_baseUrl)})
        field->setEnabled(!building);
}

bool ExportDialog::isBuilding() const
{
    return isRunning();
}

bool ExportDialog::folderHoldsSite() const
{
    const QString folder = m_folder->text().trimmed();
    return !folder.isEmpty() && QFileInfo::exists(QDir(folder).filePath(QStringLiteral("index.html")));
}

void ExportDialog::startExport()
{
    if (isBuilding() || !m_export->isEnabled())
        return;
    // The fields of settings that could not be read are blank, not the writer's choices: storing
    // them would replace what the library holds.
    if (!m_unreadable.isEmpty()) {
        showStatus(m_unreadable, true);
        return;
    }
    if (Result<void> stored = storeSettings(); !stored) {
        QMessageBox::warning(this, tr("Export Site"), stored.errorMessage());
        return;
    }
    emit aboutToBuild();

    SiteBuilder::Options options;
    options.outputDir = QDir::cleanPath(m_folder->text().trimmed());
    options.includeDrafts = m_drafts->isChecked();
    static const QtImageScaler scaler;   // stateless, and it outlives the build's thread
    options.imageScaler = &scaler;
    options.cancel = task()->cancelFlag();
    options.progress = [job = task()](int done, int total) { job->reportProgress(done, total); };
    m_builtFolder = options.outputDir;
    // The build's thread writes here, and only here: the dialog reads it once the build is over.
    auto result = std::make_shared<std::optional<Result<SiteBuilder::Report>>>();
    Library *library = m_library;
    run(tr("Reading the library…"), [library, options, result] { *result = SiteBuilder(*library).build(options); },
        [this, result] { finishBuild(*result ? **result : Result<SiteBuilder::Report>(Error{tr("The build stopped.")})); });
}

void ExportDialog::finishBuild(const Result<SiteBuilder::Report> &result)
{
    if (!result) {
        progressBar()->setValue(0);
        // Said in the dialog, beside the problems, rather than in a box over it.
        showStatus(result.errorMessage(), !task()->isCancelled());
        return;
    }
    showStatus(QString());
    showReport(result.value());
    emit built(result.value());
}

void ExportDialog::showReport(const SiteBuilder::Report &report)
{
    m_problems->clear();
    for (const BuildProblem &problem : report.problems) {
        auto *item = new QTreeWidgetItem(m_problems);
        item->setText(PostColumn, problem.post.isEmpty() ? tr("(site)") : problem.post);
        item->setText(LineColumn, problem.line > 0 ? QString::number(problem.line) : QString());
        item->setText(ReasonColumn, problem.reason);
        item->setToolTip(ReasonColumn, problem.reason);
        item->setData(PostColumn, SlugRole, problem.post);
        item->setData(LineColumn, SlugRole, problem.line);
    }
    QString summary = tr("Built %n post(s) into %1 in %2 s: ", nullptr, report.posts)
                          .arg(QDir::toNativeSeparators(m_builtFolder), seconds(report.elapsedMs));
    summary += tr("%1 files written, %2 unchanged, %3 removed.")
                   .arg(report.written).arg(report.unchanged).arg(report.removed);
    summary += u' ';
    summary += report.problems.isEmpty() ? tr("No problems.") : tr("%n problem(s) to look at.", nullptr, int(report.problems.size()));
    showStatus(summary);
}

void ExportDialog::activateProblem(QTreeWidgetItem *item)
{
    const QString slug = item->data(PostColumn, SlugRole).toString();
    if (!slug.isEmpty())
        emit problemActivated(slug, item->data(LineColumn, SlugRole).toInt());
}

void ExportDialog::openFolder()
{
    QDesktopServices::openUrl(QUrl::fromLocalFile(QDir::cleanPath(m_folder->text().trimmed())));
}

void ExportDialog::previewSite()
{
    // The window outlives the dialog: it belongs to Quire's window.
    QWidget *owner = parentWidget() ? parentWidget() : this;
    QWidget *window = PreviewModule::createSitePreview(QDir::cleanPath(m_folder->text().trimmed()), owner);
    if (!window) {
        QMessageBox::warning(this, tr("Preview Site"), tr("The site preview is not available: %1").arg(PreviewModule::errorString()));
        return;
    }
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    window->raise();
}

} // namespace quire
