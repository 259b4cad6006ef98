#include "markdown/html_writer.h"

#include "markdown/display_math_paragraph.h"
#include "markdown/footnote_extractor.h"
#include "markdown/footnote_registry.h"
#include "markdown/heading_ids.h"
#include "markdown/html_entities.h"
#include "markdown/html_escaper.h"
#include "markdown/md4c_attribute.h"
#include "markdown/md4c_parse.h"

#include <algorithm>
#include <charconv>

namespace quire {

namespace {

constexpr unsigned ParserFlags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS
    | MD_FLAG_PERMISSIVEAUTOLINKS | MD_FLAG_LATEXMATHSPANS;

constexpr std::string_view ReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

void appendNumber(std::string &out, long long value)
{
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof digits, value);
    out.append(digits, size_t(result.ptr - digits));
}

} // namespace

HtmlWriter::HtmlWriter(std::string_view markdown, int firstLine, std::string &out, HeadingIds &headingIds,
                       FootnoteRegistry &footnotes, Outline outline)
    : m_source(markdown)
    , m_lineOffset(firstLine - 1)
    , m_out(out)
    , m_headingIds(headingIds)
    , m_footnotes(footnotes)
    , m_collectOutline(outline == Outline::Collect)
    , m_tracker(markdown)
    , m_blocks(firstLine - 1)
{
}

bool HtmlWriter::write()
{
    if (!Md4cParse<HtmlWriter>::run(m_source, ParserFlags, *this))
        return false;
    flushText();
    return true;
}

// --- Blocks ---------------------------------------------------------------------------------

void HtmlWriter::enterBlock(MD_BLOCKTYPE type, void *detail)
{
    flushText();
    m_words.addBreak();
    switch (type) {
    case MD_BLOCK_DOC:
    case MD_BLOCK_HTML:
        pushBlock(type, false);
        break;
    case MD_BLOCK_QUOTE:
        openElement(type, "<blockquote", ">\n");
        break;
    case MD_BLOCK_UL:
        openElement(type, "<ul", ">\n");
        break;
    case MD_BLOCK_OL:
        enterOrderedList(static_cast<const MD_BLOCK_OL_DETAIL *>(detail));
        break;
    case MD_BLOCK_LI:
        enterListItem(static_cast<const MD_BLOCK_LI_DETAIL *>(detail));
        break;
    case MD_BLOCK_HR:
        openElement(type, "<hr", ">\n");
        break;
    case MD_BLOCK_H:
        enterHeading(static_cast<const MD_BLOCK_H_DETAIL *>(detail));
        break;
    case MD_BLOCK_CODE:
        enterCodeBlock(static_cast<const MD_BLOCK_CODE_DETAIL *>(detail));
        break;
    case MD_BLOCK_P:
        m_paragraph.open(m_out.size());
        openElement(type, "<p", ">");
        break;
    case MD_BLOCK_TABLE:
        openElement(type, "<table", ">\n");
        break;
    case MD_BLOCK_THEAD:
        openElement(type, "<thead", ">\n");
        break;
    case MD_BLOCK_TBODY:
        openElement(type, "<tbody", ">\n");
        break;
    case MD_BLOCK_TR:
        openElement(type, "<tr", ">\n");
        break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
        enterTableCell(type, static_cast<const MD_BLOCK_TD_DETAIL *>(detail));
        break;
    }
}

void HtmlWriter::leaveBlock(MD_BLOCKTYPE type, void *)
{
    flushText();
    m_words.addBreak();
    if (m_blocks.empty())
        return;
    if (m_blocks.back().hasLine && m_blocks.back().line == 0)
        resolveAtLeave();
    switch (type) {
    case MD_BLOCK_DOC:
    case MD_BLOCK_HTML:
    case MD_BLOCK_HR:
        break;
    case MD_BLOCK_QUOTE:
        m_out += "</blockquote>\n";
        break;
    case MD_BLOCK_UL:
        m_out += "</ul>\n";
        break;
    case MD_BLOCK_OL:
        m_out += "</ol>\n";
        break;
    case MD_BLOCK_LI:
        m_out += "</li>\n";
        break;
    case MD_BLOCK_H:
        leaveHeading();
        break;
    case MD_BLOCK_CODE:
        m_out += "</code></pre>\n";
        if (m_code.fence)
            m_tracker.consumeClosingFence(m_code.fence);
        m_code = {};
        break;
    case MD_BLOCK_P:
        m_paragraph.close(m_out, m_blocks);
        break;
    case MD_BLOCK_TABLE:
        m_out += "</table>\n";
        break;
    case MD_BLOCK_THEAD:
        m_out += "</thead>\n";
        m_tracker.consumeLine(m_blocks.back().line + 1);   // the |---|---| row
        break;
    case MD_BLOCK_TBODY:
        m_out += "</tbody>\n";
        break;
    case MD_BLOCK_TR:
        m_out += "</tr>\n";
        break;
    case MD_BLOCK_TH:
        m_out += "</th>\n";
        break;
    case MD_BLOCK_TD:
        m_out += "</td>\n";
        break;
    }
    m_blocks.pop();
}

// Writes `tag`, the place for data-line, then `rest` ("<ul" ... ">\n").
void HtmlWriter::openElement(MD_BLOCKTYPE type, std::string_view tag, std::string_view rest)
{
    m_out += tag;
    pushBlock(type, true);
    m_out += rest;
}

void HtmlWriter::pushBlock(MD_BLOCKTYPE type, bool hasLine)
{
    m_blocks.push(type, m_out.size(), hasLine);
}

void HtmlWriter::enterOrderedList(const MD_BLOCK_OL_DETAIL *detail)
{
    m_out += "<ol";
    if (detail->start != 1) {
        m_out += " start=\"";
        appendNumber(m_out, detail->start);
        m_out += '"';
    }
    openElement(MD_BLOCK_OL, {}, ">\n");
}

void HtmlWriter::enterListItem(const MD_BLOCK_LI_DETAIL *detail)
{
    if (!detail->is_task) {
        openElement(MD_BLOCK_LI, "<li", ">");
        return;
    }
    const bool checked = detail->task_mark == 'x' || detail->task_mark == 'X';
    openElement(MD_BLOCK_LI, "<li class=\"task-list-item\"",
                checked ? "><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled checked> "
                        : "><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled> ");
    // The task mark's offset is the one source position md4c reports.
    if (detail->task_mark_offset < m_source.size())
        noteSource(m_source.data() + detail->task_mark_offset, 1);
}

void HtmlWriter::enterHeading(const MD_BLOCK_H_DETAIL *detail)
{
    m_heading = Heading{};
    m_heading.open = true;
    m_heading.level = std::clamp(detail->level, 1u, 6u);
    const char tag[] = {'<', 'h', char('0' + m_heading.level)};
    openElement(MD_BLOCK_H, std::string_view(tag, 3), ">");
}

void HtmlWriter::enterCodeBlock(const MD_BLOCK_CODE_DETAIL *detail)
{
    m_code = CodeBlock{true, detail->fence_char};
    m_out += "<pre";
    pushBlock(MD_BLOCK_CODE, true);
    if (detail->lang.size > 0) {
        m_out += "><code class=\"language-";
        Md4cAttribute::append(m_out, detail->lang, false);
        m_out += "\">";
    } else {
        m_out += "><code>";
    }
    // The info string sits on the opening fence line.
    if (m_code.fence && detail->info.size > 0 && m_tracker.contains(detail->info.text)) {
        resolvePending(m_tracker.lineAt(detail->info.text));
        m_tracker.consumeThrough(detail->info.text + detail->info.size);
    }
}

void HtmlWriter::enterTableCell(MD_BLOCKTYPE type, const MD_BLOCK_TD_DETAIL *detail)
{
    static constexpr std::string_view Alignments[] = {
        "", " style=\"text-align: left\"", " style=\"text-align: center\"", " style=\"text-align: right\"",
    };
    m_out += type == MD_BLOCK_TH ? "<th" : "<td";
    if (detail->align >= MD_ALIGN_DEFAULT && detail->align <= MD_ALIGN_RIGHT)
        m_out += Alignments[detail->align];
    openElement(type, {}, ">");
}

void HtmlWriter::leaveHeading()
{
    const OpenBlocks::Block &block = m_blocks.back();
    const QString plainText = QString::fromUtf8(m_heading.text.data(), qsizetype(m_heading.text.size())).simplified();
    const QString id = m_headingIds.idFor(plainText);
    std::string attribute = " id=\"";
    HtmlEscaper::appendEscaped(attribute, id.toStdString());
    attribute += '"';
    m_out.insert(block.attributePos, attribute);
    const char tag[] = {'<', '/', 'h', char('0' + m_heading.level), '>', '\n'};
    m_out.append(tag, sizeof tag);
    if (m_collectOutline)
        m_outline.append(OutlineEntry{int(m_heading.level), plainText, id, block.line + m_lineOffset});
    if (!m_heading.atx)
        m_tracker.consumeSetextUnderline();
    m_heading = Heading{};
}

// --- Source lines ---------------------------------------------------------------------------

// Text at `text` is in the source: the blocks waiting for their line get it.
void HtmlWriter::noteSource(const char *text, size_t size)
{
    if (m_blocks.hasPending())
        resolvePending(lineForPendingBlocks(text));
    m_tracker.consumeThrough(text + size);
}

int HtmlWriter::lineForPendingBlocks(const char *text) const
{
    const int line = m_tracker.lineAt(text);
    if (m_code.open && m_code.fence)
        return m_tracker.openingFenceLine(line, m_code.fence);
    if (m_mathDepth > 0)
        return m_tracker.spanStartLine(text, '$');
    if (m_inCodeSpan)
        return m_tracker.spanStartLine(text, '`');
    return line;
}

// The open blocks waiting for their line get it; the paragraph's places in the output move with
// the attributes inserted before them.
void HtmlWriter::resolvePending(int line)
{
    if (!m_blocks.hasPending())
        return;
    m_blocks.resolvePending(m_out, line);
    m_paragraph.shift(m_blocks);
}

// The block closes without having had text: find its line from what was written before it.
void HtmlWriter::resolveAtLeave()
{
    const OpenBlocks::Block &block = m_blocks.back();
    const bool isCell = block.type == MD_BLOCK_TH || block.type == MD_BLOCK_TD;
    if (isCell && m_blocks.size() >= 2 && m_blocks.at(m_blocks.size() - 2).line != 0) {
        resolvePending(m_blocks.at(m_blocks.size() - 2).line);   // an empty cell in a row with text
        return;
    }
    int line;
    if (block.type == MD_BLOCK_CODE && m_code.fence)
        line = m_tracker.nextFenceLine(m_code.fence);
    else
        line = m_tracker.nextBlockLine(block.type == MD_BLOCK_QUOTE);
    resolvePending(line);
    m_tracker.consumeLine(line);
}

// --- Spans ----------------------------------------------------------------------------------

void HtmlWriter::enterSpan(MD_SPANTYPE type, void *detail)
{
    flushText();
    if (m_imageDepth > 0) {
        // Inside an image's alt text everything is flattened to text.
        if (type == MD_SPAN_IMG)
            ++m_imageDepth;
        return;
    }
    m_paragraph.noteSpan(type, m_blocks.back().type == MD_BLOCK_P);
    switch (type) {
    case MD_SPAN_EM:
        m_out += "<em>";
        break;
    case MD_SPAN_STRONG:
        m_out += "<strong>";
        break;
    case MD_SPAN_DEL:
        m_out += "<del>";
        break;
    case MD_SPAN_A:
        enterLink(static_cast<const MD_SPAN_A_DETAIL *>(detail));
        break;
    case MD_SPAN_IMG:
        enterImage(static_cast<const MD_SPAN_IMG_DETAIL *>(detail));
        break;
    case MD_SPAN_CODE:
        m_inCodeSpan = true;
        m_out += "<code>";
        break;
    case MD_SPAN_LATEXMATH:
        ++m_mathDepth;
        m_out += "<span class=\"math inline\">";
        break;
    case MD_SPAN_LATEXMATH_DISPLAY:
        ++m_mathDepth;
        m_out += "<span class=\"math display\">";
        m_paragraph.formulaStarts(m_out.size());
        break;
    case MD_SPAN_WIKILINK:
    case MD_SPAN_U:
        break;   // extensions Quire does not enable
    }
}

void HtmlWriter::leaveSpan(MD_SPANTYPE type, void *detail)
{
    flushText();
    if (m_imageDepth > 0) {
        if (type == MD_SPAN_IMG && --m_imageDepth == 0)
            leaveImage(static_cast<const MD_SPAN_IMG_DETAIL *>(detail));
        return;
    }
    switch (type) {
    case MD_SPAN_EM:
        m_out += "</em>";
        break;
    case MD_SPAN_STRONG:
        m_out += "</strong>";
        break;
    case MD_SPAN_DEL:
        m_out += "</del>";
        break;
    case MD_SPAN_A:
        --m_linkDepth;
        m_out += "</a>";
        break;
    case MD_SPAN_IMG:
        break;
    case MD_SPAN_CODE:
        m_inCodeSpan = false;
        m_out += "</code>";
        break;
    case MD_SPAN_LATEXMATH:
        --m_mathDepth;
        m_out += "</span>";
        break;
    case MD_SPAN_LATEXMATH_DISPLAY:
        --m_mathDepth;
        m_paragraph.formulaEnds(m_out.size());
        m_out += "</span>";
        break;
    case MD_SPAN_WIKILINK:
    case MD_SPAN_U:
        break;
    }
}

void HtmlWriter::enterLink(const MD_SPAN_A_DETAIL *detail)
{
    ++m_linkDepth;
    m_out += "<a href=\"";
    Md4cAttribute::append(m_out, detail->href, true);
    if (detail->title.size > 0) {
        m_out += "\" title=\"";
        Md4cAttribute::append(m_out, detail->title, false);
    }
    m_out += "\">";
}

void HtmlWriter::enterImage(const MD_SPAN_IMG_DETAIL *detail)
{
    m_imageDepth = 1;
    // An image gives no text when its alt is empty; its destination tells where it is.
    if (detail->src.size > 0 && m_tracker.contains(detail->src.text) && m_tracker.isInlineDestination(detail->src.text))
        noteSource(detail->src.text, detail->src.size);
    m_out += "<img src=\"";
    Md4cAttribute::append(m_out, detail->src, true);
    m_out += "\" alt=\"";
}

void HtmlWriter::leaveImage(const MD_SPAN_IMG_DETAIL *detail)
{
    m_out += '"';
    if (detail->title.size > 0) {
        m_out += " title=\"";
        Md4cAttribute::append(m_out, detail->title, false);
        m_out += '"';
    }
    m_out += '>';
}

// --- Text -----------------------------------------------------------------------------------

void HtmlWriter::text(MD_TEXTTYPE type, std::string_view text)
{
    if (!text.empty() && m_tracker.contains(text.data())) {
        if (m_heading.open && !m_heading.sawSource) {
            m_heading.sawSource = true;
            m_heading.atx = m_tracker.followsHashMarks(text.data());
        }
        noteSource(text.data(), text.size());
    }
    if (m_imageDepth > 0) {
        writeAltText(type, text);
        return;
    }
    if (m_code.open) {
        if (type == MD_TEXT_NULLCHAR)
            m_out += ReplacementCharacter;
        else
            HtmlEscaper::appendEscaped(m_out, text);
        return;
    }
    if (type == MD_TEXT_NORMAL) {
        m_paragraph.noteText(type, text);
        // Text that may hold a footnote reference waits for the next event: md4c may split
        // "[^label]" over several calls. Everything else goes straight out.
        const bool mayHoldReference = m_linkDepth == 0 && !m_footnotes.isEmpty()
            && (!m_text.empty() || text.find('[') != std::string_view::npos);
        if (mayHoldReference)
            m_text += text;
        else
            writeProse(text);
        return;
    }
    flushText();
    m_paragraph.noteText(type, text);
    switch (type) {
    case MD_TEXT_NULLCHAR:
        m_out += ReplacementCharacter;
        m_words.addText(ReplacementCharacter);
        addHeadingText(ReplacementCharacter);
        break;
    case MD_TEXT_BR:
        m_out += "<br>\n";
        m_words.addBreak();
        addHeadingText(" ");
        break;
    case MD_TEXT_SOFTBR:
        m_out += '\n';
        m_words.addBreak();
        addHeadingText(" ");
        break;
    case MD_TEXT_ENTITY:
        m_out += text;
        if (m_heading.open)
            HtmlEntities::appendDecoded(m_heading.text, text);
        break;
    case MD_TEXT_CODE:
        HtmlEscaper::appendEscaped(m_out, text);
        m_words.addText(text);
        addHeadingText(text);
        break;
    case MD_TEXT_HTML:
        m_out += text;
        m_words.addBreak();
        break;
    case MD_TEXT_LATEXMATH:
        HtmlEscaper::appendEscaped(m_out, text);
        m_words.addBreak();
        addHeadingText(text);
        break;
    case MD_TEXT_NORMAL:
        break;
    }
}

void HtmlWriter::writeAltText(MD_TEXTTYPE type, std::string_view text)
{
    switch (type) {
    case MD_TEXT_ENTITY:
        m_out += text;
        break;
    case MD_TEXT_NULLCHAR:
        m_out += ReplacementCharacter;
        break;
    case MD_TEXT_BR:
    case MD_TEXT_SOFTBR:
        m_out += ' ';
        break;
    default:
        HtmlEscaper::appendEscaped(m_out, text);
        break;
    }
}

// Writes the buffered normal text, turning "[^label]" into a reference where a footnote of
// that label exists. Link text holds no references (GitHub does the same).
void HtmlWriter::flushText()
{
    if (m_text.empty())
        return;
    std::string_view text = m_text;
    if (m_linkDepth == 0 && !m_footnotes.isEmpty()) {
        size_t written = 0;
        size_t at = text.find("[^");
        while (at != std::string_view::npos) {
            const size_t length = FootnoteExtractor::labelLength(text.substr(at + 2));
            const auto reference = length ? m_footnotes.addReference(text.substr(at + 2, length)) : std::nullopt;
            if (!reference) {
                at = text.find("[^", at + 1);
                continue;
            }
            writeProse(text.substr(written, at - written));
            writeFootnoteReference(reference->number, reference->anchorId, reference->occurrence);
            written = at + 2 + length + 1;
            at = text.find("[^", written);
        }
        text.remove_prefix(written);
    }
    writeProse(text);
    m_text.clear();
}

void HtmlWriter::writeProse(std::string_view text)
{
    HtmlEscaper::appendEscaped(m_out, text);
    m_words.addText(text);
    addHeadingText(text);
}

void HtmlWriter::writeFootnoteReference(int number, const std::string &anchorId, int occurrence)
{
    m_out += "<sup><a href=\"#fn-";
    m_out += anchorId;
    m_out += "\" id=\"fnref-";
    m_out += anchorId;
    if (occurrence > 1) {
        m_out += '-';
        appendNumber(m_out, occurrence);
    }
    m_out += "\" data-footnote-ref>";
    appendNumber(m_out, number);
    m_out += "</a></sup>";
}

void HtmlWriter::addHeadingText(std::string_view text)
{
    if (m_heading.open)
        m_heading.text += text;
}

} // namespace quire
