// WebhooksService against the sandbox over loopback (contract §9): each endpoint's method, path
// and body, hosted create → start decided by monitoring, stop/start, update, delete, the
// signature calls, and polling with `since` sent as ISO UTC with a Z.
#include "services/webhooksservice.h"

#include "domain/webhook.h"
#include "servicecall.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using namespace ld;
using ld::sandbox::SandboxServer;
using ld::sandbox::Seeds;

class TestWebhooksService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void validateRefusesBeforeSending();
    void hostedLifecycle();
    void customWebhookSignature();
    void pollSinceAndLimit();
    void unknownWebhookIsNotFound();

private:
    Webhook createHosted(const QStringList &events = { QStringLiteral("all") });
    SandboxServer *m_sandbox = nullptr;
    ApiClient *m_client = nullptr;
    WebhooksService *m_service = nullptr;
};

void TestWebhooksService::init()
{
    m_sandbox = new SandboxServer(this);
    QVERIFY(m_sandbox->listen());
    m_client = sandboxClient(*m_sandbox, this);
    QCOMPARE(m_client->baseUrl(), m_sandbox->baseUrl());
    m_service = new WebhooksService(m_client, this);
}

void TestWebhooksService::cleanup()
{
    delete m_service;
    delete m_client;
    delete m_sandbox;
}

Webhook TestWebhooksService::createHosted(const QStringList &events)
{
    WebhookSettings settings;
    settings.events = events;
    const auto o = run(m_service->create(Seeds::primaryAccountId(), settings));
    if (o->error.isError())
        qWarning() << o->error.message;
    const Decoded<Webhook> w = Webhook::fromJson(o->data);
    if (!w.ok())
        qWarning() << w.error;
    return w.value;
}

void TestWebhooksService::validateRefusesBeforeSending()
{
    WebhookSettings s;
    QVERIFY(!WebhooksService::validate(s).isError()); // hosted, all events
    s.url = QStringLiteral("http://example.com/hook");
    QCOMPARE(WebhooksService::validate(s).kind, ApiError::Kind::Config);
    s.url = QStringLiteral("https://example.com/hook");
    s.enableSignature = true;
    QVERIFY(!WebhooksService::validate(s).isError());
    s.url.clear();
    QVERIFY(WebhooksService::validate(s).isError()); // signing a hosted webhook
    s.enableSignature = false;
    s.events = { QStringLiteral("message") }; // the payload name, not the filter name
    QVERIFY(WebhooksService::validate(s).message.contains(QLatin1String("message_received")));
}

void TestWebhooksService::hostedLifecycle()
{
    const Webhook w = createHosted({ QStringLiteral("message_received") });
    QVERIFY(!w.id.isEmpty());
    QVERIFY(w.isHosted());
    QVERIFY(!w.needsStart()); // creating starts monitoring (§9.1)
    const ld::sandbox::RecordedRequest created = m_sandbox->requests().last();
    QCOMPARE(created.method, QByteArray("POST"));
    QCOMPARE(created.path, QStringLiteral("/v2/webhooks"));
    const QJsonObject body = QJsonDocument::fromJson(created.body).object();
    QCOMPARE(body.value(QStringLiteral("account_id")).toString(), Seeds::primaryAccountId());
    QVERIFY(!body.contains(QStringLiteral("url")));
    QCOMPARE(body.value(QStringLiteral("events")).toArray().first().toString(),
        QStringLiteral("message_received"));

    auto o = run(m_service->stop(w.id));
    QVERIFY2(!o->error.isError(), qPrintable(o->error.message));
    QCOMPARE(o->data.toObject().value(QStringLiteral("monitoring")).toBool(true), false);
    QCOMPARE(m_sandbox->requests().last().path,
        QStringLiteral("/v2/webhooks/") + w.id + QStringLiteral("/stop"));
    o = run(m_service->get(w.id));
    QVERIFY(Webhook::fromJson(o->data).value.needsStart());
    o = run(m_service->start(w.id));
    QVERIFY(o->data.toObject().value(QStringLiteral("monitoring")).toBool());

    WebhookUpdate update;
    update.isActive = false;
    update.events = QStringList { QStringLiteral("all") };
    o = run(m_service->update(w.id, update));
    QVERIFY2(!o->error.isError(), qPrintable(o->error.message));
    QCOMPARE(m_sandbox->requests().last().method, QByteArray("PUT"));
    const QJsonObject put = QJsonDocument::fromJson(m_sandbox->requests().last().body).object();
    QCOMPARE(put.value(QStringLiteral("is_active")).toBool(true), false);
    QVERIFY(!put.contains(QStringLiteral("url")));
    o = run(m_service->list(Seeds::primaryAccountId()));
    const Decoded<QList<Webhook>> list = decodeWebhookList(o->data);
    QVERIFY2(list.ok(), qPrintable(list.error));
    QCOMPARE(list.value.size(), 1);
    QVERIFY(!list.value.first().isActive);
    QVERIFY(!list.value.first().needsStart()); // paused delivery is still monitoring

    o = run(m_service->remove(w.id));
    QVERIFY2(!o->error.isError(), qPrintable(o->error.message));
    QCOMPARE(m_sandbox->requests().last().method, QByteArray("DELETE"));
    o = run(m_service->list());
    QCOMPARE(decodeWebhookList(o->data).value.size(), 0);
    QCOMPARE(m_sandbox->creditsCharged(), 0); // webhook calls are free (§1.9)
}

void TestWebhooksService::customWebhookSignature()
{
    WebhookSettings s;
    s.url = QStringLiteral("https://hooks.example.com/linkup");
    s.enableSignature = true;
    auto o = run(m_service->create(Seeds::primaryAccountId(), s));
    const Webhook w = Webhook::fromJson(o->data).value;
    QVERIFY(!w.isHosted());
    QVERIFY(!w.secret.isEmpty()); // returned once
    o = run(m_service->rotateSecret(w.id));
    QVERIFY2(!o->error.isError(), qPrintable(o->error.message));
    const QString rotated = o->data.toObject().value(QStringLiteral("secret")).toString();
    QVERIFY(!rotated.isEmpty());
    QVERIFY(rotated != w.secret);
    o = run(m_service->disableSignature(w.id));
    QVERIFY2(!o->error.isError(), qPrintable(o->error.message));
    QCOMPARE(m_sandbox->requests().last().path,
        QStringLiteral("/v2/webhooks/") + w.id + QStringLiteral("/secret"));
    o = run(m_service->get(w.id));
    QVERIFY(!Webhook::fromJson(o->data).value.signatureEnabled);
}

void TestWebhooksService::pollSinceAndLimit()
{
    const Webhook w = createHosted();
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    for (int i = 0; i < 3; ++i)
        m_sandbox->emitEvent(Seeds::primaryAccountId(), QStringLiteral("message"),
            QByteArray(R"({"sender_name": "Jo", "message_text": "n)") + QByteArray::number(i)
                + "\"}");
    auto o = run(m_service->events(w.id, before, 2));
    QVERIFY2(!o->error.isError(), qPrintable(o->error.message));
    const QUrlQuery sent(m_sandbox->requests().last().query);
    QVERIFY(sent.queryItemValue(QStringLiteral("since"), QUrl::FullyDecoded)
                .endsWith(QLatin1Char('Z')));
    QCOMPARE(sent.queryItemValue(QStringLiteral("limit")), QStringLiteral("2"));
    Decoded<PolledPage> page = decodePolledEvents(o->data);
    QVERIFY2(page.ok(), qPrintable(page.error));
    QCOMPARE(page.value.events.size(), 2);
    QCOMPARE(page.value.events.first().event.text, QStringLiteral("n0"));
    // A full page: ask again from the newest created_at.
    o = run(m_service->events(w.id, page.value.newestCreatedAt));
    page = decodePolledEvents(o->data);
    QCOMPARE(page.value.events.size(), 1);
    QCOMPARE(page.value.events.first().event.text, QStringLiteral("n2"));
    QCOMPARE(page.value.events.first().event.accountId, Seeds::primaryAccountId());
}

void TestWebhooksService::unknownWebhookIsNotFound()
{
    const auto o = run(m_service->start(QStringLiteral("no/such")));
    QVERIFY(o->error.isError());
    QCOMPARE(o->error.httpStatus, 404);
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("/v2/webhooks")), 1);
}

QTEST_GUILESS_MAIN(TestWebhooksService)
#include "tst_webhooksservice.moc"
