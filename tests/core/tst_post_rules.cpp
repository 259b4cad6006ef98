// The rules for a post's title and metadata (PostRules), one set for the panel, the CLI and import:
// what each accepts and refuses with its reason, hostile input (control characters, huge strings,
// right-to-left and zero-width characters, nothing at all), the slug a title gives, which drafts'
// slugs follow their titles, and how a refused value is brought within the rules.

#include "store/post_rules.h"

#include <QTest>

using namespace quire;

namespace {

QString repeated(const char *word, qsizetype times)
{
    QString text;
    for (qsizetype i = 0; i < times; ++i)
        text += QLatin1String(word);
    return text;
}

// Characters that are hard to read in source, by name.
const QString Bell = QStringLiteral("\a");
const QString ZeroWidthSpace = QString(QChar(0x200B));
const QString ZeroWidthJoiner = QString(QChar(0x200D));
const QString ZeroWidthNonJoiner = QString(QChar(0x200C));
const QString RightToLeftMark = QString(QChar(0x200F));
const QString RightToLeftOverride = QString(QChar(0x202E));
const QString LeftToRightIsolate = QString(QChar(0x2066));
const QString LoneHighSurrogate = QString(QChar(0xD83D));
const QString LoneLowSurrogate = QString(QChar(0xDE00));

} // namespace

class TestPostRules : public QObject
{
    Q_OBJECT

private slots:
    void titlesWritersWriteAreAccepted_data();
    void titlesWritersWriteAreAccepted();
    void hostileTitlesAreRefusedWithAReason_data();
    void hostileTitlesAreRefusedWithAReason();
    void slugsOfLettersDigitsAndSingleHyphensAreAccepted_data();
    void slugsOfLettersDigitsAndSingleHyphensAreAccepted();
    void anyOtherSlugIsRefusedWithAReason_data();
    void anyOtherSlugIsRefusedWithAReason();
    void anyTextGivesAValidSlugOrNone_data();
    void anyTextGivesAValidSlugOrNone();
    void aTitleWithoutLettersGivesTheSlugPost();
    void onlyAnUnpublishedDraftsSlugFollowsItsTitle();
    void tagsAreTidiedAndRepeatsInAnyCaseDropped();
    void tagsTheRulesRefuseAreLeftOutWithAReason_data();
    void tagsTheRulesRefuseAreLeftOutWithAReason();
    void summaryMayHoldLineBreaksButNoOtherControls_data();
    void summaryMayHoldLineBreaksButNoOtherControls();
    void kindIsShortAndHoldsNoControls_data();
    void kindIsShortAndHoldsNoControls();
    void scheduledNeedsAFutureDateAndPublishedADate();
    void fixingTakesOutRefusedCharactersAndCutsAtASpace();
    void everyFixedValueIsOneTheRulesAccept_data();
    void everyFixedValueIsOneTheRulesAccept();
};

void TestPostRules::titlesWritersWriteAreAccepted_data()
{
    QTest::addColumn<QString>("title");
    QTest::newRow("plain") << QStringLiteral("Float sums: order matters");
    QTest::newRow("markup is text") << QStringLiteral("<b>Taken</b> & \"quoted\"");
    QTest::newRow("one letter") << QStringLiteral("x");
    QTest::newRow("hebrew") << QStringLiteral("שלום עולם");
    QTest::newRow("arabic with a right-to-left mark") << QStringLiteral("مرحبا ") + RightToLeftMark + QStringLiteral("GPU");
    QTest::newRow("persian with a zero-width non-joiner") << QStringLiteral("می") + ZeroWidthNonJoiner + QStringLiteral("خواهم");
    QTest::newRow("emoji joined by zero-width joiners")
        << QString::fromUtf8("\xF0\x9F\x91\xA9") + ZeroWidthJoiner + QString::fromUtf8("\xF0\x9F\x92\xBB at work");
    QTest::newRow("flag made of tag characters") << QString::fromUtf8("\xF0\x9F\x8F\xB4\xF3\xA0\x81\xA7\xF3\xA0\x81\xA2"
                                                                       "\xF3\xA0\x81\xB3\xF3\xA0\x81\xA3\xF3\xA0\x81\xB4"
                                                                       "\xF3\xA0\x81\xBF Scotland");
    QTest::newRow("only an emoji") << QString::fromUtf8("\xF0\x9F\x8E\x89");
    QTest::newRow("a line break, which front matter allows") << QStringLiteral("- not a list\n? not a key");
    QTest::newRow("a tab") << QStringLiteral("Before\tafter");
    QTest::newRow("at the limit") << QString(PostRules::MaxTitleLength, u't');
}

void TestPostRules::titlesWritersWriteAreAccepted()
{
    QFETCH(QString, title);
    QCOMPARE(PostRules::titleProblem(title), QString());
}

void TestPostRules::hostileTitlesAreRefusedWithAReason_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QString() << "empty";
    QTest::newRow("spaces") << QStringLiteral("   ") << "empty";
    QTest::newRow("line breaks") << QStringLiteral("\n\n\t") << "empty";
    QTest::newRow("zero-width spaces only") << ZeroWidthSpace + ZeroWidthSpace << "empty";
    QTest::newRow("a right-to-left mark only") << RightToLeftMark << "empty";
    QTest::newRow("one over the limit") << QString(PostRules::MaxTitleLength + 1, u't') << "1001 characters";
    QTest::newRow("a megabyte") << repeated("word ", 200 * 1024) << "1024000 characters";
    QTest::newRow("bell") << QStringLiteral("Ring") + Bell << "control character";
    QTest::newRow("nul") << QStringLiteral("a") + QChar(0) + QStringLiteral("b") << "control character";
    QTest::newRow("escape sequence") << QStringLiteral("\x1b[31mred") << "control character";
    QTest::newRow("carriage return") << QStringLiteral("one\rtwo") << "control character";
    QTest::newRow("delete") << QStringLiteral("del\x7f") << "control character";
    QTest::newRow("next line (C1)") << QStringLiteral("one") + QChar(0x85) + QStringLiteral("two") << "control character";
    QTest::newRow("right-to-left override") << QStringLiteral("invoice") + RightToLeftOverride + QStringLiteral("fdp.exe")
                                            << "U+202E";
    QTest::newRow("left-to-right isolate") << LeftToRightIsolate + QStringLiteral("title") << "U+2066";
    QTest::newRow("lone high surrogate") << QStringLiteral("a") + LoneHighSurrogate << "broken character";
    QTest::newRow("lone low surrogate") << LoneLowSurrogate + QStringLiteral("a") << "broken character";
    QTest::newRow("surrogates the wrong way round") << LoneLowSurrogate + LoneHighSurrogate + QStringLiteral("a")
                                                    << "broken character";
}

void TestPostRules::hostileTitlesAreRefusedWithAReason()
{
    QFETCH(QString, title);
    QFETCH(QString, reason);
    const QString problem = PostRules::titleProblem(title);
    QVERIFY2(problem.contains(reason), qPrintable(problem));
}

void TestPostRules::slugsOfLettersDigitsAndSingleHyphensAreAccepted_data()
{
    QTest::addColumn<QString>("slug");
    QTest::newRow("words") << QStringLiteral("float-sums-order-matters");
    QTest::newRow("digits") << QStringLiteral("2024");
    QTest::newRow("one letter") << QStringLiteral("a");
    QTest::newRow("lowercase letters of any script") << QStringLiteral("ünïcödé-数学");
    QTest::newRow("hebrew") << QStringLiteral("שלום-עולם");
    QTest::newRow("at the limit") << QString(PostRules::MaxSlugLength, u'a');
}

void TestPostRules::slugsOfLettersDigitsAndSingleHyphensAreAccepted()
{
    QFETCH(QString, slug);
    QCOMPARE(PostRules::slugProblem(slug), QString());
}

void TestPostRules::anyOtherSlugIsRefusedWithAReason_data()
{
    QTest::addColumn<QString>("slug");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QString() << "empty";
    QTest::newRow("one over the limit") << QString(PostRules::MaxSlugLength + 1, u'a') << "81 characters";
    QTest::newRow("a megabyte") << QString(1024 * 1024, u'a') << "1048576 characters";
    QTest::newRow("leading hyphen") << QStringLiteral("-a") << "hyphen";
    QTest::newRow("double hyphen") << QStringLiteral("a--b") << "hyphen";
    QTest::newRow("upper case") << QStringLiteral("UPPER") << "lowercase";
    QTest::newRow("underscore") << QStringLiteral("snake_case") << "lowercase";
    QTest::newRow("parent folder") << QStringLiteral("../x") << "lowercase";
    QTest::newRow("space") << QStringLiteral("two words") << "lowercase";
    QTest::newRow("zero-width space") << QStringLiteral("a") + ZeroWidthSpace + QStringLiteral("b") << "lowercase";
    QTest::newRow("right-to-left override") << RightToLeftOverride + QStringLiteral("abc") << "lowercase";
    QTest::newRow("nul") << QStringLiteral("a") + QChar(0) << "lowercase";
    QTest::newRow("emoji") << QString::fromUtf8("\xF0\x9F\x8E\x89") << "lowercase";
}

void TestPostRules::anyOtherSlugIsRefusedWithAReason()
{
    QFETCH(QString, slug);
    QFETCH(QString, reason);
    const QString problem = PostRules::slugProblem(slug);
    QVERIFY2(problem.contains(reason), qPrintable(problem));
}

void TestPostRules::anyTextGivesAValidSlugOrNone_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("slug");
    QTest::newRow("title") << QStringLiteral("Float <sums> & you") << QStringLiteral("float-sums-you");
    QTest::newRow("underscores become hyphens") << QStringLiteral("my_first__post_") << QStringLiteral("my-first-post");
    QTest::newRow("full-width low line") << QStringLiteral("a\uFF3Fb") << QStringLiteral("a-b");
    QTest::newRow("path") << QStringLiteral("../../etc/passwd") << QStringLiteral("etc-passwd");
    QTest::newRow("hidden characters") << QStringLiteral("a") + ZeroWidthSpace + RightToLeftOverride + Bell
                                              + QStringLiteral("b")
                                       << QStringLiteral("a-b");
    QTest::newRow("right to left") << QStringLiteral("שלום עולם") << QStringLiteral("שלום-עולם");
    QTest::newRow("nothing to make one of") << QStringLiteral("!!! ") + ZeroWidthJoiner << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("a megabyte of one word") << QString(1024 * 1024, u'a') << QString(PostRules::MaxSlugLength, u'a');
}

void TestPostRules::anyTextGivesAValidSlugOrNone()
{
    QFETCH(QString, text);
    QFETCH(QString, slug);
    const QString made = PostRules::slugFrom(text);
    QCOMPARE(made, slug);
    if (!made.isEmpty())
        QCOMPARE(PostRules::slugProblem(made), QString());
    QCOMPARE(PostRules::slugFrom(made), made);   // a slug gives itself
}

void TestPostRules::aTitleWithoutLettersGivesTheSlugPost()
{
    QCOMPARE(PostRules::titleSlug(QStringLiteral("Hello, World!")), QStringLiteral("hello-world"));
    QCOMPARE(PostRules::titleSlug(QStringLiteral("!!!")), QStringLiteral("post"));
    QCOMPARE(PostRules::titleSlug(QString()), QStringLiteral("post"));
    QVERIFY(PostRules::isTitleSlug(QStringLiteral("post-3"), QStringLiteral("?")));
    QVERIFY(PostRules::isTitleSlug(QStringLiteral("snake-case"), QStringLiteral("snake_case")));
}

void TestPostRules::onlyAnUnpublishedDraftsSlugFollowsItsTitle()
{
    Post post;
    post.title = QStringLiteral("First thoughts");
    post.slug = QStringLiteral("first-thoughts");
    QVERIFY(PostRules::slugFollowsTitle(post));
    post.slug = QStringLiteral("first-thoughts-2");   // numbered because another post had it
    QVERIFY(PostRules::slugFollowsTitle(post));

    Post chosen = post;
    chosen.slug = QStringLiteral("my-own-address");
    QVERIFY(!PostRules::slugFollowsTitle(chosen));

    Post dated = post;   // published once, then taken back: links to it exist
    dated.publishedAt = QDateTime(QDate(2024, 1, 2), QTime(3, 4), Qt::UTC);
    QVERIFY(!PostRules::slugFollowsTitle(dated));
    for (PostStatus status : {PostStatus::Scheduled, PostStatus::Published}) {
        Post out = post;
        out.status = status;
        QVERIFY(!PostRules::slugFollowsTitle(out));
    }
}

void TestPostRules::tagsAreTidiedAndRepeatsInAnyCaseDropped()
{
    const PostRules::Tags tags = PostRules::tags(
            QStringLiteral(" gpu , ,GPU,  numerical   debugging ,, Gpu,math,").split(u','));
    QCOMPARE(tags.names, (QStringList{QStringLiteral("gpu"), QStringLiteral("numerical debugging"), QStringLiteral("math")}));
    QCOMPARE(tags.problem, QString());
    QCOMPARE(PostRules::tags({}).names, QStringList());
    QCOMPARE(PostRules::tags({QStringLiteral("Ärger"), QStringLiteral("äRGER")}).names, QStringList{QStringLiteral("Ärger")});
    QCOMPARE(PostRules::tags({QStringLiteral("עברית"), QString(PostRules::MaxTagLength, u'x')}).names.size(), 2);
}

void TestPostRules::tagsTheRulesRefuseAreLeftOutWithAReason_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("reason");
    QTest::newRow("one over the limit") << QString(PostRules::MaxTagLength + 1, u'x') << "longer than 100";
    QTest::newRow("a megabyte") << QString(1024 * 1024, u'x') << "longer than 100";
    QTest::newRow("bell") << QStringLiteral("bell") + Bell + QStringLiteral("stop") << "control character";
    QTest::newRow("tab") << QStringLiteral("a\tb") << "control character";
    QTest::newRow("zero-width space") << QStringLiteral("gpu") + ZeroWidthSpace << "control character";
    QTest::newRow("right-to-left mark") << RightToLeftMark + QStringLiteral("tag") << "control character";
    QTest::newRow("right-to-left override") << RightToLeftOverride + QStringLiteral("tag") << "control character";
}

void TestPostRules::tagsTheRulesRefuseAreLeftOutWithAReason()
{
    QFETCH(QString, tag);
    QFETCH(QString, reason);
    QVERIFY2(PostRules::tagProblem(tag).contains(reason), qPrintable(PostRules::tagProblem(tag)));
    const PostRules::Tags tags = PostRules::tags({QStringLiteral("fine"), tag});
    QCOMPARE(tags.names, QStringList{QStringLiteral("fine")});
    QCOMPARE(tags.problem, PostRules::tagProblem(tag));
    QVERIFY(tags.problem.size() < 200);   // the reason quotes a long tag's start, not all of it
}

void TestPostRules::summaryMayHoldLineBreaksButNoOtherControls_data()
{
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QString>("reason");   // empty: accepted
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("two lines and a tab") << QStringLiteral("One line\nand\ta second") << QString();
    QTest::newRow("right to left") << QStringLiteral("סיכום קצר") << QString();
    QTest::newRow("at the limit") << QString(PostRules::MaxSummaryLength, u's') << QString();
    QTest::newRow("one over the limit") << QString(PostRules::MaxSummaryLength + 1, u's') << "1001 characters";
    QTest::newRow("a megabyte") << QString(1024 * 1024, u's') << "1048576 characters";
    QTest::newRow("carriage return") << QStringLiteral("a\r\nb") << "control character";
    QTest::newRow("bell") << QStringLiteral("a") + Bell << "control character";
    QTest::newRow("zero-width space") << QStringLiteral("a") + ZeroWidthSpace << "control character";
}

void TestPostRules::summaryMayHoldLineBreaksButNoOtherControls()
{
    QFETCH(QString, summary);
    QFETCH(QString, reason);
    const QString problem = PostRules::summaryProblem(summary);
    if (reason.isEmpty())
        QCOMPARE(problem, QString());
    else
        QVERIFY2(problem.contains(reason), qPrintable(problem));
}

void TestPostRules::kindIsShortAndHoldsNoControls_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason");   // empty: accepted
    QTest::newRow("none") << QString() << QString();
    QTest::newRow("words") << QStringLiteral("paper walkthrough") << QString();
    QTest::newRow("at the limit") << QString(PostRules::MaxKindLength, u'k') << QString();
    QTest::newRow("one over the limit") << QString(PostRules::MaxKindLength + 1, u'k') << "longer than 100";
    QTest::newRow("line break") << QStringLiteral("note\nwrite-up") << "control character";
    QTest::newRow("zero-width joiner") << QStringLiteral("no") + ZeroWidthJoiner + QStringLiteral("te") << "control character";
}

void TestPostRules::kindIsShortAndHoldsNoControls()
{
    QFETCH(QString, kind);
    QFETCH(QString, reason);
    const QString problem = PostRules::kindProblem(kind);
    if (reason.isEmpty())
        QCOMPARE(problem, QString());
    else
        QVERIFY2(problem.contains(reason), qPrintable(problem));
}

void TestPostRules::scheduledNeedsAFutureDateAndPublishedADate()
{
    const QDateTime now(QDate(2024, 6, 1), QTime(12, 0), Qt::UTC);
    const QDateTime none;
    QCOMPARE(PostRules::dateProblem(PostStatus::Draft, none, now), QString());
    QCOMPARE(PostRules::dateProblem(PostStatus::Draft, now.addDays(-1), now), QString());
    QVERIFY(PostRules::dateProblem(PostStatus::Scheduled, none, now).contains(QStringLiteral("needs a publish date")));
    QVERIFY(PostRules::dateProblem(PostStatus::Scheduled, now, now).contains(QStringLiteral("future")));
    QVERIFY(PostRules::dateProblem(PostStatus::Scheduled, now.addSecs(-1), now).contains(QStringLiteral("future")));
    QCOMPARE(PostRules::dateProblem(PostStatus::Scheduled, now.addSecs(1), now), QString());
    QVERIFY(PostRules::dateProblem(PostStatus::Published, none, now).contains(QStringLiteral("needs a publish date")));
    QCOMPARE(PostRules::dateProblem(PostStatus::Published, now.addYears(-3), now), QString());
    QCOMPARE(PostRules::dateProblem(PostStatus::Published, now.addDays(1), now), QString());
}

void TestPostRules::fixingTakesOutRefusedCharactersAndCutsAtASpace()
{
    const PostRules::Fixed longTag = PostRules::fixTag(QString(300, u'x'));
    QCOMPARE(longTag.value, QString(PostRules::MaxTagLength, u'x'));
    QVERIFY(longTag.cut);
    QVERIFY(!longTag.removed);

    const PostRules::Fixed controls = PostRules::fixTag(QStringLiteral(" a\tb") + Bell + ZeroWidthSpace + QStringLiteral("c "));
    QCOMPARE(controls.value, QStringLiteral("a bc"));   // a tab keeps the words apart
    QVERIFY(controls.removed);
    QVERIFY(!controls.cut);

    const PostRules::Fixed fine = PostRules::fixTag(QStringLiteral("  numerical   debugging "));
    QCOMPARE(fine.value, QStringLiteral("numerical debugging"));   // tidied as the panel does, nothing refused
    QVERIFY(!fine.removed && !fine.cut);

    const PostRules::Fixed words = PostRules::fixSummary(repeated("word ", 300));
    QVERIFY(words.cut);
    QVERIFY(words.value.size() <= PostRules::MaxSummaryLength);
    QVERIFY(words.value.endsWith(QStringLiteral(" word")));   // cut between words

    const PostRules::Fixed title = PostRules::fixTitle(QStringLiteral("invoice") + RightToLeftOverride
                                                       + QStringLiteral("\nfdp.exe") + Bell);
    QCOMPARE(title.value, QStringLiteral("invoice\nfdp.exe"));
    QVERIFY(title.removed);

    // An emoji at the limit is not cut in half.
    const QString emoji = QString::fromUtf8("\xF0\x9F\x8E\x89");
    const PostRules::Fixed kind = PostRules::fixKind(QString(PostRules::MaxKindLength - 1, u'k') + emoji);
    QCOMPARE(kind.value, QString(PostRules::MaxKindLength - 1, u'k'));
    QCOMPARE(PostRules::fixKind(QStringLiteral("  note ")).value, QStringLiteral("note"));
    QCOMPARE(PostRules::fixTitle(ZeroWidthSpace + Bell).value, ZeroWidthSpace);   // nothing left to read
}

void TestPostRules::everyFixedValueIsOneTheRulesAccept_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QStringLiteral("Plain words");
    QTest::newRow("controls everywhere") << Bell + QStringLiteral("a\tb\r\nc") + QChar(0) + QChar(0x7f) + QChar(0x85);
    QTest::newRow("format characters") << ZeroWidthSpace + RightToLeftOverride + LeftToRightIsolate + QStringLiteral("x")
                                              + ZeroWidthJoiner;
    QTest::newRow("lone surrogates") << LoneLowSurrogate + QStringLiteral("x") + LoneHighSurrogate;
    QTest::newRow("a megabyte of words") << repeated("words ", 170 * 1024);
    QTest::newRow("a megabyte of one word") << QString(1024 * 1024, u'w');
    QTest::newRow("a megabyte of emoji") << repeated("\xF0\x9F\x8E\x89", 256 * 1024);
}

void TestPostRules::everyFixedValueIsOneTheRulesAccept()
{
    QFETCH(QString, text);
    const QString title = PostRules::fixTitle(text).value;
    const QString tag = PostRules::fixTag(text).value;
    const QString summary = PostRules::fixSummary(text).value;
    const QString kind = PostRules::fixKind(text).value;
    // A title may be left with nothing to read: then the import looks for another.
    const QString titleProblem = PostRules::titleProblem(title);
    QVERIFY2(titleProblem.isEmpty() || titleProblem == PostRules::titleProblem(QString()), qPrintable(titleProblem));
    QCOMPARE(PostRules::tagProblem(tag), QString());
    QCOMPARE(PostRules::summaryProblem(summary), QString());
    QCOMPARE(PostRules::kindProblem(kind), QString());
}

QTEST_APPLESS_MAIN(TestPostRules)
#include "tst_post_rules.moc"
