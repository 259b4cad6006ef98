#include "posts/post_list_delegate.h"

#include "posts/post_list_model.h"

#include <QApplication>
#include <QPainter>
#include <QRegularExpression>
#include <QTextLayout>

namespace quire {

namespace {

constexpr int Padding = 6;
constexpr int LineGap = 2;

} // namespace

void PostListDelegate::setSearch(const QString &search)
{
    static const QRegularExpression notWord(QStringLiteral("[^\\w]+"), QRegularExpression::UseUnicodePropertiesOption);
    m_words = search.split(notWord, Qt::SkipEmptyParts);
    // Operators of the search syntax are not words of the text.
    m_words.removeIf([](const QString &word) { return word == u"AND" || word == u"OR" || word == u"NOT"; });
}

QFont PostListDelegate::detailFont(const QFont &base)
{
    QFont font = base;
    font.setItalic(false);
    font.setPointSizeF(base.pointSizeF() * 0.88);
    return font;
}

PostListDelegate::Line PostListDelegate::titleLine(const QString &title) const
{
    // Words match from their start, as the search does (prefixes).
    Line line{title, {}};
    for (const QString &word : m_words) {
        for (qsizetype at = title.indexOf(word, 0, Qt::CaseInsensitive); at >= 0;
             at = title.indexOf(word, at + word.size(), Qt::CaseInsensitive)) {
            if (at == 0 || !title.at(at - 1).isLetterOrNumber())
                line.highlights.append({int(at), int(word.size())});
        }
    }
    return line;
}

PostListDelegate::Line PostListDelegate::snippetLine(const QString &snippet)
{
    Line line;
    int start = -1;
    for (const QChar c : snippet) {
        if (c == QChar(0x02)) {
            start = int(line.text.size());
        } else if (c == QChar(0x03)) {
            if (start >= 0)
                line.highlights.append({start, int(line.text.size()) - start});
            start = -1;
        } else {
            line.text.append(c);
        }
    }
    return line;
}

void PostListDelegate::drawLine(QPainter *painter, const Line &line, const QFont &font, const QRect &rect,
                                const QColor &text, const QColor &highlight)
{
    const QFontMetrics metrics(font);
    const QString shown = metrics.elidedText(line.text, Qt::ElideRight, rect.width());
    QTextLayout layout(shown, font);
    QList<QTextLayout::FormatRange> formats;
    for (const auto &[start, length] : line.highlights) {
        if (start >= shown.size())
            continue;
        QTextLayout::FormatRange range;
        range.start = start;
        range.length = std::min<int>(length, int(shown.size()) - start);
        range.format.setBackground(highlight);
        range.format.setFontWeight(QFont::Bold);
        formats.append(range);
    }
    layout.setFormats(formats);
    layout.beginLayout();
    QTextLine textLine = layout.createLine();
    textLine.setLineWidth(rect.width() + metrics.averageCharWidth());   // elided: it fits
    layout.endLayout();
    painter->setPen(text);
    layout.draw(painter, rect.topLeft());
}

void PostListDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    item.text.clear();
    QStyle *style = item.widget ? item.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, item.widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &palette = option.palette;
    const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = text;
    dim.setAlphaF(0.65f);
    // A tint that reads on the list and on the selection, light or dark.
    QColor mark = palette.color(QPalette::Link);
    mark.setAlphaF(0.28f);

    const QRect area = option.rect.adjusted(Padding, Padding, -Padding, -Padding);
    const QFont titleFont = item.font;
    const QFont smallFont = detailFont(option.font);
    const int titleHeight = QFontMetrics(titleFont).height();
    painter->save();
    painter->setClipRect(option.rect);
    drawLine(painter, titleLine(index.data(Qt::DisplayRole).toString()), titleFont,
             QRect(area.left(), area.top(), area.width(), titleHeight), text, mark);
    const QString snippet = m_words.isEmpty() ? QString() : index.data(PostListModel::SnippetRole).toString();
    const Line detail = snippet.isEmpty() ? Line{index.data(PostListModel::DetailRole).toString(), {}} : snippetLine(snippet);
    drawLine(painter, detail, smallFont,
             QRect(area.left(), area.top() + titleHeight + LineGap, area.width(), QFontMetrics(smallFont).height()),
             dim, mark);
    painter->restore();
}

QSize PostListDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int height = QFontMetrics(option.font).height() + LineGap + QFontMetrics(detailFont(option.font)).height();
    return {option.rect.width() > 0 ? option.rect.width() : 200, height + 2 * Padding};
}

} // namespace quire
