#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace quire {

// The post's title above the editor, large. A title the post rules refuse (PostRules::titleProblem:
// nothing to read, too long, characters that reorder the page) is explained under the field and
// not passed on: the post keeps its last good title until the writer fixes it.
class TitleField : public QWidget
{
    Q_OBJECT

public:
    explicit TitleField(QWidget *parent = nullptr);

    QLineEdit *lineEdit() const { return m_edit; }
    // Shows the title of the post just opened (nothing to explain about it).
    void setTitle(const QString &title);
    QString problem() const;

signals:
    // The writer changed the title to one the rules accept.
    void titleEdited(const QString &title);

private:
    void check(const QString &title);

    QLineEdit *m_edit;
    QLabel *m_problem;
};

} // namespace quire
