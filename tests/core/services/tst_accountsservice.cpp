// AccountsService against the sandbox over loopback: token import, login + checkpoint,
// account list and details, credits; and CreditBalance's tolerance of unknown shapes.
#include "sandbox/sandboxserver.h"
#include "services/accountsservice.h"
#include "servicecall.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ld;
using sandbox::SandboxServer;
using sandbox::Seeds;

#define RUN(o, expr)                                                                         \
    auto o = watch(expr);                                                                    \
    QTRY_COMPARE_WITH_TIMEOUT(o->done, 1, 20000)

#define RUN_OK(o, expr)                                                                      \
    RUN(o, expr);                                                                            \
    QVERIFY2(!o->error.isError(), qPrintable(o->error.technicalSummary()))

class TestAccountsService : public QObject
{
    Q_OBJECT
private:
    SandboxServer m_sandbox;
    ApiClient *m_client = nullptr;
    AccountsService *m_service = nullptr;

    QJsonObject lastBody() const
    {
        return QJsonDocument::fromJson(m_sandbox.requests().constLast().body).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_sandbox.listen());
        m_client = sandboxClient(m_sandbox, this);
        QCOMPARE(m_client->baseUrl(), m_sandbox.baseUrl());
        m_service = new AccountsService(m_client, this);
        QCOMPARE(m_service->client(), m_client);
    }

    void init() { m_sandbox.clearRequests(); }

    void tokenImportIsIdempotent()
    {
        const QString token = QStringLiteral("AQEDAT-sandbox-token-") + QString::number(QDateTime::currentMSecsSinceEpoch());
        RUN_OK(first, m_service->importToken(token, QStringLiteral("FR")));
        const QJsonObject body = lastBody();
        QCOMPARE(body.value(QStringLiteral("platform")).toString(), QStringLiteral("linkedin"));
        QCOMPARE(body.value(QStringLiteral("login_token")).toString(), token);
        QCOMPARE(body.value(QStringLiteral("country")).toString(), QStringLiteral("FR"));
        const Decoded<LoginResult> r1 = LoginResult::fromJson(first->data);
        QVERIFY2(r1.ok(), qPrintable(r1.error));
        QCOMPARE(r1.value.status, LoginResult::Status::Connected);
        QVERIFY(!r1.value.accountId.isEmpty());

        RUN_OK(again, m_service->importToken(token, QStringLiteral("FR")));
        const Decoded<LoginResult> r2 = LoginResult::fromJson(again->data);
        QVERIFY(r2.ok());
        QCOMPARE(r2.value.accountId, r1.value.accountId);
        QCOMPARE(again->credits, 0);
    }

    void tokenImportIsReadForRetries()
    {
        // A token import may be retried after a 500: the server makes it idempotent.
        m_sandbox.injectFault(SandboxServer::Fault::InternalError, 1, QStringLiteral("/v2/login"));
        RUN_OK(o, m_service->importToken(QStringLiteral("AQEDAT-retry-token"), QStringLiteral("US")));
        QCOMPARE(m_sandbox.requestCount(QStringLiteral("/v2/login")), 2);
    }

    void expiredTokenFails()
    {
        RUN(o, m_service->importToken(Seeds::expiredToken(), QStringLiteral("FR")));
        QCOMPARE(o->error.kind, ApiError::Kind::Api);
        QCOMPARE(o->error.code, QStringLiteral("INVALID_PARAMS"));
        QVERIFY(o->error.userMessage().contains(QStringLiteral("expired")));
        QCOMPARE(o->credits, 0);
    }

    void freshLoginConnects()
    {
        RUN_OK(o, m_service->login(QStringLiteral("jane.doe@example.com"), QStringLiteral("secret"),
                                   QStringLiteral("UK"), QStringLiteral("Jane (sales)")));
        const QJsonObject body = lastBody();
        QCOMPARE(body.value(QStringLiteral("email")).toString(), QStringLiteral("jane.doe@example.com"));
        QCOMPARE(body.value(QStringLiteral("password")).toString(), QStringLiteral("secret"));
        QCOMPARE(body.value(QStringLiteral("country")).toString(), QStringLiteral("UK"));
        QCOMPARE(body.value(QStringLiteral("account_name")).toString(), QStringLiteral("Jane (sales)"));
        const Decoded<LoginResult> r = LoginResult::fromJson(o->data);
        QVERIFY(r.ok());
        QCOMPARE(r.value.status, LoginResult::Status::Connected);
    }

    void loginOmitsEmptyOptionalFields()
    {
        RUN_OK(o, m_service->login(QStringLiteral("minimal@example.com"), QStringLiteral("secret")));
        const QJsonObject body = lastBody();
        QVERIFY(!body.contains(QStringLiteral("country")));
        QVERIFY(!body.contains(QStringLiteral("account_name")));
    }

    void wrongPasswordFails()
    {
        RUN(o, m_service->login(QStringLiteral("jane.doe@example.com"), Seeds::wrongPassword()));
        QCOMPARE(o->error.code, QStringLiteral("INVALID_PARAMS"));
    }

    void loginWithCodeCheckpoint()
    {
        RUN_OK(login, m_service->login(Seeds::codeCheckpointEmail(), QStringLiteral("secret")));
        const Decoded<LoginResult> r = LoginResult::fromJson(login->data);
        QVERIFY(r.ok());
        QCOMPARE(r.value.status, LoginResult::Status::CheckpointRequired);
        QCOMPARE(r.value.challenge, LoginResult::Challenge::Code);

        RUN(wrong, m_service->checkpoint(r.value.accountId, QStringLiteral("000000")));
        QCOMPARE(wrong->error.code, QStringLiteral("INVALID_PARAMS"));
        QCOMPARE(m_sandbox.requestCount(QStringLiteral("/v2/checkpoint")), 1); // a write: no retry

        RUN_OK(ok, m_service->checkpoint(r.value.accountId, Seeds::verificationCode()));
        const QJsonObject body = lastBody();
        QCOMPARE(body.value(QStringLiteral("account_id")).toString(), r.value.accountId);
        QCOMPARE(body.value(QStringLiteral("code")).toString(), Seeds::verificationCode());
        const Decoded<LoginResult> done = LoginResult::fromJson(ok->data);
        QVERIFY(done.ok());
        QCOMPARE(done.value.status, LoginResult::Status::Connected);
        QCOMPARE(done.value.accountId, r.value.accountId);
        QCOMPARE(ok->credits, 1);
    }

    void loginWithAppCheckpoint()
    {
        RUN_OK(login, m_service->login(Seeds::appCheckpointEmail(), QStringLiteral("secret")));
        const Decoded<LoginResult> r = LoginResult::fromJson(login->data);
        QVERIFY(r.ok());
        QCOMPARE(r.value.challenge, LoginResult::Challenge::App);

        RUN_OK(ok, m_service->checkpoint(r.value.accountId));
        QVERIFY(!lastBody().contains(QStringLiteral("code")));
        QCOMPARE(LoginResult::fromJson(ok->data).value.status, LoginResult::Status::Connected);
    }

    void listAccounts()
    {
        RUN_OK(o, m_service->listAccounts(2, 1));
        const sandbox::RecordedRequest req = m_sandbox.requests().constLast();
        QCOMPARE(req.method, QByteArray("GET"));
        QVERIFY(req.query.contains(QStringLiteral("limit=2")));
        QVERIFY(req.query.contains(QStringLiteral("offset=1")));
        const Decoded<AccountPage> page = AccountPage::fromJson(o->data);
        QVERIFY2(page.ok(), qPrintable(page.error));
        QCOMPARE(page.value.items.size(), 2);
        QCOMPARE(page.value.limit, 2);
        QCOMPARE(page.value.offset, 1);
        QVERIFY(page.value.total >= Seeds::accountIds().size());
        QCOMPARE(page.value.items.at(0).id, Seeds::accountIds().at(1));
    }

    void listAllSeededAccounts()
    {
        RUN_OK(o, m_service->listAccounts());
        const Decoded<AccountPage> page = AccountPage::fromJson(o->data);
        QVERIFY(page.ok());
        bool sawInactive = false;
        for (const Account &a : page.value.items) {
            QVERIFY(!a.id.isEmpty());
            QVERIFY(a.createdAt.isValid());
            if (a.id == Seeds::inactiveAccountId()) {
                sawInactive = true;
                QCOMPARE(a.status, Account::Status::Inactive);
                QVERIFY(!a.isActive);
            }
        }
        QVERIFY(sawInactive);
    }

    void getAccountWithExtraFields()
    {
        RUN_OK(o, m_service->getAccount(Seeds::primaryAccountId()));
        QCOMPARE(m_sandbox.requests().constLast().path, QStringLiteral("/v2/accounts/") + Seeds::primaryAccountId());
        const Decoded<Account> a = Account::fromJson(o->data);
        QVERIFY2(a.ok(), qPrintable(a.error));
        QCOMPARE(a.value.id, Seeds::primaryAccountId());
        QCOMPARE(a.value.status, Account::Status::Active);
        QVERIFY(!a.value.name.isEmpty());
        QVERIFY(a.value.extra.contains(QStringLiteral("logs")));
        QVERIFY(a.value.extra.contains(QStringLiteral("connection_health")));
    }

    void getAccountEncodesTheId()
    {
        const QString id = QStringLiteral("no such account?x=1#frag%41");
        RUN(o, m_service->getAccount(id));
        QCOMPARE(o->error.code, QStringLiteral("INVALID_ACCOUNT"));
        QVERIFY(o->error.userMessage().contains(QStringLiteral("Refresh the accounts list")));
        const sandbox::RecordedRequest req = m_sandbox.requests().constLast();
        QVERIFY(req.query.isEmpty()); // '?', '#' and '%' stayed inside the path segment
        QCOMPARE(req.path, QStringLiteral("/v2/accounts/") + id);
    }

    void creditsBalance()
    {
        m_sandbox.setCreditBalance(4321);
        RUN_OK(o, m_service->credits());
        const Decoded<CreditBalance> b = CreditBalance::fromJson(o->data);
        QVERIFY(b.ok());
        QVERIFY(b.value.credits.has_value());
        QCOMPARE(*b.value.credits, qint64(4321));
    }

    void creditBalanceShapes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<qint64>("credits"); // -1: unknown
        QTest::newRow("credits") << QByteArray(R"({"credits":12})") << qint64(12);
        QTest::newRow("balance") << QByteArray(R"({"balance":7,"currency":"credits"})") << qint64(7);
        QTest::newRow("remaining") << QByteArray(R"({"remaining":3})") << qint64(3);
        QTest::newRow("credits_remaining") << QByteArray(R"({"credits_remaining":9000000000})") << qint64(9000000000);
        QTest::newRow("string value is unknown") << QByteArray(R"({"credits":"12"})") << qint64(-1);
        QTest::newRow("unknown shape") << QByteArray(R"({"plan":{"left":5}})") << qint64(-1);
        QTest::newRow("empty") << QByteArray("{}") << qint64(-1);
    }
    void creditBalanceShapes()
    {
        QFETCH(QByteArray, json);
        QFETCH(qint64, credits);
        const Decoded<CreditBalance> b = CreditBalance::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(b.ok());
        QCOMPARE(b.value.credits.has_value(), credits >= 0);
        if (credits >= 0)
            QCOMPARE(*b.value.credits, credits);
        QVERIFY(!b.value.raw.isEmpty() || json == "{}");
    }

    void creditBalanceNotAnObject()
    {
        QVERIFY(!CreditBalance::fromJson(QJsonValue(QStringLiteral("x"))).ok());
        QVERIFY(!CreditBalance::fromJson(QJsonArray()).ok());
    }

    void actionNamesForTheLedger()
    {
        QStringList actions;
        connect(m_client, &ApiClient::callDone, this, [&](ApiCall *c) { actions << c->request().action; });
        RUN(a, m_service->listAccounts());
        RUN(b, m_service->getAccount(Seeds::primaryAccountId()));
        RUN(c, m_service->credits());
        RUN(d, m_service->checkpoint(Seeds::primaryAccountId()));
        RUN(e, m_service->login(QStringLiteral("x@example.com"), QStringLiteral("pw")));
        disconnect(m_client, &ApiClient::callDone, this, nullptr);
        QCOMPARE(actions, (QStringList { QStringLiteral("list_accounts"), QStringLiteral("get_account"),
                                         QStringLiteral("get_credits"), QStringLiteral("checkpoint"),
                                         QStringLiteral("login") }));
    }
};

QTEST_GUILESS_MAIN(TestAccountsService)
#include "tst_accountsservice.moc"
