#include "markdown/yaml_converter.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cmath>
#include <optional>

namespace quire {

namespace {

// Integers beyond this lose digits as JSON numbers (doubles); they stay text.
constexpr double MaxExactInteger = 9007199254740992.0;   // 2^53

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// YAML 1.2 core schema: [-+]?[0-9]+ and [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
std::optional<double> plainNumber(const std::string &text)
{
    size_t i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+'))
        ++i;
    size_t digits = 0;
    while (i < text.size() && isDigit(text[i]))
        ++i, ++digits;
    bool isInteger = true;
    if (i < text.size() && text[i] == '.') {
        isInteger = false;
        ++i;
        while (i < text.size() && isDigit(text[i]))
            ++i, ++digits;
    }
    if (digits == 0)
        return std::nullopt;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        isInteger = false;
        ++i;
        if (i < text.size() && (text[i] == '-' || text[i] == '+'))
            ++i;
        const size_t exponentStart = i;
        while (i < text.size() && isDigit(text[i]))
            ++i;
        if (i == exponentStart)
            return std::nullopt;
    }
    if (i != text.size())
        return std::nullopt;
    const char *begin = text.data() + (text[0] == '+' ? 1 : 0);
    double value = 0;
    const auto result = std::from_chars(begin, text.data() + text.size(), value);
    if (result.ec != std::errc() || !std::isfinite(value))
        return std::nullopt;
    if (isInteger && std::fabs(value) > MaxExactInteger)
        return std::nullopt;
    return value;
}

QJsonValue plainScalar(const std::string &text)
{
    const QString string = QString::fromStdString(text);
    if (string.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
        return true;
    if (string.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
        return false;
    if (const auto number = plainNumber(text))
        return *number;
    return string;
}

QJsonValue scalar(const YAML::Node &node)
{
    const std::string &tag = node.Tag();
    // "!" marks quoted and block scalars: always text. "?" marks plain ones.
    if (tag == "?" || tag == "tag:yaml.org,2002:bool" || tag == "tag:yaml.org,2002:int"
        || tag == "tag:yaml.org,2002:float") {
        return plainScalar(node.Scalar());
    }
    return QString::fromStdString(node.Scalar());
}

class Converter
{
public:
    explicit Converter(int firstLine) : m_firstLine(firstLine) {}

    std::optional<QJsonValue> value(const YAML::Node &node, int depth)
    {
        if (++m_values > YamlConverter::MaxValues)
            return fail(node, QCoreApplication::translate("quire::FrontMatter", "more than %1 values")
                                  .arg(YamlConverter::MaxValues));
        if (depth > YamlConverter::MaxDepth)
            return fail(node, QCoreApplication::translate("quire::FrontMatter", "nested more than %1 levels deep")
                                  .arg(YamlConverter::MaxDepth));
        switch (node.Type()) {
        case YAML::NodeType::Map:
            return map(node, depth);
        case YAML::NodeType::Sequence:
            return sequence(node, depth);
        case YAML::NodeType::Scalar:
            return scalar(node);
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined:
            break;
        }
        return QJsonValue(QJsonValue::Null);
    }

    std::optional<QJsonValue> map(const YAML::Node &node, int depth)
    {
        QJsonObject object;
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (!it->first.IsScalar() && !it->first.IsNull())
                return fail(it->first, QCoreApplication::translate("quire::FrontMatter",
                                                                   "a key must be plain text, not a list or a mapping"));
            const std::optional<QJsonValue> item = value(it->second, depth + 1);
            if (!item)
                return std::nullopt;
            // "null:" and "~:" are null keys to YAML; as JSON keys they are text.
            const QString key = it->first.IsNull() ? QStringLiteral("null") : QString::fromStdString(it->first.Scalar());
            object.insert(key, *item);
        }
        return object;
    }

    std::optional<QJsonValue> sequence(const YAML::Node &node, int depth)
    {
        QJsonArray array;
        for (const YAML::Node &element : node) {
            const std::optional<QJsonValue> item = value(element, depth + 1);
            if (!item)
                return std::nullopt;
            array.append(*item);
        }
        return array;
    }

    std::optional<QJsonValue> fail(const YAML::Node &node, const QString &reason)
    {
        const YAML::Mark mark = node.Mark();
        const int line = mark.is_null() ? m_firstLine : m_firstLine + mark.line;
        m_error = Error{QCoreApplication::translate("quire::FrontMatter", "front matter: line %1: %2")
                            .arg(QString::number(line), reason)};
        return std::nullopt;
    }

    const Error &error() const { return m_error; }

private:
    int m_firstLine;
    int m_values = 0;
    Error m_error;
};

} // namespace

Result<QJsonObject> YamlConverter::toObject(const YAML::Node &root, int firstLine)
{
    Converter converter(firstLine);
    const std::optional<QJsonValue> value = converter.value(root, 1);
    if (!value)
        return converter.error();
    return value->toObject();
}

} // namespace quire
