#include "interchange/markdown_exporter.h"

#include "output/path_kind.h"
#include "site/site_output.h"
#include "site/site_settings.h"
#include "store/library.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include <yaml-cpp/yaml.h>


namespace quire {

namespace {

constexpr int ManifestFormat = 1;

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// One path segment made from a slug or an asset name: never a way out of its folder.
bool isSafeName(const QString &name)
{
    return !name.isEmpty() && !name.startsWith(u'.') && !name.contains(u'/') && !name.contains(u'\\')
        && !name.contains(QChar(0));
}

bool isSafeRelative(const QString &path)
{
    if (path.isEmpty() || path.startsWith(u'/'))
        return false;
    const QStringList parts = path.split(u'/');
    return !parts.contains(QLatin1String("..")) && !parts.contains(QLatin1String(".")) && !parts.contains(QString());
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

Result<QSet<QString>> readManifest(const QString &root)
{
    const QString path = root + u'/' + MarkdownExporter::manifestName();
    const PathKind kind = pathKind(path);
    if (kind == PathKind::Missing) {
        const QStringList entries = QDir(root).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
        if (!entries.isEmpty())
            return Error{MarkdownExporter::tr("%1 is not empty and was not written by a Markdown export; "
                                              "choose an empty folder or a new one.").arg(native(root))};
        return QSet<QString>();
    }
    QFile file(path);
    if (kind != PathKind::File || !file.open(QIODevice::ReadOnly))
        return Error{MarkdownExporter::tr("%1 cannot be read.").arg(native(path))};
    const QJsonObject manifest = QJsonDocument::fromJson(file.readAll()).object();
    if (manifest.value(QLatin1String("format")).toInt() != ManifestFormat)
        return Error{MarkdownExporter::tr("%1 is damaged or from another version of Quire.").arg(native(path))};
    QSet<QString> files;
    for (const QJsonValue &value : manifest.value(QLatin1String("files")).toArray()) {
        // Never act on a path outside the folder, whatever the manifest says.
        if (isSafeRelative(value.toString()))
            files.insert(value.toString());
    }
    return files;
}

Result<void> writeWhole(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
        return Error{MarkdownExporter::tr("%1 cannot be written: %2").arg(native(path), file.errorString())};
    return {};
}

Result<void> writeManifest(const QString &root, const QSet<QString> &files)
{
    QStringList sorted(files.begin(), files.end());
    sorted.sort();
    QJsonObject manifest;
    manifest.insert(QLatin1String("format"), ManifestFormat);
    manifest.insert(QLatin1String("files"), QJsonArray::fromStringList(sorted));
    return writeWhole(root + u'/' + MarkdownExporter::manifestName(), QJsonDocument(manifest).toJson());
}

// Makes the folders of file (relative) inside root; refuses a link or a file in their place.
Result<void> makeParents(const QString &root, const QString &file)
{
    QString current = root;
    const QStringList parts = file.split(u'/');
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        current += u'/' + parts.at(i);
        const PathKind kind = pathKind(current);
        if (kind == PathKind::Missing && QDir().mkdir(current))
            continue;
        if (kind != PathKind::Directory)
            return Error{MarkdownExporter::tr("%1 is not a folder; the export cannot write into it.").arg(native(current))};
    }
    return {};
}

// Whether every folder between root and file (relative) is a real folder or not there yet, not
// a link that would lead the export out of its folder.
bool parentsAreFolders(const QString &root, const QString &file)
{
    QString current = root;
    const QStringList parts = file.split(u'/');
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        current += u'/' + parts.at(i);
        const PathKind kind = pathKind(current);
        if (kind == PathKind::Missing)
            return true;
        if (kind != PathKind::Directory)
            return false;
    }
    return true;
}

// Deletes a file of an earlier export and the folders it leaves empty (never root itself).
void removeOurs(const QString &root, const QString &file)
{
    if (!parentsAreFolders(root, file) || pathKind(root + u'/' + file) != PathKind::File
        || !QFile::remove(root + u'/' + file))
        return;
    QString dir = QFileInfo(file).path();
    while (dir != u"." && !dir.isEmpty() && QDir(root).rmdir(dir))
        dir = QFileInfo(dir).path();
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

Result<MarkdownExporter::Report> MarkdownExporter::exportTo(const QString &dir, Flavor flavor,
                                                           const Callbacks &callbacks)
{
    const Result<QString> folder = SiteOutput::folderOfItsOwn(dir);
    if (!folder)
        return folder.error();
    const QString root = *folder;
    Result<QSet<QString>> previous = readManifest(root);
    if (!previous)
        return previous.error();

    // What the export writes, by path.
    QHash<QString, Planned> plan;
    auto posts = m_library.allPosts();
    if (!posts)
        return posts.error();
    for (const Post &post : std::as_const(*posts)) {
        if (!isSafeName(post.slug))
            return Error{tr("The post “%1” has the slug “%2”, which cannot be a file name.").arg(post.title, post.slug)};
        plan.insert(postPath(post, flavor), {Planned::Source::Post, post.id, {}});
    }
    auto assets = m_library.assets();
    if (!assets)
        return assets.error();
    for (const Asset &asset : std::as_const(*assets)) {
        if (!isSafeName(asset.name))
            return Error{tr("The image “%1” has a name that cannot be a file name.").arg(asset.name)};
        plan.insert(imagePath(asset.name, flavor), {Planned::Source::Image, 0, asset.name});
    }
    QSet<QString> next(plan.keyBegin(), plan.keyEnd());
    const QString config = existingConfig(root, flavor);
    if (config.isEmpty()) {
        const QString name = flavor == Flavor::Hugo ? QStringLiteral("config.toml") : QStringLiteral("_config.yml");
        plan.insert(name, {Planned::Source::Config, 0, {}});
        next.insert(name);
    } else if (previous->contains(config)) {
        next.insert(config);   // ours from before, perhaps edited since: kept, never rewritten
    }
    // The starter layouts come with Quire's configuration, and are kept like it; a file of the
    // writer's own in their place wins.
    const QHash<QString, QString> starters = starterFiles(flavor);
    for (auto it = starters.cbegin(); it != starters.cend(); ++it) {
        const bool missing = pathKind(root + u'/' + it.key()) == PathKind::Missing;
        if (missing && (config.isEmpty() || previous->contains(it.key())))   // new, or a cancelled export's
            plan.insert(it.key(), {Planned::Source::Starter, 0, it.value()});
        else if (previous->contains(it.key()))
            next.insert(it.key());
    }
    next.unite(QSet<QString>(plan.keyBegin(), plan.keyEnd()));

    // Only files an earlier export wrote may be replaced.
    for (auto it = plan.cbegin(); it != plan.cend(); ++it) {
        const PathKind kind = pathKind(root + u'/' + it.key());
        if (!parentsAreFolders(root, it.key()))
            return Error{tr("%1 leads out of the folder through a symbolic link; the export does not write through one.")
                             .arg(native(root + u'/' + QFileInfo(it.key()).path()))};
        if (kind == PathKind::Missing)
            continue;
        if (kind != PathKind::File || !previous->contains(it.key()))
            return Error{tr("%1 is in the way: the export did not write it and will not replace it.")
                             .arg(native(root + u'/' + it.key()))};
    }

    // Listed before they are written: an export stopped part-way still knows its own files.
    if (Result<void> listed = writeManifest(root, *previous + next); !listed)
        return listed.error();

    SiteSettings site;
    if (auto settings = SiteSettings::fromLibrary(m_library))
        site = *settings;

    Report report;
    report.folder = root;
    QStringList order(plan.keyBegin(), plan.keyEnd());
    order.sort();
    int done = 0;
    for (const QString &file : std::as_const(order)) {
        if (callbacks.cancelled && callbacks.cancelled())
            return Error{tr("The export was cancelled; the files written so far are in %1.").arg(native(root))};
        const Planned &what = plan.value(file);
        QByteArray content;
        if (what.source == Planned::Source::Post) {
            auto post = m_library.post(what.postId);
            if (!post)
                return post.error();
            PostMarkdownWriter::Options options;
            options.flavor = flavor;
            auto cover = m_library.postCover(what.postId);
            if (!cover)
                return cover.error();
            if (cover->has_value())
                options.coverPath = QStringLiteral("/media/") + (*cover)->name;
            content = PostMarkdownWriter::toMarkdown(*post, options).toUtf8();
            ++report.posts;
        } else if (what.source == Planned::Source::Image) {
            auto asset = m_library.asset(what.assetName);
            if (!asset)
                return asset.error();
            if (!asset->has_value())
                continue;   // deleted while the export ran
            content = (*asset)->data;
            ++report.images;
        } else if (what.source == Planned::Source::Starter) {
            QFile resource(what.assetName);
            if (!resource.open(QIODevice::ReadOnly))
                return Error{tr("The starter layout %1 is missing from Quire.").arg(file)};
            content = resource.readAll();
        } else {
            content = flavor == Flavor::Hugo ? hugoConfig(site) : jekyllConfig(site);
            report.wroteConfig = true;
        }
        if (Result<void> made = makeParents(root, file); !made)
            return made.error();
        if (Result<void> written = writeWhole(root + u'/' + file, content); !written)
            return written.error();
        if (callbacks.progress)
            callbacks.progress(++done, int(plan.size()));
    }

    for (const QString &old : std::as_const(*previous)) {
        if (!next.contains(old)) {
            removeOurs(root, old);
            ++report.removed;
        }
    }
    if (Result<void> listed = writeManifest(root, next); !listed)
        return listed.error();
    return report;
}

} // namespace quire
