#include "domain/account.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace ld;
Q_DECLARE_METATYPE(Account::Status)

static QJsonValue parse(const char *json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

class TestAccount : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void documentedItem()
    {
        const Decoded<Account> a = Account::fromJson(parse(R"({
            "account_id": "acc_abc123", "platform": "linkedin", "account_name": "John Doe",
            "is_active": true, "status": "active", "country": "FR",
            "created_at": "2025-10-15T08:30:00Z", "updated_at": "2025-01-15T10:32:00.000000"})"));
        QVERIFY2(a.ok(), qPrintable(a.error));
        QCOMPARE(a.value.id, QStringLiteral("acc_abc123"));
        QCOMPARE(a.value.name, QStringLiteral("John Doe"));
        QCOMPARE(a.value.platform, QStringLiteral("linkedin"));
        QCOMPARE(a.value.country, QStringLiteral("FR"));
        QCOMPARE(a.value.status, Account::Status::Active);
        QCOMPARE(a.value.rawStatus, QStringLiteral("active"));
        QVERIFY(a.value.isActive);
        QCOMPARE(a.value.createdAt, QDateTime(QDate(2025, 10, 15), QTime(8, 30), QTimeZone::utc()));
        QCOMPARE(a.value.updatedAt, QDateTime(QDate(2025, 1, 15), QTime(10, 32), QTimeZone::utc()));
        QVERIFY(a.value.extra.isEmpty());
    }

    void statuses_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<Account::Status>("status");
        QTest::newRow("active") << QStringLiteral("active") << Account::Status::Active;
        QTest::newRow("connected") << QStringLiteral("connected") << Account::Status::Active;
        QTest::newRow("upper case") << QStringLiteral("ACTIVE") << Account::Status::Active;
        QTest::newRow("inactive") << QStringLiteral("inactive") << Account::Status::Inactive;
        QTest::newRow("checkpoint") << QStringLiteral("checkpoint_required") << Account::Status::CheckpointRequired;
        QTest::newRow("disconnected") << QStringLiteral("disconnected") << Account::Status::Disconnected;
        QTest::newRow("expired") << QStringLiteral("expired") << Account::Status::Disconnected;
        QTest::newRow("unknown") << QStringLiteral("suspended_by_linkedin") << Account::Status::Unknown;
        QTest::newRow("empty") << QString() << Account::Status::Unknown;
    }
    void statuses()
    {
        QFETCH(QString, word);
        QFETCH(Account::Status, status);
        QJsonObject o { { QStringLiteral("account_id"), QStringLiteral("a") } };
        if (!word.isEmpty())
            o.insert(QStringLiteral("status"), word);
        const Decoded<Account> a = Account::fromJson(o);
        QVERIFY2(a.ok(), qPrintable(a.error));
        QCOMPARE(a.value.status, status);
        QCOMPARE(a.value.rawStatus, word);
        QCOMPARE(a.value.isActive, status == Account::Status::Active); // derived when absent
        QVERIFY(!Account::statusText(status).isEmpty());
    }

    void statusTextsDiffer()
    {
        QSet<QString> texts;
        for (auto s : { Account::Status::Unknown, Account::Status::Active, Account::Status::Inactive,
                        Account::Status::CheckpointRequired, Account::Status::Disconnected })
            texts.insert(Account::statusText(s));
        QCOMPARE(texts.size(), 5);
    }

    void extraFieldsKept()
    {
        const Decoded<Account> a = Account::fromJson(parse(R"({
            "account_id": "acc_1", "status": "active", "is_active": false,
            "logs": [{"at": "2025-01-15T10:32:00.000000", "event": "login"}],
            "connection_health": {"score": 0.9}, "note": null})"));
        QVERIFY2(a.ok(), qPrintable(a.error));
        QVERIFY(!a.value.isActive); // is_active wins over the status word when present
        QCOMPARE(a.value.extra.size(), 3);
        QVERIFY(a.value.extra.value(QStringLiteral("logs")).isArray());
        QCOMPARE(a.value.extra.value(QStringLiteral("connection_health")).toObject().value(QStringLiteral("score")).toDouble(), 0.9);
        QVERIFY(!a.value.extra.contains(QStringLiteral("account_id")));

        const QJsonObject back = a.value.toJson();
        QCOMPARE(back.value(QStringLiteral("account_id")).toString(), QStringLiteral("acc_1"));
        QVERIFY(back.value(QStringLiteral("logs")).isArray());
        const Decoded<Account> again = Account::fromJson(back);
        QVERIFY(again.ok());
        QCOMPARE(again.value.extra, a.value.extra);
        QCOMPARE(again.value.status, a.value.status);
    }

    void msEpochTimestamps()
    {
        const Decoded<Account> a = Account::fromJson(parse(
            R"({"account_id": "a", "created_at": 1777147641366, "updated_at": 4294967297000})"));
        QVERIFY2(a.ok(), qPrintable(a.error));
        QCOMPARE(a.value.createdAt.toMSecsSinceEpoch(), qint64(1777147641366));
        QCOMPARE(a.value.updatedAt.toMSecsSinceEpoch(), qint64(4294967297000));
    }

    void wrongTypes_data()
    {
        QTest::addColumn<QJsonValue>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("root is an array") << parse("[1]") << QStringLiteral("data: expected an object, got an array");
        QTest::newRow("root is null") << QJsonValue() << QStringLiteral("data: expected an object, got null");
        QTest::newRow("missing id") << parse(R"({"status":"active"})") << QStringLiteral("data.account_id: missing");
        QTest::newRow("id is a boolean") << parse(R"({"account_id":true})")
                                         << QStringLiteral("data.account_id: expected a string, got a boolean");
        QTest::newRow("name is a number") << parse(R"({"account_id":"a","account_name":5})")
                                          << QStringLiteral("data.account_name: expected a string, got a number");
        QTest::newRow("is_active is a string") << parse(R"({"account_id":"a","is_active":"yes"})")
                                               << QStringLiteral("data.is_active: expected a boolean, got a string");
        QTest::newRow("created_at is an object") << parse(R"({"account_id":"a","created_at":{}})")
                                                 << QStringLiteral("data.created_at: expected a timestamp, got an object");
    }
    void wrongTypes()
    {
        QFETCH(QJsonValue, json);
        const Decoded<Account> a = Account::fromJson(json);
        QVERIFY(!a.ok());
        QTEST(a.error, "error");
    }

    void page()
    {
        const Decoded<AccountPage> p = AccountPage::fromJson(parse(R"({
            "items": [{"account_id":"a1","status":"active"},{"account_id":"a2","status":"inactive"}],
            "total": 1247, "limit": 2, "offset": 10, "extra": true})"));
        QVERIFY2(p.ok(), qPrintable(p.error));
        QCOMPARE(p.value.items.size(), 2);
        QCOMPARE(p.value.items.at(1).status, Account::Status::Inactive);
        QCOMPARE(p.value.total, 1247);
        QCOMPARE(p.value.limit, 2);
        QCOMPARE(p.value.offset, 10);
    }

    void pageDefaults()
    {
        const Decoded<AccountPage> p = AccountPage::fromJson(parse(R"({"items": [{"account_id":"a1"}]})"));
        QVERIFY2(p.ok(), qPrintable(p.error));
        QCOMPARE(p.value.total, 1);
        QCOMPARE(p.value.offset, 0);
        QVERIFY(AccountPage::fromJson(parse("{}")).ok());
    }

    void pageErrors_data()
    {
        QTest::addColumn<QJsonValue>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("items is an object") << parse(R"({"items":{}})")
                                            << QStringLiteral("data.items: expected an array, got an object");
        QTest::newRow("bad item") << parse(R"({"items":[{"account_id":"a"},{"account_id":"b"},{"account_id":"c"},{"account_id":[]}]})")
                                  << QStringLiteral("data.items[3].account_id: expected a string, got an array");
        QTest::newRow("item not an object") << parse(R"({"items":["a"]})")
                                            << QStringLiteral("data.items[0]: expected an object, got a string");
        QTest::newRow("total is a string") << parse(R"({"items":[],"total":"12"})")
                                           << QStringLiteral("data.total: expected a number, got a string");
    }
    void pageErrors()
    {
        QFETCH(QJsonValue, json);
        const Decoded<AccountPage> p = AccountPage::fromJson(json);
        QVERIFY(!p.ok());
        QTEST(p.error, "error");
    }
};

QTEST_GUILESS_MAIN(TestAccount)
#include "tst_account.moc"
