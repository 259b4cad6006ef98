#include "site/build_keys.h"

#include "site/key_hash.h"
#include "site/site_inputs.h"
#include "site/site_output.h"

namespace quire {

namespace {

QByteArray globalKey(const SiteInputs &inputs, const SiteBuilder::Options &options)
{
    KeyHash global(QByteArray::number(BuildKeys::OutputFormat));
    global.add(QStringLiteral(QUIRE_VERSION)).add(inputs.engineVersion).add(options.includeDrafts ? 1 : 0);
    global.add(inputs.now.toUTC().toString(QStringLiteral("yyyy")));
    global.add(options.imageScaler ? 1 : 0);
    const QMap<QString, QByteArray> &themeFiles = inputs.theme.theme().files;
    for (auto it = themeFiles.cbegin(); it != themeFiles.cend(); ++it)
        global.add(it.key()).add(SiteOutput::hash(it.value()));
    const SiteSettings &settings = inputs.settings;
    global.add(settings.title).add(settings.description).add(settings.author).add(settings.baseUrl.toString())
        .add(settings.language).add(settings.postsPerPage).add(settings.permalink);
    return global.result();
}

} // namespace

BuildKeys::BuildKeys(const SiteInputs &inputs, const SiteBuilder::Options &options)
    : m_inputs(inputs), m_global(globalKey(inputs, options))
{
    const SitePlan &plan = inputs.plan;
    m_entries.reserve(plan.posts().size());
    for (const SitePlan::Entry &entry : plan.posts()) {
        KeyHash key(entry.fingerprint);
        key.add(entry.path);
        for (int tag : entry.tags)
            key.add(plan.tags().at(tag).path);
        m_entries.append(key.result());
    }
}

QByteArray BuildKeys::postPage(int index) const
{
    const SitePlan &plan = m_inputs.plan;
    const SitePlan::Entry &entry = plan.posts().at(index);
    KeyHash key(m_global);
    key.add(QByteArrayLiteral("post")).add(entry.fingerprint).add(entry.path);
    for (int other : {index + 1, index - 1}) {
        if (other >= 0 && other < plan.posts().size())
            key.add(plan.posts().at(other).post.title).add(plan.posts().at(other).path);
    }
    for (int tag : entry.tags)
        key.add(plan.tags().at(tag).path);
    return key.result();
}

QByteArray BuildKeys::postPageWithMedia(const QByteArray &postPage, const PostFacts &facts) const
{
    KeyHash media(m_inputs.media.key(facts.cover.name));
    for (const PostFacts::Link &link : facts.links) {
        if (const QString name = SiteMedia::nameAt(link.target); !name.isEmpty())
            media.add(m_inputs.media.key(name));
    }
    return KeyHash(postPage).add(media.result()).result();
}

QByteArray BuildKeys::listPage(const QString &firstPath, int page, int total, int tagIndex, const QList<int> &posts,
                               const QList<int> &slice, const QList<PostFacts> &facts) const
{
    KeyHash key(m_global);
    key.add(QByteArrayLiteral("list")).add(firstPath).add(page).add(total).add(tagIndex >= 0 ? posts.size() : 0);
    for (int index : slice)
        key.add(m_entries.at(index)).add(m_inputs.media.key(facts.at(index).cover.name));
    return key.result();
}

QByteArray BuildKeys::tagsPage() const
{
    KeyHash key(m_global);
    key.add(QByteArrayLiteral("tags"));
    for (const SitePlan::TagEntry &tag : m_inputs.plan.tags())
        key.add(tag.name).add(tag.path).add(tag.posts.size());
    return key.result();
}

QByteArray BuildKeys::archivePage() const
{
    KeyHash key(m_global);
    key.add(QByteArrayLiteral("archive"));
    for (const SitePlan::Entry &entry : m_inputs.plan.posts())
        key.add(entry.post.title).add(entry.path).add(entry.date.toMSecsSinceEpoch()).add(entry.draft ? 1 : 0);
    return key.result();
}

QByteArray BuildKeys::mediaFile(const Asset &asset)
{
    return asset.sha256.toLatin1();
}

QByteArray BuildKeys::mediaCopy(const Asset &asset, const SiteMedia::Copy &copy)
{
    return asset.sha256.toLatin1() + ':' + QByteArray::number(copy.width) + 'w';
}

} // namespace quire
