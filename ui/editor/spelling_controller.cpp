#include "editor/spelling_controller.h"

#include "editor/editor_view.h"
#include "spelling/dictionary_finder.h"
#include "spelling/spell_checker.h"
#include "store/library.h"
#include "store/setting_store.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QSettings>
#include <QThread>

#include <memory>
#include <optional>

namespace quire {

namespace {

const QString EnabledKey = QStringLiteral("spelling/enabled");

} // namespace

SpellingController::SpellingController(EditorView *editor, QWidget *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_checkAction(new QAction(tr("Check &Spelling"), this))
    , m_languageMenu(new QMenu(tr("Spelling &Language"), parent))
    , m_languages(new QActionGroup(this))
{
    m_checkAction->setCheckable(true);
    m_checkAction->setChecked(QSettings().value(EnabledKey, true).toBool());
    m_checkAction->setToolTip(tr("Underline misspelled words in the post as you type"));
    m_languageMenu->setToolTipsVisible(true);
    m_languageMenu->menuAction()->setToolTip(tr("The dictionary used for this blog's posts"));
    connect(m_checkAction, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(EnabledKey, on);
        reload();
    });
    connect(editor, &EditorView::spellingProblem, this, &SpellingController::problem);
    fillLanguageMenu();
}

SpellingController::~SpellingController()
{
    for (QThread *opener : std::as_const(m_openers))
        opener->wait();
    if (m_editor)
        m_editor->setSpellChecker(nullptr);
}

void SpellingController::setLibrary(Library *library)
{
    m_library = library;
    const QString fallback = DictionaryFinder().defaultLanguage();
    auto language = library ? library->settings().value(Setting::SpellingLanguage, fallback) : Result<QString>(fallback);
    m_language = language && !language->isEmpty() ? *language : fallback;
    if (!language)
        emit problem(tr("The blog's spelling language could not be read, so %1 is used: %2").arg(fallback, language.errorMessage()));
    for (QAction *action : m_languages->actions())
        action->setChecked(action->data().toString() == m_language);
    reload();
}

void SpellingController::fillLanguageMenu()
{
    const QStringList languages = DictionaryFinder().languages();
    for (const QString &language : languages) {
        QAction *action = m_languageMenu->addAction(DictionaryFinder::displayName(language));
        action->setData(language);
        action->setCheckable(true);
        action->setToolTip(tr("Check spelling with the %1 dictionary").arg(language));
        m_languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, language] { chooseLanguage(language); });
    }
    if (languages.isEmpty()) {
        QAction *none = m_languageMenu->addAction(tr("No Dictionaries Installed"));
        none->setEnabled(false);
    }
}

void SpellingController::chooseLanguage(const QString &language)
{
    m_language = language;
    if (m_library) {
        if (auto saved = m_library->settings().set(Setting::SpellingLanguage, language); !saved)
            emit problem(saved.errorMessage());
    }
    reload();
}

// Reading a dictionary takes a quarter of a second or more (en_US: 50,000 words): done on a
// thread of its own so the window opens and takes keys at once.
void SpellingController::reload()
{
    if (!m_editor)
        return;
    const int generation = ++m_generation;
    if (m_checker) {
        m_editor->setSpellChecker(nullptr);
        m_checker.reset();
        emit checkerChanged();
    }
    if (!m_checkAction->isChecked() || m_language.isEmpty())
        return;
    auto opened = std::make_shared<std::optional<Result<std::unique_ptr<SpellChecker>>>>();
    QThread *opener = QThread::create([opened, language = m_language] { opened->emplace(SpellChecker::open(language)); });
    opener->setParent(this);   // waited for in the destructor, then deleted with this
    m_openers.append(opener);
    connect(opener, &QThread::finished, this, [this, opener, opened, generation] {
        m_openers.removeOne(opener);
        opener->deleteLater();
        if (generation == m_generation && opened->has_value())
            install(std::move(**opened));
    });
    opener->start(QThread::LowPriority);
}

void SpellingController::install(Result<std::unique_ptr<SpellChecker>> opened)
{
    if (!m_editor)
        return;
    if (!opened) {
        emit problem(opened.errorMessage());
        return;
    }
    m_checker = std::move(*opened);
    m_editor->setSpellChecker(m_checker.get());
    emit checkerChanged();
}

} // namespace quire
