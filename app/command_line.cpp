#include "command_line.h"

#include "interchange/blog_importer.h"
#include "interchange/markdown_exporter.h"
#include "interchange/post_markdown_writer.h"
#include "setup/library_setup.h"
#include "store/library.h"
#include "store/post_rules.h"
#include "store/post_store.h"

#include <QTextStream>

namespace quire {

// Shared with command_line_site.cpp.
std::optional<QString> takeOption(const QStringList &args, qsizetype &i, const QString &name, QString *error);

namespace {

const QStringList &commands()
{
    static const QStringList names = {QStringLiteral("new"), QStringLiteral("list"),
                                      QStringLiteral("show"), QStringLiteral("import"), QStringLiteral("export-markdown"),
                                      QStringLiteral("build"), QStringLiteral("theme"), QStringLiteral("config"),
                                      QStringLiteral("target"), QStringLiteral("publish")};
    return names;
}

// Qt's own window options that take a value (QGuiApplication's documented list).
bool isQtOptionWithValue(const QString &arg)
{
    static const QStringList options = {QStringLiteral("-platform"), QStringLiteral("-platformpluginpath"),
        QStringLiteral("-platformtheme"), QStringLiteral("-plugin"), QStringLiteral("-qwindowgeometry"),
        QStringLiteral("-qwindowicon"), QStringLiteral("-qwindowtitle"), QStringLiteral("-display"),
        QStringLiteral("-geometry"), QStringLiteral("-style"), QStringLiteral("-stylesheet")};
    return options.contains(arg);
}

} // namespace

// Takes "--name VALUE" or "--name=VALUE" at args[i]; advances i past what it used.
std::optional<QString> takeOption(const QStringList &args, qsizetype &i, const QString &name, QString *error)
{
    const QString arg = args.at(i);
    if (arg == name) {
        if (i + 1 >= args.size()) {
            *error = CommandLine::tr("%1 needs a value.").arg(name);
            return std::nullopt;
        }
        i += 2;
        return args.at(i - 1);
    }
    if (arg.startsWith(name + QLatin1Char('='))) {
        i += 1;
        return arg.mid(name.size() + 1);
    }
    return std::nullopt;
}

namespace {

QString dateText(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(QStringLiteral("yyyy-MM-dd")) : QStringLiteral("—         ");
}

} // namespace

CommandLine::Invocation CommandLine::parse(const QStringList &argv)
{
    Invocation inv;
    qsizetype i = 1;
    while (i < argv.size()) {
        const QString arg = argv.at(i);
        QString error;
        if (auto library = takeOption(argv, i, QStringLiteral("--library"), &error)) {
            inv.libraryPath = *library;
            continue;
        }
        if (!error.isEmpty()) {
            inv.usageError = error;
            return inv;
        }
        if (arg == u"--webEngineArgs")
            break;  // Chromium's options, up to the end, belong to QtWebEngine
        if (arg == u"-h" || arg == u"--help") {
            inv.help = true;
        } else if (arg == u"-v" || arg == u"--version") {
            inv.version = true;
        } else if (inv.command.isEmpty() && isQtOptionWithValue(arg)) {
            i += 1;   // and its value
        } else if (inv.command.isEmpty() && !arg.startsWith(QLatin1Char('-'))) {
            inv.command = arg;
        } else if (!inv.command.isEmpty()) {
            inv.arguments.append(arg);
        }
        i += 1;
    }
    if (!inv.command.isEmpty() && !commands().contains(inv.command))
        inv.usageError = tr("Unknown command \"%1\".").arg(inv.command);
    return inv;
}

bool CommandLine::wantsWindow(const Invocation &inv)
{
    return inv.command.isEmpty() && !inv.help && !inv.version && inv.usageError.isEmpty();
}

QString CommandLine::usage()
{
    return tr("Usage: quire [--library PATH] [COMMAND [ARGUMENTS]]\n"
              "\n"
              "Without a command, Quire opens its window on the library.\n"
              "\n"
              "Commands:\n"
              "  new TITLE                  Create a draft post and print its slug\n"
              "  list [--status draft|scheduled|published] [--tag TAG] [--search WORDS]\n"
              "                             List posts, newest first\n"
              "  show SLUG                  Print a post as Markdown with front matter\n"
              "  import DIR                 Import the posts and images of a Hugo, Jekyll or Markdown folder\n"
              "  export-markdown DIR [--flavor hugo|jekyll]\n"
              "                             Write every post and image as a Hugo (default) or Jekyll\n"
              "                             folder that the generator builds as it is\n"
              "  build --out DIR [--drafts] [--base-url URL] [--strict] [--force]\n"
              "                             Write the blog as a static site into DIR\n"
              "  theme list                 List the library's themes (* marks the active one)\n"
              "  theme use NAME             Make NAME the site's theme\n"
              "  theme import DIR           Add the theme in DIR (theme.json, templates/, static/)\n"
              "  theme export NAME DIR      Write a theme's files into a new folder DIR\n"
              "  config [NAME [VALUE]]      Show or set a site setting (title, description, author,\n"
              "                             base-url, language, posts-per-page, permalink)\n"
              "  target add NAME --folder DIR | --git REPO [--branch BRANCH] [--cname DOMAIN] | --rsync DEST\n"
              "                             Add a place to publish the site to\n"
              "  target list                List the publish targets (name, kind, destination, branch)\n"
              "  target remove NAME         Remove a publish target (nothing at its destination changes)\n"
              "  publish NAME [--dry-run]   Build the site without drafts and publish it to the target NAME;\n"
              "                             --dry-run lists what would change (+ added, ~ changed, - removed)\n"
              "\n"
              "Options:\n"
              "  --library PATH             The library file (default: %1)\n"
              "  -h, --help                 Show this help\n"
              "  -v, --version              Show Quire's version\n"
              "\n"
              "Exit codes: 0 ok, 1 failure, 2 usage error.\n")
        .arg(Library::defaultPath());
}

int CommandLine::run(const Invocation &inv)
{
    if (!inv.usageError.isEmpty())
        return usageError(inv.usageError);
    if (inv.help) {
        m_out << usage();
        return Ok;
    }
    if (inv.version) {
        m_out << "quire " << QUIRE_VERSION << Qt::endl;
        return Ok;
    }
    if (inv.command.isEmpty())
        return usageError(tr("No command given."));

    // Each command checks its arguments before it opens the library: a usage error touches nothing.
    if (inv.command == u"new")
        return runNew(inv);
    if (inv.command == u"list")
        return runList(inv);
    if (inv.command == u"show")
        return runShow(inv);
    if (inv.command == u"build")
        return runBuild(inv);
    if (inv.command == u"theme")
        return runTheme(inv);
    if (inv.command == u"config")
        return runConfig(inv);
    if (inv.command == u"target")
        return runTarget(inv);
    if (inv.command == u"publish")
        return runPublish(inv);
    if (inv.command == u"export-markdown")
        return runExportMarkdown(inv);
    return runImport(inv);
}

std::unique_ptr<Library> CommandLine::openLibrary(const Invocation &inv, bool create)
{
    const QString path = inv.libraryPath.isEmpty() ? Library::defaultPath() : inv.libraryPath;
    auto library = LibrarySetup::open(path, create ? Library::OpenMode::OpenOrCreate : Library::OpenMode::OpenExisting);
    if (!library) {
        fail(library.errorMessage());
        return nullptr;
    }
    return std::move(*library);
}

int CommandLine::runNew(const Invocation &inv)
{
    const QString title = inv.arguments.join(QLatin1Char(' ')).trimmed();
    if (title.isEmpty() || title.startsWith(QLatin1Char('-')))
        return usageError(tr("new needs a title: quire new \"My post\""));
    // The title is the command's argument: one the rules refuse is a usage error, like none.
    if (const QString problem = PostRules::titleProblem(title); !problem.isEmpty())
        return usageError(problem);
    const auto library = openLibrary(inv, true);
    if (!library)
        return Failure;
    Post post;
    post.title = title;
    auto created = library->posts().create(post);
    if (!created)
        return fail(created.errorMessage());
    m_out << created->slug << Qt::endl;
    return Ok;
}

int CommandLine::runList(const Invocation &inv)
{
    const QStringList &args = inv.arguments;
    PostFilter filter;
    for (qsizetype i = 0; i < args.size();) {
        QString error;
        if (auto status = takeOption(args, i, QStringLiteral("--status"), &error)) {
            filter.status = postStatusFromName(*status);
            if (!filter.status)
                return usageError(tr("Unknown status \"%1\": use draft, scheduled or published.").arg(*status));
        } else if (auto tag = takeOption(args, i, QStringLiteral("--tag"), &error)) {
            filter.tag = *tag;
        } else if (auto search = takeOption(args, i, QStringLiteral("--search"), &error)) {
            filter.search = *search;
            filter.order = PostFilter::Order::Relevance;
        } else {
            return usageError(error.isEmpty() ? tr("list does not take \"%1\".").arg(args.at(i)) : error);
        }
    }
    const auto library = openLibrary(inv, false);
    if (!library)
        return Failure;
    auto posts = library->posts().list(filter);
    if (!posts)
        return fail(posts.errorMessage());
    for (const PostSummary &post : std::as_const(*posts)) {
        m_out << postStatusName(post.status).leftJustified(10) << dateText(post.publishedAt) << "  "
              << post.slug << "  " << post.title;
        if (!post.tags.isEmpty())
            m_out << "  [" << post.tags.join(QStringLiteral(", ")) << ']';
        m_out << '\n';
    }
    m_out.flush();
    return Ok;
}

int CommandLine::runShow(const Invocation &inv)
{
    const QStringList &args = inv.arguments;
    if (args.size() != 1)
        return usageError(tr("show needs one slug: quire show my-post"));
    const auto library = openLibrary(inv, false);
    if (!library)
        return Failure;
    auto post = library->posts().bySlug(args.first());
    if (!post)
        return fail(post.errorMessage());
    if (!post->has_value())
        return fail(tr("No post has the slug \"%1\" in %2.").arg(args.first(), library->path()));
    const QString text = PostMarkdownWriter::toMarkdown(**post);
    m_out << text;
    if (!text.endsWith(QLatin1Char('\n')))
        m_out << '\n';   // a terminal's prompt on a line of its own
    m_out.flush();
    return Ok;
}

int CommandLine::runImport(const Invocation &inv)
{
    const QStringList &args = inv.arguments;
    if (args.size() != 1)
        return usageError(tr("import needs one folder: quire import ~/my-blog"));
    const auto library = openLibrary(inv, true);
    if (!library)
        return Failure;
    BlogImporter importer(*library);
    auto report = importer.importFolder(args.first());
    if (!report)
        return fail(report.errorMessage());
    m_out << tr("Imported %1: %2 new, %3 updated, %4 unchanged, %5 skipped.")
                 .arg(args.first(), QString::number(report->imported.size()),
                      QString::number(report->updated.size()), QString::number(report->unchanged.size()),
                      QString::number(report->skipped.size()))
          << '\n';
    for (const auto &entry : std::as_const(report->skipped))
        m_out << tr("skipped  %1: %2").arg(entry.file, entry.reason) << '\n';
    for (const auto &entry : std::as_const(report->warnings))
        m_out << tr("warning  %1: %2").arg(entry.file, entry.reason) << '\n';
    m_out.flush();
    return Ok;
}

int CommandLine::runExportMarkdown(const Invocation &inv)
{
    const QStringList &args = inv.arguments;
    QString dir;
    auto flavor = MarkdownExporter::Flavor::Hugo;
    for (qsizetype i = 0; i < args.size();) {
        QString error;
        if (auto name = takeOption(args, i, QStringLiteral("--flavor"), &error)) {
            if (*name == u"hugo")
                flavor = MarkdownExporter::Flavor::Hugo;
            else if (*name == u"jekyll")
                flavor = MarkdownExporter::Flavor::Jekyll;
            else
                return usageError(tr("Unknown flavor \"%1\": use hugo or jekyll.").arg(*name));
        } else if (!error.isEmpty()) {
            return usageError(error);
        } else if (dir.isEmpty() && !args.at(i).startsWith(QLatin1Char('-'))) {
            dir = args.at(i++);
        } else {
            return usageError(tr("export-markdown does not take \"%1\".").arg(args.at(i)));
        }
    }
    if (dir.isEmpty())
        return usageError(tr("export-markdown needs a folder: quire export-markdown ~/my-blog-md"));
    const auto library = openLibrary(inv, false);
    if (!library)
        return Failure;
    MarkdownExporter exporter(*library);
    auto report = exporter.exportTo(dir, flavor);
    if (!report)
        return fail(report.errorMessage());
    m_out << (flavor == MarkdownExporter::Flavor::Hugo
                  ? tr("Exported %1 posts and %2 images to %3 as a Hugo site.")
                  : tr("Exported %1 posts and %2 images to %3 as a Jekyll site."))
                 .arg(QString::number(report->posts), QString::number(report->images), dir)
          << Qt::endl;
    return Ok;
}

int CommandLine::fail(const QString &message)
{
    m_err << "quire: " << message << Qt::endl;
    return Failure;
}

int CommandLine::usageError(const QString &message)
{
    m_err << "quire: " << message << '\n' << tr("Run \"quire --help\" for usage.") << Qt::endl;
    return Usage;
}

} // namespace quire
