// Tests the SandboxServer as a client would see it: plain QNetworkAccessManager requests over
// loopback, checked against the V2 contract's statuses and JSON shapes. No client code.
#include "sandbox/sandboxserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include "tst_sandboxhelpers.h"

using namespace ld::sandbox;

class TestSandboxServer : public SandboxTestBase
{
    Q_OBJECT

private slots:
    void init() { startServer(); }
    void cleanup() { stopServer(); }

    void authRefused_data();
    void authRefused();
    void envelopeShape();
    void unknownRoutes_data();
    void unknownRoutes();
    void badInput_data();
    void badInput();
    void errorCodes_data();
    void errorCodes();

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

    void faults_data();
    void faults();
    void faultFilters();
    void slowDoesNotBlock();
    void dropAfterSendAppliesEffect();
    void requestsAreRecorded();
};

void TestSandboxServer::authRefused_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("key");
    const QByteArray action
        = R"({"account_id":"69c127c37cae0494dd827286","action":"list_inbox","params":{}})";
    const struct
    {
        const char *method, *path;
        QByteArray body;
    } routes[] = {
        { "GET", "/v2/accounts", {} },
        { "GET", "/v2/accounts/69c127c37cae0494dd827286", {} },
        { "GET", "/v2/credits", {} },
        { "POST", "/v2/login", R"({"platform":"linkedin","login_token":"t","country":"FR"})" },
        { "POST", "/v2/checkpoint", R"({"account_id":"x","code":"123456"})" },
        { "POST", "/v2/messages", action },
        { "POST", "/v2/network", action },
        { "POST", "/v2/profiles", action },
        { "POST", "/v2/content", action },
        { "GET", "/v2/webhooks", {} },
        { "POST", "/v2/webhooks", R"({"account_id":"69c127c37cae0494dd827286"})" },
    };
    for (const auto &r : routes) {
        QTest::addRow("%s %s no key", r.method, r.path)
            << QByteArray(r.method) << QString::fromLatin1(r.path) << r.body << QByteArray();
        QTest::addRow("%s %s wrong key", r.method, r.path)
            << QByteArray(r.method) << QString::fromLatin1(r.path) << r.body << QByteArray("nope");
    }
}

void TestSandboxServer::authRefused()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, key);
    const qint64 before = server->creditBalance();
    const Response r = call(method, path, body, key.isEmpty() ? NoKey : key);
    QCOMPARE(r.status, 403);
    QVERIFY(r.contentType.startsWith("application/json"));
    verifyError(r, "INVALID_API_KEY");
    QCOMPARE(server->creditBalance(), before);
}

void TestSandboxServer::envelopeShape()
{
    const Response list = call("GET", QStringLiteral("/v2/accounts"));
    QCOMPARE(list.status, 200);
    QCOMPARE(list.json.value(QStringLiteral("success")).toBool(), true);
    QVERIFY(list.json.value(QStringLiteral("data")).isObject());
    QVERIFY(!list.json.contains(QStringLiteral("error")));
    const QJsonObject meta = list.json.value(QStringLiteral("metadata")).toObject();
    QCOMPARE(meta.value(QStringLiteral("action")).toString(), QStringLiteral("list_accounts"));
    QVERIFY(!meta.contains(QStringLiteral("account_id")));
    QCOMPARE(meta.value(QStringLiteral("credits_consumed")).toInt(-1), 0);
    QVERIFY(zuluTime().match(meta.value(QStringLiteral("timestamp")).toString()).hasMatch());

    const Response one = call("GET", QStringLiteral("/v2/accounts/") + Seeds::primaryAccountId());
    const QJsonObject meta1 = one.json.value(QStringLiteral("metadata")).toObject();
    QCOMPARE(meta1.value(QStringLiteral("action")).toString(), QStringLiteral("get_account"));
    QCOMPARE(meta1.value(QStringLiteral("account_id")).toString(), Seeds::primaryAccountId());

    const Response inbox = act(QStringLiteral("messages"), QStringLiteral("list_inbox"), {});
    QCOMPARE(inbox.status, 200);
    const QJsonObject meta2 = inbox.json.value(QStringLiteral("metadata")).toObject();
    QCOMPARE(meta2.value(QStringLiteral("action")).toString(), QStringLiteral("list_inbox"));
    QCOMPARE(meta2.value(QStringLiteral("account_id")).toString(), Seeds::primaryAccountId());
    QVERIFY(meta2.value(QStringLiteral("credits_consumed")).toInt() > 0);
}

void TestSandboxServer::unknownRoutes_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::newRow("unknown v2 path") << QByteArray("GET") << QStringLiteral("/v2/nothing") << 404;
    QTest::newRow("outside v2") << QByteArray("GET") << QStringLiteral("/v1/profile/me") << 404;
    QTest::newRow("wrong method") << QByteArray("GET") << QStringLiteral("/v2/messages") << 405;
    QTest::newRow("delete account")
        << QByteArray("DELETE") << QStringLiteral("/v2/accounts/x") << 405;
}

void TestSandboxServer::unknownRoutes()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    const Response r = call(method, path);
    QCOMPARE(r.status, status);
    QCOMPARE(r.json.value(QStringLiteral("success")).toBool(true), false);
}

void TestSandboxServer::badInput_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("messagePart");
    const QByteArray id = Seeds::primaryAccountId().toLatin1();
    QTest::newRow("not json") << QStringLiteral("/v2/messages") << QByteArray("{oops")
                              << QStringLiteral("JSON object");
    QTest::newRow("array body") << QStringLiteral("/v2/network") << QByteArray("[1,2]")
                                << QStringLiteral("JSON object");
    QTest::newRow("empty body") << QStringLiteral("/v2/profiles") << QByteArray()
                                << QStringLiteral("JSON object");
    QTest::newRow("action not string")
        << QStringLiteral("/v2/messages")
        << QByteArray(R"({"action":5,"account_id":")" + id + "\"}") << QStringLiteral("action");
    QTest::newRow("no account_id")
        << QStringLiteral("/v2/messages") << QByteArray(R"({"action":"list_inbox"})")
        << QStringLiteral("account_id");
    QTest::newRow("params not object")
        << QStringLiteral("/v2/messages")
        << QByteArray(R"({"action":"list_inbox","account_id":")" + id + R"(","params":"x"})")
        << QStringLiteral("params");
    QTest::newRow("login not json")
        << QStringLiteral("/v2/login") << QByteArray("platform=linkedin")
        << QStringLiteral("JSON object");
    QTest::newRow("login wrong types")
        << QStringLiteral("/v2/login") << QByteArray(R"({"platform":1,"login_token":["a"]})")
        << QStringLiteral("must be a string");
    QTest::newRow("checkpoint not json") << QStringLiteral("/v2/checkpoint")
                                         << QByteArray("\x01\x02") << QStringLiteral("JSON object");
    QTest::newRow("huge body") << QStringLiteral("/v2/messages") << QByteArray(33 * 1024 * 1024, 'x')
                               << QStringLiteral("too large");
}

void TestSandboxServer::badInput()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, messagePart);
    const Response r = call("POST", path, body);
    QCOMPARE(r.status, 400);
    verifyError(r, "INVALID_PARAMS");
    QVERIFY2(errorMessage(r).contains(messagePart), qPrintable(errorMessage(r)));
}

void TestSandboxServer::errorCodes_data()
{
    QTest::addColumn<QString>("category");
    QTest::addColumn<QString>("accountId");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<qint64>("balance");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("code");
    const QString ok = Seeds::primaryAccountId();
    QTest::newRow("INVALID_ACTION") << "messages" << ok << "fly" << QByteArray("{}") << 100LL << 400
                                    << QByteArray("INVALID_ACTION");
    QTest::newRow("INVALID_ACTION other category") << "network" << ok << "send" << QByteArray("{}")
                                                   << 100LL << 400 << QByteArray("INVALID_ACTION");
    QTest::newRow("INVALID_PARAMS") << "messages" << ok << "send" << QByteArray("{}") << 100LL
                                    << 400 << QByteArray("INVALID_PARAMS");
    QTest::newRow("INVALID_ACCOUNT")
        << "messages"
        << "000000000000000000000000"
        << "list_inbox" << QByteArray("{}") << 100LL << 404 << QByteArray("INVALID_ACCOUNT");
    QTest::newRow("ACCOUNT_INACTIVE")
        << "network" << Seeds::inactiveAccountId() << "list_connections" << QByteArray("{}")
        << 100LL << 403 << QByteArray("ACCOUNT_INACTIVE");
    QTest::newRow("INSUFFICIENT_CREDITS")
        << "network" << ok << "invite"
        << QByteArray(R"({"profile_url":"https://www.linkedin.com/in/new-person"})") << 0LL << 402
        << QByteArray("INSUFFICIENT_CREDITS");
    QTest::newRow("INSUFFICIENT_CREDITS list")
        << "messages" << ok << "list_inbox" << QByteArray(R"({"count":20})") << 1LL << 402
        << QByteArray("INSUFFICIENT_CREDITS");
}

void TestSandboxServer::errorCodes()
{
    QFETCH(QString, category);
    QFETCH(QString, accountId);
    QFETCH(QString, action);
    QFETCH(QByteArray, params);
    QFETCH(qint64, balance);
    QFETCH(int, status);
    QFETCH(QByteArray, code);
    server->setCreditBalance(balance);
    const Response r = act(category, action, QJsonDocument::fromJson(params).object(), accountId);
    QCOMPARE(r.status, status);
    verifyError(r, code);
    QCOMPARE(r.json.value(QStringLiteral("metadata"))
                 .toObject()
                 .value(QStringLiteral("action"))
                 .toString(),
        action);
    QCOMPARE(server->creditBalance(), balance);
    QCOMPARE(server->creditsCharged(), 0);
}

void TestSandboxServer::login_data()
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

void TestSandboxServer::login()
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

void TestSandboxServer::loginReimportIsFreeAndStable()
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

void TestSandboxServer::loginNewAccountsAreListed()
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

void TestSandboxServer::checkpointCode()
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

void TestSandboxServer::checkpointApp()
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

void TestSandboxServer::checkpointErrors()
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

void TestSandboxServer::reloginRevivesInactiveAccount()
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

void TestSandboxServer::accountsPaging_data()
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

void TestSandboxServer::accountsPaging()
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

void TestSandboxServer::accountDetails()
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

void TestSandboxServer::manyAccounts()
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

void TestSandboxServer::creditsEndpoint()
{
    server->setCreditBalance(42);
    const Response r = call("GET", QStringLiteral("/v2/credits"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.data().value(QStringLiteral("credits")).toInt(), 42);
    QCOMPARE(r.credits(), 0);
}

void TestSandboxServer::logsEndpoint()
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

void TestSandboxServer::faults_data()
{
    using F = SandboxServer::Fault;
    QTest::addColumn<int>("fault");
    QTest::addColumn<int>("param");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("code"); // error.code, or empty
    QTest::addColumn<QString>(
        "shape"); // "json", "html", "empty", "malformed", "string-data", "dropped"
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<bool>("effect"); // the request was handled (credits charged)
    QTest::newRow("RateLimited") << int(F::RateLimited) << 0 << 429 << QByteArray("RATE_LIMITED")
                                 << "json" << QByteArray() << false;
    QTest::newRow("RateLimitedRetryAfter default")
        << int(F::RateLimitedRetryAfter) << 0 << 429 << QByteArray("RATE_LIMITED") << "json"
        << QByteArray("1") << false;
    QTest::newRow("RateLimitedRetryAfter 7")
        << int(F::RateLimitedRetryAfter) << 7 << 429 << QByteArray("RATE_LIMITED") << "json"
        << QByteArray("7") << false;
    QTest::newRow("InternalError")
        << int(F::InternalError) << 0 << 500 << QByteArray("INTERNAL_ERROR") << "json"
        << QByteArray() << false;
    QTest::newRow("HtmlBody") << int(F::HtmlBody) << 0 << 502 << QByteArray() << "html"
                              << QByteArray() << false;
    QTest::newRow("SuccessFalse") << int(F::SuccessFalse) << 0 << 200 << QByteArray("CHANNEL_ERROR")
                                  << "json" << QByteArray() << false;
    QTest::newRow("MalformedJson")
        << int(F::MalformedJson) << 0 << 200 << QByteArray() << "malformed" << QByteArray() << true;
    QTest::newRow("EmptyBody") << int(F::EmptyBody) << 0 << 200 << QByteArray() << "empty"
                               << QByteArray() << true;
    QTest::newRow("WrongType") << int(F::WrongType) << 0 << 200 << QByteArray() << "string-data"
                               << QByteArray() << true;
    QTest::newRow("Slow") << int(F::Slow) << 50 << 200 << QByteArray() << "json" << QByteArray()
                          << true;
    QTest::newRow("DropAfterSend")
        << int(F::DropAfterSend) << 0 << -1 << QByteArray() << "dropped" << QByteArray() << true;
}

void TestSandboxServer::faults()
{
    QFETCH(int, fault);
    QFETCH(int, param);
    QFETCH(int, status);
    QFETCH(QByteArray, code);
    QFETCH(QString, shape);
    QFETCH(QByteArray, retryAfter);
    QFETCH(bool, effect);
    server->injectFault(SandboxServer::Fault(fault), 1, QStringLiteral("/v2/messages"), {}, param);
    const QJsonObject params { { QStringLiteral("count"), 10 } };
    const Response r = act(QStringLiteral("messages"), QStringLiteral("list_inbox"), params);
    QVERIFY(r.finished);
    if (status >= 0) // a dropped answer may show the status line that preceded the cut
        QCOMPARE(r.status, status);
    QCOMPARE(r.retryAfter, retryAfter);
    if (!code.isEmpty())
        verifyError(r, code);
    if (shape == QLatin1String("html")) {
        QVERIFY(r.contentType.startsWith("text/html"));
        QVERIFY(r.body.contains("<html>"));
    } else if (shape == QLatin1String("empty")) {
        QVERIFY(r.body.isEmpty());
    } else if (shape == QLatin1String("malformed")) {
        QVERIFY(!r.body.isEmpty());
        QJsonParseError e {};
        QJsonDocument::fromJson(r.body, &e);
        QVERIFY(e.error != QJsonParseError::NoError);
    } else if (shape == QLatin1String("string-data")) {
        QVERIFY(r.json.value(QStringLiteral("data")).isString());
        QCOMPARE(r.json.value(QStringLiteral("success")).toBool(), true);
    } else if (shape == QLatin1String("dropped")) {
        QCOMPARE(r.error, QNetworkReply::RemoteHostClosedError);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(server->requestCount(QStringLiteral("/v2/messages")), 1); // not re-sent
    } else if (code.isEmpty()) {
        QCOMPARE(r.json.value(QStringLiteral("success")).toBool(), true);
    }
    QCOMPARE(server->creditsCharged(), effect ? 1 : 0);
    // Each fault is used once: the next identical request is answered normally.
    const Response next = act(QStringLiteral("messages"), QStringLiteral("list_inbox"), params);
    QCOMPARE(next.status, 200);
    QCOMPARE(next.json.value(QStringLiteral("success")).toBool(), true);
}

void TestSandboxServer::faultFilters()
{
    using F = SandboxServer::Fault;
    server->injectFault(
        F::InternalError, 2, QStringLiteral("/v2/network"), QStringLiteral("invite"));
    QCOMPARE(call("GET", QStringLiteral("/v2/accounts")).status, 200); // other path
    QCOMPARE(act(QStringLiteral("network"), QStringLiteral("list_sent"), {}).status,
        200); // other action
    const QJsonObject p { { QStringLiteral("profile_url"),
        QStringLiteral("https://www.linkedin.com/in/filter-test") } };
    QCOMPARE(act(QStringLiteral("network"), QStringLiteral("invite"), p).status, 500);
    QCOMPARE(act(QStringLiteral("network"), QStringLiteral("invite"), p).status, 500);
    QCOMPARE(act(QStringLiteral("network"), QStringLiteral("invite"), p).status, 200);
    server->injectFault(F::RateLimited, 5);
    server->clearFaults();
    QCOMPARE(call("GET", QStringLiteral("/v2/credits")).status, 200);
}

void TestSandboxServer::slowDoesNotBlock()
{
    server->injectFault(SandboxServer::Fault::Slow, 1, QStringLiteral("/v2/accounts"), {}, 60000);
    QNetworkReply *slow = nam->get(request(QStringLiteral("/v2/accounts")));
    QTRY_COMPARE(server->requestCount(QStringLiteral("/v2/accounts")), 1);
    // The event loop keeps serving other requests while the slow one waits.
    const Response quick = call("GET", QStringLiteral("/v2/credits"));
    QCOMPARE(quick.status, 200);
    QVERIFY(!slow->isFinished());
    slow->abort();
    delete slow;
}

void TestSandboxServer::dropAfterSendAppliesEffect()
{
    server->injectFault(SandboxServer::Fault::DropAfterSend, 1, QStringLiteral("/v2/login"));
    const QByteArray body
        = R"({"platform":"linkedin","login_token":"dropped-token","country":"FR"})";
    const Response dropped = call("POST", QStringLiteral("/v2/login"), body);
    QVERIFY(dropped.finished);
    QCOMPARE(dropped.error, QNetworkReply::RemoteHostClosedError);
    QVERIFY(dropped.json.isEmpty());
    // The account was created and billed although no answer came back.
    QCOMPARE(
        call("GET", QStringLiteral("/v2/accounts")).data().value(QStringLiteral("total")).toInt(),
        5);
    QCOMPARE(server->creditsCharged(), 1);
    QCOMPARE(server->requestCount(QStringLiteral("/v2/login")), 1);
    const Response again = call("POST", QStringLiteral("/v2/login"), body);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.credits(), 0);
}

void TestSandboxServer::requestsAreRecorded()
{
    server->clearRequests();
    call("GET", QStringLiteral("/v2/accounts?limit=2"));
    act(QStringLiteral("messages"), QStringLiteral("list_inbox"), {});
    call("GET", QStringLiteral("/v2/credits"), {}, NoKey);
    const QList<RecordedRequest> log = server->requests();
    QCOMPARE(log.size(), 3);
    QCOMPARE(log[0].method, QByteArray("GET"));
    QCOMPARE(log[0].path, QStringLiteral("/v2/accounts"));
    QCOMPARE(log[0].query, QStringLiteral("limit=2"));
    QCOMPARE(log[0].status, 200);
    QCOMPARE(log[1].method, QByteArray("POST"));
    QCOMPARE(log[1].action, QStringLiteral("list_inbox"));
    QVERIFY(log[1].body.contains("list_inbox"));
    QCOMPARE(log[2].status, 403);
    QCOMPARE(server->requestCount(QStringLiteral("/v2/messages"), QStringLiteral("list_inbox")), 1);
    QCOMPARE(server->requestCount(QStringLiteral("/v2/messages"), QStringLiteral("send")), 0);
    QCOMPARE(server->requestCount(), 3);
}

QTEST_GUILESS_MAIN(TestSandboxServer)
#include "tst_sandboxserver.moc"
