// The editor's writing tools as a writer uses them: find and replace in a bar under the text,
// Markdown lists that continue and indent, typewriter scrolling, focus mode and full screen.

#include "editor/editor_view.h"
#include "editor/find_bar.h"
#include "posts/post_list_panel.h"
#include "webengine/preview_view.h"
#include "preview/web_engine_setup.h"
#include "store/library.h"
#include "window/main_window.h"
#include "window/view_modes.h"

#include "window_test_support.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QVBoxLayout>

using namespace quire;

class TestEditorTools : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void findMatchCase();
    void findWholeWords();
    void findRegularExpression();
    void invalidRegexShowsErrorInBar();
    void countAndWrapAround();
    void searchStartsFromSelection();
    void escapeClosesAndReturnsFocus();
    void replaceOneThenNext();
    void replaceAllIsOneUndoStep();
    void bigPostHighlightsOnlyVisibleMatches();
    void hostilePatternsAndReplacements();

    void listContinues_data();
    void listContinues();
    void enterOnEmptyItemEndsList_data();
    void enterOnEmptyItemEndsList();
    void enterInMiddleOfItemSplitsIt();
    void tabIndentsAndShiftTabOutdentsItem();
    void tabOnPlainLineInsertsTab();
    void multiLineSelectionIndents();
    void enterInCodeFenceKeepsIndentation();

    void typewriterKeepsCursorCentred();
    void focusModeDimsOtherParagraphs();
    void focusModeHidesAndRestoresPanels();
    void modesAreRemembered();
    void fullScreenRestoresWindowState();

private:
    void setText(const QString &text, int cursorPosition = -1);
    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    std::unique_ptr<MainWindow> openWindow();

    std::unique_ptr<QWidget> m_host;
    EditorView *m_editor = nullptr;
    FindBar *m_bar = nullptr;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestEditorTools::init()
{
    m_host = std::make_unique<QWidget>();
    auto *layout = new QVBoxLayout(m_host.get());
    m_editor = new EditorView(m_host.get());
    m_bar = new FindBar(m_editor, m_host.get());
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_bar);
    m_host->resize(900, 500);
    m_host->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_host.get()));
    m_host->activateWindow();
    m_editor->setFocus();
}

void TestEditorTools::cleanup()
{
    m_host.reset();
    m_dir.reset();
}

void TestEditorTools::setText(const QString &text, int cursorPosition)
{
    m_editor->loadText(text);
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(cursorPosition < 0 ? int(text.size()) : cursorPosition);
    m_editor->setTextCursor(cursor);
}

void TestEditorTools::press(int key, Qt::KeyboardModifiers modifiers)
{
    QTest::keyClick(m_editor, Qt::Key(key), modifiers);
}

std::unique_ptr<MainWindow> TestEditorTools::openWindow()
{
    if (!m_dir)
        m_dir = std::make_unique<QTemporaryDir>();
    return WindowTest::open(m_dir->filePath(QStringLiteral("blog.quire")));
}

// ---- find and replace ------------------------------------------------------------------------

void TestEditorTools::findMatchCase()
{
    setText(QStringLiteral("Quire, quire and QUIRE."), 0);
    m_bar->openFind();
    m_bar->searchField()->setText(QStringLiteral("quire"));
    QCOMPARE(m_bar->matchCount(), 3);
    m_bar->setOptions({.matchCase = true});
    QCOMPARE(m_bar->matchCount(), 1);
    QCOMPARE(m_editor->textCursor().selectionStart(), 7);   // incremental: selected at once
    QCOMPARE(m_bar->status(), QStringLiteral("1 of 1"));
    QVERIFY(m_bar->findNext());
    QCOMPARE(m_bar->status(), QStringLiteral("1 of 1 · Continued from the top"));
}

void TestEditorTools::findWholeWords()
{
    setText(QStringLiteral("cat catalog cat. concat café cat"), 0);
    m_bar->openFind();
    m_bar->searchField()->setText(QStringLiteral("cat"));
    QCOMPARE(m_bar->matchCount(), 5);
    m_bar->setOptions({.wholeWords = true});
    QCOMPARE(m_bar->matchCount(), 3);
    m_bar->searchField()->setText(QStringLiteral("café"));
    QCOMPARE(m_bar->matchCount(), 1);
}

void TestEditorTools::findRegularExpression()
{
    setText(QStringLiteral("a1 b22\nc333 (d)"), 0);
    m_bar->openFind();
    m_bar->setOptions({.regularExpression = true});
    m_bar->searchField()->setText(QStringLiteral("\\d+"));
    QCOMPARE(m_bar->matchCount(), 3);
    QVERIFY(m_bar->findNext());
    QVERIFY(m_bar->findNext());
    QCOMPARE(m_editor->textCursor().selectedText(), QStringLiteral("333"));
    m_bar->searchField()->setText(QStringLiteral("^\\w"));   // ^ is each line's start
    QCOMPARE(m_bar->matchCount(), 2);
    m_bar->setOptions({});   // the same text as plain text
    m_bar->searchField()->setText(QStringLiteral("(d)"));
    QCOMPARE(m_bar->matchCount(), 1);
}

void TestEditorTools::invalidRegexShowsErrorInBar()
{
    const QString text = QStringLiteral("keep (this) text");
    setText(text, 0);
    m_bar->openReplace();
    m_bar->setOptions({.regularExpression = true});
    for (const QString &bad : {QStringLiteral("(ab"), QStringLiteral("[z-a]"), QStringLiteral("*"), QStringLiteral("\\")}) {
        m_bar->searchField()->setText(bad);
        QCOMPARE(m_bar->matchCount(), 0);
        QVERIFY2(m_bar->status().startsWith(QStringLiteral("Invalid pattern: ")), qPrintable(m_bar->status()));
        QVERIFY(m_bar->status().contains(QStringLiteral("position")));
        QVERIFY(!m_bar->findNext());
        QVERIFY(!m_bar->replace());
        QCOMPARE(m_bar->replaceAll(), 0);
        QCOMPARE(m_editor->toPlainText(), text);
    }
    // Empty matches ("z*") never loop or replace anything.
    m_bar->searchField()->setText(QStringLiteral("z*"));
    QCOMPARE(m_bar->matchCount(), 0);
    QCOMPARE(m_bar->status(), QStringLiteral("No matches"));
}

void TestEditorTools::countAndWrapAround()
{
    setText(QStringLiteral("one fish two fish\nred fish blue fish"), 0);
    m_bar->openFind();
    m_bar->searchField()->setText(QStringLiteral("fish"));
    QCOMPARE(m_bar->matchCount(), 4);
    QCOMPARE(m_bar->status(), QStringLiteral("1 of 4"));   // incremental: the first one is selected
    QVERIFY(m_bar->findNext());
    QVERIFY(m_bar->findNext());
    QVERIFY(m_bar->findNext());
    QCOMPARE(m_bar->status(), QStringLiteral("4 of 4"));
    QVERIFY(m_bar->findNext());
    QCOMPARE(m_bar->currentMatch(), 1);
    QCOMPARE(m_bar->status(), QStringLiteral("1 of 4 · Continued from the top"));
    QVERIFY(m_bar->findPrevious());
    QCOMPARE(m_bar->currentMatch(), 4);
    QVERIFY(m_bar->status().endsWith(QStringLiteral("Continued from the bottom")));
    // Moving the cursor off a match: the count stays, no position.
    m_editor->moveCursor(QTextCursor::Start);
    QVERIFY2(m_bar->status().startsWith(QStringLiteral("4 match")), qPrintable(m_bar->status()));
}

void TestEditorTools::searchStartsFromSelection()
{
    setText(QStringLiteral("alpha beta gamma beta"), 0);
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(6);
    cursor.setPosition(10, QTextCursor::KeepAnchor);
    m_editor->setTextCursor(cursor);
    m_bar->openFind();
    QCOMPARE(m_bar->searchField()->text(), QStringLiteral("beta"));
    QVERIFY(m_bar->isVisible());
    QCOMPARE(m_bar->status(), QStringLiteral("1 of 2"));
    QCOMPARE(m_bar->searchField()->selectedText(), QStringLiteral("beta"));   // typing replaces it
}

void TestEditorTools::escapeClosesAndReturnsFocus()
{
    QVERIFY(QTest::qWaitForWindowActive(m_host.get()));
    setText(QStringLiteral("text"), 0);
    m_bar->openFind();
    QTRY_VERIFY(m_bar->searchField()->hasFocus());
    QTest::keyClicks(m_bar->searchField(), QStringLiteral("ex"));
    QTRY_COMPARE(m_editor->textCursor().selectedText(), QStringLiteral("ex"));
    QVERIFY(!m_editor->extraSelections().isEmpty());   // the match is highlighted
    QTest::keyClick(m_bar->searchField(), Qt::Key_Escape);
    QVERIFY(!m_bar->isVisible());
    QTRY_VERIFY(m_editor->hasFocus());
    QVERIFY(m_editor->extraSelections().isEmpty());
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("text"));
}

void TestEditorTools::replaceOneThenNext()
{
    setText(QStringLiteral("cat, cat and cat"), 0);
    m_bar->openReplace();
    m_bar->searchField()->setText(QStringLiteral("cat"));
    m_bar->replaceField()->setText(QStringLiteral("dog"));
    QCOMPARE(m_bar->currentMatch(), 1);
    QVERIFY(m_bar->replace());
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("dog, cat and cat"));
    QCOMPARE(m_bar->status(), QStringLiteral("1 of 2"));   // the next cat is selected
    QCOMPARE(m_editor->textCursor().selectionStart(), 5);
    m_editor->moveCursor(QTextCursor::End);
    QVERIFY(m_bar->replace());   // not on a match: the first press only selects (wrapping)
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("dog, cat and cat"));
}

void TestEditorTools::replaceAllIsOneUndoStep()
{
    const QString text = QStringLiteral("mail ann@example and bob@test\nnot@ here");
    setText(text, 0);
    m_bar->openReplace();
    m_bar->setOptions({.regularExpression = true});
    m_bar->searchField()->setText(QStringLiteral("(\\w+)@(\\w+)"));
    m_bar->replaceField()->setText(QStringLiteral("\\2 at \\1 \\\\ \\0"));
    QCOMPARE(m_bar->replaceAll(), 2);
    QCOMPARE(m_editor->toPlainText(),
             QStringLiteral("mail example at ann \\ ann@example and test at bob \\ bob@test\nnot@ here"));
    // \0 put the addresses back in, so they are found again.
    QVERIFY2(m_bar->status().startsWith(QStringLiteral("2 match")) && m_bar->status().contains(QStringLiteral("Replaced 2")),
             qPrintable(m_bar->status()));
    m_editor->undo();
    QCOMPARE(m_editor->toPlainText(), text);
    // Plain text mode takes the replacement literally.
    m_bar->setOptions({});
    m_bar->searchField()->setText(QStringLiteral("ann"));
    m_bar->replaceField()->setText(QStringLiteral("\\1$&"));
    QCOMPARE(m_bar->replaceAll(), 1);
    QVERIFY(m_editor->toPlainText().startsWith(QStringLiteral("mail \\1$&@example")));
}

void TestEditorTools::bigPostHighlightsOnlyVisibleMatches()
{
    QString post;
    for (int i = 0; i < 5000; ++i)
        post += QStringLiteral("Paragraph %1 has the word quire and nine other words here.\n\n").arg(i);
    setText(post, 0);
    QElapsedTimer timer;
    timer.start();
    m_bar->openFind();
    m_bar->setOptions({.regularExpression = true});
    m_bar->searchField()->setText(QStringLiteral("qu\\w+"));
    QCOMPARE(m_bar->matchCount(), 5000);
    const qint64 elapsed = timer.elapsed();
    qInfo("50k words: opening the bar and searching a regex took %lld ms", elapsed);
    QVERIFY2(elapsed < 400, qPrintable(QString::number(elapsed)));
    const qsizetype painted = m_editor->extraSelections().size();
    QVERIFY(painted > 0);
    QVERIFY2(painted < 100, qPrintable(QString::number(painted)));   // only what is on screen
    // Scrolled to the end, the matches there get painted.
    m_editor->verticalScrollBar()->setValue(m_editor->verticalScrollBar()->maximum());
    const QTextEdit::ExtraSelection last = m_editor->extraSelections().last();
    QVERIFY(last.cursor.selectionStart() > post.size() - 2000);
    // Typing in the editor does not search on every key: the count updates after a pause.
    m_editor->moveCursor(QTextCursor::End);
    QTest::keyClicks(m_editor, QStringLiteral("quick"));
    QVERIFY(m_bar->status().startsWith(QStringLiteral("5000 match")));
    QTRY_VERIFY(m_bar->status().startsWith(QStringLiteral("5001 match")));
}

void TestEditorTools::hostilePatternsAndReplacements()
{
    QString post;
    for (int i = 0; i < 5000; ++i)
        post += QStringLiteral("Paragraph %1 has the word quire and nine other words here.\n\n").arg(i);
    post += QString(20000, QLatin1Char('a'));
    setText(post, 0);
    m_bar->openReplace();
    m_bar->setOptions({.regularExpression = true});
    // Backtracking bombs: PCRE2's limits end them; the window stays usable and nothing changes.
    for (const QString &bomb : {QStringLiteral("(a+)+b"), QStringLiteral("(\\w+\\s?)+!"), QStringLiteral("(.*a){12}#")}) {
        QElapsedTimer timer;
        timer.start();
        m_bar->searchField()->setText(bomb);
        QCOMPARE(m_bar->matchCount(), 0);
        QCOMPARE(m_bar->replaceAll(), 0);
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QStringLiteral("%1: %2 ms").arg(bomb).arg(timer.elapsed())));
    }
    QCOMPARE(m_editor->toPlainText(), post);
    // A replacement naming groups that do not exist, or ending in a lone backslash.
    setText(QStringLiteral("key=value"), 0);
    m_bar->searchField()->setText(QStringLiteral("(\\w+)=(\\w+)"));
    m_bar->replaceField()->setText(QStringLiteral("\\2:\\9:\\1\\"));
    QCOMPARE(m_bar->replaceAll(), 1);
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("value::key\\"));
}

// ---- lists -----------------------------------------------------------------------------------

void TestEditorTools::listContinues_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("next");
    QTest::newRow("dash") << "- milk" << "- ";
    QTest::newRow("star") << "* milk" << "* ";
    QTest::newRow("plus") << "+ milk" << "+ ";
    QTest::newRow("number dot") << "1. milk" << "2. ";
    QTest::newRow("number paren") << "1) milk" << "2) ";
    QTest::newRow("numbered up") << "9. milk" << "10. ";
    QTest::newRow("task open") << "- [ ] milk" << "- [ ] ";
    QTest::newRow("task done") << "- [x] milk" << "- [ ] ";
    QTest::newRow("numbered task") << "3. [X] milk" << "4. [ ] ";
    QTest::newRow("indented") << "    - milk" << "    - ";
    QTest::newRow("wide spacing") << "1.  milk" << "2.  ";
    QTest::newRow("quote") << "> milk" << "> ";
    QTest::newRow("nested quote") << "> > milk" << "> > ";
    QTest::newRow("list in quote") << "> - milk" << "> - ";
    QTest::newRow("plain keeps indent") << "  milk" << "  ";
    QTest::newRow("plain") << "milk" << "";
    QTest::newRow("thematic break") << "* * *" << "";
    QTest::newRow("emphasis") << "*milk*" << "";
}

void TestEditorTools::listContinues()
{
    QFETCH(QString, line);
    QFETCH(QString, next);
    setText(QStringLiteral("Shopping:\n") + line);
    press(Qt::Key_Return);
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("Shopping:\n") + line + QLatin1Char('\n') + next);
    QCOMPARE(m_editor->textCursor().position(), m_editor->toPlainText().size());
    m_editor->undo();   // one step
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("Shopping:\n") + line);
}

void TestEditorTools::enterOnEmptyItemEndsList_data()
{
    QTest::addColumn<QString>("item");
    QTest::addColumn<QString>("after");
    QTest::newRow("dash") << "- " << "";
    QTest::newRow("number") << "2. " << "";
    QTest::newRow("task") << "- [ ] " << "";
    QTest::newRow("indented") << "    * " << "";
    QTest::newRow("quote") << "> " << "";
    QTest::newRow("list in quote") << "> - " << "> ";
}

void TestEditorTools::enterOnEmptyItemEndsList()
{
    QFETCH(QString, item);
    QFETCH(QString, after);
    const QString before = QStringLiteral("- milk\n");
    setText(before + item);
    press(Qt::Key_Return);
    QCOMPARE(m_editor->toPlainText(), before + after);
    QCOMPARE(m_editor->textCursor().blockNumber(), 1);

    QTest::keyClicks(m_editor, QStringLiteral("Done"));
    QCOMPARE(m_editor->textCursor().block().text(), after + QStringLiteral("Done"));
}

void TestEditorTools::enterInMiddleOfItemSplitsIt()
{
    setText(QStringLiteral("1. milk bread"), 7);
    press(Qt::Key_Return);
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("1. milk\n2. bread"));
    // With the cursor before the marker, Enter is a plain line break.
    setText(QStringLiteral("- milk"), 0);
    press(Qt::Key_Return);
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("\n- milk"));
}

void TestEditorTools::tabIndentsAndShiftTabOutdentsItem()
{
    setText(QStringLiteral("- one\n- two"));
    press(Qt::Key_Tab);
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("- one\n    - two"));
    QCOMPARE(m_editor->textCursor().position(), m_editor->toPlainText().size());   // still after "two"
    press(Qt::Key_Tab);
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("- one\n        - two"));
    press(Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("- one\n    - two"));
    m_editor->undo();
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("- one\n        - two"));
    press(Qt::Key_Backtab, Qt::ShiftModifier);
    press(Qt::Key_Backtab, Qt::ShiftModifier);
    press(Qt::Key_Backtab, Qt::ShiftModifier);   // nothing left to outdent: nothing happens
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("- one\n- two"));
    // A continued item after Tab keeps the new level.
    press(Qt::Key_Tab);
    press(Qt::Key_Return);
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("- one\n    - two\n    - "));
}

void TestEditorTools::tabOnPlainLineInsertsTab()
{
    setText(QStringLiteral("plain"));
    press(Qt::Key_Tab);
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("plain\t"));
}

void TestEditorTools::multiLineSelectionIndents()
{
    const QString text = QStringLiteral("first\nsecond\n\nthird\nlast");
    setText(text, 0);
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(2);
    cursor.setPosition(text.indexOf(QLatin1String("last")), QTextCursor::KeepAnchor);   // ends at a line start
    m_editor->setTextCursor(cursor);
    press(Qt::Key_Tab);
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("    first\n    second\n\n    third\nlast"));
    QVERIFY(m_editor->textCursor().hasSelection());
    press(Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(m_editor->toPlainText(), text);
    m_editor->undo();
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("    first\n    second\n\n    third\nlast"));
    m_editor->undo();
    QCOMPARE(m_editor->toPlainText(), text);
}

void TestEditorTools::enterInCodeFenceKeepsIndentation()
{
    const QString text = QStringLiteral("```cpp\nint main() {\n    - x;");
    setText(text);
    press(Qt::Key_Return);
    QCOMPARE(m_editor->toPlainText(), text + QStringLiteral("\n    "));
    // After the closing fence lists continue again; a ~~~ fence is not closed by ```.
    setText(QStringLiteral("```\ncode\n```\n- item"));
    press(Qt::Key_Return);
    QVERIFY(m_editor->toPlainText().endsWith(QStringLiteral("- item\n- ")));
    setText(QStringLiteral("~~~\n```\n1. not a list"));
    press(Qt::Key_Return);
    QVERIFY(m_editor->toPlainText().endsWith(QStringLiteral("1. not a list\n")));
}

// ---- typewriter, focus, full screen ----------------------------------------------------------

void TestEditorTools::typewriterKeepsCursorCentred()
{
    QStringList lines;
    for (int i = 0; i < 300; ++i)
        lines << QStringLiteral("Line %1").arg(i);
    setText(lines.join(QLatin1Char('\n')), 0);
    m_editor->setTypewriterScrolling(true);
    const int middle = m_editor->viewport()->height() / 2;
    const int lineHeight = m_editor->fontMetrics().lineSpacing();
    for (int i = 0; i < 120; ++i)
        press(Qt::Key_Down);
    QTest::keyClicks(m_editor, QStringLiteral(" typed"));
    QVERIFY2(std::abs(m_editor->cursorRect().center().y() - middle) <= lineHeight,
             qPrintable(QStringLiteral("%1 vs %2").arg(m_editor->cursorRect().center().y()).arg(middle)));
    // Moving within the page, the text moves and the cursor line stays put.
    for (int key : {Qt::Key_Down, Qt::Key_Down, Qt::Key_Down, Qt::Key_Return, Qt::Key_Up, Qt::Key_Up}) {
        press(key);
        QVERIFY2(std::abs(m_editor->cursorRect().center().y() - middle) <= lineHeight,
                 qPrintable(QStringLiteral("%1 vs %2").arg(m_editor->cursorRect().center().y()).arg(middle)));
    }
    // The last line can sit in the middle too.
    press(Qt::Key_End, Qt::ControlModifier);
    press(Qt::Key_Return);
    QVERIFY(std::abs(m_editor->cursorRect().center().y() - middle) <= lineHeight);
    // Without it, the cursor goes to the bottom edge as usual.
    m_editor->setTypewriterScrolling(false);
    press(Qt::Key_Home, Qt::ControlModifier);
    for (int i = 0; i < 120; ++i)
        press(Qt::Key_Down);
    QVERIFY(m_editor->cursorRect().center().y() > middle + 2 * lineHeight);
}

void TestEditorTools::focusModeDimsOtherParagraphs()
{
    const QString text = QStringLiteral("First paragraph.\n\nSecond, line one\nline two.\n\nThird.");
    setText(text, int(text.indexOf(QLatin1String("line two"))));
    m_editor->setFocusMode(true);
    const QList<QTextEdit::ExtraSelection> dimmed = m_editor->extraSelections();
    QCOMPARE(dimmed.size(), 2);
    QCOMPARE(dimmed.at(0).cursor.selectionStart(), 0);
    QCOMPARE(dimmed.at(0).cursor.selectionEnd(), int(text.indexOf(QLatin1String("Second"))));
    QCOMPARE(dimmed.at(1).cursor.selectionStart(), int(text.indexOf(QLatin1String("two.")) + 4));
    QCOMPARE(dimmed.at(1).cursor.selectionEnd(), int(text.size()));
    QVERIFY(dimmed.at(0).format.foreground().color() != m_editor->palette().color(QPalette::Text));
    // The column is centred: wide margins on both sides of a wide editor.
    m_host->resize(1500, 500);
    QTRY_VERIFY(m_editor->viewport()->x() > 100);
    QVERIFY(std::abs(m_editor->viewport()->geometry().center().x() - m_editor->rect().center().x()) < 20);
    QVERIFY(m_editor->viewport()->width()
            >= m_editor->fontMetrics().horizontalAdvance(QLatin1Char('0')) * EditorView::FocusColumnCharacters);
    // Moving to the first paragraph moves the light.
    m_editor->moveCursor(QTextCursor::Start);
    QCOMPARE(m_editor->extraSelections().size(), 1);
    QCOMPARE(m_editor->extraSelections().at(0).cursor.selectionStart(), int(text.indexOf(QLatin1String("\n\nSecond"))));
    m_editor->setFocusMode(false);
    QVERIFY(m_editor->extraSelections().isEmpty());
    QCOMPARE(m_editor->viewport()->x(), m_editor->frameWidth());
}

void TestEditorTools::focusModeHidesAndRestoresPanels()
{
    m_host.reset();
    auto window = openWindow();
    QVERIFY(window);
    auto *splitter = window->findChild<QSplitter *>();
    auto *dock = window->findChild<QDockWidget *>();
    QVERIFY(splitter && dock);
    splitter->setSizes({250, 500, 450});
    QTRY_VERIFY(dock->isVisible());
    const QList<int> sizes = splitter->sizes();
    const int dockWidth = dock->width();

    window->viewModes()->focusAction()->trigger();
    QVERIFY(window->viewModes()->focusAction()->isChecked());
    QVERIFY(!window->postList()->isVisible());
    QVERIFY(!window->preview()->isVisible());
    QVERIFY(!dock->isVisible());
    QVERIFY(window->editor()->isVisible());
    QVERIFY(window->editor()->focusMode());
    QTRY_VERIFY(window->editor()->viewport()->x() > 50);   // the centred column

    window->viewModes()->focusAction()->trigger();
    QVERIFY(window->postList()->isVisible());
    QVERIFY(window->preview()->isVisible());
    QTRY_VERIFY(dock->isVisible());
    QCOMPARE(splitter->sizes(), sizes);
    QCOMPARE(dock->width(), dockWidth);
    QVERIFY(!window->editor()->focusMode());

    // A dock the writer had closed stays closed.
    dock->close();
    window->viewModes()->setFocusMode(true);
    window->viewModes()->setFocusMode(false);
    QVERIFY(!dock->isVisible());
}

void TestEditorTools::modesAreRemembered()
{
    m_host.reset();
    auto window = openWindow();
    QVERIFY(window);
    auto *splitter = window->findChild<QSplitter *>();
    const QList<int> sizes = splitter->sizes();
    window->viewModes()->typewriterAction()->trigger();
    window->viewModes()->focusAction()->trigger();
    window->close();
    window.reset();
    window = openWindow();
    QVERIFY(window);
    QVERIFY(window->viewModes()->typewriterAction()->isChecked());
    QVERIFY(window->editor()->typewriterScrolling());
    QVERIFY(window->viewModes()->focusAction()->isChecked());
    QVERIFY(!window->preview()->isVisible());
    // Leaving it after a restart still gives back the layout of before.
    window->viewModes()->focusAction()->trigger();
    QVERIFY(window->preview()->isVisible());
    QVERIFY(window->postList()->isVisible());
    QCOMPARE(window->findChild<QSplitter *>()->sizes(), sizes);
    window->viewModes()->typewriterAction()->trigger();
    window->close();
}

void TestEditorTools::fullScreenRestoresWindowState()
{
    m_host.reset();
    auto window = openWindow();
    QVERIFY(window);
    QAction *fullScreen = window->viewModes()->fullScreenAction();
    const QList<QKeySequence> standard = QKeySequence::keyBindings(QKeySequence::FullScreen);
    QCOMPARE(fullScreen->shortcut(), standard.isEmpty() ? QKeySequence(Qt::Key_F11) : standard.first());
    window->showMaximized();
    QTRY_VERIFY(window->isMaximized());
    fullScreen->trigger();
    QTRY_VERIFY(window->isFullScreen());
    fullScreen->trigger();
    QTRY_VERIFY(!window->isFullScreen());
    QVERIFY(window->isMaximized());
    QVERIFY(!fullScreen->isChecked());
    // Leaving full screen some other way unchecks the action.
    fullScreen->trigger();
    QTRY_VERIFY(window->isFullScreen());
    window->showNormal();
    QTRY_VERIFY(!fullScreen->isChecked());
}

QUIRE_WINDOW_TEST_MAIN(TestEditorTools)

#include "tst_editor_tools.moc"
