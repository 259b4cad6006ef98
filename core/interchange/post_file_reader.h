#pragma once

#include "interchange/blog_source.h"
#include "result.h"
#include "store/post.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace quire {

// A post read from a Markdown file, with what was cleaned or guessed on the way.
struct ImportedPost
{
    Post post;
    QStringList warnings;
    // The slug an import gave this file before the slug rules, when it is not post.slug: a post
    // the library holds under it is this file's.
    QString earlierSlug;
};

// Reads one Jekyll or Hugo post file into a Post: front matter fields mapped to columns and
// brought within the post rules (ImportFixer), unknown keys kept in Post::extra. A file that
// cannot be a post (empty, binary, not UTF-8, malformed front matter, too large) is an Error
// whose message says why it was skipped.
class PostFileReader
{
    Q_DECLARE_TR_FUNCTIONS(PostFileReader)

public:
    static constexpr qint64 MaxFileSize = 8 * 1024 * 1024;

    PostFileReader(BlogSource::Kind kind, QDateTime now) : m_kind(kind), m_now(std::move(now)) {}

    Result<ImportedPost> read(const SourceFile &file) const;
    Result<ImportedPost> parse(const SourceFile &file, const QByteArray &bytes) const;

    // "2024-03-05", "2024-03-05 10:00:00 +0200", "2024-03-05T10:00:00Z"… as UTC; invalid if none fits.
    static QDateTime parseDate(const QString &text);

private:
    // Each takes its fields from the front matter and brings them within the post rules, adding
    // a warning for whatever it had to guess or fix.
    static QString readTitle(const QString &stated, const QString &body, const QString &nameSlug, QStringList &warnings);
    static void readSlug(const SourceFile &file, QJsonObject &fields, const QString &nameSlug, ImportedPost &result);
    static QDateTime readDates(QJsonValue date, const QJsonObject &fields, QDate nameDate, ImportedPost &result);

    BlogSource::Kind m_kind;
    QDateTime m_now;
};

} // namespace quire
