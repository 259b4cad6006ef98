#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace quire {

// One stretch of a diff: text both sides share, or text only the old (Removed) or only the new
// side (Inserted) holds.
struct DiffSegment
{
    enum class Kind { Equal, Removed, Inserted };

    Kind kind = Kind::Equal;
    QString text;

    bool operator==(const DiffSegment &) const = default;
};

// What changed between two versions of a post, word by word: a changed word shows as one removed
// and one inserted word, never as characters. Lines are compared first and words only inside the
// runs of lines that differ, so two long posts with a few edits compare in milliseconds.
class WordDiff
{
public:
    static WordDiff compare(const QString &before, const QString &after);

    // In text order; adjacent segments of one kind are merged. Concatenating the Equal and Removed
    // segments gives the old text, the Equal and Inserted ones the new text.
    const QList<DiffSegment> &segments() const { return m_segments; }
    bool isEqual() const;
    int wordsAdded() const { return m_wordsAdded; }
    int wordsRemoved() const { return m_wordsRemoved; }
    // "3 words added, 1 removed"; "No changes" when the texts are the same.
    QString summary() const;

    // Runs of letters and digits (with their combining marks), runs of whitespace, and every
    // other character (punctuation, emoji, a CJK ideograph) on its own; never splits a
    // character made of several code points.
    static QStringList tokenize(const QString &text);

private:
    void append(DiffSegment::Kind kind, const QString &text);
    void compareWords(const QString &before, const QString &after);

    QList<DiffSegment> m_segments;
    int m_wordsAdded = 0;
    int m_wordsRemoved = 0;
};

} // namespace quire
