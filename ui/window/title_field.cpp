#include "window/title_field.h"

#include "store/post_rules.h"

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace quire {

TitleField::TitleField(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_problem(new QLabel(this))
{
    m_edit->setPlaceholderText(tr("Title"));
    m_edit->setFrame(false);
    QFont font = m_edit->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    m_edit->setFont(font);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b3261e;"));   // as the Post Details panel's problems
    m_problem->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_edit);
    layout->addWidget(m_problem);
    setFocusProxy(m_edit);
    connect(m_edit, &QLineEdit::textEdited, this, &TitleField::check);
}

void TitleField::setTitle(const QString &title)
{
    m_edit->setText(title);
    m_problem->hide();
}

QString TitleField::problem() const
{
    return m_problem->isVisible() ? m_problem->text() : QString();
}

void TitleField::check(const QString &title)
{
    const QString problem = PostRules::titleProblem(title);
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    if (problem.isEmpty())
        emit titleEdited(title);
}

} // namespace quire
