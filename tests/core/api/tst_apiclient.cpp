// The real ApiClient over loopback against the sandbox: retries, timeouts, aborts, bad bodies.
#include "api/apiclient.h"
#include "sandbox/sandboxserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace ld;
using sandbox::SandboxServer;
using sandbox::Seeds;
Q_DECLARE_METATYPE(SandboxServer::Fault)
Q_DECLARE_METATYPE(ApiError::Kind)

namespace {

// What a call reported, kept after the call has deleted itself.
struct Outcome
{
    int done = 0;
    int finished = 0;
    int failed = 0;
    ApiError error;
    QJsonValue data;
    int attempts = 0;
    int credits = -1;
    int httpStatus = 0;
    ApiCall::State state = ApiCall::State::Queued;
    QList<QPair<int, int>> retries; // (attempt, delayMs)
};

std::shared_ptr<Outcome> watch(ApiCall *call)
{
    auto o = std::make_shared<Outcome>();
    QObject::connect(call, &ApiCall::finished, call, [o, call] {
        ++o->finished;
        o->data = call->data();
    });
    QObject::connect(call, &ApiCall::failed, call, [o](const ApiError &e) {
        ++o->failed;
        o->error = e;
    });
    QObject::connect(call, &ApiCall::retrying, call, [o](int attempt, int delayMs) {
        o->retries.append({ attempt, delayMs });
    });
    QObject::connect(call, &ApiCall::done, call, [o, call] {
        ++o->done;
        o->attempts = call->attempts();
        o->credits = call->creditsConsumed();
        o->httpStatus = call->httpStatus();
        o->state = call->state();
    });
    return o;
}

RetryTiming fastTiming(int maxReadTries = 3)
{
    RetryTiming t;
    t.baseMs = 20;
    t.capMs = 100;
    t.max429Tries = 5;
    t.maxReadTries = maxReadTries;
    return t;
}

} // namespace

#define WAIT_DONE(o) QTRY_COMPARE_WITH_TIMEOUT((o)->done, 1, 20000)

class TestApiClient : public QObject
{
    Q_OBJECT
private:
    SandboxServer m_sandbox;
    std::unique_ptr<ApiClient> m_client;

    QJsonObject loginBody(const QString &email) const
    {
        return { { QStringLiteral("platform"), QStringLiteral("linkedin") },
                 { QStringLiteral("email"), email },
                 { QStringLiteral("password"), QStringLiteral("pw") } };
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ApiError>();
        QVERIFY(m_sandbox.listen());
    }

    void init()
    {
        m_sandbox.clearFaults();
        m_sandbox.clearRequests();
        m_client = std::make_unique<ApiClient>();
        QVERIFY(!m_client->setBaseUrl(m_sandbox.baseUrl()).isError());
        m_client->setApiKey(Seeds::apiKey());
        m_client->setRetryTiming(fastTiming());
        m_client->setTimeoutMs(10000);
    }

    void cleanup() { m_client.reset(); }

    void getSucceeds()
    {
        QSignalSpy started(m_client.get(), &ApiClient::callStarted);
        QSignalSpy callDone(m_client.get(), &ApiClient::callDone);
        ApiCall *call = m_client->get(QStringLiteral("/v2/accounts"), {}, QStringLiteral("list_accounts"));
        QCOMPARE(call->state(), ApiCall::State::Queued);
        QCOMPARE(m_client->activeCalls().size(), 1);
        auto o = watch(call);
        WAIT_DONE(o);
        QCOMPARE(o->finished, 1);
        QCOMPARE(o->failed, 0);
        QCOMPARE(o->state, ApiCall::State::Succeeded);
        QCOMPARE(o->httpStatus, 200);
        QCOMPARE(o->attempts, 1);
        QVERIFY(o->data.toObject().value(QStringLiteral("items")).isArray());
        QCOMPARE(o->credits, 0);
        QCOMPARE(started.size(), 1);
        QCOMPARE(callDone.size(), 1);
        QVERIFY(m_client->activeCalls().isEmpty());
        QCOMPARE(m_sandbox.requestCount(QStringLiteral("/v2/accounts")), 1);
    }

    void rateLimitedWithoutRetryAfterIsRetried()
    {
        m_sandbox.injectFault(SandboxServer::Fault::RateLimited, 2, QStringLiteral("/v2/accounts"));
        auto o = watch(m_client->get(QStringLiteral("/v2/accounts")));
        WAIT_DONE(o);
        QCOMPARE(o->finished, 1);
        QCOMPARE(o->attempts, 3);
        QCOMPARE(o->retries.size(), 2);
        QCOMPARE(o->retries.at(0).first, 2);
        QVERIFY(o->retries.at(0).second >= 0 && o->retries.at(0).second <= 20);
        QVERIFY(o->retries.at(1).second >= 0 && o->retries.at(1).second <= 40);
        QCOMPARE(m_sandbox.requestCount(QStringLiteral("/v2/accounts")), 3);
    }

    void rateLimitedHonoursRetryAfter()
    {
        m_sandbox.injectFault(SandboxServer::Fault::RateLimitedRetryAfter, 1, QStringLiteral("/v2/accounts"), {}, 1);
        auto o = watch(m_client->get(QStringLiteral("/v2/accounts")));
        WAIT_DONE(o);
        QCOMPARE(o->finished, 1);
        QCOMPARE(o->retries.size(), 1);
        QCOMPARE(o->retries.at(0), qMakePair(2, 1000));
    }

    void rateLimitedWriteIsRetried()
    {
        // A 429 means the server did nothing: even a write may go again.
        m_sandbox.injectFault(SandboxServer::Fault::RateLimited, 1, QStringLiteral("/v2/login"));
        auto o = watch(m_client->post(QStringLiteral("/v2/login"), loginBody(QStringLiteral("w@example.com")),
                                      CallKind::Write, QStringLiteral("login")));
        WAIT_DONE(o);
        QVERIFY2(o->finished == 1, qPrintable(o->error.technicalSummary()));
        QCOMPARE(m_sandbox.requestCount(QStringLiteral("/v2/login")), 2);
    }

    void rateLimitedGivesUpAfterMaxTries()
    {
        m_sandbox.injectFault(SandboxServer::Fault::RateLimited, 50, QStringLiteral("/v2/accounts"));
        auto o = watch(m_client->get(QStringLiteral("/v2/accounts")));
        WAIT_DONE(o);
        QCOMPARE(o->failed, 1);
        QCOMPARE(o->error.code, QStringLiteral("RATE_LIMITED"));
        QCOMPARE(o->error.httpStatus, 429);
        QCOMPARE(m_sandbox.requestCount(QStringLiteral("/v2/accounts")), 5);
        QCOMPARE(o->credits, 0);
    }

    void internalErrorOnReadIsRetried()
    {
        m_sandbox.injectFault(SandboxServer::Fault::InternalError, 50, QStringLiteral("/v2/accounts"));
        auto o = watch(m_client->get(QStringLiteral("/v2/accounts")));
        WAIT_DONE(o);
        QCOMPARE(o->failed, 1);
        QCOMPARE(o->error.code, QStringLiteral("INTERNAL_ERROR"));
        QCOMPARE(o->attempts, 3);
        QCOMPARE(o->retries.size(), 2);
        QCOMPARE(m_sandbox.requestCount(QStringLiteral("/v2/accounts")), 3); // maxReadTries
    }

    void internalErrorOnReadRecovers()
    {
        m_sandbox.injectFault(SandboxServer::Fault::InternalError, 1, QStringLiteral("/v2/accounts"));
        auto o = watch(m_client->get(QStringLiteral("/v2/accounts")));
        WAIT_DONE(o);
        QCOMPARE(o->finished, 1);
        QCOMPARE(m_sandbox.requestCount(QStringLiteral("/v2/accounts")), 2);
    }

    void internalErrorOnWriteIsNotRetried()
    {
        m_sandbox.injectFault(SandboxServer::Fault::InternalError, 1, QStringLiteral("/v2/login"));
        auto o = watch(m_client->post(QStringLiteral("/v2/login"), loginBody(QStringLiteral("w@example.com")),
                                      CallKind::Write, QStringLiteral("login")));
        WAIT_DONE(o);
        QCOMPARE(o->failed, 1);
        QVERIFY(o->retries.isEmpty());
        QVERIFY(o->error.isAmbiguous());
        QCOMPARE(m_sandbox.requestCount(QStringLiteral("/v2/login")), 1);
    }

    void droppedWriteIsAmbiguousAndNotRetried()
    {
        m_sandbox.injectFault(SandboxServer::Fault::DropAfterSend, 1, QStringLiteral("/v2/login"));
        auto o = watch(m_client->post(QStringLiteral("/v2/login"), loginBody(QStringLiteral("w@example.com")),
                                      CallKind::Write, QStringLiteral("login")));
        WAIT_DONE(o);
        QCOMPARE(o->failed, 1);
        // Transport when the connection closes before any reply; BadBody when a 200 header
        // came but no body. Either way the request may have been carried out.
        QVERIFY2(o->error.kind == ApiError::Kind::Transport || o->error.kind == ApiError::Kind::BadBody,
                 qPrintable(o->error.technicalSummary()));
        QVERIFY(o->error.isAmbiguous());
        QVERIFY(o->error.userMessage().contains(QStringLiteral("may have been carried out")));
        QVERIFY(o->retries.isEmpty());
        QCOMPARE(m_sandbox.requestCount(QStringLiteral("/v2/login")), 1);
    }

    // Qt's HTTP stack quietly re-sends a request whose connection closed before any reply
    // byte; for a write that would be a second message to a prospect. A raw server that
    // reads each request and hangs up proves the write reached it exactly once.
    void writeClosedWithoutReplyIsSentOnce()
    {
        QTcpServer raw;
        QVERIFY(raw.listen(QHostAddress::LocalHost));
        int requestsSeen = 0;
        connect(&raw, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = raw.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [&requestsSeen, socket] {
                    if (socket->readAll().contains("POST /v2/messages"))
                        ++requestsSeen;
                    socket->abort();
                    socket->deleteLater();
                });
            }
        });
        QVERIFY(!m_client->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(raw.serverPort()))).isError());
        auto o = watch(m_client->action(QStringLiteral("messages"), Seeds::primaryAccountId(),
                                        QStringLiteral("send"), { { QStringLiteral("message_text"), QStringLiteral("hi") } },
                                        CallKind::Write));
        WAIT_DONE(o);
        QCOMPARE(o->error.kind, ApiError::Kind::Transport);
        QVERIFY(o->error.isAmbiguous());
        QCOMPARE(o->attempts, 1);
        QCOMPARE(requestsSeen, 1);
    }

    void droppedReadIsRetried()
    {
        m_sandbox.injectFault(SandboxServer::Fault::DropAfterSend, 1, QStringLiteral("/v2/accounts"));
        auto o = watch(m_client->get(QStringLiteral("/v2/accounts")));
        WAIT_DONE(o);
        QCOMPARE(o->finished, 1);
        QVERIFY(m_sandbox.requestCount(QStringLiteral("/v2/accounts")) >= 2);
    }

    void slowReplyTimesOut()
    {
        m_client->setRetryTiming(fastTiming(1));
        m_client->setTimeoutMs(200);
        m_sandbox.injectFault(SandboxServer::Fault::Slow, 1, QStringLiteral("/v2/accounts"), {}, 5000);
        auto o = watch(m_client->get(QStringLiteral("/v2/accounts")));
        WAIT_DONE(o);
        QCOMPARE(o->failed, 1);
        QCOMPARE(o->error.kind, ApiError::Kind::Timeout);
        QVERIFY(o->error.isAmbiguous());
        QCOMPARE(o->attempts, 1);
    }

    void abortInFlight()
    {
        m_sandbox.injectFault(SandboxServer::Fault::Slow, 1, QStringLiteral("/v2/accounts"), {}, 5000);
        QSignalSpy callDone(m_client.get(), &ApiClient::callDone);
        QPointer<ApiCall> call = m_client->get(QStringLiteral("/v2/accounts"));
        auto o = watch(call);
        QTRY_COMPARE_WITH_TIMEOUT(m_sandbox.requestCount(QStringLiteral("/v2/accounts")), 1, 10000);
        QCOMPARE(call->state(), ApiCall::State::Running);
        call->abort();
        QCOMPARE(o->done, 1);
        call->abort(); // a second abort is harmless
        QTRY_VERIFY(call.isNull()); // deleted itself: no further signal can come
        QCOMPARE(o->done, 1);
        QCOMPARE(o->failed, 1);
        QCOMPARE(o->finished, 0);
        QCOMPARE(o->error.kind, ApiError::Kind::Aborted);
        QCOMPARE(o->state, ApiCall::State::Aborted);
        QCOMPARE(callDone.size(), 1);
    }

    void abortWhileWaitingToRetry()
    {
        m_sandbox.injectFault(SandboxServer::Fault::RateLimitedRetryAfter, 1, QStringLiteral("/v2/accounts"), {}, 30);
        ApiCall *call = m_client->get(QStringLiteral("/v2/accounts"));
        auto o = watch(call);
        connect(call, &ApiCall::retrying, call, [call] { call->abort(); });
        WAIT_DONE(o);
        QCOMPARE(o->error.kind, ApiError::Kind::Aborted);
        QCOMPARE(o->retries.size(), 1);
        QCOMPARE(m_sandbox.requestCount(QStringLiteral("/v2/accounts")), 1);
    }

    void abortBeforeStart()
    {
        QSignalSpy started(m_client.get(), &ApiClient::callStarted);
        QSignalSpy callDone(m_client.get(), &ApiClient::callDone);
        ApiCall *call = m_client->get(QStringLiteral("/v2/accounts"));
        auto o = watch(call);
        call->abort();
        WAIT_DONE(o);
        QCOMPARE(o->error.kind, ApiError::Kind::Aborted);
        QCOMPARE(started.size(), 1);
        QCOMPARE(callDone.size(), 1);
        QCOMPARE(m_sandbox.requestCount(), 0);
    }

    void abortAll()
    {
        m_sandbox.injectFault(SandboxServer::Fault::Slow, 2, QStringLiteral("/v2/accounts"), {}, 5000);
        auto a = watch(m_client->get(QStringLiteral("/v2/accounts")));
        auto b = watch(m_client->get(QStringLiteral("/v2/accounts")));
        QTRY_COMPARE_WITH_TIMEOUT(m_sandbox.requestCount(QStringLiteral("/v2/accounts")), 2, 10000);
        m_client->abortAll();
        QCOMPARE(a->done, 1);
        QCOMPARE(b->done, 1);
        QVERIFY(m_client->activeCalls().isEmpty());
    }

    void connectionRefused()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 closedPort = probe.serverPort();
        probe.close();
        QVERIFY(!m_client->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort))).isError());
        auto o = watch(m_client->post(QStringLiteral("/v2/login"), loginBody(QStringLiteral("w@example.com")),
                                      CallKind::Write));
        WAIT_DONE(o);
        QCOMPARE(o->error.kind, ApiError::Kind::Transport);
        QCOMPARE(o->error.code, QStringLiteral("CONNECTION_REFUSED"));
        QVERIFY(!o->error.isAmbiguous());
        QVERIFY(o->error.userMessage().contains(QStringLiteral("refused")));
    }

    void baseUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("https remote") << QStringLiteral("https://api.linkupapi.com") << true;
        QTest::newRow("http remote") << QStringLiteral("http://api.linkupapi.com") << false;
        QTest::newRow("http remote ip") << QStringLiteral("http://10.0.0.1:8080") << false;
        QTest::newRow("http 127.0.0.1") << QStringLiteral("http://127.0.0.1:8080") << true;
        QTest::newRow("http 127.x loopback") << QStringLiteral("http://127.3.2.1:8080") << true;
        QTest::newRow("http ::1") << QStringLiteral("http://[::1]:8080") << true;
        QTest::newRow("http localhost") << QStringLiteral("http://localhost:8080") << true;
        QTest::newRow("http localhost lookalike") << QStringLiteral("http://localhost.evil.example") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1") << false;
        QTest::newRow("garbage") << QStringLiteral("not a url") << false;
    }
    void baseUrl()
    {
        QFETCH(QString, url);
        QFETCH(bool, accepted);
        const QUrl before = m_client->baseUrl();
        const ApiError e = m_client->setBaseUrl(QUrl(url));
        QCOMPARE(!e.isError(), accepted);
        if (accepted) {
            QCOMPARE(m_client->baseUrl().host(), QUrl(url).host());
        } else {
            QCOMPARE(e.kind, ApiError::Kind::Config);
            QVERIFY(!e.userMessage().isEmpty());
            QCOMPARE(m_client->baseUrl(), before);
        }
    }

    void httpsToPlainHttpPortFailsClearly()
    {
        m_client->setRetryTiming(fastTiming(1));
        QUrl url = m_sandbox.baseUrl();
        url.setScheme(QStringLiteral("https"));
        QVERIFY(!m_client->setBaseUrl(url).isError());
        auto o = watch(m_client->get(QStringLiteral("/v2/accounts")));
        WAIT_DONE(o);
        QCOMPARE(o->failed, 1);
        QVERIFY2(o->error.kind == ApiError::Kind::Tls || o->error.kind == ApiError::Kind::Transport,
                 qPrintable(o->error.technicalSummary()));
        QVERIFY(!o->error.userMessage().isEmpty());
    }

    void wrongApiKey()
    {
        m_client->setApiKey(QStringLiteral("not-the-key"));
        auto o = watch(m_client->get(QStringLiteral("/v2/accounts")));
        WAIT_DONE(o);
        QCOMPARE(o->error.kind, ApiError::Kind::Api);
        QCOMPARE(o->error.code, QStringLiteral("INVALID_API_KEY"));
        QCOMPARE(o->error.httpStatus, 403);
        QVERIFY(o->error.userMessage().contains(QStringLiteral("Settings → API key")));
        QCOMPARE(m_sandbox.requestCount(), 1); // a 4xx is never retried
    }

    void noApiKeyIsNotSent()
    {
        m_client->setApiKey(QString());
        QSignalSpy callDone(m_client.get(), &ApiClient::callDone);
        auto o = watch(m_client->get(QStringLiteral("/v2/accounts")));
        WAIT_DONE(o);
        QCOMPARE(o->error.kind, ApiError::Kind::Config);
        QVERIFY(o->error.userMessage().contains(QStringLiteral("API key")));
        QCOMPARE(m_sandbox.requestCount(), 0);
        QCOMPARE(callDone.size(), 1);
    }

    void malformedBodies_data()
    {
        QTest::addColumn<SandboxServer::Fault>("fault");
        QTest::addColumn<ApiError::Kind>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("truncated JSON") << SandboxServer::Fault::MalformedJson << ApiError::Kind::BadBody << 200 << QString();
        QTest::newRow("HTML 502") << SandboxServer::Fault::HtmlBody << ApiError::Kind::Http << 502 << QString();
        QTest::newRow("empty body") << SandboxServer::Fault::EmptyBody << ApiError::Kind::BadBody << 200 << QString();
        QTest::newRow("data wrong type") << SandboxServer::Fault::WrongType << ApiError::Kind::BadBody << 200 << QString();
        QTest::newRow("success:false on 200") << SandboxServer::Fault::SuccessFalse << ApiError::Kind::Api << 200
                                              << QStringLiteral("CHANNEL_ERROR");
    }
    void malformedBodies()
    {
        QFETCH(SandboxServer::Fault, fault);
        m_client->setRetryTiming(fastTiming(1));
        m_sandbox.injectFault(fault, 1, QStringLiteral("/v2/accounts"));
        auto o = watch(m_client->get(QStringLiteral("/v2/accounts")));
        WAIT_DONE(o);
        QCOMPARE(o->failed, 1);
        QTEST(o->error.kind, "kind");
        QTEST(o->error.httpStatus, "status");
        QTEST(o->error.code, "code");
        QVERIFY(!o->error.message.isEmpty());
        QVERIFY(!o->error.userMessage().isEmpty());
        QCOMPARE(o->credits, 0);
    }

    void actionEndpointBody()
    {
        auto o = watch(m_client->action(QStringLiteral("messages"), Seeds::primaryAccountId(),
                                        QStringLiteral("list_inbox"), { { QStringLiteral("count"), 5 } },
                                        CallKind::Read));
        WAIT_DONE(o);
        const QList<sandbox::RecordedRequest> reqs = m_sandbox.requests();
        QCOMPARE(reqs.size(), 1);
        QCOMPARE(reqs.at(0).path, QStringLiteral("/v2/messages"));
        QCOMPARE(reqs.at(0).action, QStringLiteral("list_inbox"));
        const QJsonObject body = QJsonDocument::fromJson(reqs.at(0).body).object();
        QCOMPARE(body.value(QStringLiteral("account_id")).toString(), Seeds::primaryAccountId());
        QCOMPARE(body.value(QStringLiteral("params")).toObject().value(QStringLiteral("count")).toInt(), 5);
    }

    void destroyingTheClientDropsCallsQuietly()
    {
        m_sandbox.injectFault(SandboxServer::Fault::Slow, 1, QStringLiteral("/v2/accounts"), {}, 5000);
        QPointer<ApiCall> call = m_client->get(QStringLiteral("/v2/accounts"));
        QTRY_COMPARE_WITH_TIMEOUT(m_sandbox.requestCount(QStringLiteral("/v2/accounts")), 1, 10000);
        m_client.reset();
        QVERIFY(call.isNull());
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
