#include "inboxsync.h"

#include "messageorigin_p.h"

#include "api/apicall.h"
#include "domain/conversation.h"
#include "services/messagesservice.h"
#include "store/conversationrepository.h"
#include "support/logging.h"

namespace ld {

namespace {

// LinkedIn returns at most 25 conversations per upstream request (contract §1.6): a larger
// count only makes one slow call that costs the same.
constexpr int kInboxPageSize = 25;

QString inboxKey(const QString &accountId)
{
    return QStringLiteral("inbox:") + accountId;
}

QString conversationKey(qint64 key)
{
    return QStringLiteral("conv:") + QString::number(key);
}

// get_conversation names senders but never marks the account's own messages (§3.3).
QList<Message> withOrigin(QList<Message> messages, const Person &otherParty)
{
    for (Message &m : messages)
        m.isMe = sync::writtenByAccount(m, otherParty).value_or(false);
    return messages;
}

} // namespace

InboxSync::InboxSync(
    MessagesService *messages, ConversationRepository *conversations, QObject *parent)
    : QObject(parent)
    , m_messages(messages)
    , m_conversations(conversations)
{ }

bool InboxSync::begin(const QString &key)
{
    if (m_busy.contains(key))
        return false;
    m_busy.insert(key);
    if (m_busy.size() == 1)
        Q_EMIT busyChanged(true);
    return true;
}

void InboxSync::end(const QString &key)
{
    if (m_busy.remove(key) && m_busy.isEmpty())
        Q_EMIT busyChanged(false);
}

void InboxSync::refreshInbox(const QString &accountId, int count)
{
    // One refresh per account at a time: a second request is answered by the first.
    if (!begin(inboxKey(accountId)))
        return;
    fetchInboxPage(accountId, qMax(1, count), QString(), 0, 0);
}

void InboxSync::fetchInboxPage(
    const QString &accountId, int wanted, const QString &cursor, int collected, int credits)
{
    InboxQuery query;
    query.count = qMin(kInboxPageSize, wanted - collected);
    query.cursor = cursor;
    ApiCall *call = m_messages->listInbox(accountId, query);
    connect(call, &ApiCall::done, this, [=] {
        const int spent = credits + call->creditsConsumed();
        auto fail = [&](const ApiError &error) {
            Q_EMIT failed(accountId, error);
            end(inboxKey(accountId));
        };
        if (call->state() != ApiCall::State::Succeeded)
            return fail(call->error());
        const Decoded<InboxPage> page = InboxPage::fromJson(call->data());
        if (!page.ok())
            return fail(ApiError::badBody(page.error));
        // Stored page by page, so the list fills while the next page is on its way.
        if (!m_conversations->upsert(accountId, page.value.conversations))
            qCWarning(lcSync) << "could not store the inbox of" << accountId;
        const int now = collected + int(page.value.conversations.size());
        // An empty page ends the loop even when a cursor follows: never spin on such a server.
        if (page.value.hasMore() && now < wanted && !page.value.conversations.isEmpty())
            return fetchInboxPage(accountId, wanted, page.value.nextCursor, now, spent);
        Q_EMIT inboxRefreshed(accountId, now, spent);
        end(inboxKey(accountId));
    });
}

void InboxSync::loadConversation(qint64 key, int count)
{
    fetchMessages(key, count, false);
}

void InboxSync::loadOlder(qint64 key, int count)
{
    fetchMessages(key, count, true);
}

void InboxSync::fetchMessages(qint64 key, int count, bool older)
{
    const std::optional<ConversationRow> row = m_conversations->row(key);
    if (!row) {
        Q_EMIT failed(QString(),
            ApiError::config(tr("This conversation is no longer in the "
                                "cache. Refresh the inbox.")));
        return;
    }
    QString cursor;
    if (older) {
        if (m_conversations->historyComplete(key)) {
            Q_EMIT conversationLoaded(key, 0, 0);
            return;
        }
        cursor = m_conversations->olderCursor(key);
        // Nothing read yet: the newest page comes first, and brings the first cursor.
        if (cursor.isEmpty())
            older = false;
    }
    if (!begin(conversationKey(key)))
        return;
    const int storedBefore = m_conversations->messageCount(key);
    const Conversation conversation = row->conversation;
    const QString accountId = row->accountId;
    ApiCall *call = m_messages->getConversation(
        accountId, conversation.id, conversation.participant.profileUrl, qMax(1, count), cursor);
    connect(call, &ApiCall::done, this, [=] {
        auto fail = [&](const ApiError &error) {
            Q_EMIT failed(accountId, error);
            end(conversationKey(key));
        };
        if (call->state() != ApiCall::State::Succeeded)
            return fail(call->error());
        const Decoded<ConversationPage> page = ConversationPage::fromJson(call->data());
        if (!page.ok())
            return fail(ApiError::badBody(page.error));
        const QList<Message> messages = withOrigin(page.value.messages, conversation.participant);
        if (!m_conversations->upsertMessages(key, messages))
            qCWarning(lcSync) << "could not store the messages of conversation" << key;
        // The newest page of a thread read before must not move the cursor of the older
        // history already walked back to.
        if (older || storedBefore == 0
            || (m_conversations->olderCursor(key).isEmpty()
                && !m_conversations->historyComplete(key)))
            m_conversations->setOlderCursor(key, page.value.nextCursor, !page.value.hasMore());
        Q_EMIT conversationLoaded(key, int(messages.size()), call->creditsConsumed());
        end(conversationKey(key));
    });
}

} // namespace ld
