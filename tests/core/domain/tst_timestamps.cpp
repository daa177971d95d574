#include "domain/timestamps.h"

#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace ld;

class TestTimestamps : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        const QTimeZone utc = QTimeZone::utc();
        QTest::newRow("zulu") << QStringLiteral("2026-04-26T10:35:00Z")
                              << QDateTime(QDate(2026, 4, 26), QTime(10, 35), utc);
        QTest::newRow("microseconds, no zone is UTC")
            << QStringLiteral("2025-01-15T10:32:00.000000")
            << QDateTime(QDate(2025, 1, 15), QTime(10, 32), utc);
        QTest::newRow("microseconds keep the milliseconds")
            << QStringLiteral("2025-01-15T10:32:00.123456")
            << QDateTime(QDate(2025, 1, 15), QTime(10, 32, 0, 123), utc);
        QTest::newRow("no zone, no fraction") << QStringLiteral("2025-10-15T08:30:00")
                                              << QDateTime(QDate(2025, 10, 15), QTime(8, 30), utc);
        QTest::newRow("offset converted to UTC") << QStringLiteral("2026-04-26T12:35:00+02:00")
                                                 << QDateTime(QDate(2026, 4, 26), QTime(10, 35), utc);
        QTest::newRow("space separator") << QStringLiteral("2026-04-26 10:35:00")
                                         << QDateTime(QDate(2026, 4, 26), QTime(10, 35), utc);
        QTest::newRow("milliseconds with Z") << QStringLiteral("2026-04-26T10:35:00.500Z")
                                             << QDateTime(QDate(2026, 4, 26), QTime(10, 35, 0, 500), utc);
        QTest::newRow("garbage") << QStringLiteral("yesterday") << QDateTime();
        QTest::newRow("empty") << QString() << QDateTime();
        QTest::newRow("bad month") << QStringLiteral("2026-13-01T00:00:00Z") << QDateTime();
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        const QDateTime t = timestamps::parse(text);
        QCOMPARE(t.isValid(), expected.isValid());
        if (expected.isValid()) {
            QCOMPARE(t, expected);
            QCOMPARE(t.timeSpec(), Qt::UTC);
        }
    }

    void fromJsonEpochs_data()
    {
        QTest::addColumn<QJsonValue>("json");
        QTest::addColumn<qint64>("msecs");
        QTest::newRow("ms epoch beyond 2^32") << QJsonValue(qint64(1777147641366)) << qint64(1777147641366);
        QTest::newRow("zero") << QJsonValue(0) << qint64(0);
        QTest::newRow("string") << QJsonValue(QStringLiteral("1970-01-01T00:00:01Z")) << qint64(1000);
    }
    void fromJsonEpochs()
    {
        QFETCH(QJsonValue, json);
        QFETCH(qint64, msecs);
        const QDateTime t = timestamps::fromJson(json);
        QVERIFY(t.isValid());
        QCOMPARE(t.toMSecsSinceEpoch(), msecs);
        QCOMPARE(t.timeSpec(), Qt::UTC);
    }

    void fromJsonRejectsOtherTypes()
    {
        QVERIFY(!timestamps::fromJson(QJsonValue(true)).isValid());
        QVERIFY(!timestamps::fromJson(QJsonValue()).isValid());
        QVERIFY(!timestamps::fromJson(QJsonValue(QJsonObject())).isValid());
    }

    void toIsoUtc()
    {
        const QDateTime t(QDate(2026, 4, 26), QTime(10, 35), QTimeZone::utc());
        QCOMPARE(timestamps::toIsoUtc(t), QStringLiteral("2026-04-26T10:35:00Z"));
        QCOMPARE(timestamps::toIsoUtc(t.addMSecs(7)), QStringLiteral("2026-04-26T10:35:00.007Z"));
        QCOMPARE(timestamps::toIsoUtc(QDateTime()), QString());
        QCOMPARE(timestamps::parse(timestamps::toIsoUtc(t.addMSecs(7))), t.addMSecs(7));
    }
};

QTEST_GUILESS_MAIN(TestTimestamps)
#include "tst_timestamps.moc"
