#include "store/database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using ld::Database;

class TstDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void freshFileIsCurrentAndWal();
    void memoryDatabaseWorks();
    void connectionPerThread();
    void migratesFromEveryOlderVersion_data();
    void migratesFromEveryOlderVersion();
    void failedMigrationLeavesPreviousVersion();
    void newerVersionIsRefusedUntouched_data();
    void newerVersionIsRefusedUntouched();
    void notADatabaseIsRefusedUntouched_data();
    void notADatabaseIsRefusedUntouched();

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("linkup-desk.sqlite")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {

QByteArray sha256Of(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

QVariant scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

bool exec(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    const bool ok = q.exec(sql);
    if (!ok)
        qWarning() << sql << q.lastError().text();
    return ok;
}

// The schema as SQLite describes it, order-independent: equal for a database migrated step
// by step and one created at the current version.
QStringList schemaOf(const QSqlDatabase &db)
{
    QStringList out;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                          "ORDER BY type, name"));
    while (q.next())
        out << q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString() + QLatin1Char(' ')
                   + q.value(2).toString();
    return out;
}

// Rows that are valid at `version`: one per table that exists then. When a migration step
// is added, add the rows its tables can hold here and what survives to checkSeeded().
void seedAt(const QSqlDatabase &db, int version)
{
    if (version >= 1) {
        QVERIFY(exec(db, QStringLiteral(
            "INSERT INTO accounts (id, name, platform, country, status, raw_status, is_active, "
            "created_at, updated_at, extra_json, seen_at) VALUES ('acc-1', 'Ada', 'linkedin', 'FR', "
            "1, 'active', 1, '2025-01-15T10:32:00.000Z', NULL, '{\"k\":1}', '2025-01-16T00:00:00.000Z')")));
        QVERIFY(exec(db, QStringLiteral(
            "INSERT INTO activity_log (at, account_id, action, ok, http_status, message) VALUES "
            "('2025-01-15T10:32:00.000Z', 'acc-1', 'list_inbox', 1, 200, 'Done')")));
    }
    if (version >= 2) {
        QVERIFY(exec(db, QStringLiteral("INSERT INTO credit_ledger (at, account_id, action, credits) "
                                        "VALUES ('2025-01-15T10:32:00.000Z', 'acc-1', 'list_inbox', 3)")));
    }
    if (version >= 3) {
        QVERIFY(exec(db, QStringLiteral(
            "INSERT INTO conversations (key, account_id, conversation_id, participant_name, last_text, "
            "last_at, unread, done) VALUES (7, 'acc-1', 'urn:li:conv:1', 'Zoë Müller', 'See you', "
            "1736937120000, 1, 1)")));
        QVERIFY(exec(db, QStringLiteral(
            "INSERT INTO messages (conversation_key, message_id, text, at, sender_name) VALUES "
            "(7, 'urn:li:msg:1', 'Budget approved', 1736937120000, 'Zoë Müller')")));
        QVERIFY(exec(db, QStringLiteral(
            "INSERT INTO conversation_search (rowid, name, headline, body) SELECT sort_key, "
            "participant_name, '', 'See you' || char(10) || 'Budget approved' FROM conversations")));
        QVERIFY(exec(db, QStringLiteral("UPDATE conversations SET indexed_as = sort_key")));
    }
    if (version >= 4) {
        QVERIFY(exec(db, QStringLiteral(
            "INSERT INTO outbox (kind, account_id, target, payload, state, created_at, updated_at, "
            "sent_at) VALUES ('message', 'acc-1', 'https://www.linkedin.com/in/zoe', '{\"text\":\"Hi\"}', "
            "2, '2025-01-15T10:32:00.000Z', '2025-01-15T10:32:01.000Z', '2025-01-15T10:32:01.000Z')")));
        QVERIFY(exec(db, QStringLiteral("INSERT INTO snippets (name, body, updated_at) VALUES "
                                        "('Mine', 'Hi {first_name}', '2025-01-15T10:32:00.000Z')")));
    }
    if (version >= 5) {
        QVERIFY(exec(db, QStringLiteral(
            "INSERT INTO bulk_runs (id, kind, title, state, created_at, updated_at) VALUES "
            "(3, 'withdraw', 'Withdraw 1', 1, '2025-01-15T10:32:00.000Z', '2025-01-15T10:32:00.000Z')")));
        QVERIFY(exec(db, QStringLiteral(
            "INSERT INTO outbox (kind, account_id, target, state, created_at, updated_at, run_id) "
            "VALUES ('withdraw', 'acc-1', 'urn:li:invitation:1', 0, '2025-01-15T10:32:00.000Z', "
            "'2025-01-15T10:32:00.000Z', 3)")));
        QVERIFY(exec(db, QStringLiteral(
            "INSERT INTO invitations (account_id, direction, entity_urn, profile_id, fetched_at) "
            "VALUES ('acc-1', 1, 'urn:li:invitation:1', 'zoe', '2025-01-15T10:32:00.000Z')")));
        QVERIFY(exec(db, QStringLiteral(
            "INSERT INTO connections (account_id, name, profile_id, fetched_at) VALUES "
            "('acc-1', 'Zoë Müller', 'zoe', '2025-01-15T10:32:00.000Z')")));
        QVERIFY(exec(db, QStringLiteral("INSERT INTO network_listings (account_id, list, fetched_at) "
                                        "VALUES ('acc-1', 'sent', '2025-01-15T10:32:00.000Z')")));
    }
    if (version >= 6) {
        QVERIFY(exec(db, QStringLiteral(
            "INSERT INTO live_events (account_id, event_id, content_key, type, received_at) VALUES "
            "('acc-1', 'e1', 'k1', 'message', '2025-01-15T10:32:00.000Z')")));
        QVERIFY(exec(db, QStringLiteral("INSERT INTO webhook_cursors (webhook_id, account_id, newest_at) "
                                        "VALUES ('w1', 'acc-1', '2025-01-15T10:32:00.000Z')")));
    }
    if (version >= 7) {
        QVERIFY(exec(db, QStringLiteral(
            "INSERT INTO migration_runs (id, content_hash, source_path, state, created_at, updated_at) "
            "VALUES (2, 'c0ffee', '/tmp/v1.csv', 'paused', '2025-01-15T10:32:00.000Z', "
            "'2025-01-15T10:32:00.000Z')")));
        QVERIFY(exec(db, QStringLiteral(
            "INSERT INTO migration_rows (run_id, row_index, line_number, token_hash, country, status, "
            "account_id) VALUES (2, 0, 2, 'ab12', 'FR', 'connected', 'acc-1')")));
        QVERIFY(exec(db, QStringLiteral(
            "INSERT INTO migration_rows (run_id, row_index, line_number, token_hash, country, status, "
            "duplicate_of) VALUES (2, 1, 3, 'ab12', 'FR', 'connected', 0)")));
    }
    if (version >= 8) {
        QVERIFY(exec(db, QStringLiteral(
            "INSERT INTO post_drafts (id, account_id, text, media, state, scheduled_at, created_at, "
            "updated_at) VALUES (4, 'acc-1', 'Hello 👋', '[{\"path\":\"/tmp/a.png\"}]', 'scheduled', "
            "'2025-01-16T09:00:00.000Z', '2025-01-15T10:32:00.000Z', '2025-01-15T10:32:00.000Z')")));
        QVERIFY(exec(db, QStringLiteral(
            "INSERT INTO published_posts (draft_id, account_id, text, post_url, media_count, credits, "
            "published_at) VALUES (4, 'acc-1', 'Hello 👋', 'https://www.linkedin.com/feed/update/1', 1, "
            "1, '2025-01-16T09:00:01.000Z')")));
    }
}

void checkSeeded(const QSqlDatabase &db, int version)
{
    const int accounts = version >= 1 ? 1 : 0;
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM accounts")).toInt(), accounts);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM activity_log")).toInt(), accounts);
    if (version >= 1) {
        QCOMPARE(scalar(db, QStringLiteral("SELECT name FROM accounts WHERE id = 'acc-1'")).toString(),
                 QStringLiteral("Ada"));
        QCOMPARE(scalar(db, QStringLiteral("SELECT extra_json FROM accounts")).toString(),
                 QStringLiteral("{\"k\":1}"));
    }
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM credit_ledger")).toInt(),
             version >= 2 ? 1 : 0);
    const int inbox = version >= 3 ? 1 : 0;
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM conversations WHERE done = 1")).toInt(), inbox);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM messages WHERE conversation_key = 7")).toInt(), inbox);
    QCOMPARE(scalar(db, QStringLiteral("SELECT sort_key FROM conversations WHERE key = 7")).toLongLong(),
             version >= 3 ? (qint64(1736937120) << 29 | 7) : 0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM conversation_search "
                                       "WHERE conversation_search MATCH '\"budg\"* \"zoe\"*'")).toInt(), inbox);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM outbox WHERE state = 2")).toInt(),
             version >= 4 ? 1 : 0);
    // Outbox rows from before bulk runs belong to none.
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM outbox WHERE state = 2 AND run_id = 0")).toInt(),
             version >= 4 ? 1 : 0);
    const int network = version >= 5 ? 1 : 0;
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM outbox WHERE run_id = 3")).toInt(), network);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM bulk_runs")).toInt(), network);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM invitations")).toInt(), network);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM connections")).toInt(), network);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM network_listings")).toInt(), network);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM live_events")).toInt(), version >= 6 ? 1 : 0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM webhook_cursors")).toInt(), version >= 6 ? 1 : 0);
    const int migration = version >= 7 ? 1 : 0;
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM migration_runs WHERE state = 'paused'")).toInt(),
             migration);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM migration_rows WHERE run_id = 2 "
                                       "AND token_hash = 'ab12'")).toInt(), 2 * migration);
    // The original row has no duplicate_of (-1), its duplicate points at it (0).
    QCOMPARE(scalar(db, QStringLiteral("SELECT group_concat(duplicate_of) FROM "
                                       "(SELECT duplicate_of FROM migration_rows ORDER BY row_index)")).toString(),
             migration == 1 ? QStringLiteral("-1,0") : QString());
    const int posts = version >= 8 ? 1 : 0;
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM post_drafts WHERE state = 'scheduled' "
                                       "AND deleted_at IS NULL AND outbox_id = 0")).toInt(), posts);
    QCOMPARE(scalar(db, QStringLiteral("SELECT text FROM post_drafts WHERE id = 4")).toString(),
             posts == 1 ? QStringLiteral("Hello 👋") : QString());
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM published_posts WHERE draft_id = 4 "
                                       "AND media_count = 1")).toInt(), posts);
    // The default snippets arrive with the step that made the table, and only then.
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM snippets")).toInt(), version >= 4 ? 4 : 3);
}

} // namespace

void TstDatabase::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TstDatabase::freshFileIsCurrentAndWal()
{
    Database db;
    QVERIFY2(db.open(dbPath()), qPrintable(db.errorString()));
    QVERIFY(db.isOpen());
    QCOMPARE(db.openError(), Database::OpenError::None);
    QCOMPARE(db.userVersion(), Database::SchemaVersion);
    QCOMPARE(scalar(db.connection(), QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(scalar(db.connection(), QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    QVERIFY(scalar(db.connection(), QStringLiteral("PRAGMA busy_timeout")).toInt() > 0);
    db.close();
    QVERIFY(!db.isOpen());

    Database again; // reopening a current file changes nothing
    QVERIFY2(again.open(dbPath()), qPrintable(again.errorString()));
    QCOMPARE(again.userVersion(), Database::SchemaVersion);
}

void TstDatabase::memoryDatabaseWorks()
{
    Database db;
    QVERIFY2(db.open(QStringLiteral(":memory:")), qPrintable(db.errorString()));
    QCOMPARE(db.userVersion(), Database::SchemaVersion);
    QCOMPARE(db.path(), QStringLiteral(":memory:"));
    QVERIFY(exec(db.connection(), QStringLiteral("INSERT INTO accounts (id, seen_at) VALUES ('m', 'x')")));

    // Another thread sees the same in-memory data.
    int seen = -1;
    QThread *thread = QThread::create([&] {
        seen = scalar(db.connection(), QStringLiteral("SELECT count(*) FROM accounts")).toInt();
    });
    thread->start();
    QVERIFY(thread->wait(30000));
    delete thread;
    QCOMPARE(seen, 1);

    Database other; // two memory databases are separate
    QVERIFY(other.open(QStringLiteral(":memory:")));
    QCOMPARE(scalar(other.connection(), QStringLiteral("SELECT count(*) FROM accounts")).toInt(), 0);
}

void TstDatabase::connectionPerThread()
{
    Database db;
    QVERIFY2(db.open(dbPath()), qPrintable(db.errorString()));
    const QString mainName = db.connection().connectionName();

    QString threadName;
    bool wrote = false;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        QSqlDatabase c = db.connection();
        threadName = c.connectionName();
        wrote = exec(c, QStringLiteral("INSERT INTO accounts (id, seen_at) VALUES ('t', 'x')"));
    }));
    thread->start();
    QVERIFY(thread->wait(30000));

    QVERIFY(wrote);
    QVERIFY(!threadName.isEmpty());
    QVERIFY(threadName != mainName);
    QCOMPARE(db.connection().connectionName(), mainName); // same connection on the same thread
    QCOMPARE(scalar(db.connection(), QStringLiteral("SELECT count(*) FROM accounts")).toInt(), 1);
    // The thread's connection went away with its thread.
    QVERIFY(!QSqlDatabase::contains(threadName));
}

void TstDatabase::migratesFromEveryOlderVersion_data()
{
    QTest::addColumn<int>("from");
    for (int v = 0; v < Database::SchemaVersion; ++v)
        QTest::addRow("from %d", v) << v;
}

void TstDatabase::migratesFromEveryOlderVersion()
{
    QFETCH(int, from);
    QStringList currentSchema;
    {
        Database fresh;
        QVERIFY(fresh.open(m_dir->filePath(QStringLiteral("fresh.sqlite"))));
        currentSchema = schemaOf(fresh.connection());
    }
    {
        Database old;
        QVERIFY2(old.openAtVersion(dbPath(), from), qPrintable(old.errorString()));
        QCOMPARE(old.userVersion(), from);
        seedAt(old.connection(), from);
        if (QTest::currentTestFailed())
            return;
    }
    Database db;
    QVERIFY2(db.open(dbPath()), qPrintable(db.errorString()));
    QCOMPARE(db.userVersion(), Database::SchemaVersion);
    QCOMPARE(schemaOf(db.connection()), currentSchema);
    checkSeeded(db.connection(), from);
}

void TstDatabase::failedMigrationLeavesPreviousVersion()
{
    const int from = Database::SchemaVersion - 1;
    {
        Database old;
        QVERIFY(old.openAtVersion(dbPath(), from));
        // A table in the way of the last step makes it fail halfway, after it made post_drafts.
        QVERIFY(exec(old.connection(), QStringLiteral("CREATE TABLE published_posts (x)")));
    }
    Database db;
    QVERIFY(!db.open(dbPath()));
    QCOMPARE(db.openError(), Database::OpenError::MigrationFailed);
    QVERIFY2(db.errorString().contains(QStringLiteral("could not be upgraded")), qPrintable(db.errorString()));

    Database check;
    QVERIFY(check.openAtVersion(dbPath(), from));
    QCOMPARE(check.userVersion(), from);
    const QString schema = schemaOf(check.connection()).join(QLatin1Char('\n'));
    QVERIFY(schema.contains(QStringLiteral("table published_posts ")));
    QVERIFY(!schema.contains(QStringLiteral("table post_drafts ")));
}

void TstDatabase::newerVersionIsRefusedUntouched_data()
{
    QTest::addColumn<bool>("wal");
    QTest::newRow("rollback journal") << false;
    QTest::newRow("wal") << true;
}

void TstDatabase::newerVersionIsRefusedUntouched()
{
    QFETCH(bool, wal);
    const int newer = Database::SchemaVersion + 5;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        raw.setDatabaseName(dbPath());
        QVERIFY(raw.open());
        if (wal)
            QVERIFY(exec(raw, QStringLiteral("PRAGMA journal_mode=WAL")));
        QVERIFY(exec(raw, QStringLiteral("CREATE TABLE future (x)")));
        QVERIFY(exec(raw, QStringLiteral("PRAGMA user_version = %1").arg(newer)));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    const QByteArray before = sha256Of(dbPath());
    QVERIFY(!before.isEmpty());

    Database db;
    QVERIFY(!db.open(dbPath()));
    QCOMPARE(db.openError(), Database::OpenError::NewerVersion);
    QVERIFY(!db.isOpen());
    const QString message = db.errorString();
    QVERIFY2(message.contains(QStringLiteral("newer version of LinkUp Desk (schema %1)").arg(newer)), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("up to %1").arg(Database::SchemaVersion)), qPrintable(message));
    QVERIFY2(message.contains(QDir::toNativeSeparators(m_dir->path())), qPrintable(message));

    QCOMPARE(sha256Of(dbPath()), before);
    QVERIFY(!QFile::exists(dbPath() + QStringLiteral("-wal")));
    QVERIFY(!QFile::exists(dbPath() + QStringLiteral("-shm")));
}

void TstDatabase::notADatabaseIsRefusedUntouched_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("text") << QByteArray("these are not the bytes you are looking for\n").repeated(200);
    QTest::newRow("short garbage") << QByteArray("\x01\x02\x03", 3);

    // A real database cut off while being copied.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("whole.sqlite"));
    {
        Database db;
        db.open(path);
        for (int i = 0; i < 200; ++i)
            exec(db.connection(), QStringLiteral("INSERT INTO activity_log (at, action, ok, message) "
                                                 "VALUES ('t', 'a', 1, '%1')").arg(QString(200, QLatin1Char('x'))));
    }
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    const QByteArray whole = f.readAll();
    QTest::newRow("header only") << whole.left(100);
    QTest::newRow("truncated mid-page") << whole.left(whole.size() / 2 + 17);
    QTest::newRow("truncated at a page") << whole.left(4096);
}

void TstDatabase::notADatabaseIsRefusedUntouched()
{
    QFETCH(QByteArray, content);
    {
        QFile f(dbPath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    const QByteArray before = sha256Of(dbPath());

    Database db;
    QVERIFY(!db.open(dbPath()));
    QCOMPARE(db.openError(), Database::OpenError::NotADatabase);
    QVERIFY2(db.errorString().contains(QDir::toNativeSeparators(dbPath())), qPrintable(db.errorString()));
    QVERIFY2(db.errorString().contains(QStringLiteral("Move it aside")), qPrintable(db.errorString()));
    QCOMPARE(sha256Of(dbPath()), before);
}

QTEST_GUILESS_MAIN(TstDatabase)
#include "tst_database.moc"
