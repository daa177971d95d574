#include "creditstodayindicator.h"

#include "plaintext.h"

#include "store/creditledger.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTimer>

namespace ld::ui {

CreditsTodayIndicator::CreditsTodayIndicator(CreditLedger *ledger, QWidget *parent)
    : QWidget(parent)
    , m_ledger(ledger)
    , m_label(plainLabel({}, this))
    , m_midnight(new QTimer(this))
{
    setObjectName(QStringLiteral("creditsToday"));
    m_label->setObjectName(QStringLiteral("creditsTodayLabel"));
    setToolTip(tr("Credits spent through this app since midnight (all accounts)"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_label);
    m_midnight->setSingleShot(true);
    connect(m_midnight, &QTimer::timeout, this, &CreditsTodayIndicator::refresh);
    connect(ledger, &CreditLedger::recorded, this, &CreditsTodayIndicator::refresh);
    refresh();
}

void CreditsTodayIndicator::refresh()
{
    const QDateTime midnight(QDate::currentDate(), QTime(0, 0));
    const qint64 spent = m_ledger->total({}, midnight.toUTC());
    m_label->setText(tr("Credits today: %1").arg(QLocale().toString(spent)));
    scheduleMidnight();
}

void CreditsTodayIndicator::scheduleMidnight()
{
    const QDateTime next(QDate::currentDate().addDays(1), QTime(0, 0));
    const qint64 ms = QDateTime::currentDateTime().msecsTo(next);
    m_midnight->start(int(qBound<qint64>(1000, ms + 500, 24LL * 3600 * 1000)));
}

} // namespace ld::ui
