// The post's history as an author sees it: the versions listed with their reasons, the words that
// changed between two of them, and a restore that brings an old text back without losing the new.

#include "revisions/diff_html.h"
#include "revisions/revisions_dialog.h"
#include "setup/library_setup.h"
#include "store/library.h"
#include "store/post_history.h"
#include "store/post_store.h"
#include "store/revision.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTimer>

#include <cmath>

using namespace quire;

namespace {

const QDateTime epoch = QDateTime(QDate(2026, 11, 24), QTime(22, 0), Qt::UTC);

const QString firstText = QStringLiteral("The quick brown fox jumps over the lazy dog.\n\nA second paragraph.\n");
const QString secondText = QStringLiteral("The quick red fox jumps over the lazy dog.\n\nA second paragraph.\n");
const QString thirdText = QStringLiteral("The quick red fox leaps over the dog.\n\nA second paragraph, longer now.\n");

// The text of a view split by how it is shown: struck through, on a tint, or plain.
struct Marked
{
    QString struck;
    QString tinted;
    QString plain;
};

Marked marked(const QTextBrowser *view)
{
    Marked result;
    for (QTextBlock block = view->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat format = fragment.charFormat();
            if (format.fontStrikeOut())
                result.struck += fragment.text();
            else if (format.background().style() != Qt::NoBrush)
                result.tinted += fragment.text();
            else
                result.plain += fragment.text();
        }
        result.plain += QLatin1Char('\n');
    }
    return result;
}

} // namespace

class TestRevisionsDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void listsEveryVersionWithItsReason();
    void comparesWithCurrentText();
    void comparesTwoVersions();
    void sideBySideShowsEachSide();
    void showsTitleChange();
    void restoreAsksThenBringsBackOldText();
    void cancelledRestoreChangesNothing();
    void longPostsCompareOffTheGuiThread();
    void postWithoutHistory();
    void tintsReadableInLightAndDark();

private:
    void answerConfirmation(bool restore);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Library> m_library;
    Post m_post;
    QDateTime m_now;
};

void TestRevisionsDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto opened = LibrarySetup::open(m_dir->filePath(QStringLiteral("blog.quire")));
    QVERIFY2(opened, qPrintable(opened.ok() ? QString() : opened.errorMessage()));
    m_library = std::move(*opened);
    m_now = epoch;
    m_library->setClock([this] { return m_now; });

    Post post;
    post.title = QStringLiteral("Foxes");
    post.body = firstText;
    m_post = m_library->posts().create(post).value();
    const std::pair<QString, RevisionReason> versions[] = {{firstText, RevisionReason::Save},
                                                           {secondText, RevisionReason::Autosave},
                                                           {thirdText, RevisionReason::Save}};
    for (const auto &[text, reason] : versions) {
        m_now = m_now.addSecs(120);
        m_post.body = text;
        QVERIFY(m_library->history().save(m_post, reason));
    }
    m_post = m_library->posts().byId(m_post.id).value();
}

void TestRevisionsDialog::cleanup()
{
    m_library.reset();
    m_dir.reset();
}

void TestRevisionsDialog::answerConfirmation(bool restore)
{
    QTimer::singleShot(0, this, [restore] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        QCOMPARE(box->objectName(), QStringLiteral("confirmRestore"));
        for (QAbstractButton *button : box->buttons()) {
            const bool isRestore = box->buttonRole(button) == QMessageBox::AcceptRole;
            if (isRestore == restore) {
                button->click();
                return;
            }
        }
        QFAIL("no such button");
    });
}

void TestRevisionsDialog::listsEveryVersionWithItsReason()
{
    RevisionsDialog dialog(m_library.get(), m_post);
    const QListWidget *list = dialog.revisionList();
    QCOMPARE(list->count(), 3);
    // Newest first, with the reason in words and the word count.
    QVERIFY2(list->item(0)->text().contains(QStringLiteral("Saved")), qPrintable(list->item(0)->text()));
    QVERIFY2(list->item(1)->text().contains(QStringLiteral("Autosaved")), qPrintable(list->item(1)->text()));
    QVERIFY(list->item(2)->text().contains(QStringLiteral("Saved")));
    QVERIFY2(list->item(2)->text().contains(QStringLiteral("12 word(s)")), qPrintable(list->item(2)->text()));
    const QString newestTime = QLocale().toString(epoch.addSecs(360).toLocalTime(), QLocale::ShortFormat);
    QVERIFY2(list->item(0)->text().contains(newestTime), qPrintable(list->item(0)->text()));
    QCOMPARE(dialog.revisions().first().body, thirdText);
    QCOMPARE(RevisionsDialog::reasonText(RevisionReason::Publish), QStringLiteral("Published"));
    QCOMPARE(RevisionsDialog::reasonText(RevisionReason::Import), QStringLiteral("Imported"));
    QCOMPARE(RevisionsDialog::reasonText(RevisionReason::Restore), QStringLiteral("Restored"));
    // The newest version is selected and is the current text: nothing changed.
    QCOMPARE(list->currentRow(), 0);
    QCOMPARE(dialog.summaryLabel()->text(), QStringLiteral("No changes"));
}

void TestRevisionsDialog::comparesWithCurrentText()
{
    RevisionsDialog dialog(m_library.get(), m_post);
    dialog.revisionList()->setCurrentRow(2);   // the first version against the current text
    QCOMPARE(dialog.otherSide()->currentIndex(), 0);
    const Marked shown = marked(dialog.inlineView());
    QCOMPARE(shown.struck, QStringLiteral("brownjumpslazy "));
    QCOMPARE(shown.tinted, QStringLiteral("redleaps, longer now"));
    QVERIFY(shown.plain.contains(QStringLiteral("The quick ")));
    QVERIFY(dialog.inlineView()->toHtml().contains(QStringLiteral("line-through")));
    QCOMPARE(dialog.summaryLabel()->text(), QStringLiteral("4 word(s) added, 3 removed"));
}

void TestRevisionsDialog::comparesTwoVersions()
{
    RevisionsDialog dialog(m_library.get(), m_post);
    dialog.revisionList()->setCurrentRow(2);
    dialog.otherSide()->setCurrentIndex(2);   // "Compare with" the autosave (the second version)
    const Marked shown = marked(dialog.inlineView());
    QCOMPARE(shown.struck, QStringLiteral("brown"));
    QCOMPARE(shown.tinted, QStringLiteral("red"));
    QCOMPARE(dialog.summaryLabel()->text(), QStringLiteral("1 word(s) added, 1 removed"));
}

void TestRevisionsDialog::sideBySideShowsEachSide()
{
    RevisionsDialog dialog(m_library.get(), m_post);
    dialog.show();
    dialog.revisionList()->setCurrentRow(2);
    QVERIFY(dialog.inlineView()->isVisible());
    dialog.sideBySide()->setChecked(true);
    QVERIFY(!dialog.inlineView()->isVisible());
    QVERIFY(dialog.oldView()->isVisible());
    QVERIFY(dialog.newView()->isVisible());
    // Each side reads as its own text, with its own highlights.
    QCOMPARE(dialog.oldView()->toPlainText().trimmed(), firstText.trimmed());
    QCOMPARE(dialog.newView()->toPlainText().trimmed(), thirdText.trimmed());
    QCOMPARE(marked(dialog.oldView()).struck, QStringLiteral("brownjumpslazy "));
    QCOMPARE(marked(dialog.oldView()).tinted, QString());
    QCOMPARE(marked(dialog.newView()).tinted, QStringLiteral("redleaps, longer now"));
    QCOMPARE(marked(dialog.newView()).struck, QString());
    dialog.sideBySide()->setChecked(false);
    QVERIFY(dialog.inlineView()->isVisible());
}

void TestRevisionsDialog::showsTitleChange()
{
    Post current = m_post;
    current.title = QStringLiteral("Quick foxes");
    RevisionsDialog dialog(m_library.get(), current);
    dialog.show();
    QVERIFY(dialog.titleLabel()->isVisible());
    QVERIFY2(dialog.titleLabel()->text().contains(QStringLiteral("Quick")), qPrintable(dialog.titleLabel()->text()));
    QVERIFY(dialog.titleLabel()->text().contains(QStringLiteral("line-through")));
    dialog.otherSide()->setCurrentIndex(1);   // same titles: no title line
    QVERIFY(!dialog.titleLabel()->isVisible());
}

void TestRevisionsDialog::restoreAsksThenBringsBackOldText()
{
    RevisionsDialog dialog(m_library.get(), m_post);
    QSignalSpy restored(&dialog, &RevisionsDialog::restored);
    dialog.revisionList()->setCurrentRow(2);
    QVERIFY(dialog.restoreButton()->isEnabled());
    answerConfirmation(true);
    dialog.restoreButton()->click();
    QCOMPARE(restored.size(), 1);
    QCOMPARE(restored.first().first().toLongLong(), m_post.id);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    QCOMPARE(m_library->posts().byId(m_post.id)->body, firstText);
    const QList<Revision> revisions = m_library->history().revisions(m_post.id).value();
    QCOMPARE(revisions.size(), 4);
    QCOMPARE(revisions.first().reason, RevisionReason::Restore);
    QCOMPARE(revisions.first().body, firstText);
    QCOMPARE(revisions.at(1).body, thirdText);   // the text before the restore is kept

    // A new dialog lists the restore at the top.
    RevisionsDialog again(m_library.get(), m_library->posts().byId(m_post.id).value());
    QVERIFY(again.revisionList()->item(0)->text().contains(QStringLiteral("Restored")));
}

void TestRevisionsDialog::cancelledRestoreChangesNothing()
{
    RevisionsDialog dialog(m_library.get(), m_post);
    QSignalSpy restored(&dialog, &RevisionsDialog::restored);
    dialog.revisionList()->setCurrentRow(2);
    answerConfirmation(false);
    dialog.restoreButton()->click();
    QCOMPARE(restored.size(), 0);
    QCOMPARE(m_library->posts().byId(m_post.id)->body, thirdText);
    QCOMPARE(m_library->history().revisions(m_post.id)->size(), 3);
}

void TestRevisionsDialog::longPostsCompareOffTheGuiThread()
{
    QString before;
    for (int i = 0; i < 12000; ++i)
        before += QStringLiteral("word%1%2").arg(i % 97).arg(i % 13 == 12 ? QStringLiteral("\n") : QStringLiteral(" "));
    Post current = m_post;
    current.body = before;
    current.body.replace(QStringLiteral("word5 "), QStringLiteral("changed "));
    m_post.body = before;
    QVERIFY(m_library->history().save(m_post, RevisionReason::Save));
    RevisionsDialog dialog(m_library.get(), current);
    QVERIFY(dialog.isComparing());
    QCOMPARE(dialog.summaryLabel()->text(), QStringLiteral("Comparing…"));
    QTRY_VERIFY(!dialog.isComparing());
    QTRY_COMPARE(dialog.summaryLabel()->text(), QStringLiteral("%1 word(s) added, %1 removed").arg(before.count(QStringLiteral("word5 "))));
    QVERIFY(marked(dialog.inlineView()).tinted.startsWith(QStringLiteral("changed")));
}

void TestRevisionsDialog::postWithoutHistory()
{
    Post post;
    post.title = QStringLiteral("Fresh");
    const Post fresh = m_library->posts().create(post).value();
    RevisionsDialog dialog(m_library.get(), fresh);
    QCOMPARE(dialog.revisionList()->count(), 0);
    QVERIFY(!dialog.restoreButton()->isEnabled());
    QVERIFY(dialog.summaryLabel()->text().contains(QStringLiteral("no saved versions")));
}

// WCAG contrast ratio of two colours (1 to 21).
static double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a) + 0.05;
    const double lb = luminance(b) + 0.05;
    return la > lb ? la / lb : lb / la;
}

void TestRevisionsDialog::tintsReadableInLightAndDark()
{
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    for (const QPalette &palette : {light, dark}) {
        const DiffHtml html(palette);
        const QColor base = palette.color(QPalette::Base);
        const QColor text = palette.color(QPalette::Text);
        for (const QColor &tint : {html.removedBackground(), html.insertedBackground()}) {
            QVERIFY2(contrast(text, tint) >= 4.5, qPrintable(tint.name()));   // text stays readable
            QVERIFY2(contrast(base, tint) >= 1.15, qPrintable(tint.name()));  // and the tint is visible
        }
        QVERIFY(html.removedBackground().red() > html.removedBackground().green());
        QVERIFY(html.insertedBackground().green() > html.insertedBackground().red());
    }
}

QTEST_MAIN(TestRevisionsDialog)
#include "tst_revisions_dialog.moc"
