#include "creditledger.h"

#include "database.h"
#include "storeutil_p.h"

namespace ld {

namespace {

// "since" bounds are inclusive; an invalid QDateTime means "from the beginning".
QString sinceClause(const QDateTime &since, const char *joiner)
{
    return since.isValid() ? QLatin1String(joiner) + QStringLiteral(" at >= ?") : QString();
}

} // namespace

CreditLedger::CreditLedger(Database *db, QObject *parent) : QObject(parent), m_db(db) { }

bool CreditLedger::record(const CreditCharge &charge)
{
    if (charge.action.isEmpty())
        return false;
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral(
        "INSERT INTO credit_ledger (at, account_id, action, credits) VALUES (?, ?, ?, ?)"));
    query.addBindValue(store::timeToSql(charge.at.isValid() ? charge.at
                                                             : QDateTime::currentDateTimeUtc()));
    query.addBindValue(store::orEmpty(charge.accountId));
    query.addBindValue(charge.action);
    // A failed call costs nothing; a negative figure would only be a decoding slip.
    query.addBindValue(qMax(0, charge.credits));
    if (!store::execOrWarn(query, "recording credits"))
        return false;
    Q_EMIT recorded(charge.accountId);
    return true;
}

qint64 CreditLedger::total(const QString &accountId, const QDateTime &since) const
{
    QString sql = QStringLiteral("SELECT coalesce(sum(credits), 0) FROM credit_ledger WHERE 1 = 1");
    if (!accountId.isEmpty())
        sql += QStringLiteral(" AND account_id = ?");
    sql += sinceClause(since, " AND");
    QSqlQuery query(m_db->connection());
    query.prepare(sql);
    if (!accountId.isEmpty())
        query.addBindValue(accountId);
    if (since.isValid())
        query.addBindValue(store::timeToSql(since));
    if (!store::execOrWarn(query, "adding up credits") || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

QList<CreditSummaryRow> CreditLedger::summary(const QDateTime &since) const
{
    QList<CreditSummaryRow> rows;
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT account_id, action, count(*), sum(credits) FROM credit_ledger")
                  + sinceClause(since, " WHERE")
                  + QStringLiteral(" GROUP BY account_id, action ORDER BY account_id, action"));
    if (since.isValid())
        query.addBindValue(store::timeToSql(since));
    if (!store::execOrWarn(query, "summarising credits"))
        return rows;
    while (query.next()) {
        CreditSummaryRow row;
        row.accountId = query.value(0).toString();
        row.action = query.value(1).toString();
        row.calls = query.value(2).toInt();
        row.credits = query.value(3).toLongLong();
        rows << row;
    }
    return rows;
}

QList<CreditCharge> CreditLedger::recent(const QString &accountId, int limit) const
{
    QList<CreditCharge> charges;
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT at, account_id, action, credits FROM credit_ledger")
                  + (accountId.isEmpty() ? QString() : QStringLiteral(" WHERE account_id = ?"))
                  + QStringLiteral(" ORDER BY at DESC, id DESC LIMIT ?"));
    if (!accountId.isEmpty())
        query.addBindValue(accountId);
    query.addBindValue(qMax(0, limit));
    if (!store::execOrWarn(query, "reading recent credits"))
        return charges;
    while (query.next()) {
        CreditCharge c;
        c.at = store::timeFromSql(query.value(0));
        c.accountId = query.value(1).toString();
        c.action = query.value(2).toString();
        c.credits = query.value(3).toInt();
        charges << c;
    }
    return charges;
}

} // namespace ld
