#include "publish/rsync_publisher.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace quire {

namespace {

// rsync's own words for its exit codes (rsync(1), EXIT VALUES).
QString exitMeaning(int code)
{
    switch (code) {
    case 1: return RsyncPublisher::tr("a syntax or usage error");
    case 2: return RsyncPublisher::tr("incompatible rsync versions");
    case 3: return RsyncPublisher::tr("errors selecting input or output files or folders");
    case 5: return RsyncPublisher::tr("an error starting the client-server protocol");
    case 10: return RsyncPublisher::tr("a network error");
    case 11: return RsyncPublisher::tr("an error reading or writing a file");
    case 12: return RsyncPublisher::tr("an error in the rsync data stream");
    case 23: return RsyncPublisher::tr("some files could not be transferred");
    case 24: return RsyncPublisher::tr("some site files vanished while they were sent");
    case 30: return RsyncPublisher::tr("a timeout while sending or receiving data");
    case 35: return RsyncPublisher::tr("a timeout waiting for the rsync daemon");
    default: return RsyncPublisher::tr("exit code %1").arg(code);
    }
}

// rsync writes a byte it deems unprintable in a name as \#ooo (octal).
QByteArray unescapeName(const QByteArray &name)
{
    QByteArray bytes;
    for (qsizetype i = 0; i < name.size(); ++i) {
        if (name[i] == '\\' && i + 4 < name.size() && name[i + 1] == '#') {
            bool ok = false;
            const int value = name.mid(i + 2, 3).toInt(&ok, 8);
            if (ok) {
                bytes += char(value);
                i += 4;
                continue;
            }
        }
        bytes += name[i];
    }
    return bytes;
}

bool isDaemon(const QString &destination)
{
    return destination.startsWith(QLatin1String("rsync://")) || destination.contains(QLatin1String("::"));
}

// A path --delete must never empty: a root, a top-level system folder, or a home folder.
bool isRootOrHome(const QString &path, bool remote)
{
    QString cleaned = path.trimmed();
    if (cleaned.isEmpty() || (cleaned.startsWith(QLatin1Char('~')) && !cleaned.contains(QLatin1Char('/'))))
        return true;   // "host:" and "~", "~user" are home folders
    if (cleaned.startsWith(QLatin1String("~/")))
        cleaned = QStringLiteral("/home/~/") + cleaned.mid(2);   // under a home: judged below
    cleaned = QDir::cleanPath(cleaned);
    if (cleaned == QLatin1String(".") || cleaned == QLatin1String("/home/~"))
        return true;   // the remote home ("host:.", "host:~/") or the current folder
    if (!cleaned.startsWith(QLatin1Char('/')))
        return false;
    const QStringList parts = cleaned.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() <= 1 || cleaned.startsWith(QLatin1String("/..")))
        return true;   // "/", "/usr", "/home", "/root"
    if (parts.size() == 2 && parts.first() == QLatin1String("home"))
        return true;   // "/home/NAME"
    return !remote && cleaned == QDir::cleanPath(QDir::homePath());
}

} // namespace

RsyncPublisher::RsyncPublisher(const PublishTarget &target) : m_target(target)
{
}

Result<QList<Publisher::Change>> RsyncPublisher::dryRun(const QString &siteDir, const Callbacks &callbacks)
{
    return run(siteDir, true, callbacks);
}

Result<QList<Publisher::Change>> RsyncPublisher::publish(const QString &siteDir, const QString &message,
                                                         const Callbacks &callbacks)
{
    if (callbacks.log && !message.isEmpty())
        callbacks.log(message);
    return run(siteDir, false, callbacks);
}

bool RsyncPublisher::isRemote(const QString &destination)
{
    if (destination.startsWith(QLatin1String("rsync://")))
        return true;
    const qsizetype colon = destination.indexOf(QLatin1Char(':'));
    const qsizetype slash = destination.indexOf(QLatin1Char('/'));
    return colon >= 0 && (slash < 0 || colon < slash);
}

Result<void> RsyncPublisher::checkDestination(const QString &destination)
{
    const QString trimmed = destination.trimmed();
    if (trimmed.isEmpty())
        return Error{tr("The rsync destination is empty. Give a folder, or host:folder on a server.")};
    if (trimmed.startsWith(QLatin1Char('-')))
        return Error{tr("The rsync destination “%1” starts with a dash, which rsync would read as an option.").arg(trimmed)};
    const Error refused{tr("Quire will not publish with rsync to “%1”: it is a root or home folder, and rsync "
                           "would delete everything in it that is not part of the site. Give a folder that "
                           "holds the site alone.").arg(trimmed)};
    if (!isRemote(trimmed)) {
        if (!trimmed.startsWith(QLatin1Char('/')) && !trimmed.startsWith(QLatin1Char('~')))
            return Error{tr("The rsync destination “%1” must be a full path, starting with / or ~/.").arg(trimmed)};
        return isRootOrHome(trimmed, false) ? Result<void>(refused) : Result<void>();
    }
    if (trimmed.startsWith(QLatin1Char(':')))
        return Error{tr("The rsync destination “%1” names no server before the colon.").arg(trimmed)};
    if (trimmed.startsWith(QLatin1String("rsync://"))) {
        const QString rest = trimmed.mid(8);
        const qsizetype slash = rest.indexOf(QLatin1Char('/'));
        return slash < 0 || rest.mid(slash + 1).isEmpty() ? Result<void>(refused) : Result<void>();
    }
    if (isDaemon(trimmed))   // host::module[/path]: the module is the daemon's own folder for it
        return trimmed.section(QLatin1String("::"), 1).isEmpty() ? Result<void>(refused) : Result<void>();
    return isRootOrHome(trimmed.section(QLatin1Char(':'), 1), true) ? Result<void>(refused) : Result<void>();
}

QList<Publisher::Change> RsyncPublisher::parseItemized(const QByteArray &output)
{
    QList<Change> changes;
    for (const QByteArray &raw : output.split('\n')) {
        const QString line = QString::fromUtf8(unescapeName(raw));
        const qsizetype space = line.indexOf(QLatin1Char(' '));
        if (space < 2)
            continue;
        const QString flags = line.left(space);
        const QString path = line.mid(space).trimmed();
        if (path.isEmpty() || path.endsWith(QLatin1Char('/')))
            continue;   // a folder: its files are listed one by one
        if (flags == QLatin1String("*deleting")) {
            changes.append({Change::Kind::Removed, path});
            continue;
        }
        // YXcstpoguax: Y is '<' (sent) or '>' (received) for a transfer, X the type ('f' file).
        const QChar update = flags.at(0);
        if ((update != QLatin1Char('<') && update != QLatin1Char('>')) || flags.at(1) != QLatin1Char('f'))
            continue;
        const bool added = flags.mid(2).count(QLatin1Char('+')) == flags.size() - 2;
        changes.append({added ? Change::Kind::Added : Change::Kind::Changed, path});
    }
    return changes;
}

Result<QList<Publisher::Change>> RsyncPublisher::run(const QString &siteDir, bool dryRun, const Callbacks &callbacks)
{
    const QString program = ToolProcess::find(QStringLiteral("rsync"));
    if (program.isEmpty())
        return explain(ToolProcess::Output::failedToStart());
    if (auto checked = checkDestination(m_target.destination); !checked)
        return checked.error();
    if (!QFileInfo(siteDir).isDir())
        return Error{tr("The site folder %1 does not exist; build the site first.").arg(siteDir)};

    QString destination = m_target.destination.trimmed();
    const bool remote = isRemote(destination);
    if (!remote)
        destination = PublishTarget::expandHome(destination);   // no shell expands it for rsync
    // --checksum: rsync's quick check compares size and time, so a page rebuilt with the same bytes
    // but a new time would be listed (and sent) as changed; reading both sides is cheap for a
    // blog, and the change list then names only pages whose content changed.
    QStringList arguments{QStringLiteral("-a"), QStringLiteral("--delete"), QStringLiteral("--checksum"),
                          QStringLiteral("--itemize-changes"), QStringLiteral("--exclude=/.quire/")};
    if (dryRun)
        arguments << QStringLiteral("--dry-run");
    if (remote && !isDaemon(destination)) {
        if (ToolProcess::find(QStringLiteral("ssh")).isEmpty())
            return Error{tr("ssh is not installed. Install it (apt install openssh-client) to publish to a server with rsync.")};
        // BatchMode: ssh fails instead of asking for a password nobody can type.
        arguments << QStringLiteral("-e") << QStringLiteral("ssh -o BatchMode=yes -o ConnectTimeout=30");
    }
    arguments << QDir(siteDir).absolutePath() + QLatin1Char('/') << destination;

    if (callbacks.progress)
        callbacks.progress(0, 1);
    ToolProcess rsync(program, callbacks);
    const ToolProcess::Output output = rsync.run(arguments);
    if (!output.ok())
        return explain(output);
    if (callbacks.progress)
        callbacks.progress(1, 1);
    return parseItemized(output.standardOutput);
}

Error RsyncPublisher::explain(const ToolProcess::Output &output) const
{
    using Status = ToolProcess::Output::Status;
    if (output.status == Status::FailedToStart)
        return Error{tr("rsync is not installed. Install it (apt install rsync) to publish with rsync.")};
    if (output.status == Status::Cancelled)
        return Error{tr("Publishing was cancelled; %1 may hold part of the new site until the next publish.").arg(m_target.destination)};
    if (output.status == Status::Crashed)
        return Error{tr("rsync stopped unexpectedly.")};

    const QString text = output.errorLines.join(QLatin1Char('\n'));
    // rsync's first error line names the cause; the last only repeats the exit code.
    const QString cause = output.errorLines.isEmpty() ? QString() : output.errorLines.first();
    if (text.contains(QLatin1String("No space left on device")))
        return Error{tr("The disk at %1 is full (no space left on device). Free some space and publish again.").arg(m_target.destination)};
    // ssh's refusal names the methods it tried, "Permission denied (publickey)"; a file rsync
    // cannot write gives an errno, "Permission denied (13)". rsync exits 255 or, lately, 12.
    static const QRegularExpression sshRefused(QStringLiteral(R"(Permission denied \((?!\d))"));
    if (isRemote(m_target.destination) && text.contains(sshRefused))
        return Error{tr("The server refused the ssh login for %1. Load your key into the ssh agent (ssh-add); "
                        "Quire never asks for passwords.").arg(m_target.destination)};
    if (output.exitCode == 255 || text.contains(QLatin1String("Host key verification failed"))
        || text.contains(QLatin1String("Could not resolve hostname")) || text.contains(QLatin1String("Connection refused"))
        || text.contains(QLatin1String("Connection timed out")))
        return Error{tr("Could not connect to %1 over ssh: %2").arg(m_target.destination, cause)};
    for (const char *cause : {"Permission denied", "Read-only file system", "Not a directory", "No such file or directory"}) {
        if (text.contains(QLatin1String(cause)))
            return Error{tr("rsync cannot write to %1: %2").arg(m_target.destination, cause)};
    }
    return Error{tr("rsync failed with %1: %2").arg(exitMeaning(output.exitCode), cause)};
}

} // namespace quire
