#pragma once
// The unified inbox's cache: conversations of every account with their messages, local
// triage state (done, unread) and a full-text index (SQLite FTS5) over participant names and
// message text, so search runs in the store and stays fast with 100,000 conversations.
// Emits the keys it touched so models update rows instead of resetting.
#include "domain/conversation.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <optional>

namespace ld {

class Database;

struct InboxFilter
{
    enum class DoneState { Any, NotDone, DoneOnly };

    QStringList accountIds;     // empty: every account
    bool unreadOnly = false;    // unread on the server or marked unread locally
    DoneState done = DoneState::NotDone;
    QString search;             // words matched (prefix) in names and message text; empty: all

    bool operator==(const InboxFilter &o) const;
    bool operator!=(const InboxFilter &o) const { return !(*this == o); }
};

struct ConversationRow
{
    qint64 key = 0;             // stable local key (rowid)
    QString accountId;
    Conversation conversation;
    bool done = false;          // local triage state
    bool markedUnread = false;  // local "U": unread until opened
    QDateTime refreshedAt;

    bool isUnread() const { return markedUnread || conversation.unread > 0; }
};

class ConversationRepository : public QObject
{
    Q_OBJECT
public:
    explicit ConversationRepository(Database *db, QObject *parent = nullptr);

    // Inserts or updates (by account + conversation id) in one transaction; keeps local state,
    // except that a conversation with a new last message is no longer done.
    bool upsert(const QString &accountId, const QList<Conversation> &conversations);

    // Newest first (last message time to the second, then key). Keyset paging: pass the last row of the
    // previous page as `after` (nullopt for the first page).
    QList<ConversationRow> page(const InboxFilter &filter, int limit,
                                const std::optional<ConversationRow> &after = std::nullopt) const;
    int count(const InboxFilter &filter) const;
    std::optional<ConversationRow> row(qint64 key) const;
    std::optional<ConversationRow> find(const QString &accountId, const QString &conversationId) const;
    // Where a row would sit among the rows of `filter` (0-based), for inserting it in place.
    int positionOf(const ConversationRow &row, const InboxFilter &filter) const;
    bool matches(const ConversationRow &row, const InboxFilter &filter) const;

    bool setDone(qint64 key, bool done);
    bool setMarkedUnread(qint64 key, bool unread);

    // Messages of one conversation, stored newest first by time. Upsert by message id (or by
    // time + sender + text for messages without id).
    bool upsertMessages(qint64 conversationKey, const QList<Message> &messages);
    QList<Message> messages(qint64 conversationKey, int limit,
                            const QDateTime &olderThan = {}) const; // newest first
    int messageCount(qint64 conversationKey) const;
    QString olderCursor(qint64 conversationKey) const;  // next_cursor for older history; "" at the end
    bool setOlderCursor(qint64 conversationKey, const QString &cursor, bool reachedEnd);
    bool historyComplete(qint64 conversationKey) const;

    // A message that a live event announced (issue 5), for the cached conversation
    // `conversationId` or, when that is empty or not cached, the account's newest conversation
    // with the sender (any spelling of their profile URL; by name only when no URL is given and
    // one conversation has it). Stored as upsertMessages() stores; the same text from the same
    // sender already stored within two minutes of it (a refresh read it first, with LinkedIn's
    // time) is this message, so applying it again changes nothing. A message newer than the
    // conversation's last one becomes it (an event time in whole seconds that falls in the
    // stored last message's second counts as after it), brings the conversation back from done
    // and adds one to its unread count. Returns the conversation's key; 0 when no cached
    // conversation is that one (the caller refreshes the inbox) or the store failed (logged).
    qint64 applyIncoming(
        const QString &accountId, const QString &conversationId, const Message &message);
    // Each account's newest last message time (accounts without conversations are absent),
    // for ordering accounts by how recently they were active.
    QHash<QString, QDateTime> lastActivity() const;

    // Bulk writes (imports, the benchmark's 100,000 rows): upsert() and upsertMessages() called
    // between these join one transaction instead of committing each. Signals still go out per call.
    bool beginBatch();
    bool commitBatch();
    void rollbackBatch();

Q_SIGNALS:
    void conversationsInserted(const QList<qint64> &keys);
    void conversationsChanged(const QList<qint64> &keys);   // content or local state
    void messagesChanged(qint64 conversationKey);

private:
    struct MessageWrite;
    // upsertMessages() inside the caller's transaction, without signals.
    bool writeMessages(qint64 conversationKey, const QList<Message> &messages, MessageWrite *out);
    qint64 incomingConversation(
        const QString &accountId, const QString &conversationId, const Message &message) const;
    bool reindex(qint64 key); // now, or at commitBatch() when batching
    Database *m_db;
    bool m_batch = false;
    QSet<qint64> m_unindexed; // written during a batch, indexed once at its commit
};

} // namespace ld
