#pragma once

#include "markdown/rendered_document.h"

#include <QList>
#include <QTreeWidget>

namespace quire {

// The post's headings as a tree: click one to go there; the heading the cursor is under is
// selected as the author moves through the text.
class OutlinePanel : public QTreeWidget
{
    Q_OBJECT

public:
    explicit OutlinePanel(QWidget *parent = nullptr);

    // Rebuilds the tree when the headings changed (text, level or line).
    void setOutline(const QList<OutlineEntry> &outline);
    // Selects the last heading at or above this 1-based source line.
    void followLine(int line);

signals:
    // The author chose a heading: its 1-based source line.
    void headingActivated(int line);

private:
    QList<OutlineEntry> m_outline;
    QList<QTreeWidgetItem *> m_items;   // by position in m_outline
};

} // namespace quire
