#include "editor/editor_view.h"

#include "editor/markdown_highlighter.h"
#include "editor/spelling_menu.h"

#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QMenu>

#include <utility>

namespace quire {

EditorView::EditorView(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new MarkdownHighlighter(document()))
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    setFont(font);
    setTabStopDistance(QFontMetricsF(font).horizontalAdvance(QLatin1Char(' ')) * 4);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setPlaceholderText(tr("Write your post in Markdown…"));
    applyStyle();
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading)
            emit edited();
    });
}

// Re-colouring makes QTextDocument report a change too; it must not count as the author's edit.
template<typename F>
void EditorView::withoutEdit(F change)
{
    const bool wasLoading = std::exchange(m_loading, true);
    change();
    m_loading = wasLoading;
}

void EditorView::loadText(const QString &text)
{
    withoutEdit([&] { setPlainText(text); });
    moveCursor(QTextCursor::Start);
}

void EditorView::setSpellChecker(SpellChecker *checker)
{
    withoutEdit([&] { m_highlighter->setSpellChecker(checker); });
}

void EditorView::rehighlight()
{
    withoutEdit([&] { m_highlighter->rehighlight(); });
}

QMenu *EditorView::createContextMenu(const QPoint &pos)
{
    QMenu *menu = createStandardContextMenu(pos);
    const QTextCursor word = m_highlighter->misspelledWordAt(cursorForPosition(pos).position());
    if (!word.isNull())
        SpellingMenu(this, word).addTo(menu);
    return menu;
}

void EditorView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createContextMenu(event->pos());
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
}

void EditorView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyStyle();
}

void EditorView::applyStyle()
{
    withoutEdit([&] { m_highlighter->setStyle(HighlightStyle::fromPalette(palette(), font())); });
}

} // namespace quire
