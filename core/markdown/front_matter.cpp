#include "markdown/front_matter.h"

#include "markdown/yaml_converter.h"

#include <QCoreApplication>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

namespace quire {

namespace {

Error lineError(int line, const QString &reason)
{
    return Error{QCoreApplication::translate("quire::FrontMatter", "front matter: line %1: %2")
                     .arg(QString::number(line), reason)};
}

// One line of the text: [start, end) without its line break; next is where the next one starts.
struct Line
{
    qsizetype start = 0;
    qsizetype end = 0;
    qsizetype next = 0;
};

Line lineAt(const QString &text, qsizetype start)
{
    Line line{start, text.indexOf(u'\n', start), 0};
    if (line.end < 0)
        line.end = text.size();
    line.next = line.end < text.size() ? line.end + 1 : text.size();
    if (line.end > start && text.at(line.end - 1) == u'\r')
        --line.end;
    return line;
}

// "---" (or "..." when closing), maybe followed by white space.
bool isDelimiter(const QString &text, const Line &line, bool closing)
{
    QStringView content = QStringView(text).mid(line.start, line.end - line.start);
    while (!content.isEmpty() && (content.back() == u' ' || content.back() == u'\t'))
        content.chop(1);
    return content == u"---" || (closing && content == u"...");
}

// The YAML between the delimiters as UTF-8 with "\n" line breaks.
std::string yamlText(const QString &text, qsizetype start, qsizetype end)
{
    QString yaml = text.mid(start, end - start);
    yaml.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    return yaml.toStdString();
}

Result<QJsonObject> parseYaml(const std::string &yaml, int firstLine)
{
    try {
        const YAML::Node root = YAML::Load(yaml);
        if (root.IsNull())
            return QJsonObject();
        if (root.IsSequence())
            return lineError(firstLine, QCoreApplication::translate("quire::FrontMatter",
                                                                    "expected \"key: value\" lines, found a list"));
        if (!root.IsMap())
            return lineError(firstLine, QCoreApplication::translate("quire::FrontMatter",
                                                                    "expected \"key: value\" lines, found plain text"));
        return YamlConverter::toObject(root, firstLine);
    } catch (const YAML::DeepRecursion &e) {
        // yaml-cpp's own limit on nesting; its message says "bad file".
        return lineError(firstLine + std::max(0, e.mark.line),
                         QCoreApplication::translate("quire::FrontMatter", "nested too deeply"));
    } catch (const YAML::Exception &e) {
        const int line = e.mark.is_null() ? firstLine : firstLine + e.mark.line;
        return lineError(line, QString::fromStdString(e.msg));
    } catch (const std::exception &e) {
        return lineError(firstLine, QString::fromLocal8Bit(e.what()));
    }
}

} // namespace

Result<FrontMatter> FrontMatter::parse(const QString &text)
{
    FrontMatter result;
    const qsizetype start = text.startsWith(QChar(0xFEFF)) ? 1 : 0;
    const Line opening = lineAt(text, start);
    if (!isDelimiter(text, opening, false)) {
        result.body = text.mid(start);
        return result;
    }

    int lineNumber = 2;
    for (Line line = lineAt(text, opening.next); line.start < text.size(); line = lineAt(text, line.next)) {
        if (!isDelimiter(text, line, true)) {
            ++lineNumber;
            continue;
        }
        auto fields = parseYaml(yamlText(text, opening.next, line.start), 2);
        if (!fields)
            return fields.error();
        result.fields = std::move(*fields);
        result.body = text.mid(line.next);
        result.bodyFirstLine = lineNumber + 1;
        result.present = true;
        return result;
    }
    return lineError(1, QCoreApplication::translate("quire::FrontMatter",
                                                    "the front matter block is never closed (no \"---\" line after it)"));
}

} // namespace quire
