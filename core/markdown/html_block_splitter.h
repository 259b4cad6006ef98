#pragma once

#include <QList>
#include <QStringView>

namespace quire {

// Splits an HTML fragment into its top-level pieces: each element at depth 0 with what it holds,
// plus the whitespace after it. The preview sends only the pieces that changed, so a piece must
// parse on its own as it does in the whole: markup that never closes (an author's raw "<div>")
// keeps everything after it in one piece.
class HtmlBlockSplitter
{
public:
    // Views into html; joined, they are html again.
    static QList<QStringView> split(QStringView html);
};

} // namespace quire
