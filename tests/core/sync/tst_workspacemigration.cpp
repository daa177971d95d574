// Workspace and the V1 → V2 migration: the journal lives in the profile's database, so a run
// journalled by one session is found by the next one; the runner calls through the workspace's
// client, so its credits reach the ledger and its accounts the account list.
#include "api/apiclient.h"
#include "migration/migrationcsv.h"
#include "migration/migrationrunner.h"
#include "sandbox/sandboxserver.h"
#include "store/accountrepository.h"
#include "store/creditledger.h"
#include "store/migrationrepository.h"
#include "sync/workspace.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ld;

class TstWorkspaceMigration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void partsExistOnceOpen();
    void journalOutlivesTheSession();
    void runnerMigratesThroughTheWorkspace();
};

void TstWorkspaceMigration::partsExistOnceOpen()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Workspace ws(Profile::open(dir.path()));
    QVERIFY(!ws.migrations());
    QVERIFY(!ws.migrationRunner());
    QVERIFY2(ws.open(), qPrintable(ws.errorString()));
    QVERIFY(ws.migrations());
    QVERIFY(ws.migrations()->recentRuns().isEmpty());
    // The runner exists but calls nothing until a run is started.
    QVERIFY(ws.migrationRunner());
    QVERIFY(!ws.migrationRunner()->isDriving());
}

void TstWorkspaceMigration::journalOutlivesTheSession()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MigrationInputRow row;
    row.index = 0;
    row.lineNumber = 2;
    row.loginToken = QStringLiteral("AQEDAR-workspace-token");
    row.tokenHash = tokenHash(row.loginToken);
    row.country = QStringLiteral("FR");
    MigrationRun run;
    run.contentHash = "feed";
    run.state = MigrationRun::State::Paused;
    qint64 id = 0;
    {
        Workspace ws(Profile::open(dir.path()));
        QVERIFY2(ws.open(), qPrintable(ws.errorString()));
        id = ws.migrations()->createRun(run, { row });
        QVERIFY(id > 0);
        QVERIFY(ws.migrations()->markCalling(id, 0)); // the session ends mid-call
    }
    Workspace ws(Profile::open(dir.path()));
    QVERIFY2(ws.open(), qPrintable(ws.errorString()));
    const auto found = ws.migrations()->findRunByContent("feed");
    QVERIFY(found);
    QCOMPARE(found->id, id);
    QCOMPARE(ws.migrations()->rowsToCall(id).size(), 1);
    QCOMPARE(ws.migrations()->rowsToCall(id).first().status, MigrationJournalRow::Status::Calling);
}

void TstWorkspaceMigration::runnerMigratesThroughTheWorkspace()
{
    sandbox::SandboxServer server;
    QVERIFY(server.listen());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Workspace ws(Profile::open(dir.path()));
    QVERIFY2(ws.open(), qPrintable(ws.errorString()));
    QVERIFY(!ws.client()->setBaseUrl(server.baseUrl()).isError());
    ws.client()->setApiKey(sandbox::Seeds::apiKey());

    // 8 rows: good ones at 0, 4 and 7; the expired token, the checkpoint token, a duplicate of
    // row 0, the country "FRA" and an empty token in between.
    const MigrationCsv csv = MigrationCsv::parse(sandbox::Seeds::sampleMigrationCsv(8));
    QVERIFY2(csv.ok, qPrintable(csv.error));
    MigrationRunner *runner = ws.migrationRunner();
    QString error;
    bool resumed = true;
    const qint64 id = runner->prepare(csv, dir.filePath(QStringLiteral("v1.csv")),
        MigrationRunner::MinDelayMs, MigrationRunner::MinDelayMs, &resumed, &error);
    QVERIFY2(id > 0, qPrintable(error));
    QVERIFY(!resumed);
    QSignalSpy finished(runner, &MigrationRunner::finished);
    QVERIFY2(runner->start(id, csv, &error), qPrintable(error));
    QVERIFY(finished.wait(30000));

    const MigrationCounts counts = ws.migrations()->counts(id);
    QCOMPARE(counts.total, 8);
    QCOMPARE(counts.connected, 4); // three good rows and the duplicate
    QCOMPARE(counts.checkpoint, 1);
    QCOMPARE(counts.failed, 3);
    QCOMPARE(counts.pending, 0);
    QCOMPARE(counts.credits, 3);
    QCOMPARE(server.requestCount(QStringLiteral("/v2/login")), 5);
    QCOMPARE(ws.ledger()->total(), qint64(3));
    for (const MigrationJournalRow &row : ws.migrations()->rows(id)) {
        if (row.status == MigrationJournalRow::Status::Connected)
            QVERIFY2(ws.accounts()->find(row.accountId), qPrintable(row.accountId));
    }
}

QTEST_GUILESS_MAIN(TstWorkspaceMigration)
#include "tst_workspacemigration.moc"
