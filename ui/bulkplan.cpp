#include "bulkplan.h"

#include "store/accountrepository.h"

#include <QHash>
#include <QLocale>

namespace ld::ui {

namespace {

QString capLabel(NetworkAction action)
{
    switch (action) {
    case NetworkAction::Invite:
        return BulkPlanner::tr("Invitations");
    case NetworkAction::Accept:
    case NetworkAction::Decline: // one cap for both answers (InvitationQueue::usage)
        return BulkPlanner::tr("Accepts and declines");
    case NetworkAction::Withdraw:
        return BulkPlanner::tr("Withdrawals");
    }
    return {};
}

} // namespace

BulkPlanner::BulkPlanner(const InvitationQueue *queue, const AccountRepository *accounts)
    : m_queue(queue)
    , m_accounts(accounts)
{ }

QString BulkPlanner::actionNoun(NetworkAction action, int n)
{
    switch (action) {
    case NetworkAction::Invite:
        return n == 1 ? tr("invitation") : tr("invitations");
    case NetworkAction::Accept:
        return n == 1 ? tr("accept") : tr("accepts");
    case NetworkAction::Decline:
        return n == 1 ? tr("decline") : tr("declines");
    case NetworkAction::Withdraw:
        return n == 1 ? tr("withdrawal") : tr("withdrawals");
    }
    return {};
}

QString BulkPlanner::actionVerb(NetworkAction action)
{
    switch (action) {
    case NetworkAction::Invite:
        return tr("Invite");
    case NetworkAction::Accept:
        return tr("Accept");
    case NetworkAction::Decline:
        return tr("Decline");
    case NetworkAction::Withdraw:
        return tr("Withdraw");
    }
    return {};
}

QString BulkPlanner::durationText(qint64 ms)
{
    ms = qMax<qint64>(0, ms);
    if (ms < 10000) // a pause between two requests: "0.5 s", "2 s", "2.5 s"
        return tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'g', 2));
    const qint64 s = (ms + 500) / 1000;
    if (s < 60)
        return tr("%1 s").arg(s);
    const qint64 min = (s + 30) / 60;
    if (min < 60)
        return tr("%1 min").arg(min);
    return tr("%1 h %2 min").arg(min / 60).arg(min % 60);
}

qint64 BulkPlanner::pacedDurationMs(int requests, int minDelayMs, int maxDelayMs)
{
    if (requests <= 1)
        return 0;
    return qint64(requests - 1) * (qint64(minDelayMs) + maxDelayMs) / 2;
}

QString BulkPlanner::accountName(const QString &accountId) const
{
    if (m_accounts) {
        if (const std::optional<Account> a = m_accounts->find(accountId); a && !a->name.isEmpty())
            return a->name;
    }
    return accountId;
}

QString BulkPlanner::capText(const QString &accountId, NetworkAction action) const
{
    const CapUsage u = m_queue->usage(accountId, action);
    return tr("%1 %2/%3 today · %4/%5 this week")
        .arg(capLabel(action))
        .arg(u.usedToday)
        .arg(u.perDay)
        .arg(u.usedThisWeek)
        .arg(u.perWeek);
}

QString BulkPlanner::capsLine(const QString &accountId) const
{
    const CapUsage invites = m_queue->usage(accountId, NetworkAction::Invite);
    const CapUsage accepts = m_queue->usage(accountId, NetworkAction::Accept);
    const CapUsage withdrawals = m_queue->usage(accountId, NetworkAction::Withdraw);
    return tr("Invitations %1/%2 today · %3/%4 this week · Accepts and declines %5/%6 · "
              "Withdrawals %7/%8")
        .arg(invites.usedToday)
        .arg(invites.perDay)
        .arg(invites.usedThisWeek)
        .arg(invites.perWeek)
        .arg(accepts.usedToday)
        .arg(accepts.perDay)
        .arg(withdrawals.usedToday)
        .arg(withdrawals.perDay);
}

QString BulkPlanner::capsLines(const QStringList &accountIds, int maxLines) const
{
    QStringList lines;
    for (const QString &id : accountIds.mid(0, maxLines))
        lines << tr("%1: %2").arg(accountName(id), capsLine(id));
    if (accountIds.size() > maxLines)
        lines << tr("and %1 more accounts: choose one above to see its caps.")
                     .arg(accountIds.size() - maxLines);
    return lines.join(QLatin1Char('\n'));
}

BulkPlan BulkPlanner::plan(
    NetworkAction action, const QList<NetworkTask> &tasks, const QList<int> &ages) const
{
    BulkPlan plan;
    plan.action = action;
    // What each account's caps still allow; admitted tasks use it up in order, as the run will.
    QHash<QString, CapUsage> usage;
    QHash<QString, int> room;
    QStringList accountOrder;
    for (const NetworkTask &t : tasks) {
        if (accountOrder.contains(t.accountId))
            continue;
        accountOrder << t.accountId;
        const CapUsage u = m_queue->usage(t.accountId, action);
        usage.insert(t.accountId, u);
        room.insert(t.accountId, u.remaining());
    }

    for (int i = 0; i < tasks.size(); ++i) {
        BulkPlanItem item;
        item.task = tasks.at(i);
        item.ageDays = ages.value(i, -1);
        item.accountName = accountName(item.task.accountId);
        if (room.value(item.task.accountId) <= 0) {
            const CapUsage u = usage.value(item.task.accountId);
            item.refusedByCap = true;
            item.refusal = u.perDay - u.usedToday <= u.perWeek - u.usedThisWeek
                ? tr("daily cap of %1").arg(u.perDay)
                : tr("weekly cap of %1").arg(u.perWeek);
            ++plan.refusedByCap;
        } else {
            item.refusal = m_queue->check(item.task);
            if (item.refusal.isEmpty()) {
                ++plan.toSend;
                --room[item.task.accountId];
            } else {
                ++plan.refusedOther;
            }
        }
        plan.items << item;
    }

    for (const QString &id : accountOrder) {
        plan.capLines << tr("%1 — %2 · %3 left")
                             .arg(accountName(id), capText(id, action),
                                 QString::number(usage.value(id).remaining()));
    }
    return plan;
}

} // namespace ld::ui
