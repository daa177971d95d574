#pragma once
// Bulk runs (issue 4 §6): a paced batch of network writes — accept, decline, withdraw, invite —
// whose items are outbox rows (OutboxItem::runId), so each item follows the outbox's
// exactly-once rules and a run survives a crash. The run row holds what the items do not: its
// state, its pacing, why it stopped, and which process drives it. Every state change is a
// compare-and-set, like the outbox's.
#include <QDateTime>
#include <QObject>
#include <optional>

namespace ld {

class Database;

struct BulkRun
{
    // Running: a process sends its items. Paused: by the person, or Interrupted-then-paused
    // after its process died (stopReason says which). Cancelled and Finished are final.
    enum class State { Running, Paused, Cancelled, Finished };

    qint64 id = 0;
    QString kind; // outbox kind of its items: "invite", "accept", "decline", "withdraw"
    QString title; // what the person started, e.g. "Withdraw 12 invitations older than 30 days"
    State state = State::Running;
    int minDelayMs = 2000; // uniformly random pause between two requests
    int maxDelayMs = 6000;
    QDateTime createdAt; // UTC
    QDateTime updatedAt;
    QDateTime finishedAt; // Cancelled or Finished
    QString stopReason; // a sentence: cap reached, cancelled, interrupted; empty otherwise
    qint64 ownerPid = 0; // the process that drives it while Running
    QString ownerHost;

    static QString stateName(State s); // "running", "paused", "cancelled", "finished"
};

class RunRepository : public QObject
{
    Q_OBJECT
public:
    explicit RunRepository(Database *db, QObject *parent = nullptr);

    qint64 create(const BulkRun &run); // returns the id, 0 on failure
    std::optional<BulkRun> find(qint64 id) const;
    QList<BulkRun> inStates(const QList<BulkRun::State> &states) const; // oldest first
    QList<BulkRun> recent(int limit = 20) const; // newest first

    // Compare-and-set: moves `id` from `from` to next.state (and next's other fields) only if
    // it is still in `from`.
    bool transition(qint64 id, BulkRun::State from, const BulkRun &next);

Q_SIGNALS:
    void runChanged(qint64 id);

private:
    Database *m_db;
};

} // namespace ld
