#pragma once

#include "publish/publish_target.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace quire {

// Adds or edits one publish target: its name, kind and where it goes. What the target would
// refuse (an empty or root rsync destination, a bad branch name) is said inline, and OK waits
// until there is nothing to say.
class PublishTargetDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PublishTargetDialog(const PublishTarget &target, QWidget *parent = nullptr);

    PublishTarget target() const;

    // For tests.
    QLineEdit *nameField() const { return m_name; }
    QComboBox *kindBox() const { return m_kind; }
    QLineEdit *destinationField() const { return m_destination; }
    QLineEdit *branchField() const { return m_branch; }
    QLineEdit *cnameField() const { return m_cname; }
    QLabel *problemLabel() const { return m_problem; }
    QPushButton *okButton() const;

private:
    void kindChanged();
    void check();
    void browse();

    qint64 m_id;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QLineEdit *m_destination;
    QPushButton *m_browse;
    QLabel *m_destinationHint;
    QLineEdit *m_branch;
    QLineEdit *m_cname;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace quire
