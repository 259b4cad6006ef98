#include "markdown/markdown_renderer.h"

#include "markdown/footnote_extractor.h"
#include "markdown/footnote_registry.h"
#include "markdown/heading_ids.h"
#include "markdown/html_writer.h"

#include <cstring>
#include <limits>
#include <string>
#include <string_view>

namespace quire {

namespace {

constexpr int WordsPerMinute = 220;

// md4c takes sizes as 32-bit unsigned numbers.
constexpr size_t MaxInputSize = std::numeric_limits<unsigned>::max() - 1;

std::string backReferences(const FootnoteRegistry::Note &note)
{
    std::string links;
    for (int occurrence = 1; occurrence <= note.referenceCount; ++occurrence) {
        const std::string suffix = occurrence > 1 ? '-' + std::to_string(occurrence) : std::string();
        links += " <a href=\"#fnref-" + note.anchorId + suffix + "\" class=\"data-footnote-backref\" "
                 "aria-label=\"Back to reference " + std::to_string(note.number) + suffix + "\">\xE2\x86\xA9";
        if (occurrence > 1)
            links += "<sup>" + std::to_string(occurrence) + "</sup>";
        links += "</a>";
    }
    return links;
}

// Puts the links back to the references inside the footnote's last paragraph, or into a
// paragraph of their own when it ends with something else (a list, a code block).
void appendWithBackReferences(std::string &out, std::string content, const FootnoteRegistry::Note &note)
{
    static constexpr std::string_view ParagraphEnd = "</p>\n";
    const std::string links = backReferences(note);
    if (content.size() >= ParagraphEnd.size()
        && std::string_view(content).substr(content.size() - ParagraphEnd.size()) == ParagraphEnd) {
        content.insert(content.size() - ParagraphEnd.size(), links);
        out += content;
    } else {
        out += content;
        out += "<p>";
        out.append(links, 1, std::string::npos);   // without the leading space
        out += "</p>\n";
    }
}

// The footnotes section at the end of the document, in order of first reference. A footnote may
// refer to another one, which then joins the end of the list. Returns the words it holds.
int writeFootnotes(std::string &out, HeadingIds &headingIds, FootnoteRegistry &footnotes, int firstLine)
{
    if (footnotes.referencedCount() == 0)
        return 0;
    int words = 0;
    out += "<section class=\"footnotes\" data-footnotes>\n<ol>\n";
    for (int i = 0; i < footnotes.referencedCount(); ++i) {
        const FootnoteRegistry::Note &note = footnotes.referenced(i);
        const int noteLine = firstLine + note.definition.line - 1;
        std::string content;
        HtmlWriter writer(note.definition.content, noteLine, content, headingIds, footnotes, HtmlWriter::Outline::Skip);
        writer.write();
        words += writer.wordCount();
        out += "<li id=\"fn-" + note.anchorId + "\" data-line=\"" + std::to_string(noteLine) + "\">\n";
        appendWithBackReferences(out, std::move(content), note);
        out += "</li>\n";
    }
    out += "</ol>\n</section>\n";
    return words;
}

// CommonMark replaces NUL characters with U+FFFD. md4c 0.4.8 misses some (code spans, raw
// HTML) and repeats others, so they are replaced before parsing. Lines stay where they are.
std::string withoutNul(std::string_view text)
{
    std::string result;
    result.reserve(text.size() + 64);
    for (char c : text) {
        if (c == '\0')
            result += "\xEF\xBF\xBD";
        else
            result += c;
    }
    return result;
}

} // namespace

RenderedDocument MarkdownRenderer::render(const QString &markdown, const Options &options)
{
    return renderUtf8(markdown.toUtf8(), options);
}

RenderedDocument MarkdownRenderer::renderUtf8(const QByteArray &markdown, const Options &options)
{
    std::string_view source(markdown.constData(), std::min(size_t(markdown.size()), MaxInputSize));
    std::string sanitized;
    if (std::memchr(source.data(), '\0', source.size())) {
        sanitized = withoutNul(source);
        source = std::string_view(sanitized).substr(0, std::min(sanitized.size(), MaxInputSize));
    }
    FootnoteExtractor::Result extracted = FootnoteExtractor::extract(source);
    if (!extracted.definitions.empty())
        source = extracted.text;
    FootnoteRegistry footnotes(std::move(extracted.definitions));
    HeadingIds headingIds;

    std::string html;
    html.reserve(source.size() + source.size() / 4 + 256);
    HtmlWriter body(source, options.firstLine, html, headingIds, footnotes);
    body.write();
    const int words = body.wordCount() + writeFootnotes(html, headingIds, footnotes, options.firstLine);

    RenderedDocument document;
    document.html = QString::fromUtf8(html.data(), qsizetype(html.size()));
    document.outline = body.outline();
    document.wordCount = words;
    document.readingMinutes = (words + WordsPerMinute - 1) / WordsPerMinute;
    return document;
}

} // namespace quire
