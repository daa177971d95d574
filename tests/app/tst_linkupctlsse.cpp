// linkupctl sse-parse end to end: the real executable reading a stream on stdin. It prints one
// JSON line per dispatched event and per accepted retry, nothing else; it follows the parser's
// rules however the bytes are delivered; it opens no profile (run here with HOME and the XDG
// directories pointing at an empty folder, which must stay empty).
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestLinkupctlSse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eventsAndRetries();
    void bytesArrivingSlowly();
    void argumentsAreRefused();

private:
    QProcess *start(QTemporaryDir &home);
};

QProcess *TestLinkupctlSse::start(QTemporaryDir &home)
{
    auto *p = new QProcess(this);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *var : { "HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME" })
        env.insert(QString::fromLatin1(var), home.path());
    env.remove(QStringLiteral("LINKUP_API_KEY"));
    p->setProcessEnvironment(env);
    p->start(QStringLiteral(LINKUPCTL_PATH), { QStringLiteral("sse-parse") });
    return p;
}

void TestLinkupctlSse::eventsAndRetries()
{
    QTemporaryDir home;
    QProcess *p = start(home);
    QVERIFY(p->waitForStarted());
    p->write(
        "\xEF\xBB\xBF: keepalive\r\nevent: connected\r\ndata: {\"webhook_id\": \"w1\"}\r\n\r\n"
        "retry: 1500\nid: 7\ndata: line one\ndata: \"quoted\" \\ \t\n\ndata: caf\xC3\xA9 \xFF\n\n"
        "data: never finished");
    p->closeWriteChannel();
    QVERIFY(p->waitForFinished(20000));
    QCOMPARE(p->exitCode(), 0);
    const QList<QByteArray> lines = p->readAllStandardOutput().split('\n');
    QCOMPARE(lines.size(), 5); // four lines and the empty tail after the last '\n'
    QVERIFY(lines.last().isEmpty());
    auto object = [&](int i) { return QJsonDocument::fromJson(lines.at(i)).object(); };
    QCOMPARE(object(0).value(QStringLiteral("type")).toString(), QStringLiteral("connected"));
    QCOMPARE(object(0).value(QStringLiteral("data")).toString(),
        QStringLiteral("{\"webhook_id\": \"w1\"}"));
    QCOMPARE(object(0).value(QStringLiteral("lastEventId")).toString(), QString());
    QCOMPARE(object(1), QJsonObject({ { QStringLiteral("retry"), 1500 } }));
    QCOMPARE(object(2).value(QStringLiteral("type")).toString(), QStringLiteral("message"));
    QCOMPARE(object(2).value(QStringLiteral("data")).toString(),
        QStringLiteral("line one\n\"quoted\" \\ \t"));
    QCOMPARE(object(2).value(QStringLiteral("lastEventId")).toString(), QStringLiteral("7"));
    QCOMPARE(object(3).value(QStringLiteral("data")).toString(),
        QString::fromUtf8("caf\xC3\xA9 \xEF\xBF\xBD"));
    QCOMPARE(object(3).value(QStringLiteral("lastEventId")).toString(), QStringLiteral("7"));
    QVERIFY(QDir(home.path()).isEmpty()); // no profile, no settings written
    delete p;
}

void TestLinkupctlSse::bytesArrivingSlowly()
{
    // An event is printed as soon as its blank line arrives, before stdin ends.
    QTemporaryDir home;
    QProcess *p = start(home);
    QVERIFY(p->waitForStarted());
    for (char c : QByteArray("event: webhook\r\ndata: {\"a\": 1}\r\n\r"))
        p->write(&c, 1);
    p->write("\n");
    QTRY_VERIFY_WITH_TIMEOUT(p->bytesAvailable() > 0 || p->waitForReadyRead(100), 20000);
    const QByteArray first = p->readLine();
    QCOMPARE(QJsonDocument::fromJson(first).object().value(QStringLiteral("data")).toString(),
        QStringLiteral("{\"a\": 1}"));
    QVERIFY(p->state() == QProcess::Running);
    p->closeWriteChannel();
    QVERIFY(p->waitForFinished(20000));
    QCOMPARE(p->exitCode(), 0);
    QVERIFY(p->readAllStandardOutput().isEmpty());
    delete p;
}

void TestLinkupctlSse::argumentsAreRefused()
{
    QProcess p;
    p.start(QStringLiteral(LINKUPCTL_PATH),
        { QStringLiteral("sse-parse"), QStringLiteral("file.txt") });
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardOutput().isEmpty());
    QVERIFY(p.readAllStandardError().contains("stdin"));
}

QTEST_GUILESS_MAIN(TestLinkupctlSse)
#include "tst_linkupctlsse.moc"
