#include "window/preview_slot.h"

#include "preview/preview_module.h"
#include "preview/preview_pane.h"
#include "preview/web_engine_setup.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace quire {

PreviewSlot::PreviewSlot(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_pause.setSingleShot(true);
    m_pause.setInterval(Pause);
    connect(&m_pause, &QTimer::timeout, this, &PreviewSlot::create);
}

PreviewPane *PreviewSlot::preview()
{
    create();
    return m_preview;
}

void PreviewSlot::postpone()
{
    if (m_pause.isActive() && !m_deadline.hasExpired())
        m_pause.start();
}

bool PreviewSlot::event(QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_painted && !m_preview) {
        m_painted = true;
        m_deadline.setRemainingTime(Deadline);
        m_pause.start();
    }
    return QWidget::event(event);
}

void PreviewSlot::create()
{
    m_pause.stop();
    if (m_preview || m_problem)
        return;
    if (m_beforeCreate)
        m_beforeCreate();
    WebEngineSetup::chooseRendering();
    m_preview = PreviewModule::create(this);
    if (!m_preview) {
        showProblem(PreviewModule::errorString());
        return;
    }
    layout()->addWidget(m_preview);
    emit created(m_preview);
}

void PreviewSlot::showProblem(const QString &problem)
{
    m_problem = new QLabel(tr("The preview is not available: %1").arg(problem), this);
    m_problem->setWordWrap(true);
    m_problem->setAlignment(Qt::AlignCenter);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setMargin(24);
    layout()->addWidget(m_problem);
}

} // namespace quire
