// The window as a writer uses it: the welcome post, typing with the preview following, saving
// within a second, everything still there after a restart, and clear dialogs for bad libraries.

#include "editor/draft_session.h"
#include "editor/editor_view.h"
#include "editor/outline_panel.h"
#include "metadata/metadata_panel.h"
#include "metadata/tag_line_edit.h"
#include "posts/post_list_model.h"
#include "posts/post_list_panel.h"
#include "preview/web_engine_setup.h"
#include "revisions/revisions_dialog.h"
#include "setup/library_setup.h"
#include "store/library.h"
#include "store/post_history.h"
#include "store/post_store.h"
#include "store/revision.h"
#include "webengine/preview_view.h"
#include "window/main_window.h"

#include "window/title_field.h"
#include "window_test_support.h"

#include <QAbstractButton>
#include <QApplication>
#include <QElapsedTimer>
#include <QDeadlineTimer>
#include <QDockWidget>
#include <QMenuBar>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QListView>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTimer>
#include <QWebEnginePage>

#include <chrono>
#include <csignal>

using namespace quire;

namespace {

// Calls act with the next modal dialog of type Dialog as soon as it is up, from the dialog's own
// event loop; gives up after 15 s.
template<typename Dialog, typename Act>
void whenModalIsUp(QObject *context, Act act, QDeadlineTimer deadline = QDeadlineTimer(15000))
{
    QTimer::singleShot(5, context, [context, act, deadline] {
        if (auto *dialog = qobject_cast<Dialog *>(QApplication::activeModalWidget()))
            act(dialog);
        else if (!deadline.hasExpired())
            whenModalIsUp<Dialog>(context, act, deadline);   // not up yet
        else
            qWarning() << "no" << Dialog::staticMetaObject.className() << "came up";
    });
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void newLibraryShowsWelcomePost();
    void typingUpdatesPreviewAndSaves();
    void postsSurviveRestart();
    void titleRenamesDraftAndList();
    void aTitleTheRulesRefuseIsExplainedAndNotSaved();
    void deleteAsksFirst();
    void historyRestoreShowsOldText();
    void previewLoadsNothingRemote();
    void previewPatchesOnlyChangedBlocks();
    void scrollSyncBothWays();
    void killedWhileTypingLosesAtMostASecond();
    void outlineJumpsAndFollows();
    void badLibraryShowsDialog();
    void searchFiltersTheList();
    void layoutIsRemembered();
    void postDetailsDock();
    void previewFollowsPostDetails();
    void previewComesAfterFirstPaint();
    void previewWaitsForAPauseInTyping();

private:
    std::unique_ptr<MainWindow> openWindow();
    QVariant evaluate(const QString &script);
    bool waitForPreview(const QString &script, const QVariant &expected, int timeout = 15000);
    // Replaces the window with a new one on the library, just shown: its preview not made yet.
    bool showNewWindow();
    QString libraryPath() const { return m_dir->filePath(QStringLiteral("blog.quire")); }
    // Types text key by key, as a person would (Return for line breaks).
    static void type(QWidget *widget, const QString &text);
    // Answers the next modal dialog with its button of that role, returning the dialog's text.
    void answerNextDialog(QMessageBox::ButtonRole role, QString *text);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_window = openWindow();
    QVERIFY(m_window);
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestMainWindow::openWindow()
{
    return WindowTest::open(libraryPath());
}

QVariant TestMainWindow::evaluate(const QString &script)
{
    return WindowTest::evaluate(*m_window, script);
}

bool TestMainWindow::waitForPreview(const QString &script, const QVariant &expected, int timeout)
{
    return WebWait::until([&] { return evaluate(script) == expected; }, timeout);
}

void TestMainWindow::type(QWidget *widget, const QString &text)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            QTest::keyClick(widget, Qt::Key_Return);
        for (const QChar c : lines.at(i))
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

void TestMainWindow::answerNextDialog(QMessageBox::ButtonRole role, QString *text)
{
    whenModalIsUp<QMessageBox>(this, [role, text](QMessageBox *box) {
        *text = box->text();
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == role) {
                button->click();
                return;
            }
        }
        qWarning() << "no button of role" << role << "in" << box->text();
        box->reject();
    });
}

void TestMainWindow::newLibraryShowsWelcomePost()
{
    QVERIFY(m_window->library()->wasCreated());
    QCOMPARE(int(m_window->library()->posts().list()->size()), 1);
    QCOMPARE(m_window->titleField()->text(), QStringLiteral("Welcome to Quire"));
    QVERIFY(m_window->editor()->toPlainText().contains(QStringLiteral("```python")));
    QVERIFY(waitForPreview(QStringLiteral("document.querySelectorAll('#quire-content h2').length > 0"), true));
    QCOMPARE(evaluate(QStringLiteral("document.getElementById('quire-title')?.textContent")).toString(),
             QStringLiteral("Welcome to Quire"));
    // Math and code rendered as the site renders them (off the GUI thread, so wait for it).
    QVERIFY(waitForPreview(QStringLiteral("document.querySelector('#quire-content span.math.inline .katex') !== null"), true));
    for (const char *selector : {"pre code.hljs.language-python", "div.math.display .katex-display", "table",
                                 "section.footnotes", "sup a[data-footnote-ref]"}) {
        const QString script = QStringLiteral("document.querySelector('#quire-content %1') !== null").arg(QLatin1String(selector));
        QVERIFY2(evaluate(script).toBool(), selector);
    }
    // The page is the theme's post page, with the theme's and KaTeX's style sheets loaded.
    const QString sheetLoaded = QStringLiteral(
        "Array.from(document.styleSheets).some(s => s.href && s.href.endsWith('%1') && s.cssRules.length > 5)");
    QVERIFY(waitForPreview(sheetLoaded.arg(QStringLiteral("/assets/style.css")), true));
    QVERIFY(waitForPreview(sheetLoaded.arg(QStringLiteral("/assets/katex/katex.min.css")), true));
    QVERIFY(evaluate(QStringLiteral("document.querySelector('header.site-header') !== null")).toBool());
    QVERIFY(evaluate(QStringLiteral("getComputedStyle(document.querySelector('#quire-content p')).fontFamily")).toString()
                .contains(QStringLiteral("Charter")));
}

void TestMainWindow::typingUpdatesPreviewAndSaves()
{
    const auto id = m_window->newPost();
    QVERIFY(id.ok());
    m_window->editor()->setFocus();
    type(m_window->editor(), QStringLiteral("# Hello Quire\n\nSome *text* & 1 < 2 \"quoted\"."));

    // Autosaved within a second of the last keystroke, without any explicit save.
    QElapsedTimer clock;
    clock.start();
    QVERIFY(WebWait::until([&] { return m_window->session()->state() == DraftSession::State::Saved; }, 1000));
    QVERIFY(clock.elapsed() <= 1000);
    QCOMPARE(m_window->library()->posts().byId(*id)->body, QStringLiteral("# Hello Quire\n\nSome *text* & 1 < 2 \"quoted\"."));
    QCOMPARE(m_window->editor()->document()->isUndoAvailable(), true);   // autosave leaves undo alone

    QVERIFY(waitForPreview(QStringLiteral("document.querySelector('#quire-content h1')?.textContent ?? ''"),
                           QStringLiteral("Hello Quire")));
    QCOMPARE(evaluate(QStringLiteral("document.querySelector('#quire-content h1').dataset.line")).toString(),
             QStringLiteral("1"));
    QCOMPARE(evaluate(QStringLiteral("document.querySelector('#quire-content p').textContent")).toString(),
             QStringLiteral("Some text & 1 < 2 \"quoted\"."));
}

void TestMainWindow::postsSurviveRestart()
{
    const auto id = m_window->newPost();
    QVERIFY(id.ok());
    m_window->titleField()->setFocus();
    m_window->titleField()->selectAll();
    type(m_window->titleField(), QStringLiteral("Restart me"));
    m_window->editor()->setFocus();
    type(m_window->editor(), QStringLiteral("Words typed just before closing"));
    m_window->close();          // flushes at once, no waiting for the autosave
    m_window.reset();           // releases the library

    m_window = openWindow();
    QVERIFY(m_window);
    QCOMPARE(int(m_window->library()->posts().list()->size()), 2);
    m_window->postList()->selectPost(*id);
    QCOMPARE(m_window->titleField()->text(), QStringLiteral("Restart me"));
    QCOMPARE(m_window->editor()->toPlainText(), QStringLiteral("Words typed just before closing"));
    QCOMPARE(m_window->library()->posts().byId(*id)->slug, QStringLiteral("restart-me"));
}

void TestMainWindow::titleRenamesDraftAndList()
{
    const auto id = m_window->newPost();
    QVERIFY(id.ok());
    m_window->titleField()->selectAll();
    type(m_window->titleField(), QStringLiteral("GPU portability notes"));
    QVERIFY(WebWait::until([&] { return m_window->session()->state() == DraftSession::State::Saved; }, 1500));
    QCOMPARE(m_window->library()->posts().byId(*id)->slug, QStringLiteral("gpu-portability-notes"));
    QVERIFY(waitForPreview(QStringLiteral("document.getElementById('quire-title')?.textContent"),
                           QStringLiteral("GPU portability notes")));
}

void TestMainWindow::aTitleTheRulesRefuseIsExplainedAndNotSaved()
{
    const auto id = m_window->newPost();
    QVERIFY(id.ok());
    m_window->titleField()->selectAll();
    type(m_window->titleField(), QStringLiteral("Kahan sums"));
    auto *field = m_window->findChild<TitleField *>();
    QVERIFY(field);
    QVERIFY(field->problem().isEmpty());

    // A right-to-left override would turn the rest of the page around: explained, not taken.
    type(m_window->titleField(), QString(QChar(0x202E)));
    QVERIFY2(!field->problem().isEmpty(), "the field says why");
    QCOMPARE(m_window->session()->post().title, QStringLiteral("Kahan sums"));
    QVERIFY(m_window->session()->flush());
    QCOMPARE(m_window->library()->posts().byId(*id)->title, QStringLiteral("Kahan sums"));

    // Fixing it takes the new title and the explanation goes.
    QTest::keyClick(m_window->titleField(), Qt::Key_Backspace);
    type(m_window->titleField(), QStringLiteral(", compensated"));
    QVERIFY(field->problem().isEmpty());
    QCOMPARE(m_window->session()->post().title, QStringLiteral("Kahan sums, compensated"));
}

void TestMainWindow::deleteAsksFirst()
{
    const auto id = m_window->newPost();
    QVERIFY(id.ok());
    QAction *action = nullptr;
    for (QAction *candidate : m_window->findChildren<QAction *>()) {
        if (candidate->text().contains(QStringLiteral("Delete Post")))
            action = candidate;
    }
    QVERIFY(action);

    QString text;
    answerNextDialog(QMessageBox::RejectRole, &text);
    action->trigger();
    QVERIFY(text.contains(QStringLiteral("Untitled post")));
    QCOMPARE(int(m_window->library()->posts().list()->size()), 2);

    answerNextDialog(QMessageBox::DestructiveRole, &text);
    action->trigger();
    QCOMPARE(int(m_window->library()->posts().list()->size()), 1);
    QVERIFY(!m_window->library()->posts().byId(*id).ok());
}

void TestMainWindow::historyRestoreShowsOldText()
{
    const auto id = m_window->newPost();
    QVERIFY(id.ok());
    QAction *save = nullptr;
    QAction *history = nullptr;
    for (QAction *candidate : m_window->findChildren<QAction *>()) {
        if (candidate->text() == QStringLiteral("&Save"))
            save = candidate;
        if (candidate->text().contains(QStringLiteral("History")))
            history = candidate;
    }
    QVERIFY(save && history);
    QCOMPARE(history->shortcut(), QKeySequence(QStringLiteral("Ctrl+Alt+H")));
    QVERIFY(!history->toolTip().isEmpty());
    const QString first = QStringLiteral("The first version of the post.");
    m_window->editor()->setPlainText(first);
    save->trigger();
    // Not saved yet when History opens: the dialog must see this text as the current one.
    m_window->editor()->setPlainText(QStringLiteral("The second version of the post."));

    QString question;
    bool sawCurrentText = false;
    whenModalIsUp<RevisionsDialog>(this, [&](RevisionsDialog *dialog) {
        sawCurrentText = dialog->inlineView()->toPlainText().contains(QStringLiteral("second"));
        for (int row = 0; row < dialog->revisions().size(); ++row) {
            if (dialog->revisions().at(row).body == first)
                dialog->revisionList()->setCurrentRow(row);
        }
        answerNextDialog(QMessageBox::AcceptRole, &question);
        dialog->restoreButton()->click();
    });
    history->trigger();
    QVERIFY(sawCurrentText);
    QVERIFY(question.contains(QStringLiteral("Replace")));
    QCOMPARE(m_window->editor()->toPlainText(), first);
    QCOMPARE(m_window->session()->post().body, first);
    QCOMPARE(m_window->library()->history().revisions(*id)->first().reason, RevisionReason::Restore);
    // Nothing from before the restore is written over it later.
    QTest::qWait(1200);
    QCOMPARE(m_window->library()->posts().byId(*id)->body, first);
}

void TestMainWindow::previewLoadsNothingRemote()
{
    const auto id = m_window->newPost();
    QVERIFY(id.ok());
    m_window->editor()->setPlainText(QStringLiteral("# Remote\n\n![tracker](http://127.0.0.1:9/pixel.png)\n"));
    // Complete: its request has ended (refused, or loaded).
    QVERIFY(waitForPreview(QStringLiteral("document.querySelector('#quire-content img')?.complete === true"), true));
    QCOMPARE(evaluate(QStringLiteral("document.querySelector('#quire-content img').naturalWidth")).toInt(), 0);
    QCOMPARE(evaluate(QStringLiteral("location.protocol")).toString(), QStringLiteral("quire:"));

    // Beneath the page's content policy, the preview's profile blocks any remote request itself.
    QWebEnginePage probe(WindowTest::preview(*m_window)->page()->profile());
    const int blockedBefore = WindowTest::preview(*m_window)->blockedRequestCount();
    probe.setHtml(QStringLiteral("<img src='http://127.0.0.1:9/pixel.png'><link rel=stylesheet href='https://127.0.0.1:9/x.css'>"),
                  QUrl(QStringLiteral("qrc:/quire/probe.html")));
    QVERIFY(WebWait::until([&] { return WindowTest::preview(*m_window)->blockedRequestCount() >= blockedBefore + 2; }, 10000));
}

void TestMainWindow::previewPatchesOnlyChangedBlocks()
{
    // The welcome post, rendered; mark its nodes, scroll, then type a new paragraph at the end.
    QVERIFY(waitForPreview(QStringLiteral("document.querySelector('#quire-content .katex') !== null"), true));
    QVERIFY(evaluate(QStringLiteral("document.querySelector('#quire-content p').quireMark = 1;"
                                    " document.querySelector('#quire-content .katex').quireMark = 2; true")).toBool());
    const int scrolled = 200;
    QTextCursor cursor = m_window->editor()->textCursor();
    cursor.movePosition(QTextCursor::End);
    m_window->editor()->setTextCursor(cursor);
    type(m_window->editor(), QStringLiteral("\n\nA closing thought."));
    QVERIFY(waitForPreview(QStringLiteral("document.querySelector('#quire-content').textContent.includes('A closing thought.')"), true));
    // The blocks that did not change are the same nodes (KaTeX output included).
    QCOMPARE(evaluate(QStringLiteral("document.querySelector('#quire-content p').quireMark")).toInt(), 1);
    QCOMPARE(evaluate(QStringLiteral("document.querySelector('#quire-content .katex').quireMark")).toInt(), 2);
    // An update that does not move the cursor (a title edit) leaves what the author reads where
    // it is (a title that now wraps moves the scroll position, not the text in view).
    QVERIFY(evaluate(QStringLiteral("window.scrollTo(0, %1); true").arg(scrolled)).toBool());
    const QString mathTop = QStringLiteral("Math.round(document.querySelector('#quire-content .katex').getBoundingClientRect().top)");
    const int before = evaluate(mathTop).toInt();
    QTest::keyClick(m_window->titleField(), Qt::Key_End);
    type(m_window->titleField(), QStringLiteral("!"));
    QVERIFY(waitForPreview(QStringLiteral("document.getElementById('quire-title').textContent"), QStringLiteral("Welcome to Quire!")));
    QVERIFY(evaluate(QStringLiteral("window.scrollY")).toInt() >= scrolled);
    QCOMPARE(evaluate(mathTop).toInt(), before);

    // An edit above shifts every line below: the blocks stay, with their new source lines.
    cursor.movePosition(QTextCursor::Start);
    m_window->editor()->setTextCursor(cursor);
    type(m_window->editor(), QStringLiteral("Opening line.\n\n"));
    QVERIFY(waitForPreview(QStringLiteral("document.querySelector('#quire-content p').textContent"), QStringLiteral("Opening line.")));
    QCOMPARE(evaluate(QStringLiteral("document.querySelector('#quire-content .katex').quireMark")).toInt(), 2);
    const int tableLine = evaluate(QStringLiteral("Number(document.querySelector('#quire-content table').getAttribute('data-line'))")).toInt();
    const QStringList lines = m_window->editor()->toPlainText().split(u'\n');
    QVERIFY(tableLine > 0 && lines.at(tableLine - 1).startsWith(u'|'));
}

void TestMainWindow::scrollSyncBothWays()
{
    QVERIFY(waitForPreview(QStringLiteral("document.querySelector('#quire-content section.footnotes') !== null"), true));
    QVERIFY(evaluate(QStringLiteral("window.scrollTo(0, 0); window.scrollY")).toInt() == 0);
    // The cursor on the last line: the preview scrolls to it.
    QTextCursor cursor = m_window->editor()->textCursor();
    cursor.movePosition(QTextCursor::End);
    m_window->editor()->setTextCursor(cursor);
    QVERIFY(waitForPreview(QStringLiteral("window.scrollY > 0"), true));
    // A click on a table cell in the preview: the cursor goes to that row's line.
    const int rowLine = evaluate(QStringLiteral(
        "Number(document.querySelector('#quire-content table td').closest('[data-line]').getAttribute('data-line'))")).toInt();
    QVERIFY(rowLine > 1);
    QVERIFY(evaluate(QStringLiteral("document.querySelector('#quire-content table td').click(); true")).toBool());
    QVERIFY(WebWait::until([&] { return m_window->editor()->textCursor().blockNumber() + 1 == rowLine; }, 5000));
    QVERIFY(m_window->editor()->textCursor().block().text().contains(QStringLiteral("naive")));
    QVERIFY(m_window->editor()->textCursor().block().text().startsWith(u'|'));
}

void TestMainWindow::killedWhileTypingLosesAtMostASecond()
{
    // Another Quire process types into a new post of its own library and is killed mid-sentence.
    const QString path = m_dir->filePath(QStringLiteral("typed.quire"));
    { QVERIFY(LibrarySetup::open(path)); }
    const QString expected = QStringLiteral("Never lose a word: the quick brown fox jumps over the lazy dog. ").repeated(20);
    for (int round = 0; round < 2; ++round) {
        QFile::remove(path);
        QProcess writer;
        writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        writer.start(QStringLiteral(TYPING_HELPER), {path});
        QVERIFY(writer.waitForStarted());
        // Once it types (a loaded machine may take a while to show the window), let it type for
        // 2 to 3.5 s, reading what it says it typed when.
        QList<std::pair<qint64, int>> typed;
        QVERIFY2(writer.waitForReadyRead(60000), "the writer never started typing");
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(2000 + 750 * round + QRandomGenerator::global()->bounded(750));
        while (std::chrono::steady_clock::now() < until && writer.state() == QProcess::Running) {
            writer.waitForReadyRead(50);
            while (writer.canReadLine()) {
                const QList<QByteArray> fields = writer.readLine().trimmed().split(' ');
                if (fields.size() == 2)
                    typed.append({fields[0].toLongLong(), fields[1].toInt()});
            }
        }
        const qint64 killedAt = std::chrono::duration_cast<std::chrono::milliseconds>(
                                    std::chrono::steady_clock::now().time_since_epoch()).count();
        ::kill(pid_t(writer.processId()), SIGKILL);
        writer.waitForFinished();
        QVERIFY2(typed.size() > 40, "the writer did not get to type");
        // Everything typed more than a second before the kill is in the library.
        int safe = 0;
        for (const auto &[at, chars] : typed) {
            if (at <= killedAt - 1000)
                safe = chars;
        }
        QVERIFY(safe > 0);
        auto library = LibrarySetup::open(path);
        QVERIFY2(library, library ? "" : qPrintable(library.errorMessage()));
        const auto posts = (*library)->posts().list();
        QVERIFY(posts && !posts->isEmpty());
        const QString body = (*library)->posts().byId(posts->first().id)->body;
        QVERIFY2(body.size() >= safe, qPrintable(QStringLiteral("%1 characters saved, %2 typed a second before the kill")
                                                      .arg(body.size()).arg(safe)));
        QCOMPARE(body, expected.left(body.size()));
    }
}

void TestMainWindow::outlineJumpsAndFollows()
{
    // The welcome post's headings, nested by level.
    QVERIFY(WebWait::until([&] { return m_window->outline()->topLevelItemCount() > 0; }, 15000));
    const QList<QTreeWidgetItem *> found = m_window->outline()->findItems(QStringLiteral("What a post can hold"),
                                                                         Qt::MatchExactly | Qt::MatchRecursive);
    QCOMPARE(found.size(), 1);
    // A click goes to the heading's line.
    m_window->outline()->scrollToItem(found.first());
    const QRect box = m_window->outline()->visualItemRect(found.first());
    QTest::mouseClick(m_window->outline()->viewport(), Qt::LeftButton, {}, box.center());
    QVERIFY(WebWait::until([&] { return m_window->editor()->textCursor().block().text() == QStringLiteral("## What a post can hold"); }, 5000));
    // Moving the cursor selects the heading it is under; typing a new heading adds it.
    QTextCursor cursor = m_window->editor()->textCursor();
    cursor.movePosition(QTextCursor::End);
    m_window->editor()->setTextCursor(cursor);
    QCOMPARE(m_window->outline()->currentItem(), found.first());
    type(m_window->editor(), QStringLiteral("\n\n## A late heading\n"));
    QVERIFY(WebWait::until([&] {
        return !m_window->outline()->findItems(QStringLiteral("A late heading"), Qt::MatchExactly | Qt::MatchRecursive).isEmpty();
    }, 15000));
    QVERIFY(WebWait::until([&] { return m_window->outline()->currentItem()
                                        && m_window->outline()->currentItem()->text(0) == QStringLiteral("A late heading"); }, 5000));
}

void TestMainWindow::badLibraryShowsDialog()
{
    const QString bad = m_dir->filePath(QStringLiteral("notes.quire"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("these are my notes, not a library\n");
    file.close();

    const QString before = m_window->library()->path();
    QString text;
    answerNextDialog(QMessageBox::AcceptRole, &text);
    QVERIFY(!m_window->openLibrary(bad));
    QVERIFY2(text.contains(QStringLiteral("not a Quire library")), qPrintable(text));
    QVERIFY(text.contains(bad));
    QCOMPARE(m_window->library()->path(), before);   // the open library stays
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("these are my notes, not a library\n"));
}

void TestMainWindow::searchFiltersTheList()
{
    const auto id = m_window->newPost();
    QVERIFY(id.ok());
    m_window->editor()->setPlainText(QStringLiteral("Notes on warp divergence."));
    QVERIFY(m_window->session()->flush().ok());
    auto *list = m_window->postList()->findChild<QListView *>();
    QVERIFY(list);
    QCOMPARE(list->model()->rowCount(), 2);

    type(m_window->postList()->searchField(), QStringLiteral("diverg"));
    QVERIFY(WebWait::until([&] { return list->model()->rowCount() == 1; }, 2000));
    QCOMPARE(m_window->postList()->currentPostId(), *id);

    // A search that hides the open post does not take it out of the editor.
    m_window->postList()->searchField()->clear();
    type(m_window->postList()->searchField(), QStringLiteral("kahan"));
    QVERIFY(WebWait::until([&] {
        return list->model()->rowCount() == 1
            && list->model()->index(0, 0).data(PostListModel::IdRole).toLongLong() != *id;
    }, 2000));
    QCOMPARE(m_window->postList()->currentPostId(), 0);
    QCOMPARE(m_window->session()->post().id, *id);
    QCOMPARE(m_window->editor()->toPlainText(), QStringLiteral("Notes on warp divergence."));
    m_window->postList()->searchField()->clear();
    QVERIFY(WebWait::until([&] { return list->model()->rowCount() == 2; }, 2000));
}

void TestMainWindow::layoutIsRemembered()
{
    auto *splitter = m_window->findChild<QSplitter *>();
    QVERIFY(splitter);
    m_window->resize(1100, 700);
    splitter->setSizes({200, 500, 400});
    const QList<int> sizes = splitter->sizes();
    const QSize size = m_window->size();
    m_window->close();
    m_window.reset();

    m_window = openWindow();
    QVERIFY(m_window);
    QCOMPARE(m_window->size(), size);
    QCOMPARE(m_window->findChild<QSplitter *>()->sizes(), sizes);
}

void TestMainWindow::postDetailsDock()
{
    auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("metadata"));
    QVERIFY(dock);
    QVERIFY(dock->isVisible());
    QCOMPARE(m_window->dockWidgetArea(dock), Qt::RightDockWidgetArea);
    QCOMPARE(dock->widget(), m_window->metadata());

    // The title typed above the editor: a new draft's slug follows it in the panel and the library.
    const auto id = m_window->newPost();
    QVERIFY(id.ok());
    QTest::keyClicks(m_window->titleField(), QStringLiteral("Details follow"));
    QCOMPARE(m_window->metadata()->slugField()->text(), QStringLiteral("details-follow"));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->library()->posts().byId(*id)->slug, QStringLiteral("details-follow"), 2000);

    // View › Post Details hides it, and the window remembers that.
    QAction *toggle = nullptr;
    for (QAction *menu : m_window->menuBar()->actions()) {
        if (menu->text() == QStringLiteral("&View"))
            toggle = menu->menu()->actions().value(1);
    }
    QVERIFY(toggle);
    QCOMPARE(toggle->text(), QStringLiteral("Post &Details"));
    toggle->trigger();
    QVERIFY(!dock->isVisible());
    m_window->close();
    m_window.reset();
    m_window = openWindow();
    QVERIFY(m_window);
    dock = m_window->findChild<QDockWidget *>(QStringLiteral("metadata"));
    QVERIFY(!dock->isVisible());
    dock->toggleViewAction()->trigger();
    QVERIFY(dock->isVisible());
    m_window->close();   // remembered as shown again, for whatever runs next
}

void TestMainWindow::previewFollowsPostDetails()
{
    // A tag given in Post Details shows in the preview without a keystroke in the editor, and
    // the page, made again for it, comes back to where the writer is.
    const auto id = m_window->newPost();
    QVERIFY(id.ok());
    QString body;
    for (int i = 1; i <= 80; ++i)
        body += QStringLiteral("Paragraph %1 of a long post, long enough to scroll.\n\n").arg(i);
    body += QStringLiteral("The last paragraph.");
    m_window->editor()->setFocus();
    m_window->editor()->insertPlainText(body);
    QVERIFY(waitForPreview(QStringLiteral("document.querySelector('#quire-content').textContent.includes('The last paragraph.')"),
                           true));
    m_window->editor()->moveCursor(QTextCursor::Start);
    m_window->editor()->moveCursor(QTextCursor::End);   // the preview follows the cursor down
    QVERIFY(waitForPreview(QStringLiteral("window.scrollY > 500"), true));

    m_window->metadata()->tagsField()->setText(QStringLiteral("determinism"));
    m_window->metadata()->commitTags();
    QCOMPARE(m_window->session()->post().tags, QStringList{QStringLiteral("determinism")});
    QVERIFY(waitForPreview(QStringLiteral("document.body.textContent.includes('determinism')"), true));
    QVERIFY(waitForPreview(QStringLiteral("document.querySelector('#quire-content').textContent.includes('The last paragraph.')"
                                          " && window.scrollY > 500"),
                           true));
}

bool TestMainWindow::showNewWindow()
{
    m_window.reset();
    auto library = LibrarySetup::open(libraryPath());
    if (!library)
        return false;
    m_window = std::make_unique<MainWindow>(std::move(*library));
    m_window->show();
    return true;
}

void TestMainWindow::previewComesAfterFirstPaint()
{
    // The window takes keys before WebEngine has started; the preview follows on its own, with
    // what was typed meanwhile.
    QVERIFY(showNewWindow());
    QVERIFY(m_window->findChild<PreviewView *>() == nullptr);
    QTest::keyClicks(m_window->editor(), QStringLiteral("Typed before the preview. "));
    QVERIFY(WebWait::until([&] { return m_window->findChild<PreviewView *>() != nullptr; }, 10000));
    QVERIFY(waitForPreview(QStringLiteral("document.querySelector('#quire-content').textContent.includes('Typed before the preview.')"),
                           true));
}

void TestMainWindow::previewWaitsForAPauseInTyping()
{
    // A writer typing from the first moment is not held up by WebEngine starting: the preview
    // comes at their first pause, or after a second and a half of steady typing.
    QVERIFY(showNewWindow());
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QElapsedTimer typing;
    typing.start();
    while (typing.elapsed() < 700) {
        QTest::keyClick(m_window->editor(), Qt::Key_A);
        QTest::qWait(30);   // well within the 200 ms pause
    }
    QVERIFY(m_window->findChild<PreviewView *>() == nullptr);
    QVERIFY(WebWait::until([&] { return m_window->findChild<PreviewView *>() != nullptr; }, 2000));   // the pause

    QVERIFY(showNewWindow());
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    typing.restart();
    while (m_window->findChild<PreviewView *>() == nullptr && typing.elapsed() < 5000) {
        QTest::keyClick(m_window->editor(), Qt::Key_B);
        QTest::qWait(30);
    }
    QVERIFY(m_window->findChild<PreviewView *>() != nullptr);   // the deadline, though typing went on
    QVERIFY2(typing.elapsed() >= 1000, qPrintable(QString::number(typing.elapsed())));
}

QUIRE_WINDOW_TEST_MAIN(TestMainWindow)

#include "tst_main_window.moc"
