#include "activitylog.h"

#include "database.h"
#include "storeutil_p.h"

namespace ld {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT id, at, account_id, action, ok, http_status, error_code, message, credits, "
    "duration_ms, attempts FROM activity_log");

QList<ActivityEntry> readEntries(QSqlQuery &query)
{
    QList<ActivityEntry> entries;
    if (!store::execOrWarn(query, "reading the activity log"))
        return entries;
    while (query.next()) {
        ActivityEntry e;
        e.id = query.value(0).toLongLong();
        e.at = store::timeFromSql(query.value(1));
        e.accountId = query.value(2).toString();
        e.action = query.value(3).toString();
        e.ok = query.value(4).toInt() != 0;
        e.httpStatus = query.value(5).toInt();
        e.errorCode = query.value(6).toString();
        e.message = query.value(7).toString();
        e.credits = query.value(8).toInt();
        e.durationMs = query.value(9).toInt();
        e.attempts = query.value(10).toInt();
        entries << e;
    }
    return entries;
}

} // namespace

ActivityLog::ActivityLog(Database *db, QObject *parent) : QObject(parent), m_db(db) { }

qint64 ActivityLog::append(const ActivityEntry &entry)
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral(
        "INSERT INTO activity_log (at, account_id, action, ok, http_status, error_code, message, "
        "credits, duration_ms, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(store::timeToSql(entry.at.isValid() ? entry.at
                                                           : QDateTime::currentDateTimeUtc()));
    query.addBindValue(store::orEmpty(entry.accountId));
    query.addBindValue(store::orEmpty(entry.action));
    query.addBindValue(entry.ok ? 1 : 0);
    query.addBindValue(entry.httpStatus);
    query.addBindValue(store::orEmpty(entry.errorCode));
    query.addBindValue(store::orEmpty(entry.message));
    query.addBindValue(entry.credits);
    query.addBindValue(entry.durationMs);
    query.addBindValue(entry.attempts);
    if (!store::execOrWarn(query, "appending to the activity log"))
        return 0;
    const qint64 id = query.lastInsertId().toLongLong();
    Q_EMIT appended(entry.accountId, id);
    return id;
}

QList<ActivityEntry> ActivityLog::forAccount(const QString &accountId, int limit) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(kSelect + QStringLiteral(" WHERE account_id = ? ORDER BY at DESC, id DESC LIMIT ?"));
    query.addBindValue(store::orEmpty(accountId));
    query.addBindValue(qMax(0, limit));
    return readEntries(query);
}

QList<ActivityEntry> ActivityLog::recent(int limit) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(kSelect + QStringLiteral(" ORDER BY at DESC, id DESC LIMIT ?"));
    query.addBindValue(qMax(0, limit));
    return readEntries(query);
}

int ActivityLog::pruneOlderThan(const QDateTime &cutoff)
{
    if (!cutoff.isValid())
        return 0;
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("DELETE FROM activity_log WHERE at < ?"));
    query.addBindValue(store::timeToSql(cutoff));
    if (!store::execOrWarn(query, "pruning the activity log"))
        return 0;
    return query.numRowsAffected();
}

} // namespace ld
