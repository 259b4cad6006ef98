#include "publish/publish_target.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>

#include <algorithm>

namespace quire {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("quire::PublishTarget", text);
}

constexpr int MaxNameLength = 64;

bool isNameCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-'
        || c == u'_' || c == u'.';
}

bool hasControlCharacter(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.category() == QChar::Other_Control; });
}

// "/", "~", ".", ".." and the like: a folder whose whole content a sync could replace.
bool isRootLike(const QString &path)
{
    const QString trimmed = path.trimmed();
    if (trimmed.isEmpty())
        return true;
    const QString clean = QDir::cleanPath(trimmed);
    static const QStringList roots = {QStringLiteral("/"), QStringLiteral("."), QStringLiteral(".."),
                                      QStringLiteral("~"), QStringLiteral("~/"), QStringLiteral("/~")};
    if (roots.contains(clean) || clean.startsWith(QLatin1String("../")))
        return true;
    const QString home = QDir::cleanPath(QDir::homePath());
    const QString expanded = QDir::cleanPath(PublishTarget::expandHome(clean));
    return expanded == home || (home.startsWith(expanded + u'/') && expanded.startsWith(u'/'));
}

Result<void> checkFolder(const QString &destination)
{
    const QString path = QDir::cleanPath(PublishTarget::expandHome(destination.trimmed()));
    if (!QDir::isAbsolutePath(path))
        return Error{tr("The folder “%1” is not an absolute path.").arg(destination)};
    if (isRootLike(path))
        return Error{tr("“%1” cannot be a publish folder: choose a folder of its own for the site.").arg(destination)};
    return {};
}

// [user@]host:path, rsync://host/path, or a local path.
Result<void> checkRsync(const QString &destination)
{
    const QString refused = tr("“%1” cannot be an rsync destination: name a folder of its own for the site, not a root "
                               "or home folder.").arg(destination);
    QString path = destination.trimmed();
    if (path.startsWith(QLatin1String("rsync://"))) {
        const qsizetype slash = path.indexOf(u'/', 8);
        if (slash < 0)
            return Error{refused};
        path = path.mid(slash + 1);
        return path.isEmpty() || isRootLike(path) || isRootLike(u'/' + path) ? Result<void>(Error{refused}) : Result<void>();
    }
    const qsizetype colon = path.indexOf(u':');
    const qsizetype slash = path.indexOf(u'/');
    if (colon >= 0 && (slash < 0 || colon < slash)) {
        const QString host = path.left(colon);
        if (host.isEmpty() || host.endsWith(u'@'))
            return Error{tr("“%1” names no host: write it as user@host:path.").arg(destination)};
        path = path.mid(colon + 1);
        if (path.startsWith(u':'))
            path = path.mid(1);   // host::module
    }
    return isRootLike(path) ? Result<void>(Error{refused}) : Result<void>();
}

// The rules of `git check-ref-format` for a branch name, as far as they matter here.
bool isValidBranch(const QString &branch)
{
    if (branch.isEmpty() || branch.startsWith(u'-') || branch.startsWith(u'/') || branch.endsWith(u'/')
        || branch.endsWith(u'.') || branch.endsWith(QLatin1String(".lock")) || branch == u"@"
        || branch.contains(QLatin1String("..")) || branch.contains(QLatin1String("@{"))
        || branch.contains(QLatin1String("//")) || branch.contains(QLatin1String("/.")) || branch.startsWith(u'.'))
        return false;
    for (QChar c : branch) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.isSpace() || QStringLiteral("~^:?*[\\").contains(c))
            return false;
    }
    return true;
}

bool isHostName(const QString &host)
{
    static const QRegularExpression label(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"));
    if (host.size() > 253 || !host.contains(u'.'))
        return false;
    const QStringList labels = host.split(u'.');
    return std::all_of(labels.cbegin(), labels.cend(), [](const QString &part) { return label.match(part).hasMatch(); });
}

} // namespace

QString PublishTarget::expandHome(const QString &path)
{
    if (path == u"~")
        return QDir::homePath();
    if (path.startsWith(QLatin1String("~/")))
        return QDir::homePath() + path.mid(1);
    return path;
}

QString PublishTarget::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Folder:
        return QStringLiteral("folder");
    case Kind::Git:
        return QStringLiteral("git");
    case Kind::Rsync:
        return QStringLiteral("rsync");
    }
    return {};
}

std::optional<PublishTarget::Kind> PublishTarget::kindFromName(const QString &name)
{
    for (Kind kind : {Kind::Folder, Kind::Git, Kind::Rsync}) {
        if (kindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QJsonObject PublishTarget::config() const
{
    QJsonObject object{{QStringLiteral("destination"), destination}};
    if (kind == Kind::Git && !branch.isEmpty())
        object.insert(QStringLiteral("branch"), branch);
    if (kind == Kind::Git && !cname.isEmpty())
        object.insert(QStringLiteral("cname"), cname);
    return object;
}

Result<PublishTarget> PublishTarget::fromConfig(qint64 id, const QString &name, const QString &kind,
                                                const QJsonObject &config)
{
    const std::optional<Kind> known = kindFromName(kind);
    if (!known)
        return Error{tr("The publish target “%1” is of a kind this Quire does not know (“%2”).").arg(name, kind)};
    PublishTarget target;
    target.id = id;
    target.name = name;
    target.kind = *known;
    const auto text = [&](const char *key, QString *into, bool required) -> bool {
        const QJsonValue value = config.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return !required;
        if (!value.isString())
            return false;
        *into = value.toString();
        return !required || !into->isEmpty();
    };
    if (!text("destination", &target.destination, true) || !text("branch", &target.branch, false)
        || !text("cname", &target.cname, false))
        return Error{tr("The settings of the publish target “%1” are damaged; remove the target and add it again.")
                             .arg(name)};
    return target;
}

Result<void> PublishTarget::check() const
{
    if (name.isEmpty())
        return Error{tr("A publish target needs a name.")};
    if (name.size() > MaxNameLength)
        return Error{tr("The name “%1” is too long: a target's name has at most %2 characters.").arg(name).arg(MaxNameLength)};
    if (name.startsWith(u'-') || name == u"." || name == u".."
        || !std::all_of(name.cbegin(), name.cend(), isNameCharacter))
        return Error{tr("“%1” cannot be a target's name: use letters, digits, “-”, “_” and “.”, and do not start with “-”.")
                             .arg(name)};
    if (destination.trimmed().isEmpty())
        return Error{tr("The publish target “%1” needs a destination.").arg(name)};
    if (hasControlCharacter(destination) || destination.trimmed().startsWith(u'-'))
        return Error{tr("“%1” cannot be a destination.").arg(destination)};
    switch (kind) {
    case Kind::Folder:
        return checkFolder(destination);
    case Kind::Rsync:
        return checkRsync(destination);
    case Kind::Git:
        if (!branch.isEmpty() && !isValidBranch(branch))
            return Error{tr("“%1” cannot be a git branch name.").arg(branch)};
        if (!cname.isEmpty() && !isHostName(cname))
            return Error{tr("“%1” is not a domain name such as blog.example.org.").arg(cname)};
        return {};
    }
    return {};
}

} // namespace quire
