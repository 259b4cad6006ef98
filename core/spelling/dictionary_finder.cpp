#include "spelling/dictionary_finder.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMap>

namespace quire {

QStringList DictionaryFinder::systemFolders()
{
    QStringList folders{QStringLiteral("/usr/share/hunspell")};
    QString dataDirs = qEnvironmentVariable("XDG_DATA_DIRS");
    if (dataDirs.isEmpty())
        dataDirs = QStringLiteral("/usr/local/share:/usr/share");
    for (const QString &dir : dataDirs.split(QLatin1Char(':'), Qt::SkipEmptyParts)) {
        const QString folder = QDir::cleanPath(dir + QStringLiteral("/hunspell"));
        if (!folders.contains(folder))
            folders.append(folder);
    }
    return folders;
}

DictionaryFinder::DictionaryFinder(QStringList folders)
    : m_folders(std::move(folders))
{
}

QList<DictionaryFinder::Dictionary> DictionaryFinder::dictionaries() const
{
    QMap<QString, Dictionary> found;
    for (const QString &folder : m_folders) {
        const QDir dir(folder);
        for (const QFileInfo &dic : dir.entryInfoList({QStringLiteral("*.dic")}, QDir::Files | QDir::Readable)) {
            const QString language = dic.completeBaseName();
            const QString aff = dir.filePath(language + QStringLiteral(".aff"));
            // hyph_*.dic are hyphenation patterns, not spelling dictionaries.
            if (found.contains(language) || language.startsWith(QLatin1String("hyph_")) || !QFileInfo(aff).isFile())
                continue;
            found.insert(language, {language, aff, dic.absoluteFilePath()});
        }
    }
    return found.values();
}

QStringList DictionaryFinder::languages() const
{
    QStringList languages;
    for (const Dictionary &dictionary : dictionaries())
        languages.append(dictionary.language);
    return languages;
}

DictionaryFinder::Dictionary DictionaryFinder::find(const QString &language) const
{
    for (const Dictionary &dictionary : dictionaries()) {
        if (dictionary.language == language)
            return dictionary;
    }
    return {};
}

QString DictionaryFinder::defaultLanguage() const
{
    const QStringList installed = languages();
    const QString system = QLocale::system().name();   // "de_DE"
    for (const QString &candidate : {system, system.section(QLatin1Char('_'), 0, 0)}) {
        if (installed.contains(candidate))
            return candidate;
    }
    return QStringLiteral("en_US");
}

QString DictionaryFinder::displayName(const QString &language)
{
    const QLocale locale(language);
    if (locale.language() == QLocale::C)
        return language;
    const QString name = QLocale::languageToString(locale.language());
    if (!language.contains(QLatin1Char('_')))
        return name;
    return QStringLiteral("%1 (%2)").arg(name, QLocale::territoryToString(locale.territory()));
}

} // namespace quire
