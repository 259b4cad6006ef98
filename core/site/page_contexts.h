#pragma once

#include "site/post_facts.h"
#include "site/site_plan.h"
#include "site/site_media.h"
#include "site/site_settings.h"

#include <QDateTime>
#include <QList>
#include <QLocale>
#include <QString>
#include <QVariantMap>

namespace quire {

// The Mustache context of each kind of page (docs/THEMES.md is the contract with themes).
// Internal URLs are relative to the page, so the site works from disk; 404.html, which a host
// serves at any address, gets absolute paths instead.
class PageContexts
{
public:
    // What a list page shows: a slice of posts, and where it is among its siblings.
    struct Pagination
    {
        int current = 1;
        int total = 1;
        QString prevPath;      // site paths; empty at either end
        QString nextPath;
    };

    // With `media` (the site build), covers are at the site's content-hashed names and carry a
    // srcset; without (the preview), at /media/NAME.
    PageContexts(const SiteSettings &settings, const SitePlan &plan, const QList<PostFacts> &facts,
                 const QString &generator, const QDateTime &buildTime, const SiteMedia *media = nullptr);

    QVariantMap post(int index, const QString &contentHtml) const;
    QVariantMap list(const QString &pagePath, const QList<int> &posts, const Pagination &pagination) const;
    QVariantMap tag(const QString &pagePath, int tagIndex, const QList<int> &posts, const Pagination &pagination) const;
    QVariantMap tags() const;
    QVariantMap archive() const;
    QVariantMap notFound() const;

private:
    // The date as pages show it ("1 March 2024" in the site's language).
    QString displayDate(const QDateTime &date) const;
    QString href(const QString &from, const QString &to) const;
    QVariantMap page(const QString &pagePath, const QString &kind, const QString &title, const QString &description,
                     bool katex, bool highlight) const;
    QVariantMap postItem(const QString &from, int index) const;
    QVariantMap coverOf(const QString &from, const PostFacts::Cover &cover) const;
    QVariantMap dateOf(const QDateTime &date) const;
    QVariantMap paginationOf(const QString &from, const Pagination &pagination) const;
    QVariantList postList(const QString &from, const QList<int> &posts) const;

    const SiteSettings &m_settings;
    const SitePlan &m_plan;
    const QList<PostFacts> &m_facts;
    const SiteMedia *m_media;
    QString m_generator;
    QDateTime m_buildTime;
    QLocale m_locale;           // the site's language, for dates
    QStringList m_monthNames;
    QStringList m_shortMonthNames;
    QString m_basePath;         // the base URL's path: "/" or "/blog/"
    QString m_notFoundPath;
};

} // namespace quire
