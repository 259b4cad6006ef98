#pragma once

#include "diff/word_diff.h"

#include <QColor>
#include <QPalette>
#include <QString>

namespace quire {

// A WordDiff as rich text for a QTextBrowser: removed words struck through on a red tint,
// inserted words on a green tint, both mixed into the palette's base colour so that they read
// well in light and dark themes.
class DiffHtml
{
public:
    enum class View { Inline, OldSide, NewSide };

    explicit DiffHtml(const QPalette &palette);

    // The whole text, white space kept; OldSide leaves out the inserted words, NewSide the removed.
    QString document(const QList<DiffSegment> &segments, View view) const;
    // One line (a title): no block, no line breaks.
    QString fragment(const QList<DiffSegment> &segments, View view = View::Inline) const;

    QColor removedBackground() const { return m_removed; }
    QColor insertedBackground() const { return m_inserted; }

private:
    QString span(const DiffSegment &segment) const;

    QColor m_removed;
    QColor m_inserted;
};

} // namespace quire
