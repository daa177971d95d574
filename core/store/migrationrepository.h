#pragma once
// The batch migration journal (issue 6 §3, §4): one MigrationRun per CSV that was started and
// one MigrationJournalRow per data row of it, written as the run goes, so that a run killed at
// any moment resumes where it stopped and never loses a row's outcome.
//
// A V1 login_token is NEVER written here: rows are keyed by the SHA-256 of the token
// (MigrationInputRow::tokenHash). Row state changes are compare-and-set, like the outbox's:
// Pending → Calling just before the request leaves, Calling → a final status when it answers.
// A row left Calling by a process that died is the one row a rerun calls again (safe: the
// API returns the same account_id for a migrated token, free of charge).
#include "migration/migrationcsv.h"

#include <QDateTime>
#include <QObject>
#include <optional>

namespace ld {

class Database;

struct MigrationRun
{
    // Running: a process calls its rows. Paused: by the person, or after a failure that is
    // not the row's fault (no network, API key refused, no credits), or found Running with its
    // process gone ("interrupted"); stopReason says which. Cancelled and Finished are final.
    enum class State { Running, Paused, Cancelled, Finished };

    qint64 id = 0;
    QByteArray contentHash; // MigrationCsv::contentHash: a rerun of the same CSV finds this run
    QString sourcePath;     // the CSV as the person chose it (to reopen it on resume); not secret
    State state = State::Running;
    int minDelayMs = 500;   // uniformly random pause between two calls, within 500–2000
    int maxDelayMs = 2000;
    int totalRows = 0;
    QDateTime createdAt;    // UTC
    QDateTime updatedAt;
    QDateTime finishedAt;   // Cancelled or Finished
    QString stopReason;     // a sentence; empty when none
    qint64 ownerPid = 0;    // the process that drives it while Running
    QString ownerHost;

    static QString stateName(State s);                // "running", "paused", "cancelled", "finished"
    static std::optional<State> stateFromName(const QString &name);
};

struct MigrationJournalRow
{
    // Pending: not called yet. Calling: its request left (or was about to) when last seen.
    // The three outcomes of issue 6 §2 are final. A duplicate row takes the outcome of the
    // row it duplicates (duplicateOfIndex), in the same transaction.
    enum class Status { Pending, Calling, Connected, CheckpointRequired, Failed };

    qint64 runId = 0;
    int index = 0;        // MigrationInputRow::index
    int lineNumber = 0;
    QByteArray tokenHash; // empty for a row without a token
    QString country;
    QString label;
    Status status = Status::Pending;
    QString accountId;    // Connected, CheckpointRequired
    QString challenge;    // CheckpointRequired: "code_challenge", "app_challenge", or the server's word
    QString errorCode;    // Failed: the API's code ("INVALID_PARAMS"), or ours for a bad row
                          // ("MISSING_TOKEN", "BAD_COUNTRY"); a duplicate keeps DUPLICATE_TOKEN
                          // unless its original failed
    QString errorMessage; // Failed: the API's message (plus what to do); bad row: the problem
    QString note;         // a duplicate: "same token as line 3: migrated once, with that row"
    int duplicateOfIndex = -1;
    int credits = 0;      // metadata.credits_consumed of its call(s)
    int attempts = 0;     // calls made for this row (a rerun after a kill may make a second)
    QDateTime startedAt;  // first time it went Calling
    QDateTime finishedAt; // when it got its outcome

    bool isFinal() const { return status != Status::Pending && status != Status::Calling; }
    static QString statusName(Status s); // "pending", "calling", "connected", "checkpoint_required", "failed"
    static std::optional<Status> statusFromName(const QString &name);
    // The row of the results CSV (Calling is exported as "pending").
    MigrationResultRow toResultRow() const;
};

struct MigrationCounts
{
    int total = 0;
    int connected = 0;
    int checkpoint = 0;
    int failed = 0;   // bad rows included
    int pending = 0;  // Pending or Calling
    int credits = 0;  // sum over the rows

    int finished() const { return total - pending; }
};

class MigrationRepository : public QObject
{
    Q_OBJECT
public:
    explicit MigrationRepository(Database *db, QObject *parent = nullptr);

    // Stores a run and one row per input row, in one transaction. Rows with a problem other
    // than DuplicateToken are stored Failed at once (errorCode = problemCode(), errorMessage =
    // problemText()); duplicates are stored Pending with duplicateOfIndex and the note, and
    // take their original's outcome when it gets one. Returns the run id, 0 on failure.
    qint64 createRun(const MigrationRun &run, const QList<MigrationInputRow> &rows);

    std::optional<MigrationRun> findRun(qint64 id) const;
    // The newest run of that CSV content that is not Cancelled (a finished one included: its
    // results are still wanted); nullopt when there is none.
    std::optional<MigrationRun> findRunByContent(const QByteArray &contentHash) const;
    QList<MigrationRun> runsInStates(const QList<MigrationRun::State> &states) const; // oldest first
    QList<MigrationRun> recentRuns(int limit = 20) const; // newest first

    // Compare-and-set: moves `id` from `from` to next.state (and next's stopReason, owner,
    // delays, finishedAt) only if it is still in `from`. updatedAt is set here.
    bool transitionRun(qint64 id, MigrationRun::State from, const MigrationRun &next);
    bool setDelays(qint64 runId, int minDelayMs, int maxDelayMs);

    QList<MigrationJournalRow> rows(qint64 runId) const; // input order
    std::optional<MigrationJournalRow> row(qint64 runId, int index) const;
    // The rows a run still has to call, in input order: Pending rows that are not duplicates,
    // and Calling ones (left by a process that died) first among them.
    QList<MigrationJournalRow> rowsToCall(qint64 runId) const;
    MigrationCounts counts(qint64 runId) const;

    // Pending → Calling (startedAt set on the first attempt, attempts + 1). Also accepts a row
    // already Calling (the rerun after a kill re-calls it). false when the row is final.
    bool markCalling(qint64 runId, int index);
    // Calling → Pending: the call did not get an answer that belongs to the row (paused by a
    // network failure, cancelled while in flight); it will be called again.
    bool markPending(qint64 runId, int index);
    // Calling → final, with `outcome`'s status, accountId, challenge, error fields and credits
    // (added to the row's); finishedAt = now. In the same transaction the row's duplicates get
    // the same status, accountId, challenge, finishedAt and (for Failed) error fields.
    bool finishRow(qint64 runId, int index, const MigrationJournalRow &outcome);

    // The account_id of a token that a run connected (or left at a checkpoint), for the V1
    // converter; empty when none did.
    QString accountIdForToken(const QByteArray &tokenHash) const;

Q_SIGNALS:
    void runChanged(qint64 runId);
    void rowChanged(qint64 runId, int index);

private:
    Database *m_db;
};

} // namespace ld
