// A library that can no longer be read in part (its settings table dropped behind Quire's back,
// as a damaged or hand-edited file may be): every dialog still opens and says what failed, every
// command ends with a sentence; nothing ends the program.

#include "assets/asset_browser_dialog.h"
#include "export/export_dialog.h"
#include "interchange/import_dialog.h"
#include "interchange/markdown_export_dialog.h"
#include "publish/publish_dialog.h"
#include "publish/publish_targets.h"
#include "revisions/revisions_dialog.h"
#include "store/post_history.h"
#include "store/post_store.h"
#include "tasks/task_dialog.h"
#include "widgets/folder_field.h"
#include "window_test_support.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>

#include <sqlite3.h>

using namespace quire;

class TestFailedReads : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void everyDialogOpensAndSaysWhatFailed();
    void aLibraryOpenedInThatStateShowsItsPosts();
    void everyCommandEndsWithASentence();

private:
    QString libraryPath() const { return m_dir->filePath(QStringLiteral("blog.quire")); }
    // The library at path, with a post, a publish target and a blog to import beside it.
    void fill(Library &library);
    static bool dropSettings(const QString &path);
    QAction *menuAction(const QString &text) const;
    // Triggers action, whose dialog runs modally; inspect gets it while it is open, then it closes.
    void withModalDialog(QAction *action, const std::function<void(QDialog *)> &inspect);
    void writeBlog();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestFailedReads::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    writeBlog();
}

void TestFailedReads::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

void TestFailedReads::writeBlog()
{
    const QString path = m_dir->filePath(QStringLiteral("blog/_posts/2024-01-02-hello.md"));
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("---\ntitle: Hello\n---\nFrom Jekyll.\n");
}

void TestFailedReads::fill(Library &library)
{
    Post post;
    post.title = QStringLiteral("Kept safe");
    post.body = QStringLiteral("Text that must survive.\n");
    post.status = PostStatus::Published;
    post.publishedAt = QDateTime(QDate(2025, 3, 4), QTime(9, 0), Qt::UTC);
    Result<Post> created = library.posts().create(post);
    QVERIFY(created);
    QVERIFY(library.history().save(*created, RevisionReason::Save));
    PublishTarget target;
    target.name = QStringLiteral("backup");
    target.kind = PublishTarget::Kind::Folder;
    target.destination = m_dir->filePath(QStringLiteral("published"));
    QVERIFY(PublishTargets::save(library, target));
}

// Another connection drops the table, as a tool outside Quire could while Quire has it open.
bool TestFailedReads::dropSettings(const QString &path)
{
    sqlite3 *db = nullptr;
    bool dropped = sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK
        && sqlite3_busy_timeout(db, 5000) == SQLITE_OK
        && sqlite3_exec(db, "DROP TABLE settings", nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return dropped;
}

QAction *TestFailedReads::menuAction(const QString &text) const
{
    for (QAction *menu : m_window->menuBar()->actions()) {
        for (QAction *action : menu->menu()->actions()) {
            if (action->text() == text)
                return action;
        }
    }
    return nullptr;
}

void TestFailedReads::withModalDialog(QAction *action, const std::function<void(QDialog *)> &inspect)
{
    QVERIFY(action);
    bool seen = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (dialog) {
            inspect(dialog);
            seen = true;
            dialog->reject();
        }
    });
    action->trigger();
    QVERIFY(seen);
}

void TestFailedReads::everyDialogOpensAndSaysWhatFailed()
{
    m_window = WindowTest::open(libraryPath());
    QVERIFY(m_window);
    fill(*m_window->library());
    QVERIFY(dropSettings(libraryPath()));

    // Export Site: the fields it could not fill are said in its status line, and an export says
    // why it cannot start instead of ending the program (or storing the blank fields).
    ExportDialog *exporter = m_window->exportDialog();
    exporter->show();
    QVERIFY2(exporter->summaryLabel()->text().contains(QStringLiteral("could not be read")),
             qPrintable(exporter->summaryLabel()->text()));
    exporter->folderField()->setText(m_dir->filePath(QStringLiteral("site")));
    exporter->summaryLabel()->clear();
    exporter->exportButton()->click();
    QVERIFY2(exporter->summaryLabel()->text().contains(QStringLiteral("settings")),
             qPrintable(exporter->summaryLabel()->text()));
    QVERIFY(!exporter->isRunning());
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("site/index.html"))));
    exporter->close();

    withModalDialog(menuAction(QStringLiteral("&Import Blog…")), [&](QDialog *dialog) {
        auto *import = qobject_cast<ImportDialog *>(dialog);
        QVERIFY(import);
        QVERIFY2(import->statusLabel()->text().contains(QStringLiteral("could not be read")),
                 qPrintable(import->statusLabel()->text()));
        import->folderField()->setFolder(m_dir->filePath(QStringLiteral("blog")));
        import->importButton()->click();   // remembering the folder fails first: said, nothing read
        QVERIFY(QTest::qWaitFor([import] { return !import->isRunning(); }, 60000));
        QVERIFY(import->statusLabel()->text().contains(QStringLiteral("settings")));
    });
    withModalDialog(menuAction(QStringLiteral("Export &Markdown…")), [&](QDialog *dialog) {
        auto *markdown = qobject_cast<MarkdownExportDialog *>(dialog);
        QVERIFY(markdown);
        QVERIFY(markdown->statusLabel()->text().contains(QStringLiteral("could not be read")));
        markdown->folderField()->setFolder(m_dir->filePath(QStringLiteral("markdown")));
        markdown->exportButton()->click();
        QVERIFY(QTest::qWaitFor([markdown] { return !markdown->isRunning(); }, 60000));
        QVERIFY(markdown->statusLabel()->text().contains(QStringLiteral("settings")));
    });
    withModalDialog(menuAction(QStringLiteral("&Publish…")), [&](QDialog *dialog) {
        auto *publish = qobject_cast<PublishDialog *>(dialog);
        QVERIFY(publish);
        QVERIFY(publish->dryRunButton()->isEnabled());   // the targets are still there
        publish->dryRunButton()->click();
        QVERIFY(QTest::qWaitFor([publish] { return !publish->cancelButton()->isEnabled(); }, 60000));
        QVERIFY2(publish->summaryLabel()->text().contains(QStringLiteral("settings")),
                 qPrintable(publish->summaryLabel()->text()));
    });
    withModalDialog(menuAction(QStringLiteral("&History…")), [&](QDialog *dialog) {
        QVERIFY(qobject_cast<RevisionsDialog *>(dialog));
    });
    QAction *assets = menuAction(QStringLiteral("&Assets…"));
    QVERIFY(assets);
    assets->trigger();
    QVERIFY(m_window->assetBrowser()->isVisible());
    m_window->assetBrowser()->close();

    // The writer's text is untouched through all of it.
    QVERIFY(m_window->library()->posts().bySlug(QStringLiteral("kept-safe"))->has_value());
}

void TestFailedReads::aLibraryOpenedInThatStateShowsItsPosts()
{
    {
        auto library = LibrarySetup::open(libraryPath());
        QVERIFY(library);
        fill(**library);
    }
    QVERIFY(dropSettings(libraryPath()));
    m_window = WindowTest::open(m_dir->filePath(QStringLiteral("other.quire")));
    QVERIFY(m_window);
    QVERIFY(m_window->openLibrary(libraryPath()));
    // The spelling language is a setting too: its failure is said, the post is shown.
    QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("settings")));
    QCOMPARE(m_window->titleField()->text(), QStringLiteral("Kept safe"));
}

void TestFailedReads::everyCommandEndsWithASentence()
{
    {
        auto library = LibrarySetup::open(libraryPath());
        QVERIFY(library);
        fill(**library);
    }
    QVERIFY(dropSettings(libraryPath()));
    const QString theme = m_dir->filePath(QStringLiteral("theme"));
    // What needs the settings fails with a sentence that says so; what does not, works.
    const QList<std::pair<QStringList, int>> commands{
        {{QStringLiteral("list")}, 0},
        {{QStringLiteral("show"), QStringLiteral("kept-safe")}, 0},
        {{QStringLiteral("new"), QStringLiteral("Another")}, 0},
        {{QStringLiteral("build"), QStringLiteral("--out"), m_dir->filePath(QStringLiteral("site"))}, 1},
        {{QStringLiteral("theme"), QStringLiteral("list")}, 1},
        {{QStringLiteral("theme"), QStringLiteral("use"), QStringLiteral("ledger")}, 1},
        {{QStringLiteral("theme"), QStringLiteral("export"), QStringLiteral("paper"), theme}, 0},
        {{QStringLiteral("config")}, 1},
        {{QStringLiteral("config"), QStringLiteral("title"), QStringLiteral("New title")}, 1},
        {{QStringLiteral("target"), QStringLiteral("list")}, 0},
        {{QStringLiteral("publish"), QStringLiteral("backup"), QStringLiteral("--dry-run")}, 1},
        {{QStringLiteral("import"), m_dir->filePath(QStringLiteral("blog"))}, 0},
        {{QStringLiteral("export-markdown"), m_dir->filePath(QStringLiteral("markdown"))}, 1},
    };
    for (const auto &[command, expected] : commands) {
        QProcess quire;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir->filePath(QStringLiteral("cache")));
        quire.setProcessEnvironment(env);
        quire.start(QStringLiteral(QUIRE_BINARY), QStringList{QStringLiteral("--library"), libraryPath()} + command);
        QVERIFY(quire.waitForFinished(60000));
        const QString what = command.join(u' ');
        const QString err = QString::fromUtf8(quire.readAllStandardError());
        QVERIFY2(quire.exitStatus() == QProcess::NormalExit, qPrintable(what + QStringLiteral(" crashed: ") + err));
        QVERIFY2(quire.exitCode() == expected, qPrintable(what + u' ' + QString::number(quire.exitCode()) + u' ' + err));
        if (expected == 1) {
            QVERIFY2(err.trimmed().count(u'\n') == 0 && err.contains(QStringLiteral("settings"))
                         && err.contains(libraryPath()),
                     qPrintable(what + u' ' + err));
        }
    }
    // Nothing was made from settings that could not be read.
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("site/index.html"))));
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("markdown/config.toml"))));
}

QUIRE_WINDOW_TEST_MAIN(TestFailedReads)
#include "tst_failed_reads.moc"
