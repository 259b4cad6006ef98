// How long the revisions dialog's word diff takes on a 10k-word post: a few edits (the usual
// case), an edit every 100 words, and two unrelated posts (the worst case, shown off the GUI
// thread). Usage: bench_diff [folder with .md posts]; without one, gen_corpus.py writes one
// 10,000-word post.

#include "bench_corpus.h"
#include "diff/word_diff.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>

#include <algorithm>

namespace {

QString generatePosts(const QTemporaryDir &scratch)
{
    QProcess python;
    python.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    python.start(QStringLiteral("python3"), {QStringLiteral(QUIRE_SHARED_DIR "/bench/gen_corpus.py"), QStringLiteral("--n"),
                                             QStringLiteral("2"), QStringLiteral("--words"), QStringLiteral("10000"),
                                             QStringLiteral("--out"), scratch.path()});
    if (!python.waitForFinished(120000) || python.exitCode() != 0)
        return {};
    return scratch.path();
}

// Median of a few runs, in milliseconds.
double timeDiff(const QString &before, const QString &after, quire::WordDiff *result)
{
    std::vector<double> runs;
    for (int i = 0; i < 7; ++i) {
        QElapsedTimer timer;
        timer.start();
        *result = quire::WordDiff::compare(before, after);
        runs.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::sort(runs.begin(), runs.end());
    return runs[runs.size() / 2];
}

QString everyHundredthWordChanged(const QString &text)
{
    QStringList tokens = quire::WordDiff::tokenize(text);
    int words = 0;
    for (QString &token : tokens) {
        if (token.at(0).isLetter() && ++words % 100 == 0)
            token = QStringLiteral("CHANGED");
    }
    return tokens.join(QString());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir scratch;
    const QString folder = argc > 1 ? QString::fromLocal8Bit(argv[1]) : generatePosts(scratch);
    const std::optional<std::vector<BenchCorpus::Post>> posts = BenchCorpus::load(folder, scratch);
    if (!posts || posts->size() < 2) {
        BenchCorpus::err() << "bench_diff needs two posts" << Qt::endl;
        return 1;
    }
    const QString text = QString::fromUtf8(posts->at(0).markdown);
    const QString other = QString::fromUtf8(posts->at(1).markdown);

    QString threeEdits = text;
    threeEdits.insert(threeEdits.size() / 10, QStringLiteral(" an inserted phrase "));
    threeEdits.replace(threeEdits.indexOf(QLatin1Char(' '), threeEdits.size() / 2), 1, QStringLiteral(" CHANGED "));
    threeEdits.remove(threeEdits.size() * 9 / 10, 40);

    quire::WordDiff diff;
    QTextStream &out = BenchCorpus::out();
    out << "post: " << text.size() << " characters, " << quire::WordDiff::tokenize(text).size() << " tokens" << Qt::endl;
    const double few = timeDiff(text, threeEdits, &diff);
    out << "three edits:            " << few << " ms (" << diff.summary() << ")" << Qt::endl;
    const double many = timeDiff(text, everyHundredthWordChanged(text), &diff);
    out << "every 100th word:       " << many << " ms (" << diff.summary() << ")" << Qt::endl;
    const double unrelated = timeDiff(text, other, &diff);
    out << "two different posts:    " << unrelated << " ms (" << diff.summary() << ")" << Qt::endl;
    return 0;
}
