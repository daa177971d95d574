#include "callsindicator.h"

#include "plaintext.h"

#include "models/callsmodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QProgressBar>

namespace ld::ui {

CallsIndicator::CallsIndicator(CallsModel *calls, QWidget *parent)
    : QWidget(parent)
    , m_busy(new QProgressBar(this))
    , m_label(plainLabel({}, this))
{
    setObjectName(QStringLiteral("callsIndicator"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setFixedSize(60, 8);
    m_label->setObjectName(QStringLiteral("callsInFlight"));
    setToolTip(tr("API calls in flight — click to show the Activity panel"));
    setCursor(Qt::PointingHandCursor);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    layout->addWidget(m_busy);
    layout->addWidget(m_label);
    connect(calls, &CallsModel::runningCountChanged, this, &CallsIndicator::showCount);
    showCount(calls->runningCount());
}

void CallsIndicator::showCount(int running)
{
    m_busy->setVisible(running > 0);
    m_label->setText(running > 0 ? tr("%n call(s) in flight", nullptr, running) : tr("Idle"));
}

void CallsIndicator::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        Q_EMIT clicked();
    QWidget::mouseReleaseEvent(event);
}

} // namespace ld::ui
