#pragma once
// Sends messages exactly once (issue 3 §4): queued → sending → sent | failed | unknown.
// The item is in the store before the request leaves. Undo-send holds it in Queued for a
// short delay. A failure that proves the request never arrived (connection refused, 4xx) is
// Failed and the user may retry; an ambiguous one (timeout, reset after writing, 5xx, an
// unreadable 2xx) is Unknown: never resent automatically — the outbox re-reads the
// conversation to verify, and only the user's "Send again" sends a second request.
// On start, resume(): Queued items are scheduled, Sending items (the app died mid-send)
// become Unknown and are verified.
#include "store/outboxrepository.h"

#include <QObject>
#include <QHash>
#include <QSet>

class QTimer;

namespace ld {

class MessagesService;
class ConversationRepository;
class AppSettings;
class ApiCall;
struct Message;

struct OutgoingMessage
{
    QString accountId;
    QString profileUrl;
    QString conversationId; // when replying in a known conversation
    QString text;
    QString attachmentPath; // optional local file, read when sending (never stored as data)
};

struct DailyUsage
{
    int used = 0;  // messages that left (Sending or later) since local midnight
    int cap = 0;
    int remaining() const { return cap > used ? cap - used : 0; }
};

class Outbox : public QObject
{
    Q_OBJECT
public:
    Outbox(MessagesService *messages, OutboxRepository *items, ConversationRepository *conversations,
           AppSettings *settings, QObject *parent = nullptr);

    void setUndoDelayMs(int ms); // default 5000; 0 sends at once
    int undoDelayMs() const { return m_undoDelayMs; }

    // Validates (empty text, attachment readable and within the size limit, daily cap) and
    // stores the item. Returns its id, or 0 with *refusal set to a sentence; nothing is sent.
    qint64 enqueue(const OutgoingMessage &message, QString *refusal);
    bool cancel(qint64 id);          // only while Queued (undo-send)
    bool sendAgain(qint64 id);       // user's explicit choice for a Failed or verified-Unknown item
    void verify(qint64 id);          // re-read the conversation: Sent if the message is there
                                     // (also for a Sending item whose process died)
    void resume();                   // after start: schedule Queued, turn Sending into Unknown + verify

    DailyUsage dailyUsage(const QString &accountId) const;

Q_SIGNALS:
    void itemChanged(qint64 id, ld::OutboxItem::State state);
    void verified(qint64 id, bool found); // found false: the message is not in the conversation
    // The check itself failed (network, server): the item stays Unknown; `reason` is a sentence.
    void verificationFailed(qint64 id, const QString &reason);

private:
    void schedule(const OutboxItem &item);
    void dropTimer(qint64 id);
    void sendNow(qint64 id);
    void onSendDone(qint64 id, ApiCall *call, int attempt);
    bool settle(const OutboxItem &next);
    void failUnsent(const OutboxItem &item, const QString &why);
    QString capRefusal(const QString &accountId, bool countQueued) const;
    bool sendingElsewhere(const OutboxItem &item) const;
    bool markInterrupted(const OutboxItem &item); // Sending of a dead process → Unknown
    // Verification (outboxverify.cpp): pages back through the conversation to the send time.
    void verifyPage(qint64 id, const QString &cursor, int pagesRead);
    void concludeFound(qint64 id, const Message &message);
    void concludeMissing(qint64 id);
    void verifyFailed(qint64 id, const QString &reason);

    MessagesService *m_messages;
    OutboxRepository *m_items;
    ConversationRepository *m_conversations;
    AppSettings *m_settings;
    int m_undoDelayMs = 5000;
    QHash<qint64, QTimer *> m_timers;
    QSet<qint64> m_sending;   // requests of this process in flight
    QSet<qint64> m_verifying;
};

} // namespace ld
