#include "interchange/post_markdown_writer.h"

#include "interchange/post_file_reader.h"

#include <QJsonArray>
#include <QStringList>

#include <yaml-cpp/yaml.h>

namespace quire {

namespace {

void emitValue(YAML::Emitter &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        out << value.toBool();
        break;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (number == static_cast<double>(static_cast<qint64>(number)))
            out << static_cast<long long>(number);
        else
            out << number;
        break;
    }
    case QJsonValue::String:
        out << value.toString().toStdString();
        break;
    case QJsonValue::Array:
        out << YAML::BeginSeq;
        for (const QJsonValue &item : value.toArray())
            emitValue(out, item);
        out << YAML::EndSeq;
        break;
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        out << YAML::BeginMap;
        for (auto it = object.begin(); it != object.end(); ++it) {
            out << YAML::Key << it.key().toStdString() << YAML::Value;
            emitValue(out, it.value());
        }
        out << YAML::EndMap;
        break;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out << YAML::Null;
        break;
    }
}

void emitField(YAML::Emitter &out, const char *key, const QJsonValue &value)
{
    out << YAML::Key << key << YAML::Value;
    emitValue(out, value);
}

QString isoSeconds(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODate);
}

// The key and value of the post's last change. A key the post came in with (Hugo's lastmod,
// Jekyll's last_modified_at, "updated") is kept, and so is its text while it still says the
// same time: a round trip gives back the front matter it took in.
std::pair<QString, QJsonValue> lastChange(const Post &post, bool hugo)
{
    for (const char *name : {"lastmod", "last_modified_at", "updated"}) {
        const QString key = QLatin1String(name);
        const QJsonValue kept = post.extra.value(key);
        if (kept.isUndefined())
            continue;
        const QString text = kept.isString() ? kept.toString() : kept.toVariant().toString();
        if (PostFileReader::parseDate(text).toSecsSinceEpoch() == post.updatedAt.toSecsSinceEpoch())
            return {key, kept};
        return {key, isoSeconds(post.updatedAt)};
    }
    return {hugo ? QStringLiteral("lastmod") : QStringLiteral("last_modified_at"), isoSeconds(post.updatedAt)};
}

} // namespace

QString PostMarkdownWriter::toMarkdown(const Post &post)
{
    return toMarkdown(post, Options());
}

QString PostMarkdownWriter::toMarkdown(const Post &post, const Options &options)
{
    const bool hugo = options.flavor == Flavor::Hugo;
    YAML::Emitter out;
    out << YAML::BeginMap;
    emitField(out, "title", post.title);
    emitField(out, "slug", post.slug);
    if (post.publishedAt.isValid())
        emitField(out, "date", isoSeconds(post.publishedAt));
    QStringList written = {QStringLiteral("title"), QStringLiteral("slug"), QStringLiteral("date"),
        QStringLiteral("draft"), QStringLiteral("tags"), QStringLiteral("summary"), QStringLiteral("kind"),
        QStringLiteral("lang")};
    if (post.updatedAt.isValid()) {
        const auto [key, value] = lastChange(post, hugo);
        emitField(out, key.toUtf8().constData(), value);
        written.append(key);
    }
    if (post.status == PostStatus::Draft && hugo)
        emitField(out, "draft", true);
    if (!post.tags.isEmpty())
        emitField(out, "tags", QJsonArray::fromStringList(post.tags));
    if (!post.summary.isEmpty())
        emitField(out, "summary", post.summary);
    if (!post.kind.isEmpty())
        emitField(out, "kind", post.kind);
    if (!post.language.isEmpty())
        emitField(out, "lang", post.language);
    // Where themes of both generators look for a post's picture; an imported key of the same
    // name is kept as it was.
    if (!options.coverPath.isEmpty() && !post.extra.contains(QLatin1String("image"))) {
        emitField(out, "image", options.coverPath);
        written.append(QStringLiteral("image"));
    }
    for (auto it = post.extra.begin(); it != post.extra.end(); ++it) {
        if (written.contains(it.key()))
            continue;
        out << YAML::Key << it.key().toStdString() << YAML::Value;
        emitValue(out, it.value());
    }
    out << YAML::EndMap;

    // The body exactly as stored: the next import must read back the same bytes.
    return QStringLiteral("---\n") + QString::fromUtf8(out.c_str()) + QStringLiteral("\n---\n") + post.body;
}

} // namespace quire
