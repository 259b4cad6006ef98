#include "interchange/shortcode_converter.h"

#include "interchange/image_references.h"

#include <QRegularExpression>

#include <functional>

namespace quire {

namespace {

// Applies convert to the parts of text outside fenced code blocks.
QString outsideFences(const QString &text, const std::function<QString(const QString &)> &convert)
{
    QString result;
    qsizetype from = 0;
    for (const auto &[start, end] : ImageReferences::fencedBlocks(text)) {
        result += convert(text.mid(from, start - from));
        result += text.mid(start, end - start);
        from = end;
    }
    result += convert(text.mid(from));
    return result;
}

QString attribute(const QString &attributes, const QString &name)
{
    const QRegularExpression pattern(QStringLiteral("(?:^|\\s)%1\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|(\\S+))")
                                         .arg(QRegularExpression::escape(name)));
    const auto match = pattern.match(attributes);
    for (int group = 1; group <= 3; ++group) {
        if (match.capturedStart(group) >= 0)
            return match.captured(group);
    }
    return {};
}

} // namespace

QString ShortcodeConverter::convertHighlights(const QString &text)
{
    static const QRegularExpression highlight(QStringLiteral(
        "\\{%-?\\s*highlight\\s+([\\w+#.-]+)(?:\\s+linenos(?:=\\w+)?)?\\s*-?%\\}[ \\t]*\\n?(.*?)\\n?[ \\t]*\\{%-?\\s*endhighlight\\s*-?%\\}"),
        QRegularExpression::DotMatchesEverythingOption);
    QString result;
    qsizetype from = 0;
    while (true) {
        const auto match = highlight.match(text, from);
        if (!match.hasMatch())
            break;
        // A fenced block that opens first is code as it is; one inside the highlight is its code.
        const auto fences = ImageReferences::fencedBlocks(text.mid(from));
        if (!fences.isEmpty() && from + fences.first().first < match.capturedStart()) {
            result += text.mid(from, fences.first().second);
            from += fences.first().second;
            continue;
        }
        const QString code = match.captured(2);
        // A fence longer than any run of backticks in the code, so the code cannot close it.
        qsizetype longest = 0;
        static const QRegularExpression ticks(QStringLiteral("`+"));
        for (auto run = ticks.globalMatch(code); run.hasNext();)
            longest = std::max(longest, run.next().capturedLength());
        const QString fence(std::max<qsizetype>(3, longest + 1), QLatin1Char('`'));
        result += text.mid(from, match.capturedStart() - from);
        result += fence + match.captured(1) + QLatin1Char('\n') + code + QLatin1Char('\n') + fence;
        from = match.capturedEnd();
    }
    return result + text.mid(from);
}

QString ShortcodeConverter::convertFigures(const QString &text)
{
    static const QRegularExpression figure(QStringLiteral("\\{\\{([<%])\\s*figure\\s+(.*?)\\s*[>%]\\}\\}"),
                                           QRegularExpression::DotMatchesEverythingOption);
    QString result;
    qsizetype from = 0;
    for (auto it = figure.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        const QString attributes = match.captured(2);
        QString alt = attribute(attributes, QStringLiteral("alt"));
        if (alt.isEmpty())
            alt = attribute(attributes, QStringLiteral("title"));
        QString image = QStringLiteral("![%1](%2)").arg(alt, attribute(attributes, QStringLiteral("src")));
        if (const QString caption = attribute(attributes, QStringLiteral("caption")); !caption.isEmpty())
            image += QStringLiteral("\n\n*%1*").arg(caption);
        result += text.mid(from, match.capturedStart() - from) + image;
        from = match.capturedEnd();
    }
    return result + text.mid(from);
}

void ShortcodeConverter::warnUnsupported(const QString &text, QStringList &warnings)
{
    static const QRegularExpression tag(QStringLiteral("\\{%-?\\s*([\\w/]+)[^%]*%\\}|\\{\\{([<%])\\s*(/?[\\w.-]+)"));
    for (auto it = tag.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        const QString warning = match.capturedStart(1) >= 0
            ? tr("Liquid tag \"%1\" is not supported; left as written").arg(match.captured(1))
            : tr("Hugo shortcode \"%1\" is not supported; left as written").arg(match.captured(3));
        if (!warnings.contains(warning))
            warnings.append(warning);
    }
}

ShortcodeConverter::Converted ShortcodeConverter::convert(const QString &body)
{
    Converted result;
    // Highlights first: the fences they become then protect their code from the steps below.
    const QString highlighted = convertHighlights(body);
    result.body = outsideFences(highlighted, [&result](const QString &part) {
        // {% raw %} content is literal text for Liquid: no figure, no warning inside it.
        static const QRegularExpression raw(QStringLiteral("\\{%-?\\s*raw\\s*-?%\\}(.*?)\\{%-?\\s*endraw\\s*-?%\\}"),
                                            QRegularExpression::DotMatchesEverythingOption);
        QString converted;
        qsizetype from = 0;
        for (auto it = raw.globalMatch(part); it.hasNext();) {
            const auto match = it.next();
            const QString before = convertFigures(part.mid(from, match.capturedStart() - from));
            warnUnsupported(before, result.warnings);
            converted += before + match.captured(1);
            from = match.capturedEnd();
        }
        const QString rest = convertFigures(part.mid(from));
        warnUnsupported(rest, result.warnings);
        return converted + rest;
    });
    return result;
}

} // namespace quire
