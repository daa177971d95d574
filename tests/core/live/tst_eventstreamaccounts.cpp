// EventStream with many accounts and across runs (issue 5 items 3–4), against the sandbox with
// the worker in a real QThread: accounts beyond the streamed limit are polled, and the order
// decides which are streamed; fourteen streams are all open at once (one network manager could
// hold only six) while the gap fills still get through; the poll budget stretches the interval;
// a gap fill pages through a backlog oldest first; the cursor resumes a later run where this one
// stopped; a cursor older than the retention is flagged once; a dropped account is stopped.
#include "livetestsupport.h"

using namespace ld;
using ld::sandbox::SandboxServer;
using ld::sandbox::Seeds;
using State = LiveStatus::State;

class TestEventStreamAccounts : public QObject
{
    Q_OBJECT

    LiveFixture f;

    Collector &c() { return *f.collector; }
    void waitCaughtUp(const QString &accountId, int fills)
    {
        QTRY_VERIFY_WITH_TIMEOUT(
            c().caughtUp.value(accountId) >= fills && c().isState(accountId, State::Live), 10000);
    }
    const Received *find(const QString &text) const
    {
        for (const Received &r : std::as_const(f.collector->events))
            if (r.event.text == text)
                return &r;
        return nullptr;
    }
    static EventStreamSettings pollingSettings(int maxStreamed)
    {
        EventStreamSettings s = LiveFixture::fastSettings();
        s.maxStreamedAccounts = maxStreamed;
        s.pollMinMs = 50;
        s.pollMaxMs = 100;
        s.pollBudgetPerMinute = 0;
        return s;
    }

private Q_SLOTS:
    void init() { QVERIFY(f.setUp()); }
    void cleanup() { f.tearDown(); }

    void pollingBeyondStreamedLimit();
    void manyStreamsAllOpen();
    void pollBudgetStretchesInterval_data();
    void pollBudgetStretchesInterval();
    void gapFillPagesThroughBacklog();
    void cursorResumesNextRun();
    void retentionExceededOnce();
    void droppedAccountStops();
};

void TestEventStreamAccounts::pollingBeyondStreamedLimit()
{
    const QList<WatchedAccount> all = f.watchEveryActiveAccount();
    QCOMPARE(all.size(), 3);
    const WatchedAccount a = all.at(0), b = all.at(1), x = all.at(2);
    f.startWorker(pollingSettings(1), { a, b, x });
    waitCaughtUp(a.accountId, 1);
    QTRY_VERIFY(c().caughtUp.value(b.accountId) >= 1 && c().caughtUp.value(x.accountId) >= 1);
    QVERIFY(c().isState(b.accountId, State::Polling));
    QVERIFY(c().isState(x.accountId, State::Polling));
    QCOMPARE(c().last(b.accountId).retryInSeconds, 1); // 50–100 ms
    QCOMPARE(f.sandbox->openStreamCount(), 1);
    QCOMPARE(f.sandbox->requestCount(WebhooksService::streamPath(b.webhookId)), 0);
    QCOMPARE(f.sandbox->requestCount(WebhooksService::streamPath(x.webhookId)), 0);

    f.emitMessage(b.accountId, 0);
    f.emitMessage(x.accountId, 1);
    f.emitMessage(a.accountId, 2);
    QTRY_COMPARE(c().events.size(), 3);
    QVERIFY(!find(LiveFixture::text(0))->eventId.isEmpty()); // polled
    QCOMPARE(find(LiveFixture::text(0))->webhookId, b.webhookId);
    QVERIFY(!find(LiveFixture::text(1))->eventId.isEmpty());
    QVERIFY(find(LiveFixture::text(2))->eventId.isEmpty()); // streamed
    // More polls over the same window bring nothing twice.
    const int polls = c().caughtUp.value(b.accountId);
    QTRY_VERIFY(c().caughtUp.value(b.accountId) >= polls + 3);
    QCOMPARE(c().events.size(), 3);

    // The order changes: x is now the most recently active, so x is streamed and a is polled.
    f.setAccounts({ x, a, b });
    QTRY_VERIFY(c().isState(x.accountId, State::Live) && c().isState(a.accountId, State::Polling));
    QTRY_COMPARE(f.sandbox->openStreamCount(), 1);
    QCOMPARE(f.sandbox->requestCount(WebhooksService::streamPath(x.webhookId)), 1);
    f.emitMessage(a.accountId, 3);
    f.emitMessage(x.accountId, 4);
    QTRY_COMPARE(c().events.size(), 5);
    QVERIFY(!find(LiveFixture::text(3))->eventId.isEmpty()); // a's stream is closed
    QCOMPARE(find(LiveFixture::text(4))->webhookId, x.webhookId);
    QCOMPARE(c().countText(LiveFixture::text(4)), 1); // the stream's or the gap fill's copy
}

void TestEventStreamAccounts::manyStreamsAllOpen()
{
    f.sandbox->addSeededAccounts(11);
    const QList<WatchedAccount> all = f.watchEveryActiveAccount();
    QCOMPARE(all.size(), 14);
    f.startWorker(LiveFixture::fastSettings(), all);
    // One network manager would hold six and queue the rest for ever: in groups of six, all
    // fourteen are open together, and every gap fill (REST, its own manager) got through.
    QTRY_VERIFY_WITH_TIMEOUT(f.sandbox->openStreamCount() == 14, 10000);
    for (const WatchedAccount &a : all)
        waitCaughtUp(a.accountId, 1);
    for (int i = 0; i < all.size(); ++i)
        f.emitMessage(all.at(i).accountId, i);
    QTRY_COMPARE(c().events.size(), 14);
    for (int i = 0; i < all.size(); ++i) {
        const Received *r = find(LiveFixture::text(i));
        QVERIFY(r);
        QVERIFY(r->eventId.isEmpty());
        QCOMPARE(r->webhookId, all.at(i).webhookId);
    }
}

void TestEventStreamAccounts::pollBudgetStretchesInterval_data()
{
    QTest::addColumn<int>("budget");
    QTest::addColumn<int>("minSeconds");
    QTest::addColumn<int>("maxSeconds");
    QTest::newRow("no budget: 50–100 ms") << 0 << 1 << 1;
    // Three polled accounts at 60 a minute: at least 3 s apart each, 3–6 s.
    QTest::newRow("60 a minute") << 60 << 4 << 5;
}

void TestEventStreamAccounts::pollBudgetStretchesInterval()
{
    QFETCH(int, budget);
    QFETCH(int, minSeconds);
    QFETCH(int, maxSeconds);
    const QList<WatchedAccount> all = f.watchEveryActiveAccount();
    EventStreamSettings settings = pollingSettings(0);
    settings.pollBudgetPerMinute = budget;
    f.startWorker(settings, all);
    for (const WatchedAccount &a : all) {
        QTRY_VERIFY(c().isState(a.accountId, State::Polling));
        const int seconds = c().last(a.accountId).retryInSeconds;
        QVERIFY2(
            seconds >= minSeconds && seconds <= maxSeconds, qPrintable(QString::number(seconds)));
    }
    QCOMPARE(f.sandbox->openStreamCount(), 0);
}

void TestEventStreamAccounts::gapFillPagesThroughBacklog()
{
    const QString account = Seeds::primaryAccountId();
    const QString hook = f.hostedWebhook(account);
    f.startWorker(LiveFixture::fastSettings(), { { account, hook, {} } });
    waitCaughtUp(account, 1);
    const QString eventsPath = QStringLiteral("/v2/webhooks/%1/events").arg(hook);
    const int requestsBefore = f.sandbox->requestCount(eventsPath);
    f.sandbox->injectFault(SandboxServer::Fault::DropStreams, 0);
    for (int i = 0; i < 450; ++i)
        f.emitMessage(account, i);
    QTRY_COMPARE_WITH_TIMEOUT(c().events.size(), 450, 20000);
    for (int i = 0; i < 450; ++i) {
        QCOMPARE(c().events.at(i).event.text, LiveFixture::text(i)); // oldest first
        QVERIFY(!c().events.at(i).eventId.isEmpty());
    }
    QVERIFY(f.sandbox->requestCount(eventsPath) >= requestsBefore + 3); // 200 + 200 + 50
}

void TestEventStreamAccounts::cursorResumesNextRun()
{
    const QString account = Seeds::primaryAccountId();
    const QString hook = f.hostedWebhook(account);
    EventStreamSettings settings = LiveFixture::fastSettings();
    settings.overlapMs = 0; // exact, so that the test can tell what the cursor covers
    f.startWorker(settings, { { account, hook, {} } });
    waitCaughtUp(account, 1);
    f.sandbox->injectFault(SandboxServer::Fault::DropStreams, 0);
    f.emitMessage(account, 0);
    f.emitMessage(account, 1);
    QTRY_COMPARE(c().events.size(), 2);
    waitCaughtUp(account, 2);
    const QDateTime cursor = c().cursors.value(account);
    QVERIFY(cursor.isValid());
    QCOMPARE(cursor.timeSpec(), Qt::UTC);
    f.stopWorker();
    QVERIFY(c().isState(account, State::Stopped));

    // While the app is closed, two more; the next run starts from the kept cursor.
    f.emitMessage(account, 2);
    f.emitMessage(account, 3);
    c().events.clear();
    f.startWorker(settings, { { account, hook, cursor } });
    waitCaughtUp(account, 3);
    QTRY_COMPARE(c().events.size(), 2);
    QCOMPARE(c().events.at(0).event.text, LiveFixture::text(2));
    QCOMPARE(c().events.at(1).event.text, LiveFixture::text(3));
    QVERIFY(c().retentionExceeded.isEmpty());
}

void TestEventStreamAccounts::retentionExceededOnce()
{
    const QList<WatchedAccount> all = f.watchEveryActiveAccount();
    WatchedAccount stale = all.at(0);
    WatchedAccount recent = all.at(1);
    stale.cursor = QDateTime::currentDateTimeUtc().addSecs(-25 * 3600);
    recent.cursor = QDateTime::currentDateTimeUtc().addSecs(-3600);
    f.startWorker(LiveFixture::fastSettings(), { stale, recent });
    waitCaughtUp(stale.accountId, 1);
    waitCaughtUp(recent.accountId, 1);
    QCOMPARE(c().retentionExceeded, QStringList { stale.accountId });
    // The gap fill moved the cursor on: the next reconnect does not flag it again.
    QVERIFY(c().cursors.value(stale.accountId) > stale.cursor);
    f.sandbox->injectFault(SandboxServer::Fault::DropStreams, 0);
    waitCaughtUp(stale.accountId, 2);
    waitCaughtUp(recent.accountId, 2);
    QCOMPARE(c().retentionExceeded, QStringList { stale.accountId });
}

void TestEventStreamAccounts::droppedAccountStops()
{
    const QList<WatchedAccount> all = f.watchEveryActiveAccount();
    const WatchedAccount a = all.at(0), b = all.at(1), x = all.at(2);
    const auto polls = [this](const WatchedAccount &w) {
        return f.sandbox->requestCount(QStringLiteral("/v2/webhooks/%1/events").arg(w.webhookId));
    };
    f.startWorker(pollingSettings(1), { a, b, x });
    waitCaughtUp(a.accountId, 1);
    QTRY_VERIFY(c().caughtUp.value(b.accountId) >= 1);

    // A polled account goes: nobody polls it any more, while the other one goes on.
    f.setAccounts({ a, x });
    QTRY_VERIFY(c().isState(b.accountId, State::Stopped));
    const int pollsOfB = polls(b);
    const int fillsOfX = c().caughtUp.value(x.accountId);
    QTRY_VERIFY(c().caughtUp.value(x.accountId) >= fillsOfX + 3);
    QCOMPARE(polls(b), pollsOfB);

    // The streamed account goes: its stream closes and x, now first, is streamed.
    f.setAccounts({ x });
    QTRY_VERIFY(c().isState(a.accountId, State::Stopped));
    QTRY_VERIFY(c().isState(x.accountId, State::Live));
    QTRY_COMPARE(f.sandbox->openStreamCount(), 1);
    QCOMPARE(f.sandbox->requestCount(WebhooksService::streamPath(x.webhookId)), 1);
    f.emitMessage(x.accountId, 0);
    QTRY_COMPARE(c().events.size(), 1);
}

QTEST_GUILESS_MAIN(TestEventStreamAccounts)
#include "tst_eventstreamaccounts.moc"
