#pragma once

#include "markdown/block_line_tracker.h"
#include "markdown/display_math_paragraph.h"
#include "markdown/open_blocks.h"
#include "markdown/rendered_document.h"
#include "markdown/word_counter.h"

#include <md4c.h>

#include <QList>

#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace quire {

template<typename Consumer>
class Md4cParse;

class FootnoteRegistry;
class HeadingIds;

// Quire's HTML for one Markdown text: a consumer of md4c's parser callbacks that appends UTF-8
// HTML with data-line attributes, heading ids, footnote references and display math, and counts
// words and collects the outline on the way. One writer per text; footnote contents get their
// own writer sharing the document's heading ids and footnotes.
class HtmlWriter
{
public:
    enum class Outline { Collect, Skip };

    // `firstLine` is the source line of the text's first line (data-line values are shifted by it).
    HtmlWriter(std::string_view markdown, int firstLine, std::string &out, HeadingIds &headingIds,
               FootnoteRegistry &footnotes, Outline outline = Outline::Collect);

    // Parses the text and appends its HTML to the output. False when parsing stopped early
    // (out of memory); the output is then incomplete.
    bool write();

    const QList<OutlineEntry> &outline() const { return m_outline; }
    int wordCount() const { return m_words.count(); }

private:
    struct Heading
    {
        bool open = false;
        unsigned level = 1;
        std::string text;       // plain text, for the id and the outline
        bool sawSource = false;
        bool atx = true;        // "# Title" rather than "Title\n====="
    };

    struct CodeBlock
    {
        bool open = false;
        char fence = 0;         // '`' or '~'; 0 for an indented block
    };

    friend class Md4cParse<HtmlWriter>;
    void enterBlock(MD_BLOCKTYPE type, void *detail);
    void leaveBlock(MD_BLOCKTYPE type, void *detail);
    void enterSpan(MD_SPANTYPE type, void *detail);
    void leaveSpan(MD_SPANTYPE type, void *detail);
    void text(MD_TEXTTYPE type, std::string_view text);

    // Blocks
    void openElement(MD_BLOCKTYPE type, std::string_view tag, std::string_view rest);
    void pushBlock(MD_BLOCKTYPE type, bool hasLine);
    void enterOrderedList(const MD_BLOCK_OL_DETAIL *detail);
    void enterListItem(const MD_BLOCK_LI_DETAIL *detail);
    void enterHeading(const MD_BLOCK_H_DETAIL *detail);
    void enterCodeBlock(const MD_BLOCK_CODE_DETAIL *detail);
    void enterTableCell(MD_BLOCKTYPE type, const MD_BLOCK_TD_DETAIL *detail);
    void leaveHeading();

    // Source lines
    void noteSource(const char *text, size_t size);
    int lineForPendingBlocks(const char *text) const;
    void resolvePending(int line);
    void resolveAtLeave();

    // Spans and text
    void enterLink(const MD_SPAN_A_DETAIL *detail);
    void enterImage(const MD_SPAN_IMG_DETAIL *detail);
    void leaveImage(const MD_SPAN_IMG_DETAIL *detail);
    void writeAltText(MD_TEXTTYPE type, std::string_view text);
    void flushText();
    void writeProse(std::string_view text);
    void writeFootnoteReference(int number, const std::string &anchorId, int occurrence);
    void addHeadingText(std::string_view text);

    std::string_view m_source;
    int m_lineOffset;
    std::string &m_out;
    HeadingIds &m_headingIds;
    FootnoteRegistry &m_footnotes;
    bool m_collectOutline;

    BlockLineTracker m_tracker;
    OpenBlocks m_blocks;

    std::string m_text;                 // normal text not written yet (footnote references)
    DisplayMathParagraph m_paragraph;
    Heading m_heading;
    CodeBlock m_code;
    int m_linkDepth = 0;
    int m_imageDepth = 0;
    int m_mathDepth = 0;
    bool m_inCodeSpan = false;

    WordCounter m_words;
    QList<OutlineEntry> m_outline;
};

} // namespace quire
