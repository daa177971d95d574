// Steering runs: pause, resume, cancel, start-up recovery, "send again", and progress. Every
// change is a compare-and-set on the run or the item, so two processes never both drive one.
#include "invitationqueue.h"

#include "invitationqueue_p.h"
#include "processalive_p.h"

#include "support/appsettings.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QTimer>

namespace ld {

using namespace invitations;

namespace {

// Until a request has been timed: a typical round trip of a LinkedIn write through LinkUp.
constexpr qint64 kAssumedRequestMs = 1500;

} // namespace

bool InvitationQueue::pause(qint64 runId)
{
    const std::optional<BulkRun> run = m_runs->find(runId);
    if (!run || run->state != BulkRun::State::Running)
        return false;
    BulkRun next = *run;
    next.state = BulkRun::State::Paused;
    next.updatedAt = QDateTime::currentDateTimeUtc();
    next.stopReason = tr("Paused: resume the run to send the rest.");
    if (!m_runs->transition(runId, BulkRun::State::Running, next))
        return false;
    // A request in flight completes and its item settles; nothing further leaves.
    stopDriving(runId);
    Q_EMIT runChanged(runId);
    return true;
}

bool InvitationQueue::resumeRun(qint64 runId)
{
    const std::optional<BulkRun> run = m_runs->find(runId);
    if (!run)
        return false;
    if (run->state == BulkRun::State::Running) {
        // Only a run nobody drives any more: its process died before resume() saw it.
        if (m_driving.contains(runId) || ownerAlive(*run))
            return false;
    } else if (run->state != BulkRun::State::Paused) {
        return false;
    }
    BulkRun next = *run;
    next.state = BulkRun::State::Running;
    next.updatedAt = QDateTime::currentDateTimeUtc();
    next.stopReason.clear();
    next.ownerPid = QCoreApplication::applicationPid();
    next.ownerHost = QSysInfo::machineHostName();
    if (!m_runs->transition(runId, run->state, next))
        return false;
    // What a dead process left in flight is verified, never sent again.
    interruptSendingItems(runId);
    drive(runId);
    Q_EMIT runChanged(runId);
    return true;
}

bool InvitationQueue::cancel(qint64 runId)
{
    const std::optional<BulkRun> run = m_runs->find(runId);
    if (!run || (run->state != BulkRun::State::Running && run->state != BulkRun::State::Paused))
        return false;
    BulkRun next = *run;
    next.state = BulkRun::State::Cancelled;
    next.finishedAt = QDateTime::currentDateTimeUtc();
    next.updatedAt = next.finishedAt;
    next.stopReason = tr("Cancelled: the items still waiting were not sent.");
    if (!m_runs->transition(runId, run->state, next))
        return false;
    stopDriving(runId);
    const QList<OutboxItem> items = m_items->itemsOfRun(runId);
    for (const OutboxItem &item : items) {
        if (item.state != OutboxItem::State::Queued)
            continue;
        OutboxItem cancelled = item;
        cancelled.state = OutboxItem::State::Cancelled;
        cancelled.errorMessage = tr("Cancelled before it was sent.");
        moveItem(item, OutboxItem::State::Queued, cancelled);
    }
    Q_EMIT runChanged(runId);
    Q_EMIT runFinished(runId);
    return true;
}

void InvitationQueue::resume()
{
    const QList<BulkRun> running = m_runs->inStates({ BulkRun::State::Running });
    for (const BulkRun &run : running) {
        if (ownedHere(run) || ownerAlive(run))
            continue;
        BulkRun next = run;
        next.state = BulkRun::State::Paused;
        next.updatedAt = QDateTime::currentDateTimeUtc();
        next.stopReason = interruptedReason();
        if (m_runs->transition(run.id, BulkRun::State::Running, next))
            Q_EMIT runChanged(run.id);
    }
    const QList<OutboxItem> open = m_items->inStates(
        { OutboxItem::State::Queued, OutboxItem::State::Sending, OutboxItem::State::Unknown });
    for (const OutboxItem &item : open) {
        if (!networkActionFromKind(item.kind))
            continue;
        if (item.state == OutboxItem::State::Queued) {
            settleStranded(item);
            continue;
        }
        if (item.state == OutboxItem::State::Sending && !markInterrupted(item))
            continue;
        verify(item.id);
    }
}

void InvitationQueue::settleStranded(const OutboxItem &item)
{
    // A waiting item belongs to an open run, which is resumed or cancelled as a whole. Outside
    // one it was stranded by a crash between two steps (cancel, send again): it never left.
    const std::optional<BulkRun> run = item.runId != 0 ? m_runs->find(item.runId) : std::nullopt;
    if (run && (run->state == BulkRun::State::Running || run->state == BulkRun::State::Paused))
        return;
    OutboxItem next = item;
    if (run && run->state == BulkRun::State::Cancelled) {
        next.state = OutboxItem::State::Cancelled;
        next.errorMessage = tr("Cancelled before it was sent.");
    } else {
        next.state = OutboxItem::State::Failed;
        next.errorCode = QStringLiteral("NOT_SENT");
        next.errorMessage = tr("Not sent: LinkUp Desk stopped before it left. Send it again if "
                               "you still want to.");
    }
    moveItem(item, OutboxItem::State::Queued, next);
}

void InvitationQueue::interruptSendingItems(qint64 runId)
{
    const QList<OutboxItem> items = m_items->itemsOfRun(runId);
    for (const OutboxItem &item : items)
        if (markInterrupted(item))
            verify(item.id);
}

bool InvitationQueue::markInterrupted(const OutboxItem &item)
{
    if (item.state != OutboxItem::State::Sending || m_sending.contains(item.id)
        || sync::otherProcessAlive(item.payload.value(kSendingPid).toInteger(),
            item.payload.value(kSendingHost).toString()))
        return false;
    OutboxItem next = item;
    next.state = OutboxItem::State::Unknown;
    next.errorCode = QStringLiteral("INTERRUPTED");
    next.errorMessage = tr("LinkUp Desk stopped while this request was being sent, so it may "
                           "have been carried out. It is checked with LinkedIn before anything "
                           "is sent again.");
    return moveItem(item, OutboxItem::State::Sending, next);
}

bool InvitationQueue::sendAgain(qint64 itemId)
{
    const std::optional<OutboxItem> item = m_items->find(itemId);
    // Unknown is never sent again: verify() settles it first, as Sent or Failed.
    if (!item || item->state != OutboxItem::State::Failed || m_verifying.contains(itemId))
        return false;
    const std::optional<NetworkAction> action = networkActionFromKind(item->kind);
    if (!action)
        return false;
    NetworkTask task;
    task.action = *action;
    task.accountId = item->accountId;
    task.profileUrl = item->payload.value(kProfileUrl).toString();
    task.personName = item->payload.value(kPersonName).toString();
    task.entityUrn = item->payload.value(kEntityUrn).toString();
    task.note = item->payload.value(kNote).toString();
    QString code;
    const QString why = refusal(task, &code);
    if (!why.isEmpty()) {
        // The world moved on (answered elsewhere, cap reached): that is now its one outcome.
        OutboxItem refused = *item;
        refused.state = OutboxItem::State::Refused;
        refused.errorCode = code;
        refused.errorMessage = why;
        moveItem(*item, OutboxItem::State::Failed, refused);
        return false;
    }

    const PacingLimits pacing = m_settings ? m_settings->pacing() : PacingLimits();
    BulkRun run;
    run.kind = item->kind;
    run.title = tr("Again: %1").arg(personOf(*item));
    run.minDelayMs = pacing.minDelayMs;
    run.maxDelayMs = qMax(pacing.minDelayMs, pacing.maxDelayMs);
    run.createdAt = QDateTime::currentDateTimeUtc();
    run.updatedAt = run.createdAt;
    run.ownerPid = QCoreApplication::applicationPid();
    run.ownerHost = QSysInfo::machineHostName();
    run.id = m_runs->create(run);
    if (run.id == 0)
        return false;
    OutboxItem next = *item;
    next.state = OutboxItem::State::Queued;
    next.errorCode.clear();
    next.errorMessage.clear();
    next.payload.remove(kRefusedId);
    next.payload.remove(kRefusal);
    next.payload.remove(kLookedUp);
    // Queued in its old run first, then moved: both steps are compare-and-sets. A crash between
    // them strands the item in its finished run, and resume() settles it as not sent.
    const qint64 oldRun = item->runId;
    if (!m_items->transition(itemId, OutboxItem::State::Failed, next)
        || !m_items->moveToRun(itemId, oldRun, run.id)) {
        BulkRun dropped = run;
        dropped.state = BulkRun::State::Cancelled;
        dropped.finishedAt = QDateTime::currentDateTimeUtc();
        m_runs->transition(run.id, BulkRun::State::Running, dropped);
        return false;
    }
    Q_EMIT itemChanged(itemId, run.id, next.state);
    if (oldRun != 0)
        Q_EMIT runChanged(oldRun);
    drive(run.id);
    Q_EMIT runChanged(run.id);
    return true;
}

RunProgress InvitationQueue::progress(qint64 runId) const
{
    RunProgress p;
    p.runId = runId;
    const std::optional<BulkRun> run = m_runs->find(runId);
    if (!run)
        return p;
    p.state = run->state;
    p.stopReason = run->stopReason;
    const QList<OutboxItem> items = m_items->itemsOfRun(runId);
    p.total = int(items.size());
    int queued = 0;
    for (const OutboxItem &item : items) {
        switch (item.state) {
        case OutboxItem::State::Sent:
            ++p.done;
            break;
        case OutboxItem::State::Refused:
            ++p.refused;
            break;
        case OutboxItem::State::Failed:
            ++p.failed;
            break;
        case OutboxItem::State::Unknown:
            ++p.unknown;
            break;
        case OutboxItem::State::Cancelled:
            ++p.cancelled;
            break;
        case OutboxItem::State::Queued:
            ++queued;
            ++p.pending;
            break;
        case OutboxItem::State::Sending:
            ++p.pending;
            break;
        }
    }
    const auto driver = m_drivers.constFind(runId);
    if (driver != m_drivers.constEnd() && driver->nextAt.isValid() && queued > 0)
        p.nextAt = driver->nextAt;
    if (p.pending == 0)
        return p;
    // Every pending item costs a request, and every queued one a pause before it: what remains
    // of the pause under way, or none for the one that leaves as soon as the run is driven.
    const qint64 requestMs
        = m_requestCount > 0 ? m_requestMsTotal / m_requestCount : kAssumedRequestMs;
    const qint64 meanPauseMs = (qint64(run->minDelayMs) + run->maxDelayMs) / 2;
    const bool inFlight = p.pending > queued;
    qint64 eta = p.pending * requestMs;
    if (p.nextAt.isValid())
        eta += qMax<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(p.nextAt))
            + (queued - 1) * meanPauseMs;
    else if (inFlight)
        eta += queued * meanPauseMs;
    else
        eta += qMax(0, queued - 1) * meanPauseMs;
    p.etaMs = eta;
    return p;
}

} // namespace ld
