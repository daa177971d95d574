#include "schema.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace ld::schema {

namespace {

bool run(QSqlDatabase &db, const QStringList &statements, QString *error)
{
    QSqlQuery query(db);
    for (const QString &sql : statements) {
        if (!query.exec(sql)) {
            *error = query.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace

// Times are ISO 8601 UTC text with milliseconds ("2026-04-26T10:35:00.000Z"): readable in
// the sqlite3 shell and ordered correctly by plain string comparison.
bool migrateTo1(QSqlDatabase &db, QString *error)
{
    return run(db,
               {
                   QStringLiteral("CREATE TABLE accounts ("
                                  " id TEXT PRIMARY KEY NOT NULL,"
                                  " name TEXT NOT NULL DEFAULT '',"
                                  " platform TEXT NOT NULL DEFAULT '',"
                                  " country TEXT NOT NULL DEFAULT '',"
                                  " status INTEGER NOT NULL DEFAULT 0,"
                                  " raw_status TEXT NOT NULL DEFAULT '',"
                                  " is_active INTEGER NOT NULL DEFAULT 0,"
                                  " created_at TEXT,"
                                  " updated_at TEXT,"
                                  " extra_json TEXT NOT NULL DEFAULT '{}',"
                                  " seen_at TEXT NOT NULL)"),
                   QStringLiteral("CREATE TABLE activity_log ("
                                  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                  " at TEXT NOT NULL,"
                                  " account_id TEXT NOT NULL DEFAULT '',"
                                  " action TEXT NOT NULL,"
                                  " ok INTEGER NOT NULL,"
                                  " http_status INTEGER NOT NULL DEFAULT 0,"
                                  " error_code TEXT NOT NULL DEFAULT '',"
                                  " message TEXT NOT NULL DEFAULT '',"
                                  " credits INTEGER NOT NULL DEFAULT 0,"
                                  " duration_ms INTEGER NOT NULL DEFAULT 0,"
                                  " attempts INTEGER NOT NULL DEFAULT 1)"),
                   // No foreign key to accounts: the log outlives removed accounts on purpose.
                   QStringLiteral("CREATE INDEX activity_log_by_account ON activity_log (account_id, at)"),
                   QStringLiteral("CREATE INDEX activity_log_by_time ON activity_log (at)"),
               },
               error);
}

bool migrateTo2(QSqlDatabase &db, QString *error)
{
    return run(db,
               {
                   QStringLiteral("CREATE TABLE credit_ledger ("
                                  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                  " at TEXT NOT NULL,"
                                  " account_id TEXT NOT NULL DEFAULT '',"
                                  " action TEXT NOT NULL,"
                                  " credits INTEGER NOT NULL DEFAULT 0)"),
                   QStringLiteral("CREATE INDEX credit_ledger_by_account ON credit_ledger (account_id, at)"),
                   QStringLiteral("CREATE INDEX credit_ledger_by_time ON credit_ledger (at)"),
               },
               error);
}

} // namespace ld::schema
