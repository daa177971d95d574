// CallRecorder: every finished call leaves one ledger row and one activity row, with the
// outcome a person can read, the credits charged (0 on errors) and never a secret.
#include "api/apiclient.h"
#include "sandbox/sandboxserver.h"
#include "services/accountsservice.h"
#include "store/activitylog.h"
#include "store/creditledger.h"
#include "store/database.h"
#include "sync/callrecorder.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <memory>

using namespace ld;
using sandbox::SandboxServer;
using sandbox::Seeds;

class TstCallRecorder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void successRecordsCreditsAndActivity();
    void apiErrorRecordsZeroCredits();
    void transportErrorRecordsAttempts();
    void secretsNeverReachTheStore();

private:
    ApiError runToEnd(ApiCall *call);

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<CreditLedger> m_ledger;
    std::unique_ptr<ActivityLog> m_activity;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<AccountsService> m_service;
    std::unique_ptr<CallRecorder> m_recorder;
};

void TstCallRecorder::init()
{
    m_server = std::make_unique<SandboxServer>();
    QVERIFY(m_server->listen());
    m_db = std::make_unique<Database>();
    QVERIFY(m_db->open(QStringLiteral(":memory:")));
    m_ledger = std::make_unique<CreditLedger>(m_db.get());
    m_activity = std::make_unique<ActivityLog>(m_db.get());
    m_client = std::make_unique<ApiClient>();
    QVERIFY(!m_client->setBaseUrl(m_server->baseUrl()).isError());
    m_client->setApiKey(Seeds::apiKey());
    m_client->setRetryTiming(RetryTiming { 1, 5, 5, 3 });
    m_service = std::make_unique<AccountsService>(m_client.get());
    m_recorder = std::make_unique<CallRecorder>(m_client.get(), m_ledger.get(), m_activity.get());
}

void TstCallRecorder::cleanup()
{
    m_recorder.reset();
    m_service.reset();
    m_client.reset();
    m_activity.reset();
    m_ledger.reset();
    m_db.reset();
    m_server.reset();
}

// Waits for the recorder (it hears callDone after the call's own done()).
ApiError TstCallRecorder::runToEnd(ApiCall *call)
{
    ApiError error;
    connect(call, &ApiCall::failed, this, [&error](const ApiError &e) { error = e; });
    QSignalSpy appended(m_activity.get(), &ActivityLog::appended);
    if (!appended.wait(20000))
        qWarning("no activity entry was appended");
    return error;
}

void TstCallRecorder::successRecordsCreditsAndActivity()
{
    ApiCall *call
        = m_service->importToken(QStringLiteral("AQEDAR-recorder-token"), QStringLiteral("FR"));
    const QString action = call->request().action;
    QVERIFY(!action.isEmpty());
    QSignalSpy recorded(m_ledger.get(), &CreditLedger::recorded);
    QVERIFY(!runToEnd(call).isError());
    QCOMPARE(recorded.count(), 1);

    const QList<ActivityEntry> entries = m_activity->recent(10);
    QCOMPARE(entries.size(), 1);
    const ActivityEntry &e = entries.first();
    QVERIFY(e.ok);
    QCOMPARE(e.action, action);
    QCOMPARE(e.httpStatus, 200);
    QVERIFY(e.errorCode.isEmpty());
    QVERIFY(!e.message.isEmpty());
    QVERIFY(!e.accountId.isEmpty()); // learnt from the reply: the request had none
    QCOMPARE(e.credits, int(m_server->creditsCharged()));
    QVERIFY(e.credits > 0);
    QCOMPARE(e.attempts, 1);
    QVERIFY(e.durationMs >= 0);
    QVERIFY(e.at.isValid());

    QCOMPARE(m_ledger->total(), m_server->creditsCharged());
    const QList<CreditCharge> charges = m_ledger->recent(e.accountId, 10);
    QCOMPARE(charges.size(), 1);
    QCOMPARE(charges.first().action, action);
    QCOMPARE(charges.first().credits, e.credits);
}

void TstCallRecorder::apiErrorRecordsZeroCredits()
{
    const QString id = QStringLiteral("acc_does_not_exist");
    const ApiError error = runToEnd(m_service->getAccount(id));
    QCOMPARE(error.code, QStringLiteral("INVALID_ACCOUNT"));

    const QList<ActivityEntry> entries = m_activity->forAccount(id, 10);
    QCOMPARE(entries.size(), 1);
    const ActivityEntry &e = entries.first();
    QVERIFY(!e.ok);
    QCOMPARE(e.httpStatus, 404);
    QCOMPARE(e.errorCode, QStringLiteral("INVALID_ACCOUNT"));
    QCOMPARE(e.message, error.userMessage());
    QCOMPARE(e.credits, 0);

    const QList<CreditCharge> charges = m_ledger->recent(id, 10);
    QCOMPARE(charges.size(), 1);
    QCOMPARE(charges.first().credits, 0);
    QCOMPARE(m_ledger->total(), 0);
}

void TstCallRecorder::transportErrorRecordsAttempts()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close(); // nothing listens there any more: connection refused
    QVERIFY(!m_client->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))).isError());

    const ApiError error = runToEnd(m_service->listAccounts());
    QCOMPARE(error.kind, ApiError::Kind::Transport);
    const QList<ActivityEntry> entries = m_activity->recent(10);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().errorCode,
        error.code.isEmpty() ? ApiError::kindName(ApiError::Kind::Transport) : error.code);
    QCOMPARE(entries.first().httpStatus, 0);
    QCOMPARE(entries.first().attempts, m_client->retryTiming().maxReadTries);
    QCOMPARE(entries.first().credits, 0);
}

void TstCallRecorder::secretsNeverReachTheStore()
{
    const QString password = QStringLiteral("pa55word-never-stored");
    const QString token = QStringLiteral("AQEDAR-token-never-stored");
    runToEnd(m_service->login(Seeds::codeCheckpointEmail(), password));
    runToEnd(m_service->importToken(token, QStringLiteral("FR")));
    runToEnd(m_service->importToken(Seeds::expiredToken(), QStringLiteral("FR")));

    const QList<ActivityEntry> entries = m_activity->recent(10);
    QCOMPARE(entries.size(), 3);
    for (const ActivityEntry &e : entries) {
        for (const QString &field : { e.action, e.message, e.errorCode, e.accountId }) {
            QVERIFY(!field.contains(password));
            QVERIFY(!field.contains(token));
            QVERIFY(!field.contains(Seeds::expiredToken()));
            QVERIFY(!field.contains(Seeds::apiKey()));
        }
    }
}

QTEST_GUILESS_MAIN(TstCallRecorder)
#include "tst_callrecorder.moc"
