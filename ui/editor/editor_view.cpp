#include "editor/editor_view.h"

#include <QFontDatabase>

namespace quire {

EditorView::EditorView(QWidget *parent)
    : QPlainTextEdit(parent)
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    setFont(font);
    setTabStopDistance(QFontMetricsF(font).horizontalAdvance(QLatin1Char(' ')) * 4);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setPlaceholderText(tr("Write your post in Markdown…"));
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading)
            emit edited();
    });
}

void EditorView::loadText(const QString &text)
{
    m_loading = true;
    setPlainText(text);
    m_loading = false;
    moveCursor(QTextCursor::Start);
}

} // namespace quire
