#include "markdown/open_blocks.h"

#include <algorithm>
#include <charconv>

namespace quire {

void OpenBlocks::push(MD_BLOCKTYPE type, size_t attributePos, bool hasLine)
{
    m_blocks.push_back(Block{type, attributePos, 0, hasLine});
    if (hasLine && m_firstPending == NoPending)
        m_firstPending = m_blocks.size() - 1;
}

void OpenBlocks::pop()
{
    m_blocks.pop_back();
    if (m_firstPending >= m_blocks.size())
        m_firstPending = NoPending;
}

void OpenBlocks::resolvePending(std::string &out, int line)
{
    m_inserted.clear();
    if (m_firstPending == NoPending)
        return;
    std::string attribute;
    appendDataLine(attribute, line);
    m_insertedSize = attribute.size();

    const size_t base = m_blocks[m_firstPending].attributePos;
    m_tail.assign(out, base);
    out.resize(base);
    size_t copied = base;
    for (size_t i = m_firstPending; i < m_blocks.size(); ++i) {
        Block &block = m_blocks[i];
        if (!block.hasLine || block.line != 0)
            continue;
        out.append(m_tail, copied - base, block.attributePos - copied);
        copied = block.attributePos;
        m_inserted.push_back(copied);
        block.attributePos = out.size();
        block.line = line;
        out += attribute;
    }
    out.append(m_tail, copied - base);
    m_firstPending = NoPending;
}

size_t OpenBlocks::shifted(size_t position) const
{
    const auto before = std::upper_bound(m_inserted.begin(), m_inserted.end(), position) - m_inserted.begin();
    return position + size_t(before) * m_insertedSize;
}

void OpenBlocks::appendDataLine(std::string &out, int line) const
{
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof digits, (long long)line + m_lineOffset);
    out += " data-line=\"";
    out.append(digits, size_t(result.ptr - digits));
    out += '"';
}

} // namespace quire
