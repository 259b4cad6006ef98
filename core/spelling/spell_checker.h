#pragma once

#include "result.h"
#include "spelling/dictionary_codec.h"
#include "spelling/dictionary_finder.h"
#include "spelling/personal_dictionary.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

class Hunspell;

namespace quire {

// One language's spell checker: a Hunspell dictionary, the writer's personal words for that
// language, and the words ignored for this session. Answers are cached per word, so checking a
// long post again after an edit costs little.
class SpellChecker
{
    Q_DECLARE_TR_FUNCTIONS(SpellChecker)

public:
    // Opens the dictionary for language (found by finder); personal words live in
    // personalFolder/dictionary-<language>.txt ($XDG_DATA_HOME/Quire when empty).
    static Result<std::unique_ptr<SpellChecker>> open(const QString &language,
                                                      const DictionaryFinder &finder = DictionaryFinder(),
                                                      const QString &personalFolder = {});
    ~SpellChecker();

    QString language() const { return m_language; }

    bool isCorrect(const QString &word);
    // Up to max replacements, best first.
    QStringList suggestions(const QString &word, int max = 7);

    // Remembers word for this language, in the personal dictionary file.
    Result<void> addToPersonalDictionary(const QString &word);
    // Accepts word until Quire quits.
    void ignore(const QString &word);

    QString personalDictionaryPath() const { return m_personal.path(); }

private:
    SpellChecker(QString language, std::unique_ptr<Hunspell> hunspell, DictionaryCodec codec, PersonalDictionary personal);
    static Result<void> checkFiles(const DictionaryFinder::Dictionary &dictionary);
    bool lookUp(const QString &word) const;

    QString m_language;
    std::unique_ptr<Hunspell> m_hunspell;
    DictionaryCodec m_codec;
    PersonalDictionary m_personal;
    QSet<QString> m_ignored;
    QHash<QString, bool> m_cache;
};

} // namespace quire
