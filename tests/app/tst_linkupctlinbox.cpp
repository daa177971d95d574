// linkupctl's inbox commands end to end: the real executable against a SandboxServer in this
// process, so the test can inject faults and count the send requests each command made.
// Every child is awaited through the event loop (never a blocking wait) so the sandbox serves.
#include "sandbox/sandboxserver.h"

#include "linkupctlprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using ld::sandbox::SandboxServer;
using ld::sandbox::Seeds;
using Fault = SandboxServer::Fault;

namespace {

const QString kProspect = QStringLiteral("https://www.linkedin.com/in/new-prospect-0815/");
constexpr int kWait = 60000;

QProcessEnvironment environment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LINKUP_API_KEY"), Seeds::apiKey());
    return env;
}

} // namespace

class TstLinkupCtlInbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void usageErrors_data();
    void usageErrors();
    void inboxList();
    void conversationShowsTheWholeHistory();
    void sendMakesOneRequest();
    void sendFailed();
    void sendRefusedBeforeAnyRequest();
    void ambiguousSendSaysUnknownAndHowToVerify();
    void droppedReplyIsVerifiedAsSent();
    void killedSendIsVerifiedNotResent();
    void profilesSearch();

private:
    using Result = LinkupctlResult;
    QStringList arguments(const QStringList &args) const;
    void start(QProcess *p, const QStringList &args) const;
    Result run(const QStringList &args) const;
    QStringList send(const QString &text) const
    {
        return { QStringLiteral("send"), QStringLiteral("--account"), Seeds::primaryAccountId(),
            QStringLiteral("--to"), kProspect, QStringLiteral("--text"), text };
    }
    int sendRequests() const
    {
        return m_server->requestCount(QStringLiteral("/v2/messages"), QStringLiteral("send"));
    }

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QTemporaryDir> m_profile;
};

void TstLinkupCtlInbox::init()
{
    m_server = std::make_unique<SandboxServer>();
    QVERIFY(m_server->listen());
    m_profile = std::make_unique<QTemporaryDir>();
    QVERIFY(m_profile->isValid());
}

void TstLinkupCtlInbox::cleanup()
{
    m_server.reset();
    m_profile.reset();
}

QStringList TstLinkupCtlInbox::arguments(const QStringList &args) const
{
    return QStringList { QStringLiteral("--base-url"), m_server->baseUrl().toString(),
        QStringLiteral("--profile"), m_profile->path() }
        + args;
}

void TstLinkupCtlInbox::start(QProcess *p, const QStringList &args) const
{
    startLinkupctl(p, arguments(args), environment());
}

TstLinkupCtlInbox::Result TstLinkupCtlInbox::run(const QStringList &args) const
{
    return runLinkupctl(arguments(args), environment(), {}, kWait);
}

void TstLinkupCtlInbox::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("inbox without list") << words("inbox");
    QTest::newRow("inbox list without account") << words("inbox list");
    QTest::newRow("inbox list with a bad limit") << words("inbox list --account a --limit 0");
    QTest::newRow("conversation show without id") << words("conversation show --account a");
    QTest::newRow("send without text") << words("send --account a --to https://x");
    QTest::newRow("send with an unquoted text")
        << words("send --account a --to u --text two words");
    QTest::newRow("outbox without a command") << words("outbox");
    QTest::newRow("outbox verify without id") << words("outbox verify");
    QTest::newRow("outbox send-again with a bad id") << words("outbox send-again x");
    QTest::newRow("profiles search without account") << words("profiles search --keyword k");
    QTest::newRow("profiles search with a bad network")
        << words("profiles search --account a --network Q");
}

void TstLinkupCtlInbox::usageErrors()
{
    QFETCH(QStringList, args);
    const Result r = run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith(QStringLiteral("linkupctl: ")), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QCOMPARE(m_server->requestCount(), 0);
}

void TstLinkupCtlInbox::inboxList()
{
    const Result table
        = run({ QStringLiteral("inbox"), QStringLiteral("list"), QStringLiteral("--account"),
            Seeds::primaryAccountId(), QStringLiteral("--limit"), QStringLiteral("30") });
    QCOMPARE(table.exitCode, 0);
    const QStringList lines = table.out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 31);
    QVERIFY(lines.first().startsWith(QStringLiteral("CONVERSATION")));
    QVERIFY2(table.err.contains(QStringLiteral("4 credit")), qPrintable(table.err));
    QCOMPARE(
        m_server->requestCount(QStringLiteral("/v2/messages"), QStringLiteral("list_inbox")), 2);

    const Result json = run({ QStringLiteral("--json"), QStringLiteral("inbox"),
        QStringLiteral("list"), QStringLiteral("--account"), Seeds::primaryAccountId(),
        QStringLiteral("--unread"), QStringLiteral("--limit"), QStringLiteral("30") });
    QCOMPARE(json.exitCode, 0);
    const QJsonArray items = json.json().value(QStringLiteral("items")).toArray();
    QVERIFY(!items.isEmpty() && items.size() < 30);
    for (const QJsonValue &item : items)
        QVERIFY(item.toObject().value(QStringLiteral("unread")).toInt() > 0);
    QCOMPARE(json.json().value(QStringLiteral("credits_consumed")).toInt(), 4);
}

void TstLinkupCtlInbox::conversationShowsTheWholeHistory()
{
    const QString id
        = m_server->addConversation(Seeds::primaryAccountId(), QStringLiteral("Long Thread"), 250);
    QVERIFY(!id.isEmpty());
    const Result r = run({ QStringLiteral("--json"), QStringLiteral("conversation"),
        QStringLiteral("show"), id, QStringLiteral("--account"), Seeds::primaryAccountId() });
    QCOMPARE(r.exitCode, 0);
    const QJsonArray messages = r.json().value(QStringLiteral("messages")).toArray();
    QCOMPARE(messages.size(), 250);
    QCOMPARE(messages.first().toObject().value(QStringLiteral("text")).toString(),
        QStringLiteral("Message 1 of 250"));
    QCOMPARE(messages.last().toObject().value(QStringLiteral("text")).toString(),
        QStringLiteral("Message 250 of 250"));
    QCOMPARE(
        m_server->requestCount(QStringLiteral("/v2/messages"), QStringLiteral("get_conversation")),
        3);
}

void TstLinkupCtlInbox::sendMakesOneRequest()
{
    const Result r = run(send(QStringLiteral("Hello from a script")));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("sent: message 1")), qPrintable(r.out));
    QCOMPARE(sendRequests(), 1);

    const Result json
        = run(QStringList { QStringLiteral("--json") } + send(QStringLiteral("Again")));
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(json.json().value(QStringLiteral("state")).toString(), QStringLiteral("sent"));
    QCOMPARE(sendRequests(), 2);

    const Result list
        = run({ QStringLiteral("--json"), QStringLiteral("outbox"), QStringLiteral("list") });
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.json().value(QStringLiteral("total")).toInt(), 2);
}

void TstLinkupCtlInbox::sendFailed()
{
    const Result r
        = run({ QStringLiteral("send"), QStringLiteral("--account"), Seeds::primaryAccountId(),
            QStringLiteral("--to"), QStringLiteral("https://www.linkedin.com/in/deleted-gone/"),
            QStringLiteral("--text"), QStringLiteral("Hi") });
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.startsWith(QStringLiteral("failed: message 1 was not sent")));
    QVERIFY2(r.err.contains(QStringLiteral("linkupctl outbox send-again 1")), qPrintable(r.err));
    QCOMPARE(sendRequests(), 1);
}

void TstLinkupCtlInbox::sendRefusedBeforeAnyRequest()
{
    const Result r = run(send(QStringLiteral("See attached"))
        + QStringList {
            QStringLiteral("--attach"), m_profile->filePath(QStringLiteral("nope.pdf")) });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("does not exist")), qPrintable(r.err));
    QCOMPARE(m_server->requestCount(), 0);
}

void TstLinkupCtlInbox::ambiguousSendSaysUnknownAndHowToVerify()
{
    m_server->injectFault(
        Fault::InternalError, 1, QStringLiteral("/v2/messages"), QStringLiteral("send"));
    const Result r = run(send(QStringLiteral("Did this arrive?")));
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.out.startsWith(QStringLiteral("unknown: message 1")), qPrintable(r.out));
    QVERIFY2(r.err.contains(QStringLiteral("unknown")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("linkupctl outbox verify 1")), qPrintable(r.err));
    QCOMPARE(sendRequests(), 1);

    // Verifying sends nothing; only send-again does, once.
    const Result verify
        = run({ QStringLiteral("outbox"), QStringLiteral("verify"), QStringLiteral("1") });
    QCOMPARE(verify.exitCode, 3);
    QCOMPARE(sendRequests(), 1);
    const Result again
        = run({ QStringLiteral("outbox"), QStringLiteral("send-again"), QStringLiteral("1") });
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(sendRequests(), 2);
    const Result twice
        = run({ QStringLiteral("outbox"), QStringLiteral("send-again"), QStringLiteral("1") });
    QCOMPARE(twice.exitCode, 1);
    QCOMPARE(sendRequests(), 2);
}

void TstLinkupCtlInbox::droppedReplyIsVerifiedAsSent()
{
    m_server->injectFault(
        Fault::DropAfterSend, 1, QStringLiteral("/v2/messages"), QStringLiteral("send"));
    const Result r = run(
        QStringList { QStringLiteral("--json") } + send(QStringLiteral("Reply lost on the way")));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(QStringLiteral("state")).toString(), QStringLiteral("sent"));
    QCOMPARE(sendRequests(), 1);
}

void TstLinkupCtlInbox::killedSendIsVerifiedNotResent()
{
    m_server->injectFault(
        Fault::Slow, 1, QStringLiteral("/v2/messages"), QStringLiteral("send"), 600000);
    QProcess child;
    start(&child, send(QStringLiteral("Sent by a linkupctl that dies")));
    QVERIFY(child.waitForStarted(kWait));
    QTRY_COMPARE_WITH_TIMEOUT(sendRequests(), 1, kWait); // it left; the answer is held
    child.kill();
    QVERIFY(child.waitForFinished(kWait));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    const Result listed
        = run({ QStringLiteral("--json"), QStringLiteral("outbox"), QStringLiteral("list") });
    const QJsonObject item
        = listed.json().value(QStringLiteral("items")).toArray().first().toObject();
    QCOMPARE(item.value(QStringLiteral("state")).toString(), QStringLiteral("sending"));
    const QString id = QString::number(item.value(QStringLiteral("id")).toInteger());

    const Result verify = run({ QStringLiteral("outbox"), QStringLiteral("verify"), id });
    QCOMPARE(verify.exitCode, 0);
    QVERIFY2(verify.out.startsWith(QStringLiteral("sent: message ") + id), qPrintable(verify.out));
    QCOMPARE(sendRequests(), 1);
}

void TstLinkupCtlInbox::profilesSearch()
{
    const Result r = run({ QStringLiteral("--json"), QStringLiteral("profiles"),
        QStringLiteral("search"), QStringLiteral("--account"), Seeds::primaryAccountId(),
        QStringLiteral("--keyword"), QStringLiteral("engineer"), QStringLiteral("--location"),
        QStringLiteral("Paris"), QStringLiteral("--location"), QStringLiteral("Berlin") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.json().value(QStringLiteral("items")).isArray());
    const QJsonObject body
        = QJsonDocument::fromJson(m_server->requests().constLast().body).object();
    const QJsonObject params = body.value(QStringLiteral("params")).toObject();
    QCOMPARE(params.value(QStringLiteral("location")).toArray(),
        (QJsonArray { QStringLiteral("Paris"), QStringLiteral("Berlin") }));
    QCOMPARE(params.value(QStringLiteral("keyword")).toString(), QStringLiteral("engineer"));
}

QTEST_GUILESS_MAIN(TstLinkupCtlInbox)
#include "tst_linkupctlinbox.moc"
