#include "widgets/folder_field.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace quire {

FolderField::FolderField(const QString &caption, QWidget *parent)
    : QWidget(parent)
    , m_caption(caption)
    , m_edit(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_browse);
    setFocusProxy(m_edit);   // so a label's buddy mnemonic lands in the text
    m_browse->setToolTip(tr("Choose the folder"));
    connect(m_browse, &QPushButton::clicked, this, &FolderField::browse);
    connect(m_edit, &QLineEdit::textChanged, this, &FolderField::folderChanged);
}

QString FolderField::folder() const
{
    const QString text = m_edit->text().trimmed();
    return text.isEmpty() ? QString() : QDir::cleanPath(QDir::fromNativeSeparators(text));
}

void FolderField::setFolder(const QString &folder)
{
    m_edit->setText(QDir::toNativeSeparators(folder));
}

void FolderField::browse()
{
    const QString start = folder().isEmpty() ? QDir::homePath() : folder();
    const QString chosen = QFileDialog::getExistingDirectory(this, m_caption, start);
    if (!chosen.isEmpty())
        setFolder(chosen);
}

} // namespace quire
