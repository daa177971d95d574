// Outbox verification: after an ambiguous send, re-read the conversation and look for the
// message. It never sends: only the person's "Send again" does.
#include "outbox.h"

#include "messageorigin_p.h"
#include "outbox_p.h"

#include "api/apicall.h"
#include "domain/conversation.h"
#include "services/messagesservice.h"
#include "store/conversationrepository.h"
#include "support/logging.h"

namespace ld {

using namespace outbox;

namespace {

// The server stamps messages with its own clock; ours may be a little ahead.
constexpr qint64 kClockSkewMs = 2 * 60 * 1000;
constexpr int kPageSize = 50;
// Enough for a busy thread since the send; an older message is not the one being looked for.
constexpr int kMaxPages = 4;

} // namespace

void Outbox::verify(qint64 id)
{
    std::optional<OutboxItem> item = m_items->find(id);
    // A Sending item whose process died (linkupctl outbox verify after a kill) is Unknown.
    if (item && markInterrupted(*item))
        item = m_items->find(id);
    if (!item || item->state != OutboxItem::State::Unknown || m_verifying.contains(id))
        return;
    m_verifying.insert(id);
    verifyPage(id, QString(), 0);
}

void Outbox::verifyPage(qint64 id, const QString &cursor, int pagesRead)
{
    const std::optional<OutboxItem> item = m_items->find(id);
    if (!item || item->state != OutboxItem::State::Unknown) {
        m_verifying.remove(id); // settled meanwhile, e.g. by a late reply
        return;
    }
    ApiCall *call = m_messages->getConversation(
        item->accountId, item->conversationId, item->target, kPageSize, cursor);
    const OutboxItem asked = *item;
    connect(call, &ApiCall::done, this, [this, id, call, asked, pagesRead] {
        if (call->state() != ApiCall::State::Succeeded) {
            const ApiError error = call->error();
            // Asked by profile URL, INVALID_PARAMS means there is no thread with that person
            // (contract §1.5): the message cannot be in it.
            if (asked.conversationId.isEmpty() && error.code == QLatin1String("INVALID_PARAMS"))
                return concludeMissing(id);
            return verifyFailed(id, error.userMessage());
        }
        const Decoded<ConversationPage> page = ConversationPage::fromJson(call->data());
        if (!page.ok())
            return verifyFailed(id,
                tr("The conversation could not be read to check the message "
                   "(%1).")
                    .arg(page.error));

        Person other;
        other.profileUrl = asked.target;
        if (const auto row = m_conversations
                ? m_conversations->find(asked.accountId, asked.conversationId)
                : std::nullopt) {
            other.name = row->conversation.participant.name;
            if (other.profileUrl.isEmpty())
                other.profileUrl = row->conversation.participant.profileUrl;
        }
        const QDateTime since
            = (asked.sentAt.isValid() ? asked.sentAt : asked.createdAt).addMSecs(-kClockSkewMs);
        const QString wanted = sync::comparableText(asked.payload.value(kText).toString());
        bool reachedOlder = false;
        for (const Message &m : page.value.messages) {
            if (m.at.isValid() && m.at < since) {
                reachedOlder = true;
                continue;
            }
            // A sender the page does not identify counts as the account: the same text at the
            // same time from the other party is far less likely than a terse server.
            if (sync::comparableText(m.text) == wanted
                && sync::writtenByAccount(m, other).value_or(true))
                return concludeFound(id, m);
        }
        if (!reachedOlder && page.value.hasMore() && pagesRead + 1 < kMaxPages)
            return verifyPage(id, page.value.nextCursor, pagesRead + 1);
        concludeMissing(id);
    });
}

void Outbox::concludeFound(qint64 id, const Message &message)
{
    m_verifying.remove(id);
    const std::optional<OutboxItem> item = m_items->find(id);
    if (item && item->state == OutboxItem::State::Unknown) {
        OutboxItem next = *item;
        next.state = OutboxItem::State::Sent;
        next.errorCode.clear();
        next.errorMessage.clear();
        next.payload.remove(kVerified);
        if (next.resultId.isEmpty())
            next.resultId = message.id;
        if (m_items->transition(id, OutboxItem::State::Unknown, next))
            Q_EMIT itemChanged(id, next.state);
    }
    Q_EMIT verified(id, true);
}

void Outbox::concludeMissing(qint64 id)
{
    m_verifying.remove(id);
    const std::optional<OutboxItem> item = m_items->find(id);
    if (item && item->state == OutboxItem::State::Unknown) {
        OutboxItem next = *item;
        next.payload.insert(kVerified, kMissing);
        next.errorMessage = tr("The message is not in the conversation, so it was most likely not "
                               "sent. Choose Send again to send it.");
        if (m_items->transition(id, OutboxItem::State::Unknown, next))
            Q_EMIT itemChanged(id, next.state);
    }
    Q_EMIT verified(id, false);
}

void Outbox::verifyFailed(qint64 id, const QString &reason)
{
    m_verifying.remove(id);
    qCInfo(lcSync) << "outbox item" << id << "could not be verified:" << reason;
    Q_EMIT verificationFailed(id, reason);
}

} // namespace ld
