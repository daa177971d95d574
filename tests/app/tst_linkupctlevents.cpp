// linkupctl's live-event commands end to end (issue 5, item 6): `webhooks list|create|start|
// stop|delete` and `events tail`, the real executable against a SandboxServer in this process,
// so the test can emit events, drop streams and read the requests. Every child is awaited
// through the event loop so the sandbox keeps serving it.
#include "sandbox/sandboxserver.h"

#include "linkupctlprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using ld::sandbox::RecordedRequest;
using ld::sandbox::SandboxServer;
using ld::sandbox::Seeds;
using Fault = SandboxServer::Fault;

namespace {

const QString kWebhooks = QStringLiteral("/v2/webhooks");
constexpr int kWait = 60000;
// A signalled `events tail` has nothing left to wait for: it ends at once.
constexpr int kQuickExit = 5000;

QProcessEnvironment environment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LINKUP_API_KEY"), Seeds::apiKey());
    env.insert(QStringLiteral("LINKUPCTL_TEST_FAST_LIVE"), QStringLiteral("1"));
    // The whole (redacted) log on stderr too: the key must not be in it either.
    env.insert(QStringLiteral("LINKUPCTL_VERBOSE"), QStringLiteral("1"));
    return env;
}

QByteArray message(const QString &text)
{
    return QJsonDocument(QJsonObject { { QStringLiteral("sender_name"), QStringLiteral("Jo Doe") },
                             { QStringLiteral("sender_profile"),
                                 QStringLiteral("https://www.linkedin.com/in/jodoe") },
                             { QStringLiteral("message_text"), text } })
        .toJson(QJsonDocument::Compact);
}

// One running `events tail`, its stdout read as it comes.
struct Tail
{
    QProcess process;
    QByteArray out;

    // Every line of stdout so far must be a JSON object: the message texts, in order.
    QStringList texts()
    {
        out += process.readAllStandardOutput();
        QStringList texts;
        for (const QByteArray &line : out.split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonDocument doc = QJsonDocument::fromJson(line);
            if (!doc.isObject()) {
                texts << QStringLiteral("NOT JSON: ") + QString::fromUtf8(line);
                continue;
            }
            texts << doc.object()
                         .value(QStringLiteral("event"))
                         .toObject()
                         .value(QStringLiteral("message_text"))
                         .toString();
        }
        return texts;
    }
};

} // namespace

class TstLinkupCtlEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void help();
    void usageErrors_data();
    void usageErrors();
    void createHostedListStopStartDelete();
    void createCustomSigned();
    void createForAnUnknownAccountFails();
    void stopAnUnknownWebhookFails();
    void tailPrintsEachEventOnceAcrossDropsAndRuns();
    void tailReusesTheAccountsWebhook();
    void tailForAnUnknownAccountFails();

private:
    using Result = LinkupctlResult;
    QStringList arguments(const QStringList &args) const;
    Result run(const QStringList &args) const;
    QJsonObject json(const Result &r) const;
    QList<RecordedRequest> webhookRequests() const;
    int creates() const; // POST /v2/webhooks
    void startTail(Tail *tail) const;
    void endTail(Tail *tail, int signal) const;

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QTemporaryDir> m_profile;
    QString m_account;
};

void TstLinkupCtlEvents::init()
{
    m_server = std::make_unique<SandboxServer>();
    QVERIFY(m_server->listen());
    m_profile = std::make_unique<QTemporaryDir>();
    QVERIFY(m_profile->isValid());
    m_account = Seeds::primaryAccountId();
}

void TstLinkupCtlEvents::cleanup()
{
    m_server.reset();
    m_profile.reset();
}

QStringList TstLinkupCtlEvents::arguments(const QStringList &args) const
{
    return QStringList { QStringLiteral("--base-url"), m_server->baseUrl().toString(),
        QStringLiteral("--profile"), m_profile->path() }
    + args;
}

TstLinkupCtlEvents::Result TstLinkupCtlEvents::run(const QStringList &args) const
{
    const Result r = runLinkupctl(arguments(args), environment(), {}, kWait);
    if (r.out.contains(Seeds::apiKey()) || r.err.contains(Seeds::apiKey()))
        qWarning("the API key was printed by %s", qPrintable(args.join(QLatin1Char(' '))));
    return r;
}

QJsonObject TstLinkupCtlEvents::json(const Result &r) const
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qWarning("not one JSON object (%s): %s", qPrintable(error.errorString()),
            qPrintable(r.out + r.err));
    return doc.object();
}

QList<RecordedRequest> TstLinkupCtlEvents::webhookRequests() const
{
    QList<RecordedRequest> found;
    for (const RecordedRequest &r : m_server->requests())
        if (r.path.startsWith(kWebhooks))
            found << r;
    return found;
}

int TstLinkupCtlEvents::creates() const
{
    int n = 0;
    for (const RecordedRequest &r : webhookRequests())
        n += r.method == "POST" && r.path == kWebhooks;
    return n;
}

void TstLinkupCtlEvents::startTail(Tail *tail) const
{
    startLinkupctl(&tail->process,
        arguments({ QStringLiteral("events"), QStringLiteral("tail"), QStringLiteral("--account"),
            m_account }),
        environment());
    QVERIFY(tail->process.waitForStarted(kWait));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->openStreamCount(), 1, kWait);
}

void TstLinkupCtlEvents::endTail(Tail *tail, int signal) const
{
    QSignalSpy finished(&tail->process, &QProcess::finished);
    ::kill(pid_t(tail->process.processId()), signal);
    QVERIFY2(finished.wait(kQuickExit), "events tail did not end on the signal");
    QCOMPARE(tail->process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(tail->process.exitCode(), 0);
}

void TstLinkupCtlEvents::help()
{
    const Result r = run({ QStringLiteral("--help") });
    QCOMPARE(r.exitCode, 0);
    const char *const mentioned[]
        = { "webhooks list [--account ID]", "webhooks create --account ID [--url HTTPS_URL]",
              "--sign", "webhooks start ID | stop ID | delete ID", "events tail --account ID",
              "about 10 credits", "linkupctl webhooks stop ID" };
    for (const char *text : mentioned)
        QVERIFY2(r.out.contains(QLatin1String(text)), text);
}

void TstLinkupCtlEvents::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("webhooks without a command") << words("webhooks");
    QTest::newRow("webhooks with an unknown command") << words("webhooks frob");
    QTest::newRow("list with an argument") << words("webhooks list extra");
    QTest::newRow("create without account") << words("webhooks create");
    QTest::newRow("create with an http url")
        << words("webhooks create --account a --url http://example.com/hook");
    QTest::newRow("create hosted and signed") << words("webhooks create --account a --sign");
    QTest::newRow("create with an unknown event")
        << words("webhooks create --account a --events everything");
    QTest::newRow("start without id") << words("webhooks start");
    QTest::newRow("stop with two ids") << words("webhooks stop a b");
    QTest::newRow("delete with an unknown option") << words("webhooks delete a --force");
    QTest::newRow("events without a command") << words("events");
    QTest::newRow("tail without account") << words("events tail");
    QTest::newRow("tail with an argument") << words("events tail --account a extra");
}

void TstLinkupCtlEvents::usageErrors()
{
    QFETCH(QStringList, args);
    const Result r = run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(QLatin1String("linkupctl: ")), qPrintable(r.err));
    QCOMPARE(m_server->requestCount(), 0);
}

void TstLinkupCtlEvents::createHostedListStopStartDelete()
{
    Result r = run({ QStringLiteral("--json"), QStringLiteral("webhooks"), QStringLiteral("create"),
        QStringLiteral("--account"), m_account });
    QCOMPARE(r.exitCode, 0);
    const QJsonObject created = json(r);
    const QString id = created.value(QStringLiteral("webhook_id")).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(created.value(QStringLiteral("mode")).toString(), QStringLiteral("hosted"));
    QVERIFY(created.value(QStringLiteral("url")).isNull());
    QCOMPARE(
        created.value(QStringLiteral("events")).toArray(), QJsonArray { QStringLiteral("all") });
    QVERIFY(!created.contains(QStringLiteral("secret")));
    QVERIFY2(r.err.contains(QLatin1String("about 10 credits a day")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("linkupctl webhooks stop ") + id), qPrintable(r.err));

    QList<RecordedRequest> sent = webhookRequests();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().method, QByteArray("POST"));
    QCOMPARE(sent.first().path, kWebhooks);
    const QJsonObject body = QJsonDocument::fromJson(sent.first().body).object();
    QCOMPARE(body.value(QStringLiteral("account_id")).toString(), m_account);
    QVERIFY(!body.contains(QStringLiteral("url")));
    QVERIFY(!body.value(QStringLiteral("enable_signature")).toBool());

    const auto listed = [&] {
        const Result l = run({ QStringLiteral("--json"), QStringLiteral("webhooks"),
            QStringLiteral("list"), QStringLiteral("--account"), m_account });
        QJsonObject found;
        for (const QJsonValue &item : json(l).value(QStringLiteral("items")).toArray())
            if (item.toObject().value(QStringLiteral("webhook_id")).toString() == id)
                found = item.toObject();
        return found;
    };
    QCOMPARE(listed().value(QStringLiteral("monitoring")), QJsonValue(true));

    m_server->clearRequests();
    r = run({ QStringLiteral("webhooks"), QStringLiteral("stop"), id });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), QStringLiteral("webhook %1: monitoring off").arg(id));
    sent = webhookRequests();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().method, QByteArray("POST"));
    QCOMPARE(sent.first().path, kWebhooks + QLatin1Char('/') + id + QStringLiteral("/stop"));
    QCOMPARE(listed().value(QStringLiteral("monitoring")), QJsonValue(false));

    // The table names it, with monitoring off.
    r = run({ QStringLiteral("webhooks"), QStringLiteral("list") });
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.first().startsWith(QLatin1String("ID")));
    bool shown = false;
    for (const QString &line : lines)
        shown = shown
            || (line.startsWith(id) && line.contains(QLatin1String(" hosted "))
                && line.contains(QLatin1String(" off ")));
    QVERIFY2(shown, qPrintable(r.out));

    m_server->clearRequests();
    r = run({ QStringLiteral("--json"), QStringLiteral("webhooks"), QStringLiteral("start"), id });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(json(r).value(QStringLiteral("monitoring")), QJsonValue(true));
    QCOMPARE(json(r).value(QStringLiteral("account_id")).toString(), m_account);
    QVERIFY2(r.err.contains(QLatin1String("about 10 credits a day")), qPrintable(r.err));
    sent = webhookRequests();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().path, kWebhooks + QLatin1Char('/') + id + QStringLiteral("/start"));
    QCOMPARE(listed().value(QStringLiteral("monitoring")), QJsonValue(true));

    m_server->clearRequests();
    r = run({ QStringLiteral("--json"), QStringLiteral("webhooks"), QStringLiteral("delete"), id });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(json(r).value(QStringLiteral("deleted")), QJsonValue(true));
    sent = webhookRequests();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().method, QByteArray("DELETE"));
    QCOMPARE(sent.first().path, kWebhooks + QLatin1Char('/') + id);
    QVERIFY(listed().isEmpty());
}

void TstLinkupCtlEvents::createCustomSigned()
{
    const QString url = QStringLiteral("https://hooks.example.com/linkup");
    Result r = run({ QStringLiteral("--json"), QStringLiteral("webhooks"), QStringLiteral("create"),
        QStringLiteral("--account"), m_account, QStringLiteral("--url"), url,
        QStringLiteral("--events"), QStringLiteral("message_received"), QStringLiteral("--events"),
        QStringLiteral("accepted_invitation"), QStringLiteral("--sign") });
    QCOMPARE(r.exitCode, 0);
    const QJsonObject created = json(r);
    QCOMPARE(created.value(QStringLiteral("mode")).toString(), QStringLiteral("custom"));
    QCOMPARE(created.value(QStringLiteral("url")).toString(), url);
    QCOMPARE(created.value(QStringLiteral("events")).toArray(),
        (QJsonArray { QStringLiteral("message_received"), QStringLiteral("accepted_invitation") }));
    QVERIFY(created.value(QStringLiteral("signature_enabled")).toBool());
    const QString secret = created.value(QStringLiteral("secret")).toString();
    QVERIFY(!secret.isEmpty());
    QVERIFY2(r.err.contains(QLatin1String("never shown again")), qPrintable(r.err));

    const QList<RecordedRequest> sent = webhookRequests();
    QCOMPARE(sent.size(), 1);
    const QJsonObject body = QJsonDocument::fromJson(sent.first().body).object();
    QCOMPARE(body.value(QStringLiteral("url")).toString(), url);
    QCOMPARE(body.value(QStringLiteral("events")).toArray(),
        (QJsonArray { QStringLiteral("message_received"), QStringLiteral("accepted_invitation") }));
    QVERIFY(body.value(QStringLiteral("enable_signature")).toBool());

    // Never again: the list has no secret.
    r = run({ QStringLiteral("--json"), QStringLiteral("webhooks"), QStringLiteral("list") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!r.out.contains(secret));
    QCOMPARE(json(r).value(QStringLiteral("total")).toInt(), 1);

    // Without --json, the secret is one "secret:" line of the output.
    r = run({ QStringLiteral("webhooks"), QStringLiteral("create"), QStringLiteral("--account"),
        m_account, QStringLiteral("--url"), url, QStringLiteral("--sign") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QRegularExpression(
                 QStringLiteral("^secret:\\s+\\S+$"), QRegularExpression::MultilineOption)),
        qPrintable(r.out));
    QVERIFY(r.out.contains(QRegularExpression(
        QStringLiteral("^mode:\\s+custom$"), QRegularExpression::MultilineOption)));
}

void TstLinkupCtlEvents::createForAnUnknownAccountFails()
{
    const Result r = run({ QStringLiteral("webhooks"), QStringLiteral("create"),
        QStringLiteral("--account"), QStringLiteral("000000000000000000000000") });
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(QLatin1String("linkupctl: ")), qPrintable(r.err));
    QVERIFY(!r.err.contains(QLatin1String("credits a day")));
}

void TstLinkupCtlEvents::stopAnUnknownWebhookFails()
{
    const Result r
        = run({ QStringLiteral("webhooks"), QStringLiteral("stop"), QStringLiteral("nope") });
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(QLatin1String("linkupctl: ")), qPrintable(r.err));
}

void TstLinkupCtlEvents::tailPrintsEachEventOnceAcrossDropsAndRuns()
{
    Tail first;
    startTail(&first);
    m_server->emitEvent(m_account, QStringLiteral("message"), message(QStringLiteral("one")));
    QTRY_COMPARE_WITH_TIMEOUT(first.texts(), QStringList { QStringLiteral("one") }, kWait);

    // Dropped now and at the next two tries: "two" is only stored for polling, and comes
    // through the gap fill after a reconnect.
    m_server->injectFault(Fault::DropStreams, 2);
    m_server->emitEvent(m_account, QStringLiteral("message"), message(QStringLiteral("two")));
    QTRY_COMPARE_WITH_TIMEOUT(
        first.texts(), (QStringList { QStringLiteral("one"), QStringLiteral("two") }), kWait);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->openStreamCount(), 1, kWait);
    m_server->emitEvent(m_account, QStringLiteral("message"), message(QStringLiteral("three")));
    QTRY_COMPARE_WITH_TIMEOUT(first.texts(),
        (QStringList { QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three") }),
        kWait);
    endTail(&first, SIGTERM);
    QCOMPARE(first.texts().size(), 3); // and nothing more came before the exit

    const QString err1 = QString::fromUtf8(first.process.readAllStandardError());
    QVERIFY2(err1.contains(QLatin1String("about 10 credits a day")), qPrintable(err1));
    QVERIFY2(err1.contains(QLatin1String("linkupctl webhooks stop ")), qPrintable(err1));
    QVERIFY(!err1.contains(Seeds::apiKey()));
    QVERIFY(!first.out.contains(Seeds::apiKey().toUtf8()));
    // The account had no webhook: exactly one was created.
    QCOMPARE(creates(), 1);

    // While no tail runs, "four" is stored. The next run prints it, not the three before, and
    // follows the same webhook.
    m_server->emitEvent(m_account, QStringLiteral("message"), message(QStringLiteral("four")));
    Tail second;
    startTail(&second);
    QTRY_COMPARE_WITH_TIMEOUT(second.texts(), QStringList { QStringLiteral("four") }, kWait);
    m_server->emitEvent(m_account, QStringLiteral("message"), message(QStringLiteral("five")));
    QTRY_COMPARE_WITH_TIMEOUT(
        second.texts(), (QStringList { QStringLiteral("four"), QStringLiteral("five") }), kWait);
    endTail(&second, SIGINT);
    QCOMPARE(second.texts().size(), 2);
    QCOMPARE(creates(), 1);
    const QString err2 = QString::fromUtf8(second.process.readAllStandardError());
    QVERIFY(!err2.contains(Seeds::apiKey()));

    // Each line is the event wrapper.
    const QJsonObject line = QJsonDocument::fromJson(second.out.split('\n').first()).object();
    QCOMPARE(line.value(QStringLiteral("account_id")).toString(), m_account);
    QVERIFY(!line.value(QStringLiteral("account_name")).toString().isEmpty());
    QVERIFY(!line.value(QStringLiteral("timestamp")).toString().isEmpty());
    QCOMPARE(line.value(QStringLiteral("event")).toObject().value(QStringLiteral("type")),
        QJsonValue(QStringLiteral("message")));
    // "four" came from the polling endpoint: its id is known.
    QVERIFY(!line.value(QStringLiteral("event_id")).toString().isEmpty());
}

void TstLinkupCtlEvents::tailReusesTheAccountsWebhook()
{
    Result r = run({ QStringLiteral("--json"), QStringLiteral("webhooks"), QStringLiteral("create"),
        QStringLiteral("--account"), m_account });
    QCOMPARE(r.exitCode, 0);
    const QString id = json(r).value(QStringLiteral("webhook_id")).toString();
    r = run({ QStringLiteral("webhooks"), QStringLiteral("stop"), id });
    QCOMPARE(r.exitCode, 0);
    m_server->clearRequests();

    // Monitoring is off: tail starts the existing webhook instead of creating another.
    Tail tail;
    startTail(&tail);
    int starts = 0;
    for (const RecordedRequest &req : webhookRequests())
        starts += req.path == kWebhooks + QLatin1Char('/') + id + QStringLiteral("/start");
    QCOMPARE(creates(), 0);
    QCOMPARE(starts, 1);
    endTail(&tail, SIGTERM);
    QVERIFY(tail.texts().isEmpty());
    const QString err = QString::fromUtf8(tail.process.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("linkupctl webhooks stop ") + id), qPrintable(err));
}

void TstLinkupCtlEvents::tailForAnUnknownAccountFails()
{
    const Result r = run({ QStringLiteral("events"), QStringLiteral("tail"),
        QStringLiteral("--account"), QStringLiteral("000000000000000000000000") });
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(QLatin1String("linkupctl: ")), qPrintable(r.err));
    QVERIFY(!r.err.contains(QLatin1String("credits a day")));
    QCOMPARE(m_server->openStreamCount(), 0);
}

QTEST_GUILESS_MAIN(TstLinkupCtlEvents)
#include "tst_linkupctlevents.moc"
