// The post list on a large library, as a writer meets it:
//
//   QT_QPA_PLATFORM=offscreen build/tests/bench/bench_post_list [POSTS] [CORPUS_FOLDER]
//
// Fills a library with POSTS posts (default 10000: the generated 1000-post corpus, repeated with
// other titles), closes it, then measures: opening it and showing the list (first paint), each
// of a set of searches (the query, the list, and its painting with the passages of the rows in
// view), and scrolling the list from top to bottom a page at a time. Prints milliseconds.

#include "bench_corpus.h"
#include "posts/post_list_model.h"
#include "posts/post_list_panel.h"
#include "setup/library_setup.h"
#include "store/library.h"
#include "store/post_store.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QTest>

#include <algorithm>

using namespace quire;

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

bool fill(const QString &path, const std::vector<BenchCorpus::Post> &corpus, int count)
{
    auto library = LibrarySetup::open(path);
    if (!library)
        return false;
    const QStringList tags = {u"numerics"_qs, u"gpu"_qs, u"ml"_qs, u"reliability"_qs, u"debugging"_qs};
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-count);
    return bool((*library)->transaction([&]() -> Result<void> {
        for (int i = 0; i < count; ++i) {
            Post post;
            const QString body = QString::fromUtf8(corpus[size_t(i) % corpus.size()].markdown);
            post.title = QStringLiteral("Post %1: %2").arg(i).arg(body.section(u'\n', 0, 0).remove(u'#').trimmed().left(60));
            post.body = body;
            post.status = i % 3 == 0 ? PostStatus::Draft : PostStatus::Published;
            post.createdAt = post.updatedAt = start.addDays(i);
            if (post.status == PostStatus::Published)
                post.publishedAt = post.createdAt;
            post.tags = {tags[i % tags.size()], tags[(i / 7) % tags.size()]};
            post.tags.removeDuplicates();
            if (auto created = (*library)->posts().create(post); !created)
                return created.error();
        }
        return {};
    }));
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const int count = app.arguments().value(1, QStringLiteral("10000")).toInt();
    QTemporaryDir scratch;
    const auto corpus = BenchCorpus::load(app.arguments().value(2), scratch);
    if (!corpus)
        return 1;
    const QString path = scratch.filePath(QStringLiteral("list.quire"));
    QElapsedTimer timer;
    timer.start();
    if (!fill(path, *corpus, count)) {
        BenchCorpus::err() << "could not fill the library" << Qt::endl;
        return 1;
    }
    BenchCorpus::out() << "library: " << count << " posts, made in " << timer.elapsed() << " ms" << Qt::endl;

    // Open and list, up to the first paint.
    timer.restart();
    auto library = LibrarySetup::open(path);
    if (!library) {
        BenchCorpus::err() << library.errorMessage() << Qt::endl;
        return 1;
    }
    const qint64 opened = timer.elapsed();
    PostListModel model;
    model.setLibrary(library->get());
    QAction newPost, deletePost;
    PostListPanel panel(&model, &newPost, &deletePost);
    QObject::connect(&panel, &PostListPanel::filterChanged, &model, [&model] { (void)model.reload(); });
    if (!model.reload())
        return 1;
    panel.resize(300, 900);
    panel.show();
    if (!QTest::qWaitForWindowExposed(&panel))
        return 1;
    panel.list()->viewport()->repaint();
    BenchCorpus::out() << "open + list " << model.rowCount() << " posts, painted: " << timer.elapsed() << " ms (open "
                       << opened << " ms)" << Qt::endl;

    // Searches: the query, the list and the passages shown, as typing in the search field does.
    const QListView *view = panel.list();
    BenchCorpus::out() << "rows in view: " << view->viewport()->height() / std::max(1, view->sizeHintForRow(0)) << Qt::endl;
    const QStringList queries = {u"float"_qs, u"gradient"_qs, u"kern"_qs, u"numerical stability"_qs, u"\"loss scaling\""_qs,
                                 u"nondeterminism OR reproducibility"_qs, u"zzzz"_qs, u"the"_qs};
    std::vector<double> all;
    for (const QString &query : queries) {
        std::vector<double> times;
        std::vector<double> listing;
        int rows = 0;
        for (int round = 0; round < 5; ++round) {
            {
                const QSignalBlocker quiet(panel.searchField());   // no pause timer: searched below
                panel.searchField()->setText(query);
            }
            QElapsedTimer search;
            search.start();
            panel.applySearch();   // the model reloads on filterChanged
            listing.push_back(double(search.nsecsElapsed()) / 1e6);
            rows = model.rowCount();
            // The list painted, as the search field's pause shows it: the passages of the rows
            // in view are fetched as they are painted.
            panel.list()->doItemsLayout();   // a reset model is laid out at the next event loop pass
            panel.list()->viewport()->repaint();
            times.push_back(double(search.nsecsElapsed()) / 1e6);
        }
        all.push_back(median(times));
        BenchCorpus::out() << "search " << QStringLiteral("%1").arg(query, -36) << QString::number(median(times), 'f', 2)
                           << " ms (list " << QString::number(median(listing), 'f', 2) << " ms; " << rows << " posts)"
                           << Qt::endl;
    }
    BenchCorpus::out() << "search: median " << QString::number(median(all), 'f', 2) << " ms, max "
                       << QString::number(*std::max_element(all.begin(), all.end()), 'f', 2) << " ms" << Qt::endl;

    // Scrolling through every post, a page at a time, each painted.
    panel.searchField()->clear();
    panel.applySearch();
    QScrollBar *bar = panel.list()->verticalScrollBar();
    std::vector<double> pages;
    for (int value = 0; value <= bar->maximum(); value += bar->pageStep()) {
        QElapsedTimer page;
        page.start();
        bar->setValue(value);
        panel.list()->viewport()->repaint();
        pages.push_back(double(page.nsecsElapsed()) / 1e6);
    }
    BenchCorpus::out() << "scroll: " << pages.size() << " pages, median " << QString::number(median(pages), 'f', 2)
                       << " ms, max " << QString::number(*std::max_element(pages.begin(), pages.end()), 'f', 2)
                       << " ms per page" << Qt::endl;
    return 0;
}
