#pragma once

#include "site/post_facts.h"

#include <QWidget>

namespace quire {

class Library;
struct Post;

// What the window needs of the live preview. The preview itself (PreviewView) lives in the
// preview module with QtWebEngine, which Quire loads after its window is on screen: linking
// WebEngine into the program would cost every start a quarter of a second before main() and
// QApplication, for a pane the first paint does not need.
class PreviewPane : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;
    ~PreviewPane() override;

    // The library whose theme, settings, images and render cache the preview uses; it must
    // outlive the preview or be released first.
    virtual void setLibrary(Library *library) = 0;
    // Stops using the library (waiting for a render in progress), before it closes.
    virtual void releaseLibrary() = 0;
    // Shows this post; the render happens off the GUI thread.
    virtual void setPost(const Post &post) = 0;
    // Scrolls the preview to the block of this 1-based source line, if it is out of view.
    virtual void revealLine(int line) = 0;

signals:
    // After each render: for the status bar.
    void rendered(int wordCount, int readingMinutes);
    // After each render: the post's headings.
    void outlineRendered(const QList<quire::OutlineEntry> &outline);
    // The author clicked the block of this 1-based source line.
    void lineClicked(int line);
};

} // namespace quire
