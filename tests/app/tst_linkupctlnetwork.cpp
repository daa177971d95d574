// linkupctl's network commands end to end (issue 4, item 8): the real executable against a
// SandboxServer in this process, so the test can inject faults and count the requests of each
// action. Every child is awaited through the event loop (never a blocking wait while it may
// still need the sandbox) so the sandbox keeps serving.
#include "sandbox/sandboxserver.h"

#include "linkupctlprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using ld::sandbox::SandboxServer;
using ld::sandbox::Seeds;
using Fault = SandboxServer::Fault;

namespace {

const QString kNetwork = QStringLiteral("/v2/network");
const QString kProspect = QStringLiteral("https://www.linkedin.com/in/new-prospect-0815/");
constexpr int kWait = 60000;
// The sandbox's primary account: 12 received, 25 sent (12 of them older than 30 days), 40
// connections.
constexpr int kReceived = 12;
constexpr int kSent = 25;
constexpr int kStale = 12;
constexpr int kConnections = 40;

QProcessEnvironment environment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LINKUP_API_KEY"), Seeds::apiKey());
    return env;
}

QStringList strings(const QJsonArray &items, const QString &key)
{
    QStringList values;
    for (const QJsonValue &item : items)
        values << item.toObject().value(key).toString();
    return values;
}

QString urnTail(const QString &urn)
{
    return urn.section(QLatin1Char(':'), -1);
}

} // namespace

class TstLinkupCtlNetwork : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void help();
    void usageErrors_data();
    void usageErrors();
    void listReceivedEveryPage();
    void listSentEveryPage();
    void connectionsList();
    void acceptUsesTheStoredSecrets();
    void declineOne();
    void unknownUrnIsRefusedWithoutRequest();
    void withdrawDryRunSendsNothing();
    void withdrawStaleByTheUrnId();
    void inviteSendsOneRequestWithTheNote();
    void inviteDuplicateIsRefused_data();
    void inviteDuplicateIsRefused();
    void inviteToACompanyIsRefused();
    void inviteNoteOverTheLimitIsRefused();
    void ambiguousInviteSaysUnknownAndHowToVerify();
    void droppedInviteReplyIsVerifiedAsDone();
    void sigintCancelsTheRest();
    void killedRunIsContinued();
    void killedInFlightIsVerifiedNotResent();

private:
    using Result = LinkupctlResult;
    QStringList arguments(const QStringList &args, const QString &profile = {}) const;
    Result run(const QStringList &args) const;
    // The same command in a throw-away profile of its own, to learn the sandbox's data without
    // filling the profile under test.
    Result runElsewhere(const QStringList &args) const;
    QJsonObject json(const Result &r) const;
    QJsonArray listed(const QStringList &args) const; // --json, elsewhere
    int requests(const char *action) const
    {
        return m_server->requestCount(kNetwork, QString::fromLatin1(action));
    }
    QStringList answer(const char *verb, const QStringList &urns, bool json = true) const;

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QTemporaryDir> m_profile;
    std::unique_ptr<QTemporaryDir> m_scratch;
    QString m_account;
};

void TstLinkupCtlNetwork::init()
{
    m_server = std::make_unique<SandboxServer>();
    QVERIFY(m_server->listen());
    m_profile = std::make_unique<QTemporaryDir>();
    m_scratch = std::make_unique<QTemporaryDir>();
    QVERIFY(m_profile->isValid() && m_scratch->isValid());
    m_account = Seeds::primaryAccountId();
}

void TstLinkupCtlNetwork::cleanup()
{
    m_server.reset();
    m_profile.reset();
    m_scratch.reset();
}

QStringList TstLinkupCtlNetwork::arguments(const QStringList &args, const QString &profile) const
{
    return QStringList { QStringLiteral("--base-url"), m_server->baseUrl().toString(),
        QStringLiteral("--profile"), profile.isEmpty() ? m_profile->path() : profile }
    + args;
}

TstLinkupCtlNetwork::Result TstLinkupCtlNetwork::run(const QStringList &args) const
{
    return runLinkupctl(arguments(args), environment(), {}, kWait);
}

TstLinkupCtlNetwork::Result TstLinkupCtlNetwork::runElsewhere(const QStringList &args) const
{
    return runLinkupctl(arguments(args, m_scratch->path()), environment(), {}, kWait);
}

QJsonObject TstLinkupCtlNetwork::json(const Result &r) const
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qWarning("not one JSON object (%s): %s", qPrintable(error.errorString()),
            qPrintable(r.out + r.err));
    return doc.object();
}

QJsonArray TstLinkupCtlNetwork::listed(const QStringList &args) const
{
    const Result r = runElsewhere(QStringList { QStringLiteral("--json") } + args);
    if (r.exitCode != 0)
        qWarning("listing failed: %s", qPrintable(r.err));
    return json(r).value(QStringLiteral("items")).toArray();
}

QStringList TstLinkupCtlNetwork::answer(
    const char *verb, const QStringList &urns, bool asJson) const
{
    QStringList args { QStringLiteral("invitations"), QString::fromLatin1(verb),
        QStringLiteral("--account"), m_account, QStringLiteral("--delay"), QStringLiteral("0-5") };
    if (asJson)
        args.prepend(QStringLiteral("--json"));
    return args + urns;
}

void TstLinkupCtlNetwork::help()
{
    const Result r = run({ QStringLiteral("--help") });
    QCOMPARE(r.exitCode, 0);
    const char *const mentioned[] = { "invitations list --account ID [--sent]",
        "invitations accept --account ID", "invitations decline --account ID",
        "invitations withdraw --account ID --older-than DAYS [--dry-run]",
        "invite --account ID --to PROFILE_URL [--note TEXT]", "connections list --account ID",
        "--delay MIN-MAX", "milliseconds" };
    for (const char *text : mentioned)
        QVERIFY2(r.out.contains(QLatin1String(text)), text);
}

void TstLinkupCtlNetwork::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("invitations without a command") << words("invitations");
    QTest::newRow("invitations with an unknown command") << words("invitations frob --account a");
    QTest::newRow("list without account") << words("invitations list --sent");
    QTest::newRow("list with an argument") << words("invitations list --account a extra");
    QTest::newRow("accept without URN") << words("invitations accept --account a");
    QTest::newRow("accept without account") << words("invitations accept urn:li:invitation:1");
    QTest::newRow("decline without URN") << words("invitations decline --account a");
    QTest::newRow("accept with a reversed delay")
        << words("invitations accept --account a --delay 5-1 urn:li:invitation:1");
    QTest::newRow("accept with a word for a delay")
        << words("invitations accept --account a --delay soon urn:li:invitation:1");
    QTest::newRow("withdraw without days") << words("invitations withdraw --account a");
    QTest::newRow("withdraw with negative days")
        << words("invitations withdraw --account a --older-than -3");
    QTest::newRow("withdraw with an argument")
        << words("invitations withdraw --account a --older-than 30 all");
    QTest::newRow("invite without --to") << words("invite --account a");
    QTest::newRow("invite with an unquoted note")
        << words("invite --account a --to https://x --note two words");
    QTest::newRow("connections without list") << words("connections");
    QTest::newRow("connections list without account") << words("connections list");
}

void TstLinkupCtlNetwork::usageErrors()
{
    QFETCH(QStringList, args);
    const Result r = run(args);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY2(r.err.startsWith(QStringLiteral("linkupctl: ")), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QCOMPARE(m_server->requestCount(), 0);
}

void TstLinkupCtlNetwork::listReceivedEveryPage()
{
    const Result table = run({ QStringLiteral("invitations"), QStringLiteral("list"),
        QStringLiteral("--account"), m_account });
    QCOMPARE(table.exitCode, 0);
    const QStringList lines = table.out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 1 + kReceived);
    for (const char *column : { "NAME", "HEADLINE", "AGE", "URN", "NOTE" })
        QVERIFY2(lines.first().contains(QLatin1String(column)), column);
    QVERIFY(lines.at(1).contains(QStringLiteral("urn:li:invitation:")));
    QVERIFY2(table.err.contains(QStringLiteral("credit")), qPrintable(table.err));
    QVERIFY(requests("list_invitations") >= 1);

    const Result r = run({ QStringLiteral("--json"), QStringLiteral("invitations"),
        QStringLiteral("list"), QStringLiteral("--account"), m_account });
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = json(r);
    const QJsonArray items = o.value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), kReceived);
    QCOMPARE(o.value(QStringLiteral("total")).toInt(), kReceived);
    QCOMPARE(o.value(QStringLiteral("direction")).toString(), QStringLiteral("received"));
    QVERIFY(o.value(QStringLiteral("credits_consumed")).toInt() >= 1);
    const QStringList urns = strings(items, QStringLiteral("entity_urn"));
    QCOMPARE(QSet<QString>(urns.begin(), urns.end()).size(), kReceived);
    int withNote = 0;
    for (const QJsonValue &v : items) {
        const QJsonObject item = v.toObject();
        QVERIFY(!item.value(QStringLiteral("name")).toString().isEmpty());
        QVERIFY(!item.value(QStringLiteral("profile_url")).toString().isEmpty());
        QVERIFY(item.value(QStringLiteral("age_days")).isDouble());
        QVERIFY(!item.contains(QStringLiteral("shared_secret"))); // the store keeps it
        withNote += item.value(QStringLiteral("note")).toString().isEmpty() ? 0 : 1;
    }
    QCOMPARE(withNote, 4); // every third seeded invitation has a note
}

void TstLinkupCtlNetwork::listSentEveryPage()
{
    const Result r = run({ QStringLiteral("--json"), QStringLiteral("invitations"),
        QStringLiteral("list"), QStringLiteral("--account"), m_account, QStringLiteral("--sent") });
    QCOMPARE(r.exitCode, 0);
    const QJsonArray items = json(r).value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), kSent);
    for (const QJsonValue &v : items) {
        const QJsonObject item = v.toObject();
        QCOMPARE(item.value(QStringLiteral("invitation_id")).toString(),
            urnTail(item.value(QStringLiteral("entity_urn")).toString()));
    }
    QCOMPARE(requests("check_invitation"), 0);

    const Result table = run({ QStringLiteral("invitations"), QStringLiteral("list"),
        QStringLiteral("--account"), m_account, QStringLiteral("--sent") });
    QCOMPARE(table.exitCode, 0);
    const QStringList lines = table.out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 1 + kSent);
    QVERIFY(lines.first().contains(QStringLiteral("INVITATION ID")));
}

void TstLinkupCtlNetwork::connectionsList()
{
    const Result r = run({ QStringLiteral("--json"), QStringLiteral("connections"),
        QStringLiteral("list"), QStringLiteral("--account"), m_account });
    QCOMPARE(r.exitCode, 0);
    const QJsonArray items = json(r).value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), kConnections);
    for (const QJsonValue &v : items) {
        QVERIFY(!v.toObject().value(QStringLiteral("name")).toString().isEmpty());
        QVERIFY(v.toObject()
                    .value(QStringLiteral("profile_url"))
                    .toString()
                    .contains(QStringLiteral("linkedin.com/in/")));
    }
    QCOMPARE(requests("list_connections"), 1);

    const Result table = run({ QStringLiteral("connections"), QStringLiteral("list"),
        QStringLiteral("--account"), m_account });
    QCOMPARE(table.exitCode, 0);
    QCOMPARE(table.out.trimmed().split(QLatin1Char('\n')).size(), 1 + kConnections);
    QVERIFY(table.out.startsWith(QStringLiteral("NAME")));
}

void TstLinkupCtlNetwork::acceptUsesTheStoredSecrets()
{
    const QJsonArray received = listed({ QStringLiteral("invitations"), QStringLiteral("list"),
        QStringLiteral("--account"), m_account });
    QCOMPARE(received.size(), kReceived);
    const QStringList urns = strings(received, QStringLiteral("entity_urn")).mid(0, 2);
    m_server->clearRequests();

    // The profile under test has never listed them: the command reads the list, then answers.
    const Result r = run(answer("accept", urns));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(requests("list_invitations"), 1);
    QCOMPARE(requests("accept"), 2);
    const QJsonObject o = json(r);
    QCOMPARE(o.value(QStringLiteral("action")).toString(), QStringLiteral("accept"));
    const QJsonArray items = o.value(QStringLiteral("items")).toArray();
    QCOMPARE(strings(items, QStringLiteral("entity_urn")), urns);
    QCOMPARE(strings(items, QStringLiteral("outcome")),
        (QStringList { QStringLiteral("done"), QStringLiteral("done") }));
    QCOMPARE(o.value(QStringLiteral("done")).toInt(), 2);
    QVERIFY(o.value(QStringLiteral("credits_consumed")).toInt() >= 2);

    // Each request carried its invitation's URN and the secret list_invitations gave for it
    // (the sandbox refuses any other secret, so "done" proves it matched).
    QStringList sentUrns;
    for (const ld::sandbox::RecordedRequest &request : m_server->requests()) {
        if (request.action != QLatin1String("accept"))
            continue;
        const QJsonObject params = QJsonDocument::fromJson(request.body)
                                       .object()
                                       .value(QStringLiteral("params"))
                                       .toObject();
        sentUrns << params.value(QStringLiteral("entity_urn")).toString();
        QVERIFY(!params.value(QStringLiteral("shared_secret")).toString().isEmpty());
    }
    QCOMPARE(sentUrns, urns);

    const QJsonArray left = listed({ QStringLiteral("invitations"), QStringLiteral("list"),
        QStringLiteral("--account"), m_account });
    QCOMPARE(left.size(), kReceived - 2);

    // Again: each is reported done by the earlier run, and nothing is sent twice.
    const Result again = run(answer("accept", urns));
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(
        strings(json(again).value(QStringLiteral("items")).toArray(), QStringLiteral("outcome")),
        (QStringList { QStringLiteral("done"), QStringLiteral("done") }));
    QCOMPARE(requests("accept"), 2);
}

void TstLinkupCtlNetwork::declineOne()
{
    const QJsonArray received = listed({ QStringLiteral("invitations"), QStringLiteral("list"),
        QStringLiteral("--account"), m_account });
    const QString urn = strings(received, QStringLiteral("entity_urn")).last();
    const Result r = run(answer("decline", { urn }, false));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(
        r.out.startsWith(QStringLiteral("done: declined the invitation of ")), qPrintable(r.out));
    QVERIFY(r.out.contains(urn));
    QCOMPARE(requests("decline"), 1);
    QCOMPARE(requests("accept"), 0);
}

void TstLinkupCtlNetwork::unknownUrnIsRefusedWithoutRequest()
{
    const QString unknown = QStringLiteral("urn:li:invitation:999999999");
    const Result r = run(answer("accept", { unknown }, false));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.startsWith(QStringLiteral("refused: ") + unknown), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("no pending invitation")), qPrintable(r.out));
    QVERIFY2(r.errLines().constLast().startsWith(QStringLiteral("linkupctl: ")), qPrintable(r.err));
    QCOMPARE(requests("list_invitations"), 1); // read once before calling it unknown
    QCOMPARE(requests("accept"), 0);

    // With a known one: that one is sent, the unknown one is not.
    const QString known = strings(listed({ QStringLiteral("invitations"), QStringLiteral("list"),
                                      QStringLiteral("--account"), m_account }),
        QStringLiteral("entity_urn"))
                              .first();
    const Result mixed = run(answer("accept", { known, unknown }));
    QCOMPARE(mixed.exitCode, 1);
    const QJsonArray items = json(mixed).value(QStringLiteral("items")).toArray();
    QCOMPARE(strings(items, QStringLiteral("outcome")),
        (QStringList { QStringLiteral("done"), QStringLiteral("refused") }));
    QCOMPARE(strings(items, QStringLiteral("entity_urn")), (QStringList { known, unknown }));
    QVERIFY(!items.at(1).toObject().value(QStringLiteral("reason")).toString().isEmpty());
    QCOMPARE(requests("accept"), 1);
}

void TstLinkupCtlNetwork::withdrawDryRunSendsNothing()
{
    QStringList stale;
    for (const QJsonValue &v : listed({ QStringLiteral("invitations"), QStringLiteral("list"),
             QStringLiteral("--account"), m_account, QStringLiteral("--sent") }))
        if (v.toObject().value(QStringLiteral("age_days")).toInt() > 30)
            stale << v.toObject().value(QStringLiteral("entity_urn")).toString();
    QCOMPARE(stale.size(), kStale);

    const QStringList withdraw { QStringLiteral("invitations"), QStringLiteral("withdraw"),
        QStringLiteral("--account"), m_account, QStringLiteral("--older-than"),
        QStringLiteral("30"), QStringLiteral("--dry-run") };
    const Result r = run(QStringList { QStringLiteral("--json") } + withdraw);
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = json(r);
    const QJsonArray items = o.value(QStringLiteral("items")).toArray();
    QStringList listedUrns = strings(items, QStringLiteral("entity_urn"));
    listedUrns.sort();
    stale.sort();
    QCOMPARE(listedUrns, stale);
    for (const QJsonValue &v : items)
        QVERIFY(v.toObject().value(QStringLiteral("age_days")).toInt() > 30);
    QCOMPARE(o.value(QStringLiteral("credits_needed")).toInt(), kStale);
    QCOMPARE(o.value(QStringLiteral("dry_run")).toBool(), true);
    const QJsonObject cap = o.value(QStringLiteral("cap")).toObject();
    QCOMPARE(cap.value(QStringLiteral("used_today")).toInt(), 0);
    QCOMPARE(cap.value(QStringLiteral("remaining")).toInt(),
        qMin(cap.value(QStringLiteral("per_day")).toInt(),
            cap.value(QStringLiteral("per_week")).toInt()));

    const Result table = run(withdraw);
    QCOMPARE(table.exitCode, 0);
    QCOMPARE(table.out.trimmed().split(QLatin1Char('\n')).size(), 1 + kStale);
    QVERIFY2(
        table.err.contains(QStringLiteral("costs %1 credit").arg(kStale)), qPrintable(table.err));
    QVERIFY2(table.err.contains(QStringLiteral("cap")), qPrintable(table.err));

    QCOMPARE(requests("withdraw"), 0);
    QCOMPARE(requests("check_invitation"), 0);
}

void TstLinkupCtlNetwork::withdrawStaleByTheUrnId()
{
    const Result r
        = run({ QStringLiteral("--json"), QStringLiteral("invitations"), QStringLiteral("withdraw"),
            QStringLiteral("--account"), m_account, QStringLiteral("--older-than"),
            QStringLiteral("30"), QStringLiteral("--delay"), QStringLiteral("0-5") });
    QCOMPARE(r.exitCode, 0);
    const QJsonArray items = json(r).value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), kStale);
    QCOMPARE(
        strings(items, QStringLiteral("outcome")), QStringList(kStale, QStringLiteral("done")));
    QCOMPARE(requests("withdraw"), kStale);
    QCOMPARE(requests("check_invitation"), 0);

    // Each withdraw named the id at the tail of one stale invitation's URN.
    QSet<QString> ids;
    for (const ld::sandbox::RecordedRequest &request : m_server->requests())
        if (request.action == QLatin1String("withdraw"))
            ids.insert(QJsonDocument::fromJson(request.body)
                           .object()
                           .value(QStringLiteral("params"))
                           .toObject()
                           .value(QStringLiteral("invitation_id"))
                           .toString());
    QSet<QString> expected;
    for (const QString &urn : strings(items, QStringLiteral("entity_urn")))
        expected.insert(urnTail(urn));
    QCOMPARE(ids, expected);

    const QJsonArray left = listed({ QStringLiteral("invitations"), QStringLiteral("list"),
        QStringLiteral("--account"), m_account, QStringLiteral("--sent") });
    QCOMPARE(left.size(), kSent - kStale);
}

void TstLinkupCtlNetwork::inviteSendsOneRequestWithTheNote()
{
    const QString note = QStringLiteral("Hello Ana — we met at the meetup 👋");
    const Result r = run({ QStringLiteral("invite"), QStringLiteral("--account"), m_account,
        QStringLiteral("--to"), kProspect, QStringLiteral("--note"), note });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("done: invited ")), qPrintable(r.out + r.err));
    QCOMPARE(requests("invite"), 1);
    const QJsonObject params = QJsonDocument::fromJson(m_server->requests().constLast().body)
                                   .object()
                                   .value(QStringLiteral("params"))
                                   .toObject();
    QCOMPARE(params.value(QStringLiteral("message")).toString(), note);
    QVERIFY(params.value(QStringLiteral("profile_url"))
                .toString()
                .contains(QStringLiteral("new-prospect-0815")));

    // Now pending: a second invite is a duplicate, refused before any request.
    const Result again = run({ QStringLiteral("--json"), QStringLiteral("invite"),
        QStringLiteral("--account"), m_account, QStringLiteral("--to"), kProspect });
    QCOMPARE(again.exitCode, 1);
    const QJsonObject item
        = json(again).value(QStringLiteral("items")).toArray().first().toObject();
    QCOMPARE(item.value(QStringLiteral("outcome")).toString(), QStringLiteral("refused"));
    QCOMPARE(item.value(QStringLiteral("profile_url")).toString(), kProspect);
    QCOMPARE(requests("invite"), 1);
}

void TstLinkupCtlNetwork::inviteDuplicateIsRefused_data()
{
    QTest::addColumn<QString>("list");
    QTest::addColumn<QString>("because");
    QTest::newRow("connected") << QStringLiteral("connections") << QStringLiteral("connected");
    QTest::newRow("pending sent") << QStringLiteral("sent") << QStringLiteral("pending");
    QTest::newRow("pending received")
        << QStringLiteral("received") << QStringLiteral("already invited you");
}

void TstLinkupCtlNetwork::inviteDuplicateIsRefused()
{
    QFETCH(QString, list);
    QFETCH(QString, because);
    QStringList listing = list == QLatin1String("connections")
        ? QStringList { QStringLiteral("connections"), QStringLiteral("list") }
        : QStringList { QStringLiteral("invitations"), QStringLiteral("list") };
    listing << QStringLiteral("--account") << m_account;
    if (list == QLatin1String("sent"))
        listing << QStringLiteral("--sent");
    const QString url
        = listed(listing).at(3).toObject().value(QStringLiteral("profile_url")).toString();
    QVERIFY(!url.isEmpty());

    // A fresh profile: the command reads the lists itself before it decides.
    const Result r = run({ QStringLiteral("invite"), QStringLiteral("--account"), m_account,
        QStringLiteral("--to"), url });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.startsWith(QStringLiteral("refused: ")), qPrintable(r.out));
    QVERIFY2(r.err.contains(because), qPrintable(r.err));
    QCOMPARE(requests("invite"), 0);
    QCOMPARE(requests("check_invitation"), 0);
}

void TstLinkupCtlNetwork::inviteToACompanyIsRefused()
{
    const Result r = run(
        { QStringLiteral("invite"), QStringLiteral("--account"), m_account, QStringLiteral("--to"),
            QStringLiteral("https://www.linkedin.com/company/linkup-sandbox/") });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("not a LinkedIn profile URL")), qPrintable(r.err));
    QCOMPARE(m_server->requestCount(), 0); // not even a listing
}

void TstLinkupCtlNetwork::inviteNoteOverTheLimitIsRefused()
{
    const Result r = run({ QStringLiteral("--json"), QStringLiteral("invite"),
        QStringLiteral("--account"), m_account, QStringLiteral("--to"), kProspect,
        QStringLiteral("--note"), QString(201, QLatin1Char('x')) });
    QCOMPARE(r.exitCode, 1);
    const QJsonObject item = json(r).value(QStringLiteral("items")).toArray().first().toObject();
    QCOMPARE(item.value(QStringLiteral("outcome")).toString(), QStringLiteral("refused"));
    QVERIFY2(item.value(QStringLiteral("reason")).toString().contains(QStringLiteral("200")),
        qPrintable(r.out));
    QCOMPARE(m_server->requestCount(), 0);
}

void TstLinkupCtlNetwork::ambiguousInviteSaysUnknownAndHowToVerify()
{
    m_server->injectFault(Fault::InternalError, 1, kNetwork, QStringLiteral("invite"));
    // The check answers too, but with a refusal (a 500 would be retried, being a read).
    m_server->injectFault(Fault::SuccessFalse, 1, kNetwork, QStringLiteral("check_invitation"));
    const Result r = run({ QStringLiteral("invite"), QStringLiteral("--account"), m_account,
        QStringLiteral("--to"), kProspect });
    QVERIFY2(r.exitCode == 3, qPrintable(r.out + r.err));
    QVERIFY2(r.out.startsWith(QStringLiteral("unknown: ")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("check with LinkedIn failed")), qPrintable(r.out));
    QVERIFY2(r.err.contains(
                 QStringLiteral("linkupctl invitations list --account %1 --sent").arg(m_account)),
        qPrintable(r.err));
    QCOMPARE(requests("invite"), 1);
    QCOMPARE(requests("check_invitation"), 1);

    // The next run checks it again (the 500 came before the sandbox acted: not sent), and
    // still never sends it on its own.
    const Result again = run({ QStringLiteral("--json"), QStringLiteral("invite"),
        QStringLiteral("--account"), m_account, QStringLiteral("--to"), kProspect });
    QCOMPARE(again.exitCode, 1);
    const QJsonObject item
        = json(again).value(QStringLiteral("items")).toArray().first().toObject();
    QCOMPARE(item.value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
    QCOMPARE(requests("invite"), 1);
    QCOMPARE(requests("check_invitation"), 2);
}

void TstLinkupCtlNetwork::droppedInviteReplyIsVerifiedAsDone()
{
    m_server->injectFault(Fault::DropAfterSend, 1, kNetwork, QStringLiteral("invite"));
    const Result r = run({ QStringLiteral("--json"), QStringLiteral("invite"),
        QStringLiteral("--account"), m_account, QStringLiteral("--to"), kProspect });
    QCOMPARE(r.exitCode, 0);
    const QJsonObject item = json(r).value(QStringLiteral("items")).toArray().first().toObject();
    QCOMPARE(item.value(QStringLiteral("outcome")).toString(), QStringLiteral("done"));
    QCOMPARE(requests("invite"), 1);
    QCOMPARE(requests("check_invitation"), 1);
}

void TstLinkupCtlNetwork::sigintCancelsTheRest()
{
    const QStringList urns = strings(listed({ QStringLiteral("invitations"), QStringLiteral("list"),
                                         QStringLiteral("--account"), m_account }),
        QStringLiteral("entity_urn"))
                                 .mid(0, 3);
    m_server->clearRequests();
    QStringList args = answer("accept", urns);
    args.replace(args.indexOf(QStringLiteral("0-5")), QStringLiteral("60000"));
    QProcess child;
    QSignalSpy finished(&child, &QProcess::finished);
    startLinkupctl(&child, arguments(args), environment());
    QVERIFY(child.waitForStarted(kWait));
    // The first went out; the second waits out a minute's pause.
    QTRY_COMPARE_WITH_TIMEOUT(requests("accept"), 1, kWait);
    ::kill(pid_t(child.processId()), SIGINT);
    QVERIFY(finished.wait(kWait));
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QCOMPARE(child.exitCode(), 1);
    const QJsonObject o = QJsonDocument::fromJson(child.readAllStandardOutput()).object();
    QCOMPARE(strings(o.value(QStringLiteral("items")).toArray(), QStringLiteral("outcome")),
        (QStringList {
            QStringLiteral("done"), QStringLiteral("cancelled"), QStringLiteral("cancelled") }));
    QCOMPARE(requests("accept"), 1);
}

void TstLinkupCtlNetwork::killedRunIsContinued()
{
    const QStringList urns = strings(listed({ QStringLiteral("invitations"), QStringLiteral("list"),
                                         QStringLiteral("--account"), m_account }),
        QStringLiteral("entity_urn"))
                                 .mid(0, 3);
    QStringList args = answer("accept", urns, false);
    args.replace(args.indexOf(QStringLiteral("0-5")), QStringLiteral("600000"));
    QProcess child;
    startLinkupctl(&child, arguments(args), environment());
    QVERIFY(child.waitForStarted(kWait));
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += child.readAllStandardOutput()).startsWith("done: "), kWait);
    child.kill();
    QVERIFY(child.waitForFinished(kWait));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    QCOMPARE(requests("accept"), 1);

    // The same command again: the first is reported done, the two its run never sent are
    // taken over and sent, each once.
    const Result r = run(answer("accept", urns));
    QCOMPARE(r.exitCode, 0);
    const QJsonArray items = json(r).value(QStringLiteral("items")).toArray();
    QCOMPARE(strings(items, QStringLiteral("entity_urn")), urns);
    QCOMPARE(strings(items, QStringLiteral("outcome")), QStringList(3, QStringLiteral("done")));
    QCOMPARE(requests("accept"), 3);

    // One stored item per invitation: the killed run's waiting ones were adopted, not copied.
    const Result outbox = run({ QStringLiteral("--json"), QStringLiteral("outbox"),
        QStringLiteral("list"), QStringLiteral("--account"), m_account });
    int accepts = 0;
    for (const QJsonValue &v : json(outbox).value(QStringLiteral("items")).toArray())
        accepts += v.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("accept");
    QCOMPARE(accepts, 3);
}

void TstLinkupCtlNetwork::killedInFlightIsVerifiedNotResent()
{
    const QStringList urns = strings(listed({ QStringLiteral("invitations"), QStringLiteral("list"),
                                         QStringLiteral("--account"), m_account }),
        QStringLiteral("entity_urn"))
                                 .mid(0, 2);
    m_server->injectFault(Fault::Slow, 1, kNetwork, QStringLiteral("accept"), 600000);
    QProcess child;
    startLinkupctl(&child, arguments(answer("accept", urns, false)), environment());
    QVERIFY(child.waitForStarted(kWait));
    QTRY_COMPARE_WITH_TIMEOUT(requests("accept"), 1, kWait); // it left; the answer is held
    child.kill();
    QVERIFY(child.waitForFinished(kWait));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    // The one in flight is checked (it took effect), the other is sent: one outcome each.
    const Result r = run(answer("accept", urns));
    QCOMPARE(r.exitCode, 0);
    const QJsonArray items = json(r).value(QStringLiteral("items")).toArray();
    QCOMPARE(strings(items, QStringLiteral("entity_urn")), urns);
    QCOMPARE(strings(items, QStringLiteral("outcome")),
        (QStringList { QStringLiteral("done"), QStringLiteral("done") }));
    QCOMPARE(requests("check_invitation"), 1);
    QCOMPARE(requests("accept"), 2);
}

QTEST_GUILESS_MAIN(TstLinkupCtlNetwork)
#include "tst_linkupctlnetwork.moc"
