// The migration journal: the runs (this file) and their rows (migrationrows.cpp).
#include "migrationrepository.h"

#include "database.h"
#include "migrationstore_p.h"
#include "storeutil_p.h"

namespace ld {

namespace {

const QString kRunColumns = QStringLiteral(
    "id, content_hash, source_path, state, min_delay_ms, max_delay_ms, total_rows, created_at, "
    "updated_at, finished_at, stop_reason, owner_pid, owner_host");

MigrationRun runFromRow(const QSqlQuery &q)
{
    MigrationRun run;
    run.id = q.value(0).toLongLong();
    run.contentHash = q.value(1).toString().toLatin1();
    run.sourcePath = q.value(2).toString();
    // A state this version does not know: nobody may drive the run, so it reads as paused
    // (the person sees it and can cancel it), never as running.
    run.state
        = MigrationRun::stateFromName(q.value(3).toString()).value_or(MigrationRun::State::Paused);
    run.minDelayMs = q.value(4).toInt();
    run.maxDelayMs = q.value(5).toInt();
    run.totalRows = q.value(6).toInt();
    run.createdAt = store::timeFromSql(q.value(7));
    run.updatedAt = store::timeFromSql(q.value(8));
    run.finishedAt = store::timeFromSql(q.value(9));
    run.stopReason = q.value(10).toString();
    run.ownerPid = q.value(11).toLongLong();
    run.ownerHost = q.value(12).toString();
    return run;
}

bool isFinalState(MigrationRun::State s)
{
    return s == MigrationRun::State::Cancelled || s == MigrationRun::State::Finished;
}

// The journal row an input row starts as. Bad rows have their outcome at once (they are never
// called); a duplicate waits for its original's outcome, with DUPLICATE_TOKEN until then.
MigrationJournalRow initialRow(const MigrationInputRow &in, const QDateTime &now)
{
    MigrationJournalRow row;
    row.index = in.index;
    row.lineNumber = in.lineNumber;
    row.tokenHash = in.tokenHash;
    row.country = in.country;
    row.label = in.label;
    switch (in.problem) {
    case MigrationInputRow::Problem::None:
        break;
    case MigrationInputRow::Problem::DuplicateToken:
        row.duplicateOfIndex = in.duplicateOfIndex;
        row.errorCode = in.problemCode();
        row.note = in.problemText();
        break;
    case MigrationInputRow::Problem::MissingToken:
    case MigrationInputRow::Problem::BadCountry:
        row.status = MigrationJournalRow::Status::Failed;
        row.errorCode = in.problemCode();
        row.errorMessage = in.problemText();
        row.finishedAt = now;
        break;
    }
    return row;
}

bool insertRow(QSqlQuery &query, qint64 runId, const MigrationJournalRow &row)
{
    query.prepare(QStringLiteral(
        "INSERT INTO migration_rows (run_id, row_index, line_number, token_hash, country, label, "
        "status, account_id, challenge, error_code, error_message, note, duplicate_of, credits, "
        "attempts, started_at, finished_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    store::bindAll(query,
        { runId, row.index, row.lineNumber, store::hashToSql(row.tokenHash),
            store::orEmpty(row.country), store::orEmpty(row.label),
            MigrationJournalRow::statusName(row.status), store::orEmpty(row.accountId),
            store::orEmpty(row.challenge), store::orEmpty(row.errorCode),
            store::orEmpty(row.errorMessage), store::orEmpty(row.note), row.duplicateOfIndex,
            row.credits, row.attempts, store::timeToSql(row.startedAt),
            store::timeToSql(row.finishedAt) });
    return store::execOrWarn(query, "storing a migration row");
}

} // namespace

QString MigrationRun::stateName(State s)
{
    switch (s) {
    case State::Running:
        return QStringLiteral("running");
    case State::Paused:
        return QStringLiteral("paused");
    case State::Cancelled:
        return QStringLiteral("cancelled");
    case State::Finished:
        return QStringLiteral("finished");
    }
    return QStringLiteral("paused");
}

std::optional<MigrationRun::State> MigrationRun::stateFromName(const QString &name)
{
    for (State s : { State::Running, State::Paused, State::Cancelled, State::Finished })
        if (stateName(s) == name)
            return s;
    return std::nullopt;
}

MigrationRepository::MigrationRepository(Database *db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{ }

// All or nothing: a run with only part of its rows would report fewer outcomes than the CSV
// has rows, and a rerun would find it by its content and never add the rest.
qint64 MigrationRepository::createRun(const MigrationRun &run, const QList<MigrationInputRow> &rows)
{
    if (run.contentHash.isEmpty())
        return 0;
    QSqlDatabase db = m_db->connection();
    store::Transaction transaction(db, false);
    if (!transaction.ok())
        return 0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO migration_runs (content_hash, source_path, state, min_delay_ms, max_delay_ms, "
        "total_rows, created_at, updated_at, finished_at, stop_reason, owner_pid, owner_host) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"));
    store::bindAll(query,
        { store::hashToSql(run.contentHash), store::orEmpty(run.sourcePath),
            MigrationRun::stateName(run.state), run.minDelayMs, run.maxDelayMs,
            static_cast<int>(rows.size()),
            store::timeToSql(run.createdAt.isValid() ? run.createdAt : now), store::timeToSql(now),
            store::timeToSql(
                isFinalState(run.state) && !run.finishedAt.isValid() ? now : run.finishedAt),
            store::orEmpty(run.stopReason), run.ownerPid, store::orEmpty(run.ownerHost) });
    if (!store::execOrWarn(query, "creating a migration run"))
        return 0;
    const qint64 id = query.lastInsertId().toLongLong();
    for (const MigrationInputRow &in : rows) {
        if (!insertRow(query, id, initialRow(in, now)))
            return 0;
    }
    if (!transaction.commit())
        return 0;
    // A new run's rows are all new: one signal for the run says it (a model reads them all).
    Q_EMIT runChanged(id);
    return id;
}

std::optional<MigrationRun> MigrationRepository::findRun(qint64 id) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT %1 FROM migration_runs WHERE id = ?").arg(kRunColumns));
    query.addBindValue(id);
    if (!store::execOrWarn(query, "reading a migration run") || !query.next())
        return std::nullopt;
    return runFromRow(query);
}

std::optional<MigrationRun> MigrationRepository::findRunByContent(
    const QByteArray &contentHash) const
{
    if (contentHash.isEmpty())
        return std::nullopt;
    QSqlQuery query(m_db->connection());
    query.prepare(
        QStringLiteral("SELECT %1 FROM migration_runs WHERE content_hash = ? AND state <> ? "
                       "ORDER BY id DESC LIMIT 1")
            .arg(kRunColumns));
    query.addBindValue(store::hashToSql(contentHash));
    query.addBindValue(MigrationRun::stateName(MigrationRun::State::Cancelled));
    if (!store::execOrWarn(query, "finding a migration run") || !query.next())
        return std::nullopt;
    return runFromRow(query);
}

QList<MigrationRun> MigrationRepository::runsInStates(
    const QList<MigrationRun::State> &states) const
{
    if (states.isEmpty())
        return {};
    QStringList marks;
    for (int i = 0; i < states.size(); ++i)
        marks << QStringLiteral("?");
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT %1 FROM migration_runs WHERE state IN (%2) ORDER BY id")
                      .arg(kRunColumns, marks.join(QLatin1Char(','))));
    for (MigrationRun::State s : states)
        query.addBindValue(MigrationRun::stateName(s));
    return store::readAll(query, "reading migration runs", runFromRow);
}

QList<MigrationRun> MigrationRepository::recentRuns(int limit) const
{
    if (limit <= 0)
        return {};
    QSqlQuery query(m_db->connection());
    query.prepare(
        QStringLiteral("SELECT %1 FROM migration_runs ORDER BY id DESC LIMIT ?").arg(kRunColumns));
    query.addBindValue(limit);
    return store::readAll(query, "reading recent migration runs", runFromRow);
}

// One statement whose WHERE holds the expected state, as RunRepository::transition(): of two
// processes that both saw a run Running (one pausing it, one finishing it), exactly one wins.
// content_hash, source_path, total_rows and created_at never change.
bool MigrationRepository::transitionRun(
    qint64 id, MigrationRun::State from, const MigrationRun &next)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSqlQuery query(m_db->connection());
    query.prepare(
        QStringLiteral("UPDATE migration_runs SET state = ?, min_delay_ms = ?, max_delay_ms = ?, "
                       "updated_at = ?, finished_at = ?, stop_reason = ?, owner_pid = ?, "
                       "owner_host = ? WHERE id = ? AND state = ?"));
    store::bindAll(query,
        { MigrationRun::stateName(next.state), next.minDelayMs, next.maxDelayMs,
            store::timeToSql(now),
            // A final state always says when it was reached.
            store::timeToSql(
                isFinalState(next.state) && !next.finishedAt.isValid() ? now : next.finishedAt),
            store::orEmpty(next.stopReason), next.ownerPid, store::orEmpty(next.ownerHost), id,
            MigrationRun::stateName(from) });
    if (!store::execOrWarn(query, "changing a migration run") || query.numRowsAffected() != 1)
        return false;
    Q_EMIT runChanged(id);
    return true;
}

bool MigrationRepository::setDelays(qint64 runId, int minDelayMs, int maxDelayMs)
{
    if (minDelayMs < 0 || maxDelayMs < minDelayMs)
        return false;
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("UPDATE migration_runs SET min_delay_ms = ?, max_delay_ms = ?, "
                                 "updated_at = ? WHERE id = ?"));
    store::bindAll(query,
        { minDelayMs, maxDelayMs, store::timeToSql(QDateTime::currentDateTimeUtc()), runId });
    if (!store::execOrWarn(query, "changing a migration run's delays")
        || query.numRowsAffected() != 1)
        return false;
    Q_EMIT runChanged(runId);
    return true;
}

} // namespace ld
