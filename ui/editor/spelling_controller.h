#pragma once

#include <QObject>
#include <QPointer>

#include "result.h"

#include <memory>

class QAction;
class QActionGroup;
class QMenu;
class QThread;

namespace quire {

class EditorView;
class Library;
class SpellChecker;

// Spell check for the editor: the Check Spelling toggle (remembered in QSettings), the Spelling
// Language menu (the library's Setting::SpellingLanguage) and the checker they choose.
class SpellingController : public QObject
{
    Q_OBJECT

public:
    SpellingController(EditorView *editor, QWidget *parent);
    ~SpellingController() override;

    QAction *checkAction() const { return m_checkAction; }
    QMenu *languageMenu() const { return m_languageMenu; }
    SpellChecker *checker() const { return m_checker.get(); }

    // Reads the library's language and checks with it; null turns checking off.
    void setLibrary(Library *library);

signals:
    // Something the writer should know (a missing dictionary, an unwritable word list).
    void problem(const QString &message);
    // A checker was installed in the editor, or removed (checker() is then null).
    void checkerChanged();

private:
    void fillLanguageMenu();
    void chooseLanguage(const QString &language);
    void reload();
    void install(Result<std::unique_ptr<SpellChecker>> opened);

    QPointer<EditorView> m_editor;   // may go before this controller when the window closes
    Library *m_library = nullptr;
    QString m_language;
    std::unique_ptr<SpellChecker> m_checker;
    QAction *m_checkAction;
    QMenu *m_languageMenu;
    QActionGroup *m_languages;
    QList<QThread *> m_openers;   // dictionaries being read; only the newest one is used
    int m_generation = 0;
};

} // namespace quire
