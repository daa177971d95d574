#include "api/envelope.h"

#include <QJsonArray>
#include <QTest>

using namespace ld;
Q_DECLARE_METATYPE(ApiError::Kind)

class TestEnvelope : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void success()
    {
        const Envelope env = Envelope::decode(200, R"({"success":true,"data":{"items":[]},
            "metadata":{"action":"list_inbox","credits_consumed":3,"timestamp":"2026-04-26T10:35:00Z"}})");
        QVERIFY2(env.ok(), qPrintable(env.error.technicalSummary()));
        QVERIFY(env.data.isObject());
        QVERIFY(env.data.toObject().value(QStringLiteral("items")).isArray());
        QCOMPARE(env.metadata.value(QStringLiteral("action")).toString(), QStringLiteral("list_inbox"));
        QCOMPARE(env.creditsConsumed(), 3);
    }

    void successVariants_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("dataIsArray");
        QTest::newRow("empty data object") << 200 << QByteArray(R"({"success":true,"data":{}})") << false;
        QTest::newRow("data absent") << 200 << QByteArray(R"({"success":true})") << false;
        QTest::newRow("data null") << 200 << QByteArray(R"({"success":true,"data":null})") << false;
        QTest::newRow("data array") << 200 << QByteArray(R"({"success":true,"data":[1,2]})") << true;
        QTest::newRow("201 created") << 201 << QByteArray(R"({"success":true,"data":{"id":"w"}})") << false;
        QTest::newRow("unknown fields") << 200 << QByteArray(R"({"success":true,"data":{},"debug":{"x":1}})") << false;
        QTest::newRow("metadata of the wrong type ignored") << 200 << QByteArray(R"({"success":true,"data":{},"metadata":"x"})") << false;
    }
    void successVariants()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        const Envelope env = Envelope::decode(status, body);
        QVERIFY2(env.ok(), qPrintable(env.error.technicalSummary()));
        QTEST(env.data.isArray(), "dataIsArray");
        QCOMPARE(env.creditsConsumed(), 0);
    }

    // Every documented error code (contract §1.5) decodes as an Api error with its code and message.
    void errorCodes_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("status");
        QTest::newRow("INVALID_API_KEY") << QStringLiteral("INVALID_API_KEY") << 403;
        QTest::newRow("INVALID_ACCOUNT") << QStringLiteral("INVALID_ACCOUNT") << 404;
        QTest::newRow("ACCOUNT_INACTIVE") << QStringLiteral("ACCOUNT_INACTIVE") << 403;
        QTest::newRow("INVALID_ACTION") << QStringLiteral("INVALID_ACTION") << 400;
        QTest::newRow("INVALID_PARAMS") << QStringLiteral("INVALID_PARAMS") << 400;
        QTest::newRow("RATE_LIMITED") << QStringLiteral("RATE_LIMITED") << 429;
        QTest::newRow("INSUFFICIENT_CREDITS") << QStringLiteral("INSUFFICIENT_CREDITS") << 402;
        QTest::newRow("INTERNAL_ERROR") << QStringLiteral("INTERNAL_ERROR") << 500;
        QTest::newRow("CHANNEL_ERROR on 200") << QStringLiteral("CHANNEL_ERROR") << 200;
        QTest::newRow("CHANNEL_ERROR on 400") << QStringLiteral("CHANNEL_ERROR") << 400;
        QTest::newRow("unknown code") << QStringLiteral("BRAND_NEW_CODE") << 409;
    }
    void errorCodes()
    {
        QFETCH(QString, code);
        QFETCH(int, status);
        const QByteArray body = QStringLiteral(
            R"({"success":false,"error":{"code":"%1","message":"Details for %1"},
                "metadata":{"action":"send","credits_consumed":0,"timestamp":"2026-03-24T12:00:00Z"}})")
                                    .arg(code).toUtf8();
        const Envelope env = Envelope::decode(status, body);
        QVERIFY(!env.ok());
        QCOMPARE(env.error.kind, ApiError::Kind::Api);
        QCOMPARE(env.error.code, code);
        QCOMPARE(env.error.httpStatus, status);
        QCOMPARE(env.error.message, QStringLiteral("Details for ") + code);
        QCOMPARE(env.metadata.value(QStringLiteral("action")).toString(), QStringLiteral("send"));
        QCOMPARE(env.creditsConsumed(), 0);
        QVERIFY(!env.error.userMessage().isEmpty());
    }

    // Every kind of body the client cannot use gives a clear error of the right kind.
    void badBodies_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<ApiError::Kind>("kind");
        QTest::addColumn<QString>("messagePart");
        const QByteArray html = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
        QTest::newRow("HTML 502 from a proxy") << 502 << html << ApiError::Kind::Http << QStringLiteral("HTML");
        QTest::newRow("HTML on 200") << 200 << html << ApiError::Kind::BadBody << QStringLiteral("HTML");
        QTest::newRow("empty 200") << 200 << QByteArray() << ApiError::Kind::BadBody << QStringLiteral("empty");
        QTest::newRow("whitespace 200") << 200 << QByteArray(" \r\n") << ApiError::Kind::BadBody << QStringLiteral("empty");
        QTest::newRow("empty 503") << 503 << QByteArray() << ApiError::Kind::Http << QStringLiteral("empty");
        QTest::newRow("truncated JSON") << 200 << QByteArray("{\"success\":true,\"data\":{\"ite") // not raw: moc trips on it
                                        << ApiError::Kind::BadBody << QStringLiteral("invalid JSON");
        QTest::newRow("plain text 500") << 500 << QByteArray("Internal Server Error")
                                        << ApiError::Kind::Http << QStringLiteral("HTTP 500");
        QTest::newRow("root is an array") << 200 << QByteArray("[1,2]") << ApiError::Kind::BadBody
                                          << QStringLiteral("root is an array");
        QTest::newRow("root is a string") << 200 << QByteArray(R"("ok")") << ApiError::Kind::BadBody
                                          << QStringLiteral("root is not an object");
        QTest::newRow("data is a string") << 200 << QByteArray(R"({"success":true,"data":"oops"})")
                                          << ApiError::Kind::BadBody << QStringLiteral("\"data\" is a string");
        QTest::newRow("data is a number") << 200 << QByteArray(R"({"success":true,"data":5})")
                                          << ApiError::Kind::BadBody << QStringLiteral("\"data\" is a number");
        QTest::newRow("success missing") << 200 << QByteArray(R"({"data":{}})") << ApiError::Kind::BadBody
                                         << QStringLiteral("\"success\" is missing");
        QTest::newRow("success is a string") << 200 << QByteArray(R"({"success":"true","data":{}})")
                                             << ApiError::Kind::BadBody << QStringLiteral("expected a boolean");
        QTest::newRow("success missing on 404") << 404 << QByteArray(R"({"detail":"Not Found"})")
                                                << ApiError::Kind::Http << QStringLiteral("missing");
        QTest::newRow("success:false on 200") << 200
                                              << QByteArray(R"({"success":false,"error":{"code":"CHANNEL_ERROR","message":"LinkedIn said no"}})")
                                              << ApiError::Kind::Api << QStringLiteral("LinkedIn said no");
        QTest::newRow("success:false without error") << 200 << QByteArray(R"({"success":false})")
                                                     << ApiError::Kind::Api << QStringLiteral("without details");
        QTest::newRow("error envelope without success on 403")
            << 403 << QByteArray(R"({"error":{"code":"INVALID_API_KEY","message":"Invalid API key"}})")
            << ApiError::Kind::Api << QStringLiteral("Invalid API key");
    }
    void badBodies()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(ApiError::Kind, kind);
        QFETCH(QString, messagePart);
        const Envelope env = Envelope::decode(status, body);
        QVERIFY(!env.ok());
        QCOMPARE(env.error.kind, kind);
        QCOMPARE(env.error.httpStatus, status);
        QVERIFY2(env.error.message.contains(messagePart), qPrintable(env.error.message));
        QVERIFY(env.data.isUndefined() || env.data.isNull());
        QVERIFY(!env.error.userMessage().isEmpty());
    }

    void badBodyOn2xxIsAmbiguous()
    {
        QVERIFY(Envelope::decode(200, "garbage").error.isAmbiguous());
        QVERIFY(Envelope::decode(502, "<html></html>").error.isAmbiguous());
        QVERIFY(!Envelope::decode(404, "<html></html>").error.isAmbiguous());
        QVERIFY(!Envelope::decode(200, R"({"success":false,"error":{"code":"CHANNEL_ERROR"}})").error.isAmbiguous());
    }
};

QTEST_GUILESS_MAIN(TestEnvelope)
#include "tst_envelope.moc"
