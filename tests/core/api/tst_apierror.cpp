#include "api/apierror.h"

#include <QTest>

using namespace ld;
Q_DECLARE_METATYPE(ApiError::Kind)

static ApiError apiError(const QString &code, int status, const QString &message = QStringLiteral("server words"))
{
    ApiError e;
    e.kind = ApiError::Kind::Api;
    e.code = code;
    e.httpStatus = status;
    e.message = message;
    return e;
}

static ApiError kindError(ApiError::Kind kind, int status = 0, const QString &code = {})
{
    ApiError e;
    e.kind = kind;
    e.httpStatus = status;
    e.code = code;
    e.message = QStringLiteral("detail");
    return e;
}

class TestApiError : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Every documented code (contract §1.5) has its own sentence that says what to do.
    void documentedCodes_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("mustContain");
        QTest::newRow("INVALID_API_KEY") << QStringLiteral("INVALID_API_KEY") << 403 << QStringLiteral("Settings → API key");
        QTest::newRow("INVALID_ACCOUNT") << QStringLiteral("INVALID_ACCOUNT") << 404 << QStringLiteral("Refresh the accounts list");
        QTest::newRow("ACCOUNT_INACTIVE") << QStringLiteral("ACCOUNT_INACTIVE") << 403 << QStringLiteral("Reconnect");
        QTest::newRow("INVALID_ACTION") << QStringLiteral("INVALID_ACTION") << 400 << QStringLiteral("Update LinkUp Desk");
        QTest::newRow("INVALID_PARAMS") << QStringLiteral("INVALID_PARAMS") << 400 << QStringLiteral("server words");
        QTest::newRow("RATE_LIMITED") << QStringLiteral("RATE_LIMITED") << 429 << QStringLiteral("Wait");
        QTest::newRow("INSUFFICIENT_CREDITS") << QStringLiteral("INSUFFICIENT_CREDITS") << 402 << QStringLiteral("Top up");
        QTest::newRow("INTERNAL_ERROR") << QStringLiteral("INTERNAL_ERROR") << 500 << QStringLiteral("LinkUp support");
        QTest::newRow("CHANNEL_ERROR") << QStringLiteral("CHANNEL_ERROR") << 200 << QStringLiteral("will not help");
    }
    void documentedCodes()
    {
        QFETCH(QString, code);
        QFETCH(int, status);
        QFETCH(QString, mustContain);
        const ApiError e = apiError(code, status);
        const QString text = e.userMessage();
        QVERIFY(!text.isEmpty());
        QVERIFY2(text.contains(mustContain, Qt::CaseInsensitive), qPrintable(text));
        // Specific: not the fallback an unknown code with the same status would get.
        QVERIFY2(text != apiError(QStringLiteral("SOMETHING_NEW"), status).userMessage(), qPrintable(text));
        QVERIFY(e.technicalSummary().contains(code));
    }

    void everyCodeHasItsOwnSentence()
    {
        QSet<QString> texts;
        for (const char *c : { "INVALID_API_KEY", "INVALID_ACCOUNT", "ACCOUNT_INACTIVE", "INVALID_ACTION",
                               "INVALID_PARAMS", "RATE_LIMITED", "INSUFFICIENT_CREDITS", "INTERNAL_ERROR",
                               "CHANNEL_ERROR" })
            texts.insert(apiError(QString::fromLatin1(c), 400).userMessage());
        QCOMPARE(texts.size(), 9);
    }

    void unknownCodeFallsBackOnStatus_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("mustContain");
        QTest::newRow("403") << 403 << QStringLiteral("API key");
        QTest::newRow("402") << 402 << QStringLiteral("credits");
        QTest::newRow("429") << 429 << QStringLiteral("Wait");
        QTest::newRow("500") << 500 << QStringLiteral("HTTP 500");
        QTest::newRow("503") << 503 << QStringLiteral("HTTP 503");
        QTest::newRow("418") << 418 << QStringLiteral("HTTP 418");
        QTest::newRow("200 success:false") << 200 << QStringLiteral("SOMETHING_NEW");
    }
    void unknownCodeFallsBackOnStatus()
    {
        QFETCH(int, status);
        QFETCH(QString, mustContain);
        const QString text = apiError(QStringLiteral("SOMETHING_NEW"), status).userMessage();
        QVERIFY2(text.contains(mustContain), qPrintable(text));
    }

    void kinds_data()
    {
        QTest::addColumn<ApiError>("error");
        QTest::addColumn<QString>("mustContain");
        QTest::addColumn<bool>("ambiguous");
        QTest::newRow("http 502") << kindError(ApiError::Kind::Http, 502) << QStringLiteral("unavailable") << true;
        QTest::newRow("http 404") << kindError(ApiError::Kind::Http, 404) << QStringLiteral("HTTP 404") << false;
        QTest::newRow("bad body 200") << kindError(ApiError::Kind::BadBody, 200) << QStringLiteral("could not read") << true;
        QTest::newRow("refused") << kindError(ApiError::Kind::Transport, 0, QStringLiteral("CONNECTION_REFUSED"))
                                 << QStringLiteral("refused") << false;
        QTest::newRow("host not found") << kindError(ApiError::Kind::Transport, 0, QStringLiteral("HOST_NOT_FOUND"))
                                        << QStringLiteral("could not be found") << false;
        QTest::newRow("closed") << kindError(ApiError::Kind::Transport, 0, QStringLiteral("CONNECTION_CLOSED"))
                                << QStringLiteral("may have been carried out") << true;
        QTest::newRow("network") << kindError(ApiError::Kind::Transport, 0, QStringLiteral("NETWORK_ERROR"))
                                 << QStringLiteral("lost") << true;
        QTest::newRow("timeout") << kindError(ApiError::Kind::Timeout) << QStringLiteral("in time") << true;
        QTest::newRow("tls") << kindError(ApiError::Kind::Tls) << QStringLiteral("certificate") << false;
        QTest::newRow("aborted") << kindError(ApiError::Kind::Aborted) << QStringLiteral("cancelled") << false;
        QTest::newRow("config") << ApiError::config(QStringLiteral("No API key is set."))
                                << QStringLiteral("No API key") << false;
        QTest::newRow("api 500") << apiError(QStringLiteral("INTERNAL_ERROR"), 500) << QStringLiteral("support") << true;
        QTest::newRow("api 403") << apiError(QStringLiteral("INVALID_API_KEY"), 403) << QStringLiteral("API key") << false;
        QTest::newRow("channel 200") << apiError(QStringLiteral("CHANNEL_ERROR"), 200) << QStringLiteral("LinkedIn") << false;
        QTest::newRow("rate limited") << apiError(QStringLiteral("RATE_LIMITED"), 429) << QStringLiteral("Wait") << false;
    }
    void kinds()
    {
        QFETCH(ApiError, error);
        QFETCH(QString, mustContain);
        QVERIFY(error.isError());
        const QString text = error.userMessage();
        QVERIFY2(text.contains(mustContain, Qt::CaseInsensitive), qPrintable(text));
        QTEST(error.isAmbiguous(), "ambiguous");
        QVERIFY(!error.technicalSummary().isEmpty());
    }

    void kindsHaveDistinctSentences()
    {
        QSet<QString> texts;
        for (auto k : { ApiError::Kind::Http, ApiError::Kind::BadBody, ApiError::Kind::Transport,
                        ApiError::Kind::Timeout, ApiError::Kind::Tls, ApiError::Kind::Aborted })
            texts.insert(kindError(k, k == ApiError::Kind::Http ? 502 : 200).userMessage());
        QCOMPARE(texts.size(), 6);
    }

    void noError()
    {
        const ApiError e;
        QVERIFY(!e.isError());
        QVERIFY(!e.isAmbiguous());
        QVERIFY(e.userMessage().isEmpty());
    }

    void technicalSummary()
    {
        QCOMPARE(apiError(QStringLiteral("INVALID_API_KEY"), 403, QStringLiteral("Invalid API key")).technicalSummary(),
                 QStringLiteral("INVALID_API_KEY (HTTP 403): Invalid API key"));
        QCOMPARE(kindError(ApiError::Kind::Timeout).technicalSummary(), QStringLiteral("Timeout: detail"));
    }
};

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
