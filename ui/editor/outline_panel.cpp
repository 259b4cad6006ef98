#include "editor/outline_panel.h"

#include <QHeaderView>

namespace quire {

namespace {

constexpr int LineRole = Qt::UserRole;

bool sameOutline(const QList<OutlineEntry> &a, const QList<OutlineEntry> &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(), [](const OutlineEntry &x, const OutlineEntry &y) {
        return x.level == y.level && x.text == y.text && x.line == y.line;
    });
}

} // namespace

OutlinePanel::OutlinePanel(QWidget *parent)
    : QTreeWidget(parent)
{
    setHeaderHidden(true);
    setColumnCount(1);
    setRootIsDecorated(false);
    setIndentation(14);
    setUniformRowHeights(true);
    setExpandsOnDoubleClick(false);
    setToolTip(tr("The post's headings: click one to go there"));
    const auto activate = [this](QTreeWidgetItem *item) {
        if (item)
            emit headingActivated(item->data(0, LineRole).toInt());
    };
    connect(this, &QTreeWidget::itemClicked, this, activate);
    connect(this, &QTreeWidget::itemActivated, this, activate);
}

void OutlinePanel::setOutline(const QList<OutlineEntry> &outline)
{
    if (sameOutline(outline, m_outline))
        return;
    m_outline = outline;
    m_items.clear();
    clear();
    // Each heading goes under the nearest heading of a higher level before it.
    QList<std::pair<int, QTreeWidgetItem *>> parents;
    for (const OutlineEntry &entry : outline) {
        while (!parents.isEmpty() && parents.last().first >= entry.level)
            parents.removeLast();
        auto *item = parents.isEmpty() ? new QTreeWidgetItem(this) : new QTreeWidgetItem(parents.last().second);
        item->setText(0, entry.text);
        item->setData(0, LineRole, entry.line);
        item->setToolTip(0, tr("Line %1").arg(entry.line));
        parents.append({entry.level, item});
        m_items.append(item);
    }
    expandAll();
}

void OutlinePanel::followLine(int line)
{
    QTreeWidgetItem *current = nullptr;
    for (qsizetype i = 0; i < m_outline.size() && m_outline.at(i).line <= line; ++i)
        current = m_items.at(i);
    const QSignalBlocker blocker(this);
    setCurrentItem(current);
    if (current)
        scrollToItem(current);
}

} // namespace quire
