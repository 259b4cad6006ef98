#include "spelling/dictionary_finder.h"
#include "spelling/personal_dictionary.h"
#include "spelling/prose_tokenizer.h"
#include "spelling/spell_checker.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace quire;

class TestSpelling : public QObject
{
    Q_OBJECT

private:
    // The system's en_US checker, with personal words in m_personal; skips the test without one.
    std::unique_ptr<SpellChecker> openEnglish(const QString &personalFolder = {});
    QTemporaryDir m_personal;

    static void writeFile(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }

private slots:
    void tokenizerFindsProseWords_data();
    void tokenizerFindsProseWords();
    void tokenizerCarriesBlocksAcrossLines();
    void correctAndIncorrectWords();
    void suggestionsContainTheRightWord();
    void personalDictionaryPersists();
    void personalDictionarySurvivesGarbage();
    void personalDictionaryBesideTheLibrary();
    void nonAsciiWords();
    void dictionaryInItsOwnEncoding();
    void missingDictionaryIsAClearError();
    void damagedDictionaryIsAClearError();
    void listsInstalledLanguages();
};

std::unique_ptr<SpellChecker> TestSpelling::openEnglish(const QString &personalFolder)
{
    if (DictionaryFinder().find(QStringLiteral("en_US")).language.isEmpty())
        return nullptr;
    auto checker = SpellChecker::open(QStringLiteral("en_US"), DictionaryFinder(),
                                      personalFolder.isEmpty() ? m_personal.path() : personalFolder);
    if (!checker)
        qWarning() << checker.errorMessage();
    return checker ? std::move(*checker) : nullptr;
}

#define OPEN_ENGLISH(name, folder)                                                                   \
    auto name = openEnglish(folder);                                                                 \
    if (!name)                                                                                       \
        QSKIP("no en_US Hunspell dictionary in /usr/share/hunspell (install hunspell-en-us)");

void TestSpelling::tokenizerFindsProseWords_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("prose") << "The quick, brown fox." << QStringList{"The", "quick", "brown", "fox"};
    QTest::newRow("apostrophes") << "don't and it’s and 'quoted'" << QStringList{"don't", "and", "it’s", "and", "quoted"};
    QTest::newRow("hyphenated") << "a well-known fact -- really" << QStringList{"a", "well-known", "fact", "really"};
    QTest::newRow("code span") << "call `fooo barr` now" << QStringList{"call", "now"};
    QTest::newRow("double backticks") << "see ``a ` b`` here" << QStringList{"see", "here"};
    QTest::newRow("inline math") << "where $\\alpha x$ holds" << QStringList{"where", "holds"};
    QTest::newRow("display math") << "then $$\\frac{a}{b}$$ ends" << QStringList{"then", "ends"};
    QTest::newRow("url") << "visit https://exampel.org/pathh today" << QStringList{"visit", "today"};
    QTest::newRow("www") << "or www.exampel.com" << QStringList{"or"};
    QTest::newRow("autolink") << "<https://exampel.org> mail <a@b.org>" << QStringList{"mail"};
    QTest::newRow("link target") << "[the text](https://x.org/wrongg \"tittle\") after" << QStringList{"the", "text", "after"};
    QTest::newRow("image") << "![a cat](images/catt.png)" << QStringList{"a", "cat"};
    QTest::newRow("reference definition") << "[ref]: https://x.org/wrongg" << QStringList{};
    QTest::newRow("footnote definition") << "[^note]: Knuth wrote" << QStringList{"Knuth", "wrote"};
    QTest::newRow("footnote") << "a claim[^notee] here" << QStringList{"a", "claim", "here"};
    QTest::newRow("html tag") << "<span class=\"wrongg\">inside</span>" << QStringList{"inside"};
    QTest::newRow("html comment") << "a <!-- hiddn --> b" << QStringList{"a", "b"};
    QTest::newRow("entity") << "fish &amp; chips" << QStringList{"fish", "chips"};
    QTest::newRow("digits") << "the x86 and 3D and v2 builds" << QStringList{"the", "and", "and", "builds"};
    QTest::newRow("acronyms") << "the GPU and APIs and HTML" << QStringList{"the", "and", "and"};
    QTest::newRow("identifiers") << "use snake_case or camelCase or std::vector or main.cpp" << QStringList{"use", "or", "or", "or"};
    QTest::newRow("emphasis") << "*very* **much** _so_ ~~gone~~" << QStringList{"very", "much", "so", "gone"};
    QTest::newRow("heading and list") << "## 1. Title" << QStringList{"Title"};
    QTest::newRow("non-ASCII") << "naïve café Größe" << QStringList{"naïve", "café", "Größe"};
    QTest::newRow("fence opening") << "```pythn" << QStringList{};
    QTest::newRow("unclosed backtick") << "a ` b" << QStringList{"a", "b"};
    QTest::newRow("dollars") << "costs $ 5 and $" << QStringList{"costs", "and"};
}

void TestSpelling::tokenizerFindsProseWords()
{
    QFETCH(QString, line);
    QFETCH(QStringList, words);
    QCOMPARE(ProseTokenizer::words(line), words);
}

void TestSpelling::tokenizerCarriesBlocksAcrossLines()
{
    const QString markdown = QStringLiteral(
        "Before\n"
        "```cpp\n"
        "int wrongg = 0;\n"
        "```\n"
        "middle\n"
        "~~~~\n"
        "~~~\n"
        "still codee\n"
        "~~~~\n"
        "$$\n"
        "\\sum_i x_i \\textt\n"
        "$$ after\n"
        "<!-- a\n"
        "commentt -->\n"
        "last\r\n");
    QCOMPARE(ProseTokenizer::words(markdown), (QStringList{"Before", "middle", "after", "last"}));

    // The state survives a round trip through QTextBlock::userState's int.
    const auto fence = ProseTokenizer::scanLine(u"````", {});
    QCOMPARE(ProseTokenizer::LineState::fromInt(fence.next.toInt()), fence.next);
    QCOMPARE(ProseTokenizer::LineState::fromInt(-1), ProseTokenizer::LineState{});
    QCOMPARE(ProseTokenizer::LineState::fromInt(15).context, ProseTokenizer::Context::Prose);   // junk stays prose
}

void TestSpelling::correctAndIncorrectWords()
{
    OPEN_ENGLISH(checker, {});
    for (const char *word : {"hello", "writer", "don't", "it’s", "well-known", "The"})
        QVERIFY2(checker->isCorrect(QString::fromUtf8(word)), word);
    for (const char *word : {"speling", "recieve", "teh", "wrongg"})
        QVERIFY2(!checker->isCorrect(QString::fromUtf8(word)), word);
    // Cached answers stay the same.
    QVERIFY(!checker->isCorrect(QStringLiteral("recieve")));
    QVERIFY(checker->isCorrect(QStringLiteral("hello")));
}

void TestSpelling::suggestionsContainTheRightWord()
{
    OPEN_ENGLISH(checker, {});
    const QStringList suggestions = checker->suggestions(QStringLiteral("recieve"));
    QVERIFY2(suggestions.contains(QStringLiteral("receive")), qPrintable(suggestions.join(u',')));
    QVERIFY(suggestions.size() <= 7);
    QVERIFY(checker->suggestions(QStringLiteral("teh")).contains(QStringLiteral("the")));
    QVERIFY(checker->suggestions(QString(5000, QLatin1Char('x'))).isEmpty());   // no pathological input
}

void TestSpelling::personalDictionaryPersists()
{
    QTemporaryDir folder;
    {
        OPEN_ENGLISH(checker, folder.path());
        QVERIFY(!checker->isCorrect(QStringLiteral("Quirely")));
        QVERIFY(checker->addToPersonalDictionary(QStringLiteral("Quirely")).ok());
        QVERIFY(checker->isCorrect(QStringLiteral("Quirely")));
        QCOMPARE(checker->personalDictionaryPath(), folder.filePath(QStringLiteral("dictionary-en_US.txt")));
        checker->ignore(QStringLiteral("Sessionword"));
        QVERIFY(checker->isCorrect(QStringLiteral("Sessionword")));
        QVERIFY(!checker->addToPersonalDictionary(QStringLiteral("two words")).ok());
    }
    OPEN_ENGLISH(again, folder.path());
    QVERIFY(again->isCorrect(QStringLiteral("Quirely")));
    QVERIFY(!again->isCorrect(QStringLiteral("Sessionword")));   // ignoring lasts one session only
    QVERIFY(again->suggestions(QStringLiteral("Quirelly")).contains(QStringLiteral("Quirely")));
}

void TestSpelling::personalDictionarySurvivesGarbage()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("dictionary-en_US.txt"));
    QByteArray garbage("Kept\n\x00\x01\xff\xfe binary\n");
    garbage += QByteArray(300, 'y') + "\n\xc3\x28\nAlsokept\r\n";
    writeFile(path, garbage);
    OPEN_ENGLISH(checker, folder.path());
    QVERIFY(checker->isCorrect(QStringLiteral("Kept")));
    QVERIFY(checker->isCorrect(QStringLiteral("Alsokept")));
    QVERIFY(checker->addToPersonalDictionary(QStringLiteral("Newword")).ok());
    const PersonalDictionary reread = PersonalDictionary::load(path);
    QCOMPARE(reread.words(), (QStringList{"Kept", "Alsokept", "Newword"}));

    // A folder where the file should be: the checker still works, adding says why it cannot.
    QTemporaryDir blocked;
    QVERIFY(QDir(blocked.path()).mkdir(QStringLiteral("dictionary-en_US.txt")));
    OPEN_ENGLISH(stillWorks, blocked.path());
    QVERIFY(stillWorks->isCorrect(QStringLiteral("hello")));
    const auto added = stillWorks->addToPersonalDictionary(QStringLiteral("Anotherword"));
    QVERIFY(!added.ok());
    QVERIFY2(added.errorMessage().contains(QStringLiteral("dictionary-en_US.txt")), qPrintable(added.errorMessage()));
}

void TestSpelling::personalDictionaryBesideTheLibrary()
{
    QTemporaryDir home;
    const QByteArray saved = qgetenv("XDG_DATA_HOME");
    qputenv("XDG_DATA_HOME", home.path().toUtf8());
    auto opened = SpellChecker::open(QStringLiteral("en_US"));   // the default personal folder
    qputenv("XDG_DATA_HOME", saved);
    if (!opened)
        QSKIP("no en_US Hunspell dictionary in /usr/share/hunspell (install hunspell-en-us)");
    auto &checker = *opened;
    QCOMPARE(checker->personalDictionaryPath(), home.filePath(QStringLiteral("Quire/dictionary-en_US.txt")));
    QVERIFY(checker->addToPersonalDictionary(QStringLiteral("Quirely")).ok());   // creates the folder
    QVERIFY(QFile::exists(home.filePath(QStringLiteral("Quire/dictionary-en_US.txt"))));
}

void TestSpelling::nonAsciiWords()
{
    // en_US spells "cafe" and "naive" without accents, and suggests them.
    QTemporaryDir folder;
    {
        OPEN_ENGLISH(checker, folder.path());
        QVERIFY(!checker->isCorrect(QStringLiteral("café")));
        QVERIFY(checker->suggestions(QStringLiteral("café")).contains(QStringLiteral("cafe")));
        QVERIFY(!checker->isCorrect(QStringLiteral("Ångström")));
        QVERIFY(checker->addToPersonalDictionary(QStringLiteral("Ångström")).ok());
        QVERIFY(checker->addToPersonalDictionary(QStringLiteral("naïve")).ok());
        QVERIFY(checker->isCorrect(QStringLiteral("Ångström")));
    }
    OPEN_ENGLISH(again, folder.path());
    QVERIFY(again->isCorrect(QStringLiteral("Ångström")));
    QVERIFY(again->isCorrect(QStringLiteral("naïve")));
    QVERIFY(!again->isCorrect(QStringLiteral("naïvx")));
}

void TestSpelling::dictionaryInItsOwnEncoding()
{
    // A tiny ISO 8859-1 dictionary: words go in and suggestions come out converted.
    QTemporaryDir folder;
    writeFile(folder.filePath(QStringLiteral("xx_LATIN.aff")), "SET ISO8859-1\nTRY esianrtolcdugmphbyfvkw\n");
    writeFile(folder.filePath(QStringLiteral("xx_LATIN.dic")), QByteArray("2\ngr\xf6\xdf" "e\nStra\xdf" "e\n"));
    auto checker = SpellChecker::open(QStringLiteral("xx_LATIN"), DictionaryFinder({folder.path()}), folder.path());
    QVERIFY2(checker.ok(), checker.ok() ? "" : qPrintable(checker.errorMessage()));
    QVERIFY((*checker)->isCorrect(QStringLiteral("größe")));
    QVERIFY((*checker)->isCorrect(QStringLiteral("Straße")));
    QVERIFY(!(*checker)->isCorrect(QStringLiteral("gröse")));
    QVERIFY(!(*checker)->isCorrect(QStringLiteral("日本")));   // not writable in Latin-1: wrong, not a crash
    QVERIFY((*checker)->suggestions(QStringLiteral("gröse")).contains(QStringLiteral("größe")));
}

void TestSpelling::missingDictionaryIsAClearError()
{
    QTemporaryDir empty;
    auto checker = SpellChecker::open(QStringLiteral("xx_XX"), DictionaryFinder({empty.path()}), empty.path());
    QVERIFY(!checker.ok());
    QVERIFY2(checker.errorMessage().contains(QStringLiteral("xx_XX")), qPrintable(checker.errorMessage()));
    QVERIFY(checker.errorMessage().contains(QStringLiteral("off")));
}

void TestSpelling::damagedDictionaryIsAClearError()
{
    QTemporaryDir folder;
    writeFile(folder.filePath(QStringLiteral("xx_BAD.aff")), "SET UTF-8\n");
    writeFile(folder.filePath(QStringLiteral("xx_BAD.dic")), QByteArray("\x7f" "ELF\x02\x01\x01\x00garbage", 16));
    auto checker = SpellChecker::open(QStringLiteral("xx_BAD"), DictionaryFinder({folder.path()}), folder.path());
    QVERIFY(!checker.ok());
    QVERIFY2(checker.errorMessage().contains(QStringLiteral("damaged")), qPrintable(checker.errorMessage()));

    writeFile(folder.filePath(QStringLiteral("xx_ENC.aff")), "SET NO-SUCH-ENCODING\n");
    writeFile(folder.filePath(QStringLiteral("xx_ENC.dic")), "1\nword\n");
    auto encoding = SpellChecker::open(QStringLiteral("xx_ENC"), DictionaryFinder({folder.path()}), folder.path());
    QVERIFY(!encoding.ok());
    QVERIFY2(encoding.errorMessage().contains(QStringLiteral("NO-SUCH-ENCODING")), qPrintable(encoding.errorMessage()));
}

void TestSpelling::listsInstalledLanguages()
{
    QTemporaryDir first;
    QTemporaryDir second;
    writeFile(first.filePath(QStringLiteral("de_DE.aff")), "SET UTF-8\n");
    writeFile(first.filePath(QStringLiteral("de_DE.dic")), "1\nWort\n");
    writeFile(second.filePath(QStringLiteral("fr_FR.aff")), "SET UTF-8\n");
    writeFile(second.filePath(QStringLiteral("fr_FR.dic")), "1\nmot\n");
    writeFile(second.filePath(QStringLiteral("hyph_fr_FR.dic")), "UTF-8\n");
    writeFile(second.filePath(QStringLiteral("only_dic.dic")), "1\nx\n");   // no .aff: not listed
    const DictionaryFinder finder({first.path(), second.path(), QStringLiteral("/no/such/folder")});
    QCOMPARE(finder.languages(), (QStringList{"de_DE", "fr_FR"}));
    QCOMPARE(DictionaryFinder::displayName(QStringLiteral("de_DE")), QStringLiteral("German (Germany)"));
    QVERIFY(DictionaryFinder::systemFolders().contains(QStringLiteral("/usr/share/hunspell")));
    QVERIFY(!finder.defaultLanguage().isEmpty());
}

QTEST_GUILESS_MAIN(TestSpelling)
#include "tst_spelling.moc"
