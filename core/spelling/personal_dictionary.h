#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QSet>
#include <QString>
#include <QStringList>

namespace quire {

// The words a writer added for one language: a UTF-8 text file, one word per line, rewritten
// whole (QSaveFile) on every addition so a crash never leaves half a file.
class PersonalDictionary
{
    Q_DECLARE_TR_FUNCTIONS(PersonalDictionary)

public:
    // Longest line accepted as a word; anything longer in the file is not one.
    static constexpr int MaxWordLength = 100;

    // The file for language in folder: dictionary-<language>.txt.
    static QString pathFor(const QString &folder, const QString &language);

    // Reads the file at path; a missing file is an empty dictionary, and lines that are not words
    // (binary garbage, control characters, overlong) are skipped rather than failing.
    static PersonalDictionary load(const QString &path);

    QString path() const { return m_path; }
    QStringList words() const { return m_words; }
    bool contains(const QString &word) const { return m_set.contains(word); }

    // Adds word and rewrites the file.
    Result<void> add(const QString &word);

    // Whether text could be a dictionary entry: one line, no control characters, not too long.
    static bool isValidWord(const QString &text);

private:
    QString m_path;
    QStringList m_words;
    QSet<QString> m_set;
};

} // namespace quire
