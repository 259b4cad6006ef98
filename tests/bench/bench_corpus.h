#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>
#include <QTextStream>

#include <optional>
#include <vector>

// The posts a benchmark works on: every .md file under a folder, front matter split off, or a
// 1000-post corpus generated with QUIRE_SHARED_DIR/bench/gen_corpus.py when no folder is given.
class BenchCorpus
{
public:
    struct Post
    {
        QByteArray markdown;   // the body, UTF-8
        int firstLine = 1;     // its first line in the file
    };

    // The posts under folder (or a generated corpus in scratch when folder is empty); nothing
    // when there are none, after saying why on stderr.
    static std::optional<std::vector<Post>> load(const QString &folder, const QTemporaryDir &scratch);

    static qint64 totalBytes(const std::vector<Post> &posts);

    // The corpus folder itself: folder, or a corpus generated in scratch when folder is empty;
    // empty after saying why on stderr.
    static QString folder(const QString &folder, const QTemporaryDir &scratch);

    static QTextStream &out();
    static QTextStream &err();

private:
    static bool generate(const QString &folder);
    static std::vector<Post> read(const QString &folder);
};
