// EventDeduper: an event seen on the stream and in a gap fill, in either order, is delivered
// once; distinct events with identical content stay distinct; a repeated page item is dropped;
// memory stays within the capacity.
#include "live/eventdeduper.h"

#include <QTest>

using ld::EventDeduper;

class TestEventDeduper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void streamThenPoll();
    void pollThenStream();
    void identicalContentTwiceStaysTwo_data();
    void identicalContentTwiceStaysTwo();
    void repeatedPageItemDropped();
    void distinctKeysAllPass();
    void capacityBoundsMemory();
};

void TestEventDeduper::streamThenPoll()
{
    EventDeduper d;
    QVERIFY(d.acceptStreamed("k1"));
    QVERIFY(!d.acceptPolled(QStringLiteral("e1"), "k1")); // the gap fill's copy
    QVERIFY(!d.acceptPolled(QStringLiteral("e1"), "k1")); // and the next fill's overlap
}

void TestEventDeduper::pollThenStream()
{
    EventDeduper d;
    QVERIFY(d.acceptPolled(QStringLiteral("e1"), "k1"));
    QVERIFY(!d.acceptStreamed("k1")); // the stream brought it after the gap fill did
    QVERIFY(d.acceptStreamed("k1")); // a second live copy is a second event
}

void TestEventDeduper::identicalContentTwiceStaysTwo_data()
{
    // The order in which two identical events ("ok" twice within a second) and their polled
    // copies arrive; S: from the stream, 1 and 2: the polled copies with their ids.
    QTest::addColumn<QString>("order");
    QTest::addColumn<int>("delivered");
    QTest::newRow("S S 1 2") << QStringLiteral("SS12") << 2;
    QTest::newRow("S 1 S 2") << QStringLiteral("S1S2") << 2;
    QTest::newRow("1 2 S S") << QStringLiteral("12SS") << 2;
    QTest::newRow("1 S 2 S") << QStringLiteral("1S2S") << 2;
    QTest::newRow("1 2 only") << QStringLiteral("12") << 2;
    QTest::newRow("S S only") << QStringLiteral("SS") << 2;
    QTest::newRow("S 1 2 1 2 S") << QStringLiteral("S1212S") << 2;
}

void TestEventDeduper::identicalContentTwiceStaysTwo()
{
    QFETCH(QString, order);
    QFETCH(int, delivered);
    EventDeduper d;
    int n = 0;
    for (const QChar step : order) {
        if (step == QLatin1Char('S'))
            n += d.acceptStreamed("same") ? 1 : 0;
        else
            n += d.acceptPolled(QStringLiteral("e") + step, "same") ? 1 : 0;
    }
    QCOMPARE(n, delivered);
}

void TestEventDeduper::repeatedPageItemDropped()
{
    EventDeduper d;
    QVERIFY(d.acceptPolled(QStringLiteral("e1"), "k1"));
    QVERIFY(!d.acceptPolled(QStringLiteral("e1"), "k1"));
    // Even if the server changed the payload between two polls, the id still matches.
    QVERIFY(!d.acceptPolled(QStringLiteral("e1"), "k1-changed"));
}

void TestEventDeduper::distinctKeysAllPass()
{
    EventDeduper d;
    for (int i = 0; i < 100; ++i) {
        QVERIFY(d.acceptStreamed(QByteArray::number(i)));
        QVERIFY(d.acceptPolled(QStringLiteral("id%1").arg(i), "p" + QByteArray::number(i)));
    }
}

void TestEventDeduper::capacityBoundsMemory()
{
    EventDeduper d(100);
    for (int i = 0; i < 1000; ++i) {
        d.acceptStreamed("s" + QByteArray::number(i));
        d.acceptPolled(QStringLiteral("id%1").arg(i), "p" + QByteArray::number(i));
    }
    QCOMPARE(d.keyCount(), 100);
    QCOMPARE(d.idCount(), 100);
    // Recent ones are still known; the oldest are forgotten (the store de-duplicates those).
    QVERIFY(!d.acceptPolled(QStringLiteral("id999"), "p999"));
    QVERIFY(d.acceptPolled(QStringLiteral("id0"), "p0"));
}

QTEST_GUILESS_MAIN(TestEventDeduper)
#include "tst_eventdeduper.moc"
