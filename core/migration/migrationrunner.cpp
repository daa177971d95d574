// The batch migration runner: steering a run (prepare, start, pause, resume, cancel, release,
// start-up recovery) and its progress. The calls themselves and what their answers mean are in
// migrationrunnercall.cpp. Every run state change is a compare-and-set in the journal, so two
// processes never both drive one run.
#include "migrationrunner.h"

#include "migrationrunner_p.h"

#include "api/apicall.h"
#include "support/logging.h"
#include "sync/processalive_p.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QTimer>

namespace ld {

using namespace migration;

MigrationRunner::MigrationRunner(AccountsService *service, MigrationRepository *journal,
    AccountRepository *accounts, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_journal(journal)
    , m_accounts(accounts)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    // Qt's default CoarseTimer may fire up to 5 % early: the pause between two logins must never
    // be shorter than the documented minimum.
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &MigrationRunner::callNext);
}

MigrationRunner::~MigrationRunner()
{
    // A call still in flight goes back to Pending, as on quit: its answer would reach nobody.
    release();
}

qint64 MigrationRunner::prepare(const MigrationCsv &csv, const QString &sourcePath, int minDelayMs,
    int maxDelayMs, bool *resumed, QString *error)
{
    if (resumed)
        *resumed = false;
    if (!csv.ok) {
        if (error)
            *error = csv.error.isEmpty() ? tr("The CSV file cannot be used: choose another one.")
                                         : csv.error;
        return 0;
    }
    const Delays delays = clampDelays(minDelayMs, maxDelayMs);
    if (const std::optional<MigrationRun> known = m_journal->findRunByContent(csv.contentHash)) {
        if (resumed)
            *resumed = true;
        // The pacing asked for now applies to the rest of an unfinished run.
        if (known->state == MigrationRun::State::Paused
            || known->state == MigrationRun::State::Running)
            m_journal->setDelays(known->id, delays.min, delays.max);
        return known->id;
    }
    MigrationRun run;
    run.contentHash = csv.contentHash;
    run.sourcePath = sourcePath;
    // Stored Paused, not Running: until start() nobody drives it, and a run nobody drives must
    // never look like one another process is working on.
    run.state = MigrationRun::State::Paused;
    run.stopReason = tr("Not started yet: start the run to import its tokens.");
    run.minDelayMs = delays.min;
    run.maxDelayMs = delays.max;
    run.totalRows = int(csv.rows.size());
    run.createdAt = QDateTime::currentDateTimeUtc();
    run.updatedAt = run.createdAt;
    const qint64 id = m_journal->createRun(run, csv.rows);
    if (id == 0 && error)
        *error = tr("The migration could not be stored in the profile's database. Check that "
                    "the disk is not full and the profile folder is writable, then try again.");
    return id;
}

bool MigrationRunner::start(qint64 runId, const MigrationCsv &csv, QString *error)
{
    const auto refuse = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    const std::optional<MigrationRun> run = m_journal->findRun(runId);
    if (!run)
        return refuse(tr("This migration run no longer exists: open the CSV again to start a "
                         "new one."));
    if (!csv.ok || csv.contentHash != run->contentHash)
        return refuse(tr("This CSV is not the one the run was started with. Open the file the "
                         "run was started with (%1), or start a new run with this one.")
                          .arg(run->sourcePath));
    if (m_runId != 0 && m_runId != runId) {
        const std::optional<MigrationRun> held = m_journal->findRun(m_runId);
        if (m_call || (held && held->state == MigrationRun::State::Running))
            return refuse(tr("Another migration is running: pause or cancel it first."));
        release(); // a run this runner paused: its tokens are let go, its journal stays
    }
    switch (run->state) {
    case MigrationRun::State::Cancelled:
        return refuse(tr("This run was cancelled. Open the CSV again to start a new run; the "
                         "tokens already migrated come back with the same accounts, free."));
    case MigrationRun::State::Finished:
        m_lastRunId = runId;
        // Reported on the next turn, as every outcome of a run is: callers connect after start.
        QTimer::singleShot(0, this, [this, runId] { Q_EMIT finished(runId); });
        return true;
    case MigrationRun::State::Running:
        if (m_runId == runId)
            return true;
        if (!ownedHere(*run) && sync::otherProcessAlive(run->ownerPid, run->ownerHost))
            return refuse(tr("Another LinkUp Desk process (%1 on %2) is running this migration. "
                             "Let it finish, or close it and start the run again here.")
                              .arg(run->ownerPid)
                              .arg(run->ownerHost));
        break;
    case MigrationRun::State::Paused:
        break;
    }
    MigrationRun next = *run;
    next.state = MigrationRun::State::Running;
    next.stopReason.clear();
    next.ownerPid = QCoreApplication::applicationPid();
    next.ownerHost = QSysInfo::machineHostName();
    if (!m_journal->transitionRun(runId, run->state, next))
        return refuse(tr("The run changed while it was being started (another window or "
                         "process may have taken it). Open it again."));

    m_tokens.clear();
    for (const MigrationInputRow &row : csv.rows)
        if (row.isValid())
            m_tokens.insert(row.tokenHash, row.loginToken);
    m_runId = runId;
    m_lastRunId = runId;
    m_minDelayMs = run->minDelayMs;
    m_maxDelayMs = run->maxDelayMs;
    qCInfo(lcSync) << "migration run" << runId
                   << "driven by this process:" << m_journal->rowsToCall(runId).size()
                   << "rows to call";
    scheduleNext(false);
    Q_EMIT progressChanged(runId);
    return true;
}

void MigrationRunner::pause()
{
    const qint64 runId = m_runId;
    const std::optional<MigrationRun> run = runId ? m_journal->findRun(runId) : std::nullopt;
    if (!run || run->state != MigrationRun::State::Running)
        return;
    MigrationRun next = *run;
    next.state = MigrationRun::State::Paused;
    next.stopReason = tr("Paused: resume to import the rows left.");
    if (!m_journal->transitionRun(runId, MigrationRun::State::Running, next))
        return;
    // A call in flight completes and keeps its outcome; nothing further leaves.
    m_timer->stop();
    m_nextAt = {};
    Q_EMIT paused(runId, next.stopReason);
    Q_EMIT progressChanged(runId);
}

void MigrationRunner::resume()
{
    const qint64 runId = m_runId;
    const std::optional<MigrationRun> run = runId ? m_journal->findRun(runId) : std::nullopt;
    if (!run || run->state != MigrationRun::State::Paused)
        return;
    MigrationRun next = *run;
    next.state = MigrationRun::State::Running;
    next.stopReason.clear();
    next.ownerPid = QCoreApplication::applicationPid();
    next.ownerHost = QSysInfo::machineHostName();
    if (!m_journal->transitionRun(runId, MigrationRun::State::Paused, next))
        return;
    scheduleNext(false);
    Q_EMIT progressChanged(runId);
}

void MigrationRunner::cancel()
{
    const qint64 runId = m_runId;
    if (runId == 0)
        return;
    abortCallInFlight();
    const std::optional<MigrationRun> run = m_journal->findRun(runId);
    if (run
        && (run->state == MigrationRun::State::Running
            || run->state == MigrationRun::State::Paused)) {
        MigrationRun next = *run;
        next.state = MigrationRun::State::Cancelled;
        next.finishedAt = QDateTime::currentDateTimeUtc();
        next.stopReason = tr("Cancelled: the rows already imported keep their outcome; the "
                             "others were not called.");
        if (!m_journal->transitionRun(runId, run->state, next))
            qCWarning(lcSync) << "migration run" << runId << "could not be marked cancelled";
    }
    qCInfo(lcSync) << "migration run" << runId << "cancelled";
    stopDriving();
    Q_EMIT progressChanged(runId);
    Q_EMIT finished(runId);
}

void MigrationRunner::release()
{
    const qint64 runId = m_runId;
    if (runId == 0)
        return;
    abortCallInFlight();
    stopDriving();
    Q_EMIT progressChanged(runId);
}

QList<qint64> MigrationRunner::recoverInterrupted()
{
    QList<qint64> ids;
    const QList<MigrationRun> running = m_journal->runsInStates({ MigrationRun::State::Running });
    for (const MigrationRun &run : running) {
        // This process's own runs (driven, or released on the way out) are not interrupted.
        if (run.id == m_runId || ownedHere(run)
            || sync::otherProcessAlive(run.ownerPid, run.ownerHost))
            continue;
        MigrationRun next = run;
        next.state = MigrationRun::State::Paused;
        next.stopReason = interruptedReason();
        if (m_journal->transitionRun(run.id, MigrationRun::State::Running, next)) {
            ids << run.id;
            Q_EMIT progressChanged(run.id);
        }
    }
    return ids;
}

QString MigrationRunner::interruptedReason()
{
    return tr("Interrupted: LinkUp Desk stopped while this migration was running. Resume it to "
              "carry on; the row that was being imported is imported again, which is safe.");
}

void MigrationRunner::setDelays(int minDelayMs, int maxDelayMs)
{
    const Delays delays = clampDelays(minDelayMs, maxDelayMs);
    m_minDelayMs = delays.min;
    m_maxDelayMs = delays.max;
    if (m_runId != 0)
        m_journal->setDelays(m_runId, delays.min, delays.max);
}

MigrationProgress MigrationRunner::progress() const
{
    return progress(m_runId != 0 ? m_runId : m_lastRunId);
}

MigrationProgress MigrationRunner::progress(qint64 runId) const
{
    MigrationProgress p;
    p.runId = runId;
    const std::optional<MigrationRun> run = runId ? m_journal->findRun(runId) : std::nullopt;
    if (!run)
        return p;
    p.state = run->state;
    p.stopReason = run->stopReason;
    p.counts = m_journal->counts(runId);
    const bool driven = runId == m_runId;
    p.callInFlight = driven && m_call;
    if (driven && m_timer->isActive())
        p.nextCallAt = m_nextAt;
    const qint64 left = m_journal->rowsToCall(runId).size();
    if (left == 0)
        return p;
    // Each row left costs a call and, but for the first, a pause before it. The first one's
    // wait is known when a pause is under way, and none is left when its call is in flight.
    const qint64 callMs = m_callsTimed > 0 ? m_callMsTotal / m_callsTimed : kAssumedCallMs;
    const qint64 pauseMs = (qint64(run->minDelayMs) + run->maxDelayMs) / 2;
    qint64 first = pauseMs + callMs;
    if (p.callInFlight)
        first = qMax<qint64>(0, callMs - m_callClock.elapsed());
    else if (p.nextCallAt.isValid())
        first = qMax<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(p.nextCallAt)) + callMs;
    p.etaMs = first + (left - 1) * (pauseMs + callMs);
    return p;
}

bool MigrationRunner::abortCallInFlight()
{
    if (!m_call)
        return false;
    ApiCall *call = m_call;
    const int index = m_callIndex;
    // Disconnected first: abort() reports failed()/done() at once, and the runner already
    // knows why the call ended.
    disconnect(call, nullptr, this, nullptr);
    m_call = nullptr;
    m_callIndex = -1;
    call->abort();
    // The answer is lost: the row is called again, which is safe (same account, free).
    if (!m_journal->markPending(m_runId, index))
        qCWarning(lcSync) << "migration run" << m_runId << "row" << index
                          << "could not go back to pending; it is called again on resume";
    return true;
}

void MigrationRunner::stopDriving()
{
    m_timer->stop();
    m_nextAt = {};
    m_tokens.clear();
    m_tokens.squeeze();
    m_runId = 0;
}

} // namespace ld
