#include "markdown/data_line_map.h"

#include <QRegularExpression>

#include <algorithm>

namespace quire {

DataLineMap::DataLineMap(const QString &html)
{
    static const QRegularExpression pattern(QStringLiteral(R"re( data-line="(\d+)")re"));
    for (auto it = pattern.globalMatch(html); it.hasNext();) {
        const auto match = it.next();
        m_lines.emplace_back(match.capturedStart(), match.capturedView(1).toInt());
    }
}

int DataLineMap::lineBefore(qsizetype position) const
{
    const auto it = std::lower_bound(m_lines.begin(), m_lines.end(), position,
                                     [](const auto &entry, qsizetype p) { return entry.first < p; });
    return it == m_lines.begin() ? 0 : std::prev(it)->second;
}

} // namespace quire
