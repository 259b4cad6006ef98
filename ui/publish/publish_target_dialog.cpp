#include "publish/publish_target_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace quire {

PublishTargetDialog::PublishTargetDialog(const PublishTarget &target, QWidget *parent)
    : QDialog(parent)
    , m_id(target.id)
    , m_name(new QLineEdit(target.name, this))
    , m_kind(new QComboBox(this))
    , m_destination(new QLineEdit(target.destination, this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_destinationHint(new QLabel(this))
    , m_branch(new QLineEdit(target.branch, this))
    , m_cname(new QLineEdit(target.cname, this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(target.id == 0 ? tr("New Publish Target") : tr("Edit Publish Target"));
    m_kind->addItem(tr("Folder"), int(PublishTarget::Kind::Folder));
    m_kind->addItem(tr("Git branch"), int(PublishTarget::Kind::Git));
    m_kind->addItem(tr("rsync"), int(PublishTarget::Kind::Rsync));
    m_kind->setCurrentIndex(m_kind->findData(int(target.kind)));

    m_name->setPlaceholderText(tr("e.g. github-pages"));
    m_name->setToolTip(tr("What the target is called here and on the command line (quire publish NAME)"));
    m_branch->setPlaceholderText(QStringLiteral("gh-pages"));
    m_branch->setToolTip(tr("The branch the site is committed to; made on the first publish"));
    m_cname->setPlaceholderText(tr("blog.example.org (optional)"));
    m_cname->setToolTip(tr("A custom domain, written as CNAME at the branch's root for GitHub Pages"));
    m_destinationHint->setWordWrap(true);
    m_destinationHint->setEnabled(false);   // a quieter colour for the hint
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b3261e;"));

    auto *destinationRow = new QHBoxLayout;
    destinationRow->addWidget(m_destination, 1);
    destinationRow->addWidget(m_browse);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Kind:"), m_kind);
    auto *destinationLabel = new QLabel(tr("&Destination:"), this);
    destinationLabel->setBuddy(m_destination);   // a row holding a layout gets no buddy of its own
    form->addRow(destinationLabel, destinationRow);
    form->addRow(QString(), m_destinationHint);
    form->addRow(tr("B&ranch:"), m_branch);
    form->addRow(tr("&Custom domain:"), m_cname);
    form->addRow(m_problem);
    form->addRow(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_browse, &QPushButton::clicked, this, &PublishTargetDialog::browse);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &PublishTargetDialog::kindChanged);
    for (QLineEdit *field : {m_name, m_destination, m_branch, m_cname})
        connect(field, &QLineEdit::textChanged, this, &PublishTargetDialog::check);
    kindChanged();
    resize(560, sizeHint().height());
}

PublishTarget PublishTargetDialog::target() const
{
    PublishTarget target;
    target.id = m_id;
    target.name = m_name->text().trimmed();
    target.kind = PublishTarget::Kind(m_kind->currentData().toInt());
    target.destination = m_destination->text().trimmed();
    if (target.kind == PublishTarget::Kind::Git) {
        target.branch = m_branch->text().trimmed();
        target.cname = m_cname->text().trimmed();
    }
    return target;
}

QPushButton *PublishTargetDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void PublishTargetDialog::kindChanged()
{
    const auto kind = PublishTarget::Kind(m_kind->currentData().toInt());
    const bool git = kind == PublishTarget::Kind::Git;
    m_branch->setEnabled(git);
    m_cname->setEnabled(git);
    switch (kind) {
    case PublishTarget::Kind::Folder:
        m_destinationHint->setText(tr("A folder the site is mirrored into. Quire removes only files it put there."));
        break;
    case PublishTarget::Kind::Git:
        m_destinationHint->setText(tr("A repository: a local path or a URL such as git@github.com:you/blog.git. "
                                      "Git uses your own ssh agent and credential helpers."));
        break;
    case PublishTarget::Kind::Rsync:
        m_destinationHint->setText(tr("A local folder or user@host:path, over ssh with your own keys. "
                                      "Files there that the site does not have are deleted."));
        break;
    }
    check();
}

void PublishTargetDialog::check()
{
    const PublishTarget candidate = target();
    QString problem;
    if (!candidate.name.isEmpty() && !candidate.destination.isEmpty()) {
        if (Result<void> checked = candidate.check(); !checked)
            problem = checked.errorMessage();
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    okButton()->setEnabled(problem.isEmpty() && !candidate.name.isEmpty() && !candidate.destination.isEmpty());
}

void PublishTargetDialog::browse()
{
    const QString start = m_destination->text().isEmpty() || m_destination->text().contains(u':')
                              ? QDir::homePath() : m_destination->text();
    const QString chosen = QFileDialog::getExistingDirectory(this, tr("Destination"), start);
    if (!chosen.isEmpty())
        m_destination->setText(QDir::toNativeSeparators(chosen));
}

} // namespace quire
