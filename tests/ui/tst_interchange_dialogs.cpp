// File › Import Blog… and File › Export Markdown… as a writer uses them: a blog comes in with its
// images and a report of what needed attention, and goes out as a folder Hugo or Jekyll builds.

#include "store/asset_store.h"
#include "store/post_store.h"
#include "window_test_support.h"

#include "editor/editor_view.h"
#include "interchange/import_dialog.h"
#include "interchange/markdown_export_dialog.h"
#include "posts/post_list_panel.h"
#include "widgets/folder_field.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTreeWidget>

using namespace quire;

class TestInterchangeDialogs : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void importsABlogWithImagesAndAReport();
    void explainsAFolderItCannotImport();
    void closingDuringAnImportLeavesTheLibrary();
    void importFromTheFileMenu();
    void exportsMarkdownAndRemembersTheFolder();

private:
    void write(const QString &relative, const QByteArray &content);
    bool waitFor(TaskDialog *dialog) { return QTest::qWaitFor([dialog] { return !dialog->isRunning(); }, 120000); }
    QAction *menuAction(const QString &text) const;
    static QByteArray png();
    QString blog() const { return m_dir->filePath(QStringLiteral("blog")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestInterchangeDialogs::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_window = WindowTest::open(m_dir->filePath(QStringLiteral("blog.quire")));
    QVERIFY(m_window);
}

void TestInterchangeDialogs::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

void TestInterchangeDialogs::write(const QString &relative, const QByteArray &content)
{
    const QString path = blog() + u'/' + relative;
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
}

QByteArray TestInterchangeDialogs::png()
{
    // The signature, and an IHDR of 3 x 2 pixels: what the library probes.
    return QByteArray::fromHex("89504e470d0a1a0a0000000d4948445200000003000000020806000000") + QByteArray(16, '\0');
}

QAction *TestInterchangeDialogs::menuAction(const QString &text) const
{
    for (QAction *menu : m_window->menuBar()->actions()) {
        for (QAction *action : menu->menu()->actions()) {
            if (action->text() == text)
                return action;
        }
    }
    return nullptr;
}

void TestInterchangeDialogs::importsABlogWithImagesAndAReport()
{
    write(QStringLiteral("assets/figure.png"), png());
    write(QStringLiteral("_posts/2024-01-02-with-figure.md"),
          "---\ntitle: With a figure\ntags: [gpu]\n---\n![Speed-up](/assets/figure.png)\n");
    write(QStringLiteral("_posts/2024-01-03-missing.md"), "---\ntitle: Missing image\n---\n![Gone](/assets/gone.png)\n");
    write(QStringLiteral("_posts/2024-01-04-binary.md"), QByteArray("\x00\x01\x02\xff", 4));
    write(QStringLiteral("_drafts/idea.md"), "---\ntitle: An idea\n---\nLater.\n");

    ImportDialog dialog(m_window->library());
    QSignalSpy imported(&dialog, &ImportDialog::imported);
    QSignalSpy activated(&dialog, &ImportDialog::postActivated);
    dialog.show();
    dialog.folderField()->setFolder(blog());
    QVERIFY2(dialog.kindLabel()->text().contains(QStringLiteral("Jekyll")), qPrintable(dialog.kindLabel()->text()));
    QVERIFY(dialog.importButton()->isEnabled());
    dialog.startImport();
    QVERIFY(dialog.isRunning() || imported.size() == 1);
    QVERIFY(waitFor(&dialog));
    QCOMPARE(imported.size(), 1);

    QCOMPARE(int(m_window->library()->posts().list()->size()), 1 + 3);   // the welcome post and the blog's
    QVERIFY(m_window->library()->assets().byName(QStringLiteral("figure.png"))->has_value());
    QCOMPARE((**m_window->library()->posts().bySlug(QStringLiteral("with-figure"))).body,
             QStringLiteral("![Speed-up](/media/figure.png)\n"));

    // What needs attention comes first and alone: the binary file and the missing image.
    QTreeWidget *report = dialog.reportList();
    QCOMPARE(report->topLevelItemCount(), 5);   // 1 skipped, 1 warning, 3 imported
    QVERIFY(dialog.attentionOnlyBox()->isChecked());
    int visible = 0;
    for (int row = 0; row < report->topLevelItemCount(); ++row)
        visible += report->topLevelItem(row)->isHidden() ? 0 : 1;
    QCOMPARE(visible, 2);
    QCOMPARE(report->topLevelItem(0)->text(1), QStringLiteral("_posts/2024-01-04-binary.md"));
    QVERIFY2(report->topLevelItem(1)->text(3).contains(QStringLiteral("no such file")), qPrintable(report->topLevelItem(1)->text(3)));
    QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("Imported 3 new post")), qPrintable(dialog.statusLabel()->text()));

    dialog.attentionOnlyBox()->setChecked(false);
    QVERIFY(!report->topLevelItem(4)->isHidden());
    emit report->itemActivated(report->topLevelItem(1), 0);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().toString(), QStringLiteral("missing"));

    // Again: the same posts, now unchanged, and nothing new in the library.
    dialog.startImport();
    QVERIFY(waitFor(&dialog));
    QCOMPARE(int(m_window->library()->posts().list()->size()), 1 + 3);
    QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("3 unchanged")), qPrintable(dialog.statusLabel()->text()));
    // The folder is remembered for the next import.
    ImportDialog next(m_window->library());
    QCOMPARE(next.folderField()->folder(), QDir::cleanPath(blog()));
}

void TestInterchangeDialogs::explainsAFolderItCannotImport()
{
    ImportDialog dialog(m_window->library());
    dialog.folderField()->setFolder(QString());
    QVERIFY(!dialog.importButton()->isEnabled());
    dialog.folderField()->setFolder(m_dir->filePath(QStringLiteral("nowhere")));
    QVERIFY(!dialog.importButton()->isEnabled());
    QVERIFY2(dialog.kindLabel()->text().contains(QStringLiteral("does not exist")), qPrintable(dialog.kindLabel()->text()));
    QVERIFY(QDir().mkpath(blog() + QStringLiteral("/empty")));
    dialog.folderField()->setFolder(blog() + QStringLiteral("/empty"));
    QVERIFY(!dialog.importButton()->isEnabled());
    QVERIFY2(dialog.kindLabel()->text().contains(QStringLiteral("neither a Hugo site")), qPrintable(dialog.kindLabel()->text()));
    dialog.folderField()->setFolder(QStringLiteral("relative/blog"));
    QVERIFY(!dialog.importButton()->isEnabled());
    dialog.startImport();   // refused, as the button is
    QVERIFY(!dialog.isRunning());
}

void TestInterchangeDialogs::closingDuringAnImportLeavesTheLibrary()
{
    for (int index = 0; index < 3000; ++index)
        write(QStringLiteral("content/posts/p%1.md").arg(index), QStringLiteral("---\ntitle: Post %1\n---\nText.\n").arg(index).toUtf8());
    ImportDialog dialog(m_window->library());
    QSignalSpy imported(&dialog, &ImportDialog::imported);
    dialog.show();
    dialog.folderField()->setFolder(blog());
    dialog.startImport();
    QVERIFY(dialog.isRunning());
    QVERIFY(!dialog.closeButton()->isEnabled());
    QVERIFY(dialog.cancelButton()->isEnabled());
    dialog.reject();   // Escape, or the window's close button
    QVERIFY(dialog.isVisible());   // until the import has stopped
    QVERIFY(QTest::qWaitFor([&] { return !dialog.isVisible(); }, 120000));
    QCOMPARE(imported.size(), 0);
    QCOMPARE(int(m_window->library()->posts().list()->size()), 1);   // the welcome post, and nothing of the blog
}

// From the menu, as the writer does it: the window lists the imported posts after.
void TestInterchangeDialogs::importFromTheFileMenu()
{
    write(QStringLiteral("content/posts/first.md"), "+++\ntitle = \"First\"\ndate = 2024-03-04\n+++\nHello.\n");
    write(QStringLiteral("content/posts/second/index.md"), "---\ntitle: Second\ndate: 2024-03-05\n---\n![m](map.png)\n");
    write(QStringLiteral("content/posts/second/map.png"), png());
    QAction *action = menuAction(QStringLiteral("&Import Blog…"));
    QVERIFY(action);
    const int before = m_window->postList()->list()->model()->rowCount();
    bool driven = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<ImportDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->folderField()->setFolder(blog());
        dialog->startImport();
        QVERIFY(waitFor(dialog));
        driven = true;
        dialog->accept();
    });
    action->trigger();
    QVERIFY(driven);
    QCOMPARE(m_window->postList()->list()->model()->rowCount(), before + 2);
    QVERIFY(m_window->library()->assets().byName(QStringLiteral("map.png"))->has_value());
}

void TestInterchangeDialogs::exportsMarkdownAndRemembersTheFolder()
{
    Post post;
    post.title = QStringLiteral("Out it goes");
    post.body = QStringLiteral("Text.\n");
    post.status = PostStatus::Published;
    post.publishedAt = QDateTime(QDate(2024, 6, 7), QTime(8, 0), Qt::UTC);
    QVERIFY(m_window->library()->posts().create(post).ok());
    const QString out = m_dir->filePath(QStringLiteral("markdown"));

    MarkdownExportDialog dialog(m_window->library());
    dialog.show();
    QVERIFY(!dialog.openFolderButton()->isEnabled());
    dialog.folderField()->setFolder(QStringLiteral("relative"));
    QVERIFY(!dialog.exportButton()->isEnabled());
    dialog.folderField()->setFolder(out);
    dialog.flavorBox()->setCurrentIndex(dialog.flavorBox()->findData(QStringLiteral("jekyll")));
    QVERIFY(dialog.exportButton()->isEnabled());
    dialog.startExport();
    QVERIFY(waitFor(&dialog));
    QVERIFY2(dialog.statusLabel()->text().startsWith(QStringLiteral("Wrote 2 post")), qPrintable(dialog.statusLabel()->text()));
    QVERIFY(QFile::exists(out + QStringLiteral("/_posts/2024-06-07-out-it-goes.md")));
    QVERIFY(QFile::exists(out + QStringLiteral("/_config.yml")));
    QVERIFY(dialog.openFolderButton()->isEnabled());

    MarkdownExportDialog again(m_window->library());
    QCOMPARE(again.folderField()->folder(), QDir::cleanPath(out));
    QCOMPARE(again.flavorBox()->currentData().toString(), QStringLiteral("jekyll"));

    // A folder holding someone else's files is refused, with the reason, and left alone.
    const QString busy = m_dir->filePath(QStringLiteral("busy"));
    QVERIFY(QDir().mkpath(busy + QStringLiteral("/_posts")));
    QFile mine(busy + QStringLiteral("/_posts/2024-06-07-out-it-goes.md"));
    QVERIFY(mine.open(QIODevice::WriteOnly));
    mine.write("mine");
    mine.close();
    again.folderField()->setFolder(busy);
    again.startExport();
    QVERIFY(waitFor(&again));
    QVERIFY2(again.statusLabel()->text().contains(QStringLiteral("was not written by a Markdown export")), qPrintable(again.statusLabel()->text()));
    QFile check(busy + QStringLiteral("/_posts/2024-06-07-out-it-goes.md"));
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), QByteArray("mine"));
}

QUIRE_WINDOW_TEST_MAIN(TestInterchangeDialogs)
#include "tst_interchange_dialogs.moc"
