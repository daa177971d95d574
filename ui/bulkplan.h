#pragma once
// What a bulk action would do, worked out before anything is sent: for each task whether it
// would go or be refused (by a safety cap, or by InvitationQueue::check: a duplicate, an
// invitation that is gone), the credits it would cost, and each account's caps as used/limit.
// Declines count against the accept cap, as InvitationQueue::usage counts them.
// The preview dialogs show it; InvitationQueue applies the same rules when the run starts.
#include "sync/invitationqueue.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace ld {
class AccountRepository;
}

namespace ld::ui {

struct BulkPlanItem
{
    NetworkTask task;
    int ageDays = -1; // of the invitation; -1 for an invite
    QString accountName;
    QString refusal; // empty: would be sent
    bool refusedByCap = false;
};

struct BulkPlan
{
    NetworkAction action = NetworkAction::Accept;
    QList<BulkPlanItem> items;
    int toSend = 0;
    int refusedByCap = 0;
    int refusedOther = 0;
    QStringList capLines; // per account in the plan: "Camille Laurent — Accepts 3/50 today · …"

    int credits() const { return toSend; } // 1 per accept, decline, withdraw or invite
};

class BulkPlanner
{
    Q_DECLARE_TR_FUNCTIONS(ld::ui::BulkPlanner)
public:
    BulkPlanner(const InvitationQueue *queue, const AccountRepository *accounts);

    // Items in the order given; `ages` (optional) is parallel to `tasks`.
    BulkPlan plan(
        NetworkAction action, const QList<NetworkTask> &tasks, const QList<int> &ages = {}) const;

    // "Invitations 3/20 today · 12/100 this week · Accepts 0/50 · Withdrawals 0/30"
    QString capsLine(const QString &accountId) const;
    // One capsLine() per account, "<name>: …", at most `maxLines` (then how many more).
    QString capsLines(const QStringList &accountIds, int maxLines = 3) const;
    // The cap of `action` for one account, "Accepts 3/50 today · 10/250 this week".
    QString capText(const QString &accountId, NetworkAction action) const;
    QString accountName(const QString &accountId) const;

    static QString actionNoun(NetworkAction action, int n); // "accepts", "invitations", ...
    static QString actionVerb(NetworkAction action); // "Accept", "Decline", ...
    // "12 s", "3 min", "1 h 5 min": a duration for an ETA or a countdown.
    static QString durationText(qint64 ms);
    // The rough time a paced run of `requests` takes: the mean pause between two of them.
    static qint64 pacedDurationMs(int requests, int minDelayMs, int maxDelayMs);

private:
    const InvitationQueue *m_queue;
    const AccountRepository *m_accounts;
};

} // namespace ld::ui
