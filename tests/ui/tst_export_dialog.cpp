// File › Export Site… as a writer uses it: choose a folder once, build off the GUI thread, read
// what went wrong and jump to it, cancel a build without harming the site already there.

#include "store/post_history.h"
#include "store/post_store.h"
#include "store/revision.h"
#include "store/setting_store.h"
#include "store/theme_store.h"
#include "window_test_support.h"

#include "editor/draft_session.h"
#include "editor/editor_view.h"
#include "export/export_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTextBlock>
#include <QTreeWidget>

using namespace quire;

class TestExportDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void buildsAndRemembersTheFolder();
    void problemJumpsToThePostAndLine();
    void cancelLeavesThePreviousSite();
    void refusesABadBaseUrlOrRelativeFolder();
    void closingDuringABuildStopsIt();

private:
    Post addPost(const QString &title, const QString &body, PostStatus status = PostStatus::Published);
    bool waitForBuild(ExportDialog *dialog);
    QString readSite(const QString &file) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_site;
};

void TestExportDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_window = WindowTest::open(m_dir->filePath(QStringLiteral("blog.quire")));
    QVERIFY(m_window);
    m_site = m_dir->filePath(QStringLiteral("site"));
}

void TestExportDialog::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

Post TestExportDialog::addPost(const QString &title, const QString &body, PostStatus status)
{
    Post post;
    post.title = title;
    post.body = body;
    post.status = status;
    if (status != PostStatus::Draft)
        post.publishedAt = QDateTime(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC);
    auto created = m_window->library()->posts().create(post);
    if (!created)
        qWarning() << created.errorMessage();
    return created ? *created : Post();
}

bool TestExportDialog::waitForBuild(ExportDialog *dialog)
{
    return QTest::qWaitFor([dialog] { return !dialog->isBuilding(); }, 120000);
}

QString TestExportDialog::readSite(const QString &file) const
{
    QFile page(QDir(m_site).filePath(file));
    return page.open(QIODevice::ReadOnly) ? QString::fromUtf8(page.readAll()) : QString();
}

void TestExportDialog::buildsAndRemembersTheFolder()
{
    addPost(QStringLiteral("Loss spikes"), QStringLiteral("Gradients misbehave."));
    addPost(QStringLiteral("Unfinished"), QStringLiteral("A draft."), PostStatus::Draft);
    ExportDialog *dialog = m_window->exportDialog();
    dialog->show();
    QVERIFY(!dialog->exportButton()->isEnabled());        // no folder yet
    QVERIFY(!dialog->previewButton()->isEnabled());       // no site yet
    dialog->folderField()->setText(m_site);
    QVERIFY(dialog->exportButton()->isEnabled());

    QSignalSpy built(dialog, &ExportDialog::built);
    QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
    QVERIFY(dialog->isBuilding());
    QVERIFY(dialog->cancelButton()->isEnabled());
    QVERIFY(!dialog->closeButton()->isEnabled());
    QVERIFY(waitForBuild(dialog));
    QCOMPARE(built.count(), 1);

    QVERIFY(readSite(QStringLiteral("posts/loss-spikes/index.html")).contains(QStringLiteral("Gradients misbehave.")));
    QVERIFY(!QFileInfo::exists(QDir(m_site).filePath(QStringLiteral("posts/unfinished/index.html"))));
    QCOMPARE(dialog->progressBar()->value(), dialog->progressBar()->maximum());
    QVERIFY2(dialog->summaryLabel()->text().contains(QStringLiteral("files written")), qPrintable(dialog->summaryLabel()->text()));
    QVERIFY(dialog->openFolderButton()->isEnabled());
    QVERIFY(dialog->previewButton()->isEnabled());

    // Preview Site opens the site offline in a window of its own, on its home page.
    QTest::mouseClick(dialog->previewButton(), Qt::LeftButton);
    QWidget *sitePreview = nullptr;
    QTRY_VERIFY((sitePreview = [] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (widget->isVisible() && widget->windowTitle().startsWith(QStringLiteral("Site Preview")))
                return widget;
        }
        return static_cast<QWidget *>(nullptr);
    }()));
    sitePreview->close();

    // Drafts on: they become pages too; and the choices outlive the dialog.
    dialog->draftsBox()->setChecked(true);
    dialog->startExport();
    QVERIFY(waitForBuild(dialog));
    QVERIFY(readSite(QStringLiteral("posts/unfinished/index.html")).contains(QStringLiteral("A draft.")));

    ExportDialog again(m_window->library());
    QCOMPARE(again.folderField()->text(), m_site);
    QVERIFY(again.draftsBox()->isChecked());
    QVERIFY(again.themeBox()->count() >= 2);
    QCOMPARE(again.themeBox()->currentData().toString(), ThemeStore::defaultName());
}

void TestExportDialog::problemJumpsToThePostAndLine()
{
    addPost(QStringLiteral("Fine"), QStringLiteral("Nothing wrong here."));
    const Post broken = addPost(QStringLiteral("Broken link"),
                                QStringLiteral("Line one.\n\nLine three.\n\nSee [the missing post](/posts/not-there/).\n"));
    ExportDialog *dialog = m_window->exportDialog();
    dialog->show();
    dialog->folderField()->setText(m_site);
    dialog->startExport();
    QVERIFY(waitForBuild(dialog));

    QTreeWidget *problems = dialog->problemList();
    QTreeWidgetItem *found = nullptr;
    for (int i = 0; i < problems->topLevelItemCount(); ++i) {
        if (problems->topLevelItem(i)->text(0) == broken.slug)
            found = problems->topLevelItem(i);
    }
    QVERIFY2(found, "the broken link is listed");
    QCOMPARE(found->text(1), QStringLiteral("5"));
    QVERIFY2(found->text(2).contains(QStringLiteral("/posts/not-there/")), qPrintable(found->text(2)));
    QVERIFY(dialog->summaryLabel()->text().contains(QStringLiteral("problem")));

    // The window shows some other post; a double-click on the problem brings the broken one, at its line.
    QVERIFY(m_window->session()->post().id != broken.id);   // the welcome post
    problems->scrollToItem(found);
    const QRect row = problems->visualItemRect(found);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    // As a hand does it: a press and release, then the second press that makes it a double-click.
    QTest::mousePress(problems->viewport(), Qt::LeftButton, {}, row.center());
    QTest::mouseRelease(problems->viewport(), Qt::LeftButton, {}, row.center());
    QTest::mouseDClick(problems->viewport(), Qt::LeftButton, {}, row.center());
    QTRY_COMPARE(m_window->session()->post().id, broken.id);
    QCOMPARE(m_window->editor()->textCursor().blockNumber(), 4);
    QCOMPARE(m_window->editor()->textCursor().block().text(), QStringLiteral("See [the missing post](/posts/not-there/)."));
}

void TestExportDialog::cancelLeavesThePreviousSite()
{
    for (int i = 0; i < 300; ++i)
        addPost(QStringLiteral("Post %1").arg(i), QStringLiteral("Paragraph %1 about numerics.\n\n```cpp\nint x = %1;\n```\n").arg(i));
    ExportDialog *dialog = m_window->exportDialog();
    dialog->show();
    dialog->folderField()->setText(m_site);
    dialog->startExport();
    QVERIFY(waitForBuild(dialog));
    const QString before = readSite(QStringLiteral("index.html"));
    QVERIFY(before.contains(QStringLiteral("Post 299")));

    // Renamed posts would change the home page; the build is cancelled before it gets there.
    Post renamed = *m_window->library()->posts().bySlug(QStringLiteral("post-299")).value();
    renamed.title = QStringLiteral("Renamed before a cancelled build");
    QVERIFY(m_window->library()->history().save(renamed, RevisionReason::Save));
    dialog->startExport();
    QVERIFY(dialog->isBuilding());
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
    QVERIFY(waitForBuild(dialog));
    QVERIFY2(dialog->summaryLabel()->text().contains(QStringLiteral("cancelled")), qPrintable(dialog->summaryLabel()->text()));
    QCOMPARE(readSite(QStringLiteral("index.html")), before);
    QVERIFY(dialog->exportButton()->isEnabled());

    // The next build goes through.
    dialog->startExport();
    QVERIFY(waitForBuild(dialog));
    QVERIFY(readSite(QStringLiteral("index.html")).contains(QStringLiteral("Renamed before a cancelled build")));
}

void TestExportDialog::refusesABadBaseUrlOrRelativeFolder()
{
    ExportDialog *dialog = m_window->exportDialog();
    dialog->show();
    dialog->folderField()->setText(m_site);
    dialog->baseUrlField()->setText(QStringLiteral("ftp://example.org/"));
    QVERIFY(!dialog->exportButton()->isEnabled());
    dialog->baseUrlField()->setText(QStringLiteral("https://blog.example.org/notes"));
    QVERIFY(dialog->exportButton()->isEnabled());
    dialog->folderField()->setText(QStringLiteral("relative/site"));
    QVERIFY(!dialog->exportButton()->isEnabled());
    dialog->folderField()->setText(m_site);

    addPost(QStringLiteral("Feed me"), QStringLiteral("Body."));
    dialog->startExport();
    QVERIFY(waitForBuild(dialog));
    // The base URL is the blog's: stored with a closing slash and used by the feed.
    QCOMPARE(m_window->library()->settings().value(Setting::SiteBaseUrl).value(), QStringLiteral("https://blog.example.org/notes/"));
    QVERIFY(readSite(QStringLiteral("feed.xml")).contains(QStringLiteral("https://blog.example.org/notes/posts/feed-me/")));
}

void TestExportDialog::closingDuringABuildStopsIt()
{
    for (int i = 0; i < 300; ++i)
        addPost(QStringLiteral("Post %1").arg(i), QStringLiteral("Body %1.").arg(i));
    ExportDialog *dialog = m_window->exportDialog();
    dialog->show();
    dialog->folderField()->setText(m_site);
    dialog->startExport();
    QVERIFY(dialog->isBuilding());
    dialog->close();
    QVERIFY(waitForBuild(dialog));
    QTRY_VERIFY(!dialog->isVisible());
    QVERIFY(dialog->summaryLabel()->text().contains(QStringLiteral("cancelled")));
}

QUIRE_WINDOW_TEST_MAIN(TestExportDialog)

#include "tst_export_dialog.moc"
