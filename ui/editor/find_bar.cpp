#include "editor/find_bar.h"

#include "editor/editor_view.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QStyle>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace quire {

namespace {

QAction *makeAction(QObject *parent, const QString &icon, const QString &text, const QString &tip,
                    QKeySequence::StandardKey key)
{
    auto *action = new QAction(QIcon::fromTheme(icon), text, parent);
    action->setShortcuts(key);
    action->setToolTip(tip);
    return action;
}

// An icon button for a menu action (its text is in the tooltip); the style's arrow when the
// icon theme has none.
QToolButton *buttonFor(QAction *action, QStyle::StandardPixmap fallback, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    if (action->icon().isNull())
        button->setIcon(parent->style()->standardIcon(fallback));
    button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    button->setAutoRaise(true);
    return button;
}

} // namespace

FindBar::FindBar(EditorView *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_search(new QLineEdit(this))
    , m_replace(new QLineEdit(this))
    , m_matchCase(new QCheckBox(tr("Match &Case"), this))
    , m_wholeWords(new QCheckBox(tr("&Whole Words"), this))
    , m_regex(new QCheckBox(tr("Regular E&xpression"), this))
    , m_status(new QLabel(this))
    , m_replaceRow(new QWidget(this))
    , m_searchTimer(new QTimer(this))
{
    createActions();
    createLayout();
    connectSearch();
    hide();
}

void FindBar::createActions()
{
    m_findAction = makeAction(this, QStringLiteral("edit-find"), tr("&Find…"),
                              tr("Search the post, with every match highlighted"), QKeySequence::Find);
    m_findNextAction = makeAction(this, QStringLiteral("go-down"), tr("Find &Next"),
                                  tr("Go to the next match"), QKeySequence::FindNext);
    m_findPreviousAction = makeAction(this, QStringLiteral("go-up"), tr("Find Pre&vious"),
                                      tr("Go to the previous match"), QKeySequence::FindPrevious);
    m_replaceAction = makeAction(this, QStringLiteral("edit-find-replace"), tr("&Replace…"),
                                 tr("Replace matches one by one or all at once"), QKeySequence::Replace);
    // Some desktops (a bare X11 session) bind no key to Replace: Ctrl+H, as on GNOME and Windows.
    if (m_replaceAction->shortcut().isEmpty())
        m_replaceAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    connect(m_findAction, &QAction::triggered, this, &FindBar::openFind);
    connect(m_replaceAction, &QAction::triggered, this, &FindBar::openReplace);
    connect(m_findNextAction, &QAction::triggered, this, [this] { step(true); });
    connect(m_findPreviousAction, &QAction::triggered, this, [this] { step(false); });
}

// Row one: what to find; row two: how; row three: the replacement (in replace mode) and the
// count. Three narrow rows, so the bar never pushes the preview aside in a narrow editor.
void FindBar::createLayout()
{
    m_search->setPlaceholderText(tr("Find"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_replace->setPlaceholderText(tr("Replace with (\\1 for a captured group)"));
    m_matchCase->setToolTip(tr("Tell capitals from small letters"));
    m_wholeWords->setToolTip(tr("Only match whole words"));
    m_regex->setToolTip(tr("Search with a regular expression; \\1 in the replacement is its first group"));
    m_search->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 16);
    m_status->setTextFormat(Qt::PlainText);

    auto *close = new QToolButton(this);
    close->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    close->setToolTip(tr("Close the find bar (Esc)"));
    close->setAutoRaise(true);
    connect(close, &QToolButton::clicked, this, &FindBar::close);

    auto *replaceOne = new QPushButton(tr("Replace"), m_replaceRow);
    replaceOne->setToolTip(tr("Replace the selected match and go to the next"));
    auto *replaceEvery = new QPushButton(tr("Replace &All"), m_replaceRow);
    replaceEvery->setToolTip(tr("Replace every match in the post (one undo step)"));
    connect(replaceOne, &QPushButton::clicked, this, [this] { replace(); });
    connect(replaceEvery, &QPushButton::clicked, this, [this] { replaceAll(); });
    connect(m_replace, &QLineEdit::returnPressed, this, [this] { replace(); });

    auto *findRow = new QHBoxLayout;
    findRow->addWidget(m_search, 1);
    findRow->addWidget(buttonFor(m_findPreviousAction, QStyle::SP_ArrowUp, this));
    findRow->addWidget(buttonFor(m_findNextAction, QStyle::SP_ArrowDown, this));
    findRow->addWidget(close);
    auto *optionsRow = new QHBoxLayout;
    optionsRow->addWidget(m_matchCase);
    optionsRow->addWidget(m_wholeWords);
    optionsRow->addWidget(m_regex);
    optionsRow->addStretch(1);
    auto *replaceRow = new QHBoxLayout(m_replaceRow);
    replaceRow->setContentsMargins(0, 0, 0, 0);
    replaceRow->addWidget(m_replace, 1);
    replaceRow->addWidget(replaceOne);
    replaceRow->addWidget(replaceEvery);
    auto *secondRow = new QHBoxLayout;
    secondRow->addWidget(m_replaceRow, 1);
    secondRow->addStretch(0);
    secondRow->addWidget(m_status);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(2);
    layout->addLayout(findRow);
    layout->addLayout(optionsRow);
    layout->addLayout(secondRow);

    auto *escape = new QShortcut(QKeySequence::Cancel, this, this, &FindBar::close);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
}

// Searches again when the words, the options or the text change; keeps the count and the
// highlights in step with the cursor and the scrolling.
void FindBar::connectSearch()
{
    m_searchTimer->setSingleShot(true);
    connect(m_searchTimer, &QTimer::timeout, this, &FindBar::search);
    connect(m_search, &QLineEdit::textChanged, this, [this] {
        m_incremental = true;
        scheduleSearch(80);
    });
    for (QCheckBox *option : {m_matchCase, m_wholeWords, m_regex}) {
        connect(option, &QCheckBox::toggled, this, [this] {
            m_incremental = true;
            scheduleSearch(0);
        });
    }
    // The text changes under the matches: count again once the writer pauses.
    connect(m_editor->document(), &QTextDocument::contentsChanged, this, [this] {
        m_dirty = true;
        if (isVisible())
            scheduleSearch(300);
    });
    connect(m_editor, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        if (isVisible() && !m_dirty)
            showStatus();
    });
    connect(m_editor->verticalScrollBar(), &QScrollBar::valueChanged, this, &FindBar::highlightVisible);
    m_editor->installEventFilter(this);
    m_editor->viewport()->installEventFilter(this);
}

QList<QAction *> FindBar::menuActions() const
{
    return {m_findAction, m_findNextAction, m_findPreviousAction, m_replaceAction};
}

void FindBar::openFind()
{
    open(false);
}

void FindBar::openReplace()
{
    open(true);
}

void FindBar::open(bool withReplace)
{
    // The search starts from what the writer selected (within a line).
    const QTextCursor cursor = m_editor->textCursor();
    const QString selected = cursor.selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator)) {
        m_search->blockSignals(true);
        m_search->setText(m_regex->isChecked() ? QRegularExpression::escape(selected) : selected);
        m_search->blockSignals(false);
    }
    m_origin = cursor.selectionStart();
    m_replaceRow->setVisible(withReplace);
    show();
    m_search->setFocus();
    m_search->selectAll();
    m_dirty = true;
    search();
}

void FindBar::close()
{
    hide();
    m_editor->setFocus();
}

void FindBar::hideEvent(QHideEvent *event)
{
    m_searchTimer->stop();
    m_editor->setSelectionLayer(EditorView::SelectionLayer::SearchMatches, {});
    m_highlighted = {-1, -1};
    QWidget::hideEvent(event);
}

void FindBar::setOptions(TextSearch::Options options)
{
    m_matchCase->setChecked(options.matchCase);
    m_wholeWords->setChecked(options.wholeWords);
    m_regex->setChecked(options.regularExpression);
}

TextSearch::Options FindBar::options() const
{
    return {m_matchCase->isChecked(), m_wholeWords->isChecked(), m_regex->isChecked()};
}

void FindBar::scheduleSearch(int delay)
{
    m_dirty = true;
    m_searchTimer->start(delay);
}

void FindBar::ensureSearched()
{
    if (m_dirty)
        search();
}

void FindBar::search()
{
    m_searchTimer->stop();
    m_dirty = false;
    m_matches.clear();
    m_compiled.reset();
    m_error.clear();
    m_highlighted = {-1, -1};
    if (!m_search->text().isEmpty()) {
        auto compiled = TextSearch::compile(m_search->text(), options());
        if (compiled) {
            m_compiled = std::move(*compiled);
            m_matches = m_compiled->findAll(m_editor->toPlainText());
        } else {
            m_error = compiled.errorMessage();
        }
    }
    highlightVisible();
    if (std::exchange(m_incremental, false) && !m_matches.isEmpty()) {
        const auto at = std::lower_bound(m_matches.cbegin(), m_matches.cend(), m_origin,
                                         [](const TextSearch::Match &m, int position) { return m.start < position; });
        const int origin = m_origin;
        selectMatch(at != m_matches.cend() ? *at : m_matches.first());
        m_origin = origin;   // typing on refines the search from where it began
    }
    showStatus();
}

bool FindBar::findNext()
{
    return step(true);
}

bool FindBar::findPrevious()
{
    return step(false);
}

bool FindBar::step(bool forward)
{
    if (!isVisible() && m_search->text().isEmpty()) {
        openFind();
        return false;
    }
    show();
    ensureSearched();
    if (m_matches.isEmpty()) {
        showStatus();
        return false;
    }
    const QTextCursor cursor = m_editor->textCursor();
    QString wrapped;
    TextSearch::Match target;
    if (forward) {
        const int from = cursor.selectionEnd();
        const auto next = std::lower_bound(m_matches.cbegin(), m_matches.cend(), from,
                                           [](const TextSearch::Match &m, int position) { return m.start < position; });
        target = next != m_matches.cend() ? *next : m_matches.first();
        if (next == m_matches.cend())
            wrapped = tr("Continued from the top");
    } else {
        const int from = cursor.selectionStart();
        const auto next = std::lower_bound(m_matches.cbegin(), m_matches.cend(), from,
                                           [](const TextSearch::Match &m, int position) { return m.start < position; });
        target = next != m_matches.cbegin() ? *std::prev(next) : m_matches.last();
        if (next == m_matches.cbegin())
            wrapped = tr("Continued from the bottom");
    }
    selectMatch(target);
    showStatus(wrapped);
    return true;
}

void FindBar::selectMatch(const TextSearch::Match &match)
{
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(match.start);
    cursor.setPosition(match.end(), QTextCursor::KeepAnchor);
    m_editor->setTextCursor(cursor);
    m_editor->ensureCursorVisible();
    m_origin = match.start;
}

int FindBar::matchCount()
{
    ensureSearched();
    return int(m_matches.size());
}

int FindBar::currentMatch()
{
    ensureSearched();
    const QTextCursor cursor = m_editor->textCursor();
    const TextSearch::Match selected{cursor.selectionStart(), cursor.selectionEnd() - cursor.selectionStart()};
    const auto at = std::lower_bound(m_matches.cbegin(), m_matches.cend(), selected.start,
                                     [](const TextSearch::Match &m, int position) { return m.start < position; });
    return at != m_matches.cend() && *at == selected ? int(at - m_matches.cbegin()) + 1 : 0;
}

QString FindBar::status() const
{
    return m_status->text();
}

bool FindBar::replace()
{
    ensureSearched();
    if (!m_compiled)
        return false;
    const int index = currentMatch();
    if (index == 0)
        return step(true);   // the first press shows which match would go
    const TextSearch::Match match = m_matches.at(index - 1);
    const QString text = m_editor->toPlainText();
    QTextCursor cursor = m_editor->textCursor();
    cursor.insertText(m_compiled->replacement(m_replace->text(), m_compiled->matchAt(text, match)));
    m_editor->setTextCursor(cursor);
    search();
    if (!m_matches.isEmpty())
        step(true);
    return true;
}

int FindBar::replaceAll()
{
    ensureSearched();
    if (!m_compiled || m_matches.isEmpty())
        return 0;
    const QString text = m_editor->toPlainText();
    const QList<TextSearch::Match> matches = m_matches;
    QTextCursor cursor(m_editor->document());
    cursor.beginEditBlock();   // one undo step for all of them
    for (auto it = matches.crbegin(); it != matches.crend(); ++it) {
        const QString replacement = m_compiled->replacement(m_replace->text(), m_compiled->matchAt(text, *it));
        cursor.setPosition(it->start);
        cursor.setPosition(it->end(), QTextCursor::KeepAnchor);
        cursor.insertText(replacement);
    }
    cursor.endEditBlock();
    search();
    const int replaced = int(matches.size());
    showStatus(tr("Replaced %n match(es)", nullptr, replaced));
    return replaced;
}

// Only the matches on screen get painted, so a post with thousands of them scrolls smoothly.
void FindBar::highlightVisible()
{
    if (!isVisible() || m_matches.isEmpty()) {
        if (m_highlighted != std::pair{-1, -1} || m_matches.isEmpty())
            m_editor->setSelectionLayer(EditorView::SelectionLayer::SearchMatches, {});
        m_highlighted = {-1, -1};
        return;
    }
    const QRect area = m_editor->viewport()->rect();
    const int first = m_editor->cursorForPosition(area.topLeft()).block().position();
    const QTextBlock lastBlock = m_editor->cursorForPosition(area.bottomRight()).block();
    const int last = lastBlock.position() + lastBlock.length();
    if (m_highlighted == std::pair{first, last})
        return;
    m_highlighted = {first, last};

    QTextCharFormat format;
    format.setBackground(QColor(255, 214, 102));
    format.setForeground(QColor(Qt::black));
    QList<QTextEdit::ExtraSelection> selections;
    auto it = std::lower_bound(m_matches.cbegin(), m_matches.cend(), first,
                               [](const TextSearch::Match &m, int position) { return m.end() <= position; });
    for (; it != m_matches.cend() && it->start < last && selections.size() < MaxHighlights; ++it) {
        QTextCursor cursor(m_editor->document());
        cursor.setPosition(it->start);
        cursor.setPosition(it->end(), QTextCursor::KeepAnchor);
        selections.append({cursor, format});
    }
    m_editor->setSelectionLayer(EditorView::SelectionLayer::SearchMatches, selections);
}

void FindBar::showStatus(const QString &extra)
{
    QPalette colours = palette();
    if (!m_error.isEmpty()) {
        colours.setColor(QPalette::WindowText, QColor(190, 30, 30));
        m_status->setPalette(colours);
        m_status->setText(tr("Invalid pattern: %1").arg(m_error));
        return;
    }
    m_status->setPalette(colours);
    QString text;
    if (m_search->text().isEmpty())
        text.clear();
    else if (m_matches.isEmpty())
        text = tr("No matches");
    else if (const int current = currentMatch(); current > 0)
        //: Find bar: "3 of 12" matches
        text = tr("%1 of %2").arg(current).arg(m_matches.size());
    else
        text = tr("%n match(es)", nullptr, int(m_matches.size()));
    if (!extra.isEmpty())
        text = text.isEmpty() ? extra : tr("%1 · %2").arg(text, extra);
    m_status->setText(text);
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (watched == m_search && enter) {
            step(!(key->modifiers() & Qt::ShiftModifier));
            return true;
        }
        if (watched == m_editor && key->matches(QKeySequence::Cancel) && isVisible()) {
            close();
            return true;
        }
    } else if (event->type() == QEvent::Resize && watched == m_editor->viewport()) {
        m_highlighted = {-1, -1};
        highlightVisible();
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace quire
