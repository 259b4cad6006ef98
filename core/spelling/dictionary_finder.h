#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace quire {

// Finds the Hunspell dictionaries installed on the system (a .aff and a .dic of the same name).
class DictionaryFinder
{
public:
    struct Dictionary
    {
        QString language;   // e.g. "en_US", the files' base name
        QString affPath;
        QString dicPath;
    };

    // /usr/share/hunspell and every $XDG_DATA_DIRS/hunspell, earlier folders first.
    static QStringList systemFolders();

    explicit DictionaryFinder(QStringList folders = systemFolders());

    // Every language with both files, sorted, the first folder winning a duplicate.
    QList<Dictionary> dictionaries() const;
    QStringList languages() const;
    // The dictionary for language; an empty language field when there is none.
    Dictionary find(const QString &language) const;
    // The system locale's dictionary if installed (en_GB, then en), else en_US.
    QString defaultLanguage() const;

    // A language code as a person reads it: "English (United States)".
    static QString displayName(const QString &language);

private:
    QStringList m_folders;
};

} // namespace quire
