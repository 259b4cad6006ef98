#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace quire {

enum class PostStatus { Draft, Scheduled, Published };

// "draft", "scheduled", "published": the words stored in the library and used on the CLI.
QString postStatusName(PostStatus status);
std::optional<PostStatus> postStatusFromName(const QString &name);

// One post of the blog: its Markdown body and the metadata that the front matter of other tools
// carries. Times are UTC.
struct Post
{
    qint64 id = 0;               // 0 until stored
    QString uuid;                // stable identity across renames and exports
    QString title;
    QString slug;                // unique in the library
    QString body;                // Markdown, without front matter
    QString summary;
    PostStatus status = PostStatus::Draft;
    QString kind;                // free text: note, walkthrough, write-up…
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime publishedAt;       // invalid when never published
    std::optional<qint64> coverAssetId;
    QString language;            // BCP 47, empty for the library's language
    QJsonObject extra;           // front matter Quire does not interpret, kept verbatim
    QStringList tags;            // display names, in the author's order
    qint64 changeSeq = 0;        // grows with every change to the post (read only: for caches)
};

// What the post list needs, without the body.
struct PostSummary
{
    qint64 id = 0;
    QString title;
    QString slug;
    PostStatus status = PostStatus::Draft;
    QDateTime updatedAt;
    QDateTime publishedAt;
    QStringList tags;
};

} // namespace quire
