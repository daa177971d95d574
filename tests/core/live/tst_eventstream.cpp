// EventStream against the sandbox's real SSE stream over loopback, the worker in a real QThread
// (issue 5 item 3): live events arrive once; events emitted while the stream is down arrive
// once through the gap fill; 2,000 events across 50 random drops arrive exactly once; the
// watchdog drops a stream that went silent without closing, and keep-alives keep a quiet one;
// refused connects and a wrong content type back off and recover; an endless line is dropped;
// the API key never reaches a log line or a status.
#include "livetestsupport.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

using namespace ld;
using ld::sandbox::SandboxServer;
using ld::sandbox::Seeds;
using State = LiveStatus::State;

Q_DECLARE_METATYPE(SandboxServer::Fault)
Q_DECLARE_METATYPE(LiveStatus::State)

namespace {

// Every log line of every thread, as written (before any redaction a file log would apply).
QMutex logMutex;
QStringList logLines;

void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    QMutexLocker locker(&logMutex);
    logLines << QString::fromLatin1(context.category ? context.category : "") + QStringLiteral(": ")
            + message;
}

QLoggingCategory::CategoryFilter previousFilter = nullptr;

// Debug lines of ld.* on, whatever QT_LOGGING_RULES says: they are the ones that name paths.
void enableLdDebug(QLoggingCategory *category)
{
    if (previousFilter)
        previousFilter(category);
    if (qstrncmp(category->categoryName(), "ld.", 3) == 0) {
        category->setEnabled(QtDebugMsg, true);
        category->setEnabled(QtInfoMsg, true);
    }
}

// What the sandbox will not serve: a 2xx event stream whose one line never ends, and an empty
// events page for the gap fills.
class EndlessLineServer : public QObject
{
public:
    int streamConnections = 0;
    int closedStreams = 0;

    bool listen()
    {
        connect(&m_server, &QTcpServer::newConnection, this, &EndlessLineServer::accept);
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    QUrl baseUrl() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            auto request = std::make_shared<QByteArray>();
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, request] {
                *request += socket->readAll();
                if (!request->contains("\r\n\r\n"))
                    return;
                const QByteArray line = request->left(request->indexOf("\r\n"));
                request->clear();
                if (line.contains("/stream"))
                    streamForEver(socket);
                else
                    answerEmptyPage(socket);
            });
        }
    }
    void answerEmptyPage(QTcpSocket *socket)
    {
        const QByteArray body = R"({"success":true,"data":{"items":[]},"metadata":)"
                                R"({"action":"poll_webhook_events","credits_consumed":0}})";
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
    }
    void streamForEver(QTcpSocket *socket)
    {
        ++streamConnections;
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                      "Connection: close\r\n\r\n: open\n\ndata: ");
        auto *timer = new QTimer(socket);
        connect(timer, &QTimer::timeout, socket, [socket] {
            if (socket->state() == QAbstractSocket::ConnectedState
                && socket->bytesToWrite() < 256 * 1024)
                socket->write(QByteArray(16 * 1024, 'x'));
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket, timer] {
            ++closedStreams;
            timer->stop();
            socket->deleteLater();
        });
        timer->start(0);
    }

    QTcpServer m_server;
};

} // namespace

class TestEventStream : public QObject
{
    Q_OBJECT

    LiveFixture f;

    static QString primary() { return Seeds::primaryAccountId(); }
    Collector &c() { return *f.collector; }

    // Until the account's stream is live and `fills` gap fills have ended.
    void waitCaughtUp(const QString &accountId, int fills)
    {
        QTRY_VERIFY_WITH_TIMEOUT(
            c().caughtUp.value(accountId) >= fills && c().isState(accountId, State::Live), 10000);
    }
    // The `since` of the sandbox's last events request, as sent.
    QString lastSince(const QString &webhookId) const
    {
        const QString path = WebhooksService::streamPath(webhookId).replace(
            QLatin1String("/stream"), QLatin1String("/events"));
        QString since;
        for (const sandbox::RecordedRequest &r : f.sandbox->requests())
            if (r.path == path)
                since = QUrlQuery(r.query).queryItemValue(
                    QStringLiteral("since"), QUrl::FullyDecoded);
        return since;
    }

private Q_SLOTS:
    void init() { QVERIFY(f.setUp()); }
    void cleanup() { f.tearDown(); }

    void liveEventsArriveOnce();
    void eventsWhileDroppedArriveThroughGapFill();
    void randomDropsLoseAndRepeatNothing();
    void watchdogDropsSilentStream();
    void failedConnectsBackOff_data();
    void failedConnectsBackOff();
    void endlessLineIsDropped();
    void apiKeyNeverLogged();
};

void TestEventStream::liveEventsArriveOnce()
{
    const QString hook = f.hostedWebhook(primary());
    QVERIFY(!hook.isEmpty());
    f.startWorker(LiveFixture::fastSettings(), { { primary(), hook, {} } });
    waitCaughtUp(primary(), 1);
    QCOMPARE(c().statuses.value(primary()).constFirst().state, State::Connecting);
    QCOMPARE(f.sandbox->openStreamCount(), 1);

    for (int i = 0; i < 5; ++i)
        f.emitMessage(primary(), i);
    QTRY_COMPARE(c().events.size(), 5);
    for (int i = 0; i < 5; ++i) {
        const Received &r = c().events.at(i);
        QCOMPARE(r.event.text, LiveFixture::text(i));
        QCOMPARE(r.event.type, LiveEvent::Type::Message);
        QCOMPARE(r.event.accountId, primary());
        QVERIFY(r.eventId.isEmpty()); // from the stream
        QCOMPARE(r.contentKey, r.event.contentKey());
        QCOMPARE(r.webhookId, hook);
    }

    // The reconnect's gap fill reads all five again (the overlap before the cursor) and
    // delivers none of them a second time.
    const int fills = c().caughtUp.value(primary());
    const int from = c().statuses.value(primary()).size();
    f.sandbox->injectFault(SandboxServer::Fault::DropStreams, 0);
    QTRY_VERIFY(c().find(primary(), State::Reconnecting, from) >= 0);
    waitCaughtUp(primary(), fills + 1);
    const QString since = lastSince(hook);
    QVERIFY2(since.endsWith(QLatin1Char('Z')), qPrintable(since));
    QCOMPARE(f.storedCount(hook, QDateTime::fromString(since, Qt::ISODateWithMs)), 5);
    QCOMPARE(c().events.size(), 5);
}

void TestEventStream::eventsWhileDroppedArriveThroughGapFill()
{
    const QString hook = f.hostedWebhook(primary());
    f.startWorker(LiveFixture::fastSettings(), { { primary(), hook, {} } });
    waitCaughtUp(primary(), 1);

    f.sandbox->injectFault(SandboxServer::Fault::DropStreams, 0);
    QCOMPARE(f.sandbox->openStreamCount(), 0); // and none opens before the test yields
    for (int i = 0; i < 3; ++i)
        f.emitMessage(primary(), i);
    QTRY_COMPARE(c().events.size(), 3);
    QSet<QString> ids;
    for (int i = 0; i < 3; ++i) {
        const Received &r = c().events.at(i);
        QCOMPARE(r.event.text, LiveFixture::text(i)); // oldest first
        QVERIFY(!r.eventId.isEmpty()); // from the events endpoint
        QCOMPARE(r.contentKey, r.event.contentKey());
        ids.insert(r.eventId);
    }
    QCOMPARE(ids.size(), 3);

    waitCaughtUp(primary(), 2);
    f.emitMessage(primary(), 3);
    QTRY_COMPARE(c().events.size(), 4);
    QVERIFY(c().events.at(3).eventId.isEmpty());
    // The cursor has moved past what was delivered.
    QTRY_VERIFY(c().cursors.value(primary()) >= c().events.at(2).event.emittedAt);
}

void TestEventStream::randomDropsLoseAndRepeatNothing()
{
    const QString hook = f.hostedWebhook(primary());
    EventStreamSettings settings = LiveFixture::fastSettings();
    settings.backoffBaseMs = 10;
    settings.backoffCapMs = 100;
    f.startWorker(settings, { { primary(), hook, {} } });
    waitCaughtUp(primary(), 1);

    // Each round: some events live, a drop (sometimes also of the next one or two connects),
    // some events while down, and the rest just after the reconnect, racing its gap fill.
    QRandomGenerator random(20260611);
    constexpr int Rounds = 50;
    constexpr int PerRound = 40;
    int n = 0;
    for (int round = 0; round < Rounds; ++round) {
        const int live = int(random.bounded(PerRound / 2));
        const int down = int(random.bounded(PerRound / 2));
        for (int i = 0; i < live; ++i)
            f.emitMessage(primary(), n++);
        f.sandbox->injectFault(SandboxServer::Fault::DropStreams, int(random.bounded(3)));
        for (int i = 0; i < down; ++i)
            f.emitMessage(primary(), n++);
        // qWaitFor looks every 10 ms where QTRY_* looks every 50: fifty rounds stay quick.
        QVERIFY(QTest::qWaitFor([&] { return f.sandbox->openStreamCount() == 1; }, 10000));
        for (int i = live + down; i < PerRound; ++i)
            f.emitMessage(primary(), n++);
    }
    QCOMPARE(n, Rounds * PerRound);
    QTRY_COMPARE_WITH_TIMEOUT(c().events.size(), n, 60000);
    QHash<QString, int> seen;
    for (const Received &r : std::as_const(c().events))
        ++seen[r.event.text];
    for (int i = 0; i < n; ++i)
        QVERIFY2(seen.value(LiveFixture::text(i)) == 1, qPrintable(LiveFixture::text(i)));

    // One more reconnect and gap fill over the last events: still nothing twice.
    const int fills = c().caughtUp.value(primary());
    f.sandbox->injectFault(SandboxServer::Fault::DropStreams, 0);
    waitCaughtUp(primary(), fills + 1);
    QCOMPARE(c().events.size(), n);
}

void TestEventStream::watchdogDropsSilentStream()
{
    f.sandbox->setKeepAliveInterval(40);
    const QString hook = f.hostedWebhook(primary());
    const QString path = WebhooksService::streamPath(hook);
    EventStreamSettings settings = LiveFixture::fastSettings();
    settings.watchdogMs = 300;
    f.startWorker(settings, { { primary(), hook, {} } });
    waitCaughtUp(primary(), 1);
    const int workerStreams = f.sandbox->requestCount(path);

    // Keep-alives alone hold a quiet stream open: an observer on the same webhook counts more
    // than three watchdog periods of them while the worker stays on its first stream.
    QNetworkAccessManager nam;
    QUrl url = f.sandbox->baseUrl();
    url.setPath(path);
    url.setQuery(QStringLiteral("api_key=") + f.sandbox->apiKey());
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "text/event-stream");
    std::unique_ptr<QNetworkReply> observer(nam.get(request));
    QByteArray observed;
    connect(
        observer.get(), &QNetworkReply::readyRead, this, [&] { observed += observer->readAll(); });
    QTRY_VERIFY_WITH_TIMEOUT(observed.count(": keepalive") >= 25, 10000);
    QCOMPARE(f.sandbox->requestCount(path), workerStreams + 1);
    QVERIFY(c().isState(primary(), State::Live));
    observer.reset();
    QTRY_COMPARE(f.sandbox->openStreamCount(), 1);

    // Now the stream goes silent without closing: the watchdog drops it, the reconnect's gap
    // fill brings what was emitted meanwhile.
    const int from = c().statuses.value(primary()).size();
    f.sandbox->stallStreams(path);
    f.emitMessage(primary(), 0);
    f.emitMessage(primary(), 1);
    QTRY_VERIFY(c().find(primary(), State::Reconnecting, from) >= 0);
    const LiveStatus dropped
        = c().statuses.value(primary()).at(c().find(primary(), State::Reconnecting, from));
    QVERIFY2(dropped.reason.contains(QLatin1String("No data")), qPrintable(dropped.reason));
    QTRY_COMPARE(c().events.size(), 2);
    QVERIFY(!c().events.at(0).eventId.isEmpty());
    QVERIFY(!c().events.at(1).eventId.isEmpty());
    QVERIFY(f.sandbox->requestCount(path) >= workerStreams + 2);
    // The stalled connection was closed by the client, not left behind.
    QTRY_COMPARE(f.sandbox->openStreamCount(), 1);
}

void TestEventStream::failedConnectsBackOff_data()
{
    QTest::addColumn<SandboxServer::Fault>("fault");
    QTest::addColumn<int>("param");
    QTest::addColumn<QString>("reasonPart");
    QTest::addColumn<int>("minRetrySeconds");
    // SuccessFalse is a 200 with a JSON body: the wrong content type for a stream.
    QTest::newRow("200 with JSON")
        << SandboxServer::Fault::SuccessFalse << 0 << QStringLiteral("application/json") << 0;
    QTest::newRow("502 from a proxy")
        << SandboxServer::Fault::HtmlBody << 0 << QStringLiteral("HTTP 502") << 0;
    QTest::newRow("500") << SandboxServer::Fault::InternalError << 0 << QStringLiteral("HTTP 500")
                         << 0;
    QTest::newRow("429 with Retry-After") << SandboxServer::Fault::RateLimitedRetryAfter << 1
                                          << QStringLiteral("limiting this API key") << 1;
}

void TestEventStream::failedConnectsBackOff()
{
    QFETCH(SandboxServer::Fault, fault);
    QFETCH(int, param);
    QFETCH(QString, reasonPart);
    QFETCH(int, minRetrySeconds);
    const QString hook = f.hostedWebhook(primary());
    const QString path = WebhooksService::streamPath(hook);
    f.sandbox->injectFault(fault, 2, path, {}, param);
    f.startWorker(LiveFixture::fastSettings(), { { primary(), hook, {} } });

    waitCaughtUp(primary(), 1);
    QCOMPARE(f.sandbox->requestCount(path), 3); // two refused, the third one took
    const QList<LiveStatus> statuses = c().statuses.value(primary());
    int failures = 0;
    for (const LiveStatus &s : statuses) {
        if (s.state != State::Reconnecting)
            continue;
        ++failures;
        QVERIFY2(s.reason.contains(reasonPart), qPrintable(s.reason));
        QVERIFY(s.retryInSeconds >= minRetrySeconds);
        QVERIFY(!s.text().isEmpty());
    }
    QCOMPARE(failures, 2);
    f.emitMessage(primary(), 0);
    QTRY_COMPARE(c().events.size(), 1);
}

void TestEventStream::endlessLineIsDropped()
{
    EndlessLineServer server;
    QVERIFY(server.listen());
    EventStreamSettings settings = LiveFixture::fastSettings();
    settings.maxLineBytes = 64 * 1024;
    f.startWorker(settings, { { QStringLiteral("acc-1"), QStringLiteral("hook-1"), {} } }, {},
        server.baseUrl());
    // Dropped once the line passes the limit (memory stays bounded), then tried again.
    QTRY_VERIFY_WITH_TIMEOUT(server.streamConnections >= 2, 10000);
    QTRY_VERIFY(server.closedStreams >= 1);
    const int at = c().find(QStringLiteral("acc-1"), State::Reconnecting);
    QVERIFY(at >= 0);
    const QString reason = c().statuses.value(QStringLiteral("acc-1")).at(at).reason;
    QVERIFY2(reason.contains(QLatin1String("64 KB")), qPrintable(reason));
    QVERIFY(c().events.isEmpty());
    f.stopWorker(); // before the server goes
}

void TestEventStream::apiKeyNeverLogged()
{
    const QString secret = QStringLiteral("sk-test-7f3a9c2e51d84b06-SECRET");
    const QString wrongKey = QStringLiteral("sk-wrong-0d1e2f3a4b5c6d7e-SECRET");
    f.sandbox->setApiKey(secret);
    f.client->setApiKey(secret);
    const QString hook = f.hostedWebhook(primary());
    QVERIFY(!hook.isEmpty());
    const QString path = WebhooksService::streamPath(hook);

    {
        QMutexLocker locker(&logMutex);
        logLines.clear();
    }
    previousFilter = QLoggingCategory::installFilter(enableLdDebug);
    const QtMessageHandler previousHandler = qInstallMessageHandler(captureMessage);
    const auto restoreLogging = [&] {
        qInstallMessageHandler(previousHandler);
        QLoggingCategory::installFilter(previousFilter);
        previousFilter = nullptr;
    };
    auto restoreOnFailure = qScopeGuard(restoreLogging);

    // The right key: connect, an event, a drop, a wrong content type, a reconnect.
    f.startWorker(LiveFixture::fastSettings(), { { primary(), hook, {} } });
    waitCaughtUp(primary(), 1);
    f.emitMessage(primary(), 0);
    QTRY_COMPARE(c().events.size(), 1);
    f.sandbox->injectFault(SandboxServer::Fault::SuccessFalse, 1, path);
    f.sandbox->injectFault(SandboxServer::Fault::DropStreams, 0);
    waitCaughtUp(primary(), 2);
    f.stopWorker();

    // A key the server refuses: the stream and the polls are refused with 403.
    f.startWorker(LiveFixture::fastSettings(), { { primary(), hook, {} } }, wrongKey);
    QTRY_VERIFY(c().find(primary(), State::Error) >= 0);
    f.stopWorker();
    restoreOnFailure.dismiss();
    restoreLogging();

    QMutexLocker locker(&logMutex);
    bool pathLogged = false;
    for (const QString &line : std::as_const(logLines)) {
        QVERIFY2(!line.contains(secret) && !line.contains(wrongKey), qPrintable(line));
        QVERIFY2(!line.contains(QLatin1String("api_key=")), qPrintable(line));
        pathLogged = pathLogged || line.contains(path);
    }
    QVERIFY2(pathLogged, "the stream's path is logged: the capture did see the worker's lines");
    for (const LiveStatus &s : c().statuses.value(primary())) {
        QVERIFY(!s.reason.contains(secret) && !s.reason.contains(wrongKey));
        QVERIFY(!s.text().contains(secret) && !s.text().contains(wrongKey));
    }
    const int refused = c().find(primary(), State::Error);
    QVERIFY2(c().statuses.value(primary()).at(refused).reason.contains(QLatin1String("API key")),
        qPrintable(c().statuses.value(primary()).at(refused).reason));
}

QTEST_GUILESS_MAIN(TestEventStream)
#include "tst_eventstream.moc"
