#include "domain/jsonreader.h"

#include <QJsonDocument>
#include <climits>
#include <QTest>

using namespace ld;

class TestJsonReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsAndDefaults()
    {
        const QJsonObject o = QJsonDocument::fromJson(
            R"({"s":"x","n":12,"big":9007199254740993,"b":true,"a":[1],"o":{},"nul":null,"rest":1})").object();
        json::Reader r(o, QStringLiteral("data"));
        QCOMPARE(r.string(QStringLiteral("s")), QStringLiteral("x"));
        QCOMPARE(r.string(QStringLiteral("absent"), QStringLiteral("def")), QStringLiteral("def"));
        QCOMPARE(r.string(QStringLiteral("nul"), QStringLiteral("def")), QStringLiteral("def"));
        QCOMPARE(r.int64(QStringLiteral("n")), qint64(12));
        QCOMPARE(r.int64(QStringLiteral("big")), qint64(9007199254740993));
        QCOMPARE(r.id(QStringLiteral("big")), QStringLiteral("9007199254740993"));
        QVERIFY(r.boolean(QStringLiteral("b")));
        QCOMPARE(r.array(QStringLiteral("a")).size(), 1);
        QVERIFY(r.subObject(QStringLiteral("o")).isEmpty());
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r.unreadMembers().keys(), QStringList { QStringLiteral("rest") });
    }

    void firstErrorWins()
    {
        const QJsonObject o = QJsonDocument::fromJson(R"({"a":1,"b":"x","c":1.5})").object();
        json::Reader r(o, QStringLiteral("data.items[2]"));
        QCOMPARE(r.string(QStringLiteral("a"), QStringLiteral("def")), QStringLiteral("def"));
        r.boolean(QStringLiteral("b"));
        QCOMPARE(r.error(), QStringLiteral("data.items[2].a: expected a string, got a number"));
        json::Reader r2(o, QStringLiteral("data"));
        r2.int64(QStringLiteral("c"));
        QCOMPARE(r2.error(), QStringLiteral("data.c: expected an integer"));
    }

    // Counts land in ints: a hostile huge or negative number is clamped, never wrapped.
    void countsAreClamped()
    {
        const QJsonObject o = QJsonDocument::fromJson(
            R"({"n":42,"huge":9007199254740993,"neg":-5,"s":"x"})").object();
        json::Reader r(o, QStringLiteral("data"));
        QCOMPARE(r.count(QStringLiteral("n")), 42);
        QCOMPARE(r.count(QStringLiteral("huge")), INT_MAX);
        QCOMPARE(r.count(QStringLiteral("neg")), 0);
        QCOMPARE(r.count(QStringLiteral("absent"), 7), 7);
        QVERIFY(r.ok());
        QCOMPARE(r.count(QStringLiteral("s")), 0);
        QCOMPARE(r.error(), QStringLiteral("data.s: expected a number, got a string"));
        const Decoded<int> failed = json::finish(r, 1);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error, r.error());
    }
};

QTEST_GUILESS_MAIN(TestJsonReader)
#include "tst_jsonreader.moc"
