#include "store/asset_usage.h"

#include "store/asset_references.h"
#include "store/asset_repository.h"
#include "store/post_history.h"
#include "store/post_store.h"
#include "store/store_context.h"

#include <QMap>
#include <QSet>

namespace quire {

AssetUsage::AssetUsage(StoreContext &context, PostStore &posts, PostHistory &history)
    : m_posts(posts), m_history(history), m_assets(context.database()),
      m_postRows(context.database())
{
}

Result<QHash<QString, QList<AssetUser>>> AssetUsage::scan() const
{
    Result<QList<Asset>> assets = m_assets.list();
    if (!assets)
        return assets.error();
    QHash<qint64, QString> nameById;
    for (const Asset &asset : std::as_const(*assets))
        nameById.insert(asset.id, asset.name);
    const QSet<QString> names(nameById.cbegin(), nameById.cend());

    // By asset name, then post id: ordered, and a cover merges into its post's body use.
    QHash<QString, QMap<qint64, AssetUser>> users;
    Result<void> bodies = m_postRows.forEachBodyContaining(
            AssetReferences::Prefix.toString(), [&](qint64 id, const QString &title, const QString &body) {
                for (const QString &name : AssetReferences::names(body)) {
                    if (names.contains(name))
                        users[name].insert(id, AssetUser{id, title, true, false});
                }
            });
    if (!bodies)
        return bodies.error();
    Result<void> covers = m_postRows.forEachCover([&](qint64 id, const QString &title, qint64 assetId) {
        const auto name = nameById.constFind(assetId);
        if (name == nameById.cend())
            return;
        AssetUser &user = users[*name][id];
        user.postId = id;
        user.title = title;
        user.asCover = true;
    });
    if (!covers)
        return covers.error();

    QHash<QString, QList<AssetUser>> usage;
    for (auto it = users.cbegin(); it != users.cend(); ++it)
        usage.insert(it.key(), it.value().values());
    return usage;
}

// The ids of the posts whose body references the asset name.
Result<QList<qint64>> AssetUsage::postsReferencing(const QString &name) const
{
    QList<qint64> ids;
    Result<void> read = m_postRows.forEachBodyContaining(
            AssetReferences::Prefix.toString() + name, [&](qint64 id, const QString &, const QString &body) {
                if (AssetReferences::names(body).contains(name))
                    ids.append(id);
            });
    if (!read)
        return read.error();
    return ids;
}

// Rewrites /media/oldName to /media/newName in every body, saving each changed post.
Result<void> AssetUsage::rewrite(const QString &oldName, const QString &newName)
{
    QHash<qint64, QString> rewritten;
    Result<void> read = m_postRows.forEachBodyContaining(
            AssetReferences::Prefix.toString() + oldName, [&](qint64 id, const QString &, const QString &body) {
                const QString changed = AssetReferences::rename(body, oldName, newName);
                if (changed != body)
                    rewritten.insert(id, changed);
            });
    if (!read)
        return read;
    for (auto it = rewritten.cbegin(); it != rewritten.cend(); ++it) {
        Result<Post> post = m_posts.byId(it.key());
        if (!post)
            return post.error();
        post->body = it.value();
        // Like any change of the text: a new updated_at, and the version in the post's history.
        if (Result<void> saved = m_history.save(*post, RevisionReason::Save); !saved)
            return saved;
    }
    return {};
}

} // namespace quire
