#include "interchange/post_file_reader.h"

#include "interchange/import_fixer.h"
#include "interchange/toml_front_matter.h"
#include "markdown/front_matter.h"
#include "markdown/slug.h"
#include "store/post_rules.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QTimeZone>

namespace quire {

namespace {

// The 1-based line of the first byte sequence that is not UTF-8, for a useful skip reason.
int firstInvalidUtf8Line(const QByteArray &bytes)
{
    int line = 1;
    qsizetype start = 0;
    while (start <= bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        (void)decoder.decode(QByteArrayView(bytes).sliced(start, end - start));
        if (decoder.hasError())
            return line;
        ++line;
        start = end + 1;
    }
    return line;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray()) {
            const QString text = item.isString() ? item.toString() : item.toVariant().toString();
            if (!text.trimmed().isEmpty())
                list.append(text.trimmed());
        }
    } else if (value.isString()) {
        // Jekyll splits a tag string at white space.
        list = value.toString().split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
    } else if (!value.isNull() && !value.isUndefined()) {
        list.append(value.toVariant().toString());
    }
    return list;
}

QString scalarText(const QJsonValue &value)
{
    return value.isString() ? value.toString() : value.toVariant().toString();
}

// "2024-03-05-my-post.md" → date and "my-post".
bool splitJekyllName(const QString &baseName, QDate *date, QString *rest)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-(\\d{1,2})-(\\d{1,2})-(.+)$"));
    const auto match = pattern.match(baseName);
    if (!match.hasMatch())
        return false;
    *date = QDate(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
    *rest = match.captured(4);
    return date->isValid();
}

QString titleFromBody(const QString &body)
{
    static const QRegularExpression heading(QStringLiteral("^#\\s+(.+?)\\s*#*\\s*$"),
                                            QRegularExpression::MultilineOption);
    return heading.match(body).captured(1);
}

} // namespace

QDateTime PostFileReader::parseDate(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return {};
    QDateTime result = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!result.isValid()) {
        // Jekyll style: "2024-03-05 10:00:00 +0200" or "2024-03-05 10:00 +02:00" or no zone.
        static const QRegularExpression pattern(QStringLiteral(
            "^(\\d{4}-\\d{1,2}-\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?\\s*"
            "(Z|UTC|[+-]\\d{2}:?\\d{2})?$"));
        const auto match = pattern.match(text);
        if (!match.hasMatch())
            return {};
        const QDate date = QDate::fromString(match.captured(1), QStringLiteral("yyyy-M-d"));
        const QTime time(match.captured(2).toInt(), match.captured(3).toInt(), match.captured(4).toInt());
        if (!date.isValid() || !time.isValid())
            return {};
        const QString zone = match.captured(5);
        int offsetSeconds = 0;
        if (!zone.isEmpty() && zone != u"Z" && zone != u"UTC") {
            QString digits = zone.mid(1);
            digits.remove(QLatin1Char(':'));
            offsetSeconds = (digits.left(2).toInt() * 3600 + digits.mid(2).toInt() * 60)
                * (zone.startsWith(QLatin1Char('-')) ? -1 : 1);
        }
        result = QDateTime(date, time, QTimeZone(offsetSeconds));
    }
    return result.isValid() ? result.toUTC() : QDateTime();
}

Result<ImportedPost> PostFileReader::read(const SourceFile &file) const
{
    QFile in(file.path);
    const qint64 size = in.size();
    if (size > MaxFileSize)
        return Error{tr("larger than %1 MiB; too large for a post").arg(MaxFileSize / (1024 * 1024))};
    if (!in.open(QIODevice::ReadOnly))
        return Error{tr("cannot be read: %1").arg(in.errorString())};
    // Read at most one byte past the limit: the file may have grown since size() was asked.
    const QByteArray bytes = in.read(MaxFileSize + 1);
    if (bytes.size() > MaxFileSize)
        return Error{tr("larger than %1 MiB; too large for a post").arg(MaxFileSize / (1024 * 1024))};
    return parse(file, bytes);
}

Result<ImportedPost> PostFileReader::parse(const SourceFile &file, const QByteArray &bytes) const
{
    if (bytes.trimmed().isEmpty())
        return Error{tr("empty file")};
    if (bytes.contains('\0'))
        return Error{tr("contains NUL bytes; not a text file")};
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return Error{tr("not valid UTF-8 text (line %1)").arg(firstInvalidUtf8Line(bytes))};

    // Hugo writes TOML (+++) as often as YAML (---); both give the same fields.
    auto frontMatter = TomlFrontMatter::startsWith(text) ? TomlFrontMatter::parse(text) : FrontMatter::parse(text);
    if (!frontMatter)
        return Error{frontMatter.errorMessage()};

    ImportedPost result;
    Post &post = result.post;
    QJsonObject fields = frontMatter->fields;
    post.body = frontMatter->body;
    auto take = [&fields](const char *key) { return fields.take(QLatin1String(key)); };

    // File name: Jekyll's date and slug, or Hugo's file or bundle folder name.
    const QFileInfo info(file.path);
    QString nameSlug = file.isBundleIndex ? info.dir().dirName() : info.completeBaseName();
    QDate nameDate;
    if (m_kind == BlogSource::Kind::Jekyll && !file.inDraftsFolder) {
        QString rest;
        if (!splitJekyllName(nameSlug, &nameDate, &rest))
            return Error{tr("file name lacks the YYYY-MM-DD- date that Jekyll needs for a post")};
        nameSlug = rest;
    }

    post.title = readTitle(scalarText(take("title")), post.body, nameSlug, result.warnings);
    readSlug(file, fields, nameSlug, result);
    const QDateTime date = readDates(take("date"), fields, nameDate, result);

    // The post rules apply to tags and categories alike; categories stay in extra too, so an
    // export can write them back where they came from.
    post.tags = ImportFixer::tags(stringList(take("tags")) + stringList(fields.value(QStringLiteral("categories"))),
                                  result.warnings);

    const bool draft = take("draft").toBool(false) || file.inDraftsFolder;
    if (draft)
        post.status = PostStatus::Draft;
    else if (date.isValid() && date > m_now)
        post.status = PostStatus::Scheduled;
    else
        post.status = PostStatus::Published;

    for (const char *key : {"summary", "description", "excerpt"}) {
        if (post.summary.isEmpty() && fields.contains(QLatin1String(key)))
            post.summary = ImportFixer::summary(scalarText(take(key)).trimmed(), result.warnings);
    }
    post.kind = ImportFixer::kind(scalarText(take("kind")).trimmed(), result.warnings);
    post.language = scalarText(take("lang")).trimmed();
    post.extra = fields;
    return result;
}

QString PostFileReader::readTitle(const QString &stated, const QString &body, const QString &nameSlug,
                                  QStringList &warnings)
{
    const QString title = ImportFixer::title(stated.trimmed(), warnings);
    if (!title.isEmpty())
        return title;
    QString guessed;
    for (const QString &candidate : {titleFromBody(body), nameSlug}) {
        guessed = ImportFixer::title(candidate, warnings);
        if (!guessed.isEmpty())
            break;
    }
    if (guessed.isEmpty())
        guessed = tr("Untitled");
    warnings.append(tr("no title in the front matter; used \"%1\"").arg(guessed));
    return guessed;
}

void PostFileReader::readSlug(const SourceFile &file, QJsonObject &fields, const QString &nameSlug,
                              ImportedPost &result)
{
    Post &post = result.post;
    QString wantedSlug = scalarText(fields.take(QStringLiteral("slug"))).trimmed();
    if (wantedSlug.isEmpty()) {
        // Jekyll's permalink "/blog/my-post/" (or "/my-post.html") names the post last; it stays
        // in extra as well, so an export can write it back.
        const QString permalink = scalarText(fields.value(QStringLiteral("permalink"))).trimmed();
        const QString last = permalink.section(QLatin1Char('/'), -1, -1, QString::SectionSkipEmpty);
        if (!last.contains(QLatin1Char(':')))   // a pattern (/:year/:title/) names no post
            wantedSlug = last.section(QLatin1Char('.'), 0, 0);
    }
    // What an import gave before the slug rules: Slug::fromText, which keeps '_'.
    QString source = wantedSlug.isEmpty() ? nameSlug : wantedSlug;
    post.slug = PostRules::slugFrom(source);
    QString earlier = Slug::fromText(source);
    if (post.slug.isEmpty()) {
        source = post.title;
        post.slug = PostRules::slugFrom(source);
        earlier = Slug::fromText(source);
    }
    if (post.slug.isEmpty()) {
        // Nothing sluggable (an emoji title, say): derive one from the file's path, so that a
        // re-import finds the same post again instead of adding another.
        const QByteArray hash = QCryptographicHash::hash(file.relativePath.toUtf8(), QCryptographicHash::Sha1);
        post.slug = QStringLiteral("post-") + QString::fromLatin1(hash.toHex().left(8));
        earlier = post.slug;
        result.warnings.append(tr("no usable slug in the title or file name; used \"%1\"").arg(post.slug));
    } else if (!wantedSlug.isEmpty() && post.slug != wantedSlug) {
        result.warnings.append(tr("slug \"%1\" cleaned to \"%2\"").arg(wantedSlug, post.slug));
    } else if (wantedSlug.isEmpty() && post.slug != nameSlug) {
        result.warnings.append(tr("the file name \"%1\" is not a slug; used \"%2\"").arg(nameSlug, post.slug));
    }
    if (earlier != post.slug)
        result.earlierSlug = earlier;
}

QDateTime PostFileReader::readDates(QJsonValue dateValue, const QJsonObject &fields, QDate nameDate,
                                    ImportedPost &result)
{
    Post &post = result.post;
    if (dateValue.isUndefined() || dateValue.isNull())
        dateValue = fields.value(QStringLiteral("publishDate"));
    QDateTime date = parseDate(scalarText(dateValue));
    if (!date.isValid() && !scalarText(dateValue).isEmpty())
        result.warnings.append(tr("date \"%1\" not understood").arg(scalarText(dateValue)));
    if (!date.isValid() && nameDate.isValid())
        date = QDateTime(nameDate, QTime(0, 0), Qt::UTC);
    post.publishedAt = date;
    if (date.isValid())
        post.createdAt = date;
    // The last change the blog's own files record (Hugo lastmod, Jekyll last_modified_at); without
    // one a new post counts as unchanged since its date: it was not "updated" by being imported.
    for (const char *key : {"lastmod", "last_modified_at", "updated"}) {
        const QDateTime modified = parseDate(scalarText(fields.value(QLatin1String(key))));
        if (modified.isValid()) {
            post.updatedAt = modified;
            break;
        }
    }
    return date;
}

} // namespace quire
