#include "interchange/markdown_exporter.h"

#include "output/export_manifest_format.h"
#include "output/file_io.h"
#include "output/owned_folder.h"
#include "output/path_kind.h"
#include "site/site_settings.h"
#include "store/asset_store.h"
#include "store/library.h"
#include "store/post_store.h"

#include <QDirIterator>
#include <QFile>
#include <QSet>

#include <optional>

#include <yaml-cpp/yaml.h>


namespace quire {

namespace {

// One path segment made from a slug or an asset name: never a way out of its folder.
bool isSafeName(const QString &name)
{
    return !name.isEmpty() && !name.startsWith(u'.') && !name.contains(u'/') && !name.contains(u'\\')
        && !name.contains(QChar(0));
}

// A file of the export, by what makes its content.
struct Planned
{
    enum class Source { Post, Image, Config, Starter } source = Source::Post;
    qint64 postId = 0;
    QString assetName;   // Image: the asset; Starter: the resource
};

// The starter layouts of a flavor (resources/starter/), by path in the export: without them
// Hugo builds no page at all and Jekyll bare fragments. Their style sheet is shared.
QHash<QString, QString> starterFiles(MarkdownExporter::Flavor flavor)
{
    const bool hugo = flavor == MarkdownExporter::Flavor::Hugo;
    const QString base = hugo ? QStringLiteral(":/quire/starter/hugo") : QStringLiteral(":/quire/starter/jekyll");
    QHash<QString, QString> files;
    QDirIterator it(base, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString resource = it.next();
        files.insert(resource.mid(base.size() + 1), resource);
    }
    files.insert(hugo ? QStringLiteral("static/style.css") : QStringLiteral("style.css"),
                 QStringLiteral(":/quire/starter/common/style.css"));
    return files;
}

QString tomlString(const QString &text)
{
    QString escaped;
    for (const QChar c : text) {
        if (c == u'"' || c == u'\\')
            escaped += u'\\' + QString(c);
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            escaped += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            escaped += c;
    }
    return u'"' + escaped + u'"';
}

QByteArray hugoConfig(const SiteSettings &site)
{
    QString text;
    text += QStringLiteral("baseURL = %1\n").arg(tomlString(site.baseUrl.isEmpty() ? QStringLiteral("/") : site.baseUrl.toString()));
    text += QStringLiteral("title = %1\n").arg(tomlString(site.title));
    text += QStringLiteral("languageCode = %1\n").arg(tomlString(site.language));
    // Posts at the addresses Quire gives them, so links between posts keep working.
    text += QStringLiteral("\n[permalinks]\nposts = %1\n").arg(tomlString(site.permalink));
    // Posts are the writer's own, raw HTML (figures, details) included, as Quire renders them.
    text += QStringLiteral("\n[markup.goldmark.renderer]\nunsafe = true\n");
    return text.toUtf8();
}

QByteArray jekyllConfig(const SiteSettings &site)
{
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "title" << YAML::Value << site.title.toStdString();
    if (!site.description.isEmpty())
        out << YAML::Key << "description" << YAML::Value << site.description.toStdString();
    if (!site.baseUrl.isEmpty()) {
        // Jekyll splits the address: url is scheme and host, baseurl the path under it.
        const QUrl base = site.baseUrl;
        QString path = base.path();
        while (path.endsWith(u'/'))
            path.chop(1);
        out << YAML::Key << "url" << YAML::Value << base.adjusted(QUrl::RemovePath).toString().toStdString();
        out << YAML::Key << "baseurl" << YAML::Value << path.toStdString();
    }
    out << YAML::Key << "lang" << YAML::Value << site.language.toStdString();
    // Posts at the addresses Quire gives them (Jekyll's :title is the slug), dated in UTC as
    // Quire dates them, so links between posts keep working.
    QString permalink = site.permalink;
    permalink.replace(QLatin1String(":slug"), QLatin1String(":title"));
    out << YAML::Key << "permalink" << YAML::Value << permalink.toStdString();
    out << YAML::Key << "timezone" << YAML::Value << "UTC";
    // Every post in the starter layout, without a layout: key in each.
    out << YAML::Key << "defaults" << YAML::Value << YAML::BeginSeq << YAML::BeginMap
        << YAML::Key << "scope" << YAML::Value << YAML::BeginMap << YAML::Key << "path" << YAML::Value << ""
        << YAML::Key << "type" << YAML::Value << "posts" << YAML::EndMap
        << YAML::Key << "values" << YAML::Value << YAML::BeginMap << YAML::Key << "layout" << YAML::Value << "post"
        << YAML::EndMap << YAML::EndMap << YAML::EndSeq;
    out << YAML::EndMap;
    return QByteArray(out.c_str()) + '\n';
}

// The folder's own configuration, when it has one (then no config file is added).
QString existingConfig(const QString &root, MarkdownExporter::Flavor flavor)
{
    static const QStringList hugo = {QStringLiteral("hugo.toml"), QStringLiteral("hugo.yaml"),
        QStringLiteral("hugo.yml"), QStringLiteral("hugo.json"), QStringLiteral("config.toml"),
        QStringLiteral("config.yaml"), QStringLiteral("config.yml"), QStringLiteral("config.json"),
        QStringLiteral("config")};
    static const QStringList jekyll = {QStringLiteral("_config.yml"), QStringLiteral("_config.yaml"),
        QStringLiteral("_config.toml")};
    for (const QString &name : flavor == MarkdownExporter::Flavor::Hugo ? hugo : jekyll) {
        if (pathKind(root + u'/' + name) != PathKind::Missing)
            return name;
    }
    return {};
}

// The folder, created when missing, and either empty or an earlier export's.
Result<OwnedFolder> openFolder(const QString &dir)
{
    const Result<QString> root = OwnedFolder::folderOfItsOwn(dir);
    if (!root)
        return root.error();
    OwnedFolder folder(*root, std::make_unique<ExportManifestFormat>());
    if (Result<void> read = folder.readRecord(); !read)
        return read.error();
    if (!folder.hasManifest() && !folder.isEmpty())
        return Error{MarkdownExporter::tr("%1 is not empty and was not written by a Markdown export; "
                                          "choose an empty folder or a new one.").arg(nativePath(*root))};
    return folder;
}

// What an export does in its folder.
struct ExportPlan
{
    QHash<QString, Planned> files;   // written, by path
    QSet<QString> kept;              // an earlier export's, kept as they are (the configuration, its layouts)
    SiteSettings site;               // what a configuration of Quire's says
};

Result<void> planPostsAndImages(const Library &library, MarkdownExporter::Flavor flavor, ExportPlan &plan)
{
    auto posts = library.posts().all();
    if (!posts)
        return posts.error();
    for (const Post &post : std::as_const(*posts)) {
        if (!isSafeName(post.slug))
            return Error{MarkdownExporter::tr("The post “%1” has the slug “%2”, which cannot be a file name.")
                                 .arg(post.title, post.slug)};
        plan.files.insert(MarkdownExporter::postPath(post, flavor), {Planned::Source::Post, post.id, {}});
    }
    auto assets = library.assets().list();
    if (!assets)
        return assets.error();
    for (const Asset &asset : std::as_const(*assets)) {
        if (!isSafeName(asset.name))
            return Error{MarkdownExporter::tr("The image “%1” has a name that cannot be a file name.").arg(asset.name)};
        plan.files.insert(MarkdownExporter::imagePath(asset.name, flavor), {Planned::Source::Image, 0, asset.name});
    }
    return {};
}

void planConfiguration(const OwnedFolder &folder, MarkdownExporter::Flavor flavor, ExportPlan &plan)
{
    const QString config = existingConfig(folder.root(), flavor);
    if (config.isEmpty()) {
        const bool hugo = flavor == MarkdownExporter::Flavor::Hugo;
        plan.files.insert(hugo ? QStringLiteral("config.toml") : QStringLiteral("_config.yml"), {Planned::Source::Config, 0, {}});
    } else if (folder.isOwned(config)) {
        plan.kept.insert(config);   // ours from before, perhaps edited since: kept, never rewritten
    }
    // The starter layouts come with Quire's configuration, and are kept like it; a file of the
    // writer's own in their place wins.
    const QHash<QString, QString> starters = starterFiles(flavor);
    for (auto it = starters.cbegin(); it != starters.cend(); ++it) {
        const bool missing = pathKind(folder.absolute(it.key())) == PathKind::Missing;
        if (missing && (config.isEmpty() || folder.isOwned(it.key())))   // new, or a cancelled export's
            plan.files.insert(it.key(), {Planned::Source::Starter, 0, it.value()});
        else if (folder.isOwned(it.key()))
            plan.kept.insert(it.key());
    }
}

// Only files an earlier export wrote may be replaced, and nothing through a link.
Result<void> checkPlan(const OwnedFolder &folder, const ExportPlan &plan)
{
    for (auto it = plan.files.keyBegin(); it != plan.files.keyEnd(); ++it) {
        if (Result<void> writable = folder.checkWritable(*it); !writable)
            return writable;
        if (folder.isInTheWay(*it))
            return Error{MarkdownExporter::tr("%1 is in the way: the export did not write it and will not replace it.")
                                 .arg(nativePath(folder.absolute(*it)))};
    }
    return {};
}

Result<QByteArray> postMarkdown(const Library &library, qint64 postId, MarkdownExporter::Flavor flavor)
{
    auto post = library.posts().byId(postId);
    if (!post)
        return post.error();
    PostMarkdownWriter::Options options;
    options.flavor = flavor;
    auto cover = library.assets().coverOf(postId);
    if (!cover)
        return cover.error();
    if (cover->has_value())
        options.coverPath = QStringLiteral("/media/") + (*cover)->name;
    return PostMarkdownWriter::toMarkdown(*post, options).toUtf8();
}

// What a planned file holds; nothing for an image deleted while the export ran.
Result<std::optional<QByteArray>> contentOf(const Library &library, const QString &file, const Planned &what,
                                            const SiteSettings &site, MarkdownExporter::Flavor flavor,
                                            MarkdownExporter::Report &report)
{
    switch (what.source) {
    case Planned::Source::Post: {
        Result<QByteArray> markdown = postMarkdown(library, what.postId, flavor);
        if (!markdown)
            return markdown.error();
        ++report.posts;
        return std::optional<QByteArray>(*markdown);
    }
    case Planned::Source::Image: {
        auto asset = library.assets().byName(what.assetName);
        if (!asset)
            return asset.error();
        if (!asset->has_value())
            return std::optional<QByteArray>();
        ++report.images;
        return std::optional<QByteArray>((*asset)->data);
    }
    case Planned::Source::Starter: {
        QFile resource(what.assetName);
        if (!resource.open(QIODevice::ReadOnly))
            return Error{MarkdownExporter::tr("The starter layout %1 is missing from Quire.").arg(file)};
        return std::optional<QByteArray>(resource.readAll());
    }
    case Planned::Source::Config:
        break;
    }
    report.wroteConfig = true;
    return std::optional<QByteArray>(flavor == MarkdownExporter::Flavor::Hugo ? hugoConfig(site) : jekyllConfig(site));
}

Result<void> writePlanned(const Library &library, OwnedFolder &folder, const ExportPlan &plan, MarkdownExporter::Flavor flavor,
                          const MarkdownExporter::Callbacks &callbacks, MarkdownExporter::Report &report)
{
    QStringList order(plan.files.keyBegin(), plan.files.keyEnd());
    order.sort();
    int done = 0;
    for (const QString &file : std::as_const(order)) {
        if (callbacks.cancelled && callbacks.cancelled())
            return Error{MarkdownExporter::tr("The export was cancelled; the files written so far are in %1.")
                                 .arg(nativePath(folder.root()))};
        const Result<std::optional<QByteArray>> content = contentOf(library, file, plan.files.value(file), plan.site, flavor, report);
        if (!content)
            return content.error();
        if (!content->has_value())
            continue;
        if (Result<void> written = folder.writeWhole(file, **content); !written)
            return written;
        if (callbacks.progress)
            callbacks.progress(++done, int(plan.files.size()));
    }
    return {};
}

} // namespace

QString MarkdownExporter::postPath(const Post &post, Flavor flavor)
{
    if (flavor == Flavor::Hugo)
        return QStringLiteral("content/posts/%1.md").arg(post.slug);
    if (post.status == PostStatus::Draft)
        return QStringLiteral("_drafts/%1.md").arg(post.slug);
    // Jekyll needs a date in the name of every post; the front matter's date, when there is
    // one, says the time.
    QDateTime when = post.publishedAt.isValid() ? post.publishedAt : post.createdAt;
    if (!when.isValid())
        when = QDateTime::currentDateTimeUtc();
    return QStringLiteral("_posts/%1-%2.md").arg(when.toUTC().toString(QStringLiteral("yyyy-MM-dd")), post.slug);
}

QString MarkdownExporter::imagePath(const QString &assetName, Flavor flavor)
{
    return (flavor == Flavor::Hugo ? QStringLiteral("static/media/") : QStringLiteral("media/")) + assetName;
}

QString MarkdownExporter::manifestName()
{
    return ExportManifestFormat::name();
}

Result<MarkdownExporter::Report> MarkdownExporter::exportTo(const QString &dir, Flavor flavor,
                                                           const Callbacks &callbacks)
{
    Result<OwnedFolder> opened = openFolder(dir);
    if (!opened)
        return opened.error();
    OwnedFolder &folder = *opened;
    ExportPlan plan;
    // Read before anything is written: a configuration with made-up settings would be wrong.
    Result<SiteSettings> site = SiteSettings::fromLibrary(m_library);
    if (!site)
        return site.error();
    plan.site = *site;
    if (Result<void> planned = planPostsAndImages(m_library, flavor, plan); !planned)
        return planned.error();
    planConfiguration(folder, flavor, plan);
    if (Result<void> clear = checkPlan(folder, plan); !clear)
        return clear.error();

    // Listed before they are written: an export stopped part-way still knows its own files.
    const QStringList previous = folder.record().files.keys();
    OwnedFile byName;
    byName.knowsContent = false;
    for (auto it = plan.files.keyBegin(); it != plan.files.keyEnd(); ++it)
        folder.own(*it, byName);
    if (Result<void> listed = folder.commitRecord(); !listed)
        return listed.error();

    Report report;
    report.folder = folder.root();
    if (Result<void> written = writePlanned(m_library, folder, plan, flavor, callbacks, report); !written)
        return written.error();
    for (const QString &old : previous) {
        if (plan.files.contains(old) || plan.kept.contains(old))
            continue;
        const Result<bool> removed = folder.removeOwned(old);
        if (!removed)
            return removed.error();
        report.removed += *removed ? 1 : 0;
    }
    if (Result<void> listed = folder.commitRecord(); !listed)
        return listed.error();
    return report;
}

} // namespace quire
