#pragma once
// Runs a batch migration (issue 6 §2, §3; ARCHITECTURE.md §3 "Migration"): POST /v2/login with
// {"platform": "linkedin", "login_token", "country"} for each row of a CSV, one row at a time,
// with a uniformly random pause in [minDelayMs, maxDelayMs] (within 500–2000 ms, the documented
// range) after each answer and before the next call. Every step is journalled in the
// MigrationRepository before and after the request, so a run killed at any moment resumes
// where it stopped and calls again at most the row that was in flight.
//
// The tokens live only in the MigrationCsv given to start(): never stored, logged or emitted.
//
// Outcomes (one per row): a 2xx with status "connected" → Connected with its account_id (and
// the account is added to the AccountRepository when it is not there yet); "checkpoint_required"
// → CheckpointRequired with its account_id and challenge; an API refusal that is about the row
// (INVALID_PARAMS, an expired token, ACCOUNT_INACTIVE, ...) → Failed with the API's code and
// message (an expired or refused token adds that the person must sign in to LinkedIn again).
// Decision, where the issue is silent: a failure that is not the row's fault — no network, a
// timeout or 5xx after the client's retries (login is idempotent, so it is retried like a
// read), INVALID_API_KEY, INSUFFICIENT_CREDITS, RATE_LIMITED — does not fail the row (it
// would fail every row after it too): the row goes back to Pending and the run is Paused with
// a sentence saying what to fix; Resume calls that row again.
#include "store/migrationrepository.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>

class QTimer;

namespace ld {

class AccountRepository;
class AccountsService;
class ApiCall;

struct MigrationProgress
{
    qint64 runId = 0;
    MigrationRun::State state = MigrationRun::State::Running;
    MigrationCounts counts;
    bool callInFlight = false;
    QDateTime nextCallAt; // when the next call leaves (UTC); invalid when none is waiting
    qint64 etaMs = -1;    // for the rows left: their pauses and calls; -1 when none are left
    QString stopReason;
};

class MigrationRunner : public QObject
{
    Q_OBJECT
public:
    static constexpr int MinDelayMs = 500;  // the documented range: a random 0.5–2 s
    static constexpr int MaxDelayMs = 2000;

    MigrationRunner(AccountsService *service, MigrationRepository *journal,
        AccountRepository *accounts, QObject *parent = nullptr);
    ~MigrationRunner() override;

    // The run of this CSV: the journalled one when the same content was started before (not
    // cancelled; *resumed = true), else a new one stored with all its rows (not started).
    // Delays are clamped to MinDelayMs–MaxDelayMs (a min above the max is made equal to it).
    // 0 with *error on a store failure or a CSV that is not ok.
    qint64 prepare(const MigrationCsv &csv, const QString &sourcePath, int minDelayMs,
        int maxDelayMs, bool *resumed = nullptr, QString *error = nullptr);

    // Drives `runId` with the tokens of `csv` (which must have the run's contentHash): a
    // Paused run (also one interrupted by a kill) is resumed; a Running one whose process died
    // is taken over; a Finished run just reports finished(). Refuses (false, *error) a run
    // another live process drives, a Cancelled run, or a CSV of other content. One run at a
    // time per runner.
    bool start(qint64 runId, const MigrationCsv &csv, QString *error = nullptr);
    void pause();  // no new call; the one in flight completes and keeps its outcome
    void resume(); // a run paused by this runner (the CSV is still in memory)
    void cancel(); // aborts the call in flight (its row goes back to Pending) and ends the run
    // Forgets the tokens and stops driving without changing the journal (the run stays
    // Running until the next start() takes it over): what the app does on quit.
    void release();

    // After start-up, for the owner: Running runs whose process died become Paused with
    // interruptedReason(); returns their ids. Calls nothing.
    QList<qint64> recoverInterrupted();
    static QString interruptedReason();

    void setDelays(int minDelayMs, int maxDelayMs); // for the run being driven, clamped
    // Driving: this runner holds the run and its tokens, Running or paused by it (resume()).
    qint64 runId() const { return m_runId; } // 0 when not driving
    bool isDriving() const { return m_runId != 0; }
    MigrationProgress progress() const;      // of the run being driven (or the last one)
    MigrationProgress progress(qint64 runId) const;

Q_SIGNALS:
    void progressChanged(qint64 runId);
    void rowFinished(qint64 runId, int index);
    void paused(qint64 runId, const QString &reason);
    void finished(qint64 runId); // Finished or Cancelled: progress() has the summary

private:
    void scheduleNext(bool afterCall);
    void callNext();
    void onCallDone(ApiCall *call, int index);
    void stopDriving();
    // Not the row's fault: the row goes back to Pending, the run is Paused with `reason`.
    void pauseForFailure(int index, const QString &reason);
    void finishRun(MigrationRun::State from);
    bool abortCallInFlight(); // back to Pending; true when there was one
    void rememberAccount(const MigrationJournalRow &outcome);

    AccountsService *m_service;
    MigrationRepository *m_journal;
    AccountRepository *m_accounts;
    qint64 m_runId = 0;
    qint64 m_lastRunId = 0; // progress() after the run ended
    int m_minDelayMs = MinDelayMs;
    int m_maxDelayMs = MaxDelayMs;
    QHash<QByteArray, QString> m_tokens; // tokenHash → token, in memory only
    QTimer *m_timer;
    QPointer<ApiCall> m_call;
    int m_callIndex = -1;
    QDateTime m_nextAt;
    qint64 m_callMsTotal = 0; // for the ETA: mean call duration
    int m_callsTimed = 0;
    QElapsedTimer m_callClock;
};

} // namespace ld
