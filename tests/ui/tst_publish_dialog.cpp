// File › Publish… as a writer uses it: targets set up once, a dry run that changes nothing, a
// publish to a real git repository with its log, failures said in words, and Cancel.

#include "publish/publish_targets.h"
#include "setup/library_setup.h"
#include "store/post_history.h"
#include "store/post_store.h"
#include "store/revision.h"
#include "window_test_support.h"

#include "publish/publish_dialog.h"
#include "publish/publish_target_dialog.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTreeWidget>

using namespace quire;

class TestPublishDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void targetEditorSaysWhatIsWrong();
    void listsTheLibrarysTargets();
    void dryRunChangesNothing();
    void publishesToAGitBranch();
    void saysWhyAPublishFailed();
    void cancelLeavesTheTargetAlone();

private:
    Post addPost(const QString &title, const QString &body, PostStatus status = PostStatus::Published);
    PublishTarget addTarget(const QString &name, PublishTarget::Kind kind, const QString &destination);
    bool waitForRun(PublishDialog &dialog);
    QString git(const QStringList &arguments);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Library> m_library;
};

void TestPublishDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto library = LibrarySetup::open(m_dir->filePath(QStringLiteral("blog.quire")));
    if (!library)
        QFAIL(qPrintable(library.errorMessage()));
    m_library = std::move(*library);
}

void TestPublishDialog::cleanup()
{
    m_library.reset();
    m_dir.reset();
}

Post TestPublishDialog::addPost(const QString &title, const QString &body, PostStatus status)
{
    Post post;
    post.title = title;
    post.body = body;
    post.status = status;
    auto created = m_library->posts().create(post);
    if (!created)
        qWarning() << created.errorMessage();
    return created ? *created : Post();
}

PublishTarget TestPublishDialog::addTarget(const QString &name, PublishTarget::Kind kind, const QString &destination)
{
    PublishTarget target;
    target.name = name;
    target.kind = kind;
    target.destination = destination;
    auto saved = PublishTargets::save(*m_library, target);
    if (!saved)
        qWarning() << saved.errorMessage();
    return saved ? *saved : PublishTarget();
}

bool TestPublishDialog::waitForRun(PublishDialog &dialog)
{
    return QTest::qWaitFor([&dialog] { return !dialog.isRunning(); }, 120000);
}

QString TestPublishDialog::git(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("git"), arguments);
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

void TestPublishDialog::targetEditorSaysWhatIsWrong()
{
    PublishTargetDialog editor(PublishTarget{});
    QVERIFY(!editor.okButton()->isEnabled());            // nothing filled in
    editor.nameField()->setText(QStringLiteral("server"));
    editor.kindBox()->setCurrentIndex(editor.kindBox()->findData(int(PublishTarget::Kind::Rsync)));
    QVERIFY(!editor.branchField()->isEnabled());
    editor.destinationField()->setText(QStringLiteral("/"));
    QVERIFY(!editor.okButton()->isEnabled());
    QVERIFY(!editor.problemLabel()->text().isEmpty());
    editor.destinationField()->setText(QStringLiteral("me@example.org:/srv/blog"));
    QVERIFY2(editor.okButton()->isEnabled(), qPrintable(editor.problemLabel()->text()));
    QVERIFY(editor.problemLabel()->text().isEmpty());

    editor.kindBox()->setCurrentIndex(editor.kindBox()->findData(int(PublishTarget::Kind::Git)));
    QVERIFY(editor.branchField()->isEnabled());
    editor.branchField()->setText(QStringLiteral("bad branch..name"));
    QVERIFY(!editor.okButton()->isEnabled());
    editor.branchField()->setText(QStringLiteral("gh-pages"));
    editor.cnameField()->setText(QStringLiteral("blog.example.org"));
    QVERIFY(editor.okButton()->isEnabled());
    const PublishTarget target = editor.target();
    QCOMPARE(target.kind, PublishTarget::Kind::Git);
    QCOMPARE(target.destination, QStringLiteral("me@example.org:/srv/blog"));
    QCOMPARE(target.cname, QStringLiteral("blog.example.org"));
}

void TestPublishDialog::listsTheLibrarysTargets()
{
    addTarget(QStringLiteral("backup"), PublishTarget::Kind::Folder, m_dir->filePath(QStringLiteral("backup")));
    addTarget(QStringLiteral("pages"), PublishTarget::Kind::Git, m_dir->filePath(QStringLiteral("repo.git")));
    PublishDialog dialog(m_library.get());
    QCOMPARE(dialog.targetList()->count(), 2);
    QVERIFY(dialog.selectTarget(QStringLiteral("pages")));
    QVERIFY(dialog.targetList()->currentItem()->text().contains(QStringLiteral("gh-pages")));
    QVERIFY(dialog.publishButton()->isEnabled());
    QVERIFY(dialog.dryRunButton()->isEnabled());
    QVERIFY(!dialog.cancelButton()->isEnabled());

    QVERIFY(PublishTargets::remove(*m_library, QStringLiteral("backup")));
    QVERIFY(PublishTargets::remove(*m_library, QStringLiteral("pages")));
    PublishDialog none(m_library.get());
    QCOMPARE(none.targetList()->count(), 0);
    QVERIFY(!none.publishButton()->isEnabled());
    QVERIFY(none.summaryLabel()->text().contains(QStringLiteral("Add a target")));
}

void TestPublishDialog::dryRunChangesNothing()
{
    addPost(QStringLiteral("Out there"), QStringLiteral("Published words."));
    addPost(QStringLiteral("Secret"), QStringLiteral("Draft words."), PostStatus::Draft);
    const QString folder = m_dir->filePath(QStringLiteral("mirror"));
    addTarget(QStringLiteral("mirror"), PublishTarget::Kind::Folder, folder);
    PublishDialog dialog(m_library.get());
    dialog.show();
    QTest::mouseClick(dialog.dryRunButton(), Qt::LeftButton);
    QVERIFY(dialog.isRunning());
    QVERIFY(!dialog.publishButton()->isEnabled());
    QVERIFY(waitForRun(dialog));
    QVERIFY2(dialog.lastError().isEmpty(), qPrintable(dialog.lastError()));

    QStringList listed;
    for (int i = 0; i < dialog.changeList()->topLevelItemCount(); ++i)
        listed.append(dialog.changeList()->topLevelItem(i)->text(1));
    QVERIFY2(listed.contains(QStringLiteral("posts/out-there/index.html")), qPrintable(listed.join(u' ')));
    QVERIFY(!listed.contains(QStringLiteral("posts/secret/index.html")));   // drafts never go out
    QVERIFY(dialog.summaryLabel()->text().contains(QStringLiteral("would")));
    QVERIFY(!QFileInfo::exists(QDir(folder).filePath(QStringLiteral("index.html"))));
    QVERIFY(!dialog.hasPublished());
}

void TestPublishDialog::publishesToAGitBranch()
{
    if (QStandardPaths::findExecutable(QStringLiteral("git")).isEmpty())
        QSKIP("git is not installed");
    const QString repo = m_dir->filePath(QStringLiteral("site.git"));
    git({QStringLiteral("init"), QStringLiteral("--quiet"), QStringLiteral("--bare"), repo});
    const Post post = addPost(QStringLiteral("Numerical debugging"), QStringLiteral("Catastrophic cancellation."));
    QVERIFY(!post.publishedAt.isValid());
    addTarget(QStringLiteral("pages"), PublishTarget::Kind::Git, repo);

    PublishDialog dialog(m_library.get());
    dialog.show();
    QSignalSpy published(&dialog, &PublishDialog::published);
    QTest::mouseClick(dialog.publishButton(), Qt::LeftButton);
    QVERIFY(waitForRun(dialog));
    QVERIFY2(dialog.lastError().isEmpty(), qPrintable(dialog.lastError()));
    QCOMPARE(published.count(), 1);
    QVERIFY(dialog.hasPublished());
    QVERIFY(dialog.summaryLabel()->text().contains(QStringLiteral("Published")));
    QVERIFY(dialog.log()->toPlainText().contains(QStringLiteral("git")));   // the commands it ran

    const QString files = git({QStringLiteral("--git-dir=") + repo, QStringLiteral("ls-tree"), QStringLiteral("-r"),
                               QStringLiteral("--name-only"), QStringLiteral("gh-pages")});
    QVERIFY2(files.contains(QStringLiteral("posts/numerical-debugging/index.html")), qPrintable(files));
    QVERIFY(m_library->posts().byId(post.id)->publishedAt.isValid());

    // Again with nothing changed: nothing to publish, no second commit.
    dialog.startPublish();
    QVERIFY(waitForRun(dialog));
    QVERIFY(dialog.summaryLabel()->text().contains(QStringLiteral("nothing to publish")));
    QCOMPARE(git({QStringLiteral("--git-dir=") + repo, QStringLiteral("rev-list"), QStringLiteral("--count"), QStringLiteral("gh-pages")}),
             QStringLiteral("1"));
}

void TestPublishDialog::saysWhyAPublishFailed()
{
    addPost(QStringLiteral("Words"), QStringLiteral("Body."));
    addTarget(QStringLiteral("nowhere"), PublishTarget::Kind::Git, m_dir->filePath(QStringLiteral("not-a-repository")));
    PublishDialog dialog(m_library.get());
    dialog.show();
    dialog.startPublish();
    QVERIFY(waitForRun(dialog));
    QVERIFY(!dialog.lastError().isEmpty());
    QCOMPARE(dialog.summaryLabel()->text(), dialog.lastError());
    QVERIFY(dialog.log()->toPlainText().contains(dialog.lastError()));
    QVERIFY(!dialog.hasPublished());
    QVERIFY(dialog.publishButton()->isEnabled());   // ready to try again
}

void TestPublishDialog::cancelLeavesTheTargetAlone()
{
    for (int i = 0; i < 200; ++i)
        addPost(QStringLiteral("Post %1").arg(i), QStringLiteral("Body %1.").arg(i));
    const QString folder = m_dir->filePath(QStringLiteral("mirror"));
    addTarget(QStringLiteral("mirror"), PublishTarget::Kind::Folder, folder);
    PublishDialog dialog(m_library.get());
    dialog.show();
    dialog.startPublish();
    QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
    QVERIFY(waitForRun(dialog));
    QVERIFY(!dialog.lastError().isEmpty());
    QVERIFY(!dialog.hasPublished());
    QVERIFY(!QFileInfo::exists(QDir(folder).filePath(QStringLiteral("index.html"))));
    for (const Revision &revision : m_library->history().revisions(1).value())
        QVERIFY(revision.reason != RevisionReason::Publish);   // nothing recorded as published
}

QUIRE_WINDOW_TEST_MAIN(TestPublishDialog)

#include "tst_publish_dialog.moc"
