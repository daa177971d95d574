// Workspace: one profile directory becomes a database, settings and a client whose every call
// is recorded; a database from a newer version is refused with its own message.
#include "api/apiclient.h"
#include "sandbox/sandboxserver.h"
#include "store/accountrepository.h"
#include "store/activitylog.h"
#include "store/creditledger.h"
#include "store/database.h"
#include "store/networkrepository.h"
#include "store/outboxrepository.h"
#include "store/runrepository.h"
#include "support/appsettings.h"
#include "sync/accountssync.h"
#include "sync/callrecorder.h"
#include "sync/invitationqueue.h"
#include "sync/liveevents.h"
#include "sync/networksync.h"
#include "sync/outbox.h"
#include "sync/workspace.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ld;

class TstWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensAProfileDirectory();
    void baseUrlComesFromTheSettings();
    void undoSendDelayComesFromTheSettings();
    void refusesANewerDatabase();
    void refusesAnInvalidProfile();
    void everyCallIsRecorded();
    void networkRefreshFillsTheStoreAndTheLedger();
    void invitationQueueWorksOnTheWorkspaceParts();

private:
    static int userVersion(const QString &path);
};

int TstWorkspace::userVersion(const QString &path)
{
    int version = -1;
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
                version = q.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("probe"));
    return version;
}

void TstWorkspace::opensAProfileDirectory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("profile"));
    Workspace ws(Profile::open(path));
    QVERIFY(!ws.database());
    QVERIFY(!ws.networkService() && !ws.network() && !ws.runs() && !ws.networkSync()
        && !ws.invitationQueue());
    QVERIFY(!ws.liveEvents() && !ws.live());
    QVERIFY2(ws.open(), qPrintable(ws.errorString()));
    QVERIFY(ws.errorString().isEmpty());
    QVERIFY(ws.database() && ws.accounts() && ws.ledger() && ws.activity() && ws.client()
        && ws.accountsService() && ws.accountsSync() && ws.settings() && ws.recorder());
    QVERIFY(ws.networkService() && ws.network() && ws.runs() && ws.networkSync()
        && ws.invitationQueue());
    // Live events exist but send nothing until started.
    QVERIFY(ws.liveEvents() && ws.live());
    QVERIFY(!ws.live()->isRunning());
    QVERIFY(QFile::exists(ws.profile().databasePath()));
    QCOMPARE(ws.database()->userVersion(), Database::SchemaVersion);
    QCOMPARE(ws.client()->baseUrl(), ws.settings()->baseUrl());
    QVERIFY(ws.open()); // twice is harmless
}

void TstWorkspace::baseUrlComesFromTheSettings()
{
    QTemporaryDir dir;
    const Profile profile = Profile::open(dir.path());
    {
        AppSettings settings(profile.settingsPath());
        settings.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:4321")));
        settings.sync();
    }
    Workspace ws(profile);
    QVERIFY(ws.open());
    QCOMPARE(ws.client()->baseUrl(), QUrl(QStringLiteral("http://127.0.0.1:4321")));

    ws.settings()->setBaseUrl(QUrl(QStringLiteral("https://api.example.com")));
    QCOMPARE(ws.client()->baseUrl(), QUrl(QStringLiteral("https://api.example.com")));
    // Plain http to a remote host is refused by the client: the old URL stays.
    ws.settings()->setBaseUrl(QUrl(QStringLiteral("http://api.example.com")));
    QCOMPARE(ws.client()->baseUrl(), QUrl(QStringLiteral("https://api.example.com")));
}

void TstWorkspace::undoSendDelayComesFromTheSettings()
{
    QTemporaryDir dir;
    const Profile profile = Profile::open(dir.path());
    {
        AppSettings settings(profile.settingsPath());
        settings.setUndoSendSeconds(12);
        settings.sync();
    }
    Workspace ws(profile);
    QVERIFY(ws.open());
    QCOMPARE(ws.outbox()->undoDelayMs(), 12000);
    ws.settings()->setUndoSendSeconds(0);
    QCOMPARE(ws.outbox()->undoDelayMs(), 0);
}

void TstWorkspace::refusesANewerDatabase()
{
    QTemporaryDir dir;
    const Profile profile = Profile::open(dir.path());
    const int newer = Database::SchemaVersion + 3;
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
        db.setDatabaseName(profile.databasePath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE from_the_future (x INTEGER)")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = %1").arg(newer)));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("future"));

    Workspace ws(profile);
    QVERIFY(!ws.open());
    QVERIFY2(
        ws.errorString().contains(QStringLiteral("newer version")), qPrintable(ws.errorString()));
    QVERIFY(!ws.database());
    QVERIFY(!ws.client());
    QCOMPARE(userVersion(profile.databasePath()), newer);
}

void TstWorkspace::refusesAnInvalidProfile()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("a-file"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    Workspace ws(Profile::open(file + QStringLiteral("/inside")));
    QVERIFY(!ws.open());
    QVERIFY(!ws.errorString().isEmpty());
}

void TstWorkspace::everyCallIsRecorded()
{
    sandbox::SandboxServer server;
    QVERIFY(server.listen());
    QTemporaryDir dir;
    Workspace ws(Profile::open(dir.path()));
    QVERIFY(ws.open());
    QVERIFY(!ws.client()->setBaseUrl(server.baseUrl()).isError());
    ws.client()->setApiKey(sandbox::Seeds::apiKey());

    QSignalSpy refreshed(ws.accountsSync(), &AccountsSync::refreshed);
    ws.accountsSync()->refreshAll();
    QVERIFY(refreshed.wait());
    QCOMPARE(ws.accounts()->count(), 4);
    QTRY_COMPARE(ws.activity()->recent(10).size(), 1);
    QVERIFY(ws.activity()->recent(10).first().ok);
    QCOMPARE(ws.ledger()->summary().size(), 1);
}

void TstWorkspace::networkRefreshFillsTheStoreAndTheLedger()
{
    sandbox::SandboxServer server;
    QVERIFY(server.listen());
    QTemporaryDir dir;
    Workspace ws(Profile::open(dir.path()));
    QVERIFY(ws.open());
    QVERIFY(!ws.client()->setBaseUrl(server.baseUrl()).isError());
    ws.client()->setApiKey(sandbox::Seeds::apiKey());

    // The sync reads through the workspace's service into the workspace's store, and its
    // calls reach the recorder like any other.
    const QString account = sandbox::Seeds::primaryAccountId();
    QSignalSpy refreshed(ws.networkSync(), &NetworkSync::refreshed);
    ws.networkSync()->refresh(account, NetworkSync::List::Received);
    QVERIFY(refreshed.wait());
    QCOMPARE(ws.network()->invitationCount(StoredInvitation::Direction::Received, account), 12);
    QTRY_COMPARE(ws.activity()->recent(10).size(), 1);
    QCOMPARE(ws.activity()->recent(10).first().action, QStringLiteral("list_invitations"));
    QCOMPARE(ws.ledger()->summary().size(), 1);
    QVERIFY(ws.runs()->recent().isEmpty()); // a refresh is no bulk run
}

void TstWorkspace::invitationQueueWorksOnTheWorkspaceParts()
{
    sandbox::SandboxServer server;
    QVERIFY(server.listen());
    QTemporaryDir dir;
    Workspace ws(Profile::open(dir.path()));
    QVERIFY(ws.open());
    // Through the settings: every settings change re-applies their base URL to the client.
    ws.settings()->setBaseUrl(server.baseUrl());
    QCOMPARE(ws.client()->baseUrl(), server.baseUrl());
    ws.client()->setApiKey(sandbox::Seeds::apiKey());
    const QString account = sandbox::Seeds::primaryAccountId();

    // The caps come from the workspace's settings, as they are now.
    PacingLimits limits = ws.settings()->pacing();
    limits.acceptsPerDay = 7;
    ws.settings()->setPacing(limits);
    QCOMPARE(ws.invitationQueue()->usage(account, NetworkAction::Accept).perDay, 7);

    QSignalSpy refreshed(ws.networkSync(), &NetworkSync::refreshed);
    ws.networkSync()->refresh(account, NetworkSync::List::Received);
    QVERIFY(refreshed.wait());
    const StoredInvitation first
        = ws.network()->invitations(StoredInvitation::Direction::Received, { account }).first();

    // Opening sent nothing; a run goes through the workspace's service, store and runs.
    QCOMPARE(server.requestCount(QStringLiteral("/v2/network"), QStringLiteral("accept")), 0);
    const NetworkTask accept = NetworkTask::forInvitation(NetworkAction::Accept, first);
    QCOMPARE(ws.invitationQueue()->check(accept), QString());
    QSignalSpy finished(ws.invitationQueue(), &InvitationQueue::runFinished);
    QString error;
    const qint64 run
        = ws.invitationQueue()->start({ accept }, QStringLiteral("Accept one"), &error, 0, 0);
    QVERIFY2(run > 0, qPrintable(error));
    QVERIFY(finished.wait());
    QCOMPARE(ws.invitationQueue()->progress(run).done, 1);
    QCOMPARE(server.requestCount(QStringLiteral("/v2/network"), QStringLiteral("accept")), 1);
    QVERIFY(ws.runs()->find(run));
    QCOMPARE(ws.outboxItems()->itemsOfRun(run).size(), 1);
    QVERIFY(
        !ws.network()->findByUrn(account, StoredInvitation::Direction::Received, first.entityUrn));
    QCOMPARE(ws.invitationQueue()->usage(account, NetworkAction::Accept).usedToday, 1);
}

QTEST_GUILESS_MAIN(TstWorkspace)
#include "tst_workspace.moc"
