#include "editor/editor_view.h"

#include "editor/image_inserter.h"

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
    m_images = new ImageInserter(this);
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

} // namespace quire
