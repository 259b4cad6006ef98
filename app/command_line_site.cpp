// The site's commands: build, theme, config.

#include "command_line.h"

#include "images/qt_image_scaler.h"
#include "site/library_themes.h"
#include "site/site_builder.h"
#include "site/site_settings.h"
#include "store/library.h"
#include "store/theme_store.h"
#include "theme/theme_folder.h"

#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace quire {

std::optional<QString> takeOption(const QStringList &args, qsizetype &i, const QString &name, QString *error);

namespace {

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 2);
}

} // namespace

int CommandLine::runBuild(const Invocation &inv)
{
    const QStringList &args = inv.arguments;
    SiteBuilder::Options options;
    const QtImageScaler scaler;
    options.imageScaler = &scaler;
    bool strict = false;
    for (qsizetype i = 0; i < args.size();) {
        QString error;
        if (auto out = takeOption(args, i, QStringLiteral("--out"), &error)) {
            options.outputDir = *out;
        } else if (auto url = takeOption(args, i, QStringLiteral("--base-url"), &error)) {
            if (Result<QUrl> parsed = SiteSettings::parseBaseUrl(*url); !parsed)
                return usageError(parsed.errorMessage());
            options.baseUrl = *url;
        } else if (error.isEmpty() && args.at(i) == u"--drafts") {
            options.includeDrafts = true;
            ++i;
        } else if (error.isEmpty() && args.at(i) == u"--strict") {
            strict = true;
            ++i;
        } else if (error.isEmpty() && args.at(i) == u"--force") {
            options.force = true;
            ++i;
        } else {
            return usageError(error.isEmpty() ? tr("build does not take \"%1\".").arg(args.at(i)) : error);
        }
    }
    if (options.outputDir.isEmpty())
        return usageError(tr("build needs an output folder: quire build --out site/"));
    const auto library = openLibrary(inv, false);
    if (!library)
        return Failure;

    // A progress line only for a person watching a terminal.
    if (isatty(fileno(stderr))) {
        options.progress = [this, shown = -1](int done, int total) mutable {
            const int percent = total > 0 ? done * 100 / total : 0;
            if (percent == shown)
                return;
            shown = percent;
            m_err << '\r' << tr("Building the site… %1%").arg(percent) << Qt::flush;
        };
    }
    Result<SiteBuilder::Report> report = SiteBuilder(*library).build(options);
    if (options.progress)
        m_err << '\r' << QString(40, u' ') << '\r' << Qt::flush;
    if (!report)
        return fail(report.errorMessage());

    for (const BuildProblem &problem : std::as_const(report->problems)) {
        QString where = problem.post.isEmpty() ? tr("site") : problem.post;
        if (problem.line > 0)
            where += u':' + QString::number(problem.line);
        m_out << tr("problem  %1: %2").arg(where, problem.reason) << '\n';
    }
    for (const QString &note : std::as_const(report->notes))
        m_out << tr("note     %1").arg(note) << '\n';
    m_out << tr("Built %1 posts into %2 in %3 s: %4 files written, %5 unchanged, %6 removed, %7 problems.")
                 .arg(QString::number(report->posts), options.outputDir, seconds(report->elapsedMs),
                      QString::number(report->written), QString::number(report->unchanged),
                      QString::number(report->removed), QString::number(report->problems.size()))
          << Qt::endl;
    return strict && !report->problems.isEmpty() ? Failure : Ok;
}

int CommandLine::runTheme(const Invocation &inv)
{
    const QStringList &args = inv.arguments;
    const QString action = args.value(0);
    const qsizetype wanted = action == u"list" ? 1 : action == u"use" || action == u"import" ? 2 : action == u"export" ? 3 : -1;
    if (wanted < 0 || args.size() != wanted)
        return usageError(tr("theme takes: list | use NAME | import DIR | export NAME DIR"));
    const auto library = openLibrary(inv, false);
    if (!library)
        return Failure;

    if (action == u"list") {
        Result<QList<Theme>> themes = LibraryThemes::list(*library);
        if (!themes)
            return fail(themes.errorMessage());
        const Result<QString> active = library->themes().activeName();
        if (!active)
            return fail(active.errorMessage());
        for (const Theme &theme : std::as_const(*themes)) {
            m_out << (theme.manifest.name == *active ? "* " : "  ") << theme.manifest.name.leftJustified(16) << ' '
                  << theme.manifest.version.leftJustified(8) << ' '
                  << (theme.builtin ? tr("built-in") : tr("yours   ")) << "  " << theme.manifest.title;
            if (!theme.manifest.description.isEmpty())
                m_out << " — " << theme.manifest.description;
            m_out << '\n';
        }
        m_out.flush();
        return Ok;
    }
    if (action == u"use") {
        if (Result<void> used = library->themes().setActive(args.at(1)); !used)
            return fail(used.errorMessage());
        m_out << tr("The site now uses the theme \"%1\".").arg(args.at(1)) << Qt::endl;
        return Ok;
    }
    if (action == u"import") {
        Result<Theme> theme = ThemeFolder::read(args.at(1));
        if (!theme)
            return fail(tr("%1: %2").arg(args.at(1), theme.errorMessage()));
        if (Result<void> imported = LibraryThemes::import(*library, *theme); !imported)
            return fail(imported.errorMessage());
        m_out << tr("Imported the theme \"%1\" (%2 files); use it with: quire theme use %1")
                     .arg(theme->manifest.name).arg(theme->files.size()) << Qt::endl;
        return Ok;
    }
    Result<std::optional<Theme>> theme = LibraryThemes::find(*library, args.at(1));
    if (!theme)
        return fail(theme.errorMessage());
    if (!*theme)
        return fail(tr("There is no theme called \"%1\".").arg(args.at(1)));
    if (Result<void> written = ThemeFolder::write(**theme, args.at(2)); !written)
        return fail(written.errorMessage());
    m_out << tr("Wrote the theme \"%1\" to %2.").arg(args.at(1), args.at(2)) << Qt::endl;
    return Ok;
}

int CommandLine::runConfig(const Invocation &inv)
{
    const QStringList &args = inv.arguments;
    if (args.size() > 2)
        return usageError(tr("config takes: [NAME [VALUE]]"));
    if (!args.isEmpty() && !SiteSettings::names().contains(args.first()))
        return usageError(tr("There is no site setting called \"%1\"; the settings are: %2.")
                              .arg(args.first(), SiteSettings::names().join(QStringLiteral(", "))));
    const auto library = openLibrary(inv, args.size() == 2);
    if (!library)
        return Failure;
    if (args.size() == 2) {
        if (Result<void> stored = SiteSettings::store(*library, args.at(0), args.at(1)); !stored)
            return fail(stored.errorMessage());
        return Ok;
    }
    Result<SiteSettings> settings = SiteSettings::fromLibrary(*library);
    if (!settings)
        return fail(settings.errorMessage());
    const QList<std::pair<QString, QString>> values{
        {QStringLiteral("title"), settings->title}, {QStringLiteral("description"), settings->description},
        {QStringLiteral("author"), settings->author}, {QStringLiteral("base-url"), settings->baseUrl.toString()},
        {QStringLiteral("language"), settings->language},
        {QStringLiteral("posts-per-page"), QString::number(settings->postsPerPage)},
        {QStringLiteral("permalink"), settings->permalink},
    };
    for (const auto &[name, value] : values) {
        if (args.isEmpty())
            m_out << name.leftJustified(15) << ' ' << value << '\n';
        else if (name == args.first())
            m_out << value << '\n';
    }
    m_out.flush();
    return Ok;
}

} // namespace quire
