#pragma once

#include <QPlainTextEdit>

namespace quire {

// The Markdown source of the current post.
class EditorView : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit EditorView(QWidget *parent = nullptr);

    // Replaces the text without it counting as an edit (and with a fresh undo history).
    void loadText(const QString &text);

signals:
    void edited();   // the author changed the text

private:
    bool m_loading = false;
};

} // namespace quire
