#pragma once

#include <QPlainTextEdit>

namespace quire {

class ImageInserter;
class Library;

// The Markdown source of the current post.
class EditorView : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit EditorView(QWidget *parent = nullptr);

    // Replaces the text without it counting as an edit (and with a fresh undo history).
    void loadText(const QString &text);
    // The library that pasted and dropped images go into (nullptr: images paste as text).
    void setLibrary(Library *library);

signals:
    void edited();   // the author changed the text
    // A pasted or dropped image was not added (too big, not an image…), in words for the status bar.
    void imageRefused(const QString &message);

protected:
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;

private:
    bool m_loading = false;
    ImageInserter *m_images = nullptr;
};

} // namespace quire
