// NetworkService against the sandbox over loopback: the three offset-paged lists followed
// while pagination.has_more holds, each action's request body as recorded by the sandbox,
// each reply decoded, accept with the list's shared secret, withdraw by the id derived from
// list_sent's URN, invite by URL or identifier with and without a note, and writes never
// retried after an ambiguous failure.
#include "domain/invitation.h"
#include "sandbox/sandboxserver.h"
#include "servicecall.h"
#include "services/networkservice.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <functional>
#include <memory>

using namespace ld;
using sandbox::SandboxServer;
using sandbox::Seeds;

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

const QString Primary = Seeds::primaryAccountId();
// Nobody in the primary account's world: no connection, no pending invitation.
const QString Stranger = QStringLiteral("https://www.linkedin.com/in/zoe-stranger-4242");

} // namespace

#define RUN(o, expr)                                                                               \
    auto o = run(expr);                                                                            \
    QCOMPARE(o->done, 1)

#define RUN_OK(o, expr)                                                                            \
    RUN(o, expr);                                                                                  \
    QVERIFY2(!o->error.isError(), qPrintable(o->error.technicalSummary()))

class TestNetworkService : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<SandboxServer> m_sandbox;
    ApiClient *m_client = nullptr;
    NetworkService *m_service = nullptr;

    QList<QJsonObject> bodies(const QString &action) const
    {
        QList<QJsonObject> list;
        const QList<sandbox::RecordedRequest> all = m_sandbox->requests();
        for (const sandbox::RecordedRequest &r : all)
            if (r.action == action)
                list << QJsonDocument::fromJson(r.body).object();
        return list;
    }
    QJsonObject lastParams(const QString &action) const
    {
        const QList<QJsonObject> all = bodies(action);
        return all.isEmpty() ? QJsonObject() : all.last().value(s("params")).toObject();
    }

    // Follows pagination.has_more from offset 0; each page is decoded by `decode`, which
    // returns its next offset, or -1 at the end.
    void pageThrough(const std::function<ApiCall *(const OffsetQuery &)> &list, int count,
        const std::function<int(const QJsonValue &)> &decode, QList<int> *offsets)
    {
        int offset = 0;
        for (int guard = 0; offset >= 0 && guard < 100; ++guard) {
            offsets->append(offset);
            RUN_OK(o, list(OffsetQuery { count, offset, {} }));
            offset = decode(o->data);
        }
        QCOMPARE(offset, -1);
    }

    QList<ReceivedInvitation> allReceived()
    {
        QList<ReceivedInvitation> all;
        QList<int> offsets;
        pageThrough([this](const OffsetQuery &q) { return m_service->listInvitations(Primary, q); },
            100,
            [&all](const QJsonValue &data) {
                const auto page = decodeReceivedInvitations(data);
                all += page.value.items;
                return page.ok() && page.value.hasMore() ? page.value.pagination.nextOffset : -1;
            },
            &offsets);
        return all;
    }
    QList<SentInvitation> allSent()
    {
        QList<SentInvitation> all;
        QList<int> offsets;
        pageThrough([this](const OffsetQuery &q) { return m_service->listSent(Primary, q); }, 100,
            [&all](const QJsonValue &data) {
                const auto page = decodeSentInvitations(data);
                all += page.value.items;
                return page.ok() && page.value.hasMore() ? page.value.pagination.nextOffset : -1;
            },
            &offsets);
        return all;
    }

private Q_SLOTS:
    void init()
    {
        // A fresh world per test: accept, decline, withdraw and invite change it.
        m_sandbox = std::make_unique<SandboxServer>();
        QVERIFY(m_sandbox->listen());
        m_client = sandboxClient(*m_sandbox, this);
        QCOMPARE(m_client->baseUrl(), m_sandbox->baseUrl());
        m_service = new NetworkService(m_client, m_client);
    }
    void cleanup()
    {
        delete m_client;
        m_client = nullptr;
        m_sandbox.reset();
    }

    void listInvitationsPagesToTheEnd();
    void listSentPagesToTheEnd();
    void listConnectionsPagesToTheEnd();
    void invitationTypeIsSentWhenGiven();
    void acceptWithTheListsSecret();
    void declineLeavesConnectionsAlone();
    void acceptWithWrongSecretRefused();
    void withdrawByTheIdFromListSent();
    void inviteByUrlWithNote();
    void inviteByIdentifierWithoutNote();
    void duplicateInviteRefusedByServer();
    void checkInvitationOfAConnection();
    void writesAreNeverRetried_data();
    void writesAreNeverRetried();
};

void TestNetworkService::listInvitationsPagesToTheEnd()
{
    QSet<QString> urns;
    QList<int> offsets;
    int available = -1;
    pageThrough([this](const OffsetQuery &q) { return m_service->listInvitations(Primary, q); }, 5,
        [&](const QJsonValue &data) {
            const Decoded<ReceivedInvitationPage> page = decodeReceivedInvitations(data);
            if (!page.ok())
                return -1;
            available = page.value.totalAvailable;
            for (const ReceivedInvitation &inv : page.value.items) {
                if (!inv.sharedSecret.isEmpty() && !inv.sender.fullName().isEmpty())
                    urns << inv.entityUrn;
            }
            return page.value.hasMore() ? page.value.pagination.nextOffset : -1;
        },
        &offsets);
    QCOMPARE(available, 12);
    QCOMPARE(urns.size(), 12); // every one once, each with its secret and sender
    QCOMPARE(offsets, (QList<int> { 0, 5, 10 }));
    const QList<QJsonObject> sent = bodies(s("list_invitations"));
    QCOMPARE(sent.size(), 3);
    for (int i = 0; i < sent.size(); ++i) {
        const QJsonObject params = sent[i].value(s("params")).toObject();
        QCOMPARE(params.value(s("count")).toInt(), 5);
        QCOMPARE(params.value(s("offset")).toInt(), offsets[i]);
        QVERIFY(!params.contains(s("invitation_type"))); // the server's default
    }
}

void TestNetworkService::listSentPagesToTheEnd()
{
    QSet<QString> ids;
    QList<int> offsets;
    int previousDays = -1;
    bool ordered = true;
    pageThrough([this](const OffsetQuery &q) { return m_service->listSent(Primary, q); }, 10,
        [&](const QJsonValue &data) {
            const Decoded<SentInvitationPage> page = decodeSentInvitations(data);
            if (!page.ok())
                return -1;
            for (const SentInvitation &inv : page.value.items) {
                ids << inv.invitationId();
                ordered = ordered && inv.sentTimeDays >= previousDays;
                previousDays = inv.sentTimeDays;
            }
            return page.value.hasMore() ? page.value.pagination.nextOffset : -1;
        },
        &offsets);
    QCOMPARE(offsets, (QList<int> { 0, 10, 20 }));
    QCOMPARE(ids.size(), 25);
    QVERIFY(!ids.contains(QString())); // every URN has its numeric tail
    QVERIFY(ordered); // newest first
}

void TestNetworkService::listConnectionsPagesToTheEnd()
{
    QSet<QString> urls;
    QList<int> offsets;
    pageThrough([this](const OffsetQuery &q) { return m_service->listConnections(Primary, q); }, 15,
        [&](const QJsonValue &data) {
            const Decoded<ConnectionPage> page = decodeConnections(data);
            if (!page.ok())
                return -1;
            for (const Connection &c : page.value.items)
                if (!c.name.isEmpty())
                    urls << c.profileUrl;
            return page.value.hasMore() ? page.value.pagination.nextOffset : -1;
        },
        &offsets);
    QCOMPARE(offsets, (QList<int> { 0, 15, 30 }));
    QCOMPARE(urls.size(), 40);
    const QJsonObject params = lastParams(s("list_connections"));
    QCOMPARE(params.value(s("count")).toInt(), 15);
    QCOMPARE(params.value(s("offset")).toInt(), 30);
    QVERIFY(!params.contains(s("invitation_type")));

    // The default count is the 50 that one credit buys.
    RUN_OK(o, m_service->listConnections(Primary));
    QCOMPARE(lastParams(s("list_connections")).value(s("count")).toInt(), 50);
    QCOMPARE(o->credits, 1);
}

void TestNetworkService::invitationTypeIsSentWhenGiven()
{
    RUN_OK(o, m_service->listSent(Primary, OffsetQuery { 10, 0, s("ORGANIZATION") }));
    QCOMPARE(lastParams(s("list_sent")).value(s("invitation_type")).toString(), s("ORGANIZATION"));
    const Decoded<SentInvitationPage> page = decodeSentInvitations(o->data);
    QVERIFY2(page.ok(), qPrintable(page.error));
    QVERIFY(page.value.items.isEmpty());
    QVERIFY(!page.value.hasMore());
}

void TestNetworkService::acceptWithTheListsSecret()
{
    const QList<ReceivedInvitation> before = allReceived();
    QCOMPARE(before.size(), 12);
    const ReceivedInvitation target = before.at(3);
    RUN_OK(o, m_service->accept(Primary, target.entityUrn, target.sharedSecret));
    const QJsonObject params = lastParams(s("accept"));
    QCOMPARE(params.value(s("entity_urn")).toString(), target.entityUrn);
    QCOMPARE(params.value(s("shared_secret")).toString(), target.sharedSecret);
    QCOMPARE(o->credits, 1);

    const QList<ReceivedInvitation> after = allReceived();
    QCOMPARE(after.size(), 11);
    for (const ReceivedInvitation &inv : after)
        QVERIFY(inv.entityUrn != target.entityUrn);
    RUN_OK(c, m_service->listConnections(Primary));
    const Decoded<ConnectionPage> connections = decodeConnections(c->data);
    QVERIFY2(connections.ok(), qPrintable(connections.error));
    QCOMPARE(connections.value.totalAvailable, 41);
    QCOMPARE(connections.value.items.first().profileUrl, target.sender.profileUrl);
}

void TestNetworkService::declineLeavesConnectionsAlone()
{
    const ReceivedInvitation target = allReceived().first();
    RUN_OK(o, m_service->decline(Primary, target.entityUrn, target.sharedSecret));
    const QJsonObject params = lastParams(s("decline"));
    QCOMPARE(params.value(s("entity_urn")).toString(), target.entityUrn);
    QCOMPARE(params.value(s("shared_secret")).toString(), target.sharedSecret);
    QCOMPARE(allReceived().size(), 11);
    RUN_OK(c, m_service->listConnections(Primary));
    QCOMPARE(decodeConnections(c->data).value.totalAvailable, 40);
}

void TestNetworkService::acceptWithWrongSecretRefused()
{
    const ReceivedInvitation target = allReceived().first();
    RUN(o, m_service->accept(Primary, target.entityUrn, s("not-the-secret")));
    QVERIFY(o->error.isError());
    QVERIFY(!o->error.isAmbiguous());
    QCOMPARE(allReceived().size(), 12);
}

void TestNetworkService::withdrawByTheIdFromListSent()
{
    const QList<SentInvitation> before = allSent();
    QCOMPARE(before.size(), 25);
    const SentInvitation oldest = before.last();
    const QString id = oldest.invitationId();
    QVERIFY(!id.isEmpty());
    m_sandbox->clearRequests();
    RUN_OK(o, m_service->withdraw(Primary, id));
    // Sent as a string, whole: the id does not fit a double.
    const QJsonValue wireId = lastParams(s("withdraw")).value(s("invitation_id"));
    QVERIFY(wireId.isString());
    QCOMPARE(wireId.toString(), id);
    QCOMPARE(m_sandbox->requestCount(QString(), s("check_invitation")), 0); // the free id
    const Decoded<WithdrawResult> result = WithdrawResult::fromJson(o->data);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(result.value.withdrawn);
    QCOMPARE(result.value.invitationId, id);

    const QList<SentInvitation> after = allSent();
    QCOMPARE(after.size(), 24);
    for (const SentInvitation &inv : after)
        QVERIFY(inv.entityUrn != oldest.entityUrn);

    // Withdrawn already: refused, not ambiguous.
    RUN(again, m_service->withdraw(Primary, id));
    QVERIFY(again->error.isError());
    QVERIFY(!again->error.isAmbiguous());
}

void TestNetworkService::inviteByUrlWithNote()
{
    const QString note = s("Bonjour Zoé — we met at the “Lyon” meetup 👋");
    RUN_OK(o, m_service->invite(Primary, Stranger, note));
    const QJsonObject params = lastParams(s("invite"));
    QCOMPARE(params.value(s("profile_url")).toString(), Stranger);
    QCOMPARE(params.value(s("message")).toString(), note);
    QVERIFY(!params.contains(s("identifier")));
    QCOMPARE(o->credits, 1);
    const Decoded<InviteResult> result = InviteResult::fromJson(o->data);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(!result.value.invitationId().isEmpty());
    QVERIFY(!result.value.profileUrn.isEmpty());
    QCOMPARE(result.value.publicIdentifier, s("zoe-stranger-4242"));

    // check_invitation now sees it pending, with the same id as the invite's URN tail.
    RUN_OK(c, m_service->checkInvitation(Primary, Stranger));
    QCOMPARE(lastParams(s("check_invitation")).value(s("profile_url")).toString(), Stranger);
    const Decoded<InvitationCheck> check = InvitationCheck::fromJson(c->data);
    QVERIFY2(check.ok(), qPrintable(check.error));
    QVERIFY(check.value.isPendingSent());
    QCOMPARE(check.value.invitationId, result.value.invitationId());
    QCOMPARE(allSent().first().invitationId(), result.value.invitationId()); // newest first
}

void TestNetworkService::inviteByIdentifierWithoutNote()
{
    RUN_OK(o, m_service->invite(Primary, s("zoe-stranger-4242")));
    const QJsonObject params = lastParams(s("invite"));
    QCOMPARE(params.value(s("identifier")).toString(), s("zoe-stranger-4242"));
    QVERIFY(!params.contains(s("profile_url")));
    QVERIFY(!params.contains(s("message"))); // an empty note is not sent
    QVERIFY(InviteResult::fromJson(o->data).ok());
}

void TestNetworkService::duplicateInviteRefusedByServer()
{
    RUN_OK(first, m_service->invite(Primary, Stranger));
    RUN(second, m_service->invite(Primary, Stranger));
    QVERIFY(second->error.isError());
    QVERIFY(!second->error.isAmbiguous());
    QVERIFY2(second->error.message.contains(s("already pending")),
        qPrintable(second->error.technicalSummary()));
    QCOMPARE(allSent().size(), 26);
}

void TestNetworkService::checkInvitationOfAConnection()
{
    RUN_OK(l, m_service->listConnections(Primary, OffsetQuery { 1, 0, {} }));
    const Decoded<ConnectionPage> page = decodeConnections(l->data);
    QVERIFY2(page.ok() && !page.value.items.isEmpty(), qPrintable(page.error));
    RUN_OK(o, m_service->checkInvitation(Primary, page.value.items.first().profileUrl));
    const Decoded<InvitationCheck> check = InvitationCheck::fromJson(o->data);
    QVERIFY2(check.ok(), qPrintable(check.error));
    QVERIFY(check.value.isConnected());
    QVERIFY(check.value.invitationId.isEmpty());
    QCOMPARE(check.value.memberDistance, 1);
    QVERIFY(!check.value.message.isEmpty());
}

void TestNetworkService::writesAreNeverRetried_data()
{
    QTest::addColumn<QString>("action");
    QTest::newRow("invite") << s("invite");
    QTest::newRow("accept") << s("accept");
    QTest::newRow("decline") << s("decline");
    QTest::newRow("withdraw") << s("withdraw");
}

void TestNetworkService::writesAreNeverRetried()
{
    QFETCH(QString, action);
    const ReceivedInvitation received = allReceived().first();
    const QString sentId = allSent().first().invitationId();
    // A 500 after a write is ambiguous: LinkedIn may have acted. A Write is not repeated.
    m_sandbox->injectFault(SandboxServer::Fault::InternalError, 3, s("/v2/network"), action);
    ApiCall *call = nullptr;
    if (action == s("invite"))
        call = m_service->invite(Primary, Stranger, s("Hi"));
    else if (action == s("accept"))
        call = m_service->accept(Primary, received.entityUrn, received.sharedSecret);
    else if (action == s("decline"))
        call = m_service->decline(Primary, received.entityUrn, received.sharedSecret);
    else
        call = m_service->withdraw(Primary, sentId);
    RUN(o, call);
    QVERIFY(o->error.isError());
    QVERIFY(o->error.isAmbiguous());
    QCOMPARE(m_sandbox->requestCount(s("/v2/network"), action), 1);
    m_sandbox->clearFaults();
}

QTEST_GUILESS_MAIN(TestNetworkService)
#include "tst_networkservice.moc"
