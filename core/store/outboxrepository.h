#pragma once
// The persistent outbox (ARCHITECTURE.md §3 "Sync"): every write is stored here BEFORE its
// request leaves, and every state change is a compare-and-set, so a crash at any point loses
// nothing and two processes never send the same item twice. Used for messages now and for
// invitations and posts later (kind + JSON payload).
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <optional>

namespace ld {

class Database;

struct OutboxItem
{
    enum class State { Queued, Sending, Sent, Failed, Unknown, Cancelled };

    qint64 id = 0;
    QString kind;            // "message" (later "invite", "accept", "withdraw", "post")
    QString accountId;
    QString target;          // profile URL for a message
    QString conversationId;  // when known
    QJsonObject payload;     // {"text": ..., "attachment_path": ..., "attachment_name": ...}; never secrets
    State state = State::Queued;
    QDateTime createdAt;     // UTC
    QDateTime sendAfter;     // undo-send: not before this time
    QDateTime updatedAt;
    QDateTime sentAt;        // when the request left (Sending) or was confirmed (Sent)
    QString errorCode;
    QString errorMessage;    // a sentence for a person
    QString resultId;        // entityUrn of the sent message, when known
    int attempts = 0;        // requests actually sent: never more than one without the user

    static QString stateName(State s); // "queued", "sending", ...
};

class OutboxRepository : public QObject
{
    Q_OBJECT
public:
    explicit OutboxRepository(Database *db, QObject *parent = nullptr);

    qint64 enqueue(const OutboxItem &item); // returns the id (state Queued), 0 on failure
    std::optional<OutboxItem> find(qint64 id) const;
    QList<OutboxItem> inStates(const QList<OutboxItem::State> &states, const QString &kind = {}) const;
    QList<OutboxItem> forConversation(const QString &accountId, const QString &conversationId) const;

    // Compare-and-set: moves `id` from `from` to the state of `next` (and its other fields)
    // only if it is still in `from`. false when another writer got there first.
    bool transition(qint64 id, OutboxItem::State from, const OutboxItem &next);

    // Items of `kind` for `accountId` that reached Sending or later since `since` (for caps).
    int countSentSince(const QString &accountId, const QString &kind, const QDateTime &since) const;

Q_SIGNALS:
    void itemChanged(qint64 id);

private:
    Database *m_db;
};

} // namespace ld
