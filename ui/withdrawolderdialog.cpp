#include "withdrawolderdialog.h"

#include "plaintext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>

namespace ld::ui {

WithdrawOlderDialog::WithdrawOlderDialog(const BulkPlanner *planner,
    const QList<StoredInvitation> &sent, const QDateTime &now, int minDelayMs, int maxDelayMs,
    QWidget *parent)
    : BulkPreviewDialog(planner, NetworkAction::Withdraw, minDelayMs, maxDelayMs, parent)
    , m_sent(sent)
    , m_now(now)
    , m_days(new QSpinBox(this))
{
    setObjectName(QStringLiteral("withdrawOlderDialog"));
    setWindowTitle(tr("Withdraw old invitations"));

    // Oldest first: the list reads as "these have waited longest".
    std::stable_sort(
        m_sent.begin(), m_sent.end(), [this](const StoredInvitation &a, const StoredInvitation &b) {
            return a.ageDays(m_now) > b.ageDays(m_now);
        });

    m_days->setObjectName(QStringLiteral("withdrawOlderDays"));
    m_days->setRange(1, 3650);
    m_days->setValue(DefaultDays);
    m_days->setSuffix(tr(" days"));
    m_days->setAccessibleName(tr("Withdraw invitations sent more than this many days ago"));
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    QLabel *label = plainLabel(tr("Withdraw the invitations sent more than"), row);
    label->setBuddy(m_days);
    layout->addWidget(label);
    layout->addWidget(m_days);
    layout->addWidget(plainLabel(tr("ago."), row));
    layout->addStretch(1);
    setIntro(row);
    m_days->setFocus();

    connect(m_days, &QSpinBox::valueChanged, this, &WithdrawOlderDialog::select);
    select();
}

int WithdrawOlderDialog::days() const
{
    return m_days->value();
}

void WithdrawOlderDialog::select()
{
    QList<NetworkTask> tasks;
    QList<int> ages;
    for (const StoredInvitation &inv : std::as_const(m_sent)) {
        const int age = inv.ageDays(m_now);
        if (!isStale(age, days()))
            continue;
        tasks << NetworkTask::forInvitation(NetworkAction::Withdraw, inv);
        ages << age;
    }
    m_days->setSuffix(days() == 1 ? tr(" day") : tr(" days"));
    setRunTitle(tr("Withdraw %n invitation(s) older than %1", nullptr, int(tasks.size()))
                    .arg(tr("%n day(s)", nullptr, days())));
    setTasks(tasks, ages);
}

} // namespace ld::ui
