#include "preview/page_blocks.h"

#include "markdown/html_block_splitter.h"

namespace quire {

namespace {

const QLatin1StringView LineAttribute(" data-line=\"");

} // namespace

PageBlocks::Block PageBlocks::blockOf(QStringView html)
{
    Block block;
    block.shape.reserve(html.size());
    bool first = true;
    qsizetype from = 0;
    for (qsizetype at = html.indexOf(LineAttribute); at >= 0; at = html.indexOf(LineAttribute, from)) {
        const qsizetype digits = at + LineAttribute.size();
        qsizetype end = digits;
        while (end < html.size() && html[end].isDigit())
            ++end;
        const int line = html.sliced(digits, end - digits).toInt();
        if (first) {
            block.firstLine = line;
            first = false;
        }
        block.shape.append(html.sliced(from, digits - from));
        block.shape.append(QString::number(line - block.firstLine));
        from = end;
    }
    block.shape.append(html.sliced(from));
    return block;
}

PageBlocks::Patch PageBlocks::update(const QString &html)
{
    const QList<QStringView> pieces = HtmlBlockSplitter::split(html);
    QList<Block> blocks;
    blocks.reserve(pieces.size());
    for (QStringView piece : pieces)
        blocks.append(blockOf(piece));

    // The blocks both start with, then those both end with at one shared shift of lines.
    const qsizetype common = std::min(m_blocks.size(), blocks.size());
    qsizetype prefix = 0;
    while (prefix < common && m_blocks[prefix].shape == blocks[prefix].shape
           && m_blocks[prefix].firstLine == blocks[prefix].firstLine)
        ++prefix;
    qsizetype suffix = 0;
    int shift = 0;
    while (suffix < common - prefix) {
        const Block &before = m_blocks[m_blocks.size() - 1 - suffix];
        const Block &after = blocks[blocks.size() - 1 - suffix];
        const int blockShift = after.firstLine - before.firstLine;
        if (before.shape != after.shape || (suffix > 0 && blockShift != shift))
            break;
        shift = blockShift;
        ++suffix;
    }

    Patch patch;
    patch.start = int(prefix);
    patch.removed = int(m_blocks.size() - prefix - suffix);
    for (qsizetype i = prefix; i < blocks.size() - suffix; ++i)
        patch.inserted.append(pieces[i].toString());
    patch.lineShift = suffix > 0 ? shift : 0;
    m_blocks = std::move(blocks);
    return patch;
}

} // namespace quire
