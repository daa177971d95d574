// The JSON lines of linkupctl sse-parse: each line parses back (QJsonDocument) to exactly the
// event's type, data and last event id, whatever the text holds.
#include "live/ssejson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ld;

class TestSseJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void retryLine();
};

void TestSseJson::roundTrip_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("plain") << QByteArray("hello");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("json inside") << QByteArray(
        R"({"account_id": "a", "event": {"type": "message"}})");
    QTest::newRow("quotes and backslashes") << QByteArray(R"(a "b" \c \\ \")");
    QTest::newRow("line ends and tabs") << QByteArray("a\nb\r\nc\td");
    QByteArray controls;
    for (int c = 1; c < 0x20; ++c)
        controls.append(char(c));
    controls.append('\x7f');
    QTest::newRow("every control character") << controls;
    QTest::newRow("NUL") << QByteArray("a\0b", 3);
    QTest::newRow("unicode") << QByteArray(
        "caf\xC3\xA9 \xF0\x9F\x98\x80 \xD7\xA9\xD7\x9C \xE2\x80\xA8");
    QTest::newRow("replacement char") << QByteArray("x\xEF\xBF\xBDy");
}

void TestSseJson::roundTrip()
{
    QFETCH(QByteArray, data);
    const SseEvent event { QStringLiteral("web\"hook"), data, QStringLiteral("id\\1") };
    QByteArray line;
    ssejson::appendEvent(line, event);
    QVERIFY(line.endsWith('\n'));
    QCOMPARE(line.count('\n'), 1); // one line per event, whatever the data holds
    QJsonParseError error {};
    const QJsonObject o = QJsonDocument::fromJson(line, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(o.size(), 3);
    QCOMPARE(o.value(QStringLiteral("type")).toString(), event.type);
    QCOMPARE(o.value(QStringLiteral("data")).toString().toUtf8(), data);
    QCOMPARE(o.value(QStringLiteral("lastEventId")).toString(), event.lastEventId);
}

void TestSseJson::retryLine()
{
    QByteArray line;
    ssejson::appendRetry(line, 1500);
    QCOMPARE(line, QByteArray("{\"retry\":1500}\n"));
}

QTEST_GUILESS_MAIN(TestSseJson)
#include "tst_ssejson.moc"
