// The post details panel as a writer uses it: the slug follows a draft's title until chosen by
// hand, refused values are explained and never stored, tags complete from the library, a cover
// image is chosen from a file or the library, and every field reaches the library within a second
// and is there after reopening.

#include "editor/draft_session.h"
#include "editor/image_inserter.h"
#include "metadata/metadata_panel.h"
#include "metadata/tag_line_edit.h"
#include "setup/library_setup.h"
#include "store/asset_store.h"
#include "store/image_intake.h"
#include "store/library.h"
#include "store/post_history.h"
#include "store/post_store.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QTemporaryDir>
#include <QTest>

using namespace quire;

class TestMetadataPanel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void slugFollowsDraftTitle();
    void slugStopsFollowingAfterHandEdit();
    void slugStaysForPublishedPost();
    void badSlugIsRefused_data();
    void badSlugIsRefused();
    void takenSlugIsRefused();
    void tagsCompleteTheCurrentToken();
    void repeatedAndBlankTagsDropped();
    void badTagIsExplained();
    void scheduledNeedsFutureDate();
    void publishedWithoutDateIsPublishedNow();
    void everyFieldIsStoredAndReopened();
    void editsAutosaveWithinASecond();
    void switchingPostsLeavesOtherPostAlone();
    void overlongSummaryIsNotStored();
    void coverIsChosenStoredAndRemoved();
    void hostileCoverFilesAreRefused_data();
    void hostileCoverFilesAreRefused();
    void coverFromTheLibrary();

private:
    Post addPost(const QString &title, const QStringList &tags = {}, const QString &kind = {},
                 PostStatus status = PostStatus::Draft);
    void openPost(qint64 id);
    Post stored(qint64 id);
    // Replaces the field's text by typing, as a person would, and presses Return.
    static void retype(QLineEdit *field, const QString &text);
    void chooseStatus(PostStatus status);
    QString writeFile(const QString &name, const QByteArray &data);
    QString writeImage(const QString &name, QColor colour);
    int assetCount() const { return int(m_library->assets().list()->size()); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Library> m_library;
    std::unique_ptr<DraftSession> m_session;
    std::unique_ptr<MetadataPanel> m_panel;
};

void TestMetadataPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto library = LibrarySetup::open(m_dir->filePath(QStringLiteral("blog.quire")));
    QVERIFY2(library, qPrintable(library.ok() ? QString() : library.errorMessage()));
    m_library = std::move(*library);
    m_session = std::make_unique<DraftSession>();
    m_session->setLibrary(m_library.get());
    m_panel = std::make_unique<MetadataPanel>(m_session.get());
    m_panel->resize(320, 600);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestMetadataPanel::cleanup()
{
    m_panel.reset();
    m_session.reset();
    m_library.reset();
    m_dir.reset();
}

Post TestMetadataPanel::addPost(const QString &title, const QStringList &tags, const QString &kind, PostStatus status)
{
    Post post;
    post.title = title;
    post.tags = tags;
    post.kind = kind;
    post.status = status;
    if (status == PostStatus::Published)
        post.publishedAt = QDateTime::currentDateTimeUtc().addDays(-3);
    auto created = m_library->posts().create(post);
    if (!created)
        qFatal("could not create a post: %s", qPrintable(created.errorMessage()));
    return *created;
}

void TestMetadataPanel::openPost(qint64 id)
{
    if (id == 0) {
        QVERIFY(m_session->open(Post{}));
        return;
    }
    auto post = m_library->posts().byId(id);
    QVERIFY(post);
    QVERIFY(m_session->open(*post));
}

Post TestMetadataPanel::stored(qint64 id)
{
    auto post = m_library->posts().byId(id);
    if (!post)
        qFatal("could not read a post: %s", qPrintable(post.errorMessage()));
    return *post;
}

void TestMetadataPanel::retype(QLineEdit *field, const QString &text)
{
    field->setFocus();
    field->selectAll();
    if (text.isEmpty())
        QTest::keyClick(field, Qt::Key_Backspace);
    else
        QTest::keyClicks(field, text);
    QTest::keyClick(field, Qt::Key_Return);
}

void TestMetadataPanel::chooseStatus(PostStatus status)
{
    QComboBox *combo = m_panel->statusField();
    const int index = combo->findData(int(status));
    combo->setCurrentIndex(index);
    emit combo->activated(index);   // what a choice in the popup sends
}

void TestMetadataPanel::slugFollowsDraftTitle()
{
    const Post post = addPost(QStringLiteral("First thoughts"));
    openPost(post.id);
    QCOMPARE(m_panel->slugField()->text(), QStringLiteral("first-thoughts"));
    m_session->setTitle(QStringLiteral("Second thoughts on NaNs"));
    QCOMPARE(m_panel->slugField()->text(), QStringLiteral("second-thoughts-on-nans"));
    QVERIFY(m_session->flush());
    QCOMPARE(stored(post.id).slug, QStringLiteral("second-thoughts-on-nans"));
}

void TestMetadataPanel::slugStopsFollowingAfterHandEdit()
{
    const Post post = addPost(QStringLiteral("First thoughts"));
    openPost(post.id);
    retype(m_panel->slugField(), QStringLiteral("my-own-address"));
    QVERIFY(m_panel->slugProblem()->isHidden());
    m_session->setTitle(QStringLiteral("A different title"));
    QCOMPARE(m_panel->slugField()->text(), QStringLiteral("my-own-address"));
    QVERIFY(m_session->flush());
    QCOMPARE(stored(post.id).slug, QStringLiteral("my-own-address"));

    // Still chosen by hand after the post is reopened: nothing but the slug itself remembers it.
    openPost(0);
    openPost(post.id);
    m_session->setTitle(QStringLiteral("Yet another title"));
    QVERIFY(m_session->flush());
    QCOMPARE(stored(post.id).slug, QStringLiteral("my-own-address"));
}

void TestMetadataPanel::slugStaysForPublishedPost()
{
    const Post post = addPost(QStringLiteral("Out there"), {}, {}, PostStatus::Published);
    openPost(post.id);
    m_session->setTitle(QStringLiteral("Out there, renamed"));
    QCOMPARE(m_panel->slugField()->text(), QStringLiteral("out-there"));
    QVERIFY(m_session->flush());
    QCOMPARE(stored(post.id).slug, QStringLiteral("out-there"));

    // A draft that was published once (it has a date) keeps its slug too.
    const Post draft = addPost(QStringLiteral("Pulled back"));
    openPost(draft.id);
    m_panel->dateSetField()->click();
    m_session->setTitle(QStringLiteral("Pulled back again"));
    QCOMPARE(m_panel->slugField()->text(), QStringLiteral("pulled-back"));
}

void TestMetadataPanel::badSlugIsRefused_data()
{
    QTest::addColumn<QString>("slug");
    QTest::newRow("empty") << QString();
    QTest::newRow("upper case") << QStringLiteral("UPPER");
    QTest::newRow("slash") << QStringLiteral("a/b");
    QTest::newRow("parent folder") << QStringLiteral("../x");
    QTest::newRow("spaces") << QStringLiteral("two words");
    QTest::newRow("300 characters") << QString(300, u'a');
    QTest::newRow("markup") << QStringLiteral("<script>");
    QTest::newRow("underscore") << QStringLiteral("snake_case");
    QTest::newRow("trailing hyphen") << QStringLiteral("dangling-");
    QTest::newRow("double hyphen") << QStringLiteral("a--b");
}

void TestMetadataPanel::badSlugIsRefused()
{
    QFETCH(QString, slug);
    const Post post = addPost(QStringLiteral("Some post"));
    openPost(post.id);
    retype(m_panel->slugField(), QStringLiteral("good-slug"));
    QVERIFY(m_panel->slugProblem()->isHidden());

    retype(m_panel->slugField(), slug);
    QCOMPARE(m_panel->slugField()->text(), slug);   // what was typed stays for the author to fix
    QVERIFY(m_panel->slugProblem()->isVisible());
    QVERIFY(!m_panel->slugProblem()->text().isEmpty());
    QCOMPARE(m_session->post().slug, QStringLiteral("good-slug"));
    QVERIFY(m_session->flush());
    QCOMPARE(stored(post.id).slug, QStringLiteral("good-slug"));

    // Putting it right clears the message.
    retype(m_panel->slugField(), QStringLiteral("better-slug"));
    QVERIFY(m_panel->slugProblem()->isHidden());
    QCOMPARE(m_session->post().slug, QStringLiteral("better-slug"));
}

void TestMetadataPanel::takenSlugIsRefused()
{
    const Post taken = addPost(QStringLiteral("<b>Taken</b> one"));
    QCOMPARE(taken.slug, QStringLiteral("b-taken-b-one"));
    const Post post = addPost(QStringLiteral("Mine"));
    openPost(post.id);
    retype(m_panel->slugField(), QStringLiteral("b-taken-b-one"));
    QVERIFY(m_panel->slugProblem()->isVisible());
    // The other post is named, its title shown as text, not as markup.
    QVERIFY2(m_panel->slugProblem()->text().contains(QStringLiteral("<b>Taken</b> one")), qPrintable(m_panel->slugProblem()->text()));
    QCOMPARE(m_panel->slugProblem()->textFormat(), Qt::PlainText);
    QCOMPARE(m_session->post().slug, QStringLiteral("mine"));
    QVERIFY(m_session->flush());
    QCOMPARE(stored(post.id).slug, QStringLiteral("mine"));
}

void TestMetadataPanel::tagsCompleteTheCurrentToken()
{
    addPost(QStringLiteral("Tagged"), {QStringLiteral("GPU"), QStringLiteral("machine-learning"), QStringLiteral("math")});
    const Post post = addPost(QStringLiteral("Untagged"));
    openPost(post.id);
    TagLineEdit *tags = m_panel->tagsField();
    tags->setFocus();
    QTest::keyClicks(tags, QStringLiteral("gp"));
    QCompleter *completer = tags->completer();
    QCOMPARE(completer->completionCount(), 1);
    QCOMPARE(completer->currentCompletion(), QStringLiteral("GPU"));
    QTRY_VERIFY(completer->popup()->isVisible());
    QTest::keyClick(completer->popup(), Qt::Key_Down);
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QCOMPARE(tags->text(), QStringLiteral("GPU, "));

    // Only the token after the last comma is completed; what came before stays.
    QTest::keyClicks(tags, QStringLiteral("MA"));
    QCOMPARE(tags->currentToken(), QStringLiteral("MA"));
    QCOMPARE(completer->completionCount(), 2);
    QTRY_VERIFY(completer->popup()->isVisible());
    QTest::keyClick(completer->popup(), Qt::Key_Down);
    QTest::keyClick(completer->popup(), Qt::Key_Down);
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QCOMPARE(tags->text(), QStringLiteral("GPU, math, "));
    QCOMPARE(m_session->post().tags, (QStringList{QStringLiteral("GPU"), QStringLiteral("math")}));

    // Nothing offered for a tag the library does not have.
    QTest::keyClicks(tags, QStringLiteral("zzz"));
    QCOMPARE(completer->completionCount(), 0);
    QVERIFY(!completer->popup()->isVisible());
}

void TestMetadataPanel::repeatedAndBlankTagsDropped()
{
    const Post post = addPost(QStringLiteral("Tags"));
    openPost(post.id);
    TagLineEdit *tags = m_panel->tagsField();
    tags->setFocus();
    tags->setText(QStringLiteral(" gpu , ,GPU,  numerical   debugging ,, Gpu,math,"));
    emit tags->textEdited(tags->text());
    emit tags->editingFinished();
    const QStringList expected{QStringLiteral("gpu"), QStringLiteral("numerical debugging"), QStringLiteral("math")};
    QCOMPARE(m_session->post().tags, expected);
    QCOMPARE(tags->text(), QStringLiteral("gpu, numerical debugging, math"));
    QVERIFY(m_panel->tagsProblem()->isHidden());
    QVERIFY(m_session->flush());
    QCOMPARE(stored(post.id).tags, expected);
}

void TestMetadataPanel::badTagIsExplained()
{
    const Post post = addPost(QStringLiteral("Tags"));
    openPost(post.id);
    TagLineEdit *tags = m_panel->tagsField();
    const QString line = QStringLiteral("fine, ") + QString(101, u'x') + QStringLiteral(", bell\astop");
    tags->setText(line);
    emit tags->textEdited(tags->text());
    emit tags->editingFinished();
    QVERIFY(m_panel->tagsProblem()->isVisible());
    QCOMPARE(tags->text(), line);   // the refused tags are not thrown away
    QVERIFY(m_session->flush());
    QCOMPARE(stored(post.id).tags, QStringList{QStringLiteral("fine")});
}

void TestMetadataPanel::scheduledNeedsFutureDate()
{
    const Post post = addPost(QStringLiteral("Later"));
    openPost(post.id);
    QVERIFY(!m_panel->dateSetField()->isChecked());
    chooseStatus(PostStatus::Scheduled);
    QVERIFY(m_panel->dateProblem()->isVisible());
    QCOMPARE(m_session->post().status, PostStatus::Draft);

    m_panel->dateSetField()->click();   // the field offers the next full hour
    QVERIFY(m_panel->dateProblem()->isHidden());
    QCOMPARE(m_session->post().status, PostStatus::Scheduled);
    const QDateTime future = m_session->post().publishedAt;
    QVERIFY(future > QDateTime::currentDateTimeUtc());

    m_panel->dateField()->setDateTime(QDateTime::currentDateTime().addDays(-1));
    QVERIFY(m_panel->dateProblem()->isVisible());
    QVERIFY(m_panel->dateProblem()->text().contains(QStringLiteral("future")));
    QVERIFY(m_session->flush());
    QCOMPARE(stored(post.id).status, PostStatus::Scheduled);
    QCOMPARE(stored(post.id).publishedAt, future);

    const QDateTime chosen = QDateTime(QDate::currentDate().addDays(10), QTime(9, 30));
    m_panel->dateField()->setDateTime(chosen);
    QVERIFY(m_panel->dateProblem()->isHidden());
    QVERIFY(m_session->flush());
    QCOMPARE(stored(post.id).publishedAt, chosen.toUTC());
    QCOMPARE(stored(post.id).publishedAt.timeSpec(), Qt::UTC);
}

void TestMetadataPanel::publishedWithoutDateIsPublishedNow()
{
    const Post post = addPost(QStringLiteral("Now"));
    openPost(post.id);
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    chooseStatus(PostStatus::Published);
    QVERIFY(m_panel->dateProblem()->isHidden());
    QVERIFY(m_panel->dateSetField()->isChecked());
    QVERIFY(m_session->flush());
    const Post published = stored(post.id);
    QCOMPARE(published.status, PostStatus::Published);
    QVERIFY(published.publishedAt >= before);
    QVERIFY(published.publishedAt <= QDateTime::currentDateTimeUtc());

    // Taking the date away from a published post is refused, and the date stays.
    m_panel->dateSetField()->click();
    QVERIFY(!m_panel->dateSetField()->isChecked());
    QVERIFY(m_panel->dateProblem()->isVisible());
    QVERIFY(m_session->flush());
    QCOMPARE(stored(post.id).publishedAt, published.publishedAt);
}

void TestMetadataPanel::everyFieldIsStoredAndReopened()
{
    addPost(QStringLiteral("Walkthrough one"), {}, QStringLiteral("walkthrough"));
    addPost(QStringLiteral("Note one"), {}, QStringLiteral("note"));
    const Post post = addPost(QStringLiteral("Everything"));
    openPost(post.id);
    QStringList kinds;
    for (int i = 0; i < m_panel->kindField()->count(); ++i)
        kinds.append(m_panel->kindField()->itemText(i));
    QCOMPARE(kinds, (QStringList{QStringLiteral("note"), QStringLiteral("walkthrough")}));

    retype(m_panel->slugField(), QStringLiteral("everything-at-once"));
    retype(m_panel->kindField()->lineEdit(), QStringLiteral("write-up"));
    retype(m_panel->tagsField(), QStringLiteral("gpu, portability"));
    emit m_panel->tagsField()->editingFinished();
    m_panel->summaryField()->setFocus();
    QTest::keyClicks(m_panel->summaryField(), QStringLiteral("Why the kernel gives other numbers on ROCm."));
    m_panel->dateSetField()->click();
    const QDateTime when = QDateTime(QDate::currentDate().addDays(30), QTime(8, 0));
    m_panel->dateField()->setDateTime(when);
    chooseStatus(PostStatus::Scheduled);
    QVERIFY(m_session->flush());

    const auto check = [&](const Post &saved) {
        QCOMPARE(saved.slug, QStringLiteral("everything-at-once"));
        QCOMPARE(saved.kind, QStringLiteral("write-up"));
        QCOMPARE(saved.tags, (QStringList{QStringLiteral("gpu"), QStringLiteral("portability")}));
        QCOMPARE(saved.summary, QStringLiteral("Why the kernel gives other numbers on ROCm."));
        QCOMPARE(saved.status, PostStatus::Scheduled);
        QCOMPARE(saved.publishedAt, when.toUTC());
        QCOMPARE(saved.title, QStringLiteral("Everything"));
    };
    check(stored(post.id));

    // Closed and opened again, in a new session and panel: the fields show what was stored.
    m_panel.reset();
    m_session.reset();
    m_library.reset();
    auto reopened = LibrarySetup::open(m_dir->filePath(QStringLiteral("blog.quire")));
    QVERIFY(reopened);
    m_library = std::move(*reopened);
    check(stored(post.id));
    m_session = std::make_unique<DraftSession>();
    m_session->setLibrary(m_library.get());
    m_panel = std::make_unique<MetadataPanel>(m_session.get());
    openPost(post.id);
    QCOMPARE(m_panel->slugField()->text(), QStringLiteral("everything-at-once"));
    QCOMPARE(m_panel->kindField()->currentText(), QStringLiteral("write-up"));
    QCOMPARE(m_panel->tagsField()->text(), QStringLiteral("gpu, portability"));
    QCOMPARE(m_panel->summaryField()->toPlainText(), QStringLiteral("Why the kernel gives other numbers on ROCm."));
    QCOMPARE(m_panel->statusField()->currentData().toInt(), int(PostStatus::Scheduled));
    QVERIFY(m_panel->dateSetField()->isChecked());
    QCOMPARE(m_panel->dateField()->dateTime().toUTC(), when.toUTC());
    QCOMPARE(m_session->state(), DraftSession::State::Saved);
}

void TestMetadataPanel::editsAutosaveWithinASecond()
{
    const Post post = addPost(QStringLiteral("Autosaved"));
    openPost(post.id);
    QElapsedTimer timer;
    timer.start();
    m_panel->summaryField()->setFocus();
    QTest::keyClicks(m_panel->summaryField(), QStringLiteral("Short."));
    QCOMPARE(m_session->state(), DraftSession::State::Modified);
    QTRY_COMPARE_WITH_TIMEOUT(stored(post.id).summary, QStringLiteral("Short."), 1500);
    QVERIFY(timer.elapsed() < 1500);

    // Tags typed without a comma are stored after a pause too.
    m_panel->tagsField()->setFocus();
    QTest::keyClicks(m_panel->tagsField(), QStringLiteral("reliability"));
    QTRY_COMPARE_WITH_TIMEOUT(stored(post.id).tags, QStringList{QStringLiteral("reliability")}, 2000);

    // And so is a slug.
    m_panel->slugField()->setFocus();
    m_panel->slugField()->selectAll();
    QTest::keyClicks(m_panel->slugField(), QStringLiteral("kept-after-a-pause"));
    QTRY_COMPARE_WITH_TIMEOUT(stored(post.id).slug, QStringLiteral("kept-after-a-pause"), 2000);
}

void TestMetadataPanel::switchingPostsLeavesOtherPostAlone()
{
    const Post first = addPost(QStringLiteral("First"), {QStringLiteral("one")}, QStringLiteral("note"));
    const Post second = addPost(QStringLiteral("Second"), {QStringLiteral("two")}, QStringLiteral("write-up"));
    openPost(first.id);
    m_panel->summaryField()->setFocus();
    QTest::keyClicks(m_panel->summaryField(), QStringLiteral("About the first."));
    QCOMPARE(m_session->state(), DraftSession::State::Modified);

    openPost(second.id);   // writes what the first post had pending
    QCOMPARE(m_session->state(), DraftSession::State::Saved);
    QCOMPARE(m_panel->summaryField()->toPlainText(), QString());
    QCOMPARE(m_panel->tagsField()->text(), QStringLiteral("two"));
    QCOMPARE(m_panel->kindField()->currentText(), QStringLiteral("write-up"));
    QCOMPARE(m_panel->slugField()->text(), QStringLiteral("second"));
    QCOMPARE(stored(first.id).summary, QStringLiteral("About the first."));

    const Post secondBefore = stored(second.id);
    const qsizetype revisionsBefore = m_library->history().revisions(second.id)->size();
    QTest::qWait(1200);   // longer than an autosave takes
    QCOMPARE(m_session->state(), DraftSession::State::Saved);
    const Post secondAfter = stored(second.id);
    QCOMPARE(secondAfter.updatedAt, secondBefore.updatedAt);
    QCOMPARE(secondAfter.changeSeq, secondBefore.changeSeq);
    QCOMPARE(secondAfter.summary, QString());
    QCOMPARE(m_library->history().revisions(second.id)->size(), revisionsBefore);
    QCOMPARE(stored(first.id).tags, QStringList{QStringLiteral("one")});
}

void TestMetadataPanel::overlongSummaryIsNotStored()
{
    const Post post = addPost(QStringLiteral("Long"));
    openPost(post.id);
    m_panel->summaryField()->setPlainText(QStringLiteral("Kept."));
    QVERIFY(m_session->flush());
    m_panel->summaryField()->setPlainText(QString(1200, u's'));
    QVERIFY(m_panel->summaryProblem()->isVisible());
    QCOMPARE(m_panel->summaryField()->toPlainText().size(), 1200);   // nothing cut off behind the author's back
    QVERIFY(m_session->flush());
    QCOMPARE(stored(post.id).summary, QStringLiteral("Kept."));
}

QString TestMetadataPanel::writeFile(const QString &name, const QByteArray &data)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        qFatal("could not write %s", qPrintable(path));
    return path;
}

QString TestMetadataPanel::writeImage(const QString &name, QColor colour)
{
    QImage image(320, 180, QImage::Format_RGB32);
    image.fill(colour);
    QPainter painter(&image);
    painter.fillRect(QRect(20, 20, 120, 80), Qt::white);
    painter.end();
    const QString path = m_dir->filePath(name);
    if (!image.save(path))
        qFatal("could not write %s", qPrintable(path));
    return path;
}

void TestMetadataPanel::coverIsChosenStoredAndRemoved()
{
    const Post post = addPost(QStringLiteral("Harbour notes"));
    openPost(post.id);
    QCOMPARE(m_panel->coverName()->text(), QStringLiteral("None"));
    QVERIFY(!m_panel->coverRemoveButton()->isEnabled());
    QVERIFY(!m_panel->coverChooseButton()->toolTip().isEmpty());
    QVERIFY(!m_panel->coverLibraryButton()->toolTip().isEmpty());
    QVERIFY(!m_panel->coverRemoveButton()->toolTip().isEmpty());

    // What "Choose…" does once its dialog gives a file: stored as a library asset, on the post
    // after the autosave, and recorded in the post's history.
    const QString path = writeImage(QStringLiteral("Harbour at Dawn.png"), QColor(40, 90, 140));
    QVERIFY(m_panel->chooseCoverFile(path));
    QCOMPARE(assetCount(), 1);
    const auto asset = m_library->assets().byName(QStringLiteral("harbour-at-dawn.png"));
    QVERIFY(asset && *asset);
    QCOMPARE((*asset)->width, 320);
    QCOMPARE((*asset)->height, 180);
    QCOMPARE(m_panel->coverName()->text(), QStringLiteral("harbour-at-dawn.png"));
    QVERIFY(m_panel->coverThumbnail()->isVisible());
    QVERIFY(!m_panel->coverThumbnail()->pixmap().isNull());
    QVERIFY(m_panel->coverRemoveButton()->isEnabled());
    QVERIFY(!m_panel->coverProblem()->isVisible());
    QCOMPARE(m_session->state(), DraftSession::State::Modified);
    QTRY_COMPARE_WITH_TIMEOUT(stored(post.id).coverAssetId, std::optional<qint64>((*asset)->id), 1500);
    QCOMPARE(m_library->history().revisions(post.id)->first().metadata.value(QStringLiteral("cover_asset_id")).toInteger(), (*asset)->id);

    // The same file again: the bytes are stored once.
    QVERIFY(m_panel->chooseCoverFile(path));
    QCOMPARE(assetCount(), 1);
    QCOMPARE(m_session->state(), DraftSession::State::Saved);   // nothing changed

    // Shown again when the post is opened again.
    const Post other = addPost(QStringLiteral("Other"));
    openPost(other.id);
    QCOMPARE(m_panel->coverName()->text(), QStringLiteral("None"));
    openPost(post.id);
    QCOMPARE(m_panel->coverName()->text(), QStringLiteral("harbour-at-dawn.png"));

    // Removed: off the post after the autosave, still in the library.
    QTest::mouseClick(m_panel->coverRemoveButton(), Qt::LeftButton);
    QCOMPARE(m_panel->coverName()->text(), QStringLiteral("None"));
    QVERIFY(!m_panel->coverThumbnail()->isVisible());
    QVERIFY(!m_panel->coverRemoveButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!stored(post.id).coverAssetId, 1500);
    QCOMPARE(assetCount(), 1);
}

void TestMetadataPanel::hostileCoverFilesAreRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<qint64>("size");   // grown (sparse) to this size when not 0
    QTest::addColumn<QString>("problem");
    QTest::newRow("not an image named .png") << "fake.png" << QByteArray("<html><script>alert(1)</script></html>") << qint64(0)
                                             << "not an image";
    QTest::newRow("svg with a script") << "chart.svg"
                                       << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"8\">"
                                                     "<script>alert(document.cookie)</script><rect width=\"8\" height=\"8\"/></svg>")
                                       << qint64(0) << "script";
    QTest::newRow("svg with an event handler") << "hover.svg"
                                               << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"8\" height=\"8\""
                                                             " onmouseover=\"alert(1)\"/></svg>")
                                               << qint64(0) << "script";
    QTest::newRow("too big") << "huge.png"
                             << QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
                             << qint64(ImageIntake::MaxSize + 1) << "too big";
    QTest::newRow("missing") << "" << QByteArray() << qint64(0) << "not a file";
}

void TestMetadataPanel::hostileCoverFilesAreRefused()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(qint64, size);
    QFETCH(QString, problem);
    // A post that has a cover already: a refused file leaves it as it is.
    const Post post = addPost(QStringLiteral("Guarded"));
    openPost(post.id);
    QVERIFY(m_panel->chooseCoverFile(writeImage(QStringLiteral("kept.png"), QColor(200, 120, 40))));
    QVERIFY(m_session->flush());
    const std::optional<qint64> kept = stored(post.id).coverAssetId;
    QVERIFY(kept);
    const qsizetype revisions = m_library->history().revisions(post.id)->size();

    QString path = name.isEmpty() ? m_dir->filePath(QStringLiteral("no-such-file.png")) : writeFile(name, content);
    if (size > 0) {
        QFile file(path);
        QVERIFY(file.resize(size));   // sparse: no 25 MiB written
    }
    QVERIFY(!m_panel->chooseCoverFile(path));
    QVERIFY(m_panel->coverProblem()->isVisible());
    const QString message = m_panel->coverProblem()->text();
    QVERIFY2(message.contains(problem), qPrintable(message));
    QVERIFY2(message.contains(QFileInfo(path).fileName()), qPrintable(message));
    // Nothing changed: no new asset, the same cover shown and stored, nothing to save.
    QCOMPARE(assetCount(), 1);
    QCOMPARE(m_panel->coverName()->text(), QStringLiteral("kept.png"));
    QCOMPARE(m_session->state(), DraftSession::State::Saved);
    QTest::qWait(700);   // longer than the session waits before an autosave
    QCOMPARE(stored(post.id).coverAssetId, kept);
    QCOMPARE(m_library->history().revisions(post.id)->size(), revisions);

    // A good file afterwards clears the problem.
    QVERIFY(m_panel->chooseCoverFile(writeImage(QStringLiteral("fine.png"), QColor(20, 160, 90))));
    QVERIFY(!m_panel->coverProblem()->isVisible());
    QCOMPARE(m_panel->coverName()->text(), QStringLiteral("fine.png"));
}

void TestMetadataPanel::coverFromTheLibrary()
{
    ImageInserter images;
    images.setLibrary(m_library.get());
    QVERIFY(images.storeFile(writeImage(QStringLiteral("b-figure.png"), QColor(90, 90, 200))));
    const auto chosen = images.storeFile(writeImage(QStringLiteral("a-figure.png"), QColor(200, 90, 90)));
    QVERIFY(chosen);
    const Post post = addPost(QStringLiteral("From the library"));
    openPost(post.id);

    // The menu lists the library's images as it opens, by name.
    QMenu *menu = m_panel->coverLibraryButton()->menu();
    QVERIFY(menu);
    emit menu->aboutToShow();
    QStringList names;
    for (const QAction *action : menu->actions())
        names.append(action->text());
    QCOMPARE(names, (QStringList{QStringLiteral("a-figure.png"), QStringLiteral("b-figure.png")}));
    QVERIFY(!menu->actions().first()->isChecked());
    menu->actions().first()->trigger();
    QCOMPARE(m_panel->coverName()->text(), QStringLiteral("a-figure.png"));
    QVERIFY(m_session->flush());
    QCOMPARE(stored(post.id).coverAssetId, std::optional<qint64>(chosen->id));
    QCOMPARE(assetCount(), 2);   // nothing stored again
    emit menu->aboutToShow();
    QVERIFY(menu->actions().first()->isChecked());

    // An image the library does not hold is refused.
    QVERIFY(!m_panel->chooseCoverAsset(QStringLiteral("gone.png")));
    QVERIFY(m_panel->coverProblem()->isVisible());
    QCOMPARE(m_panel->coverName()->text(), QStringLiteral("a-figure.png"));

    // An empty library says so.
    const Post other = addPost(QStringLiteral("Empty"));
    openPost(other.id);
    QVERIFY(m_library->assets().remove(QStringLiteral("b-figure.png")));
    QVERIFY(m_library->assets().remove(QStringLiteral("a-figure.png")));
    emit menu->aboutToShow();
    QCOMPARE(menu->actions().size(), 1);
    QVERIFY(!menu->actions().first()->isEnabled());
}

QTEST_MAIN(TestMetadataPanel)
#include "tst_metadata_panel.moc"
