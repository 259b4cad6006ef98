#include "interchange/post_markdown_writer.h"

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

} // namespace

QString PostMarkdownWriter::toMarkdown(const Post &post)
{
    YAML::Emitter out;
    out << YAML::BeginMap;
    emitField(out, "title", post.title);
    emitField(out, "slug", post.slug);
    if (post.publishedAt.isValid())
        emitField(out, "date", post.publishedAt.toUTC().toString(Qt::ISODate));
    if (post.status == PostStatus::Draft)
        emitField(out, "draft", true);
    if (!post.tags.isEmpty())
        emitField(out, "tags", QJsonArray::fromStringList(post.tags));
    if (!post.summary.isEmpty())
        emitField(out, "summary", post.summary);
    if (!post.kind.isEmpty())
        emitField(out, "kind", post.kind);
    if (!post.language.isEmpty())
        emitField(out, "lang", post.language);
    static const QStringList written = {QStringLiteral("title"), QStringLiteral("slug"),
        QStringLiteral("date"), QStringLiteral("draft"), QStringLiteral("tags"),
        QStringLiteral("summary"), QStringLiteral("kind"), QStringLiteral("lang")};
    for (auto it = post.extra.begin(); it != post.extra.end(); ++it) {
        if (written.contains(it.key()))
            continue;
        out << YAML::Key << it.key().toStdString() << YAML::Value;
        emitValue(out, it.value());
    }
    out << YAML::EndMap;

    QString text = QStringLiteral("---\n") + QString::fromUtf8(out.c_str()) + QStringLiteral("\n---\n");
    text += post.body;
    if (!text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    return text;
}

} // namespace quire
