// ConnectFlow against the real client and the sandbox over loopback: both ways to connect an
// account, both checkpoints, the refusals, and cancelling a login the server holds.
#include "api/apiclient.h"
#include "sandbox/sandboxserver.h"
#include "services/accountsservice.h"
#include "store/accountrepository.h"
#include "store/database.h"
#include "support/logging.h"
#include "sync/connectflow.h"

#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace ld;
using sandbox::SandboxServer;
using sandbox::Seeds;
using State = ConnectFlow::State;

class TstConnectFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void freshLoginWithCodeCheckpoint();
    void appCheckpoint();
    void tokenImport();
    void tokenReimportKeepsTheAccountId();
    void expiredTokenSaysToSignInAgain();
    void connectedEvenWhenTheDetailsCannotBeRead();
    void wrongPasswordFails();
    void cancelWhileTheServerHoldsTheLogin();
    void cancelWhileWaitingForTheCode();
    void resumeCheckpointWithCode();
    void secretsAreMaskedOnlyWhileInFlight();

private:
    static QList<State> states(const QSignalSpy &spy);
    std::unique_ptr<ConnectFlow> newFlow();

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AccountRepository> m_repo;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<AccountsService> m_service;
    std::unique_ptr<ConnectFlow> m_flow;
};

void TstConnectFlow::init()
{
    m_server = std::make_unique<SandboxServer>();
    QVERIFY(m_server->listen());
    m_db = std::make_unique<Database>();
    QVERIFY2(m_db->open(QStringLiteral(":memory:")), qPrintable(m_db->errorString()));
    m_repo = std::make_unique<AccountRepository>(m_db.get());
    m_client = std::make_unique<ApiClient>();
    QVERIFY(!m_client->setBaseUrl(m_server->baseUrl()).isError());
    m_client->setApiKey(Seeds::apiKey());
    m_service = std::make_unique<AccountsService>(m_client.get());
    m_flow = newFlow();
}

void TstConnectFlow::cleanup()
{
    m_flow.reset();
    m_service.reset();
    m_client.reset();
    m_repo.reset();
    m_db.reset();
    m_server.reset();
}

std::unique_ptr<ConnectFlow> TstConnectFlow::newFlow()
{
    return std::make_unique<ConnectFlow>(m_service.get(), m_repo.get());
}

QList<State> TstConnectFlow::states(const QSignalSpy &spy)
{
    QList<State> out;
    for (const QList<QVariant> &args : spy)
        out.append(args.at(0).value<State>());
    return out;
}

void TstConnectFlow::freshLoginWithCodeCheckpoint()
{
    QSignalSpy changes(m_flow.get(), &ConnectFlow::stateChanged);
    QSignalSpy connected(m_flow.get(), &ConnectFlow::connected);
    QSignalSpy failed(m_flow.get(), &ConnectFlow::failed);
    const int before = m_repo->count();

    m_flow->startLogin(
        Seeds::codeCheckpointEmail(), QStringLiteral("correct-horse"), QStringLiteral("FR"));
    QCOMPARE(m_flow->state(), State::LoggingIn);
    QCOMPARE(m_flow->statusText(), QStringLiteral("Signing in to LinkedIn…"));
    QTRY_COMPARE(m_flow->state(), State::NeedsCode);
    QVERIFY(!m_flow->accountId().isEmpty());
    QCOMPARE(m_flow->statusText(),
        QStringLiteral("LinkedIn sent a verification code by e-mail, SMS or your authenticator "
                       "app — enter it below."));

    m_flow->submitCode(QStringLiteral("000000"));
    QCOMPARE(m_flow->state(), State::Verifying);
    QTRY_COMPARE(m_flow->state(), State::NeedsCode);
    QVERIFY(m_flow->lastError().isError());
    QVERIFY(m_flow->statusText().endsWith(QStringLiteral("enter it below.")));
    QVERIFY2(m_flow->errorText().startsWith(QStringLiteral("LinkedIn did not accept that code")),
             qPrintable(m_flow->errorText()));
    QVERIFY(!m_flow->errorText().contains(QStringLiteral("no longer exist")));
    QCOMPARE(failed.count(), 0); // a wrong code is not the end of the flow

    m_flow->submitCode(Seeds::verificationCode());
    QTRY_COMPARE(m_flow->state(), State::Connected);
    QCOMPARE(connected.count(), 1);
    QCOMPARE(connected.at(0).at(0).toString(), m_flow->accountId());
    QCOMPARE(states(changes),
        (QList<State> { State::LoggingIn, State::NeedsCode, State::Verifying, State::NeedsCode,
            State::Verifying, State::Fetching, State::Connected }));

    const std::optional<Account> stored = m_repo->find(m_flow->accountId());
    QVERIFY(stored);
    QCOMPARE(stored->status, Account::Status::Active);
    QVERIFY(!stored->name.isEmpty());
    QCOMPARE(m_repo->count(), before + 1);
}

void TstConnectFlow::appCheckpoint()
{
    m_flow->startLogin(Seeds::appCheckpointEmail(), QStringLiteral("correct-horse"));
    QTRY_COMPARE(m_flow->state(), State::NeedsApproval);
    QCOMPARE(m_flow->statusText(),
        QStringLiteral("Open the LinkedIn app on your phone and approve the sign-in, then "
                       "confirm here that you approved it."));
    m_flow->submitCode(QStringLiteral("123456")); // ignored: no code is asked for
    QCOMPARE(m_flow->state(), State::NeedsApproval);

    m_flow->confirmApproval();
    QCOMPARE(m_flow->state(), State::Verifying);
    QTRY_COMPARE(m_flow->state(), State::Connected);
    QVERIFY(m_repo->find(m_flow->accountId()));
    QCOMPARE(m_server->requestCount(QStringLiteral("/v2/checkpoint")), 1);
}

void TstConnectFlow::tokenImport()
{
    QSignalSpy connected(m_flow.get(), &ConnectFlow::connected);
    m_flow->startTokenImport(QStringLiteral("AQEDAR-v1-token-for-import"), QStringLiteral("FR"));
    QTRY_COMPARE(m_flow->state(), State::Connected);
    QCOMPARE(connected.count(), 1);
    const std::optional<Account> stored = m_repo->find(m_flow->accountId());
    QVERIFY(stored);
    QCOMPARE(stored->country, QStringLiteral("FR"));
    QVERIFY(stored->isActive);
}

void TstConnectFlow::tokenReimportKeepsTheAccountId()
{
    const QString token = QStringLiteral("AQEDAR-v1-token-twice");
    m_flow->startTokenImport(token, QStringLiteral("US"));
    QTRY_COMPARE(m_flow->state(), State::Connected);
    const QString first = m_flow->accountId();
    const int count = m_repo->count();

    auto again = newFlow();
    again->startTokenImport(token, QStringLiteral("US"));
    QTRY_COMPARE(again->state(), State::Connected);
    QCOMPARE(again->accountId(), first);
    QCOMPARE(m_repo->count(), count);
}

void TstConnectFlow::expiredTokenSaysToSignInAgain()
{
    QSignalSpy failed(m_flow.get(), &ConnectFlow::failed);
    const int count = m_repo->count();
    m_flow->startTokenImport(Seeds::expiredToken(), QStringLiteral("FR"));
    QTRY_COMPARE(m_flow->state(), State::Failed);
    QCOMPARE(failed.count(), 1);
    QVERIFY(m_flow->lastError().isError());
    QVERIFY2(m_flow->statusText().contains(QStringLiteral("Sign in to LinkedIn again")),
        qPrintable(m_flow->statusText()));
    QVERIFY(m_flow->statusText().contains(QStringLiteral("new token")));
    QCOMPARE(m_repo->count(), count);
}

void TstConnectFlow::connectedEvenWhenTheDetailsCannotBeRead()
{
    m_client->setRetryTiming(RetryTiming { 1, 5, 5, 3 });
    m_server->injectFault(SandboxServer::Fault::InternalError, 10, QStringLiteral("/v2/accounts/"));
    QSignalSpy connected(m_flow.get(), &ConnectFlow::connected);
    m_flow->startTokenImport(QStringLiteral("AQEDAR-details-unreadable"), QStringLiteral("DE"));
    QTRY_COMPARE(m_flow->state(), State::Connected);
    QCOMPARE(connected.count(), 1);
    QVERIFY(m_server->requestCount(QStringLiteral("/v2/accounts/")) >= 1);
    const std::optional<Account> stored = m_repo->find(m_flow->accountId());
    QVERIFY(stored);
    QVERIFY(stored->isActive);
    QCOMPARE(stored->status, Account::Status::Active);
}

void TstConnectFlow::wrongPasswordFails()
{
    m_flow->startLogin(QStringLiteral("someone@example.com"), Seeds::wrongPassword());
    QTRY_COMPARE(m_flow->state(), State::Failed);
    QCOMPARE(m_flow->statusText(), m_flow->lastError().userMessage());
    QVERIFY(!m_flow->statusText().contains(QStringLiteral("token")));
}

void TstConnectFlow::cancelWhileTheServerHoldsTheLogin()
{
    m_server->injectFault(SandboxServer::Fault::Slow, 1, QStringLiteral("/v2/login"), {}, 30000);
    QSignalSpy connected(m_flow.get(), &ConnectFlow::connected);
    QSignalSpy failed(m_flow.get(), &ConnectFlow::failed);
    m_flow->startLogin(Seeds::codeCheckpointEmail(), QStringLiteral("correct-horse"));
    QTRY_COMPARE(m_server->requestCount(QStringLiteral("/v2/login")), 1);
    QVERIFY(m_flow->isBusy());

    m_flow->cancel();
    QCOMPARE(m_flow->state(), State::Cancelled);
    QVERIFY(!m_flow->isBusy());
    QCOMPARE(m_flow->statusText(), QStringLiteral("Cancelled."));
    QCOMPARE(connected.count(), 0);
    QCOMPARE(failed.count(), 0);
}

void TstConnectFlow::cancelWhileWaitingForTheCode()
{
    m_flow->startLogin(Seeds::codeCheckpointEmail(), QStringLiteral("correct-horse"));
    QTRY_COMPARE(m_flow->state(), State::NeedsCode);
    m_flow->cancel();
    QCOMPARE(m_flow->state(), State::Cancelled);
    m_flow->submitCode(Seeds::verificationCode()); // too late: nothing is sent
    QCOMPARE(m_flow->state(), State::Cancelled);
    QCOMPARE(m_server->requestCount(QStringLiteral("/v2/checkpoint")), 0);
}

void TstConnectFlow::resumeCheckpointWithCode()
{
    m_flow->startLogin(Seeds::codeCheckpointEmail(), QStringLiteral("correct-horse"));
    QTRY_COMPARE(m_flow->state(), State::NeedsCode);
    const QString id = m_flow->accountId();

    // Another session (linkupctl checkpoint) finishes it.
    auto later = newFlow();
    later->resumeCheckpoint(id, QStringLiteral("999999"));
    QTRY_COMPARE(later->state(), State::Failed);
    later->resumeCheckpoint(id, Seeds::verificationCode());
    QTRY_COMPARE(later->state(), State::Connected);
    QCOMPARE(later->accountId(), id);
    QVERIFY(m_repo->find(id));
}

void TstConnectFlow::secretsAreMaskedOnlyWhileInFlight()
{
    const QString password = QStringLiteral("hunter2-very-secret");
    m_flow->startLogin(Seeds::appCheckpointEmail(), password);
    QVERIFY(!logging::redact(QStringLiteral("pw=%1").arg(password)).contains(password));
    QTRY_COMPARE(m_flow->state(), State::NeedsApproval);
    QTRY_VERIFY(logging::redact(QStringLiteral("pw=%1").arg(password)).contains(password));
}

QTEST_GUILESS_MAIN(TstConnectFlow)
#include "tst_connectflow.moc"
