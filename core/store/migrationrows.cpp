// The migration journal's rows (the runs are in migrationrepository.cpp). Every status change
// is one UPDATE whose WHERE holds the status it expects, as in the outbox: a row leaves Calling
// once, and a final row never changes again.
#include "migrationrepository.h"

#include "database.h"
#include "migrationstore_p.h"
#include "storeutil_p.h"

namespace ld {

namespace {

const QString kRowColumns = QStringLiteral(
    "run_id, row_index, line_number, token_hash, country, label, status, account_id, challenge, "
    "error_code, error_message, note, duplicate_of, credits, attempts, started_at, finished_at");

using Status = MigrationJournalRow::Status;

QString name(Status s)
{
    return MigrationJournalRow::statusName(s);
}

MigrationJournalRow rowFromSql(const QSqlQuery &q)
{
    MigrationJournalRow row;
    row.runId = q.value(0).toLongLong();
    row.index = q.value(1).toInt();
    row.lineNumber = q.value(2).toInt();
    row.tokenHash = q.value(3).toString().toLatin1();
    row.country = q.value(4).toString();
    row.label = q.value(5).toString();
    // A status this version does not know reads as Pending: the row is called again, which
    // is safe (a migrated token gives the same account_id, free of charge) and loses nothing.
    row.status
        = MigrationJournalRow::statusFromName(q.value(6).toString()).value_or(Status::Pending);
    row.accountId = q.value(7).toString();
    row.challenge = q.value(8).toString();
    row.errorCode = q.value(9).toString();
    row.errorMessage = q.value(10).toString();
    row.note = q.value(11).toString();
    row.duplicateOfIndex = q.value(12).toInt();
    row.credits = q.value(13).toInt();
    row.attempts = q.value(14).toInt();
    row.startedAt = store::timeFromSql(q.value(15));
    row.finishedAt = store::timeFromSql(q.value(16));
    return row;
}

} // namespace

QString MigrationJournalRow::statusName(Status s)
{
    switch (s) {
    case Status::Pending:
        return QStringLiteral("pending");
    case Status::Calling:
        return QStringLiteral("calling");
    case Status::Connected:
        return QStringLiteral("connected");
    case Status::CheckpointRequired:
        return QStringLiteral("checkpoint_required");
    case Status::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("pending");
}

std::optional<MigrationJournalRow::Status> MigrationJournalRow::statusFromName(const QString &name)
{
    for (Status s : { Status::Pending, Status::Calling, Status::Connected,
             Status::CheckpointRequired, Status::Failed })
        if (statusName(s) == name)
            return s;
    return std::nullopt;
}

MigrationResultRow MigrationJournalRow::toResultRow() const
{
    MigrationResultRow out;
    out.label = label;
    out.country = country;
    out.tokenFingerprint = tokenHash.isEmpty() ? QString() : tokenFingerprint(tokenHash);
    out.accountId = accountId;
    // A row whose call was in flight when the run stopped has no outcome yet.
    out.status = statusName(status == Status::Calling ? Status::Pending : status);
    out.errorCode = errorCode;
    out.errorMessage = errorMessage;
    if (!note.isEmpty())
        out.errorMessage = errorMessage.isEmpty()
            ? note
            : errorMessage + QStringLiteral(" (") + note + QLatin1Char(')');
    // Migrated means called: a bad row never was, a duplicate was with its original.
    const bool called = attempts > 0 || duplicateOfIndex >= 0;
    if (isFinal() && called && finishedAt.isValid())
        out.migratedAt = finishedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
    return out;
}

QList<MigrationJournalRow> MigrationRepository::rows(qint64 runId) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(
        QStringLiteral("SELECT %1 FROM migration_rows WHERE run_id = ? ORDER BY row_index")
            .arg(kRowColumns));
    query.addBindValue(runId);
    return store::readAll(query, "reading a migration run's rows", rowFromSql);
}

std::optional<MigrationJournalRow> MigrationRepository::row(qint64 runId, int index) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT %1 FROM migration_rows WHERE run_id = ? AND row_index = ?")
                      .arg(kRowColumns));
    query.addBindValue(runId);
    query.addBindValue(index);
    if (!store::execOrWarn(query, "reading a migration row") || !query.next())
        return std::nullopt;
    return rowFromSql(query);
}

QList<MigrationJournalRow> MigrationRepository::rowsToCall(qint64 runId) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(
        QStringLiteral("SELECT %1 FROM migration_rows WHERE run_id = ? AND (status = ? OR "
                       "(status = ? AND duplicate_of < 0)) ORDER BY status = ? DESC, row_index")
            .arg(kRowColumns));
    store::bindAll(
        query, { runId, name(Status::Calling), name(Status::Pending), name(Status::Calling) });
    return store::readAll(query, "reading the rows a migration run has to call", rowFromSql);
}

MigrationCounts MigrationRepository::counts(qint64 runId) const
{
    MigrationCounts counts;
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT status, count(*), total(credits) FROM migration_rows "
                                 "WHERE run_id = ? GROUP BY status"));
    query.addBindValue(runId);
    if (!store::execOrWarn(query, "counting a migration run's rows"))
        return counts;
    while (query.next()) {
        const int n = query.value(1).toInt();
        counts.total += n;
        counts.credits += static_cast<int>(query.value(2).toLongLong());
        switch (MigrationJournalRow::statusFromName(query.value(0).toString())
                    .value_or(Status::Pending)) {
        case Status::Pending:
        case Status::Calling:
            counts.pending += n;
            break;
        case Status::Connected:
            counts.connected += n;
            break;
        case Status::CheckpointRequired:
            counts.checkpoint += n;
            break;
        case Status::Failed:
            counts.failed += n;
            break;
        }
    }
    return counts;
}

// A duplicate is never called: it takes its original's outcome (finishRow), so the token is
// migrated once.
bool MigrationRepository::markCalling(qint64 runId, int index)
{
    const QString now = store::timeToSql(QDateTime::currentDateTimeUtc()).toString();
    QSqlQuery query(m_db->connection());
    query.prepare(
        QStringLiteral("UPDATE migration_rows SET status = ?, attempts = attempts + 1, "
                       "started_at = coalesce(started_at, ?) WHERE run_id = ? AND row_index = ? "
                       "AND status IN (?, ?) AND duplicate_of < 0"));
    store::bindAll(query,
        { name(Status::Calling), now, runId, index, name(Status::Pending), name(Status::Calling) });
    if (!store::execOrWarn(query, "marking a migration row as calling")
        || query.numRowsAffected() != 1)
        return false;
    Q_EMIT rowChanged(runId, index);
    return true;
}

bool MigrationRepository::markPending(qint64 runId, int index)
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("UPDATE migration_rows SET status = ? "
                                 "WHERE run_id = ? AND row_index = ? AND status = ?"));
    store::bindAll(query, { name(Status::Pending), runId, index, name(Status::Calling) });
    if (!store::execOrWarn(query, "putting a migration row back") || query.numRowsAffected() != 1)
        return false;
    Q_EMIT rowChanged(runId, index);
    return true;
}

bool MigrationRepository::finishRow(qint64 runId, int index, const MigrationJournalRow &outcome)
{
    if (!outcome.isFinal())
        return false;
    QSqlDatabase db = m_db->connection();
    store::Transaction transaction(db, false);
    if (!transaction.ok())
        return false;
    const QVariant now = store::timeToSql(QDateTime::currentDateTimeUtc());
    const QString status = name(outcome.status);
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("UPDATE migration_rows SET status = ?, account_id = ?, challenge = ?, "
                       "error_code = ?, error_message = ?, credits = credits + ?, finished_at = ? "
                       "WHERE run_id = ? AND row_index = ? AND status = ?"));
    store::bindAll(query,
        { status, store::orEmpty(outcome.accountId), store::orEmpty(outcome.challenge),
            store::orEmpty(outcome.errorCode), store::orEmpty(outcome.errorMessage),
            outcome.credits, now, runId, index, name(Status::Calling) });
    if (!store::execOrWarn(query, "finishing a migration row") || query.numRowsAffected() != 1)
        return false;

    QList<int> duplicates;
    query.prepare(
        QStringLiteral("SELECT row_index FROM migration_rows WHERE run_id = ? AND duplicate_of = ? "
                       "AND status IN (?, ?) ORDER BY row_index"));
    store::bindAll(query, { runId, index, name(Status::Pending), name(Status::Calling) });
    if (!store::execOrWarn(query, "finding a migration row's duplicates"))
        return false;
    while (query.next())
        duplicates << query.value(0).toInt();
    if (!duplicates.isEmpty()) {
        // A duplicate keeps DUPLICATE_TOKEN unless its original failed: then the reason is the
        // original's, and the note still says which row was called.
        const bool failed = outcome.status == Status::Failed;
        query.prepare(
            QStringLiteral("UPDATE migration_rows SET status = ?, account_id = ?, challenge = ?, "
                           "finished_at = ?%1 WHERE run_id = ? AND duplicate_of = ? "
                           "AND status IN (?, ?)")
                .arg(failed ? QStringLiteral(", error_code = ?, error_message = ?") : QString()));
        QVariantList values { status, store::orEmpty(outcome.accountId),
            store::orEmpty(outcome.challenge), now };
        if (failed)
            values << store::orEmpty(outcome.errorCode) << store::orEmpty(outcome.errorMessage);
        values << runId << index << name(Status::Pending) << name(Status::Calling);
        store::bindAll(query, values);
        if (!store::execOrWarn(query, "giving duplicates their original's outcome"))
            return false;
    }
    if (!transaction.commit())
        return false;
    Q_EMIT rowChanged(runId, index);
    for (int duplicate : std::as_const(duplicates))
        Q_EMIT rowChanged(runId, duplicate);
    return true;
}

QString MigrationRepository::accountIdForToken(const QByteArray &tokenHash) const
{
    if (tokenHash.isEmpty())
        return {};
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT account_id FROM migration_rows WHERE token_hash = ? "
                                 "AND account_id <> '' AND status IN (?, ?) "
                                 "ORDER BY finished_at DESC LIMIT 1"));
    store::bindAll(query,
        { store::hashToSql(tokenHash), name(Status::Connected), name(Status::CheckpointRequired) });
    if (!store::execOrWarn(query, "finding a migrated token's account") || !query.next())
        return {};
    return query.value(0).toString();
}

} // namespace ld
