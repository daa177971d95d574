// Driving a run: one request at a time, a random pause between two, the caps checked right
// before each request leaves, and each reply mapped to the item's one outcome.
#include "invitationqueue.h"

#include "invitationqueue_p.h"

#include "api/apicall.h"
#include "domain/invitation.h"
#include "services/networkservice.h"
#include "support/logging.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QTimer>

#include <algorithm>
#include <climits>

namespace ld {

using namespace invitations;

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

void InvitationQueue::drive(qint64 runId)
{
    if (m_driving.contains(runId))
        return;
    m_driving.insert(runId);
    Driver &d = m_drivers[runId];
    d.timer = new QTimer(this);
    d.timer->setSingleShot(true);
    connect(d.timer, &QTimer::timeout, this, [this, runId] { sendNext(runId); });
    // Later, not now: whoever started the run connects to its signals first.
    QTimer::singleShot(0, this, [this, runId] { pump(runId); });
}

void InvitationQueue::stopDriving(qint64 runId)
{
    m_driving.remove(runId);
    const auto it = m_drivers.find(runId);
    if (it == m_drivers.end())
        return;
    it->timer->stop();
    it->timer->deleteLater();
    m_drivers.erase(it);
}

void InvitationQueue::pump(qint64 runId)
{
    const auto d = m_drivers.find(runId);
    if (d == m_drivers.end() || m_busy.contains(runId) || d->timer->isActive())
        return;
    const std::optional<BulkRun> run = m_runs->find(runId);
    if (!run || run->state != BulkRun::State::Running || !ownedHere(*run)) {
        stopDriving(runId); // paused, cancelled or taken over, maybe by another process
        return;
    }
    const QList<OutboxItem> items = m_items->itemsOfRun(runId);
    const bool waiting = std::any_of(items.cbegin(), items.cend(),
        [](const OutboxItem &item) { return item.state == OutboxItem::State::Queued; });
    if (!waiting) {
        finishRun(*run);
        return;
    }
    // The pause runs from the last reply; the first request of a run, or of a run resumed by
    // this process, leaves at once.
    const qint64 wait
        = d->lastDoneMs == 0 ? 0 : qMax<qint64>(0, d->lastDoneMs + d->gapMs - nowMs());
    d->nextAt = QDateTime::currentDateTimeUtc().addMSecs(wait);
    d->timer->start(int(qMin<qint64>(wait, INT_MAX)));
    Q_EMIT runChanged(runId);
}

void InvitationQueue::sendNext(qint64 runId)
{
    const auto d = m_drivers.find(runId);
    if (d == m_drivers.end())
        return;
    d->nextAt = QDateTime();
    const std::optional<BulkRun> run = m_runs->find(runId);
    if (!run || run->state != BulkRun::State::Running || !ownedHere(*run)) {
        stopDriving(runId);
        Q_EMIT runChanged(runId);
        return;
    }
    const QList<OutboxItem> items = m_items->itemsOfRun(runId);
    const auto next = std::find_if(items.cbegin(), items.cend(),
        [](const OutboxItem &item) { return item.state == OutboxItem::State::Queued; });
    if (next == items.cend())
        return pump(runId); // finishes the run
    const std::optional<NetworkAction> action = networkActionFromKind(next->kind);
    if (!action) {
        OutboxItem refused = *next;
        refused.state = OutboxItem::State::Refused;
        refused.errorCode = kBadInputCode;
        refused.errorMessage
            = tr("LinkUp Desk does not know how to send this item (%1).").arg(next->kind);
        moveItem(*next, OutboxItem::State::Queued, refused);
        return pump(runId);
    }
    // Checked now rather than at the start: another run or process may have used the room.
    const QString capped = capRefusal(next->accountId, *action);
    if (!capped.isEmpty()) {
        refuseAtCap(*next, capped);
        return pump(runId);
    }
    if (*action == NetworkAction::Withdraw
        && next->payload.value(kInvitationId).toString().isEmpty())
        return lookUpInvitationId(*next);
    send(*next);
}

void InvitationQueue::refuseAtCap(const OutboxItem &item, const QString &why)
{
    const std::optional<NetworkAction> action = networkActionFromKind(item.kind);
    const QStringList kinds = action ? kindsSharingCap(*action) : QStringList { item.kind };
    const QList<OutboxItem> items = m_items->itemsOfRun(item.runId);
    for (const OutboxItem &later : items) {
        if (later.id < item.id || later.state != OutboxItem::State::Queued
            || later.accountId != item.accountId || !kinds.contains(later.kind))
            continue;
        OutboxItem refused = later;
        refused.state = OutboxItem::State::Refused;
        refused.errorCode = kCapCode;
        refused.errorMessage = why;
        moveItem(later, OutboxItem::State::Queued, refused);
    }
    if (const std::optional<BulkRun> run = m_runs->find(item.runId);
        run && run->state == BulkRun::State::Running && run->stopReason.isEmpty()) {
        BulkRun next = *run;
        next.stopReason = why;
        next.updatedAt = QDateTime::currentDateTimeUtc();
        if (m_runs->transition(run->id, BulkRun::State::Running, next))
            Q_EMIT runChanged(run->id);
    }
}

ApiCall *InvitationQueue::request(const OutboxItem &item)
{
    const QJsonObject &p = item.payload;
    switch (networkActionFromKind(item.kind).value_or(NetworkAction::Invite)) {
    case NetworkAction::Invite:
        return m_network->invite(
            item.accountId, p.value(kProfileUrl).toString(), p.value(kNote).toString());
    case NetworkAction::Accept:
        return m_network->accept(
            item.accountId, p.value(kEntityUrn).toString(), p.value(kSharedSecret).toString());
    case NetworkAction::Decline:
        return m_network->decline(
            item.accountId, p.value(kEntityUrn).toString(), p.value(kSharedSecret).toString());
    case NetworkAction::Withdraw:
        return m_network->withdraw(item.accountId, p.value(kInvitationId).toString());
    }
    return nullptr;
}

void InvitationQueue::send(const OutboxItem &item)
{
    OutboxItem next = item;
    next.state = OutboxItem::State::Sending;
    next.attempts = item.attempts + 1;
    next.sentAt = QDateTime::currentDateTimeUtc();
    next.updatedAt = next.sentAt;
    next.errorCode.clear();
    next.errorMessage.clear();
    // Lets a later process tell a request under way from one whose process died.
    next.payload.insert(kSendingPid, QCoreApplication::applicationPid());
    next.payload.insert(kSendingHost, QSysInfo::machineHostName());
    // The compare-and-set is the guarantee: of every process holding this item, exactly one
    // moves it out of Queued, and only that one sends.
    if (!moveItem(item, OutboxItem::State::Queued, next)) {
        m_busy.remove(item.runId); // after a look-up; taken or cancelled meanwhile
        return pump(item.runId);
    }
    const qint64 id = item.id;
    const qint64 runId = item.runId;
    const int attempt = next.attempts;
    const qint64 startedMs = nowMs();
    m_sending.insert(id);
    m_busy.insert(runId, id);
    ApiCall *call = request(next);
    connect(call, &ApiCall::done, this, [this, id, runId, call, attempt, startedMs] {
        onReply(id, runId, call, attempt, startedMs);
    });
}

void InvitationQueue::onReply(
    qint64 itemId, qint64 runId, ApiCall *call, int attempt, qint64 startedMs)
{
    m_sending.remove(itemId);
    m_requestMsTotal += qMax<qint64>(0, nowMs() - startedMs);
    ++m_requestCount;
    const std::optional<OutboxItem> item = m_items->find(itemId);
    if (!item || item->attempts != attempt) {
        qCWarning(lcSync) << "network item" << itemId
                          << "changed while its request ran; reply "
                             "ignored";
        return afterRequest(runId);
    }
    const NetworkAction action = networkActionFromKind(item->kind).value_or(NetworkAction::Invite);
    OutboxItem next = *item;
    if (call->state() == ApiCall::State::Succeeded) {
        next.state = OutboxItem::State::Sent;
        next.errorCode.clear();
        next.errorMessage.clear();
        InviteResult invited;
        if (action == NetworkAction::Invite) {
            const Decoded<InviteResult> decoded = InviteResult::fromJson(call->data());
            if (decoded.ok())
                invited = decoded.value;
            next.resultId = invited.invitationUrn;
        } else {
            next.resultId = item->payload.value(kEntityUrn).toString();
        }
        if (settle(next))
            applyToCache(next, invited);
        return afterRequest(runId);
    }

    const ApiError error = call->error();
    // An aborted call may have been written already: as uncertain as a timeout.
    const bool mayHaveLeft = error.isAmbiguous() || error.kind == ApiError::Kind::Aborted;
    next.errorCode = error.code.isEmpty() ? ApiError::kindName(error.kind) : error.code;
    if (mayHaveLeft) {
        next.state = OutboxItem::State::Unknown;
        next.errorMessage = error.userMessage() + QLatin1Char(' ')
            + tr("It may have been carried out: LinkUp Desk checks with LinkedIn and never "
                 "sends it again on its own.");
        if (settle(next))
            QTimer::singleShot(0, this, [this, itemId] { verify(itemId); });
    } else if (action == NetworkAction::Withdraw && isRefusal(error)
        && !item->payload.value(kLookedUp).toBool()) {
        // The id from the URN was refused: check_invitation may know the real one. Nothing
        // happened, so the item waits again, first in its run, for that one look-up.
        next.state = OutboxItem::State::Queued;
        next.errorCode.clear();
        next.errorMessage.clear();
        next.payload.insert(kRefusedId, item->payload.value(kInvitationId).toString());
        next.payload.insert(kRefusal, error.userMessage());
        next.payload.remove(kInvitationId);
        settle(next);
    } else {
        next.state = isRefusal(error) ? OutboxItem::State::Refused : OutboxItem::State::Failed;
        next.errorMessage = error.userMessage();
        settle(next);
    }
    afterRequest(runId);
}

void InvitationQueue::afterRequest(qint64 runId)
{
    m_busy.remove(runId);
    const auto d = m_drivers.find(runId);
    if (d == m_drivers.end())
        return;
    const std::optional<BulkRun> run = m_runs->find(runId);
    const int minMs = run ? run->minDelayMs : 0;
    const int maxMs = run ? qMax(run->minDelayMs, run->maxDelayMs) : 0;
    d->lastDoneMs = nowMs();
    d->gapMs = minMs + int(QRandomGenerator::global()->bounded(qint64(maxMs) - minMs + 1));
    pump(runId);
}

void InvitationQueue::finishRun(const BulkRun &run)
{
    BulkRun next = run;
    next.state = BulkRun::State::Finished;
    next.finishedAt = QDateTime::currentDateTimeUtc();
    next.updatedAt = next.finishedAt;
    if (next.stopReason.isEmpty()) {
        // A cap met after a pause: its sentence is the run's reason all the same.
        const QList<OutboxItem> items = m_items->itemsOfRun(run.id);
        for (const OutboxItem &item : items) {
            if (item.errorCode == kCapCode) {
                next.stopReason = item.errorMessage;
                break;
            }
        }
    }
    stopDriving(run.id);
    if (m_runs->transition(run.id, BulkRun::State::Running, next)) {
        Q_EMIT runChanged(run.id);
        Q_EMIT runFinished(run.id);
    }
}

bool InvitationQueue::moveItem(
    const OutboxItem &item, OutboxItem::State from, const OutboxItem &next)
{
    if (!m_items->transition(item.id, from, next))
        return false;
    Q_EMIT itemChanged(item.id, item.runId, next.state);
    if (item.runId != 0)
        Q_EMIT runChanged(item.runId);
    return true;
}

bool InvitationQueue::settle(const OutboxItem &next)
{
    // resume() in another process may have turned the item into Unknown meanwhile: what this
    // process learnt from its own reply is still the truth about that request.
    for (OutboxItem::State from : { OutboxItem::State::Sending, OutboxItem::State::Unknown }) {
        OutboxItem current = next;
        current.state = from;
        if (moveItem(current, from, next))
            return true;
    }
    return false;
}

void InvitationQueue::applyToCache(const OutboxItem &item, const InviteResult &invited)
{
    const QString urn = item.payload.value(kEntityUrn).toString();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (networkActionFromKind(item.kind).value_or(NetworkAction::Invite)) {
    case NetworkAction::Invite:
        if (!invited.invitationUrn.isEmpty())
            m_cache->addSent(item.accountId, invited, item.payload.value(kProfileUrl).toString(),
                item.payload.value(kNote).toString(), now);
        break;
    case NetworkAction::Accept: {
        Connection person;
        if (const auto stored
            = m_cache->findByUrn(item.accountId, StoredInvitation::Direction::Received, urn)) {
            person.name = stored->person.fullName();
            person.jobTitle = stored->person.headline;
            person.profileUrl = stored->person.profileUrl;
            person.pictureUrl = stored->person.pictureUrl;
        } else {
            person.name = item.payload.value(kPersonName).toString();
            person.profileUrl = item.payload.value(kProfileUrl).toString();
        }
        m_cache->removeInvitation(item.accountId, StoredInvitation::Direction::Received, urn);
        if (!person.profileUrl.isEmpty()
            && !m_cache->isConnected(item.accountId, person.profileUrl))
            m_cache->addConnection(item.accountId, person, now);
        break;
    }
    case NetworkAction::Decline:
        m_cache->removeInvitation(item.accountId, StoredInvitation::Direction::Received, urn);
        break;
    case NetworkAction::Withdraw:
        m_cache->removeInvitation(item.accountId, StoredInvitation::Direction::Sent, urn);
        break;
    }
}

} // namespace ld
