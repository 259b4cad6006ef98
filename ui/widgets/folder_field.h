#pragma once

#include <QWidget>

class QLineEdit;
class QPushButton;

namespace quire {

// A folder typed or chosen with Browse…: the row every dialog that reads or writes a folder has.
class FolderField : public QWidget
{
    Q_OBJECT

public:
    // caption: the title of the folder chooser ("Output Folder").
    explicit FolderField(const QString &caption, QWidget *parent = nullptr);

    // The folder as typed, trimmed and cleaned ("" when empty).
    QString folder() const;
    void setFolder(const QString &folder);
    QLineEdit *lineEdit() const { return m_edit; }
    QPushButton *browseButton() const { return m_browse; }

signals:
    void folderChanged();

private:
    void browse();

    QString m_caption;
    QLineEdit *m_edit;
    QPushButton *m_browse;
};

} // namespace quire
