#include "api/retrypolicy.h"

#include <QTest>

using namespace ld;
Q_DECLARE_METATYPE(CallKind)

static ApiError err(ApiError::Kind kind, int status = 0, const QString &code = {})
{
    ApiError e;
    e.kind = kind;
    e.httpStatus = status;
    e.code = code;
    return e;
}

static RetryTiming timing()
{
    RetryTiming t;
    t.baseMs = 1000;
    t.capMs = 60000;
    t.max429Tries = 5;
    t.maxReadTries = 3;
    return t;
}

class TestRetryPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decisions_data()
    {
        QTest::addColumn<CallKind>("kind");
        QTest::addColumn<ApiError>("error");
        QTest::addColumn<int>("triesSoFar");
        QTest::addColumn<bool>("retry");
        const auto R = CallKind::Read;
        const auto W = CallKind::Write;
        const ApiError rate = err(ApiError::Kind::Api, 429, QStringLiteral("RATE_LIMITED"));
        QTest::newRow("429 read") << R << rate << 1 << true;
        QTest::newRow("429 write: the server did nothing") << W << rate << 1 << true;
        QTest::newRow("429 without envelope") << W << err(ApiError::Kind::Http, 429) << 1 << true;
        QTest::newRow("429 fourth try") << W << rate << 4 << true;
        QTest::newRow("429 fifth try is the last") << W << rate << 5 << false;
        QTest::newRow("500 read") << R << err(ApiError::Kind::Api, 500, QStringLiteral("INTERNAL_ERROR")) << 1 << true;
        QTest::newRow("500 read, second try") << R << err(ApiError::Kind::Api, 500) << 2 << true;
        QTest::newRow("500 read, third try is the last") << R << err(ApiError::Kind::Api, 500) << 3 << false;
        QTest::newRow("502 html read") << R << err(ApiError::Kind::Http, 502) << 1 << true;
        QTest::newRow("503 read") << R << err(ApiError::Kind::Http, 503) << 1 << true;
        QTest::newRow("504 read") << R << err(ApiError::Kind::Http, 504) << 1 << true;
        QTest::newRow("501 read") << R << err(ApiError::Kind::Http, 501) << 1 << false;
        QTest::newRow("transport read") << R << err(ApiError::Kind::Transport, 0, QStringLiteral("CONNECTION_CLOSED")) << 1 << true;
        QTest::newRow("refused read") << R << err(ApiError::Kind::Transport, 0, QStringLiteral("CONNECTION_REFUSED")) << 1 << true;
        QTest::newRow("timeout read") << R << err(ApiError::Kind::Timeout) << 1 << true;
        QTest::newRow("500 write: ambiguous") << W << err(ApiError::Kind::Api, 500) << 1 << false;
        QTest::newRow("502 write") << W << err(ApiError::Kind::Http, 502) << 1 << false;
        QTest::newRow("transport write") << W << err(ApiError::Kind::Transport, 0, QStringLiteral("CONNECTION_CLOSED")) << 1 << false;
        QTest::newRow("timeout write") << W << err(ApiError::Kind::Timeout) << 1 << false;
        QTest::newRow("bad body write") << W << err(ApiError::Kind::BadBody, 200) << 1 << false;
        QTest::newRow("bad body read") << R << err(ApiError::Kind::BadBody, 200) << 1 << true;
        QTest::newRow("config") << R << err(ApiError::Kind::Config) << 1 << false;
        QTest::newRow("tls") << R << err(ApiError::Kind::Tls) << 1 << false;
        QTest::newRow("aborted") << R << err(ApiError::Kind::Aborted) << 1 << false;
        QTest::newRow("400") << R << err(ApiError::Kind::Api, 400, QStringLiteral("INVALID_PARAMS")) << 1 << false;
        QTest::newRow("403") << R << err(ApiError::Kind::Api, 403, QStringLiteral("INVALID_API_KEY")) << 1 << false;
        QTest::newRow("404 html") << R << err(ApiError::Kind::Http, 404) << 1 << false;
        QTest::newRow("channel error") << R << err(ApiError::Kind::Api, 200, QStringLiteral("CHANNEL_ERROR")) << 1 << false;
        QTest::newRow("no error") << R << ApiError() << 1 << false;
    }
    void decisions()
    {
        QFETCH(CallKind, kind);
        QFETCH(ApiError, error);
        QFETCH(int, triesSoFar);
        const RetryDecision d = RetryPolicy(timing()).decide(kind, error, triesSoFar);
        QTEST(d.retry, "retry");
        QVERIFY(d.delayMs >= 0);
    }

    void neverRetriesAWriteAfterAnAmbiguousFailure()
    {
        const RetryPolicy policy(timing());
        for (auto kind : { ApiError::Kind::Api, ApiError::Kind::Http, ApiError::Kind::BadBody,
                           ApiError::Kind::Transport, ApiError::Kind::Timeout }) {
            for (int status : { 0, 200, 500, 502, 503, 504 }) {
                const ApiError e = err(kind, status, QStringLiteral("NETWORK_ERROR"));
                if (e.isAmbiguous())
                    QVERIFY(!policy.decide(CallKind::Write, e, 1).retry);
            }
        }
    }

    void retryAfterHeader_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("delayMs");
        QTest::newRow("seconds") << QByteArray("1") << 1000;
        QTest::newRow("seconds with spaces") << QByteArray(" 30 ") << 30000;
        QTest::newRow("zero") << QByteArray("0") << 0;
        QTest::newRow("HTTP-date") << QByteArray("Wed, 21 Oct 2015 07:28:10 GMT") << 10000;
        QTest::newRow("HTTP-date in the past") << QByteArray("Wed, 21 Oct 2015 07:27:00 GMT") << 0;
        QTest::newRow("above the cap is still honoured") << QByteArray("120") << 120000;
    }
    void retryAfterHeader()
    {
        QFETCH(QByteArray, header);
        QFETCH(int, delayMs);
        const QDateTime now(QDate(2015, 10, 21), QTime(7, 28), Qt::UTC);
        const RetryDecision d = RetryPolicy(timing()).decide(
            CallKind::Write, err(ApiError::Kind::Api, 429, QStringLiteral("RATE_LIMITED")), 1, header, now);
        QVERIFY(d.retry);
        QCOMPARE(d.delayMs, delayMs);
    }

    void unreadableRetryAfterFallsBackOnBackoff()
    {
        QCOMPARE(RetryPolicy::parseRetryAfter("soon", QDateTime::currentDateTimeUtc()), std::nullopt);
        QCOMPARE(RetryPolicy::parseRetryAfter("-3", QDateTime::currentDateTimeUtc()), std::nullopt);
        RetryPolicy policy(timing());
        policy.setRandom([] { return 0.5; });
        const RetryDecision d = policy.decide(CallKind::Read, err(ApiError::Kind::Http, 429), 1, "soon");
        QVERIFY(d.retry);
        QCOMPARE(d.delayMs, 500);
    }

    void hugeRetryAfterIsNotWaitedFor()
    {
        const RetryDecision d = RetryPolicy(timing()).decide(
            CallKind::Read, err(ApiError::Kind::Http, 429), 1, "3600");
        QVERIFY(!d.retry);
    }

    void backoffIsExponentialWithFullJitterAndCapped_data()
    {
        QTest::addColumn<int>("triesSoFar");
        QTest::addColumn<int>("ceilingMs");
        QTest::newRow("first") << 1 << 1000;
        QTest::newRow("second") << 2 << 2000;
        QTest::newRow("third") << 3 << 4000;
        QTest::newRow("seventh") << 7 << 60000; // 64 s, capped
        QTest::newRow("huge") << 100 << 60000;
    }
    void backoffIsExponentialWithFullJitterAndCapped()
    {
        QFETCH(int, triesSoFar);
        QFETCH(int, ceilingMs);
        RetryPolicy policy(timing());
        policy.setRandom([] { return 1.0; });
        QCOMPARE(policy.backoffMs(triesSoFar), ceilingMs);
        policy.setRandom([] { return 0.0; });
        QCOMPARE(policy.backoffMs(triesSoFar), 0);
        policy.setRandom([] { return 0.25; });
        QCOMPARE(policy.backoffMs(triesSoFar), ceilingMs / 4);
        RetryPolicy random(timing()); // the real generator stays in range
        for (int i = 0; i < 50; ++i) {
            const int d = random.backoffMs(triesSoFar);
            QVERIFY(d >= 0 && d <= ceilingMs);
        }
    }

    void shortTimingForTests()
    {
        RetryTiming t;
        t.baseMs = 20;
        t.capMs = 100;
        t.maxReadTries = 4;
        RetryPolicy policy(t);
        policy.setRandom([] { return 1.0; });
        QCOMPARE(policy.decide(CallKind::Read, err(ApiError::Kind::Api, 500), 3).delayMs, 80);
        QVERIFY(policy.decide(CallKind::Read, err(ApiError::Kind::Api, 500), 3).retry);
        QVERIFY(!policy.decide(CallKind::Read, err(ApiError::Kind::Api, 500), 4).retry);
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
