// Tests the SandboxServer as a client would see it: plain QNetworkAccessManager requests over
// loopback, checked against the V2 contract's statuses and JSON shapes. No client code. This
// file covers what every route shares (the key, the envelope, bad input, error codes) and the
// injected faults; tst_sandboxaccounts covers login, checkpoints and the account routes.
#include "sandbox/sandboxserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QTest>

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
