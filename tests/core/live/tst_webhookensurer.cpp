// WebhookEnsurer against the sandbox over loopback (contract §9.2–9.6, ARCHITECTURE §4): an
// account without a hosted webhook gets one; a monitoring one is reused as it is; a stopped one
// is started (decided from `monitoring`, not `is_active`); custom webhooks do not count; two
// requests at once create one webhook; a paused one is not resumed behind the person's back.
#include "api/apiclient.h"
#include "live/webhookensurer.h"
#include "sandbox/sandboxserver.h"

#include <QEventLoop>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace ld;
using ld::sandbox::SandboxServer;
using ld::sandbox::Seeds;

class TestWebhookEnsurer : public QObject
{
    Q_OBJECT

    struct Outcome
    {
        int ready = 0;
        int failed = 0;
        Webhook webhook;
        bool created = false;
        bool started = false;
        ApiError error;
    };

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<WebhooksService> m_service;
    std::unique_ptr<WebhookEnsurer> m_ensurer;
    Outcome m_out;

    void wait(ApiCall *call)
    {
        QEventLoop loop;
        connect(call, &ApiCall::done, &loop, &QEventLoop::quit);
        QTimer::singleShot(20000, &loop, &QEventLoop::quit); // safety net only
        loop.exec();
    }
    Webhook create(
        const WebhookSettings &settings, const QString &accountId = Seeds::primaryAccountId())
    {
        Webhook w;
        ApiCall *call = m_service->create(accountId, settings);
        connect(call, &ApiCall::finished, this,
            [&w, call] { w = Webhook::fromJson(call->data()).value; });
        wait(call);
        return w;
    }
    int creates() const
    {
        int n = 0;
        for (const sandbox::RecordedRequest &r : m_sandbox->requests())
            n += r.method == "POST" && r.path == QLatin1String("/v2/webhooks") ? 1 : 0;
        return n;
    }
    void ensure(const QString &accountId = Seeds::primaryAccountId())
    {
        m_ensurer->ensure(accountId);
        QTRY_VERIFY(m_out.ready + m_out.failed > 0);
    }

private Q_SLOTS:
    void init()
    {
        m_sandbox = std::make_unique<SandboxServer>();
        QVERIFY(m_sandbox->listen());
        m_client = std::make_unique<ApiClient>();
        m_client->setBaseUrl(m_sandbox->baseUrl());
        m_client->setApiKey(m_sandbox->apiKey());
        m_service = std::make_unique<WebhooksService>(m_client.get());
        m_ensurer = std::make_unique<WebhookEnsurer>(m_service.get());
        m_out = Outcome();
        connect(m_ensurer.get(), &WebhookEnsurer::ready, this,
            [this](const QString &, const Webhook &w, bool created, bool started) {
                ++m_out.ready;
                m_out.webhook = w;
                m_out.created = created;
                m_out.started = started;
            });
        connect(m_ensurer.get(), &WebhookEnsurer::failed, this,
            [this](const QString &, const ApiError &e) {
                ++m_out.failed;
                m_out.error = e;
            });
    }
    void cleanup()
    {
        m_ensurer.reset();
        m_service.reset();
        m_client.reset();
        m_sandbox.reset();
    }

    void createsHostedWhenNone();
    void reusesMonitoringHosted();
    void startsStoppedHosted();
    void customWebhooksDoNotCount();
    void twoRequestsCreateOne();
    void pausedIsNotResumed();
    void refusalIsReported();
    void choosePrefersActiveAndComplete();
};

void TestWebhookEnsurer::createsHostedWhenNone()
{
    ensure();
    QCOMPARE(m_out.ready, 1);
    QVERIFY(m_out.created);
    QVERIFY(!m_out.started); // the create answer said monitoring: true
    QVERIFY(m_out.webhook.isHosted());
    QVERIFY(!m_out.webhook.needsStart());
    QCOMPARE(m_out.webhook.accountId, Seeds::primaryAccountId());
    QCOMPARE(creates(), 1);
    QCOMPARE(
        m_sandbox->requestCount(QStringLiteral("/v2/webhooks/%1/start").arg(m_out.webhook.id)), 0);
}

void TestWebhookEnsurer::reusesMonitoringHosted()
{
    const Webhook existing = create(WebhookSettings());
    QVERIFY(!existing.id.isEmpty());
    ensure();
    QCOMPARE(m_out.ready, 1);
    QCOMPARE(m_out.webhook.id, existing.id);
    QVERIFY(!m_out.created);
    QVERIFY(!m_out.started);
    QCOMPARE(creates(), 1); // only the test's own
}

void TestWebhookEnsurer::startsStoppedHosted()
{
    const Webhook existing = create(WebhookSettings());
    wait(m_service->stop(existing.id));
    ensure();
    QCOMPARE(m_out.ready, 1);
    QCOMPARE(m_out.webhook.id, existing.id);
    QVERIFY(m_out.started);
    QVERIFY(m_out.webhook.monitoring);
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("/v2/webhooks/%1/start").arg(existing.id)), 1);
    QCOMPARE(creates(), 1);
}

void TestWebhookEnsurer::customWebhooksDoNotCount()
{
    WebhookSettings custom;
    custom.url = QStringLiteral("https://hooks.example.com/in");
    const Webhook existing = create(custom);
    QVERIFY(!existing.isHosted());
    ensure();
    QCOMPARE(m_out.ready, 1);
    QVERIFY(m_out.created);
    QVERIFY(m_out.webhook.isHosted());
    QVERIFY(m_out.webhook.id != existing.id);
}

void TestWebhookEnsurer::twoRequestsCreateOne()
{
    m_ensurer->ensure(Seeds::primaryAccountId());
    QVERIFY(m_ensurer->isBusy(Seeds::primaryAccountId()));
    m_ensurer->ensure(Seeds::primaryAccountId());
    QTRY_COMPARE(m_out.ready, 1);
    QVERIFY(!m_ensurer->isBusy(Seeds::primaryAccountId()));
    QCOMPARE(creates(), 1);
}

void TestWebhookEnsurer::pausedIsNotResumed()
{
    const Webhook existing = create(WebhookSettings());
    WebhookUpdate pause;
    pause.isActive = false;
    wait(m_service->update(existing.id, pause));
    ensure();
    QCOMPARE(m_out.failed, 1);
    QCOMPARE(m_out.ready, 0);
    QVERIFY2(m_out.error.userMessage().contains(QLatin1String("paused")),
        qPrintable(m_out.error.userMessage()));
    QCOMPARE(creates(), 1);
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("/v2/webhooks/%1/start").arg(existing.id)), 0);
}

void TestWebhookEnsurer::refusalIsReported()
{
    ensure(Seeds::inactiveAccountId()); // create refuses: ACCOUNT_INACTIVE
    QCOMPARE(m_out.failed, 1);
    QCOMPARE(m_out.error.code, QStringLiteral("ACCOUNT_INACTIVE"));
    QVERIFY(!m_out.error.userMessage().isEmpty());
    QVERIFY(!m_ensurer->isBusy(Seeds::inactiveAccountId()));
}

void TestWebhookEnsurer::choosePrefersActiveAndComplete()
{
    auto hook = [](const char *id, const char *account, bool active, QStringList events,
                    const char *url = "") {
        Webhook w;
        w.id = QString::fromLatin1(id);
        w.accountId = QString::fromLatin1(account);
        w.isActive = active;
        w.events = std::move(events);
        w.url = QString::fromLatin1(url);
        w.monitoring = true;
        w.monitoringKnown = true;
        return w;
    };
    const QStringList all { QStringLiteral("all") };
    const QStringList messages { QStringLiteral("message_received") };
    const QList<Webhook> list {
        hook("other-account", "b", true, all),
        hook("custom", "a", true, all, "https://hooks.example.com/in"),
        hook("paused", "a", false, all),
        hook("messages-only", "a", true, messages),
        hook("everything", "a", true,
            { QStringLiteral("message_received"), QStringLiteral("accepted_invitation") }),
    };
    QCOMPARE(WebhookEnsurer::choose(list, QStringLiteral("a"))->id, QStringLiteral("everything"));
    QCOMPARE(WebhookEnsurer::choose(list.mid(0, 4), QStringLiteral("a"))->id,
        QStringLiteral("messages-only"));
    QCOMPARE(
        WebhookEnsurer::choose(list.mid(0, 3), QStringLiteral("a"))->id, QStringLiteral("paused"));
    QVERIFY(!WebhookEnsurer::choose(list.mid(0, 2), QStringLiteral("a")));
}

QTEST_GUILESS_MAIN(TestWebhookEnsurer)
#include "tst_webhookensurer.moc"
