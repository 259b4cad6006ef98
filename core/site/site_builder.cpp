#include "site/site_builder.h"

#include "render/math_code_renderer.h"
#include "render/render_cache.h"
#include "site/atom_feed.h"
#include "site/image_scaler.h"
#include "site/library_themes.h"
#include "site/page_contexts.h"
#include "site/post_content.h"
#include "site/site_assets.h"
#include "site/site_media.h"
#include "site/site_output.h"
#include "site/site_path.h"
#include "site/site_plan.h"
#include "site/sitemap.h"
#include "store/asset_store.h"
#include "store/library.h"
#include "store/post_store.h"
#include "store/render_cache_store.h"
#include "theme/theme_templates.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QDataStream>
#include <QIODevice>
#include <QMutex>
#include <QMutexLocker>
#include <QSet>
#include <QThread>

#include <xxhash.h>

#include <algorithm>
#include <memory>
#include <optional>

namespace quire {

namespace {

// Runs work on this thread and on up to threads - 1 more (never more than there are items), and
// waits for all: each run of work takes items from a counter they share until none are left.
void runInParallel(int threads, qsizetype items, const std::function<void()> &work)
{
    QList<QThread *> helpers;
    for (int i = 1; i < threads && i < items; ++i) {
        helpers.append(QThread::create(work));
        helpers.last()->start();
    }
    work();
    for (QThread *helper : helpers) {
        helper->wait();
        delete helper;
    }
}

QString tr(const char *text)
{
    return QCoreApplication::translate("quire::SiteBuilder", text);
}

// Bumped when Quire changes what it writes (or what it remembers of a post, PostFacts), so that
// every page is made again. 2: posts' cover images. 3: content-hashed media names, srcset.
constexpr int OutputFormat = 3;
constexpr int FeedLength = 20;

// The inputs of a page, hashed (XXH3, 128 bits): each field with its length first, so that no
// two different lists of fields hash the same bytes.
class KeyHash
{
public:
    explicit KeyHash(QByteArrayView seed)
    {
        XXH3_128bits_reset(m_state.get());
        add(seed);
    }
    KeyHash &add(QByteArrayView field)
    {
        const qint64 size = field.size();
        XXH3_128bits_update(m_state.get(), &size, sizeof size);
        XXH3_128bits_update(m_state.get(), field.data(), size_t(size));
        return *this;
    }
    KeyHash &add(const QByteArray &field) { return add(QByteArrayView(field)); }
    KeyHash &add(const QString &field)
    {
        return add(QByteArrayView(reinterpret_cast<const char *>(field.utf16()), field.size() * 2));
    }
    KeyHash &add(qint64 number) { return add(QByteArrayView(reinterpret_cast<const char *>(&number), sizeof number)); }
    QByteArray result() const
    {
        XXH128_canonical_t canonical;
        XXH128_canonicalFromHash(&canonical, XXH3_128bits_digest(m_state.get()));
        return QByteArray(reinterpret_cast<const char *>(canonical.digest), sizeof canonical.digest);
    }

private:
    struct Free { void operator()(XXH3_state_t *state) const { XXH3_freeState(state); } };
    std::unique_ptr<XXH3_state_t, Free> m_state{XXH3_createState()};
};

// What the last build learnt of a post.
struct Remembered
{
    QByteArray fingerprint;
    QString path;
    PostFacts facts;
};

// One build: the state the steps share.
class Build
{
public:
    Build(Library &library, const SiteBuilder::Options &options) : m_library(library), m_options(options) {}

    Result<SiteBuilder::Report> run();

private:
    Result<void> prepare();
    Result<void> buildPosts();
    Result<void> buildPost(int index, PostContent &content);
    Result<void> buildLists();
    Result<void> buildListPages(const QString &firstPath, const QList<int> &posts, int tagIndex);
    Result<void> buildOtherPages();
    Result<void> buildFeed();
    Result<void> buildAssets();
    Result<void> buildMedia();
    Result<void> writeMedia(const Asset &asset);
    Result<void> writeCopy(const Asset &asset, const SiteMedia::Copy &copy);
    QByteArray mediaKey(const PostFacts &facts) const;
    void checkLinks();
    QByteArray memory() const;
    void remember(const QByteArray &data);
    Result<void> writePage(const QString &sitePath, const QByteArray &inputKey,
                           const std::function<Result<QString>()> &render);
    bool cancelled() const { return m_options.cancel && m_options.cancel->load(); }
    void step(int count = 1);

    Library &m_library;
    const SiteBuilder::Options &m_options;
    SiteBuilder::Report m_report;
    SiteSettings m_settings;
    Theme m_theme;
    ThemeTemplates m_templates;
    SitePlan m_plan;
    std::unique_ptr<SiteOutput> m_output;
    std::unique_ptr<RenderCache> m_cache;
    std::unique_ptr<PageContexts> m_contexts;
    SiteMedia m_media;
    QDateTime m_now;
    QByteArray m_globalKey;
    QString m_engineVersion;
    QHash<qint64, Remembered> m_previousPosts;   // what the last build learnt, by post id
    QList<QByteArray> m_entryKeys;      // by plan index: a post as lists show it
    QList<PostFacts> m_facts;           // by plan index
    QHash<int, QString> m_feedContent;  // rendered content of the newest posts, by plan index
    QMutex m_mutex;
    QSet<QString> m_pages;              // site paths of every page
    QSet<QString> m_files;              // output files
    int m_done = 0;
    int m_total = 0;
    QThread *const m_thread = QThread::currentThread();   // the one that reports progress
};

void Build::step(int count)
{
    int done;
    {
        QMutexLocker locker(&m_mutex);
        m_done += count;
        done = m_done;
    }
    if (m_options.progress && QThread::currentThread() == m_thread)
        m_options.progress(done, m_total);
}

Result<void> Build::prepare()
{
    Result<SiteSettings> settings = SiteSettings::fromLibrary(m_library);
    if (!settings)
        return settings.error();
    m_settings = *settings;
    if (!m_options.baseUrl.isEmpty()) {
        Result<QUrl> url = SiteSettings::parseBaseUrl(m_options.baseUrl);
        if (!url)
            return url.error();
        m_settings.baseUrl = *url;
    }
    Result<Theme> theme = LibraryThemes::active(m_library);
    if (!theme)
        return theme.error();
    m_theme = *theme;
    Result<ThemeTemplates> templates = ThemeTemplates::compile(m_theme);
    if (!templates)
        return templates.error();
    m_templates = *templates;

    Result<QList<Post>> posts = m_library.posts().all();
    if (!posts)
        return posts.error();
    Result<QList<Tag>> tags = m_library.posts().tags();
    if (!tags)
        return tags.error();
    Result<QList<Asset>> assets = m_library.assets().list();
    if (!assets)
        return assets.error();
    m_media = SiteMedia(*assets, m_options.imageScaler != nullptr);
    m_now = m_library.now();
    m_plan = SitePlan::make(*posts, *tags, m_settings, SitePlan::Options{m_options.includeDrafts, m_now});
    for (const SitePlan::Collision &collision : m_plan.collisions())
        m_report.problems.append(BuildProblem{{}, 0, tr("%1 and %2 would both be at %3; %2 is left out.")
                                                           .arg(collision.first, collision.second, collision.path)});
    Result<std::unique_ptr<SiteOutput>> output = SiteOutput::open(m_options.outputDir, m_options.force);
    if (!output)
        return output.error();
    m_output = std::move(*output);

    m_engineVersion = RenderWorker(m_options.worker).engineVersion();
    KeyHash global(QByteArray::number(OutputFormat));
    global.add(QStringLiteral(QUIRE_VERSION)).add(m_engineVersion).add(m_options.includeDrafts ? 1 : 0);
    global.add(m_now.toUTC().toString(QStringLiteral("yyyy")));
    global.add(m_options.imageScaler ? 1 : 0);
    for (auto it = m_theme.files.cbegin(); it != m_theme.files.cend(); ++it)
        global.add(it.key()).add(SiteOutput::hash(it.value()));
    global.add(m_settings.title).add(m_settings.description).add(m_settings.author)
        .add(m_settings.baseUrl.toString()).add(m_settings.language).add(m_settings.postsPerPage).add(m_settings.permalink);
    m_globalKey = global.result();
    remember(m_output->previousData());
    for (const SitePlan::Entry &entry : m_plan.posts()) {
        KeyHash key(entry.fingerprint);
        key.add(entry.path);
        for (int tag : entry.tags)
            key.add(m_plan.tags().at(tag).path);
        m_entryKeys.append(key.result());
    }
    m_cache = std::make_unique<RenderCache>(&m_library);
    m_facts.resize(m_plan.posts().size());
    m_contexts = std::make_unique<PageContexts>(m_settings, m_plan, m_facts,
                                                QStringLiteral("Quire %1").arg(QStringLiteral(QUIRE_VERSION)), m_now, &m_media);
    m_total = int(m_plan.posts().size()) * 2 + int(m_plan.tags().size()) + 8;
    return {};
}

Result<void> Build::writePage(const QString &sitePath, const QByteArray &inputKey,
                              const std::function<Result<QString>()> &render)
{
    const QString file = SitePath::file(sitePath);
    {
        QMutexLocker locker(&m_mutex);
        m_pages.insert(sitePath);
        m_files.insert(file);
    }
    if (m_output->isCurrent(file, inputKey)) {
        m_output->keep(file);
        return {};
    }
    Result<QString> html = render();
    if (!html)
        return html.error();
    return m_output->write(file, html->toUtf8(), inputKey);
}

Result<void> Build::buildPost(int index, PostContent &content)
{
    const SitePlan::Entry &entry = m_plan.posts().at(index);
    KeyHash key(m_globalKey);
    key.add(QByteArrayLiteral("post")).add(entry.fingerprint).add(entry.path);
    for (int other : {index + 1, index - 1}) {
        if (other >= 0 && other < m_plan.posts().size())
            key.add(m_plan.posts().at(other).post.title).add(m_plan.posts().at(other).path);
    }
    for (int tag : entry.tags)
        key.add(m_plan.tags().at(tag).path);
    const QByteArray postKey = key.result();
    // The images the page shows are known from its facts: those the last build remembered tell
    // whether the page can stay, the fresh ones key the page written now.
    const auto inputKeyOf = [&](const PostFacts &facts) { return KeyHash(postKey).add(mediaKey(facts)).result(); };
    const QString file = SitePath::file(entry.path);

    const auto previous = m_previousPosts.constFind(entry.post.id);
    const bool factsKnown = previous != m_previousPosts.constEnd() && previous->fingerprint == entry.fingerprint
        && previous->path == entry.path;
    if (factsKnown && index >= FeedLength && m_output->isCurrent(file, inputKeyOf(previous->facts))) {
        m_facts[index] = previous->facts;
        QMutexLocker locker(&m_mutex);
        m_pages.insert(entry.path);
        m_files.insert(file);
        m_output->keep(file);
        return {};
    }
    Result<QString> body = m_library.posts().body(entry.post.id);
    if (!body)
        return body.error();
    Result<PostContent::Output> rendered = content.render(*body, entry.path, entry.post.summary);
    if (!rendered)
        return rendered.error();
    // Read here, with the body, rather than listed with every post: the posts_site index that
    // lists them has no cover column. A cover change changes the post's fingerprint.
    Result<std::optional<Asset>> cover = m_library.assets().coverOf(entry.post.id);
    if (!cover)
        return cover.error();
    if (*cover)
        rendered->facts.cover = PostFacts::coverOf(**cover);
    m_facts[index] = rendered->facts;
    if (index < FeedLength) {
        QMutexLocker locker(&m_mutex);
        m_feedContent.insert(index, rendered->html);
    }
    return writePage(entry.path, inputKeyOf(rendered->facts),
                     [&] { return m_templates.render(QStringLiteral("post"), m_contexts->post(index, rendered->html)); });
}

Result<void> Build::buildPosts()
{
    const int count = int(m_plan.posts().size());
    const int threads = std::clamp(m_options.threads > 0 ? m_options.threads : QThread::idealThreadCount(), 1, 16);
    std::atomic<int> next = 0;
    std::atomic<bool> failed = false;
    std::optional<Error> error;
    const auto work = [&] {
        // Each thread has its own node worker (started only if a formula or block is not cached).
        RenderWorker worker(m_options.worker);
        MathCodeRenderer renderer(worker, *m_cache);
        renderer.setFlushEachRender(false);
        PostContent content(renderer, &m_media);
        for (int index = next++; index < count && !failed && !cancelled(); index = next++) {
            if (Result<void> built = buildPost(index, content); !built) {
                QMutexLocker locker(&m_mutex);
                if (!error)
                    error = built.error();
                failed = true;
            }
            step();
        }
    };
    runInParallel(threads, count, work);
    if (Result<void> flushed = m_cache->flush(); !flushed)
        m_report.notes.append(tr("The render cache could not be saved: %1").arg(flushed.errorMessage()));
    if (error)
        return *error;
    return {};
}

Result<void> Build::buildListPages(const QString &firstPath, const QList<int> &posts, int tagIndex)
{
    const int perPage = m_settings.postsPerPage;
    const int total = std::max(1, int((posts.size() + perPage - 1) / perPage));
    const auto pathOf = [&](int page) {
        return page == 1 ? firstPath : firstPath + QStringLiteral("page/%1/").arg(page);
    };
    for (int page = 1; page <= total && !cancelled(); ++page) {
        const QList<int> slice = posts.mid((page - 1) * perPage, perPage);
        PageContexts::Pagination pagination{page, total, page > 1 ? pathOf(page - 1) : QString(),
                                            page < total ? pathOf(page + 1) : QString()};
        KeyHash key(m_globalKey);
        key.add(QByteArrayLiteral("list")).add(firstPath).add(page).add(total).add(tagIndex >= 0 ? posts.size() : 0);
        for (int index : slice)
            key.add(m_entryKeys.at(index)).add(m_media.key(m_facts.at(index).cover.name));
        const QString path = pathOf(page);
        Result<void> written = writePage(path, key.result(), [&] {
            return tagIndex < 0 ? m_templates.render(QStringLiteral("list"), m_contexts->list(path, slice, pagination))
                                : m_templates.render(QStringLiteral("tag"), m_contexts->tag(path, tagIndex, slice, pagination));
        });
        if (!written)
            return written;
    }
    return {};
}

Result<void> Build::buildLists()
{
    QList<int> all(m_plan.posts().size());
    std::iota(all.begin(), all.end(), 0);
    if (Result<void> home = buildListPages(QStringLiteral("/"), all, -1); !home)
        return home;
    step(m_plan.posts().size());
    for (int tag = 0; tag < m_plan.tags().size() && !cancelled(); ++tag) {
        if (Result<void> pages = buildListPages(m_plan.tags().at(tag).path, m_plan.tags().at(tag).posts, tag); !pages)
            return pages;
        step();
    }
    return {};
}

Result<void> Build::buildOtherPages()
{
    KeyHash tagsKey(m_globalKey);
    tagsKey.add(QByteArrayLiteral("tags"));
    for (const SitePlan::TagEntry &tag : m_plan.tags())
        tagsKey.add(tag.name).add(tag.path).add(tag.posts.size());
    Result<void> tags = writePage(QStringLiteral("/tags/"), tagsKey.result(),
                                  [&] { return m_templates.render(QStringLiteral("tags"), m_contexts->tags()); });
    if (!tags)
        return tags;
    KeyHash archiveKey(m_globalKey);
    archiveKey.add(QByteArrayLiteral("archive"));
    // Only what the archive shows: editing a post's text leaves it alone.
    for (const SitePlan::Entry &entry : m_plan.posts())
        archiveKey.add(entry.post.title).add(entry.path).add(entry.date.toMSecsSinceEpoch()).add(entry.draft ? 1 : 0);
    Result<void> archive = writePage(QStringLiteral("/archive/"), archiveKey.result(),
                                     [&] { return m_templates.render(QStringLiteral("archive"), m_contexts->archive()); });
    if (!archive)
        return archive;
    Result<void> notFound = writePage(QStringLiteral("/404.html"), {},
                                      [&] { return m_templates.render(QStringLiteral("404"), m_contexts->notFound()); });
    if (!notFound)
        return notFound;

    Sitemap sitemap;
    for (const QString &page : {QStringLiteral("/"), QStringLiteral("/archive/"), QStringLiteral("/tags/")})
        sitemap.urls.append(Sitemap::Url{m_settings.baseUrl.isEmpty() ? page : SitePath::absolute(m_settings.baseUrl, page), {}});
    for (const SitePlan::Entry &entry : m_plan.posts()) {
        const QString url = m_settings.baseUrl.isEmpty() ? SitePath::encode(entry.path) : SitePath::absolute(m_settings.baseUrl, entry.path);
        sitemap.urls.append(Sitemap::Url{url, entry.post.updatedAt.isValid() ? entry.post.updatedAt : entry.date});
    }
    for (const SitePlan::TagEntry &tag : m_plan.tags())
        sitemap.urls.append(Sitemap::Url{m_settings.baseUrl.isEmpty() ? SitePath::encode(tag.path) : SitePath::absolute(m_settings.baseUrl, tag.path), {}});
    m_files.insert(QStringLiteral("sitemap.xml"));
    if (Result<void> written = m_output->write(QStringLiteral("sitemap.xml"), sitemap.toXml()); !written)
        return written;

    QByteArray robots = "User-agent: *\nAllow: /\n";
    if (!m_settings.baseUrl.isEmpty())
        robots += "Sitemap: " + SitePath::absolute(m_settings.baseUrl, QStringLiteral("/sitemap.xml")).toUtf8() + '\n';
    m_files.insert(QStringLiteral("robots.txt"));
    return m_output->write(QStringLiteral("robots.txt"), robots);
}

Result<void> Build::buildFeed()
{
    AtomFeed feed;
    feed.title = m_settings.title;
    feed.subtitle = m_settings.description;
    feed.author = m_settings.author;
    const bool absolute = !m_settings.baseUrl.isEmpty();
    feed.siteUrl = absolute ? SitePath::absolute(m_settings.baseUrl, QStringLiteral("/")) : QStringLiteral("./");
    feed.feedUrl = absolute ? SitePath::absolute(m_settings.baseUrl, QStringLiteral("/feed.xml")) : QStringLiteral("feed.xml");
    feed.id = absolute ? feed.siteUrl : QStringLiteral("urn:quire:") + QString::fromLatin1(SiteOutput::hash(m_settings.title.toUtf8()));
    feed.generator = QStringLiteral("Quire");
    for (int index = 0; index < std::min<int>(FeedLength, m_plan.posts().size()); ++index) {
        const SitePlan::Entry &entry = m_plan.posts().at(index);
        AtomFeed::Entry item;
        item.title = entry.post.title;
        item.url = absolute ? SitePath::absolute(m_settings.baseUrl, entry.path) : SitePath::encode(entry.path.mid(1));
        item.id = QStringLiteral("urn:uuid:") + entry.post.uuid;
        item.published = entry.date;
        item.updated = entry.post.updatedAt.isValid() ? std::max(entry.post.updatedAt, entry.date) : entry.date;
        item.summary = m_facts.at(index).summary;
        item.contentHtml = m_feedContent.value(index);
        for (int tag : entry.tags)
            item.tags.append(m_plan.tags().at(tag).name);
        feed.entries.append(item);
    }
    m_files.insert(QStringLiteral("feed.xml"));
    return m_output->write(QStringLiteral("feed.xml"), feed.toXml());
}

Result<void> Build::buildAssets()
{
    QList<SiteAssets::File> files = SiteAssets::themeFiles(m_theme);
    const bool katex = std::any_of(m_facts.cbegin(), m_facts.cend(), [](const PostFacts &f) { return f.needsKatexCss; });
    const bool highlight = std::any_of(m_facts.cbegin(), m_facts.cend(), [](const PostFacts &f) { return f.needsHighlightCss; });
    if (katex) {
        Result<QList<SiteAssets::File>> katexFiles = SiteAssets::katex(m_options.worker.katexScript);
        if (!katexFiles)
            return katexFiles.error();
        files += *katexFiles;
    }
    if (highlight) {
        Result<SiteAssets::File> css = SiteAssets::highlight(m_theme, m_options.worker.highlightScript);
        if (!css)
            return css.error();
        files.append(*css);
    }
    for (const SiteAssets::File &file : std::as_const(files)) {
        m_files.insert(file.path);
        if (Result<void> written = m_output->write(file.path, file.content); !written)
            return written;
    }
    return {};
}

// The library images a post's page shows (covers included) and what the page depends on of each:
// a page is rewritten when one of them changes, and only then.
QByteArray Build::mediaKey(const PostFacts &facts) const
{
    KeyHash key(m_media.key(facts.cover.name));
    for (const PostFacts::Link &link : facts.links) {
        if (const QString name = SiteMedia::nameAt(link.target); !name.isEmpty())
            key.add(m_media.key(name));
    }
    return key.result();
}

// The library's images the pages show or link to (/media/NAME), covers included, under their
// content-hashed names, with narrower copies of the large ones. Keyed by the bytes' hash, so an
// image that did not change is neither read from the library nor scaled again; one no page shows
// any more leaves the site. Images are independent of each other: several threads do them.
Result<void> Build::buildMedia()
{
    QSet<QString> names;
    for (const PostFacts &facts : std::as_const(m_facts)) {
        if (!facts.cover.name.isEmpty())
            names.insert(facts.cover.name);
        for (const PostFacts::Link &link : facts.links) {
            if (const QString name = SiteMedia::nameAt(link.target); !name.isEmpty())
                names.insert(name);
        }
    }
    QList<const Asset *> shown;
    for (const QString &name : std::as_const(names)) {
        if (const Asset *asset = m_media.asset(name))
            shown.append(asset);
    }
    // In name order, so that notes come in the same order on every build.
    std::sort(shown.begin(), shown.end(), [](const Asset *a, const Asset *b) { return a->name < b->name; });

    const int threads = std::clamp(m_options.threads > 0 ? m_options.threads : QThread::idealThreadCount(), 1, 16);
    std::atomic<int> next = 0;
    std::atomic<bool> failed = false;
    std::optional<Error> error;
    const auto work = [&] {
        for (int index = next++; index < shown.size() && !failed && !cancelled(); index = next++) {
            if (Result<void> written = writeMedia(*shown.at(index)); !written) {
                QMutexLocker locker(&m_mutex);
                if (!error)
                    error = written.error();
                failed = true;
            }
        }
    };
    runInParallel(threads, shown.size(), work);
    if (error)
        return *error;
    return {};
}

QByteArray copyKey(const Asset &asset, const SiteMedia::Copy &copy)
{
    return asset.sha256.toLatin1() + ':' + QByteArray::number(copy.width) + 'w';
}

Result<void> Build::writeMedia(const Asset &asset)
{
    const QString file = m_media.path(asset.name).mid(1);
    const QByteArray inputKey = asset.sha256.toLatin1();
    const QList<SiteMedia::Copy> copies = m_media.copies(asset.name);
    bool current = m_output->isCurrent(file, inputKey);
    for (const SiteMedia::Copy &copy : copies)
        current = current && m_output->isCurrent(copy.path.mid(1), copyKey(asset, copy));
    if (current) {
        QMutexLocker locker(&m_mutex);
        m_files.insert(file);
        m_output->keep(file);
        for (const SiteMedia::Copy &copy : copies) {
            m_files.insert(copy.path.mid(1));
            m_output->keep(copy.path.mid(1));
        }
        return {};
    }
    Result<std::optional<Asset>> stored = m_library.assets().byName(asset.name);
    if (!stored)
        return stored.error();
    if (!*stored)
        return {};   // deleted meanwhile: the link check reports it
    if (Result<void> written = m_output->write(file, (*stored)->data, inputKey); !written)
        return written;
    {
        QMutexLocker locker(&m_mutex);
        m_files.insert(file);
    }
    for (const SiteMedia::Copy &copy : copies) {
        if (Result<void> written = writeCopy(**stored, copy); !written)
            return written;
    }
    return {};
}

// An image that cannot be decoded still gets a file at the copy's name (its own bytes), so that no
// page offers a srcset candidate that is not there; keyed apart, so the next build tries again.
Result<void> Build::writeCopy(const Asset &asset, const SiteMedia::Copy &copy)
{
    const QString file = copy.path.mid(1);
    const QByteArray key = copyKey(asset, copy);
    if (m_output->isCurrent(file, key)) {
        QMutexLocker locker(&m_mutex);
        m_files.insert(file);
        m_output->keep(file);
        return {};
    }
    Result<QByteArray> scaled = m_options.imageScaler->scaled(asset.data, asset.mimeType, copy.width);
    if (!scaled) {
        QMutexLocker locker(&m_mutex);
        m_report.notes.append(tr("The image /media/%1 could not be scaled down to %2 pixels (%3); the full-size"
                                 " image stands in for the narrower copy.")
                                  .arg(asset.name, QString::number(copy.width), scaled.errorMessage()));
    }
    const QByteArray content = scaled ? *scaled : asset.data;
    if (Result<void> written = m_output->write(file, content, scaled ? key : QByteArrayLiteral("unscaled")); !written)
        return written;
    QMutexLocker locker(&m_mutex);
    m_files.insert(file);
    return {};
}

void Build::checkLinks()
{
    QHash<QString, QString> hiddenByPath;   // where a draft or scheduled post would be
    for (const Post &post : m_plan.hiddenPosts())
        hiddenByPath.insert(SitePlan::permalink(m_settings.permalink, post.slug,
                                                post.publishedAt.isValid() ? post.publishedAt : post.createdAt), post.title);
    for (int index = 0; index < m_plan.posts().size(); ++index) {
        const SitePlan::Entry &entry = m_plan.posts().at(index);
        const PostFacts &facts = m_facts.at(index);
        for (const PostFacts::Issue &issue : facts.issues)
            m_report.problems.append(BuildProblem{entry.post.slug, issue.line, issue.reason});
        if (!facts.cover.name.isEmpty() && !m_files.contains(m_media.path(facts.cover.name).mid(1)))
            m_report.problems.append(BuildProblem{entry.post.slug, 0, tr("the cover image /media/%1 is not in the site")
                                                                          .arg(facts.cover.name)});
        for (const PostFacts::Link &link : facts.links) {
            // A library image is in the site under its content-hashed name.
            const QString name = SiteMedia::nameAt(link.target);
            const QString hashed = name.isEmpty() ? QString() : m_media.path(name);
            if (!hashed.isEmpty() && m_files.contains(hashed.mid(1)))
                continue;
            const QString &target = link.target;
            const QString asPage = target.endsWith(u'/') ? target : target + u'/';
            if (m_files.contains(target.mid(1)) || m_pages.contains(asPage) || m_files.contains(SitePath::file(asPage)))
                continue;
            QString reason;
            if (link.image)
                reason = tr("the image %1 is not in the site").arg(target);
            else if (hiddenByPath.contains(asPage))
                reason = tr("links to “%1”, which is not published").arg(hiddenByPath.value(asPage));
            else
                reason = tr("links to %1, which is not a page of the site").arg(target);
            m_report.problems.append(BuildProblem{entry.post.slug, link.line, reason});
        }
    }
}

QByteArray Build::memory() const
{
    QByteArray data;
    QDataStream out(&data, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << m_globalKey << quint32(m_plan.posts().size());
    for (int index = 0; index < m_plan.posts().size(); ++index) {
        const SitePlan::Entry &entry = m_plan.posts().at(index);
        out << entry.post.id << entry.fingerprint << entry.path << m_facts.at(index);
    }
    return data;
}

void Build::remember(const QByteArray &data)
{
    QDataStream in(data);
    in.setVersion(QDataStream::Qt_6_4);
    QByteArray key;
    quint32 count = 0;
    in >> key >> count;
    // Facts from another theme, Quire or engine version, or settings, say nothing about this build.
    if (in.status() != QDataStream::Ok || key != m_globalKey)
        return;
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        qint64 id = 0;
        Remembered remembered;
        in >> id >> remembered.fingerprint >> remembered.path >> remembered.facts;
        if (in.status() == QDataStream::Ok)
            m_previousPosts.insert(id, std::move(remembered));
    }
    if (in.status() != QDataStream::Ok)
        m_previousPosts.clear();   // damaged: render everything
}

Result<SiteBuilder::Report> Build::run()
{
    QElapsedTimer timer;
    timer.start();
    struct Step
    {
        const char *name;
        Result<void> (Build::*run)();
    };
    const Step steps[] = {
        {"prepare", &Build::prepare}, {"posts", &Build::buildPosts}, {"lists", &Build::buildLists},
        {"other pages", &Build::buildOtherPages}, {"feed", &Build::buildFeed}, {"assets", &Build::buildAssets},
        {"media", &Build::buildMedia},
    };
    qint64 phaseStart = 0;
    const auto phase = [&](const char *name) {
        m_report.phases.append({QLatin1String(name), timer.elapsed() - phaseStart});
        phaseStart = timer.elapsed();
    };
    for (const Step &step : steps) {
        if (Result<void> done = (this->*step.run)(); !done)
            return done.error();
        phase(step.name);
        if (cancelled())
            return Error{tr("The build was cancelled; the site in the output folder is as it was.")};
    }
    checkLinks();
    m_output->setData(memory());
    phase("link check");
    Result<SiteOutput::Counts> counts = m_output->commit();
    phase("commit");
    if (!counts)
        return counts.error();
    // The cache grows with every formula edited away; a build is when nobody waits on it.
    if (Result<int> pruned = m_library.renderCache().prune(); !pruned)
        m_report.notes.append(tr("The render cache could not be pruned: %1").arg(pruned.errorMessage()));
    step(m_total - m_done);
    m_report.posts = int(m_plan.posts().size());
    m_report.files = int(m_files.size());
    m_report.written = counts->written;
    m_report.unchanged = counts->unchanged;
    m_report.removed = counts->removed;
    std::stable_sort(m_report.problems.begin(), m_report.problems.end(), [](const BuildProblem &a, const BuildProblem &b) {
        return a.post != b.post ? a.post < b.post : a.line < b.line;
    });
    if (m_settings.baseUrl.isEmpty())
        m_report.notes.append(tr("No base URL is set, so the feed and the sitemap use relative addresses and pages"
                                 " have no canonical link (set one with: quire config base-url URL)."));
    m_report.elapsedMs = timer.elapsed();
    return m_report;
}

} // namespace

SiteBuilder::SiteBuilder(Library &library) : m_library(library) {}

Result<SiteBuilder::Report> SiteBuilder::build(const Options &options)
{
    return Build(m_library, options).run();
}

} // namespace quire
