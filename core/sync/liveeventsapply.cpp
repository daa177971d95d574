// LiveEvents' apply side: each event recorded once, then what it changes in the caches, on
// the main thread.
#include "liveevents.h"

#include "inboxsync.h"
#include "networksync.h"
#include "workspace.h"

#include "domain/webhook.h"
#include "store/accountrepository.h"
#include "store/conversationrepository.h"
#include "store/liveeventrepository.h"
#include "store/networkrepository.h"
#include "support/logging.h"

namespace ld {

namespace {

// One list_inbox page of 10: 1 credit (§1.9), enough to bring in the conversation a message
// arrived in, which is the newest.
constexpr int kUncachedRefreshCount = 10;

// When it happened on LinkedIn when the event says so, else when LinkUp emitted it.
QDateTime eventTime(const LiveEvent &event)
{
    if (event.happenedAt.isValid())
        return event.happenedAt.toUTC();
    if (event.emittedAt.isValid())
        return event.emittedAt.toUTC();
    return QDateTime::currentDateTimeUtc();
}

} // namespace

void LiveEvents::onEvent(const LiveEvent &event, const QString &eventId,
    const QByteArray &contentKey, const QString &webhookId)
{
    LiveEvent e = event;
    if (e.accountId.isEmpty())
        e.accountId = m_webhooks.key(webhookId);
    // The store, not the worker's memory, is what makes an event apply once across runs.
    const qint64 id
        = m_ws->liveEvents()->record(e, eventId, contentKey, webhookId, !eventId.isEmpty());
    if (id == 0)
        return;
    switch (e.type) {
    case LiveEvent::Type::Message:
        applyMessage(e);
        break;
    case LiveEvent::Type::AcceptedInvitation:
        applyAcceptedInvitation(e);
        break;
    case LiveEvent::Type::Disconnection:
        applyDisconnection(e);
        break;
    case LiveEvent::Type::Other:
        break; // kept for the Live page; nothing in the caches knows it
    }
    Q_EMIT eventArrived(id);
}

void LiveEvents::applyMessage(const LiveEvent &event)
{
    Message m;
    m.id = event.messageId;
    m.text = event.text;
    m.at = eventTime(event);
    m.senderName = event.senderName;
    m.senderProfileUrl = event.senderProfileUrl;
    if (m_ws->conversations()->applyIncoming(event.accountId, event.conversationId, m) != 0)
        return;
    // Not cached (or the store failed): the newest conversations hold it.
    qCInfo(lcSync).noquote() << "live message for a conversation not cached in account"
                             << event.accountId << ": refreshing its inbox";
    m_ws->inboxSync()->refreshInbox(event.accountId, kUncachedRefreshCount);
}

void LiveEvents::applyAcceptedInvitation(const LiveEvent &event)
{
    NetworkRepository *network = m_ws->network();
    const QString &accountId = event.accountId;
    if (event.profileUrl.isEmpty()) {
        qCInfo(lcSync) << "accepted invitation without a profile URL: nothing to match";
        return;
    }
    Connection person;
    person.name = event.personName();
    person.profileUrl = event.profileUrl;
    const std::optional<StoredInvitation> sent
        = network->findByPerson(accountId, StoredInvitation::Direction::Sent, event.profileUrl);
    if (sent) {
        // The stored invitation knows the person better than the event does.
        if (!sent->person.fullName().isEmpty())
            person.name = sent->person.fullName();
        person.jobTitle = sent->person.headline;
        person.pictureUrl = sent->person.pictureUrl;
        if (!sent->person.profileUrl.isEmpty())
            person.profileUrl = sent->person.profileUrl;
        network->removeInvitation(accountId, StoredInvitation::Direction::Sent, sent->entityUrn);
    }
    if (!network->isConnected(accountId, event.profileUrl))
        network->addConnection(accountId, person, eventTime(event));
}

void LiveEvents::applyDisconnection(const LiveEvent &event)
{
    // The session behind the account expired (§9.6): the account needs signing in again. The
    // stored status says so at once; the next accounts refresh brings the server's own word.
    AccountRepository *accounts = m_ws->accounts();
    std::optional<Account> account = accounts->find(event.accountId);
    if (!account || account->status == Account::Status::Disconnected)
        return;
    account->status = Account::Status::Disconnected;
    account->rawStatus = QStringLiteral("disconnected");
    account->isActive = false;
    account->updatedAt = eventTime(event);
    accounts->upsert(*account);
}

void LiveEvents::onRetentionExceeded(const QString &accountId)
{
    Q_EMIT retentionExceeded(accountId);
    // Events may be lost: read what they would have changed.
    m_ws->inboxSync()->refreshInbox(accountId);
    m_ws->networkSync()->refresh(accountId, NetworkSync::List::Received);
    m_ws->networkSync()->refresh(accountId, NetworkSync::List::Sent);
}

} // namespace ld
