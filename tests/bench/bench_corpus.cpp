#include "bench_corpus.h"

#include "markdown/front_matter.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>

QTextStream &BenchCorpus::out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &BenchCorpus::err()
{
    static QTextStream stream(stderr);
    return stream;
}

std::optional<std::vector<BenchCorpus::Post>> BenchCorpus::load(const QString &folder, const QTemporaryDir &scratch)
{
    const QString source = folder.isEmpty() ? scratch.path() : folder;
    if (folder.isEmpty() && !generate(source))
        return std::nullopt;
    std::vector<Post> posts = read(source);
    if (posts.empty() || totalBytes(posts) == 0) {
        err() << "no Markdown files under " << source << Qt::endl;
        return std::nullopt;
    }
    return posts;
}

QString BenchCorpus::folder(const QString &folder, const QTemporaryDir &scratch)
{
    if (!folder.isEmpty())
        return folder;
    return generate(scratch.path()) ? scratch.path() : QString();
}

qint64 BenchCorpus::totalBytes(const std::vector<Post> &posts)
{
    qint64 bytes = 0;
    for (const Post &post : posts)
        bytes += post.markdown.size();
    return bytes;
}

bool BenchCorpus::generate(const QString &folder)
{
    const QString generator = QStringLiteral(QUIRE_SHARED_DIR "/bench/gen_corpus.py");
    if (!QFile::exists(generator)) {
        err() << "no corpus folder given and no generator at " << generator << Qt::endl;
        return false;
    }
    QProcess python;
    python.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    python.start(QStringLiteral("python3"), {generator, QStringLiteral("--n"), QStringLiteral("1000"),
                                             QStringLiteral("--out"), folder});
    if (!python.waitForFinished(600000) || python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0) {
        err() << "gen_corpus.py failed" << Qt::endl;
        return false;
    }
    out() << python.readAllStandardOutput();
    return true;
}

std::vector<BenchCorpus::Post> BenchCorpus::read(const QString &folder)
{
    std::vector<Post> posts;
    QDirIterator it(folder, {QStringLiteral("*.md")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const auto parsed = quire::FrontMatter::parse(QString::fromUtf8(file.readAll()));
        if (!parsed) {
            err() << file.fileName() << ": " << parsed.errorMessage() << Qt::endl;
            continue;
        }
        posts.push_back(Post{parsed->body.toUtf8(), parsed->bodyFirstLine});
    }
    return posts;
}
