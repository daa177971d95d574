// SseParser against the WHATWG event-stream rules. Every case is fed whole, byte by byte and
// split at every point (and, for the line-end cases, in three pieces), and must give the same
// events each time.
#include "live/sseparser.h"

#include <QTest>

using ld::SseEvent;
using ld::SseParser;

namespace {

struct Result
{
    QList<SseEvent> events;
    QList<qint64> retries;
    QList<QByteArray> comments;
    QString lastEventId;
};

bool operator==(const Result &a, const Result &b)
{
    return a.events == b.events && a.retries == b.retries && a.comments == b.comments
        && a.lastEventId == b.lastEventId;
}

QString describe(const Result &r)
{
    QStringList parts;
    for (const SseEvent &e : r.events)
        parts << QStringLiteral("{%1|%2|%3}")
                     .arg(e.type, QString::fromUtf8(e.data.toPercentEncoding()), e.lastEventId);
    return parts.join(QLatin1Char(' '));
}

void attach(SseParser &parser, Result &r)
{
    parser.onEvent = [&r](const SseEvent &e) { r.events << e; };
    parser.onRetry = [&r](qint64 ms) { r.retries << ms; };
    parser.onComment = [&r](QByteArrayView c) { r.comments << c.toByteArray(); };
}

Result feedChunks(const QList<QByteArray> &chunks)
{
    Result r;
    SseParser parser;
    attach(parser, r);
    for (const QByteArray &c : chunks)
        parser.feed(c);
    parser.finish();
    r.lastEventId = parser.lastEventId();
    return r;
}

// Every way of feeding `stream` that the tests use; all must agree.
QList<QList<QByteArray>> feedings(const QByteArray &stream, bool threeWay = false)
{
    QList<QList<QByteArray>> all;
    all << QList<QByteArray> { stream };
    QList<QByteArray> bytes;
    for (char c : stream)
        bytes << QByteArray(1, c);
    all << bytes;
    for (qsizetype i = 0; i <= stream.size(); ++i)
        all << QList<QByteArray> { stream.left(i), stream.mid(i) };
    if (threeWay)
        for (qsizetype i = 0; i <= stream.size(); ++i)
            for (qsizetype j = i; j <= stream.size(); ++j)
                all << QList<QByteArray> { stream.left(i), stream.mid(i, j - i), stream.mid(j) };
    return all;
}

SseEvent ev(const QString &type, const QByteArray &data, const QString &id = {})
{
    return SseEvent { type, data, id };
}

} // namespace

Q_DECLARE_METATYPE(QList<SseEvent>)

class TestSseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void events_data();
    void events();
    void lastEventIdPersistsAndIgnoresNul();
    void retryOnlyFromDigits();
    void commentsAreReported();
    void incompleteEndIsDiscarded();
    void overflowIsBoundedAndResetRecovers();
    void resetStartsANewStream();
    void utf8Replacement_data();
    void utf8Replacement();
    void manyEventsInOneChunk();
};

void TestSseParser::events_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QList<SseEvent>>("expected");
    const QString m = QStringLiteral("message");

    QTest::newRow("one data line")
        << QByteArray("data: hello\n\n") << QList<SseEvent> { ev(m, "hello") };
    QTest::newRow("data lines joined with LF") << QByteArray("data: YHOO\ndata: +2\ndata: 10\n\n")
                                               << QList<SseEvent> { ev(m, "YHOO\n+2\n10") };
    QTest::newRow("event type") << QByteArray("event: webhook\ndata: {\"a\":1}\n\n")
                                << QList<SseEvent> { ev(QStringLiteral("webhook"), "{\"a\":1}") };
    QTest::newRow("type resets after dispatch")
        << QByteArray("event: connected\ndata: 1\n\ndata: 2\n\n")
        << QList<SseEvent> { ev(QStringLiteral("connected"), "1"), ev(m, "2") };
    QTest::newRow("empty event field means message")
        << QByteArray("event:\ndata: x\n\n") << QList<SseEvent> { ev(m, "x") };
    QTest::newRow("no data, no dispatch; type dropped")
        << QByteArray("event: x\n\ndata: y\n\n") << QList<SseEvent> { ev(m, "y") };
    QTest::newRow("CR line ends") << QByteArray("data: a\rdata: b\r\r")
                                  << QList<SseEvent> { ev(m, "a\nb") };
    QTest::newRow("CRLF line ends")
        << QByteArray("data: a\r\ndata: b\r\n\r\n") << QList<SseEvent> { ev(m, "a\nb") };
    QTest::newRow("mixed line ends")
        << QByteArray("data: a\r\ndata: b\rdata: c\n\r\n") << QList<SseEvent> { ev(m, "a\nb\nc") };
    QTest::newRow("LF CR is two line ends")
        << QByteArray("data: a\n\rdata: b\n\n") << QList<SseEvent> { ev(m, "a"), ev(m, "b") };
    QTest::newRow("one optional space only")
        << QByteArray("data:  two\ndata:none\n\n") << QList<SseEvent> { ev(m, " two\nnone") };
    QTest::newRow("colon in the value")
        << QByteArray("data: a: b:c\n\n") << QList<SseEvent> { ev(m, "a: b:c") };
    QTest::newRow("field without colon")
        << QByteArray("data\n\ndata\ndata\n\ndata:") << QList<SseEvent> { ev(m, ""), ev(m, "\n") };
    QTest::newRow("spec: test stream")
        << QByteArray(": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata: "
                      " third event\n\n")
        << QList<SseEvent> { ev(m, "first event", QStringLiteral("1")), ev(m, "second event"),
               ev(m, " third event") };
    QTest::newRow("spec: two identical") << QByteArray("data:test\n\ndata: test\n\n")
                                         << QList<SseEvent> { ev(m, "test"), ev(m, "test") };
    QTest::newRow("unknown field ignored")
        << QByteArray("foo: bar\ndata: x\nbar\n\n") << QList<SseEvent> { ev(m, "x") };
    QTest::newRow("field names are case-sensitive")
        << QByteArray("Data: x\nEVENT: y\n\n") << QList<SseEvent> {};
    QTest::newRow("leading BOM dropped") << QByteArray("\xEF\xBB\xBF"
                                                       "data: x\n\n")
                                         << QList<SseEvent> { ev(m, "x") };
    QTest::newRow("only one BOM dropped") << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBF"
                                                        "data: x\n\ndata: y\n\n")
                                          << QList<SseEvent> { ev(m, "y") };
    QTest::newRow("BOM later is content")
        << QByteArray("data: a\xEF\xBB\xBF\n\n") << QList<SseEvent> { ev(m, "a\xEF\xBB\xBF") };
    QTest::newRow("partial BOM is content") << QByteArray("\xEF\xBB"
                                                          "data: x\n\ndata: y\n\n")
                                            << QList<SseEvent> { ev(m, "y") };
    QTest::newRow("multi-byte characters")
        << QByteArray("data: caf\xC3\xA9 \xF0\x9F\x98\x80 \xD7\xA9\xD7\x9C\n\n")
        << QList<SseEvent> { ev(m, "caf\xC3\xA9 \xF0\x9F\x98\x80 \xD7\xA9\xD7\x9C") };
    QTest::newRow("invalid byte replaced") << QByteArray("data: a\xFF"
                                                         "b\n\n")
                                           << QList<SseEvent> { ev(m,
                                                  "a\xEF\xBF\xBD"
                                                  "b") };
    QTest::newRow("event type decoded")
        << QByteArray("event: \xC3\xA9v\n\ndata: x\nevent: t\xC3\xA9\n\n")
        << QList<SseEvent> { ev(QStringLiteral("t\u00e9"), "x") };
    QTest::newRow("LinkUp frames")
        << QByteArray(
               "event: connected\ndata: {\"webhook_id\": \"abc123\", \"account_id\": \"69c1\"}\n\n"
               ": keepalive\n\n"
               "event: webhook\ndata: {\"account_id\": \"69c1\", \"event\": {\"type\": "
               "\"message\"}}\n\n")
        << QList<SseEvent> { ev(QStringLiteral("connected"),
                                 "{\"webhook_id\": \"abc123\", \"account_id\": \"69c1\"}"),
               ev(QStringLiteral("webhook"),
                   "{\"account_id\": \"69c1\", \"event\": {\"type\": \"message\"}}") };
}

void TestSseParser::events()
{
    QFETCH(QByteArray, stream);
    QFETCH(QList<SseEvent>, expected);
    const bool threeWay = stream.contains('\r') && stream.size() < 40;
    for (const QList<QByteArray> &chunks : feedings(stream, threeWay)) {
        const Result r = feedChunks(chunks);
        QVERIFY2(r.events == expected,
            qPrintable(QStringLiteral("chunks %1: got %2").arg(chunks.size()).arg(describe(r))));
    }
}

void TestSseParser::lastEventIdPersistsAndIgnoresNul()
{
    const QByteArray stream = QByteArray("id: 7\ndata: a\n\ndata: b\n\nid: x") + '\0'
        + QByteArray("y\ndata: c\n\nid: 8\n\ndata: d\n\nid\ndata: e\n\n");
    const QString m = QStringLiteral("message");
    const QList<SseEvent> expected { ev(m, "a", QStringLiteral("7")),
        ev(m, "b", QStringLiteral("7")), ev(m, "c", QStringLiteral("7")),
        ev(m, "d", QStringLiteral("8")), ev(m, "e") };
    for (const QList<QByteArray> &chunks : feedings(stream)) {
        const Result r = feedChunks(chunks);
        QVERIFY2(r.events == expected, qPrintable(describe(r)));
        QCOMPARE(r.lastEventId, QString());
    }
    // An id with no data still becomes the source's last event id when the blank line comes.
    const Result r = feedChunks({ QByteArray("id: 42\n\n") });
    QVERIFY(r.events.isEmpty());
    QCOMPARE(r.lastEventId, QStringLiteral("42"));
}

void TestSseParser::retryOnlyFromDigits()
{
    const QByteArray stream("retry: 1500\nretry: 15a\nretry: -1\nretry:\nretry: 2 \nretry:0300\n"
                            "retry: 99999999999999999999999\n");
    for (const QList<QByteArray> &chunks : feedings(stream)) {
        const Result r = feedChunks(chunks);
        QCOMPARE(r.retries, (QList<qint64> { 1500, 300, std::numeric_limits<qint64>::max() }));
    }
    SseParser p;
    QCOMPARE(p.retryMs(), -1);
    p.feed("retry: 250\n");
    QCOMPARE(p.retryMs(), 250);
}

void TestSseParser::commentsAreReported()
{
    for (const QList<QByteArray> &chunks :
        feedings(QByteArray(": keepalive\r\n:\ndata: x\n:c\n\n"))) {
        const Result r = feedChunks(chunks);
        QCOMPARE(r.comments, (QList<QByteArray> { " keepalive", "", "c" }));
        QCOMPARE(r.events.size(), 1);
    }
}

void TestSseParser::incompleteEndIsDiscarded()
{
    QVERIFY(feedChunks({ QByteArray("data: a\n") }).events.isEmpty());
    QVERIFY(feedChunks({ QByteArray("data: a\n\ndata: b") }).events.size() == 1);
    // A CR at the very end ends the line; the event still needs its blank line.
    QVERIFY(feedChunks({ QByteArray("data: a\r") }).events.isEmpty());
    // finish() forgets the half line: the next stream starts clean.
    Result r;
    SseParser p;
    attach(p, r);
    p.feed("data: half");
    p.reset();
    p.feed("data: whole\n\n");
    QCOMPARE(r.events.size(), 1);
    QCOMPARE(r.events.first().data, QByteArray("whole"));
}

void TestSseParser::overflowIsBoundedAndResetRecovers()
{
    Result r;
    SseParser p;
    attach(p, r);
    p.setLimits(64, 128);
    // A stream that sends bytes for ever with no line end: the carried line stops at the limit.
    for (int i = 0; i < 1000; ++i)
        p.feed(QByteArray(10, 'x'));
    QVERIFY(p.overflowed());
    p.reset();
    QVERIFY(!p.overflowed());
    p.feed("data: ok\n\n");
    QCOMPARE(r.events.size(), 1);
    // Too many data lines for one event.
    for (int i = 0; i < 20; ++i)
        p.feed("data: 0123456789\n");
    QVERIFY(p.overflowed());
    p.feed("\n");
    QCOMPARE(r.events.size(), 1);
    // A long line inside one chunk is caught as well.
    p.reset();
    p.feed(QByteArray("data: ") + QByteArray(100, 'y') + "\n\n");
    QVERIFY(p.overflowed());
}

void TestSseParser::resetStartsANewStream()
{
    Result r;
    SseParser p;
    attach(p, r);
    p.feed("id: 5\ndata: a\n\n");
    p.reset(); // reconnected: a BOM may come again, the last event id stays
    p.feed("\xEF\xBB\xBF"
           "data: b\n\n");
    QCOMPARE(r.events.size(), 2);
    QCOMPARE(r.events.at(1).data, QByteArray("b"));
    QCOMPARE(r.events.at(1).lastEventId, QStringLiteral("5"));
    // A CR at the end of the old stream does not swallow an LF at the start of the new one.
    p.feed("data: c\r");
    p.reset();
    p.feed("\ndata: d\n\n");
    QCOMPARE(r.events.size(), 3);
    QCOMPARE(r.events.at(2).data, QByteArray("d"));
}

void TestSseParser::utf8Replacement_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray fffd("\xEF\xBF\xBD");
    QTest::newRow("valid") << QByteArray("a\xC3\xA9\xF0\x9F\x98\x80")
                           << QByteArray("a\xC3\xA9\xF0\x9F\x98\x80");
    QTest::newRow("lone continuation") << QByteArray("a\x80"
                                                     "b")
                                       << "a" + fffd + "b";
    QTest::newRow("truncated 3-byte") << QByteArray("\xE2\x82"
                                                    "A")
                                      << fffd + "A";
    QTest::newRow("truncated at end") << QByteArray("A\xF0\x9F\x98") << "A" + fffd;
    QTest::newRow("overlong") << QByteArray("\xC0\xAF") << fffd + fffd;
    QTest::newRow("overlong 3-byte") << QByteArray("\xE0\x80\xAF") << fffd + fffd + fffd;
    QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << fffd + fffd + fffd;
    QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << fffd + fffd + fffd + fffd;
    QTest::newRow("invalid lead") << QByteArray("\xFF\xFE") << fffd + fffd;
    QTest::newRow("lead then lead") << QByteArray("\xE2\xE2\x82\xAC") << fffd + "\xE2\x82\xAC";
    QTest::newRow("long ascii then error")
        << QByteArray(40, 'z') + "\x80" << QByteArray(40, 'z') + fffd;
}

void TestSseParser::utf8Replacement()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(SseParser::toValidUtf8(input), expected);
    QCOMPARE(SseParser::isValidUtf8(input), input == expected);
    QVERIFY(SseParser::isValidUtf8(expected));
    // Through the parser too, split everywhere: a split character is reassembled.
    for (const QList<QByteArray> &chunks : feedings("data: " + input + "\n\n")) {
        const Result r = feedChunks(chunks);
        QCOMPARE(r.events.size(), 1);
        QCOMPARE(r.events.first().data, expected);
    }
}

void TestSseParser::manyEventsInOneChunk()
{
    QByteArray stream;
    for (int i = 0; i < 1000; ++i)
        stream += "event: webhook\ndata: {\"n\": " + QByteArray::number(i) + "}\n\n: keepalive\n";
    const Result whole = feedChunks({ stream });
    QCOMPARE(whole.events.size(), 1000);
    QCOMPARE(whole.events.last().data, QByteArray("{\"n\": 999}"));
    QList<QByteArray> chunks;
    for (qsizetype i = 0; i < stream.size(); i += 7)
        chunks << stream.mid(i, 7);
    QVERIFY(feedChunks(chunks) == whole);
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
