// check_invitation (1 credit), for its two uses: verifying an ambiguous write (did the invite,
// accept, decline or withdraw take effect?) without ever sending it again, and finding the id
// to withdraw with when the URN has none or the API refused it.
#include "invitationqueue.h"

#include "invitationqueue_p.h"

#include "api/apicall.h"
#include "domain/invitation.h"
#include "services/networkservice.h"
#include "support/logging.h"

#include <QCoreApplication>

namespace ld {

using namespace invitations;

namespace {

struct Verdict
{
    bool tookEffect = false;
    QString why; // when it did not
};

Verdict judge(NetworkAction action, const InvitationCheck &check, const QString &who)
{
    auto tr
        = [](const char *text) { return QCoreApplication::translate("ld::InvitationQueue", text); };
    switch (action) {
    case NetworkAction::Invite:
        if (check.isPendingSent() || check.isConnected())
            return { true, {} };
        if (check.isPendingReceived())
            return { false,
                tr("The invitation did not arrive, and %1 has invited you meanwhile: accept their "
                   "invitation instead.")
                    .arg(who) };
        return { false,
            tr("The invitation did not arrive: LinkedIn shows none pending for %1. Send it again "
               "if you still want to.")
                .arg(who) };
    case NetworkAction::Accept:
        if (check.isConnected())
            return { true, {} };
        if (check.isPendingReceived())
            return { false,
                tr("The invitation from %1 is still waiting: it was not accepted. Accept it "
                   "again if you still want to.")
                    .arg(who) };
        return { false,
            tr("The invitation from %1 is gone and you are not connected: it was withdrawn "
               "before the accept arrived.")
                .arg(who) };
    case NetworkAction::Decline:
        if (check.isConnected())
            return { false,
                tr("You are connected with %1: the invitation was accepted elsewhere, not "
                   "declined.")
                    .arg(who) };
        if (check.isPendingReceived())
            return { false,
                tr("The invitation from %1 is still waiting: it was not declined. Decline it "
                   "again if you still want to.")
                    .arg(who) };
        return { true, {} };
    case NetworkAction::Withdraw:
        if (check.isConnected())
            return { false,
                tr("%1 accepted the invitation before it could be withdrawn.").arg(who) };
        if (check.isPendingSent())
            return { false,
                tr("The invitation to %1 is still pending: it was not withdrawn. Withdraw it "
                   "again if you still want to.")
                    .arg(who) };
        return { true, {} };
    }
    return {};
}

} // namespace

void InvitationQueue::verify(qint64 itemId)
{
    std::optional<OutboxItem> item = m_items->find(itemId);
    // A Sending item whose process died (linkupctl after a kill) is Unknown.
    if (item && markInterrupted(*item))
        item = m_items->find(itemId);
    if (!item || item->state != OutboxItem::State::Unknown || m_verifying.contains(itemId))
        return;
    const std::optional<NetworkAction> action = networkActionFromKind(item->kind);
    if (!action)
        return;
    const QString profileUrl = item->payload.value(kProfileUrl).toString();
    if (profileUrl.isEmpty()) {
        Q_EMIT verificationFailed(itemId,
            tr("No profile URL is stored for this item, so LinkedIn cannot be asked whether it "
               "took effect. Look at the person on LinkedIn, then refresh the invitations."));
        return;
    }
    m_verifying.insert(itemId);
    ApiCall *call = m_network->checkInvitation(item->accountId, profileUrl);
    const NetworkAction act = *action;
    const QString who = personOf(*item);
    connect(call, &ApiCall::done, this, [this, itemId, call, act, who] {
        if (call->state() != ApiCall::State::Succeeded) {
            m_verifying.remove(itemId);
            const QString reason = call->error().userMessage();
            qCInfo(lcSync) << "network item" << itemId << "could not be verified:" << reason;
            Q_EMIT verificationFailed(itemId, reason);
            return;
        }
        const Decoded<InvitationCheck> check = InvitationCheck::fromJson(call->data());
        if (!check.ok()) {
            m_verifying.remove(itemId);
            Q_EMIT verificationFailed(itemId, ApiError::badBody(check.error).userMessage());
            return;
        }
        const Verdict verdict = judge(act, check.value, who);
        InviteResult invited;
        if (act == NetworkAction::Invite && !check.value.invitationId.isEmpty()) {
            invited.invitationUrn = QStringLiteral("urn:li:invitation:") + check.value.invitationId;
            invited.firstName = who;
        }
        conclude(itemId, verdict.tookEffect, verdict.why, invited);
    });
}

void InvitationQueue::conclude(
    qint64 itemId, bool tookEffect, const QString &why, const InviteResult &invited)
{
    m_verifying.remove(itemId);
    const std::optional<OutboxItem> item = m_items->find(itemId);
    if (item && item->state == OutboxItem::State::Unknown) {
        OutboxItem next = *item;
        if (tookEffect) {
            next.state = OutboxItem::State::Sent;
            next.errorCode.clear();
            next.errorMessage.clear();
            if (next.resultId.isEmpty())
                next.resultId = invited.invitationUrn.isEmpty()
                    ? item->payload.value(kEntityUrn).toString()
                    : invited.invitationUrn;
        } else {
            next.state = OutboxItem::State::Failed;
            next.errorCode = QStringLiteral("NOT_DONE");
            next.errorMessage = why;
        }
        next.updatedAt = QDateTime::currentDateTimeUtc();
        if (moveItem(*item, OutboxItem::State::Unknown, next) && tookEffect)
            applyToCache(next, invited);
    }
    Q_EMIT verified(itemId, tookEffect);
}

void InvitationQueue::lookUpInvitationId(const OutboxItem &item)
{
    const QString profileUrl = item.payload.value(kProfileUrl).toString();
    const qint64 id = item.id;
    const qint64 runId = item.runId;
    if (profileUrl.isEmpty()) {
        OutboxItem refused = item;
        refused.state = OutboxItem::State::Refused;
        refused.errorCode = kNotFoundCode;
        refused.errorMessage = item.payload.contains(kRefusal)
            ? item.payload.value(kRefusal).toString()
            : tr("The invitation's id is unknown and no profile URL is stored to look it up. "
                 "Refresh the sent invitations, then try again.");
        moveItem(item, OutboxItem::State::Queued, refused);
        return pump(runId);
    }
    m_busy.insert(runId, id);
    ApiCall *call = m_network->checkInvitation(item.accountId, profileUrl);
    connect(call, &ApiCall::done, this, [this, id, runId, call] {
        const std::optional<OutboxItem> item = m_items->find(id);
        if (!item || item->state != OutboxItem::State::Queued)
            return afterRequest(runId); // cancelled meanwhile
        OutboxItem next = *item;
        const bool answered = call->state() == ApiCall::State::Succeeded;
        const Decoded<InvitationCheck> check = answered
            ? InvitationCheck::fromJson(call->data())
            : Decoded<InvitationCheck>::failure(call->error().technicalSummary());
        if (!check.ok()) {
            // Nothing was withdrawn; the person may try again once LinkUp answers.
            const ApiError error = answered ? ApiError::badBody(check.error) : call->error();
            next.state = OutboxItem::State::Failed;
            next.errorCode = error.code.isEmpty() ? ApiError::kindName(error.kind) : error.code;
            next.errorMessage = tr("The invitation's id could not be looked up, so nothing was "
                                   "withdrawn. %1")
                                    .arg(error.userMessage());
            moveItem(*item, OutboxItem::State::Queued, next);
            return afterRequest(runId);
        }
        const QString refusedId = item->payload.value(kRefusedId).toString();
        const QString urn = item->payload.value(kEntityUrn).toString();
        if (!check.value.isPendingSent()) {
            next.state = OutboxItem::State::Refused;
            next.errorCode = kNotFoundCode;
            next.errorMessage = check.value.isConnected()
                ? tr("The invitation to %1 is no longer pending: they accepted it.")
                      .arg(personOf(*item))
                : tr("The invitation to %1 is no longer pending (accepted or withdrawn "
                     "elsewhere): nothing was withdrawn.")
                      .arg(personOf(*item));
            if (moveItem(*item, OutboxItem::State::Queued, next))
                m_cache->removeInvitation(item->accountId, StoredInvitation::Direction::Sent, urn);
            return afterRequest(runId);
        }
        if (check.value.invitationId.isEmpty() || check.value.invitationId == refusedId) {
            // Pending under the very id LinkUp refused: a second try would be refused too.
            next.state = OutboxItem::State::Refused;
            next.errorCode = kNotFoundCode;
            next.errorMessage = item->payload.value(kRefusal).toString();
            if (next.errorMessage.isEmpty())
                next.errorMessage = tr("LinkedIn shows the invitation to %1 as pending but "
                                       "gives no id to withdraw it with. Withdraw it on "
                                       "LinkedIn itself.")
                                        .arg(personOf(*item));
            moveItem(*item, OutboxItem::State::Queued, next);
            return afterRequest(runId);
        }
        next.payload.insert(kInvitationId, check.value.invitationId);
        next.payload.insert(kLookedUp, true);
        if (!m_items->transition(id, OutboxItem::State::Queued, next))
            return afterRequest(runId);
        if (const auto stored
            = m_cache->findByUrn(item->accountId, StoredInvitation::Direction::Sent, urn))
            m_cache->setInvitationId(stored->key, check.value.invitationId);
        // The look-up was a read: the withdraw it was for follows without another pause, and
        // the run stays busy with this item until its reply.
        if (const auto run = m_runs->find(runId);
            !run || run->state != BulkRun::State::Running || !ownedHere(*run)) {
            return afterRequest(runId);
        }
        send(next);
    });
}

} // namespace ld
