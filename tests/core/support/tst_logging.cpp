#include "support/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace logging = ld::logging;

class TstLogging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void redacts_data();
    void redacts();
    void forgottenSecretsAreNoLongerMasked();
    void fileLogIsRedactedAndRotated();
};

void TstLogging::redacts_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("expected");

    QTest::newRow("query item") << QStringLiteral("GET https://api.linkupapi.com/v2/accounts?api_key=lk_123&limit=10")
                                << QStringLiteral("GET https://api.linkupapi.com/v2/accounts?api_key=***&limit=10");
    QTest::newRow("query item last") << QStringLiteral("url=https://h/p?limit=1&api_key=lk_123")
                                     << QStringLiteral("url=https://h/p?limit=1&api_key=***");
    QTest::newRow("query item before fragment") << QStringLiteral("https://h/p?API_KEY=abc#frag")
                                                << QStringLiteral("https://h/p?API_KEY=***#frag");
    QTest::newRow("v1 login token") << QStringLiteral("POST /v1/x?login_token=tok-abcdef done")
                                    << QStringLiteral("POST /v1/x?login_token=*** done");
    QTest::newRow("header") << QStringLiteral("x-api-key: lk_live_abcdef")
                            << QStringLiteral("x-api-key: ***");
    QTest::newRow("header any case, more after") << QStringLiteral("X-API-Key:lk_live_abcdef sent")
                                                 << QStringLiteral("X-API-Key:*** sent");
    QTest::newRow("header as JSON") << QStringLiteral(R"({"x-api-key": "lk_live_abcdef", "a": 1})")
                                    << QStringLiteral(R"({"x-api-key": "***", "a": 1})");
    QTest::newRow("bearer") << QStringLiteral("Authorization: Bearer eyJhbGciOi.x.y")
                            << QStringLiteral("Authorization: Bearer ***");
    QTest::newRow("basic") << QStringLiteral("authorization: Basic dXNlcjpwYXNz")
                           << QStringLiteral("authorization: Basic ***");
    QTest::newRow("bare authorization") << QStringLiteral("Authorization=abcdef")
                                        << QStringLiteral("Authorization=***");
    QTest::newRow("json body field") << QStringLiteral(R"(body {"login_token":"t0k3n","country":"FR"})")
                                     << QStringLiteral(R"(body {"login_token":"***","country":"FR"})");
    QTest::newRow("registered secret anywhere") << QStringLiteral("key is REGISTERED-SECRET-42, really")
                                                << QStringLiteral("key is ***, really");
    QTest::newRow("registered secret twice, glued") << QStringLiteral("xREGISTERED-SECRET-42REGISTERED-SECRET-42x")
                                                    << QStringLiteral("x******x");
    QTest::newRow("nothing secret") << QStringLiteral("GET /v2/accounts?limit=10 -> 200 in 35 ms")
                                    << QStringLiteral("GET /v2/accounts?limit=10 -> 200 in 35 ms");
    QTest::newRow("words that only look related") << QStringLiteral("the api key page; authorization needed")
                                                  << QStringLiteral("the api key page; authorization needed");
}

void TstLogging::redacts()
{
    QFETCH(QString, line);
    QFETCH(QString, expected);
    logging::registerSecret(QStringLiteral("REGISTERED-SECRET-42"));
    QCOMPARE(logging::redact(line), expected);
    logging::forgetSecret(QStringLiteral("REGISTERED-SECRET-42"));
}

void TstLogging::forgottenSecretsAreNoLongerMasked()
{
    const QString secret = QStringLiteral("tok-forget-me");
    logging::registerSecret(secret);
    logging::registerSecret(secret); // two holders
    logging::forgetSecret(secret);
    QCOMPARE(logging::redact(secret), QStringLiteral("***")); // one holder left
    logging::forgetSecret(secret);
    QCOMPARE(logging::redact(secret), secret);

    logging::registerSecret(QStringLiteral("ab")); // too short to mask safely
    QCOMPARE(logging::redact(QStringLiteral("abc")), QStringLiteral("abc"));
}

void TstLogging::fileLogIsRedactedAndRotated()
{
    QTemporaryDir tmp;
    const QString logDir = tmp.filePath(QStringLiteral("logs"));
    const QtMessageHandler testHandler = qInstallMessageHandler(nullptr);
    logging::installFileLog(logDir);

    qInfo() << "calling https://h/v2/x?api_key=lk_hidden_value&limit=1";
    qCInfo(lcApi) << "x-api-key: lk_hidden_value";
    const QString base = QDir(logDir).filePath(QStringLiteral("linkup-desk.log"));
    QFile first(base);
    QVERIFY(first.open(QIODevice::ReadOnly));
    const QByteArray text = first.readAll();
    first.close();
    QVERIFY2(text.contains("info calling https://h/v2/x?api_key=***&limit=1"), text.constData());
    QVERIFY2(text.contains("info ld.api: x-api-key: ***"), text.constData());
    QVERIFY(!text.contains("lk_hidden_value"));

    // Four threads write about 24 MB together: the log rotates at 5 MB and keeps 3 files.
    const QString chunk(512 * 1024, QLatin1Char('z'));
    auto writer = [&chunk](int id) {
        for (int i = 0; i < 12; ++i)
            qInfo("writer %d line %d %s", id, i, qPrintable(chunk));
    };
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back(QThread::create(writer, t));
        threads.back()->start();
    }
    for (auto &t : threads)
        QVERIFY(t->wait(60000));
    qInfo("last line");
    qInstallMessageHandler(testHandler);

    QVERIFY(QFileInfo::exists(base + QStringLiteral(".1")));
    QVERIFY(QFileInfo::exists(base + QStringLiteral(".2")));
    QVERIFY(!QFileInfo::exists(base + QStringLiteral(".3")));
    for (const QString &name : {base, base + QStringLiteral(".1"), base + QStringLiteral(".2")}) {
        QFile f(name);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(f.size() <= 5 * 1024 * 1024, qPrintable(name));
        // Whole lines only: threads never interleave inside a line.
        const QList<QByteArray> lines = f.readAll().split('\n');
        for (const QByteArray &line : lines) {
            if (line.contains("writer"))
                QVERIFY2(line.endsWith(chunk.toLatin1()), line.left(80).constData());
        }
    }
    QFile current(base);
    QVERIFY(current.open(QIODevice::ReadOnly));
    QVERIFY(current.readAll().contains("info last line"));
}

QTEST_GUILESS_MAIN(TstLogging)
#include "tst_logging.moc"
