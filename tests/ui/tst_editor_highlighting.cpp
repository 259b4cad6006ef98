#include "editor/editor_view.h"
#include "editor/markdown_highlighter.h"
#include "editor/spelling_controller.h"
#include "setup/library_setup.h"
#include "spelling/dictionary_finder.h"
#include "spelling/spell_checker.h"
#include "store/library.h"
#include "store/setting_store.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace quire;

class TestEditorHighlighting : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_personal;

    // The format the highlighter gave the character at offset of line (block) number.
    static QTextCharFormat formatAt(EditorView &editor, int line, int offset)
    {
        const QTextBlock block = editor.document()->findBlockByNumber(line);
        for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
            if (offset >= range.start && offset < range.start + range.length)
                return range.format;
        }
        return {};
    }
    static bool underlined(EditorView &editor, int line, int offset)
    {
        return formatAt(editor, line, offset).underlineStyle() == QTextCharFormat::SpellCheckUnderline;
    }
    static bool isCode(EditorView &editor, int line, int offset)
    {
        return formatAt(editor, line, offset).hasProperty(QTextFormat::BackgroundBrush);
    }
    // The viewport point over character offset of line.
    static QPoint pointAt(EditorView &editor, int line, int offset)
    {
        QTextCursor cursor(editor.document()->findBlockByNumber(line));
        cursor.setPosition(cursor.position() + offset);
        return editor.cursorRect(cursor).center() + QPoint(2, 0);
    }
    static QAction *actionNamed(QMenu *menu, const QString &text)
    {
        for (QAction *action : menu->actions()) {
            if (action->text() == text)
                return action;
        }
        return nullptr;
    }
    std::unique_ptr<SpellChecker> openEnglish()
    {
        auto checker = SpellChecker::open(QStringLiteral("en_US"), DictionaryFinder(), m_personal.path());
        return checker ? std::move(*checker) : nullptr;
    }

#define OPEN_ENGLISH(name)                                                                           \
    auto name = openEnglish();                                                                       \
    if (!name)                                                                                       \
        QSKIP("no en_US Hunspell dictionary in /usr/share/hunspell (install hunspell-en-us)");

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void headingGetsHeadingFormat();
    void codeSpanAndFencedBlockGetCodeFormats();
    void typingAFenceRecoloursTheLinesBelow();
    void misspelledProseIsUnderlinedButNotCode();
    void contextMenuSuggestionReplacesAndUndoes();
    void addToDictionaryRemovesTheUnderline();
    void ignoreAllAndNoMenuOnCorrectWords();
    void checkSpellingToggleTurnsUnderlinesOff();
    void languageIsTheLibrarysSetting();
};

void TestEditorHighlighting::headingGetsHeadingFormat()
{
    EditorView editor;
    editor.loadText(QStringLiteral("# Big Title\n\nPlain text\n### Smaller"));
    const QTextCharFormat title = formatAt(editor, 0, 4);
    QCOMPARE(title.fontWeight(), int(QFont::Bold));
    QVERIFY(title.fontPointSize() > editor.font().pointSizeF() * 1.2);
    // The marker is dimmed: a different colour from the title text.
    QVERIFY(formatAt(editor, 0, 0).foreground().color() != title.foreground().color());
    QVERIFY(formatAt(editor, 2, 1).fontWeight() != int(QFont::Bold));
    QVERIFY(formatAt(editor, 3, 6).fontPointSize() < title.fontPointSize());
    QCOMPARE(formatAt(editor, 3, 6).fontWeight(), int(QFont::Bold));
}

void TestEditorHighlighting::codeSpanAndFencedBlockGetCodeFormats()
{
    EditorView editor;
    editor.loadText(QStringLiteral("Say `code here` now\n```python\nx = **not bold**\n```\nafter $x^2$ and **bold**"));
    QVERIFY(isCode(editor, 0, 7));
    QVERIFY(!isCode(editor, 0, 1));
    QVERIFY(!isCode(editor, 0, 17));
    QVERIFY(isCode(editor, 2, 0));
    QVERIFY(isCode(editor, 2, 8));
    QVERIFY(formatAt(editor, 2, 8).fontWeight() != int(QFont::Bold));   // no Markdown inside code
    QVERIFY(!isCode(editor, 4, 0));
    QCOMPARE(formatAt(editor, 4, 20).fontWeight(), int(QFont::Bold));
    QVERIFY(formatAt(editor, 4, 7).foreground() != formatAt(editor, 4, 0).foreground());   // math tinted
}

void TestEditorHighlighting::typingAFenceRecoloursTheLinesBelow()
{
    EditorView editor;
    editor.loadText(QStringLiteral("first\nsecond\nthird"));
    QVERIFY(!isCode(editor, 1, 0));
    QTextCursor cursor(editor.document());
    cursor.insertText(QStringLiteral("~~~\n"));
    QVERIFY(isCode(editor, 2, 0));
    QVERIFY(isCode(editor, 3, 0));
    cursor.insertText(QStringLiteral("~~~\n"));   // an empty block: the rest is prose again
    QVERIFY(!isCode(editor, 3, 0));
}

void TestEditorHighlighting::misspelledProseIsUnderlinedButNotCode()
{
    OPEN_ENGLISH(checker);
    EditorView editor;
    editor.loadText(QStringLiteral("A wrongg word `wrongg`\n```\nwrongg\n```\n## Heading wrongg\n[link](https://wrongg.org)"));
    QVERIFY(!underlined(editor, 0, 3));   // no checker yet
    editor.setSpellChecker(checker.get());
    QVERIFY(underlined(editor, 0, 3));
    QVERIFY(!underlined(editor, 0, 9));
    QVERIFY(!underlined(editor, 0, 16));
    QVERIFY(!underlined(editor, 2, 1));
    QVERIFY(underlined(editor, 4, 12));
    QCOMPARE(formatAt(editor, 4, 12).fontWeight(), int(QFont::Bold));   // still a heading
    QVERIFY(!underlined(editor, 5, 16));
    QCOMPARE(formatAt(editor, 0, 3).underlineColor(), QColor(QStringLiteral("#d01010")));
    editor.setSpellChecker(nullptr);
    QVERIFY(!underlined(editor, 0, 3));
}

void TestEditorHighlighting::contextMenuSuggestionReplacesAndUndoes()
{
    OPEN_ENGLISH(checker);
    EditorView editor;
    editor.resize(600, 300);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setSpellChecker(checker.get());
    editor.loadText(QStringLiteral("I recieve mail"));
    QVERIFY(underlined(editor, 0, 4));
    std::unique_ptr<QMenu> menu(editor.createContextMenu(pointAt(editor, 0, 4)));
    const QList<QAction *> actions = menu->actions();
    QVERIFY(actions.size() > 3);
    QCOMPARE(actions.first()->text(), QStringLiteral("receive"));
    int suggestions = 0;
    while (suggestions < actions.size() && !actions.at(suggestions)->text().startsWith(QLatin1String("Add to")))
        ++suggestions;
    QVERIFY(suggestions <= 7);
    QVERIFY(actionNamed(menu.get(), QStringLiteral("Ignore All")));
    // The standard editing actions are still there.
    QVERIFY(std::any_of(actions.begin(), actions.end(), [](QAction *a) { return a->text().contains(QLatin1String("Select All")); }));
    QVERIFY(std::any_of(actions.begin(), actions.end(), [](QAction *a) { return a->text().contains(QLatin1String("Paste")); }));

    actions.first()->trigger();
    QCOMPARE(editor.toPlainText(), QStringLiteral("I receive mail"));
    QVERIFY(!underlined(editor, 0, 4));
    editor.setFocus();
    QTest::keyClick(&editor, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(editor.toPlainText(), QStringLiteral("I recieve mail"));
    QTest::keyClick(&editor, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(editor.toPlainText(), QStringLiteral("I recieve mail"));   // it was one undo step; nothing before it
}

void TestEditorHighlighting::addToDictionaryRemovesTheUnderline()
{
    OPEN_ENGLISH(checker);
    EditorView editor;
    editor.resize(600, 300);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setSpellChecker(checker.get());
    editor.loadText(QStringLiteral("Quirelyx here\nand Quirelyx there"));
    QVERIFY(underlined(editor, 0, 2));
    QVERIFY(underlined(editor, 1, 6));
    QSignalSpy edited(&editor, &EditorView::edited);
    std::unique_ptr<QMenu> menu(editor.createContextMenu(pointAt(editor, 0, 2)));
    QAction *add = actionNamed(menu.get(), QStringLiteral("Add to Dictionary"));
    QVERIFY(add);
    add->trigger();
    QVERIFY(!underlined(editor, 0, 2));
    QVERIFY(!underlined(editor, 1, 6));
    QCOMPARE(edited.count(), 0);   // re-colouring is not an edit
    QVERIFY(QFile::exists(checker->personalDictionaryPath()));
}

void TestEditorHighlighting::ignoreAllAndNoMenuOnCorrectWords()
{
    OPEN_ENGLISH(checker);
    EditorView editor;
    editor.resize(600, 300);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setSpellChecker(checker.get());
    editor.loadText(QStringLiteral("hello Zorbly"));
    std::unique_ptr<QMenu> plain(editor.createContextMenu(pointAt(editor, 0, 2)));
    QVERIFY(!actionNamed(plain.get(), QStringLiteral("Ignore All")));
    std::unique_ptr<QMenu> menu(editor.createContextMenu(pointAt(editor, 0, 8)));
    QAction *ignore = actionNamed(menu.get(), QStringLiteral("Ignore All"));
    QVERIFY(ignore);
    ignore->trigger();
    QVERIFY(!underlined(editor, 0, 8));
}

void TestEditorHighlighting::checkSpellingToggleTurnsUnderlinesOff()
{
    if (DictionaryFinder().find(QStringLiteral("en_US")).language.isEmpty())
        QSKIP("no en_US Hunspell dictionary in /usr/share/hunspell (install hunspell-en-us)");
    QWidget window;
    auto *editor = new EditorView(&window);
    SpellingController spelling(editor, &window);
    spelling.checkAction()->setChecked(true);
    spelling.setLibrary(nullptr);
    QSignalSpy problems(&spelling, &SpellingController::problem);
    editor->loadText(QStringLiteral("a wrongg word"));
    QSignalSpy edited(editor, &EditorView::edited);
    bool listed = false;
    for (QAction *action : spelling.languageMenu()->actions()) {
        if (action->data().toString() == QLatin1String("en_US")) {
            listed = true;
            action->trigger();
        }
    }
    QVERIFY(listed);
    // The dictionary is read on a thread of its own.
    QTRY_VERIFY(spelling.checker());
    QCOMPARE(spelling.checker()->language(), QStringLiteral("en_US"));
    QCOMPARE(problems.count(), 0);
    QVERIFY(underlined(*editor, 0, 3));
    spelling.checkAction()->setChecked(false);
    QVERIFY(!underlined(*editor, 0, 3));
    QVERIFY(!spelling.checker());
    QCOMPARE(QSettings().value(QStringLiteral("spelling/enabled")).toBool(), false);
    spelling.checkAction()->setChecked(true);
    QTRY_VERIFY(underlined(*editor, 0, 3));
    QCOMPARE(edited.count(), 0);   // turning spell check on and off is not an edit
}

void TestEditorHighlighting::languageIsTheLibrarysSetting()
{
    if (DictionaryFinder().find(QStringLiteral("en_US")).language.isEmpty())
        QSKIP("no en_US Hunspell dictionary in /usr/share/hunspell (install hunspell-en-us)");
    QTemporaryDir dir;
    auto library = LibrarySetup::open(dir.filePath(QStringLiteral("blog.quire")));
    QVERIFY(library.ok());
    QVERIFY((*library)->settings().set(Setting::SpellingLanguage, QStringLiteral("xx_XX")).ok());
    QWidget window;
    auto *editor = new EditorView(&window);
    SpellingController spelling(editor, &window);
    spelling.checkAction()->setChecked(true);
    QSignalSpy problems(&spelling, &SpellingController::problem);
    editor->loadText(QStringLiteral("a wrongg word"));
    // A dictionary that is not installed: a clear message, and spell check simply stays off.
    spelling.setLibrary(library->get());
    QTRY_COMPARE(problems.count(), 1);
    QVERIFY2(problems.first().first().toString().contains(QStringLiteral("xx_XX")), qPrintable(problems.first().first().toString()));
    QVERIFY(!spelling.checker());
    QVERIFY(!underlined(*editor, 0, 3));
    // Choosing a language from the menu stores it in the library.
    for (QAction *action : spelling.languageMenu()->actions()) {
        if (action->data().toString() == QLatin1String("en_US"))
            action->trigger();
    }
    QTRY_VERIFY(spelling.checker());
    QVERIFY(underlined(*editor, 0, 3));
    QCOMPARE(*(*library)->settings().value(Setting::SpellingLanguage), QStringLiteral("en_US"));
    QCOMPARE(problems.count(), 1);
}

QTEST_MAIN(TestEditorHighlighting)
#include "tst_editor_highlighting.moc"
