#include "render/math_code_renderer.h"

#include "markdown/data_line_map.h"
#include "markdown/html_escaper.h"

#include "render/render_cache.h"
#include "render/render_worker.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <optional>
#include <vector>

namespace quire {

namespace {

// The markup of core/markdown/html_writer.cpp: math spans, display-math blocks, fenced code
// with a language. Their text is escaped, so it holds no '<'.
const QRegularExpression &elementPattern()
{
    static const QRegularExpression pattern(QStringLiteral(
        R"re(<span class="math (inline|display)">([^<]*)</span>)re"
        R"re(|<div class="math display"([^>]*)>([^<]*)</div>)re"
        R"re(|<pre([^>]*)><code class="language-([^"]*)">([^<]*)</code></pre>)re"));
    return pattern;
}

QString escape(const QString &text)
{
    return text.toHtmlEscaped();   // & < > " (QtCore, no QtGui needed)
}

struct Element
{
    enum Form { MathSpan, MathBlock, Code };

    Form form = MathSpan;
    qsizetype start = 0;
    qsizetype length = 0;
    QString attributes;     // of the wrapping <div> or <pre>, data-line included
    QString escapedSource;
    QString escapedLanguage;
    bool display = false;
    int line = 0;
    RenderRequest request;
    QByteArray key;
};

std::vector<Element> findElements(const QString &html)
{
    const DataLineMap lines(html);
    std::vector<Element> elements;
    for (auto it = elementPattern().globalMatch(html); it.hasNext();) {
        const auto match = it.next();
        Element element;
        element.start = match.capturedStart();
        element.length = match.capturedLength();
        if (match.capturedStart(1) >= 0) {
            element.form = Element::MathSpan;
            element.display = match.capturedView(1) == u"display";
            element.escapedSource = match.captured(2);
            element.line = lines.lineBefore(element.start);
        } else if (match.capturedStart(3) >= 0) {
            element.form = Element::MathBlock;
            element.display = true;
            element.attributes = match.captured(3);
            element.escapedSource = match.captured(4);
            element.line = lines.lineBefore(element.start + element.length);
        } else {
            element.form = Element::Code;
            element.attributes = match.captured(5);
            element.escapedLanguage = match.captured(6);
            element.escapedSource = match.captured(7);
            element.line = lines.lineBefore(element.start + element.length);
        }
        element.request.kind = element.form == Element::Code ? RenderRequest::Kind::Code : RenderRequest::Kind::Math;
        element.request.source = HtmlEscaper::unescape(element.escapedSource);
        element.request.display = element.display;
        element.request.language = HtmlEscaper::unescape(element.escapedLanguage);
        elements.push_back(std::move(element));
    }
    return elements;
}

QString mathError(const Element &element, const RenderResult &result)
{
    return QStringLiteral("<span class=\"math-error\" title=\"%1\">%2</span>")
        .arg(escape(result.error), element.escapedSource);
}

QString replacement(const Element &element, const RenderResult &result)
{
    switch (element.form) {
    case Element::MathSpan: {
        const QString body = result.error.isEmpty() ? result.html : mathError(element, result);
        return (element.display ? QLatin1String("<span class=\"math display\">")
                                : QLatin1String("<span class=\"math inline\">"))
            + body + QLatin1String("</span>");
    }
    case Element::MathBlock:
        return QLatin1String("<div class=\"math display\"") + element.attributes + u'>'
            + (result.error.isEmpty() ? result.html : mathError(element, result)) + QLatin1String("</div>");
    case Element::Code:
        return QLatin1String("<pre") + element.attributes
            + (result.highlighted ? QLatin1String("><code class=\"hljs language-") : QLatin1String("><code class=\"language-"))
            + element.escapedLanguage + QLatin1String("\">") + result.html + QLatin1String("</code></pre>");
    }
    return {};
}

QString problemReason(const Element &element, const QString &error)
{
    if (element.form == Element::Code)
        return QCoreApplication::translate("quire::MathCodeRenderer", "code block not highlighted: %1").arg(error);
    return QCoreApplication::translate("quire::MathCodeRenderer", "math not rendered: %1").arg(error);
}

} // namespace

MathCodeRenderer::MathCodeRenderer(RenderWorker &worker, RenderCache &cache) : m_worker(worker), m_cache(cache) {}

Result<MathCodeRenderer::Output> MathCodeRenderer::render(const QString &html)
{
    Output output;
    std::vector<Element> elements = findElements(html);
    if (elements.empty()) {
        output.html = html;
        return output;
    }

    // Results by key: from the cache, or rendered once per distinct key in one batch.
    const QString engineVersion = m_worker.engineVersion();
    QHash<QByteArray, RenderResult> results;
    QList<RenderRequest> misses;
    QList<QByteArray> missKeys;
    for (Element &element : elements) {
        element.key = RenderCache::key(element.request, engineVersion);
        if (results.contains(element.key))
            continue;
        if (auto cached = m_cache.find(element.key)) {
            results.insert(element.key, *cached);
        } else if (!missKeys.contains(element.key)) {
            misses.append(element.request);
            missKeys.append(element.key);
        }
    }
    if (!misses.isEmpty()) {
        auto rendered = m_worker.render(misses);
        if (!rendered)
            return rendered.error();
        for (qsizetype i = 0; i < misses.size(); ++i) {
            if (!rendered->at(i).timedOut)   // on a less busy machine it may well render
                m_cache.insert(missKeys[i], rendered->at(i));
            results.insert(missKeys[i], rendered->at(i));
        }
    }
    // One transaction per fragment (per post in a build) for what the library lacked. A cache
    // that cannot be written costs time on the next build, not this page: the entries stay
    // pending for the next flush.
    if (m_flushEachRender) {
        if (Result<void> flushed = m_cache.flush(); !flushed)
            qWarning("Quire: the render cache could not be saved: %s", qPrintable(flushed.errorMessage()));
    }

    output.html.reserve(html.size() * 4);
    qsizetype copied = 0;
    for (const Element &element : elements) {
        const RenderResult &result = results[element.key];
        output.html += QStringView(html).mid(copied, element.start - copied);
        output.html += replacement(element, result);
        copied = element.start + element.length;
        if (!result.error.isEmpty())
            output.problems.append(Problem{element.line, problemReason(element, result.error)});
        if (element.form == Element::Code)
            output.needsHighlightCss = output.needsHighlightCss || result.highlighted;
        else
            output.needsKatexCss = output.needsKatexCss || result.error.isEmpty();
    }
    output.html += QStringView(html).mid(copied);
    return output;
}

} // namespace quire
