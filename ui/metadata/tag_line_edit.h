#pragma once

#include <QLineEdit>

class QCompleter;
class QStringListModel;

namespace quire {

// A line of comma-separated tags whose completer offers the library's tags for the tag under
// the cursor only (a QLineEdit's own completer would replace the whole line).
class TagLineEdit : public QLineEdit
{
    Q_OBJECT

public:
    explicit TagLineEdit(QWidget *parent = nullptr);

    void setKnownTags(const QStringList &tags);
    // The tags as typed: the text between the commas, untouched (PostRules::tags tidies them).
    QStringList tags() const;
    // Shows the tags, comma-separated.
    void setTags(const QStringList &tags);
    QCompleter *completer() const { return m_completer; }
    // The tag being typed: from the comma before the cursor to the cursor, trimmed.
    QString currentToken() const;

signals:
    // A tag was completed or ended with a comma: a good moment to store the tags.
    void tagFinished();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void updateCompletions();
    void insertCompletion(const QString &tag);
    qsizetype tokenStart() const;

    QCompleter *m_completer;
    QStringListModel *m_model;
};

} // namespace quire
