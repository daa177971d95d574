#pragma once
// The schema steps of Database: migrateToN() brings a database at version N-1 to version N.
// Each runs inside the transaction Database opened for it; it returns false with `error` set
// and leaves the rollback to the caller. Never edit a step that has shipped: add a new one.
#include <QSqlDatabase>
#include <QString>

namespace ld::schema {

bool migrateTo1(QSqlDatabase &db, QString *error); // accounts, activity_log
bool migrateTo2(QSqlDatabase &db, QString *error); // credit_ledger
bool migrateTo3(QSqlDatabase &db, QString *error); // conversations, messages, conversation_search (FTS5)
bool migrateTo4(QSqlDatabase &db, QString *error); // outbox, snippets (with defaults)
bool migrateTo5(QSqlDatabase &db, QString *error); // outbox.run_id, bulk_runs, invitations, connections
bool migrateTo6(QSqlDatabase &db, QString *error); // live_events, webhook_cursors
bool migrateTo7(QSqlDatabase &db, QString *error); // migration_runs, migration_rows (issue 6)
bool migrateTo8(QSqlDatabase &db, QString *error); // post_drafts, published_posts (issue 7)

} // namespace ld::schema
