#include "spelling/personal_dictionary.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace quire {

QString PersonalDictionary::pathFor(const QString &folder, const QString &language)
{
    return QDir(folder).filePath(QStringLiteral("dictionary-%1.txt").arg(language));
}

PersonalDictionary PersonalDictionary::load(const QString &path)
{
    PersonalDictionary dictionary;
    dictionary.m_path = path;
    QFile file(path);
    // A personal list is small; a huge file here is not one (and is not read into memory).
    if (file.size() > 16 * 1024 * 1024 || !file.open(QIODevice::ReadOnly))
        return dictionary;
    while (!file.atEnd()) {
        const QString word = QString::fromUtf8(file.readLine(4096)).trimmed();
        if (isValidWord(word) && !dictionary.m_set.contains(word)) {
            dictionary.m_words.append(word);
            dictionary.m_set.insert(word);
        }
    }
    return dictionary;
}

bool PersonalDictionary::isValidWord(const QString &text)
{
    if (text.isEmpty() || text.size() > MaxWordLength)
        return false;
    for (QChar c : text) {
        // U+FFFD is what invalid UTF-8 decodes to.
        if (c.isSpace() || c.category() == QChar::Other_Control || c == QChar::ReplacementCharacter
            || c.isNonCharacter())
            return false;
    }
    return true;
}

Result<void> PersonalDictionary::add(const QString &word)
{
    if (!isValidWord(word))
        return Error{tr("“%1” cannot be added to the dictionary.").arg(word.left(MaxWordLength))};
    if (m_set.contains(word))
        return {};
    QStringList words = m_words;
    words.append(word);
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return Error{tr("Could not create the folder for %1.").arg(QDir::toNativeSeparators(m_path))};
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{tr("Could not write the personal dictionary %1: %2")
                         .arg(QDir::toNativeSeparators(m_path), file.errorString())};
    }
    file.write(words.join(QLatin1Char('\n')).toUtf8() + '\n');
    if (!file.commit()) {
        return Error{tr("Could not write the personal dictionary %1: %2")
                         .arg(QDir::toNativeSeparators(m_path), file.errorString())};
    }
    m_words = std::move(words);
    m_set.insert(word);
    return {};
}

} // namespace quire
