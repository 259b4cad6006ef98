#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace quire {

// What the preview page shows, block by block, and the smallest change that brings it to a new
// render: typing in one paragraph of a long post sends that paragraph, not the post. Blocks after
// the change whose markup is the same but whose source lines moved (Enter was pressed) stay in the
// page and only have their data-line attributes shifted.
class PageBlocks
{
public:
    struct Patch
    {
        int start = 0;          // the first block replaced
        int removed = 0;        // how many blocks of the page go
        QStringList inserted;   // the blocks that take their place
        int lineShift = 0;      // to add to every data-line after them
        bool isEmpty() const { return removed == 0 && inserted.isEmpty() && lineShift == 0; }
    };

    // Starts over: the page holds nothing.
    void clear() { m_blocks.clear(); }
    int size() const { return int(m_blocks.size()); }

    // The patch from what the page shows to html (a rendered post's content); from then on the
    // page is taken to show html.
    Patch update(const QString &html);

private:
    struct Block
    {
        QString shape;    // the markup with each data-line made relative to the block's first
        int firstLine = 0;
    };
    static Block blockOf(QStringView html);

    QList<Block> m_blocks;
};

} // namespace quire
