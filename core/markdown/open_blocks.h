#pragma once

#include <md4c.h>

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace quire {

// The blocks an HtmlWriter has open, each with the place in its opening tag where its data-line
// attribute goes. md4c tells where a block starts only through the text inside it, so a block's
// line is often known after its tag (and the tags of the blocks inside it) are written: the
// attribute is inserted then, into every open tag still waiting for one. Those are always the
// innermost open blocks, so one pass over the end of the output serves them all.
class OpenBlocks
{
public:
    struct Block
    {
        MD_BLOCKTYPE type;
        size_t attributePos;    // where data-line (and a heading's id) go into the open tag
        int line;               // source line in the text; 0 while not known
        bool hasLine;           // gets a data-line (the document and raw HTML do not)
    };

    // lineOffset is added to every line written (a footnote's text starts further down).
    explicit OpenBlocks(int lineOffset) : m_lineOffset(lineOffset) {}

    // A block whose opening tag reaches attributePos in the output so far.
    void push(MD_BLOCKTYPE type, size_t attributePos, bool hasLine);
    void pop();
    bool empty() const { return m_blocks.empty(); }
    size_t size() const { return m_blocks.size(); }
    Block &back() { return m_blocks.back(); }
    const Block &back() const { return m_blocks.back(); }
    const Block &at(size_t index) const { return m_blocks[index]; }

    bool hasPending() const { return m_firstPending != NoPending; }
    // Gives line to every open block still waiting for one, inserting its data-line into out.
    void resolvePending(std::string &out, int line);
    // Where a position of out taken before the last resolvePending() is now.
    size_t shifted(size_t position) const;
    // " data-line=\"N\"" for a line of the text.
    void appendDataLine(std::string &out, int line) const;

private:
    static constexpr size_t NoPending = std::numeric_limits<size_t>::max();

    int m_lineOffset;
    std::vector<Block> m_blocks;
    size_t m_firstPending = NoPending;   // the outermost open block still waiting for its line
    std::string m_tail;                  // scratch space for resolvePending()
    std::vector<size_t> m_inserted;      // where the last resolvePending() inserted, in order
    size_t m_insertedSize = 0;           // the length of each insertion
};

} // namespace quire
