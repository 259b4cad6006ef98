// The word diff behind the revisions dialog: what an author sees as removed and inserted.

#include "diff/word_diff.h"

#include <QElapsedTimer>
#include <QTest>

using namespace quire;

// Summaries are compared in their source text: translations/quire_en.ts gives the app "1 word",
// "3 words".

namespace {

using Kind = DiffSegment::Kind;

DiffSegment equal(const QString &text) { return {Kind::Equal, text}; }
DiffSegment removed(const QString &text) { return {Kind::Removed, text}; }
DiffSegment inserted(const QString &text) { return {Kind::Inserted, text}; }

// What each side of the diff reads as: the diff must never lose or invent text.
QString side(const WordDiff &diff, Kind dropped)
{
    QString text;
    for (const DiffSegment &segment : diff.segments()) {
        if (segment.kind != dropped)
            text += segment.text;
    }
    return text;
}

void expectBothSides(const WordDiff &diff, const QString &before, const QString &after)
{
    QCOMPARE(side(diff, Kind::Inserted), before);
    QCOMPARE(side(diff, Kind::Removed), after);
}

// Paragraphs of prose over many lines, different from word to word, like a long post.
QString longText(int words)
{
    static const QStringList vocabulary = QStringLiteral(
            "model gradient tensor kernel float precision overflow rounding error tolerance "
            "regression baseline checkpoint seed batch layer activation softmax logits loss "
            "the a of to and in is that for on with as it this we was by not are be which")
                                                  .split(QLatin1Char(' '));
    QString text;
    quint32 state = 12345;
    for (int i = 0; i < words; ++i) {
        state = state * 1103515245u + 12345u;
        text += vocabulary.at((state >> 16) % vocabulary.size());
        text += (i % 150 == 149) ? QStringLiteral(".\n\n") : (i % 12 == 11) ? QStringLiteral("\n") : QStringLiteral(" ");
    }
    return text;
}

} // namespace

class TestDiff : public QObject
{
    Q_OBJECT

private slots:
    void equalTexts();
    void oneWordChanged();
    void insertionAtStart();
    void insertionAtEnd();
    void paragraphDeleted();
    void whitespaceOnlyChange();
    void emptyAgainstText();
    void tokenizeKeepsCharactersWhole();
    void unicodeChanges();
    void longTextWithThreeEdits();
};

void TestDiff::equalTexts()
{
    const QString text = QStringLiteral("# Title\n\nSome *prose* with `code`.\n");
    const WordDiff diff = WordDiff::compare(text, text);
    QVERIFY(diff.isEqual());
    QCOMPARE(diff.segments(), QList<DiffSegment>{equal(text)});
    QCOMPARE(diff.summary(), QStringLiteral("No changes"));
    QVERIFY(WordDiff::compare(QString(), QString()).segments().isEmpty());
}

void TestDiff::oneWordChanged()
{
    const QString before = QStringLiteral("The quick brown fox jumps.\nSecond line stays.\n");
    const QString after = QStringLiteral("The quick red fox jumps.\nSecond line stays.\n");
    const WordDiff diff = WordDiff::compare(before, after);
    const QList<DiffSegment> expected{equal(QStringLiteral("The quick ")), removed(QStringLiteral("brown")),
                                      inserted(QStringLiteral("red")),
                                      equal(QStringLiteral(" fox jumps.\nSecond line stays.\n"))};
    QCOMPARE(diff.segments(), expected);
    QCOMPARE(diff.wordsAdded(), 1);
    QCOMPARE(diff.wordsRemoved(), 1);
    QCOMPARE(diff.summary(), QStringLiteral("1 word(s) added, 1 removed"));

    // A longer word is still one word, not a few characters.
    const WordDiff longer = WordDiff::compare(QStringLiteral("a colour b"), QStringLiteral("a colours b"));
    QCOMPARE(longer.segments(), (QList<DiffSegment>{equal(QStringLiteral("a ")), removed(QStringLiteral("colour")),
                                                    inserted(QStringLiteral("colours")), equal(QStringLiteral(" b"))}));
}

void TestDiff::insertionAtStart()
{
    const QString before = QStringLiteral("world is round\nsecond\n");
    const QString after = QStringLiteral("Hello, world is round\nsecond\n");
    const WordDiff diff = WordDiff::compare(before, after);
    QCOMPARE(diff.segments(), (QList<DiffSegment>{inserted(QStringLiteral("Hello, ")),
                                                  equal(QStringLiteral("world is round\nsecond\n"))}));
    QCOMPARE(diff.summary(), QStringLiteral("1 word(s) added"));
}

void TestDiff::insertionAtEnd()
{
    const QString before = QStringLiteral("first\nlast line");
    const QString after = QStringLiteral("first\nlast line and more words");
    const WordDiff diff = WordDiff::compare(before, after);
    QCOMPARE(diff.segments(), (QList<DiffSegment>{equal(QStringLiteral("first\nlast line")),
                                                  inserted(QStringLiteral(" and more words"))}));
    QCOMPARE(diff.wordsAdded(), 3);
    QCOMPARE(diff.wordsRemoved(), 0);
    QCOMPARE(diff.summary(), QStringLiteral("3 word(s) added"));

    const WordDiff lines = WordDiff::compare(QStringLiteral("a\n"), QStringLiteral("a\nb\nc\n"));
    QCOMPARE(lines.segments(), (QList<DiffSegment>{equal(QStringLiteral("a\n")), inserted(QStringLiteral("b\nc\n"))}));
}

void TestDiff::paragraphDeleted()
{
    const QString first = QStringLiteral("# Intro\n\nKeep this paragraph.\n\n");
    const QString gone = QStringLiteral("Drop this whole paragraph,\nover two lines.\n\n");
    const QString last = QStringLiteral("Keep the end too.\n");
    const WordDiff diff = WordDiff::compare(first + gone + last, first + last);
    QCOMPARE(diff.segments(), (QList<DiffSegment>{equal(first), removed(gone), equal(last)}));
    QCOMPARE(diff.wordsRemoved(), 7);
    QCOMPARE(diff.summary(), QStringLiteral("7 word(s) removed"));
}

void TestDiff::whitespaceOnlyChange()
{
    const QString before = QStringLiteral("one two  three\n");
    const QString after = QStringLiteral("one two three\n");
    const WordDiff diff = WordDiff::compare(before, after);
    QCOMPARE(diff.segments(), (QList<DiffSegment>{equal(QStringLiteral("one two")), removed(QStringLiteral("  ")),
                                                  inserted(QStringLiteral(" ")), equal(QStringLiteral("three\n"))}));
    QVERIFY(!diff.isEqual());
    QCOMPARE(diff.summary(), QStringLiteral("Only spacing and punctuation changed"));

    // A line break added at the end is a change too.
    const WordDiff newline = WordDiff::compare(QStringLiteral("end"), QStringLiteral("end\n"));
    expectBothSides(newline, QStringLiteral("end"), QStringLiteral("end\n"));
    QVERIFY(!newline.isEqual());
}

void TestDiff::emptyAgainstText()
{
    const QString text = QStringLiteral("Two words\nand more\n");
    const WordDiff added = WordDiff::compare(QString(), text);
    QCOMPARE(added.segments(), QList<DiffSegment>{inserted(text)});
    QCOMPARE(added.wordsAdded(), 4);
    const WordDiff cleared = WordDiff::compare(text, QString());
    QCOMPARE(cleared.segments(), QList<DiffSegment>{removed(text)});
    QCOMPARE(cleared.summary(), QStringLiteral("4 word(s) removed"));
}

void TestDiff::tokenizeKeepsCharactersWhole()
{
    QCOMPARE(WordDiff::tokenize(QStringLiteral("Hi, you_2!\n\n")),
             (QStringList{QStringLiteral("Hi"), QStringLiteral(","), QStringLiteral(" "), QStringLiteral("you_2"),
                          QStringLiteral("!"), QStringLiteral("\n\n")}));
    // e + combining acute accent stays in its word; a family emoji (with zero-width joiners) and
    // a flag are one token each; every CJK ideograph is a word of its own.
    const QString combining = QStringLiteral("cafe\u0301 ok");
    QCOMPARE(WordDiff::tokenize(combining),
             (QStringList{QStringLiteral("cafe\u0301"), QStringLiteral(" "), QStringLiteral("ok")}));
    const QString family = QStringLiteral("\U0001F468\u200D\U0001F469\u200D\U0001F467");
    const QString flag = QStringLiteral("\U0001F1EB\U0001F1F7");
    QCOMPARE(WordDiff::tokenize(family + flag + QStringLiteral("x")), (QStringList{family, flag, QStringLiteral("x")}));
    QCOMPARE(WordDiff::tokenize(QStringLiteral("漢字かな")),
             (QStringList{QStringLiteral("漢"), QStringLiteral("字"), QStringLiteral("か"), QStringLiteral("な")}));
    // A lone surrogate (damaged text) is kept, not dropped.
    const QString broken = QStringLiteral("a") + QChar(0xD800) + QStringLiteral("b");
    QCOMPARE(WordDiff::tokenize(broken).join(QString()), broken);
}

void TestDiff::unicodeChanges()
{
    // One ideograph changed in a sentence without spaces.
    const WordDiff cjk = WordDiff::compare(QStringLiteral("我喜欢猫。"), QStringLiteral("我喜欢狗。"));
    QCOMPARE(cjk.segments(), (QList<DiffSegment>{equal(QStringLiteral("我喜欢")), removed(QStringLiteral("猫")),
                                                 inserted(QStringLiteral("狗")), equal(QStringLiteral("。"))}));
    // An accent added by a combining mark: the whole word changes, the mark is never alone.
    const WordDiff accent = WordDiff::compare(QStringLiteral("a cafe b"), QStringLiteral("a cafe\u0301 b"));
    QCOMPARE(accent.segments(), (QList<DiffSegment>{equal(QStringLiteral("a ")), removed(QStringLiteral("cafe")),
                                                    inserted(QStringLiteral("cafe\u0301")), equal(QStringLiteral(" b"))}));
    // One emoji for another that shares its first surrogate: never half an emoji.
    const QString smile = QStringLiteral("\U0001F600");
    const QString cry = QStringLiteral("\U0001F622");
    const WordDiff emoji = WordDiff::compare(QStringLiteral("ok ") + smile, QStringLiteral("ok ") + cry);
    QCOMPARE(emoji.segments(), (QList<DiffSegment>{equal(QStringLiteral("ok ")), removed(smile), inserted(cry)}));
}

void TestDiff::longTextWithThreeEdits()
{
    const QString before = longText(10000);
    QString after = before;
    // A word replaced near the start, a sentence inserted in the middle, a word deleted near the end.
    const qsizetype first = after.indexOf(QLatin1Char(' '), 200);
    const qsizetype firstEnd = after.indexOf(QLatin1Char(' '), first + 1);
    const QString firstWord = after.mid(first + 1, firstEnd - first - 1);
    after.replace(first + 1, firstEnd - first - 1, QStringLiteral("REPLACED"));
    const qsizetype middle = after.indexOf(QLatin1Char(' '), after.size() / 2);
    after.insert(middle, QStringLiteral(" brand new words here"));
    const qsizetype last = after.indexOf(QLatin1Char(' '), after.size() - 300);
    const qsizetype lastEnd = after.indexOf(QLatin1Char(' '), last + 1);
    const QString lastWord = after.mid(last, lastEnd - last);
    after.remove(last, lastEnd - last);

    QElapsedTimer timer;
    timer.start();
    const WordDiff diff = WordDiff::compare(before, after);
    const qint64 ms = timer.elapsed();
    qDebug("word diff of two 10k-word texts with three edits: %lld ms", ms);
    QVERIFY2(ms < 500, qPrintable(QStringLiteral("took %1 ms").arg(ms)));

    expectBothSides(diff, before, after);
    QList<DiffSegment> changes;
    for (const DiffSegment &segment : diff.segments()) {
        // Where the space next to an inserted or removed word goes is a matter of taste.
        if (segment.kind != Kind::Equal)
            changes.append({segment.kind, segment.text.trimmed()});
    }
    QCOMPARE(changes, (QList<DiffSegment>{removed(firstWord), inserted(QStringLiteral("REPLACED")),
                                          inserted(QStringLiteral("brand new words here")), removed(lastWord.trimmed())}));
    QCOMPARE(diff.wordsAdded(), 5);
    QCOMPARE(diff.wordsRemoved(), 2);
}

QTEST_GUILESS_MAIN(TestDiff)
#include "tst_diff.moc"
