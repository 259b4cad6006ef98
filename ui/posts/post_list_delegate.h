#pragma once

#include <QStyledItemDelegate>

namespace quire {

// Paints a post of the list on two lines: its title, then its status, date and tags, or while
// searching the passage that matches, with the words found highlighted in both.
class PostListDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The words whose matches are highlighted (what the author typed in the search field).
    void setSearch(const QString &search);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    struct Line
    {
        QString text;
        QList<std::pair<int, int>> highlights;   // start, length
    };
    Line titleLine(const QString &title) const;
    static Line snippetLine(const QString &snippet);
    static void drawLine(QPainter *painter, const Line &line, const QFont &font, const QRect &rect,
                         const QColor &text, const QColor &highlight);
    static QFont detailFont(const QFont &base);

    QStringList m_words;
};

} // namespace quire
