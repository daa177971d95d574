// The EventStream worker's pacing rules: reconnect back-off with full jitter (exponential,
// capped), and a poll interval that grows so that many polled accounts stay within the budget
// of polls a minute they share with the REST calls' API key.
#include "live/livepacing.h"

#include <QTest>

using namespace ld;

class TestLivePacing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backoffDoublesUpToTheCap_data();
    void backoffDoublesUpToTheCap();
    void backoffIsJittered();
    void pollRangeWithinBudget_data();
    void pollRangeWithinBudget();
    void meanPollRateNeverExceedsBudget();
};

void TestLivePacing::backoffDoublesUpToTheCap_data()
{
    QTest::addColumn<int>("failures");
    QTest::addColumn<int>("ceiling");
    QTest::newRow("first") << 1 << 1000;
    QTest::newRow("second") << 2 << 2000;
    QTest::newRow("third") << 3 << 4000;
    QTest::newRow("sixth") << 6 << 32000;
    QTest::newRow("seventh: capped") << 7 << 60000;
    QTest::newRow("hundredth: capped") << 100 << 60000;
    QTest::newRow("none yet: as the first") << 0 << 1000;
}

void TestLivePacing::backoffDoublesUpToTheCap()
{
    QFETCH(int, failures);
    QFETCH(int, ceiling);
    const EventStreamSettings settings; // 1 s base, 60 s cap
    QCOMPARE(pacing::backoffMs(settings, failures, [] { return 1.0; }), ceiling);
    QCOMPARE(pacing::backoffMs(settings, failures, [] { return 0.5; }), ceiling / 2);
    QCOMPARE(pacing::backoffMs(settings, failures, [] { return 0.0; }), 0);
}

void TestLivePacing::backoffIsJittered()
{
    // Full jitter: anywhere from 0 to the ceiling, so that streams dropped together do not
    // all come back at the same moment.
    const EventStreamSettings settings;
    int low = 0, high = 0;
    for (int i = 0; i < 1000; ++i) {
        const int ms = pacing::backoffMs(settings, 4);
        QVERIFY(ms >= 0 && ms <= 8000);
        low += ms < 2000 ? 1 : 0;
        high += ms > 6000 ? 1 : 0;
    }
    QVERIFY(low > 100);
    QVERIFY(high > 100);
}

void TestLivePacing::pollRangeWithinBudget_data()
{
    QTest::addColumn<int>("budget");
    QTest::addColumn<int>("accounts");
    QTest::addColumn<int>("lo");
    QTest::addColumn<int>("hi");
    QTest::newRow("no budget") << 0 << 1000 << 30000 << 60000;
    QTest::newRow("a few accounts: 30-60 s") << 100 << 10 << 30000 << 60000;
    QTest::newRow("50 accounts: still 30-60 s") << 100 << 50 << 30000 << 60000;
    QTest::newRow("80 accounts: 48-96 s") << 100 << 80 << 48000 << 96000;
    QTest::newRow("980 accounts: about 10-20 min") << 100 << 980 << 588000 << 1176000;
}

void TestLivePacing::pollRangeWithinBudget()
{
    QFETCH(int, budget);
    QFETCH(int, accounts);
    QFETCH(int, lo);
    QFETCH(int, hi);
    EventStreamSettings settings;
    settings.pollBudgetPerMinute = budget;
    const auto range = pacing::pollRangeMs(settings, accounts);
    QCOMPARE(range.first, lo);
    QCOMPARE(range.second, hi);
}

void TestLivePacing::meanPollRateNeverExceedsBudget()
{
    EventStreamSettings settings;
    for (int accounts = 1; accounts <= 5000; accounts += 7) {
        const auto [lo, hi] = pacing::pollRangeMs(settings, accounts);
        const double meanMs = (lo + hi) / 2.0;
        const double perMinute = accounts * 60000.0 / meanMs;
        QVERIFY2(perMinute <= settings.pollBudgetPerMinute,
            qPrintable(
                QStringLiteral("%1 accounts: %2 polls a minute").arg(accounts).arg(perMinute)));
        QVERIFY(lo >= settings.pollMinMs);
    }
}

QTEST_GUILESS_MAIN(TestLivePacing)
#include "tst_livepacing.moc"
