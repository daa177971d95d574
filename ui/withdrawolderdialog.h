#pragma once
// "Withdraw older than…" (Ctrl+Shift+W): the sent invitations older than N days (default 30),
// listed with their age, credit cost and the withdrawal caps, updated as N changes. Nothing is
// sent before the person confirms; the run's title says what was chosen.
#include "bulkpreviewdialog.h"

#include "store/networkrepository.h"

class QSpinBox;

namespace ld::ui {

class WithdrawOlderDialog : public BulkPreviewDialog
{
    Q_OBJECT
public:
    static constexpr int DefaultDays = 30;

    // `sent`: the sent invitations in view (the page's account filter); `now` counts their age.
    WithdrawOlderDialog(const BulkPlanner *planner, const QList<StoredInvitation> &sent,
        const QDateTime &now, int minDelayMs, int maxDelayMs, QWidget *parent = nullptr);

    QSpinBox *daysSpin() const { return m_days; }
    int days() const;
    // Stale: sent more than `days` whole days ago.
    static bool isStale(int ageDays, int days) { return ageDays > days; }

private:
    void select();

    QList<StoredInvitation> m_sent;
    QDateTime m_now;
    QSpinBox *m_days;
};

} // namespace ld::ui
