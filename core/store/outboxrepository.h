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
    // Refused: never sent, by a rule of LinkUp Desk (duplicate, safety cap, bad input) or
    // because the API refused it with a reason (4xx); errorMessage says which. Failed: not done
    // for a reason that may pass (no credits, connection refused); may be tried again.
    enum class State { Queued, Sending, Sent, Failed, Unknown, Cancelled, Refused };

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
    qint64 runId = 0;        // the bulk run (RunRepository) it belongs to; 0: none

    static QString stateName(State s); // "queued", "sending", ...
};

class OutboxRepository : public QObject
{
    Q_OBJECT
public:
    explicit OutboxRepository(Database *db, QObject *parent = nullptr);

    qint64 enqueue(const OutboxItem &item); // returns the id (state Queued), 0 on failure
    // Several items in one transaction, each in its own state (a refused item is stored
    // Refused, so every input of a bulk run has exactly one outcome). Returns the ids in
    // order, or an empty list when nothing was stored.
    QList<qint64> enqueueMany(const QList<OutboxItem> &items);
    QList<OutboxItem> itemsOfRun(qint64 runId) const; // in id order
    // Items of `kind` for (accountId, target) in any of `states`, newest first: the duplicate
    // check of the network queue (target is the entity URN or the person's profile id).
    QList<OutboxItem> forTarget(const QString &accountId, const QString &kind,
                                const QString &target,
                                const QList<OutboxItem::State> &states) const;
    // Compare-and-set on (state Queued, run fromRun): moves a waiting item into another run
    // (a re-run after a crash adopts the items the dead run never sent).
    bool moveToRun(qint64 id, qint64 fromRun, qint64 toRun);
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
