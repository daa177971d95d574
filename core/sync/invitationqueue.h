#pragma once
// The network writes of issue 4 — invite, accept, decline, withdraw — one at a time or as a
// paced bulk run, with the message outbox's exactly-once rules (ARCHITECTURE.md §3):
//  - every item is stored (OutboxRepository, kind "invite"/"accept"/"decline"/"withdraw",
//    runId = its BulkRun) before its request leaves; Queued → Sending is a compare-and-set;
//  - a write is never retried after an ambiguous failure (timeout, reset after sending, 5xx,
//    unreadable 2xx, abort, or a process killed while Sending): the item is Unknown and is
//    verified with check_invitation (1 credit), never re-sent without the person;
//  - each input gets exactly one outcome: Sent ("done"), Refused (with the reason: duplicate,
//    cap, bad input, or the API's refusal), Failed (may be tried again), Unknown, Cancelled.
// Pacing: a uniformly random pause in [minDelayMs, maxDelayMs] between two requests of a run
// (none before the first). Safety caps (AppSettings::pacing(), per account): invitations,
// accepts and withdrawals that left (Sending or later) today (since local midnight) and in the
// last 7 days. An item that would pass a cap is Refused with the cap's sentence, and so is every
// later item of the run for the same account and action: the run stops at the cap.
// Withdraw takes the id from the URN's tail (free); check_invitation is called only when the
// URN has none, when the API refuses the id, or to verify an ambiguous outcome.
#include "store/networkrepository.h"
#include "store/outboxrepository.h"
#include "store/runrepository.h"

#include <QHash>
#include <QObject>
#include <QSet>

class QTimer;

namespace ld {

class AppSettings;
class ApiCall;
class NetworkService;

enum class NetworkAction { Invite, Accept, Decline, Withdraw };

// The outbox kind of an action: "invite", "accept", "decline", "withdraw".
QString networkActionKind(NetworkAction action);
std::optional<NetworkAction> networkActionFromKind(const QString &kind);

struct NetworkTask
{
    NetworkAction action = NetworkAction::Invite;
    QString accountId;
    QString profileUrl; // invite: the target; others: the person of the invitation (verification)
    QString personName; // for lists and summaries
    QString entityUrn; // accept, decline, withdraw: the stored invitation's URN
    QString note; // invite only; empty: no note

    // The person of a stored invitation (received → accept/decline, sent → withdraw).
    static NetworkTask forInvitation(NetworkAction action, const StoredInvitation &invitation);
};

struct CapUsage
{
    int usedToday = 0;
    int perDay = 0;
    int usedThisWeek = 0; // the last 7 days, today included
    int perWeek = 0;
    int remaining() const; // min of what both caps still allow; never negative
};

struct RunProgress
{
    qint64 runId = 0;
    BulkRun::State state = BulkRun::State::Running;
    int total = 0;
    int done = 0; // Sent
    int refused = 0;
    int failed = 0;
    int unknown = 0;
    int cancelled = 0;
    int pending = 0; // Queued or Sending
    QDateTime nextAt; // when the next request may leave (UTC); invalid when none is waiting
    qint64 etaMs = -1; // estimate for the pending items; -1 when nothing is pending
    QString stopReason;

    int finished() const { return total - pending; }
};

class InvitationQueue : public QObject
{
    Q_OBJECT
public:
    InvitationQueue(NetworkService *network, NetworkRepository *cache, OutboxRepository *items,
        RunRepository *runs, AppSettings *settings, QObject *parent = nullptr);

    // Why `task` would be refused now (empty when it may go): missing account, a profile URL
    // that is not a LinkedIn member profile, a note over the account's limit, an unknown URN or
    // one with no shared secret stored, a duplicate (already connected, an invitation pending
    // either way, the same write already sent, queued or unknown), or a cap with no room left.
    // Reads the store only: sends nothing.
    QString check(const NetworkTask &task) const;

    // Stores a run with one item per task (refused tasks are stored Refused with their reason)
    // and starts it. Delays: AppSettings pacing unless given (tests pass small ones). A task
    // whose same write is already Queued in a run that no process drives any more (killed)
    // is adopted into the new run instead of being added twice. Returns the run id; 0 when
    // nothing could be stored: no tasks, a task without an account, or a store failure (then
    // *error says why).
    qint64 start(const QList<NetworkTask> &tasks, const QString &title, QString *error = nullptr,
        int minDelayMs = -1, int maxDelayMs = -1);
    bool pause(qint64 runId);
    bool resumeRun(qint64 runId); // a Paused run, also one interrupted by a crash
    bool cancel(qint64 runId); // Queued items become Cancelled; a request in flight completes

    // After start-up: Sending items whose process died become Unknown and are verified; Running
    // runs whose process died become Paused with interruptedReason() (the person resumes them);
    // a Queued item left outside an open run by a crash is settled as not sent. Nothing is sent
    // by resume() itself.
    void resume();
    // check_invitation for an Unknown item (also a Sending one whose process died); settles it
    // as Sent (the write took effect) or Failed (it did not; the person may send it again).
    void verify(qint64 itemId);
    // The person's explicit choice for a Failed item (verify() settles an Unknown one as Sent or
    // Failed; an unverified one is never sent again): checked again, then queued alone in a new
    // run. A check that now refuses it makes it Refused with the reason, and returns false.
    bool sendAgain(qint64 itemId);

    RunProgress progress(qint64 runId) const;
    // Accept and decline share the accepts caps: both answer an invitation on LinkedIn.
    CapUsage usage(const QString &accountId, NetworkAction action) const;
    bool isDriving(qint64 runId) const { return m_driving.contains(runId); }
    // The stopReason of a run whose process died while it was Running (set by resume()).
    static QString interruptedReason();

Q_SIGNALS:
    void itemChanged(qint64 itemId, qint64 runId, ld::OutboxItem::State state);
    void runChanged(qint64 runId); // progress() changed
    void runFinished(qint64 runId); // Finished or Cancelled; progress() has the summary
    void verified(qint64 itemId, bool tookEffect);
    void verificationFailed(qint64 itemId, const QString &reason);

private:
    // A run driven by this process: the pause before its next request (invitationqueuesend.cpp).
    struct Driver
    {
        QTimer *timer = nullptr;
        QDateTime nextAt; // when the timer fires; invalid while no request waits
        qint64 lastDoneMs = 0; // when this process last heard back from the run; 0: never
        int gapMs = 0; // the random pause chosen after that reply
    };

    // Checks (invitationqueuecheck.cpp).
    QString refusal(const NetworkTask &task, QString *code) const;
    bool goneSinceSent(const QString &accountId, const OutboxItem &sent) const;
    QString duplicateRefusal(const NetworkTask &task, const QString &target) const;
    QString capRefusal(const QString &accountId, NetworkAction action) const;
    // Starting runs (invitationqueue.cpp).
    OutboxItem itemFor(const NetworkTask &task) const;
    QSet<qint64> adoptableRuns() const;
    void closeIfEmpty(qint64 runId);
    bool ownedHere(const BulkRun &run) const;
    bool ownerAlive(const BulkRun &run) const;
    // Steering runs and recovering after a crash (invitationqueuerun.cpp).
    void interruptSendingItems(qint64 runId);
    void settleStranded(const OutboxItem &item);
    bool markInterrupted(const OutboxItem &item);
    // Driving (invitationqueuesend.cpp).
    void drive(qint64 runId);
    void stopDriving(qint64 runId);
    void pump(qint64 runId);
    void sendNext(qint64 runId);
    void send(const OutboxItem &item);
    ApiCall *request(const OutboxItem &item);
    void onReply(qint64 itemId, qint64 runId, ApiCall *call, int attempt, qint64 startedMs);
    void afterRequest(qint64 runId); // the run may go on after the pause
    void refuseAtCap(const OutboxItem &item, const QString &why);
    void finishRun(const BulkRun &run);
    bool settle(const OutboxItem &next);
    bool moveItem(const OutboxItem &item, OutboxItem::State from, const OutboxItem &next);
    void applyToCache(const OutboxItem &item, const InviteResult &invited);
    // check_invitation: verification and the withdraw id (invitationqueueverify.cpp).
    void conclude(qint64 itemId, bool tookEffect, const QString &why, const InviteResult &invited);
    void lookUpInvitationId(const OutboxItem &item);

    QSet<qint64> m_driving;
    QHash<qint64, Driver> m_drivers;
    QHash<qint64, qint64> m_busy; // run → its item whose request (write or lookup) is in flight
    QSet<qint64> m_sending; // items whose write request of this process is in flight
    QSet<qint64> m_verifying;
    qint64 m_requestMsTotal = 0; // measured write requests, for the ETA
    int m_requestCount = 0;
    NetworkService *m_network;
    NetworkRepository *m_cache;
    OutboxRepository *m_items;
    RunRepository *m_runs;
    AppSettings *m_settings;
};

} // namespace ld
