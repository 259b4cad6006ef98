#pragma once

#include "result.h"

#include <QString>
#include <QUrl>

namespace quire {

class Library;

// What the site builder takes from the library's settings (keys "site.*").
struct SiteSettings
{
    QString title;
    QString description;
    QString author;
    QUrl baseUrl;                    // http(s), ends with '/'; empty when not set
    QString language = QStringLiteral("en");
    int postsPerPage = 10;
    QString permalink = QStringLiteral("/posts/:slug/");   // :slug, :year, :month, :day

    // The settings, checked: a setting that cannot be used is an error naming it and why.
    static Result<SiteSettings> fromLibrary(const Library &library);

    // Checks and stores one setting by its short name ("title", "base-url", …), as the CLI and
    // the settings dialog take them.
    static Result<void> store(Library &library, const QString &name, const QString &value);
    static QStringList names();

    static Result<QUrl> parseBaseUrl(const QString &text);
    static Result<QString> checkPermalink(const QString &pattern);
};

} // namespace quire
