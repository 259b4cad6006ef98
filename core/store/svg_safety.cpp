#include "store/svg_safety.h"

#include <QCoreApplication>
#include <QXmlStreamReader>

namespace quire {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("quire::SvgSafety", text);
}

// A reference inside the file (#id) or to data of an image type is a picture's own.
bool isLocalReference(QStringView value)
{
    const QString trimmed = value.trimmed().toString().toLower();
    return trimmed.isEmpty() || trimmed.startsWith(u'#') || trimmed.startsWith(u"data:image/png")
        || trimmed.startsWith(u"data:image/jpeg") || trimmed.startsWith(u"data:image/gif")
        || trimmed.startsWith(u"data:image/webp");
}

// CSS in a style attribute or element: every url(…) must stay inside the picture, and nothing
// is imported.
bool loadsFromOutside(QStringView css)
{
    if (css.contains(u"@import", Qt::CaseInsensitive))
        return true;
    for (qsizetype at = css.indexOf(u"url(", 0, Qt::CaseInsensitive); at >= 0;
         at = css.indexOf(u"url(", at + 4, Qt::CaseInsensitive)) {
        QStringView target = css.sliced(at + 4).trimmed();
        if (!target.isEmpty() && (target.front() == u'"' || target.front() == u'\''))
            target = target.sliced(1);
        if (!isLocalReference(target.left(32)))
            return true;
    }
    return false;
}

} // namespace

Result<void> SvgSafety::check(const QByteArray &svg)
{
    QXmlStreamReader reader(svg);
    int styleDepth = 0;   // inside <style>: its text is CSS
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::DTD:
            return Error{tr("This SVG declares a document type (entities could make it huge); save it without one.")};
        case QXmlStreamReader::ProcessingInstruction:
            if (reader.processingInstructionTarget().compare(u"xml-stylesheet", Qt::CaseInsensitive) == 0)
                return Error{tr("This SVG loads a style sheet from another file; the library keeps only self-contained SVGs.")};
            break;
        case QXmlStreamReader::EndElement:
            if (styleDepth > 0)
                --styleDepth;
            break;
        case QXmlStreamReader::StartElement: {
            const QStringView name = reader.name();
            if (styleDepth > 0 || name.compare(u"style", Qt::CaseInsensitive) == 0)
                ++styleDepth;
            if (name.compare(u"script", Qt::CaseInsensitive) == 0)
                return Error{tr("This SVG holds a script; the library keeps only SVGs without scripts.")};
            if (name.compare(u"foreignObject", Qt::CaseInsensitive) == 0)
                return Error{tr("This SVG embeds HTML (foreignObject); the library keeps only plain SVG pictures.")};
            for (const QXmlStreamAttribute &attribute : reader.attributes()) {
                const QStringView attributeName = attribute.name();
                if (attributeName.startsWith(u"on", Qt::CaseInsensitive))
                    return Error{tr("This SVG runs script on events (%1); the library keeps only SVGs without scripts.")
                                     .arg(attributeName.toString())};
                const bool outside = attributeName.compare(u"href", Qt::CaseInsensitive) == 0
                                         ? !isLocalReference(attribute.value())
                                         : loadsFromOutside(attribute.value());
                if (outside)
                    return Error{tr("This SVG links to or loads something outside it (%1); the library keeps only self-contained SVGs.")
                                     .arg(attribute.value().left(80).toString())};
            }
            break;
        }
        case QXmlStreamReader::Characters:
            if (styleDepth > 0 && loadsFromOutside(reader.text()))
                return Error{tr("This SVG's style loads something from outside it; the library keeps only self-contained SVGs.")};
            break;
        default:
            break;
        }
    }
    if (reader.hasError())
        return Error{tr("This SVG is not well-formed XML (line %1: %2).").arg(reader.lineNumber()).arg(reader.errorString())};
    return {};
}

} // namespace quire
