#include "editor/editor_view.h"

#include "editor/image_inserter.h"
#include "editor/list_editing.h"
#include "editor/markdown_highlighter.h"
#include "editor/spelling_menu.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QMenu>
#include <QScrollBar>
#include <QTextBlock>

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
    m_images = new ImageInserter(this);
    applyStyle();
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading)
            emit edited();
    });
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &EditorView::followCursor);
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
    m_focusedBlocks = {-1, -1};
    followCursor();
}

void EditorView::setSelectionLayer(SelectionLayer layer, const QList<QTextEdit::ExtraSelection> &selections)
{
    m_layers[layer] = selections;
    QList<QTextEdit::ExtraSelection> all;
    for (const auto &[key, list] : m_layers)
        all += list;
    setExtraSelections(all);
}

void EditorView::setTypewriterScrolling(bool on)
{
    m_typewriter = on;
    // Lets the view scroll past the end, so the last line can sit in the middle too.
    setCenterOnScroll(on);
    followCursor();
}

void EditorView::setFocusMode(bool on)
{
    m_focusMode = on;
    m_focusedBlocks = {-1, -1};
    if (!on)
        setSelectionLayer(SelectionLayer::FocusDimming, {});
    // The margins around the column are the page too, not a grey frame.
    setBackgroundRole(on ? QPalette::Base : QPalette::NoRole);
    setAutoFillBackground(on);
    updateColumnMargins();
    followCursor();
}

void EditorView::keyPressEvent(QKeyEvent *event)
{
    const bool plain = !(event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier));
    const bool handled = [&] {
        if (isReadOnly() || !plain)
            return false;
        switch (event->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            // Shift+Enter stays a plain line break.
            return !(event->modifiers() & Qt::ShiftModifier) && ListEditing::insertNewline(textCursor());
        case Qt::Key_Tab:
            return !(event->modifiers() & Qt::ShiftModifier) && ListEditing::indent(textCursor());
        case Qt::Key_Backtab:
            return ListEditing::outdent(textCursor());
        default:
            return false;
        }
    }();
    if (handled) {
        ensureCursorVisible();
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void EditorView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updateColumnMargins();
    if (m_typewriter)
        centerCursor();
}

void EditorView::followCursor()
{
    // A click places the cursor where the writer looks; only typing and keys recentre.
    if (m_typewriter && QApplication::mouseButtons() == Qt::NoButton)
        centerCursor();
    if (m_focusMode)
        dimOtherParagraphs();
}

// The cursor's paragraph (its run of non-blank lines) stays; everything else is painted in a
// faded colour by two extra selections, which Qt only draws for the visible lines.
void EditorView::dimOtherParagraphs()
{
    const auto blank = [](const QTextBlock &block) { return block.text().trimmed().isEmpty(); };
    QTextBlock first = textCursor().block();
    QTextBlock last = first;
    if (!blank(first)) {
        while (first.previous().isValid() && !blank(first.previous()))
            first = first.previous();
        while (last.next().isValid() && !blank(last.next()))
            last = last.next();
    }
    const std::pair<int, int> focused{first.blockNumber(), last.blockNumber()};
    if (focused == m_focusedBlocks)
        return;   // the selections' cursors follow the edits by themselves
    m_focusedBlocks = focused;

    QTextCharFormat faded;
    const QPalette colours = palette();
    QColor text = colours.color(QPalette::Text);
    const QColor base = colours.color(QPalette::Base);
    text.setRgbF(text.redF() * 0.35f + base.redF() * 0.65f, text.greenF() * 0.35f + base.greenF() * 0.65f,
                 text.blueF() * 0.35f + base.blueF() * 0.65f);
    faded.setForeground(text);
    QList<QTextEdit::ExtraSelection> dimmed;
    QTextCursor before(document());
    before.setPosition(first.position(), QTextCursor::KeepAnchor);
    QTextCursor after(document());
    after.movePosition(QTextCursor::End);
    after.setPosition(last.position() + last.length() - 1, QTextCursor::KeepAnchor);
    for (const QTextCursor &range : {before, after}) {
        if (range.hasSelection())
            dimmed.append({range, faded});
    }
    setSelectionLayer(SelectionLayer::FocusDimming, dimmed);
}

void EditorView::updateColumnMargins()
{
    int side = 0;
    if (m_focusMode) {
        const qreal column = fontMetrics().horizontalAdvance(QLatin1Char('0')) * qreal(FocusColumnCharacters)
                             + 2 * document()->documentMargin() + verticalScrollBar()->sizeHint().width();
        side = std::max(0, int((width() - column) / 2));
    }
    if (viewportMargins().left() != side)
        setViewportMargins(side, 0, side, 0);
}

void EditorView::setLibrary(Library *library)
{
    m_images->setLibrary(library);
}

bool EditorView::canInsertFromMimeData(const QMimeData *source) const
{
    return m_images->accepts(source) || QPlainTextEdit::canInsertFromMimeData(source);
}

void EditorView::insertFromMimeData(const QMimeData *source)
{
    if (!m_images->accepts(source)) {
        QPlainTextEdit::insertFromMimeData(source);
        return;
    }
    Result<QString> markdown = m_images->store(source);
    if (!markdown) {
        emit imageRefused(markdown.errorMessage());
        return;
    }
    // One insertion: one undo step.
    textCursor().insertText(*markdown);
    ensureCursorVisible();
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
