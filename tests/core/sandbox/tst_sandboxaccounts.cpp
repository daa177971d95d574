// Tests the SandboxServer's login, checkpoint, account, credits and logs routes as a client
// would see them: plain QNetworkAccessManager requests over loopback, checked against the V2
// contract's statuses and JSON shapes. No client code.
#include "sandbox/sandboxserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include "tst_sandboxhelpers.h"

using namespace ld::sandbox;

class TestSandboxAccounts : public SandboxTestBase
{
    Q_OBJECT

private slots:
    void init() { startServer(); }
    void cleanup() { stopServer(); }

    void login_data();
    void login();
    void loginReimportIsFreeAndStable();
    void loginNewAccountsAreListed();
    void checkpointCode();
    void checkpointApp();
    void checkpointErrors();
    void reloginRevivesInactiveAccount();
    void accountsPaging_data();
    void accountsPaging();
    void accountDetails();
    void manyAccounts();
    void creditsEndpoint();
    void logsEndpoint();
};

void TestSandboxAccounts::login_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("outcome"); // status word, or error code
    QTest::addColumn<QString>("detail"); // challenge_type, or part of the error message
    QTest::newRow("token import") << QByteArray(
        R"({"platform":"linkedin","login_token":"tok-1","country":"FR"})")
                                  << 200 << "connected"
                                  << "";
    QTest::newRow("fresh login") << QByteArray(
        R"({"platform":"linkedin","email":"someone@example.com","password":"pw","country":"US"})")
                                 << 200 << "connected"
                                 << "";
    QTest::newRow("fresh login, no country")
        << QByteArray(R"({"platform":"linkedin","email":"x@example.com","password":"pw"})") << 200
        << "connected"
        << "";
    QTest::newRow("code checkpoint")
        << QByteArray(R"({"platform":"linkedin","email":"code@example.com","password":"pw"})")
        << 200 << "checkpoint_required"
        << "code_challenge";
    QTest::newRow("app checkpoint")
        << QByteArray(R"({"platform":"linkedin","email":"app@example.com","password":"pw"})") << 200
        << "checkpoint_required"
        << "app_challenge";
    QTest::newRow("expired token")
        << QByteArray(R"({"platform":"linkedin","login_token":"expired-v1-token","country":"FR"})")
        << 400 << "INVALID_PARAMS"
        << "re-authenticate";
    QTest::newRow("wrong password") << QByteArray(
        R"({"platform":"linkedin","email":"a@example.com","password":"wrong-password"})")
                                    << 400 << "INVALID_PARAMS"
                                    << "invalid credentials";
    QTest::newRow("missing platform")
        << QByteArray(R"({"login_token":"t","country":"FR"})") << 400 << "INVALID_PARAMS"
        << "platform";
    QTest::newRow("other platform")
        << QByteArray(R"({"platform":"whatsapp","login_token":"t","country":"FR"})") << 400
        << "INVALID_PARAMS"
        << "platform";
    QTest::newRow("bad country") << QByteArray(
        R"({"platform":"linkedin","login_token":"t","country":"France"})")
                                 << 400 << "INVALID_PARAMS"
                                 << "country";
    QTest::newRow("token without country")
        << QByteArray(R"({"platform":"linkedin","login_token":"t"})") << 400 << "INVALID_PARAMS"
        << "country";
    QTest::newRow("nothing to log in with")
        << QByteArray(R"({"platform":"linkedin"})") << 400 << "INVALID_PARAMS"
        << "login_token";
    QTest::newRow("email without password")
        << QByteArray(R"({"platform":"linkedin","email":"a@example.com"})") << 400
        << "INVALID_PARAMS"
        << "password";
}

void TestSandboxAccounts::login()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, outcome);
    QFETCH(QString, detail);
    const Response r = call("POST", QStringLiteral("/v2/login"), body);
    QCOMPARE(r.status, status);
    if (status != 200) {
        verifyError(r, outcome.toLatin1());
        QVERIFY2(errorMessage(r).contains(detail), qPrintable(errorMessage(r)));
        return;
    }
    QCOMPARE(r.json.value(QStringLiteral("success")).toBool(), true);
    QCOMPARE(r.data().value(QStringLiteral("status")).toString(), outcome);
    QVERIFY(!r.data().value(QStringLiteral("account_id")).toString().isEmpty());
    QCOMPARE(r.data().value(QStringLiteral("challenge_type")).toString(), detail);
    QCOMPARE(r.credits(), outcome == QLatin1String("connected") ? 1 : 0);
}

void TestSandboxAccounts::loginReimportIsFreeAndStable()
{
    const QByteArray body
        = R"({"platform":"linkedin","login_token":"v1-token-abc","country":"DE"})";
    const Response first = call("POST", QStringLiteral("/v2/login"), body);
    QCOMPARE(first.status, 200);
    const Response again = call("POST", QStringLiteral("/v2/login"), body);
    QCOMPARE(again.status, 200);
    const QString id = first.data().value(QStringLiteral("account_id")).toString();
    QCOMPARE(again.data().value(QStringLiteral("account_id")).toString(), id);
    QCOMPARE(again.data().value(QStringLiteral("status")).toString(), QStringLiteral("connected"));
    QCOMPARE(again.credits(), 0);
    QCOMPARE(server->creditsCharged(), 1);
}

void TestSandboxAccounts::loginNewAccountsAreListed()
{
    const int before
        = call("GET", QStringLiteral("/v2/accounts")).data().value(QStringLiteral("total")).toInt();
    QCOMPARE(before, 4);
    const Response r = call("POST", QStringLiteral("/v2/login"),
        R"({"platform":"linkedin","login_token":"tok-9","country":"nl","account_name":"Agency NL"})");
    const QString id = r.data().value(QStringLiteral("account_id")).toString();
    const QJsonObject list = call("GET", QStringLiteral("/v2/accounts")).data();
    QCOMPARE(list.value(QStringLiteral("total")).toInt(), before + 1);
    const QJsonObject item = list.value(QStringLiteral("items")).toArray().last().toObject();
    QCOMPARE(item.value(QStringLiteral("account_id")).toString(), id);
    QCOMPARE(item.value(QStringLiteral("account_name")).toString(), QStringLiteral("Agency NL"));
    QCOMPARE(item.value(QStringLiteral("country")).toString(), QStringLiteral("NL"));
    QCOMPARE(item.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    // A new account works at once with the action endpoints.
    QCOMPARE(act(QStringLiteral("messages"), QStringLiteral("list_inbox"), {}, id).status, 200);
}

void TestSandboxAccounts::checkpointCode()
{
    const Response login = call("POST", QStringLiteral("/v2/login"),
        R"({"platform":"linkedin","email":"code@example.com","password":"pw"})");
    const QString id = login.data().value(QStringLiteral("account_id")).toString();
    QCOMPARE(act(QStringLiteral("messages"), QStringLiteral("list_inbox"), {}, id).status,
        403); // pending

    const QJsonObject wrong { { QStringLiteral("account_id"), id },
        { QStringLiteral("code"), QStringLiteral("000000") } };
    const Response bad = callJson("POST", QStringLiteral("/v2/checkpoint"), wrong);
    QCOMPARE(bad.status, 400);
    verifyError(bad, "INVALID_PARAMS");
    QCOMPARE(server->creditsCharged(), 0);
    const Response missing = callJson(
        "POST", QStringLiteral("/v2/checkpoint"), { { QStringLiteral("account_id"), id } });
    QCOMPARE(missing.status, 400);
    QVERIFY(errorMessage(missing).contains(QStringLiteral("code")));
    QCOMPARE(call("GET", QStringLiteral("/v2/accounts/") + id)
                 .data()
                 .value(QStringLiteral("is_active"))
                 .toBool(true),
        false);

    const QJsonObject right { { QStringLiteral("account_id"), id },
        { QStringLiteral("code"), Seeds::verificationCode() } };
    const Response ok = callJson("POST", QStringLiteral("/v2/checkpoint"), right);
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.data().value(QStringLiteral("account_id")).toString(), id);
    QCOMPARE(ok.data().value(QStringLiteral("status")).toString(), QStringLiteral("connected"));
    const QJsonObject meta = ok.json.value(QStringLiteral("metadata")).toObject();
    QCOMPARE(meta.value(QStringLiteral("action")).toString(), QStringLiteral("checkpoint"));
    QCOMPARE(meta.value(QStringLiteral("credits_consumed")).toInt(), 1);
    QVERIFY(!meta.contains(QStringLiteral("account_id")));
    QVERIFY2(microTime().match(meta.value(QStringLiteral("timestamp")).toString()).hasMatch(),
        qPrintable(meta.value(QStringLiteral("timestamp")).toString()));
    QCOMPARE(server->creditsCharged(), 1);
    QCOMPARE(call("GET", QStringLiteral("/v2/accounts/") + id)
                 .data()
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("active"));
    QCOMPARE(act(QStringLiteral("messages"), QStringLiteral("list_inbox"), {}, id).status, 200);
}

void TestSandboxAccounts::checkpointApp()
{
    const Response login = call("POST", QStringLiteral("/v2/login"),
        R"({"platform":"linkedin","email":"app@example.com","password":"pw"})");
    const QString id = login.data().value(QStringLiteral("account_id")).toString();
    const Response ok = callJson(
        "POST", QStringLiteral("/v2/checkpoint"), { { QStringLiteral("account_id"), id } });
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.data().value(QStringLiteral("status")).toString(), QStringLiteral("connected"));
    QCOMPARE(ok.credits(), 1);
    // Logging in again with the same e-mail keeps the account id.
    const Response again = call("POST", QStringLiteral("/v2/login"),
        R"({"platform":"linkedin","email":"APP@example.com","password":"pw"})");
    QCOMPARE(again.data().value(QStringLiteral("account_id")).toString(), id);
}

void TestSandboxAccounts::checkpointErrors()
{
    const Response unknown = callJson("POST", QStringLiteral("/v2/checkpoint"),
        { { QStringLiteral("account_id"), QStringLiteral("nope") },
            { QStringLiteral("code"), QStringLiteral("123456") } });
    QCOMPARE(unknown.status, 404);
    verifyError(unknown, "INVALID_ACCOUNT");
    const Response noId = callJson("POST", QStringLiteral("/v2/checkpoint"),
        { { QStringLiteral("code"), QStringLiteral("123456") } });
    QCOMPARE(noId.status, 400);
    QVERIFY(errorMessage(noId).contains(QStringLiteral("account_id")));
    const Response notPending = callJson("POST", QStringLiteral("/v2/checkpoint"),
        { { QStringLiteral("account_id"), Seeds::primaryAccountId() } });
    QCOMPARE(notPending.status, 400);
    verifyError(notPending, "INVALID_PARAMS");
}

void TestSandboxAccounts::reloginRevivesInactiveAccount()
{
    const QString id = Seeds::inactiveAccountId();
    QCOMPARE(
        act(QStringLiteral("network"), QStringLiteral("list_connections"), {}, id).status, 403);
    const Response r = call("POST", QStringLiteral("/v2/login"),
        R"({"platform":"linkedin","email":"priya.nair@example.com","password":"pw"})");
    QCOMPARE(r.data().value(QStringLiteral("account_id")).toString(), id);
    QCOMPARE(r.credits(), 0);
    QCOMPARE(
        act(QStringLiteral("network"), QStringLiteral("list_connections"), {}, id).status, 200);
}

void TestSandboxAccounts::accountsPaging_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("items");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("offset");
    QTest::newRow("defaults") << "" << 200 << 4 << 50 << 0;
    QTest::newRow("limit 2") << "?limit=2" << 200 << 2 << 2 << 0;
    QTest::newRow("limit 2 offset 3") << "?limit=2&offset=3" << 200 << 1 << 2 << 3;
    QTest::newRow("offset past end") << "?offset=10" << 200 << 0 << 50 << 10;
    QTest::newRow("count alias") << "?count=1" << 200 << 1 << 1 << 0;
    QTest::newRow("limit 500") << "?limit=500" << 200 << 4 << 500 << 0;
    QTest::newRow("limit 0") << "?limit=0" << 400 << 0 << 0 << 0;
    QTest::newRow("limit 501") << "?limit=501" << 400 << 0 << 0 << 0;
    QTest::newRow("limit text") << "?limit=ten" << 400 << 0 << 0 << 0;
    QTest::newRow("negative offset") << "?offset=-1" << 400 << 0 << 0 << 0;
}

void TestSandboxAccounts::accountsPaging()
{
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(int, items);
    QFETCH(int, limit);
    QFETCH(int, offset);
    const Response r = call("GET", QStringLiteral("/v2/accounts") + query);
    QCOMPARE(r.status, status);
    if (status != 200) {
        verifyError(r, "INVALID_PARAMS");
        return;
    }
    const QJsonObject data = r.data();
    QCOMPARE(data.value(QStringLiteral("items")).toArray().size(), items);
    QCOMPARE(data.value(QStringLiteral("total")).toInt(), 4);
    QCOMPARE(data.value(QStringLiteral("limit")).toInt(), limit);
    QCOMPARE(data.value(QStringLiteral("offset")).toInt(), offset);
    QCOMPARE(r.credits(), 0);
}

void TestSandboxAccounts::accountDetails()
{
    const QJsonArray items = call("GET", QStringLiteral("/v2/accounts"))
                                 .data()
                                 .value(QStringLiteral("items"))
                                 .toArray();
    QStringList ids;
    for (const QJsonValue &v : items) {
        const QJsonObject a = v.toObject();
        ids << a.value(QStringLiteral("account_id")).toString();
        for (const char *key :
            { "platform", "account_name", "status", "country", "created_at", "updated_at" })
            QVERIFY2(a.value(QLatin1String(key)).isString(), key);
        QVERIFY(a.value(QStringLiteral("is_active")).isBool());
        QVERIFY(zuluTime().match(a.value(QStringLiteral("created_at")).toString()).hasMatch());
    }
    QCOMPARE(ids, Seeds::accountIds());
    const QJsonObject inactive
        = call("GET", QStringLiteral("/v2/accounts/") + Seeds::inactiveAccountId()).data();
    QCOMPARE(inactive.value(QStringLiteral("is_active")).toBool(true), false);
    QCOMPARE(inactive.value(QStringLiteral("status")).toString(), QStringLiteral("inactive"));
    QCOMPARE(inactive.value(QStringLiteral("connection_health"))
                 .toObject()
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("disconnected"));
    const QJsonArray logs = inactive.value(QStringLiteral("logs")).toArray();
    QVERIFY(!logs.isEmpty());
    QVERIFY(logs.first().toObject().contains(QStringLiteral("at")));
    QCOMPARE(
        logs.first().toObject().value(QStringLiteral("level")).toString(), QStringLiteral("error"));
    const Response unknown = call("GET", QStringLiteral("/v2/accounts/nope"));
    QCOMPARE(unknown.status, 404);
    verifyError(unknown, "INVALID_ACCOUNT");
}

void TestSandboxAccounts::manyAccounts()
{
    server->addSeededAccounts(1000);
    const Response page = call("GET", QStringLiteral("/v2/accounts?limit=500&offset=500"));
    QCOMPARE(page.data().value(QStringLiteral("total")).toInt(), 1004);
    const QJsonArray items = page.data().value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 500);
    const QString id = items.last().toObject().value(QStringLiteral("account_id")).toString();
    QCOMPARE(id.size(), 24);
    QCOMPARE(act(QStringLiteral("messages"), QStringLiteral("list_inbox"), {}, id).status, 200);
}

void TestSandboxAccounts::creditsEndpoint()
{
    server->setCreditBalance(42);
    const Response r = call("GET", QStringLiteral("/v2/credits"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.data().value(QStringLiteral("credits")).toInt(), 42);
    QCOMPARE(r.credits(), 0);
}

void TestSandboxAccounts::logsEndpoint()
{
    act(QStringLiteral("messages"), QStringLiteral("list_inbox"),
        { { QStringLiteral("count"), 20 } });
    act(QStringLiteral("messages"), QStringLiteral("send"), {});
    call("GET", QStringLiteral("/v2/accounts"));
    const Response r
        = call("GET", QStringLiteral("/v2/logs?account_id=") + Seeds::primaryAccountId());
    QCOMPARE(r.status, 200);
    const QJsonArray items = r.data().value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 2);
    const QJsonObject newest = items[0].toObject();
    QCOMPARE(newest.value(QStringLiteral("action")).toString(), QStringLiteral("send"));
    QCOMPARE(newest.value(QStringLiteral("status")).toString(), QStringLiteral("error"));
    QCOMPARE(newest.value(QStringLiteral("http_status")).toInt(), 400);
    QCOMPARE(items[1].toObject().value(QStringLiteral("credits_consumed")).toInt(), 2);
    const Response errors = call("GET", QStringLiteral("/v2/logs?status=error"));
    QCOMPARE(errors.data().value(QStringLiteral("total")).toInt(), 1);
    QCOMPARE(call("GET", QStringLiteral("/v2/logs?status=maybe")).status, 400);
    QCOMPARE(call("GET", QStringLiteral("/v2/logs?limit=1"))
                 .data()
                 .value(QStringLiteral("items"))
                 .toArray()
                 .size(),
        1);
}

QTEST_GUILESS_MAIN(TestSandboxAccounts)
#include "tst_sandboxaccounts.moc"
