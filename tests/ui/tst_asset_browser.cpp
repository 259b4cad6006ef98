// Tools › Assets… as a writer uses it: the images with the posts that use them, renaming one (the
// posts follow), replacing its picture, describing it, deleting only what no post uses, and the
// window saving the open post before and showing the rewritten text after.

#include "setup/library_setup.h"
#include "store/asset_store.h"
#include "store/post_store.h"
#include "window_test_support.h"

#include "assets/asset_browser_dialog.h"
#include "assets/asset_list_model.h"
#include "editor/draft_session.h"
#include "editor/editor_view.h"

#include <QAction>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>

using namespace quire;

namespace {

QByteArray png(const QByteArray &tail = {})
{
    return QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
        + tail;
}

} // namespace

class TestAssetBrowser : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void listsAssetsWithTheirPosts();
    void filtersByNameAndUse();
    void sortsNumbersByValue();
    void opensQuicklyWithManyImages();
    void renameUpdatesThePosts();
    void deleteIsRefusedForUsedImages();
    void replaceChangesThePicture();
    void altTextIsSaved();
    void doubleClickOpensThePost();
    void windowSavesAndReloadsTheOpenPost();

private:
    void openLibrary();
    qint64 addPost(const QString &title, const QString &body, std::optional<qint64> cover = {});
    QString writeFile(const QString &name, const QByteArray &data);
    QStringList userTitles(const AssetBrowserDialog &dialog) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Library> m_library;
    qint64 m_one = 0;
    qint64 m_two = 0;
};

void TestAssetBrowser::openLibrary()
{
    auto library = LibrarySetup::open(m_dir->filePath(QStringLiteral("blog.quire")));
    if (!library)
        QFAIL(qPrintable(library.errorMessage()));
    m_library = std::move(*library);
}

void TestAssetBrowser::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    openLibrary();
    QVERIFY(m_library);
    const auto a = m_library->assets().store(png("a"), QStringLiteral("a.png"), 1, 1);
    const auto b = m_library->assets().store(png("b"), QStringLiteral("b.png"), 1, 1);
    const auto c = m_library->assets().store(png("c"), QStringLiteral("c.png"), 1, 1);
    QVERIFY(a && b && c);
    m_one = addPost(QStringLiteral("One"), QStringLiteral("# One\n\n![A chart](/media/a.png)\n"));
    m_two = addPost(QStringLiteral("Two"), QStringLiteral("# Two\n\nText.\n"), b->id);
    QVERIFY(m_one && m_two);
}

void TestAssetBrowser::cleanup()
{
    m_library.reset();
    m_dir.reset();
}

qint64 TestAssetBrowser::addPost(const QString &title, const QString &body, std::optional<qint64> cover)
{
    Post post;
    post.title = title;
    post.body = body;
    post.coverAssetId = cover;
    const Result<Post> created = m_library->posts().create(post);
    return created ? created->id : 0;
}

QString TestAssetBrowser::writeFile(const QString &name, const QByteArray &data)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        return {};
    return path;
}

QStringList TestAssetBrowser::userTitles(const AssetBrowserDialog &dialog) const
{
    QStringList titles;
    for (int i = 0; i < dialog.userList()->count(); ++i)
        titles.append(dialog.userList()->item(i)->text());
    return titles;
}

void TestAssetBrowser::listsAssetsWithTheirPosts()
{
    AssetBrowserDialog dialog(m_library.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.model()->rowCount(), 3);
    QVERIFY(dialog.selectAsset(QStringLiteral("a.png")));
    QCOMPARE(userTitles(dialog), QStringList{QStringLiteral("One")});
    QVERIFY2(dialog.detailsLabel()->text().contains(QStringLiteral("1 × 1 pixels")), qPrintable(dialog.detailsLabel()->text()));
    QVERIFY(dialog.detailsLabel()->text().contains(QLocale().formattedDataSize(png("a").size())));
    QVERIFY(dialog.selectAsset(QStringLiteral("b.png")));
    QCOMPARE(userTitles(dialog), QStringList{QStringLiteral("Two (cover)")});
    QVERIFY(dialog.selectAsset(QStringLiteral("c.png")));
    QCOMPARE(userTitles(dialog), QStringList{QStringLiteral("No post uses this image.")});

    // Thumbnails arrive from the decoders, and are real pictures.
    QTRY_VERIFY(dialog.model()->thumbnailsSettled());
    const QVariant thumbnail = dialog.model()->index(0).data(Qt::DecorationRole);
    QVERIFY(thumbnail.canConvert<QIcon>());
    // A square of the thumbnail size with the (1 x 1) picture in its middle, so that every name
    // sits on one line under its picture, however tall or wide the picture is.
    constexpr int side = AssetListModel::ThumbnailSize;
    QCOMPARE(thumbnail.value<QIcon>().availableSizes(), QList<QSize>{QSize(side, side)});
    const QImage shown = thumbnail.value<QIcon>().pixmap(QSize(side, side)).toImage();
    QVERIFY(qAlpha(shown.pixel((side - 1) / 2, (side - 1) / 2)) > 0);
    QCOMPARE(qAlpha(shown.pixel(0, 0)), 0);
    // Laid out before any picture arrived, every item still has room for a whole thumbnail.
    QVERIFY(dialog.assetView()->visualRect(dialog.model()->index(0)).height() > AssetListModel::ThumbnailSize);
}

void TestAssetBrowser::filtersByNameAndUse()
{
    AssetBrowserDialog dialog(m_library.get());
    dialog.filterField()->setText(QStringLiteral("B.p"));
    QCOMPARE(dialog.model()->rowCount(), 1);
    QCOMPARE(dialog.model()->asset(0).name, QStringLiteral("b.png"));
    dialog.filterField()->clear();
    dialog.unusedOnlyBox()->setChecked(true);
    QCOMPARE(dialog.model()->rowCount(), 1);
    QCOMPARE(dialog.model()->asset(0).name, QStringLiteral("c.png"));
}

void TestAssetBrowser::sortsNumbersByValue()
{
    for (const char *name : {"figure-10.png", "figure-2.png", "figure-1.png"})
        QVERIFY(m_library->assets().store(png(name), QString::fromLatin1(name)));
    AssetBrowserDialog dialog(m_library.get());
    QStringList names;
    for (int row = 0; row < dialog.model()->rowCount(); ++row)
        names.append(dialog.model()->asset(row).name);
    QCOMPARE(names, (QStringList{"a.png", "b.png", "c.png", "figure-1.png", "figure-2.png", "figure-10.png"}));
}

void TestAssetBrowser::opensQuicklyWithManyImages()
{
    const auto stored = m_library->transaction([&]() -> Result<void> {
        for (int i = 0; i < 500; ++i) {
            if (Result<Asset> asset = m_library->assets().store(png(QByteArray::number(i)), QStringLiteral("shot-%1.png").arg(i)); !asset)
                return asset.error();
        }
        return {};
    });
    QVERIFY(stored);
    QElapsedTimer timer;
    timer.start();
    AssetBrowserDialog dialog(m_library.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const qint64 shown = timer.elapsed();
    qInfo("503 images listed and painted in %lld ms", shown);
    QVERIFY2(shown < 2000, qPrintable(QString::number(shown)));
    QCOMPARE(dialog.model()->rowCount(), 503);
    // Only what is on screen is decoded, off the GUI thread.
    QTRY_VERIFY(dialog.model()->thumbnailsSettled());
}

void TestAssetBrowser::renameUpdatesThePosts()
{
    AssetBrowserDialog dialog(m_library.get());
    QSignalSpy changed(&dialog, &AssetBrowserDialog::postsChanged);
    QVERIFY(!dialog.renameButton()->isEnabled());
    QVERIFY(dialog.selectAsset(QStringLiteral("a.png")));
    QVERIFY(dialog.renameButton()->isEnabled());

    const Result<void> renamed = dialog.renameSelected(QStringLiteral("Chart Final"));
    QVERIFY2(renamed, renamed ? "" : qPrintable(renamed.errorMessage()));
    QCOMPARE(m_library->posts().byId(m_one)->body, QStringLiteral("# One\n\n![A chart](/media/chart-final.png)\n"));
    QCOMPARE(dialog.selectedName(), QStringLiteral("chart-final.png"));
    QCOMPARE(changed.size(), 1);
    QVERIFY(dialog.problemLabel()->isHidden());

    // A name another image has is refused, in words, and nothing changes.
    const Result<void> taken = dialog.renameSelected(QStringLiteral("b"));
    QVERIFY(!taken);
    QVERIFY(!dialog.problemLabel()->isHidden());
    QVERIFY2(dialog.problemLabel()->text().contains(QStringLiteral("already called “b.png”")),
             qPrintable(dialog.problemLabel()->text()));
    QCOMPARE(m_library->posts().byId(m_one)->body, QStringLiteral("# One\n\n![A chart](/media/chart-final.png)\n"));
    QCOMPARE(changed.size(), 1);
}

void TestAssetBrowser::deleteIsRefusedForUsedImages()
{
    AssetBrowserDialog dialog(m_library.get());
    QVERIFY(dialog.selectAsset(QStringLiteral("a.png")));
    QVERIFY(!dialog.deleteButton()->isEnabled());
    QVERIFY2(dialog.deleteButton()->toolTip().contains(QStringLiteral("a.png")), qPrintable(dialog.deleteButton()->toolTip()));
    const Result<void> refused = dialog.deleteSelected();
    QVERIFY(!refused);
    QVERIFY2(dialog.problemLabel()->text().contains(QStringLiteral("“One”")), qPrintable(dialog.problemLabel()->text()));
    QCOMPARE(m_library->assets().list()->size(), 3);

    QVERIFY(dialog.selectAsset(QStringLiteral("c.png")));
    QVERIFY(dialog.deleteButton()->isEnabled());
    const Result<void> deleted = dialog.deleteSelected();
    QVERIFY2(deleted, deleted ? "" : qPrintable(deleted.errorMessage()));
    QCOMPARE(m_library->assets().list()->size(), 2);
    QCOMPARE(dialog.model()->rowCount(), 2);
}

void TestAssetBrowser::replaceChangesThePicture()
{
    AssetBrowserDialog dialog(m_library.get());
    QSignalSpy changed(&dialog, &AssetBrowserDialog::postsChanged);
    QVERIFY(dialog.selectAsset(QStringLiteral("a.png")));
    const QString picture = writeFile(QStringLiteral("new.png"), png("new"));
    const Result<void> replaced = dialog.replaceSelected(picture);
    QVERIFY2(replaced, replaced ? "" : qPrintable(replaced.errorMessage()));
    QCOMPARE((*m_library->assets().byName(QStringLiteral("a.png")))->data, png("new"));
    QCOMPARE(changed.size(), 1);

    for (const auto &[name, bytes] : {std::pair{QStringLiteral("notes.png"), QByteArray("just text")},
                                      std::pair{QStringLiteral("empty.png"), QByteArray()}}) {
        const Result<void> refused = dialog.replaceSelected(writeFile(name, bytes));
        QVERIFY(!refused);
        QVERIFY(!dialog.problemLabel()->isHidden());
        QCOMPARE((*m_library->assets().byName(QStringLiteral("a.png")))->data, png("new"));
    }
    QCOMPARE(changed.size(), 1);
}

void TestAssetBrowser::altTextIsSaved()
{
    AssetBrowserDialog dialog(m_library.get());
    QVERIFY(!dialog.altField()->isEnabled());
    QVERIFY(dialog.selectAsset(QStringLiteral("b.png")));
    QVERIFY(dialog.altField()->isEnabled());
    dialog.altField()->setText(QStringLiteral("A tidy chart"));
    emit dialog.altField()->editingFinished();
    QCOMPARE((*m_library->assets().byName(QStringLiteral("b.png")))->alt, QStringLiteral("A tidy chart"));
    QCOMPARE(dialog.altField()->text(), QStringLiteral("A tidy chart"));
}

void TestAssetBrowser::doubleClickOpensThePost()
{
    AssetBrowserDialog dialog(m_library.get());
    QSignalSpy activated(&dialog, &AssetBrowserDialog::postActivated);
    QVERIFY(dialog.selectAsset(QStringLiteral("a.png")));
    emit dialog.userList()->itemActivated(dialog.userList()->item(0));
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().toLongLong(), m_one);
}

void TestAssetBrowser::windowSavesAndReloadsTheOpenPost()
{
    m_library->posts().remove(m_two).ok();
    const QString path = m_library->path();
    m_library.reset();
    auto window = WindowTest::open(path);
    QVERIFY(window);
    QAction *assets = nullptr;
    for (QAction *action : window->findChildren<QAction *>()) {
        if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M))
            assets = action;
    }
    QVERIFY(assets);
    QCOMPARE(window->session()->post().id, m_one);

    // Typed, not yet saved: the rename must not lose it, and must rewrite it too.
    EditorView *editor = window->editor();
    editor->moveCursor(QTextCursor::End);
    editor->insertPlainText(QStringLiteral("Again: ![again](/media/a.png)\n"));
    assets->trigger();
    AssetBrowserDialog *dialog = window->assetBrowser();
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(dialog->selectAsset(QStringLiteral("a.png")));
    const Result<void> renamed = dialog->renameSelected(QStringLiteral("figure"));
    QVERIFY2(renamed, renamed ? "" : qPrintable(renamed.errorMessage()));
    QCOMPARE(editor->toPlainText(),
             QStringLiteral("# One\n\n![A chart](/media/figure.png)\nAgain: ![again](/media/figure.png)\n"));
    QCOMPARE(window->library()->posts().byId(m_one)->body, editor->toPlainText());
    dialog->close();
}

QUIRE_WINDOW_TEST_MAIN(TestAssetBrowser)
#include "tst_asset_browser.moc"
