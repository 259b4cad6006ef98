#pragma once

#include "result.h"
#include "store/tag.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

namespace quire {

class Database;

// The tags table and the links between posts and tags. Tag names are unique without regard to
// case: the first spelling stays, later spellings find it.
class TagRepository
{
public:
    explicit TagRepository(Database &database);

    // Links the post to exactly these tags, in this order, creating tags that do not exist yet.
    Result<void> setPostTags(qint64 postId, const QStringList &names);
    // The post's tag names, in the author's order.
    Result<QStringList> postTags(qint64 postId);
    // The tag names of many posts at once, each list in the author's order.
    Result<QHash<qint64, QStringList>> postTags(const QList<qint64> &postIds);

    // The tag with this name (any case) or slug.
    Result<std::optional<qint64>> find(const QString &nameOrSlug);
    // Every tag by name, with the number of posts carrying it.
    Result<QList<Tag>> all();

    // Names as they are stored: spaces tidied, control characters and empty names dropped, and
    // a name repeated in another case dropped.
    static QStringList normalized(const QStringList &names);

private:
    Result<std::optional<qint64>> findByName(const QString &name);
    Result<qint64> findOrCreate(const QString &name);
    Result<QList<qint64>> linkedTags(qint64 postId);

    Database &m_database;
};

} // namespace quire
