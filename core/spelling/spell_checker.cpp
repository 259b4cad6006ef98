#include "spelling/spell_checker.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <hunspell.hxx>

namespace quire {

namespace {

// Enough for every distinct word of a long post; dropped whole when full rather than tracked.
constexpr int MaxCachedWords = 200000;

QString withPlainApostrophes(QString word)
{
    return word.replace(QChar(0x2019), QLatin1Char('\''));
}

} // namespace

Result<std::unique_ptr<SpellChecker>> SpellChecker::open(const QString &language, const DictionaryFinder &finder,
                                                         const QString &personalFolder)
{
    const DictionaryFinder::Dictionary dictionary = finder.find(language);
    if (dictionary.language.isEmpty()) {
        return Error{tr("No spelling dictionary for %1 is installed (Hunspell dictionaries such as "
                        "the hunspell-en-us package). Spell check is off.")
                         .arg(language)};
    }
    if (auto checked = checkFiles(dictionary); !checked)
        return checked.error();
    DictionaryCodec codec(DictionaryCodec::encodingOf(dictionary.affPath));
    if (!codec.isUsable()) {
        return Error{tr("The %1 dictionary uses an encoding this system cannot read (%2). Spell check is off.")
                         .arg(language, QString::fromLatin1(codec.encoding()))};
    }
    auto hunspell = std::make_unique<Hunspell>(QFile::encodeName(dictionary.affPath).constData(),
                                               QFile::encodeName(dictionary.dicPath).constData());
    // Quire's data folder beside the default library ($XDG_DATA_HOME/Quire), the same whatever
    // application and organization names are set (as Library::defaultPath does).
    const QString folder = personalFolder.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QLatin1String("/Quire")
        : personalFolder;
    PersonalDictionary personal = PersonalDictionary::load(PersonalDictionary::pathFor(folder, language));
    return std::unique_ptr<SpellChecker>(
        new SpellChecker(language, std::move(hunspell), std::move(codec), std::move(personal)));
}

SpellChecker::SpellChecker(QString language, std::unique_ptr<Hunspell> hunspell, DictionaryCodec codec,
                           PersonalDictionary personal)
    : m_language(std::move(language))
    , m_hunspell(std::move(hunspell))
    , m_codec(std::move(codec))
    , m_personal(std::move(personal))
{
    for (const QString &word : m_personal.words())
        m_hunspell->add(m_codec.encode(word));
}

SpellChecker::~SpellChecker() = default;

// Hunspell reports no error for unreadable or damaged files (it prints to stderr and accepts
// nothing), so check the outline of both files first.
Result<void> SpellChecker::checkFiles(const DictionaryFinder::Dictionary &dictionary)
{
    QFile aff(dictionary.affPath);
    QFile dic(dictionary.dicPath);
    if (!aff.open(QIODevice::ReadOnly) || !dic.open(QIODevice::ReadOnly)) {
        return Error{tr("The %1 dictionary cannot be read (%2). Spell check is off.")
                         .arg(dictionary.language, aff.isOpen() ? dic.errorString() : aff.errorString())};
    }
    // A .dic starts with its approximate word count; anything else is not a Hunspell dictionary.
    bool isCount = false;
    const QByteArray first = dic.readLine(256).trimmed();
    const qlonglong count = first.split(' ').value(0).split('/').value(0).toLongLong(&isCount);
    if (!isCount || count < 0 || aff.size() == 0 || dic.atEnd()) {
        return Error{tr("The %1 dictionary (%2) is damaged. Spell check is off.")
                         .arg(dictionary.language, QDir::toNativeSeparators(dictionary.dicPath))};
    }
    return {};
}

bool SpellChecker::isCorrect(const QString &word)
{
    if (word.isEmpty())
        return true;
    if (const auto cached = m_cache.constFind(word); cached != m_cache.constEnd())
        return *cached;
    const bool correct = m_ignored.contains(word) || m_personal.contains(word) || lookUp(word);
    if (m_cache.size() >= MaxCachedWords)
        m_cache.clear();
    m_cache.insert(word, correct);
    return correct;
}

bool SpellChecker::lookUp(const QString &word) const
{
    if (word.size() > PersonalDictionary::MaxWordLength)
        return false;
    const std::string encoded = m_codec.encode(word);
    if (!encoded.empty() && m_hunspell->spell(encoded))
        return true;
    // Dictionaries know "don't" with a typewriter apostrophe; writers type both.
    const QString plain = withPlainApostrophes(word);
    return plain != word && m_hunspell->spell(m_codec.encode(plain));
}

QStringList SpellChecker::suggestions(const QString &word, int max)
{
    QStringList result;
    const std::string encoded = m_codec.encode(withPlainApostrophes(word));
    if (encoded.empty() || word.size() > PersonalDictionary::MaxWordLength)
        return result;
    for (const std::string &suggestion : m_hunspell->suggest(encoded)) {
        const QString decoded = m_codec.decode(suggestion);
        if (!decoded.isEmpty() && !result.contains(decoded))
            result.append(decoded);
        if (result.size() >= max)
            break;
    }
    return result;
}

Result<void> SpellChecker::addToPersonalDictionary(const QString &word)
{
    if (auto added = m_personal.add(word); !added)
        return added;
    m_hunspell->add(m_codec.encode(word));
    m_cache.remove(word);
    return {};
}

void SpellChecker::ignore(const QString &word)
{
    m_ignored.insert(word);
    m_cache.remove(word);
}

} // namespace quire
