// Hosted and custom webhooks of the sandbox, its SSE stream and the events endpoint (§9).
#include "sandbox/sandboxserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QTest>

#include "tst_sandboxhelpers.h"

using namespace ld::sandbox;

namespace {

// A minimal event-stream reader for the tests (the client has its own parser under test).
struct SseClient
{
    QNetworkReply *reply = nullptr;
    QByteArray buffer;
    QList<QPair<QByteArray, QByteArray>> frames; // (event, data)
    int comments = 0;

    void feed()
    {
        buffer += reply->readAll();
        qsizetype end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
            const QByteArray block = buffer.left(end);
            buffer.remove(0, end + 2);
            QByteArray event, data;
            for (const QByteArray &line : block.split('\n')) {
                if (line.startsWith(':'))
                    ++comments;
                else if (line.startsWith("event: "))
                    event = line.mid(7);
                else if (line.startsWith("data: "))
                    data += line.mid(6);
            }
            if (!event.isEmpty() || !data.isEmpty())
                frames.append({ event, data });
        }
    }
    QJsonObject json(int i) const
    {
        return QJsonDocument::fromJson(frames.value(i).second).object();
    }
};

} // namespace

class TestSandboxWebhooks : public SandboxTestBase
{
    Q_OBJECT

    QString createHosted(
        const QJsonArray &events = {}, const QString &account = Seeds::primaryAccountId())
    {
        QJsonObject body { { QStringLiteral("account_id"), account } };
        if (!events.isEmpty())
            body.insert(QStringLiteral("events"), events);
        const Response r = callJson("POST", QStringLiteral("/v2/webhooks"), body);
        return r.data().value(QStringLiteral("webhook_id")).toString();
    }

    std::unique_ptr<SseClient> openStream(const QString &webhookId, const QString &key)
    {
        auto client = std::make_unique<SseClient>();
        QNetworkRequest req(server->baseUrl().resolved(
            QUrl(QStringLiteral("/v2/webhooks/%1/stream?api_key=%2").arg(webhookId, key))));
        req.setRawHeader("Accept", "text/event-stream");
        client->reply = nam->get(req);
        SseClient *c = client.get();
        QObject::connect(c->reply, &QNetworkReply::readyRead, c->reply, [c] { c->feed(); });
        return client;
    }

    QJsonArray poll(const QString &webhookId, const QString &query = {})
    {
        const Response r
            = call("GET", QStringLiteral("/v2/webhooks/%1/events%2").arg(webhookId, query));
        return r.data().value(QStringLiteral("items")).toArray();
    }
    // The type of one polled item: {"event": {"event": {"type": ...}}}.
    static QString eventType(const QJsonValue &item)
    {
        return item.toObject()
            .value(QStringLiteral("event"))
            .toObject()
            .value(QStringLiteral("event"))
            .toObject()
            .value(QStringLiteral("type"))
            .toString();
    }

private slots:
    void init() { startServer(); }
    void cleanup() { stopServer(); }

    void createHosted_test();
    void createValidation_data();
    void createValidation();
    void customWebhookAndSecret();
    void listGetUpdateDelete();
    void startStop();
    void streamDeliversEvents();
    void streamAuth_data();
    void streamAuth();
    void eventFiltersAndEffects();
    void eventsPolling();
    void dropStreams();
    void keepAlive();
    void stallStreams();
    void deleteClosesStream();
    void streamFaults();
    void demoActivity();
};

void TestSandboxWebhooks::createHosted_test()
{
    const Response r = callJson("POST", QStringLiteral("/v2/webhooks"),
        { { QStringLiteral("account_id"), Seeds::primaryAccountId() } });
    QCOMPARE(r.status, 200);
    const QJsonObject d = r.data();
    const QString id = d.value(QStringLiteral("webhook_id")).toString();
    QCOMPARE(id.size(), 24);
    const QString base = server->baseUrl().toString() + QStringLiteral("/v2/webhooks/") + id;
    QCOMPARE(d.value(QStringLiteral("stream_url")).toString(), base + QStringLiteral("/stream"));
    QCOMPARE(d.value(QStringLiteral("events_url")).toString(), base + QStringLiteral("/events"));
    QCOMPARE(d.value(QStringLiteral("monitoring")).toBool(), true);
    QCOMPARE(d.value(QStringLiteral("is_active")).toBool(), true);
    QCOMPARE(d.value(QStringLiteral("mode")).toString(), QStringLiteral("hosted"));
    QCOMPARE(d.value(QStringLiteral("events")).toArray(), QJsonArray { QStringLiteral("all") });
    QVERIFY(!d.contains(QStringLiteral("secret")));
    const QJsonObject meta = r.json.value(QStringLiteral("metadata")).toObject();
    QCOMPARE(meta.value(QStringLiteral("action")).toString(), QStringLiteral("create_webhook"));
    QVERIFY(!meta.contains(QStringLiteral("account_id")));
    QCOMPARE(r.credits(), 0);
    QCOMPARE(server->creditsCharged(), 0);
}

void TestSandboxWebhooks::createValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("code");
    const QByteArray id = Seeds::primaryAccountId().toLatin1();
    QTest::newRow("no account") << QByteArray("{}") << 400 << QByteArray("INVALID_PARAMS");
    QTest::newRow("not json") << QByteArray("nope") << 400 << QByteArray("INVALID_PARAMS");
    QTest::newRow("http url") << QByteArray(
        R"({"account_id":")" + id + R"(","url":"http://example.com/hook"})")
                              << 400 << QByteArray("INVALID_PARAMS");
    QTest::newRow("bad event") << QByteArray(
        R"({"account_id":")" + id + R"(","events":["message"]})")
                               << 400 << QByteArray("INVALID_PARAMS");
    QTest::newRow("events not array")
        << QByteArray(R"({"account_id":")" + id + R"(","events":"all"})") << 400
        << QByteArray("INVALID_PARAMS");
    QTest::newRow("signature on hosted")
        << QByteArray(R"({"account_id":")" + id + R"(","enable_signature":true})") << 400
        << QByteArray("INVALID_PARAMS");
    QTest::newRow("unknown account")
        << QByteArray(R"({"account_id":"nope"})") << 404 << QByteArray("INVALID_ACCOUNT");
    QTest::newRow("inactive account")
        << QByteArray(R"({"account_id":")" + Seeds::inactiveAccountId().toLatin1() + "\"}") << 403
        << QByteArray("ACCOUNT_INACTIVE");
}

void TestSandboxWebhooks::createValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QByteArray, code);
    const Response r = call("POST", QStringLiteral("/v2/webhooks"), body);
    QCOMPARE(r.status, status);
    verifyError(r, code);
}

void TestSandboxWebhooks::customWebhookAndSecret()
{
    const Response r = call("POST", QStringLiteral("/v2/webhooks"),
        R"({"account_id":"69c127c37cae0494dd827286","url":"https://hooks.example.com/in","enable_signature":true,"events":["message_received"]})");
    QCOMPARE(r.status, 200);
    const QString id = r.data().value(QStringLiteral("webhook_id")).toString();
    const QString secret = r.data().value(QStringLiteral("secret")).toString();
    QVERIFY(!secret.isEmpty());
    QVERIFY(!r.data().contains(QStringLiteral("stream_url")));
    const QJsonObject got = call("GET", QStringLiteral("/v2/webhooks/") + id).data();
    QCOMPARE(got.value(QStringLiteral("signature_enabled")).toBool(), true);
    QCOMPARE(got.value(QStringLiteral("url")).toString(),
        QStringLiteral("https://hooks.example.com/in"));
    QVERIFY(!got.contains(QStringLiteral("secret")));

    const Response rotated = call("POST", QStringLiteral("/v2/webhooks/%1/rotate-secret").arg(id));
    QCOMPARE(rotated.status, 200);
    QVERIFY(!rotated.data().value(QStringLiteral("secret")).toString().isEmpty());
    QVERIFY(rotated.data().value(QStringLiteral("secret")).toString() != secret);
    QVERIFY(rotated.data()
                .value(QStringLiteral("signature_scheme"))
                .toString()
                .contains(QStringLiteral("HMAC-SHA256")));
    QCOMPARE(call("DELETE", QStringLiteral("/v2/webhooks/%1/secret").arg(id)).status, 200);
    QCOMPARE(call("GET", QStringLiteral("/v2/webhooks/") + id)
                 .data()
                 .value(QStringLiteral("signature_enabled"))
                 .toBool(true),
        false);

    // Hosted-only and custom-only operations refuse the other mode.
    QCOMPARE(call("GET", QStringLiteral("/v2/webhooks/%1/events").arg(id)).status, 400);
    auto stream = openStream(id, server->apiKey());
    QTRY_VERIFY(stream->reply->isFinished());
    QCOMPARE(stream->reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
    const QString hosted = createHosted();
    const Response refused
        = call("POST", QStringLiteral("/v2/webhooks/%1/rotate-secret").arg(hosted));
    QCOMPARE(refused.status, 400);
    verifyError(refused, "INVALID_PARAMS");
}

void TestSandboxWebhooks::listGetUpdateDelete()
{
    const QString a = createHosted();
    const QString b = createHosted(
        { QStringLiteral("accepted_invitation") }, QStringLiteral("69c127c37cae0494dd827287"));
    const Response list = call("GET", QStringLiteral("/v2/webhooks"));
    QCOMPARE(list.status, 200);
    QCOMPARE(list.json.value(QStringLiteral("metadata"))
                 .toObject()
                 .value(QStringLiteral("action"))
                 .toString(),
        QStringLiteral("list_webhooks"));
    const QJsonArray items = list.data().value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 2);
    for (const QJsonValue &v : items) {
        const QJsonObject w = v.toObject();
        for (const char *key : { "webhook_id", "account_id", "events", "is_active", "monitoring",
                 "signature_enabled", "created_at", "updated_at" })
            QVERIFY2(w.contains(QLatin1String(key)), key);
    }
    QCOMPARE(call("GET", QStringLiteral("/v2/webhooks?account_id=69c127c37cae0494dd827287"))
                 .data()
                 .value(QStringLiteral("total"))
                 .toInt(),
        1);

    const Response put = call("PUT", QStringLiteral("/v2/webhooks/") + a,
        R"({"events":["message_received","accepted_invitation"],"is_active":false})");
    QCOMPARE(put.status, 200);
    QCOMPARE(put.data().value(QStringLiteral("updated")).toBool(), true);
    QCOMPARE(put.data().value(QStringLiteral("webhook_id")).toString(), a);
    QCOMPARE(put.json.value(QStringLiteral("metadata"))
                 .toObject()
                 .value(QStringLiteral("action"))
                 .toString(),
        QStringLiteral("update_webhook"));
    const QJsonObject got = call("GET", QStringLiteral("/v2/webhooks/") + a).data();
    QCOMPARE(got.value(QStringLiteral("is_active")).toBool(true), false);
    QCOMPARE(got.value(QStringLiteral("monitoring")).toBool(),
        true); // is_active does not stop monitoring
    QCOMPARE(got.value(QStringLiteral("events")).toArray().size(), 2);
    const QByteArray ftp = R"({"url":"ftp://x"})";
    QCOMPARE(call("PUT", QStringLiteral("/v2/webhooks/") + a, ftp).status, 400);

    const Response del = call("DELETE", QStringLiteral("/v2/webhooks/") + b);
    QCOMPARE(del.status, 200);
    QCOMPARE(del.data().value(QStringLiteral("deleted")).toBool(), true);
    const Response gone = call("GET", QStringLiteral("/v2/webhooks/") + b);
    QCOMPARE(gone.status, 404);
    verifyError(gone, "WEBHOOK_NOT_FOUND");
    QCOMPARE(
        call("POST", QStringLiteral("/v2/webhooks/") + a + QStringLiteral("/nothing")).status, 404);
    QCOMPARE(call("PATCH", QStringLiteral("/v2/webhooks/") + a).status, 405);
}

void TestSandboxWebhooks::startStop()
{
    const QString id = createHosted();
    const Response stop = call("POST", QStringLiteral("/v2/webhooks/%1/stop").arg(id));
    QCOMPARE(stop.status, 200);
    QCOMPARE(stop.data().value(QStringLiteral("monitoring")).toBool(true), false);
    QCOMPARE(stop.data().value(QStringLiteral("account_id")).toString(), Seeds::primaryAccountId());
    QCOMPARE(stop.json.value(QStringLiteral("metadata"))
                 .toObject()
                 .value(QStringLiteral("action"))
                 .toString(),
        QStringLiteral("stop_webhook"));
    server->emitEvent(Seeds::primaryAccountId(), QStringLiteral("message"),
        R"({"sender_name":"A B","message_text":"x"})");
    QCOMPARE(poll(id).size(), 0); // not monitored, nothing recorded
    const Response start = call("POST", QStringLiteral("/v2/webhooks/%1/start").arg(id));
    QCOMPARE(start.data().value(QStringLiteral("monitoring")).toBool(), true);
    QCOMPARE(start.json.value(QStringLiteral("metadata"))
                 .toObject()
                 .value(QStringLiteral("action"))
                 .toString(),
        QStringLiteral("start_webhook"));
    QCOMPARE(start.credits(), 0);
    server->setCreditBalance(0);
    QCOMPARE(call("POST", QStringLiteral("/v2/webhooks/%1/start").arg(id)).status, 402);
    server->setCreditBalance(10);
    server->emitEvent(Seeds::primaryAccountId(), QStringLiteral("disconnection"), {});
    const Response inactive = call("POST", QStringLiteral("/v2/webhooks/%1/start").arg(id));
    QCOMPARE(inactive.status, 403);
    verifyError(inactive, "ACCOUNT_INACTIVE");
    QCOMPARE(call("POST", QStringLiteral("/v2/webhooks/nope/start")).status, 404);
}

void TestSandboxWebhooks::streamDeliversEvents()
{
    const QString id = createHosted();
    auto stream = openStream(id, server->apiKey());
    QTRY_COMPARE(stream->frames.size(), 1);
    QCOMPARE(stream->reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(stream->reply->header(QNetworkRequest::ContentTypeHeader)
                .toString()
                .startsWith(QStringLiteral("text/event-stream")));
    QCOMPARE(stream->frames[0].first, QByteArray("connected"));
    QCOMPARE(stream->json(0).value(QStringLiteral("webhook_id")).toString(), id);
    QCOMPARE(
        stream->json(0).value(QStringLiteral("account_id")).toString(), Seeds::primaryAccountId());
    QCOMPARE(server->openStreamCount(), 1);

    const QString before = QDateTime::currentDateTimeUtc().addSecs(-1).toString(Qt::ISODate);
    server->emitEvent(Seeds::primaryAccountId(), QStringLiteral("message"),
        R"({"sender_name":"John Doe","message_text":"Hello!","sender_profile":"https://www.linkedin.com/in/johndoe"})");
    QTRY_COMPARE(stream->frames.size(), 2);
    QCOMPARE(stream->frames[1].first, QByteArray("webhook"));
    const QJsonObject frame = stream->json(1);
    QCOMPARE(frame.value(QStringLiteral("account_id")).toString(), Seeds::primaryAccountId());
    QCOMPARE(
        frame.value(QStringLiteral("account_name")).toString(), QStringLiteral("Camille Laurent"));
    QVERIFY(zuluTime().match(frame.value(QStringLiteral("timestamp")).toString()).hasMatch());
    const QJsonObject event = frame.value(QStringLiteral("event")).toObject();
    QCOMPARE(event.value(QStringLiteral("type")).toString(), QStringLiteral("message"));
    QCOMPARE(event.value(QStringLiteral("message_text")).toString(), QStringLiteral("Hello!"));
    QCOMPARE(event.value(QStringLiteral("sender_name")).toString(), QStringLiteral("John Doe"));
    QVERIFY(event.contains(QStringLiteral("timestamp")));
    QVERIFY(!stream->reply->isFinished());

    const Response polled
        = call("GET", QStringLiteral("/v2/webhooks/%1/events?since=%2").arg(id, before));
    QCOMPARE(polled.status, 200);
    const QJsonObject meta = polled.json.value(QStringLiteral("metadata")).toObject();
    QCOMPARE(
        meta.value(QStringLiteral("action")).toString(), QStringLiteral("poll_webhook_events"));
    QVERIFY(microTime().match(meta.value(QStringLiteral("timestamp")).toString()).hasMatch());
    const QJsonArray items = polled.data().value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 1);
    const QJsonObject item = items[0].toObject();
    QCOMPARE(item.value(QStringLiteral("event")).toObject(), frame);
    QCOMPARE(item.value(QStringLiteral("event_id")).toString().size(), 24);
    const QRegularExpression millis(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$)"));
    QVERIFY(millis.match(item.value(QStringLiteral("created_at")).toString()).hasMatch());

    // The message landed in the inbox, unread, on top.
    const QJsonObject top = act(QStringLiteral("messages"), QStringLiteral("list_inbox"),
        { { QStringLiteral("count"), 1 } })
                                .data()
                                .value(QStringLiteral("conversations"))
                                .toArray()
                                .first()
                                .toObject();
    QCOMPARE(top.value(QStringLiteral("last_message"))
                 .toObject()
                 .value(QStringLiteral("text"))
                 .toString(),
        QStringLiteral("Hello!"));
    QCOMPARE(top.value(QStringLiteral("unread")).toInt(), 1);

    stream->reply->abort();
    QTRY_COMPARE(server->openStreamCount(), 0);
    delete stream->reply;
}

void TestSandboxWebhooks::streamAuth_data()
{
    QTest::addColumn<QString>("webhook");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("code");
    QTest::newRow("no key") << ""
                            << "" << 403 << QByteArray("INVALID_API_KEY");
    QTest::newRow("wrong key") << ""
                               << "nope" << 403 << QByteArray("INVALID_API_KEY");
    QTest::newRow("unknown webhook")
        << "000000000000000000000000"
        << "sandbox-key-0001" << 404 << QByteArray("WEBHOOK_NOT_FOUND");
}

void TestSandboxWebhooks::streamAuth()
{
    QFETCH(QString, webhook);
    QFETCH(QString, key);
    QFETCH(int, status);
    QFETCH(QByteArray, code);
    const QString id = webhook.isEmpty() ? createHosted() : webhook;
    // The header alone does not authenticate the stream: only the api_key query does.
    QNetworkRequest req = request(QStringLiteral("/v2/webhooks/%1/stream?api_key=%2").arg(id, key));
    const Response r = collect(nam->get(req));
    QCOMPARE(r.status, status);
    verifyError(r, code);
    QCOMPARE(server->openStreamCount(), 0);
}

void TestSandboxWebhooks::eventFiltersAndEffects()
{
    const QString messages = createHosted({ QStringLiteral("message_received") });
    const QString accepted = createHosted({ QStringLiteral("accepted_invitation") });
    const QString other = createHosted({}, QStringLiteral("69c127c37cae0494dd827287"));
    // An invitation we sent, then accepted by the other side.
    const QJsonObject target { { QStringLiteral("profile_url"),
        QStringLiteral("https://www.linkedin.com/in/ada-lovelace-1815") } };
    QCOMPARE(act(QStringLiteral("network"), QStringLiteral("invite"), target).status, 200);
    server->emitEvent(Seeds::primaryAccountId(), QStringLiteral("message"),
        R"({"data":{"sender_profile_url":"https://www.linkedin.com/in/ada-lovelace-1815","message_text":"Hi"}})");
    server->emitEvent(Seeds::primaryAccountId(), QStringLiteral("accepted_invitation"),
        R"({"data":{"profile_url":"https://www.linkedin.com/in/ada-lovelace-1815","first_name":"Ada","last_name":"Lovelace"}})");
    server->emitEvent(Seeds::primaryAccountId(), QStringLiteral("disconnection"), {});
    server->emitEvent(
        QStringLiteral("unknown-account"), QStringLiteral("message"), "{}"); // ignored

    const QJsonArray m = poll(messages);
    QCOMPARE(m.size(), 2);
    QCOMPARE(eventType(m[0]), QStringLiteral("message"));
    QCOMPARE(eventType(m[1]), QStringLiteral("disconnection"));
    const QJsonArray a = poll(accepted);
    QCOMPARE(a.size(), 2);
    QCOMPARE(eventType(a[0]), QStringLiteral("accepted_invitation"));
    QCOMPARE(poll(other).size(), 0);

    // Effects: the disconnection deactivated the account; re-login, then the invitation shows
    // accepted.
    QCOMPARE(
        act(QStringLiteral("network"), QStringLiteral("check_invitation"), target).status, 403);
    call("POST", QStringLiteral("/v2/login"),
        R"({"platform":"linkedin","email":"camille.laurent@example.com","password":"pw"})");
    const Response check
        = act(QStringLiteral("network"), QStringLiteral("check_invitation"), target);
    QCOMPARE(check.data().value(QStringLiteral("invitation_state")).toString(),
        QStringLiteral("ACCEPTED"));
}

void TestSandboxWebhooks::eventsPolling()
{
    const QString id = createHosted();
    for (int i = 0; i < 3; ++i)
        server->emitEvent(Seeds::primaryAccountId(), QStringLiteral("message"),
            QStringLiteral(R"({"sender_name":"Poll Test","message_text":"n%1"})").arg(i).toUtf8());
    const QJsonArray all = poll(id);
    QCOMPARE(all.size(), 3);
    const auto text = [](const QJsonValue &v) {
        return v.toObject()
            .value(QStringLiteral("event"))
            .toObject()
            .value(QStringLiteral("event"))
            .toObject()
            .value(QStringLiteral("message_text"))
            .toString();
    };
    QCOMPARE(text(all[0]), QStringLiteral("n0")); // ascending
    QCOMPARE(text(all[2]), QStringLiteral("n2"));
    QVERIFY(all[0].toObject().value(QStringLiteral("created_at")).toString()
        < all[1].toObject().value(QStringLiteral("created_at")).toString());
    const QJsonArray two = poll(id, QStringLiteral("?limit=2"));
    QCOMPARE(two.size(), 2);
    QCOMPARE(text(two[1]), QStringLiteral("n1"));
    const QJsonArray rest = poll(id,
        QStringLiteral("?since=")
            + two[1].toObject().value(QStringLiteral("created_at")).toString());
    QCOMPARE(rest.size(), 1);
    QCOMPARE(text(rest[0]), QStringLiteral("n2"));
    QCOMPARE(poll(id, QStringLiteral("?since=2999-01-01T00:00:00Z")).size(), 0);
    for (const char *bad : { "?limit=0", "?limit=201", "?limit=x", "?since=yesterday" }) {
        const Response r
            = call("GET", QStringLiteral("/v2/webhooks/%1/events%2").arg(id, QLatin1String(bad)));
        QCOMPARE(r.status, 400);
        verifyError(r, "INVALID_PARAMS");
    }
}

void TestSandboxWebhooks::dropStreams()
{
    const QString id = createHosted();
    auto s1 = openStream(id, server->apiKey());
    auto s2 = openStream(id, server->apiKey());
    QTRY_COMPARE(server->openStreamCount(), 2);
    server->injectFault(SandboxServer::Fault::DropStreams, 0);
    QTRY_VERIFY(s1->reply->isFinished());
    QTRY_VERIFY(s2->reply->isFinished());
    QCOMPARE(server->openStreamCount(), 0);

    // With a count, the next stream is dropped too, and the one after that stays.
    server->injectFault(SandboxServer::Fault::DropStreams, 1);
    auto s3 = openStream(id, server->apiKey());
    QTRY_VERIFY(s3->reply->isFinished());
    QVERIFY(s3->frames.isEmpty());
    auto s4 = openStream(id, server->apiKey());
    QTRY_COMPARE(s4->frames.size(), 1);
    QCOMPARE(server->openStreamCount(), 1);
    for (auto *s : { s1.get(), s2.get(), s3.get(), s4.get() })
        delete s->reply;
}

void TestSandboxWebhooks::keepAlive()
{
    server->setKeepAliveInterval(20);
    auto s = openStream(createHosted(), server->apiKey());
    QTRY_COMPARE(s->frames.size(), 1);
    const int before = s->comments;
    QTRY_VERIFY(s->comments >= before + 2);
    QVERIFY(!s->reply->isFinished());
    delete s->reply;
}

void TestSandboxWebhooks::stallStreams()
{
    const QString id = createHosted();
    auto stalled = openStream(id, server->apiKey());
    QTRY_COMPARE(stalled->frames.size(), 1);
    server->stallStreams(QStringLiteral("/v2/webhooks/%1/stream").arg(id));
    // A stream opened afterwards is not stalled: it gets the next event, the stalled one does
    // not, though it stays open; the event is stored for polling all the same.
    auto fresh = openStream(id, server->apiKey());
    QTRY_COMPARE(fresh->frames.size(), 1);
    QCOMPARE(server->openStreamCount(), 2);
    server->emitEvent(Seeds::primaryAccountId(), QStringLiteral("message"),
        R"({"sender_name":"Jo","message_text":"after the stall"})");
    QTRY_COMPARE(fresh->frames.size(), 2);
    QCOMPARE(stalled->frames.size(), 1);
    QVERIFY(!stalled->reply->isFinished());
    QCOMPARE(server->openStreamCount(), 2);
    QCOMPARE(poll(id).size(), 1);
    delete stalled->reply;
    QTRY_COMPARE(server->openStreamCount(), 1);
    delete fresh->reply;
}

void TestSandboxWebhooks::deleteClosesStream()
{
    const QString id = createHosted();
    auto s = openStream(id, server->apiKey());
    QTRY_COMPARE(s->frames.size(), 1);
    QCOMPARE(call("DELETE", QStringLiteral("/v2/webhooks/") + id).status, 200);
    QTRY_VERIFY(s->reply->isFinished());
    QCOMPARE(server->openStreamCount(), 0);
    delete s->reply;
}

void TestSandboxWebhooks::streamFaults()
{
    const QString id = createHosted();
    server->injectFault(SandboxServer::Fault::RateLimitedRetryAfter, 1,
        QStringLiteral("/v2/webhooks/%1/stream").arg(id), {}, 5);
    server->injectFault(
        SandboxServer::Fault::MalformedJson, 1); // not for streams: left for the next REST call
    auto limited = openStream(id, server->apiKey());
    QTRY_VERIFY(limited->reply->isFinished());
    QCOMPARE(limited->reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 429);
    QCOMPARE(limited->reply->rawHeader("Retry-After"), QByteArray("5"));
    auto ok = openStream(id, server->apiKey());
    QTRY_COMPARE(ok->frames.size(), 1);
    const Response malformed = call("GET", QStringLiteral("/v2/credits"));
    QVERIFY(malformed.json.isEmpty());
    QVERIFY(!malformed.body.isEmpty());
    delete limited->reply;
    delete ok->reply;
}

void TestSandboxWebhooks::demoActivity()
{
    const QString id = createHosted();
    auto s = openStream(id, server->apiKey());
    QTRY_COMPARE(s->frames.size(), 1);
    server->setDemoActivity(5);
    QTRY_VERIFY(s->frames.size() >= 2);
    server->setDemoActivity(0);
    QCOMPARE(s->frames[1].first, QByteArray("webhook"));
    const QJsonObject event = s->json(1).value(QStringLiteral("event")).toObject();
    QCOMPARE(event.value(QStringLiteral("type")).toString(), QStringLiteral("message"));
    QVERIFY(!event.value(QStringLiteral("message_text")).toString().isEmpty());
    QVERIFY(poll(id).size() >= 1);
    delete s->reply;
}

QTEST_GUILESS_MAIN(TestSandboxWebhooks)
#include "tst_sandboxwebhooks.moc"
