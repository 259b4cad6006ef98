#include "site/post_content.h"

#include "markdown/data_line_map.h"
#include "markdown/html_escaper.h"
#include "markdown/markdown_renderer.h"
#include "render/math_code_renderer.h"
#include "site/site_media.h"
#include "site/site_path.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace quire {

namespace {

constexpr int SummaryLength = 240;

// An <a …> or <img …> start tag, and a URL-bearing or alt attribute in it.
const QRegularExpression &tagPattern()
{
    static const QRegularExpression pattern(QStringLiteral(R"re(<(a|img)\b[^>]*>)re"),
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

const QRegularExpression &attributePattern()
{
    static const QRegularExpression pattern(QStringLiteral(R"re(\s(href|src|alt)\s*=\s*(?:"([^"]*)"|'([^']*)'))re"),
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

QString escapeAttribute(const QString &text)
{
    return text.toHtmlEscaped();
}

QString tr(const char *text)
{
    return QCoreApplication::translate("quire::PostContent", text);
}

// Whether the start tag already gives the image's width or height.
bool hasSize(const QString &tagText)
{
    static const QRegularExpression pattern(QStringLiteral(R"re(\s(width|height)\s*=)re"),
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern.match(tagText).hasMatch();
}

// What the site adds to an <img> of a library image: its pixel size (so the page does not
// shift as it loads) and the narrower copies a browser may pick instead.
QString imageAttributes(const SiteMedia &media, const QString &name, const QString &pagePath, bool sized)
{
    const Asset *asset = media.asset(name);
    QString attributes;
    if (!sized && asset->width > 0 && asset->height > 0)
        attributes += QStringLiteral(" width=\"%1\" height=\"%2\"").arg(asset->width).arg(asset->height);
    const QString srcset = media.srcset(name, [&](const QString &path) { return SitePath::relative(pagePath, path); });
    if (!srcset.isEmpty())
        attributes += QStringLiteral(" srcset=\"%1\" sizes=\"%2\"").arg(escapeAttribute(srcset), SiteMedia::sizes());
    return attributes;
}

// Rewrites root-relative hrefs and srcs for the page and records every internal link. With
// `media`, links to the library's images lead to the names the site writes them under.
QString rewriteLinks(const QString &html, const QString &pagePath, PostFacts &facts, const SiteMedia *media)
{
    const DataLineMap lines(html);
    QString out;
    out.reserve(html.size() + 256);
    qsizetype copied = 0;
    for (auto it = tagPattern().globalMatch(html); it.hasNext();) {
        const auto tag = it.next();
        const bool image = tag.capturedView(1).compare(QLatin1String("img"), Qt::CaseInsensitive) == 0;
        const QString tagText = tag.captured(0);
        const int line = lines.lineBefore(tag.capturedStart() + 1);
        bool hasAlt = false;
        QString altText;
        QString rewritten;
        QString shownMedia;   // the library image an <img> shows
        qsizetype tagCopied = 0;
        for (auto attr = attributePattern().globalMatch(tagText); attr.hasNext();) {
            const auto match = attr.next();
            const QString name = match.captured(1).toLower();
            const int valueGroup = match.capturedStart(2) >= 0 ? 2 : 3;
            const QString value = HtmlEscaper::unescape(match.captured(valueGroup));
            if (name == QLatin1String("alt")) {
                hasAlt = true;
                altText = value;
                continue;
            }
            if ((name == QLatin1String("src")) != image)
                continue;
            const QString target = SitePath::fromHref(pagePath, value);
            if (target.isEmpty())
                continue;
            facts.links.append(PostFacts::Link{target, image, line});
            const QString mediaName = media ? SiteMedia::nameAt(target) : QString();
            const QString mediaPath = mediaName.isEmpty() ? QString() : media->path(mediaName);
            if (mediaPath.isEmpty() && !value.startsWith(u'/'))
                continue;
            // "/posts/x" names the page /posts/x/ unless its last segment looks like a file.
            QString to = mediaPath.isEmpty() ? target : mediaPath;
            if (!to.endsWith(u'/') && !to.section(u'/', -1).contains(u'.'))
                to += u'/';
            if (image && !mediaPath.isEmpty())
                shownMedia = mediaName;
            const qsizetype hash = value.indexOf(u'#');
            const QString href = SitePath::relative(pagePath, to) + (hash >= 0 ? value.mid(hash) : QString());
            rewritten += QStringView(tagText).mid(tagCopied, match.capturedStart(valueGroup) - tagCopied);
            rewritten += escapeAttribute(href);
            tagCopied = match.capturedEnd(valueGroup);
        }
        if (image && altText.trimmed().isEmpty())
            facts.issues.append(PostFacts::Issue{line, hasAlt ? tr("image without alt text") : tr("image without alt attribute")});
        if (tagCopied == 0)
            continue;
        QStringView rest = QStringView(tagText).mid(tagCopied);
        if (!shownMedia.isEmpty()) {
            // Before the tag's end, "/>" or ">".
            const qsizetype end = rest.endsWith(QLatin1String("/>")) ? rest.size() - 2 : rest.size() - 1;
            rewritten += rest.left(end);
            rewritten += imageAttributes(*media, shownMedia, pagePath, hasSize(tagText));
            rest = rest.mid(end);
        }
        rewritten += rest;
        out += QStringView(html).mid(copied, tag.capturedStart() - copied);
        out += rewritten;
        copied = tag.capturedEnd();
    }
    if (copied == 0)
        return html;
    out += QStringView(html).mid(copied);
    return out;
}

QString firstParagraph(const QString &html)
{
    static const QRegularExpression pattern(QStringLiteral(R"re(<p\b[^>]*>(.*?)</p>)re"),
                                            QRegularExpression::DotMatchesEverythingOption);
    const auto match = pattern.match(html);
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace

PostContent::PostContent(MathCodeRenderer &renderer, const SiteMedia *media) : m_renderer(renderer), m_media(media) {}

QString PostContent::plainText(QStringView html, int maxLength)
{
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    QString text = html.toString();
    text.replace(tags, QString());
    text = HtmlEscaper::unescape(text).simplified();
    if (text.size() <= maxLength)
        return text;
    qsizetype cut = text.lastIndexOf(u' ', maxLength - 1);
    if (cut < maxLength / 2)
        cut = maxLength - 1;
    return text.left(cut).trimmed() + QStringLiteral("…");
}

Result<PostContent::Output> PostContent::render(const QString &markdown, const QString &pagePath, const QString &summary)
{
    const RenderedDocument document = MarkdownRenderer::render(markdown);
    Output output;
    output.facts = PostFacts::fromDocument(document);
    PostFacts &facts = output.facts;
    // A summary is Markdown too (front matter often has *emphasis* or `code` in it): shown as text.
    facts.summary = summary.trimmed().isEmpty() ? plainText(firstParagraph(document.html), SummaryLength)
                                                : plainText(MarkdownRenderer::render(summary).html, SummaryLength * 2);

    const QString linked = rewriteLinks(document.html, pagePath, facts, m_media);
    Result<MathCodeRenderer::Output> rendered = m_renderer.render(linked);
    if (!rendered)
        return rendered.error();
    for (const MathCodeRenderer::Problem &problem : rendered->problems)
        facts.issues.append(PostFacts::Issue{problem.line, problem.reason});
    facts.needsKatexCss = rendered->needsKatexCss;
    facts.needsHighlightCss = rendered->needsHighlightCss;
    output.html = std::move(rendered->html);
    return output;
}

} // namespace quire
