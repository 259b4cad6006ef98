#include "site/page_contexts.h"

#include "site/site_path.h"

#include <QCoreApplication>
#include <QLocale>

namespace quire {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("quire::PageContexts", text);
}

const QString NotFoundPath = QStringLiteral("/404.html");

} // namespace

PageContexts::PageContexts(const SiteSettings &settings, const SitePlan &plan, const QList<PostFacts> &facts,
                           const QString &generator, const QDateTime &buildTime, const SiteMedia *media)
    : m_settings(settings), m_plan(plan), m_facts(facts), m_media(media), m_generator(generator), m_buildTime(buildTime),
      m_locale(settings.language)
{
    for (int month = 1; month <= 12; ++month) {
        m_monthNames.append(m_locale.monthName(month, QLocale::LongFormat));
        m_shortMonthNames.append(m_locale.monthName(month, QLocale::ShortFormat));
    }
    m_basePath = settings.baseUrl.isEmpty() ? QStringLiteral("/") : settings.baseUrl.path(QUrl::FullyEncoded);
    if (!m_basePath.endsWith(u'/'))
        m_basePath += u'/';
}

QString PageContexts::href(const QString &from, const QString &to) const
{
    if (from == NotFoundPath)
        return m_basePath + SitePath::encode(to.mid(1));
    return SitePath::relative(from, to);
}

QString PageContexts::displayDate(const QDateTime &date) const
{
    const QDate day = date.toUTC().date();
    return QString::number(day.day()) + u' ' + m_monthNames.at(day.month() - 1) + u' ' + QString::number(day.year());
}

// Formatted by hand from the locale's month names: QLocale::toString(QDate, format) parses its
// format on every call, and the archive of a large blog shows thousands of dates.
QVariantMap PageContexts::dateOf(const QDateTime &date) const
{
    const QDateTime utc = date.toUTC();
    const QDate day = utc.date();
    const QTime time = utc.time();
    const auto two = [](int n) { return QString::number(n).rightJustified(2, u'0'); };
    const QString iso = QString::number(day.year()) + u'-' + two(day.month()) + u'-' + two(day.day()) + u'T'
        + two(time.hour()) + u':' + two(time.minute()) + u':' + two(time.second()) + u'Z';
    return QVariantMap{
        {QStringLiteral("iso"), iso},
        {QStringLiteral("display"), displayDate(utc)},
        {QStringLiteral("short"), QString::number(day.day()) + u' ' + m_shortMonthNames.at(day.month() - 1)},
        {QStringLiteral("year"), QString::number(day.year())},
    };
}

QVariantMap PageContexts::page(const QString &pagePath, const QString &kind, const QString &title,
                               const QString &description, bool katex, bool highlight) const
{
    const bool notFound = pagePath == NotFoundPath;
    const QString root = notFound ? m_basePath : SitePath::rootPrefix(pagePath);
    QVariantMap page{
        {QStringLiteral("title"), title},
        {QStringLiteral("description"), description.isEmpty() ? m_settings.description : description},
        {QStringLiteral("canonical"), notFound ? QString() : SitePath::absolute(m_settings.baseUrl, pagePath)},
        {QStringLiteral("ogType"), kind == QLatin1String("post") ? QStringLiteral("article") : QStringLiteral("website")},
        {QStringLiteral("isHome"), pagePath == QLatin1String("/")},
        {QStringLiteral("is") + kind.left(1).toUpper() + kind.mid(1), true},
    };
    if (katex)
        page.insert(QStringLiteral("katexCss"), root + QLatin1String("assets/katex/katex.min.css"));
    if (highlight)
        page.insert(QStringLiteral("highlightCss"), root + QLatin1String("assets/highlight.css"));
    return QVariantMap{
        {QStringLiteral("site"), QVariantMap{
             {QStringLiteral("title"), m_settings.title},
             {QStringLiteral("description"), m_settings.description},
             {QStringLiteral("author"), m_settings.author},
             {QStringLiteral("language"), m_settings.language},
             {QStringLiteral("baseUrl"), m_settings.baseUrl.toString(QUrl::FullyEncoded)},
             {QStringLiteral("generator"), m_generator},
             {QStringLiteral("year"), m_buildTime.toUTC().toString(QStringLiteral("yyyy"))},
         }},
        {QStringLiteral("root"), root},
        {QStringLiteral("links"), QVariantMap{
             {QStringLiteral("home"), href(pagePath, QStringLiteral("/"))},
             {QStringLiteral("tags"), href(pagePath, QStringLiteral("/tags/"))},
             {QStringLiteral("archive"), href(pagePath, QStringLiteral("/archive/"))},
             {QStringLiteral("feed"), href(pagePath, QStringLiteral("/feed.xml"))},
         }},
        {QStringLiteral("page"), page},
    };
}

QVariantMap PageContexts::coverOf(const QString &from, const PostFacts::Cover &cover) const
{
    const QString hashed = m_media ? m_media->path(cover.name) : QString();
    const QString path = hashed.isEmpty() ? QLatin1String("/media/") + cover.name : hashed;
    const bool hasSize = cover.width > 0 && cover.height > 0;
    QVariantMap map{
        {QStringLiteral("url"), href(from, path)},
        {QStringLiteral("permalink"), SitePath::absolute(m_settings.baseUrl, path)},
        {QStringLiteral("alt"), cover.alt},
        {QStringLiteral("hasSize"), hasSize},
        {QStringLiteral("width"), hasSize ? cover.width : 0},
        {QStringLiteral("height"), hasSize ? cover.height : 0},
    };
    // Absent rather than empty, like the cover itself: {{#srcset}} … {{/srcset}}.
    const QString srcset = m_media ? m_media->srcset(cover.name, [&](const QString &to) { return href(from, to); })
                                   : QString();
    if (!srcset.isEmpty()) {
        map.insert(QStringLiteral("srcset"), srcset);
        map.insert(QStringLiteral("sizes"), SiteMedia::sizes());
    }
    return map;
}

QVariantMap PageContexts::postItem(const QString &from, int index) const
{
    const SitePlan::Entry &entry = m_plan.posts().at(index);
    const PostFacts &facts = m_facts.at(index);
    QVariantList tags;
    for (int tag : entry.tags) {
        const SitePlan::TagEntry &tagEntry = m_plan.tags().at(tag);
        tags.append(QVariantMap{{QStringLiteral("name"), tagEntry.name},
                                {QStringLiteral("url"), href(from, tagEntry.path)}});
    }
    QVariantMap item{
        {QStringLiteral("title"), entry.post.title},
        {QStringLiteral("url"), href(from, entry.path)},
        {QStringLiteral("permalink"), SitePath::absolute(m_settings.baseUrl, entry.path)},
        {QStringLiteral("date"), dateOf(entry.date)},
        {QStringLiteral("summary"), facts.summary},
        {QStringLiteral("readingMinutes"), facts.readingMinutes},
        {QStringLiteral("wordCount"), facts.wordCount},
        {QStringLiteral("isDraft"), entry.draft},
        {QStringLiteral("tags"), tags},
        {QStringLiteral("hasTags"), !tags.isEmpty()},
    };
    // Absent rather than empty: {{#cover}} … {{/cover}} is the whole test a theme needs.
    if (!facts.cover.name.isEmpty())
        item.insert(QStringLiteral("cover"), coverOf(from, facts.cover));
    return item;
}

QVariantMap PageContexts::post(int index, const QString &contentHtml) const
{
    const SitePlan::Entry &entry = m_plan.posts().at(index);
    const PostFacts &facts = m_facts.at(index);
    QVariantMap context = page(entry.path, QStringLiteral("post"), entry.post.title, facts.summary,
                               facts.needsKatexCss, facts.needsHighlightCss);
    QVariantMap post = postItem(entry.path, index);
    if (const auto cover = post.constFind(QStringLiteral("cover")); cover != post.constEnd()) {
        // For og:image: absolute when the site has a base URL (as sharing needs), else the
        // page's own relative address.
        const QVariantMap image = cover->toMap();
        const QString permalink = image.value(QStringLiteral("permalink")).toString();
        QVariantMap page = context.value(QStringLiteral("page")).toMap();
        page.insert(QStringLiteral("image"), permalink.isEmpty() ? image.value(QStringLiteral("url")) : permalink);
        context.insert(QStringLiteral("page"), page);
    }
    post.insert(QStringLiteral("content"), contentHtml);
    const QDateTime updated = entry.post.updatedAt.isValid() ? entry.post.updatedAt : entry.date;
    post.insert(QStringLiteral("updated"), dateOf(updated));
    post.insert(QStringLiteral("isUpdated"), !entry.draft && updated.toUTC().date() > entry.date.toUTC().date());
    QVariantList toc;
    for (const OutlineEntry &heading : facts.toc)
        toc.append(QVariantMap{{QStringLiteral("level"), heading.level}, {QStringLiteral("text"), heading.text},
                               {QStringLiteral("id"), heading.id}});
    post.insert(QStringLiteral("toc"), toc);
    post.insert(QStringLiteral("hasToc"), toc.size() >= 2);
    // Newest first: the older post follows in the list.
    const auto neighbour = [&](int other) {
        const SitePlan::Entry &e = m_plan.posts().at(other);
        return QVariantMap{{QStringLiteral("title"), e.post.title}, {QStringLiteral("url"), href(entry.path, e.path)}};
    };
    if (index + 1 < m_plan.posts().size())
        post.insert(QStringLiteral("prev"), neighbour(index + 1));
    if (index > 0)
        post.insert(QStringLiteral("next"), neighbour(index - 1));
    post.insert(QStringLiteral("hasNeighbours"), m_plan.posts().size() > 1);
    context.insert(QStringLiteral("post"), post);
    return context;
}

QVariantList PageContexts::postList(const QString &from, const QList<int> &posts) const
{
    QVariantList list;
    list.reserve(posts.size());
    for (int index : posts)
        list.append(postItem(from, index));
    return list;
}

QVariantMap PageContexts::paginationOf(const QString &from, const Pagination &pagination) const
{
    return QVariantMap{
        {QStringLiteral("current"), pagination.current},
        {QStringLiteral("total"), pagination.total},
        {QStringLiteral("isPaginated"), pagination.total > 1},
        {QStringLiteral("hasPrev"), !pagination.prevPath.isEmpty()},
        {QStringLiteral("prevUrl"), pagination.prevPath.isEmpty() ? QString() : href(from, pagination.prevPath)},
        {QStringLiteral("hasNext"), !pagination.nextPath.isEmpty()},
        {QStringLiteral("nextUrl"), pagination.nextPath.isEmpty() ? QString() : href(from, pagination.nextPath)},
    };
}

QVariantMap PageContexts::list(const QString &pagePath, const QList<int> &posts, const Pagination &pagination) const
{
    const QString title = pagination.current > 1 ? tr("Page %1").arg(pagination.current) : QString();
    QVariantMap context = page(pagePath, QStringLiteral("list"), title, {}, false, false);
    context.insert(QStringLiteral("posts"), postList(pagePath, posts));
    context.insert(QStringLiteral("hasPosts"), !posts.isEmpty());
    context.insert(QStringLiteral("pagination"), paginationOf(pagePath, pagination));
    return context;
}

QVariantMap PageContexts::tag(const QString &pagePath, int tagIndex, const QList<int> &posts,
                              const Pagination &pagination) const
{
    const SitePlan::TagEntry &tag = m_plan.tags().at(tagIndex);
    QVariantMap context = page(pagePath, QStringLiteral("tag"), tr("Posts tagged “%1”").arg(tag.name),
                               tr("Posts tagged “%1” on %2").arg(tag.name, m_settings.title), false, false);
    context.insert(QStringLiteral("tag"), QVariantMap{{QStringLiteral("name"), tag.name},
                                                      {QStringLiteral("url"), href(pagePath, tag.path)},
                                                      {QStringLiteral("count"), tag.posts.size()}});
    context.insert(QStringLiteral("posts"), postList(pagePath, posts));
    context.insert(QStringLiteral("hasPosts"), !posts.isEmpty());
    context.insert(QStringLiteral("pagination"), paginationOf(pagePath, pagination));
    return context;
}

QVariantMap PageContexts::tags() const
{
    const QString path = QStringLiteral("/tags/");
    QVariantMap context = page(path, QStringLiteral("tags"), tr("Tags"), {}, false, false);
    QVariantList tags;
    for (const SitePlan::TagEntry &tag : m_plan.tags())
        tags.append(QVariantMap{{QStringLiteral("name"), tag.name}, {QStringLiteral("url"), href(path, tag.path)},
                                {QStringLiteral("count"), tag.posts.size()}});
    context.insert(QStringLiteral("hasTags"), !tags.isEmpty());
    context.insert(QStringLiteral("tags"), tags);
    return context;
}

QVariantMap PageContexts::archive() const
{
    const QString path = QStringLiteral("/archive/");
    QVariantMap context = page(path, QStringLiteral("archive"), tr("Archive"), {}, false, false);
    QVariantList years;
    QVariantList posts;
    QString year;
    const auto closeYear = [&] {
        if (!posts.isEmpty())
            years.append(QVariantMap{{QStringLiteral("year"), year}, {QStringLiteral("count"), posts.size()},
                                     {QStringLiteral("posts"), posts}});
        posts.clear();
    };
    for (int i = 0; i < m_plan.posts().size(); ++i) {
        const QString postYear = m_plan.posts().at(i).date.toUTC().toString(QStringLiteral("yyyy"));
        if (postYear != year) {
            closeYear();
            year = postYear;
        }
        // Lighter than a list's post: the archive of a 10,000-post blog lists every one.
        const SitePlan::Entry &entry = m_plan.posts().at(i);
        posts.append(QVariantMap{{QStringLiteral("title"), entry.post.title}, {QStringLiteral("url"), href(path, entry.path)},
                                 {QStringLiteral("date"), dateOf(entry.date)}, {QStringLiteral("isDraft"), entry.draft}});
    }
    closeYear();
    context.insert(QStringLiteral("hasYears"), !years.isEmpty());
    context.insert(QStringLiteral("years"), years);
    return context;
}

QVariantMap PageContexts::notFound() const
{
    return page(NotFoundPath, QStringLiteral("404"), tr("Page not found"), {}, false, false);
}

} // namespace quire
