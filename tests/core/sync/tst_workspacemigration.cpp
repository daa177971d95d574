// Workspace and the V1 → V2 migration: the journal lives in the profile's database, so a run
// journalled by one session is found by the next one.
#include "migration/migrationcsv.h"
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

QTEST_GUILESS_MAIN(TstWorkspaceMigration)
#include "tst_workspacemigration.moc"
