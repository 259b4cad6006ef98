#include "site/site_settings.h"

#include "store/library.h"
#include "store/setting_store.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace quire {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("quire::SiteSettings", text);
}

struct Key
{
    const char *name;   // as the CLI takes it
    Setting setting;    // as the library stores it
};

constexpr Key Keys[] = {
    {"title", Setting::SiteTitle}, {"description", Setting::SiteDescription}, {"author", Setting::SiteAuthor},
    {"base-url", Setting::SiteBaseUrl}, {"language", Setting::SiteLanguage},
    {"posts-per-page", Setting::SitePostsPerPage}, {"permalink", Setting::SitePermalink},
};

const Key *findKey(const QString &name)
{
    for (const Key &key : Keys) {
        if (name == QLatin1String(key.name))
            return &key;
    }
    return nullptr;
}

Result<int> parsePostsPerPage(const QString &text)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value < 1 || value > 1000)
        return Error{tr("posts-per-page must be a whole number from 1 to 1000, not \"%1\".").arg(text)};
    return value;
}

Result<QString> parseLanguage(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"));
    if (!pattern.match(text.trimmed()).hasMatch())
        return Error{tr("language must be a language tag such as en or de-CH, not \"%1\".").arg(text)};
    return text.trimmed();
}

Result<QString> check(const Key &key, const QString &value)
{
    const QString name = QLatin1String(key.name);
    if (name == QLatin1String("base-url")) {
        Result<QUrl> url = SiteSettings::parseBaseUrl(value);
        if (!url)
            return url.error();
        return url->toString(QUrl::FullyEncoded);
    }
    if (name == QLatin1String("posts-per-page")) {
        Result<int> count = parsePostsPerPage(value);
        if (!count)
            return count.error();
        return QString::number(*count);
    }
    if (name == QLatin1String("permalink"))
        return SiteSettings::checkPermalink(value);
    if (name == QLatin1String("language"))
        return parseLanguage(value);
    if (value.size() > 2000)
        return Error{tr("%1 is longer than 2000 characters.").arg(name)};
    return value.trimmed();
}

} // namespace

QStringList SiteSettings::names()
{
    QStringList names;
    for (const Key &key : Keys)
        names.append(QLatin1String(key.name));
    return names;
}

Result<QUrl> SiteSettings::parseBaseUrl(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QUrl();
    QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
        || url.host().isEmpty() || url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        return Error{tr("The base URL must be an http or https address such as https://blog.example.org/, not \"%1\".")
                             .arg(text)};
    if (!url.path().endsWith(u'/'))
        url.setPath(url.path() + u'/');
    return url;
}

Result<QString> SiteSettings::checkPermalink(const QString &pattern)
{
    static const QRegularExpression allowed(QStringLiteral("^/([A-Za-z0-9_-]+/|:(slug|year|month|day)/)+$"));
    const QString trimmed = pattern.trimmed();
    if (!allowed.match(trimmed).hasMatch() || !trimmed.contains(QLatin1String(":slug")))
        return Error{tr("The permalink pattern must be a path of words and :slug, :year, :month or :day between"
                        " slashes, with :slug, such as /posts/:slug/ — not \"%1\".").arg(pattern)};
    static const QStringList reserved{QStringLiteral("/tags/"), QStringLiteral("/page/"), QStringLiteral("/archive/"),
                                      QStringLiteral("/assets/")};
    for (const QString &prefix : reserved) {
        if (trimmed.startsWith(prefix))
            return Error{tr("The permalink pattern cannot start with %1: the site uses it for its own pages.").arg(prefix)};
    }
    return trimmed;
}

Result<SiteSettings> SiteSettings::fromLibrary(const Library &library)
{
    SiteSettings settings;
    for (const Key &key : Keys) {
        const Result<QString> stored = library.settings().value(key.setting);
        if (!stored)
            return stored.error();
        if (stored->isEmpty())
            continue;
        const Result<QString> value = check(key, *stored);
        if (!value)
            return Error{tr("The site setting %1 cannot be used: %2").arg(QLatin1String(key.name), value.errorMessage())};
        const QString name = QLatin1String(key.name);
        if (name == QLatin1String("title"))
            settings.title = *value;
        else if (name == QLatin1String("description"))
            settings.description = *value;
        else if (name == QLatin1String("author"))
            settings.author = *value;
        else if (name == QLatin1String("base-url"))
            settings.baseUrl = QUrl(*value);
        else if (name == QLatin1String("language"))
            settings.language = *value;
        else if (name == QLatin1String("posts-per-page"))
            settings.postsPerPage = value->toInt();
        else if (name == QLatin1String("permalink"))
            settings.permalink = *value;
    }
    if (settings.title.isEmpty())
        settings.title = tr("My blog");
    return settings;
}

Result<void> SiteSettings::store(Library &library, const QString &name, const QString &value)
{
    const Key *key = findKey(name);
    if (!key)
        return Error{tr("There is no site setting called \"%1\"; the settings are: %2.").arg(name, names().join(QLatin1String(", ")))};
    const Result<QString> checked = check(*key, value);
    if (!checked)
        return checked.error();
    return library.settings().set(key->setting, *checked);
}

} // namespace quire
