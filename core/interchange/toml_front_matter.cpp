#include "interchange/toml_front_matter.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <sstream>

#include <toml++/toml.h>

namespace quire {

namespace {

QJsonValue toJson(const toml::node &node);

QJsonObject tableToJson(const toml::table &table)
{
    QJsonObject object;
    for (const auto &[key, value] : table)
        object.insert(QString::fromUtf8(key.str().data(), qsizetype(key.str().size())), toJson(value));
    return object;
}

// TOML's own text for a date or time is ISO 8601, which PostFileReader::parseDate reads.
template<typename T>
QString isoText(const T &value)
{
    std::ostringstream out;
    out << value;
    return QString::fromStdString(out.str());
}

QJsonValue toJson(const toml::node &node)
{
    if (const auto *table = node.as_table())
        return tableToJson(*table);
    if (const auto *array = node.as_array()) {
        QJsonArray list;
        for (const toml::node &item : *array)
            list.append(toJson(item));
        return list;
    }
    if (const auto *text = node.as_string())
        return QString::fromStdString(text->get());
    if (const auto *integer = node.as_integer())
        return double(integer->get());
    if (const auto *number = node.as_floating_point())
        return number->get();
    if (const auto *flag = node.as_boolean())
        return flag->get();
    if (const auto *date = node.as_date())
        return isoText(date->get());
    if (const auto *time = node.as_time())
        return isoText(time->get());
    if (const auto *dateTime = node.as_date_time())
        return isoText(dateTime->get());
    return QJsonValue();
}

} // namespace

Result<FrontMatter> TomlFrontMatter::parse(const QString &text)
{
    // The opening +++ line, then everything up to a line that is only +++.
    static const QRegularExpression block(QStringLiteral("^\\+\\+\\+[ \\t]*\\r?\\n(.*?)^\\+\\+\\+[ \\t]*(?:\\r?\\n|$)"),
                                          QRegularExpression::MultilineOption | QRegularExpression::DotMatchesEverythingOption);
    const auto match = block.match(text);
    if (!match.hasMatch() || match.capturedStart() != 0)
        return Error{tr("TOML front matter: the +++ block is never closed")};

    const std::string toml = match.captured(1).toStdString();
    FrontMatter result;
    try {
        const toml::table table = toml::parse(toml);
        result.fields = tableToJson(table);
    } catch (const toml::parse_error &error) {
        // Lines of the file: the block starts after the opening +++ line.
        return Error{tr("malformed TOML front matter (line %1: %2)")
                         .arg(error.source().begin.line + 1)
                         .arg(QString::fromUtf8(error.description().data(), qsizetype(error.description().size())))};
    }
    result.body = text.mid(match.capturedEnd());
    result.bodyFirstLine = int(text.left(match.capturedEnd()).count(QLatin1Char('\n'))) + 1;
    result.present = true;
    return result;
}

} // namespace quire
