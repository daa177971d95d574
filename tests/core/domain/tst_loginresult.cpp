#include "domain/loginresult.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ld;
Q_DECLARE_METATYPE(LoginResult::Status)
Q_DECLARE_METATYPE(LoginResult::Challenge)

static QJsonValue parse(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

class TestLoginResult : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decode_data()
    {
        QTest::addColumn<QJsonValue>("json");
        QTest::addColumn<QString>("accountId");
        QTest::addColumn<LoginResult::Status>("status");
        QTest::addColumn<LoginResult::Challenge>("challenge");
        QTest::addColumn<QString>("rawChallenge");
        QTest::newRow("connected")
            << parse(R"({"account_id":"69c127c37cae0494dd827286","status":"connected"})")
            << QStringLiteral("69c127c37cae0494dd827286") << LoginResult::Status::Connected
            << LoginResult::Challenge::None << QString();
        QTest::newRow("code challenge")
            << parse(R"({"account_id":"acc_1","status":"checkpoint_required","challenge_type":"code_challenge"})")
            << QStringLiteral("acc_1") << LoginResult::Status::CheckpointRequired
            << LoginResult::Challenge::Code << QString();
        QTest::newRow("app challenge")
            << parse(R"({"account_id":"acc_2","status":"checkpoint_required","challenge_type":"app_challenge"})")
            << QStringLiteral("acc_2") << LoginResult::Status::CheckpointRequired
            << LoginResult::Challenge::App << QString();
        QTest::newRow("unknown challenge kept raw")
            << parse(R"({"account_id":"acc_3","status":"checkpoint_required","challenge_type":"captcha"})")
            << QStringLiteral("acc_3") << LoginResult::Status::CheckpointRequired
            << LoginResult::Challenge::None << QStringLiteral("captcha");
        QTest::newRow("extra fields ignored")
            << parse(R"({"account_id":"acc_4","status":"connected","whatever":[1,2],"message":"ok"})")
            << QStringLiteral("acc_4") << LoginResult::Status::Connected
            << LoginResult::Challenge::None << QString();
        QTest::newRow("no status but a challenge")
            << parse(R"({"account_id":"acc_5","challenge_type":"code_challenge"})")
            << QStringLiteral("acc_5") << LoginResult::Status::CheckpointRequired
            << LoginResult::Challenge::Code << QString();
        QTest::newRow("numeric id kept exact")
            << parse(R"({"account_id":7453486530700017665,"status":"connected"})")
            << QStringLiteral("7453486530700017665") << LoginResult::Status::Connected
            << LoginResult::Challenge::None << QString();
    }
    void decode()
    {
        QFETCH(QJsonValue, json);
        const Decoded<LoginResult> r = LoginResult::fromJson(json);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QTEST(r.value.accountId, "accountId");
        QTEST(r.value.status, "status");
        QTEST(r.value.challenge, "challenge");
        QTEST(r.value.rawChallenge, "rawChallenge");
    }

    void errors_data()
    {
        QTest::addColumn<QJsonValue>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("not an object") << QJsonValue(QStringLiteral("ok"))
                                       << QStringLiteral("data: expected an object, got a string");
        QTest::newRow("missing account_id") << parse(R"({"status":"connected"})")
                                            << QStringLiteral("data.account_id: missing");
        QTest::newRow("account_id wrong type") << parse(R"({"account_id":{},"status":"connected"})")
                                               << QStringLiteral("data.account_id: expected a string, got an object");
        QTest::newRow("status wrong type") << parse(R"({"account_id":"a","status":3})")
                                           << QStringLiteral("data.status: expected a string, got a number");
        QTest::newRow("unknown status") << parse(R"({"account_id":"a","status":"pending"})")
                                        << QStringLiteral("data.status: unknown status \"pending\"");
    }
    void errors()
    {
        QFETCH(QJsonValue, json);
        const Decoded<LoginResult> r = LoginResult::fromJson(json);
        QVERIFY(!r.ok());
        QTEST(r.error, "error");
    }
};

QTEST_GUILESS_MAIN(TestLoginResult)
#include "tst_loginresult.moc"
