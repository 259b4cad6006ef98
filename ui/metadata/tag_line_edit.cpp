#include "metadata/tag_line_edit.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QStringListModel>

namespace quire {

TagLineEdit::TagLineEdit(QWidget *parent)
    : QLineEdit(parent)
    , m_completer(new QCompleter(this))
    , m_model(new QStringListModel(this))
{
    m_completer->setModel(m_model);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchStartsWith);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setWidget(this);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &TagLineEdit::insertCompletion);
    connect(this, &QLineEdit::textEdited, this, &TagLineEdit::updateCompletions);
}

void TagLineEdit::setKnownTags(const QStringList &tags)
{
    m_model->setStringList(tags);
}

QStringList TagLineEdit::tags() const
{
    return text().split(u',');
}

void TagLineEdit::setTags(const QStringList &tags)
{
    setText(tags.join(QLatin1String(", ")));
}

qsizetype TagLineEdit::tokenStart() const
{
    return text().lastIndexOf(u',', cursorPosition() - 1) + 1;
}

QString TagLineEdit::currentToken() const
{
    const qsizetype start = tokenStart();
    return text().mid(start, cursorPosition() - start).trimmed();
}

void TagLineEdit::updateCompletions()
{
    const QString token = currentToken();
    if (token.isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(token);
    if (m_completer->completionCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->complete();
}

void TagLineEdit::insertCompletion(const QString &tag)
{
    // The token runs on to the next comma: a tag completed in the middle replaces all of it.
    const QString line = text();
    const qsizetype start = tokenStart();
    qsizetype end = line.indexOf(u',', cursorPosition());
    const bool last = end < 0;
    if (last)
        end = line.size();
    const QString before = start > 0 ? line.left(start) + u' ' + tag : tag;
    const QString after = last ? QStringLiteral(", ") : line.mid(end);
    setText(before + after);
    setCursorPosition(int(before.size() + (last ? after.size() : 0)));
    emit tagFinished();
}

void TagLineEdit::keyPressEvent(QKeyEvent *event)
{
    // While the popup is open, these keys choose or dismiss a completion (the completer sees them).
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore();
            return;
        default:
            break;
        }
    }
    QLineEdit::keyPressEvent(event);
    if (event->text() == QLatin1String(","))
        emit tagFinished();
}

} // namespace quire
