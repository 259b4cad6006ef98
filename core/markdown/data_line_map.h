#pragma once

#include <QString>

#include <utility>
#include <vector>

namespace quire {

// The source line of each data-line attribute in an HTML fragment from MarkdownRenderer, by
// position: places things found in the HTML (inline math, links, images) on a line.
class DataLineMap
{
public:
    explicit DataLineMap(const QString &html);

    // The line of the last data-line before `position` (0 if none).
    int lineBefore(qsizetype position) const;

private:
    std::vector<std::pair<qsizetype, int>> m_lines;
};

} // namespace quire
