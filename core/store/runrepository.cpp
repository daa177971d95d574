#include "runrepository.h"

#include "database.h"
#include "storeutil_p.h"

namespace ld {

namespace {

const QString kColumns = QStringLiteral(
    "id, kind, title, state, min_delay_ms, max_delay_ms, created_at, updated_at, finished_at, "
    "stop_reason, owner_pid, owner_host");

constexpr int kLastState = static_cast<int>(BulkRun::State::Finished);

BulkRun fromRow(const QSqlQuery &q)
{
    BulkRun run;
    run.id = q.value(0).toLongLong();
    run.kind = q.value(1).toString();
    run.title = q.value(2).toString();
    const int state = q.value(3).toInt();
    // A state this version does not know: nobody may drive the run, so it reads as paused
    // (the person sees it and can cancel it), never as running.
    run.state = state >= 0 && state <= kLastState ? static_cast<BulkRun::State>(state)
                                                  : BulkRun::State::Paused;
    run.minDelayMs = q.value(4).toInt();
    run.maxDelayMs = q.value(5).toInt();
    run.createdAt = store::timeFromSql(q.value(6));
    run.updatedAt = store::timeFromSql(q.value(7));
    run.finishedAt = store::timeFromSql(q.value(8));
    run.stopReason = q.value(9).toString();
    run.ownerPid = q.value(10).toLongLong();
    run.ownerHost = q.value(11).toString();
    return run;
}

} // namespace

QString BulkRun::stateName(State s)
{
    switch (s) {
    case State::Running: return QStringLiteral("running");
    case State::Paused: return QStringLiteral("paused");
    case State::Cancelled: return QStringLiteral("cancelled");
    case State::Finished: return QStringLiteral("finished");
    }
    return QStringLiteral("paused");
}

RunRepository::RunRepository(Database *db, QObject *parent) : QObject(parent), m_db(db) { }

qint64 RunRepository::create(const BulkRun &run)
{
    if (run.kind.isEmpty())
        return 0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("INSERT INTO bulk_runs (kind, title, state, min_delay_ms, max_delay_ms, "
                                 "created_at, updated_at, finished_at, stop_reason, owner_pid, owner_host) "
                                 "VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
    query.addBindValue(run.kind);
    query.addBindValue(store::orEmpty(run.title));
    query.addBindValue(static_cast<int>(run.state));
    query.addBindValue(run.minDelayMs);
    query.addBindValue(run.maxDelayMs);
    query.addBindValue(store::timeToSql(run.createdAt.isValid() ? run.createdAt : now));
    query.addBindValue(store::timeToSql(now));
    query.addBindValue(store::timeToSql(run.finishedAt));
    query.addBindValue(store::orEmpty(run.stopReason));
    query.addBindValue(run.ownerPid);
    query.addBindValue(store::orEmpty(run.ownerHost));
    if (!store::execOrWarn(query, "creating a bulk run"))
        return 0;
    const qint64 id = query.lastInsertId().toLongLong();
    Q_EMIT runChanged(id);
    return id;
}

std::optional<BulkRun> RunRepository::find(qint64 id) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT %1 FROM bulk_runs WHERE id = ?").arg(kColumns));
    query.addBindValue(id);
    if (!store::execOrWarn(query, "reading a bulk run") || !query.next())
        return std::nullopt;
    return fromRow(query);
}

QList<BulkRun> RunRepository::inStates(const QList<BulkRun::State> &states) const
{
    if (states.isEmpty())
        return {};
    QStringList marks;
    for (int i = 0; i < states.size(); ++i)
        marks << QStringLiteral("?");
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT %1 FROM bulk_runs WHERE state IN (%2) ORDER BY id")
                      .arg(kColumns, marks.join(QLatin1Char(','))));
    for (BulkRun::State s : states)
        query.addBindValue(static_cast<int>(s));
    return store::readAll(query, "reading bulk runs", fromRow);
}

QList<BulkRun> RunRepository::recent(int limit) const
{
    if (limit <= 0)
        return {};
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT %1 FROM bulk_runs ORDER BY id DESC LIMIT ?").arg(kColumns));
    query.addBindValue(limit);
    return store::readAll(query, "reading recent bulk runs", fromRow);
}

// The WHERE on the state makes this one atomic statement, as OutboxRepository::transition():
// of two processes that both saw a run Running (one pausing it, one finishing it), exactly one
// wins. kind and created_at never change; a final state without finishedAt gets the time now.
bool RunRepository::transition(qint64 id, BulkRun::State from, const BulkRun &next)
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("UPDATE bulk_runs SET state = ?, title = ?, min_delay_ms = ?, "
                                 "max_delay_ms = ?, updated_at = ?, finished_at = ?, stop_reason = ?, "
                                 "owner_pid = ?, owner_host = ? WHERE id = ? AND state = ?"));
    query.addBindValue(static_cast<int>(next.state));
    query.addBindValue(store::orEmpty(next.title));
    query.addBindValue(next.minDelayMs);
    query.addBindValue(next.maxDelayMs);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool final = next.state == BulkRun::State::Cancelled || next.state == BulkRun::State::Finished;
    query.addBindValue(store::timeToSql(now));
    // A final state always says when it was reached.
    query.addBindValue(store::timeToSql(final && !next.finishedAt.isValid() ? now : next.finishedAt));
    query.addBindValue(store::orEmpty(next.stopReason));
    query.addBindValue(next.ownerPid);
    query.addBindValue(store::orEmpty(next.ownerHost));
    query.addBindValue(id);
    query.addBindValue(static_cast<int>(from));
    if (!store::execOrWarn(query, "changing a bulk run") || query.numRowsAffected() != 1)
        return false;
    Q_EMIT runChanged(id);
    return true;
}

} // namespace ld
