// The post list as a writer uses it: filters, order, search with highlighted passages.

#include "posts/post_list_delegate.h"
#include "posts/post_list_model.h"
#include "posts/post_list_panel.h"
#include "setup/library_setup.h"
#include "store/library.h"
#include "store/post_store.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QListView>
#include <QTemporaryDir>
#include <QTest>

using namespace quire;

class TestPostList : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void filtersByStatusAndTag();
    void sortsByTitleAndDate();
    void searchShowsMatchingPassage();
    void searchIsSafeWithAnyText_data();
    void searchIsSafeWithAnyText();
    void vanishedTagShowsEverything();

private:
    QStringList titles() const;
    qint64 add(const QString &title, PostStatus status, const QStringList &tags, const QString &body, int daysAgo);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Library> m_library;
    std::unique_ptr<PostListModel> m_model;
    std::unique_ptr<PostListPanel> m_panel;
    std::unique_ptr<QAction> m_new;
    std::unique_ptr<QAction> m_delete;
};

void TestPostList::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto library = LibrarySetup::open(m_dir->filePath(QStringLiteral("list.quire")));
    QVERIFY(library);
    m_library = std::move(*library);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_library->setClock([now] { return now; });
    add(u"Kahan summation in practice"_qs, PostStatus::Published, {u"numerics"_qs}, u"Compensated sums keep the lost low bits."_qs, 5);
    add(u"Why my GPU results diverge"_qs, PostStatus::Draft, {u"gpu"_qs, u"numerics"_qs}, u"Fused multiply-add changes rounding."_qs, 1);
    add(u"A note on seeds"_qs, PostStatus::Scheduled, {u"ml"_qs}, u"Seeding every generator is not enough for reproducibility."_qs, 3);
    add(u"Benchmarks that lie"_qs, PostStatus::Draft, {}, u"Warm caches and turbo clocks."_qs, 2);
    m_model = std::make_unique<PostListModel>();
    m_model->setLibrary(m_library.get());
    m_new = std::make_unique<QAction>();
    m_delete = std::make_unique<QAction>();
    m_panel = std::make_unique<PostListPanel>(m_model.get(), m_new.get(), m_delete.get());
    connect(m_panel.get(), &PostListPanel::filterChanged, this, [this] { QVERIFY(m_model->reload()); });
    QVERIFY(m_model->reload());
    m_panel->resize(300, 600);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestPostList::cleanup()
{
    m_panel.reset();
    m_model.reset();
    m_library.reset();
    m_dir.reset();
}

qint64 TestPostList::add(const QString &title, PostStatus status, const QStringList &tags, const QString &body, int daysAgo)
{
    Post post;
    post.title = title;
    post.status = status;
    post.tags = tags;
    post.body = body;
    post.createdAt = post.updatedAt = QDateTime::currentDateTimeUtc().addDays(-daysAgo);
    if (status != PostStatus::Draft)
        post.publishedAt = QDateTime::currentDateTimeUtc().addDays(status == PostStatus::Scheduled ? 10 : -daysAgo);
    auto created = m_library->posts().create(post);
    return created ? created->id : 0;
}

QStringList TestPostList::titles() const
{
    QStringList shown;
    for (int row = 0; row < m_model->rowCount(); ++row)
        shown.append(m_model->index(row).data().toString());
    return shown;
}

void TestPostList::filtersByStatusAndTag()
{
    QCOMPARE(titles().size(), 4);
    m_panel->statusFilter()->setCurrentIndex(m_panel->statusFilter()->findData(int(PostStatus::Draft)));
    QCOMPARE(titles(), (QStringList{u"Why my GPU results diverge"_qs, u"Benchmarks that lie"_qs}));
    // The tag menu lists every tag with its count.
    QCOMPARE(m_panel->tagFilter()->count(), 4);   // All tags, gpu, ml, numerics
    QCOMPARE(m_panel->tagFilter()->itemText(3), u"numerics (2)"_qs);
    m_panel->tagFilter()->setCurrentIndex(m_panel->tagFilter()->findData(u"numerics"_qs));
    QCOMPARE(titles(), QStringList{u"Why my GPU results diverge"_qs});
    m_panel->statusFilter()->setCurrentIndex(0);
    QCOMPARE(titles(), (QStringList{u"Why my GPU results diverge"_qs, u"Kahan summation in practice"_qs}));
    // Each row tells its status, date and tags.
    QVERIFY(m_model->index(0).data(PostListModel::DetailRole).toString().contains(u"gpu, numerics"));
    QVERIFY(m_model->index(0).data(PostListModel::DetailRole).toString().startsWith(u"Draft"));
    m_panel->showAll();
    QVERIFY(m_model->reload());
    QCOMPARE(titles().size(), 4);
}

void TestPostList::sortsByTitleAndDate()
{
    QCOMPARE(titles().first(), u"Why my GPU results diverge"_qs);   // last edited first
    m_model->setSort(PostListModel::Sort::Title);
    QVERIFY(m_model->reload());
    QCOMPARE(titles(), (QStringList{u"A note on seeds"_qs, u"Benchmarks that lie"_qs, u"Kahan summation in practice"_qs,
                                    u"Why my GPU results diverge"_qs}));
    m_model->setSort(PostListModel::Sort::PublishDate);
    QVERIFY(m_model->reload());
    QCOMPARE(titles().first(), u"A note on seeds"_qs);   // scheduled, the latest date
    QCOMPARE(titles().at(1), u"Kahan summation in practice"_qs);
}

void TestPostList::searchShowsMatchingPassage()
{
    QTest::keyClicks(m_panel->searchField(), u"rounding"_qs);
    QTRY_COMPARE(titles(), QStringList{u"Why my GPU results diverge"_qs});
    const QString snippet = m_model->index(0).data(PostListModel::SnippetRole).toString();
    QVERIFY2(snippet.contains(u"\x02rounding\x03"), qPrintable(snippet));
    // Painted with the match highlighted: the row differs from the same row without a search.
    const QImage searching = m_panel->list()->viewport()->grab().toImage();
    m_panel->searchField()->clear();
    QTRY_COMPARE(titles().size(), 4);
    m_panel->list()->scrollToTop();
    QVERIFY(searching != m_panel->list()->viewport()->grab().toImage());
    // Prefixes match as the author types.
    QTest::keyClicks(m_panel->searchField(), u"reproduc"_qs);
    QTRY_COMPARE(titles(), QStringList{u"A note on seeds"_qs});
}

void TestPostList::searchIsSafeWithAnyText_data()
{
    QTest::addColumn<QString>("text");
    for (const char *text : {"\"", "\"unclosed", "AND", "OR OR", "NOT x", "*", "a*b", "(", ")", "title:x", "^", "'; DROP TABLE posts; --",
                             "\x01\x02\x03", "💥", "NEAR(a b)", "-x", "+", "{a b}:c"})
        QTest::newRow(text) << QString::fromUtf8(text);
    QTest::newRow("long") << QString(20000, u'a');
}

void TestPostList::searchIsSafeWithAnyText()
{
    QFETCH(QString, text);
    m_model->setSearch(text);
    QVERIFY(m_model->reload());
    for (int row = 0; row < m_model->rowCount(); ++row)
        (void)m_model->index(row).data(PostListModel::SnippetRole);
    m_model->setSearch({});
    QVERIFY(m_model->reload());
    QCOMPARE(m_model->rowCount(), 4);
}

void TestPostList::vanishedTagShowsEverything()
{
    m_panel->tagFilter()->setCurrentIndex(m_panel->tagFilter()->findData(u"ml"_qs));
    QCOMPARE(titles(), QStringList{u"A note on seeds"_qs});
    QVERIFY(m_library->posts().remove(m_model->postIdAt(0)));
    QVERIFY(m_model->reload());
    QTRY_COMPARE(titles().size(), 3);
    QCOMPARE(m_panel->tagFilter()->currentIndex(), 0);
}

QTEST_MAIN(TestPostList)
#include "tst_post_list.moc"
