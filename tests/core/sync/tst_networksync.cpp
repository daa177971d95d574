// NetworkSync against the sandbox over loopback: the three offset-paged lists read page by page
// to the end with small pages (one request per page, the credits each cost), the stored list
// replaced only after the last page (a failure on page 2 keeps the previous one), invitations
// answered elsewhere gone after the next refresh, the shared secret kept for accept, one
// refresh per (account, list) at a time; and, against a scripted server that pages wrongly as
// the sandbox never does, the guards against endless paging and undecodable pages.
#include "../services/servicecall.h"

#include "domain/invitation.h"
#include "sandbox/sandboxserver.h"
#include "services/networkservice.h"
#include "store/database.h"
#include "store/networkrepository.h"
#include "sync/networksync.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <memory>

using namespace ld;
using sandbox::SandboxServer;
using Fault = SandboxServer::Fault;
using List = NetworkSync::List;
using Direction = StoredInvitation::Direction;
Q_DECLARE_METATYPE(Fault)
Q_DECLARE_METATYPE(ApiError::Kind)

namespace {

constexpr int kWait = 20000;
// The primary account's seeded network.
constexpr int kReceived = 12;
constexpr int kSent = 25;
constexpr int kConnections = 40;

QString actionOf(List list)
{
    switch (list) {
    case List::Received:
        return QStringLiteral("list_invitations");
    case List::Sent:
        return QStringLiteral("list_sent");
    case List::Connections:
        break;
    }
    return QStringLiteral("list_connections");
}

// A LinkUp server that pages wrongly: every POST /v2/network is answered with a success
// envelope whose data `page(offset, count)` builds from the request's params.
class ScriptedServer
{
public:
    std::function<QJsonObject(int offset, int count)> page;
    int requests = 0;

    bool listen()
    {
        m_http.setMissingHandler(
            [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                ++requests;
                const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
                const QJsonObject params = body.value(QStringLiteral("params")).toObject();
                const QJsonObject envelope {
                    { QStringLiteral("success"), true },
                    { QStringLiteral("data"),
                        page(params.value(QStringLiteral("offset")).toInt(),
                            params.value(QStringLiteral("count")).toInt()) },
                    { QStringLiteral("metadata"),
                        QJsonObject {
                            { QStringLiteral("action"), body.value(QStringLiteral("action")) },
                            { QStringLiteral("credits_consumed"), 1 } } },
                };
                responder.write(QJsonDocument(envelope));
            });
        m_port = m_http.listen(QHostAddress::LocalHost, 0);
        return m_port != 0;
    }
    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }

private:
    QHttpServer m_http;
    quint16 m_port = 0;
};

QJsonObject receivedItem(int n)
{
    const QString id = QString::number(9000000 + n);
    return QJsonObject {
        { QStringLiteral("entity_urn"), QStringLiteral("urn:li:invitation:") + id },
        { QStringLiteral("shared_secret"), QStringLiteral("secret-") + id },
        { QStringLiteral("sender"),
            QJsonObject { { QStringLiteral("first_name"), QStringLiteral("Scripted") },
                { QStringLiteral("last_name"), id },
                { QStringLiteral("linkedin_url"),
                    QStringLiteral("https://www.linkedin.com/in/scripted-") + id } } },
        { QStringLiteral("invitation_type"), QStringLiteral("CONNECTION") },
        { QStringLiteral("sent_time"), QStringLiteral("1d") },
        { QStringLiteral("sent_time_days"), 1 },
    };
}

QJsonObject receivedPage(const QJsonValue &invitations, int offset, int nextOffset, bool hasMore)
{
    const int count = int(invitations.toArray().size());
    return QJsonObject {
        { QStringLiteral("invitations"), invitations },
        { QStringLiteral("total_results"), count },
        { QStringLiteral("total_available_results"), 1000 },
        { QStringLiteral("pagination"),
            QJsonObject { { QStringLiteral("offset"), offset }, { QStringLiteral("count"), count },
                { QStringLiteral("next_offset"), nextOffset },
                { QStringLiteral("has_more"), hasMore } } },
    };
}

} // namespace

class TstNetworkSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void pagesThroughEveryPage_data();
    void pagesThroughEveryPage();
    void sharedSecretIsStoredForAccept();
    void failureOnPageTwoKeepsThePreviousList_data();
    void failureOnPageTwoKeepsThePreviousList();
    void answeredElsewhereDisappears();
    void rowWrittenDuringTheListingIsKept();
    void oneRefreshPerListAtATime();
    void otherAccountsAndListsRunSideBySide();
    void pagingGuards_data();
    void pagingGuards();

private:
    // Refreshes and waits for the end; the refreshed() arguments, or empty after a failure.
    QList<QVariant> refresh(const QString &accountId, List list)
    {
        QSignalSpy refreshed(m_sync.get(), &NetworkSync::refreshed);
        QSignalSpy failed(m_sync.get(), &NetworkSync::failed);
        m_sync->refresh(accountId, list);
        if (!QTest::qWaitFor([&] { return !refreshed.isEmpty() || !failed.isEmpty(); }, kWait))
            return {};
        return refreshed.isEmpty() ? QList<QVariant>() : refreshed.constFirst();
    }
    // The (offset, count) params of each recorded request of `action`, in order.
    QList<QPair<int, int>> pagesRequested(const QString &action) const
    {
        QList<QPair<int, int>> pages;
        const QList<sandbox::RecordedRequest> all = m_server->requests();
        for (const sandbox::RecordedRequest &r : all) {
            if (r.action != action)
                continue;
            const QJsonObject params = QJsonDocument::fromJson(r.body)
                                           .object()
                                           .value(QStringLiteral("params"))
                                           .toObject();
            pages.append({ params.value(QStringLiteral("offset")).toInt(),
                params.value(QStringLiteral("count")).toInt() });
        }
        return pages;
    }
    // What the store holds for `list`: entity URNs, or connections' profile URLs.
    QSet<QString> storedKeys(List list, const QString &accountId) const
    {
        QSet<QString> keys;
        if (list == List::Connections) {
            const QList<StoredConnection> all = m_repository->connections(accountId);
            for (const StoredConnection &c : all)
                keys.insert(c.connection.profileUrl);
            return keys;
        }
        const QList<StoredInvitation> all = m_repository->invitations(
            list == List::Received ? Direction::Received : Direction::Sent, { accountId });
        for (const StoredInvitation &i : all)
            keys.insert(i.entityUrn);
        return keys;
    }
    // The same list read in one request (the sandbox serves up to 100 per page).
    QSet<QString> serverKeys(List list, const QString &accountId)
    {
        QSet<QString> keys;
        const OffsetQuery all { 100, 0, {} };
        if (list == List::Received) {
            const auto page
                = decodeReceivedInvitations(run(m_service->listInvitations(accountId, all))->data);
            for (const ReceivedInvitation &i : page.value.items)
                keys.insert(i.entityUrn);
        } else if (list == List::Sent) {
            const auto page = decodeSentInvitations(run(m_service->listSent(accountId, all))->data);
            for (const SentInvitation &i : page.value.items)
                keys.insert(i.entityUrn);
        } else {
            const auto page
                = decodeConnections(run(m_service->listConnections(accountId, all))->data);
            for (const Connection &c : page.value.items)
                keys.insert(c.profileUrl);
        }
        return keys;
    }
    QString primary() const { return sandbox::Seeds::primaryAccountId(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<NetworkRepository> m_repository;
    std::unique_ptr<QObject> m_clientOwner; // owns the client (sandboxClient() takes a parent)
    ApiClient *m_client = nullptr;
    std::unique_ptr<NetworkService> m_service;
    std::unique_ptr<NetworkSync> m_sync;
};

void TstNetworkSync::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<SandboxServer>();
    QVERIFY(m_dir->isValid());
    QVERIFY(m_server->listen());
    m_db = std::make_unique<Database>();
    QVERIFY(m_db->open(m_dir->filePath(QStringLiteral("profile.sqlite"))));
    m_repository = std::make_unique<NetworkRepository>(m_db.get());
    m_clientOwner = std::make_unique<QObject>();
    m_client = sandboxClient(*m_server, m_clientOwner.get());
    QCOMPARE(m_client->baseUrl(), m_server->baseUrl());
    m_service = std::make_unique<NetworkService>(m_client);
    m_sync = std::make_unique<NetworkSync>(m_service.get(), m_repository.get());
}

void TstNetworkSync::cleanup()
{
    m_sync.reset();
    m_service.reset();
    m_client = nullptr;
    m_clientOwner.reset();
    m_repository.reset();
    m_db.reset();
    m_server.reset();
    m_dir.reset();
}

void TstNetworkSync::pagesThroughEveryPage_data()
{
    QTest::addColumn<List>("list");
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<QList<int>>("offsets");
    QTest::addColumn<int>("items");
    QTest::addColumn<int>("credits"); // invitations: 1 per page; connections: 1 per 50 results

    QTest::newRow("received by 5")
        << List::Received << 5 << QList<int> { 0, 5, 10 } << kReceived << 3;
    QTest::newRow("received by 4, exact fit")
        << List::Received << 4 << QList<int> { 0, 4, 8 } << kReceived << 3;
    QTest::newRow("received by 12, one page")
        << List::Received << 12 << QList<int> { 0 } << kReceived << 1;
    QTest::newRow("received by default") << List::Received << int(NetworkSync::InvitationPageSize)
                                         << QList<int> { 0 } << kReceived << 1;
    QTest::newRow("sent by 10") << List::Sent << 10 << QList<int> { 0, 10, 20 } << kSent << 3;
    QTest::newRow("sent by 2, a last page of one") << List::Sent << 2 << [] {
        QList<int> all;
        for (int offset = 0; offset < kSent; offset += 2)
            all << offset;
        return all;
    }() << kSent << (kSent + 1) / 2;
    QTest::newRow("connections by 15")
        << List::Connections << 15 << QList<int> { 0, 15, 30 } << kConnections << 3;
    QTest::newRow("connections by 7")
        << List::Connections << 7 << QList<int> { 0, 7, 14, 21, 28, 35 } << kConnections << 6;
    QTest::newRow("connections by default")
        << List::Connections << int(NetworkSync::ConnectionPageSize) << QList<int> { 0 }
        << kConnections << 1;
}

void TstNetworkSync::pagesThroughEveryPage()
{
    QFETCH(List, list);
    QFETCH(int, pageSize);
    QFETCH(QList<int>, offsets);
    QFETCH(int, items);
    QFETCH(int, credits);

    QSignalSpy busy(m_sync.get(), &NetworkSync::busyChanged);
    m_sync->setPageSize(list, pageSize);
    QSignalSpy refreshed(m_sync.get(), &NetworkSync::refreshed);
    m_sync->refresh(primary(), list);
    QVERIFY(m_sync->isBusy());
    QVERIFY(m_sync->isRefreshing(primary(), list));
    QVERIFY(refreshed.wait(kWait));
    QVERIFY(!m_sync->isBusy());
    QVERIFY(!m_sync->isRefreshing(primary(), list));
    QCOMPARE(busy.count(), 2);

    const QList<QVariant> args = refreshed.constFirst();
    QCOMPARE(args.at(0).toString(), primary());
    QCOMPARE(args.at(1).value<List>(), list);
    QCOMPARE(args.at(2).toInt(), items);
    QCOMPARE(args.at(3).toInt(), int(offsets.size()));
    QCOMPARE(args.at(4).toInt(), credits);
    QCOMPARE(m_server->creditsCharged(), qint64(credits));

    // One request per page, each asking for a page from where the previous one ended.
    const QList<QPair<int, int>> requested = pagesRequested(actionOf(list));
    QCOMPARE(requested.size(), offsets.size());
    QCOMPARE(m_server->requestCount(QStringLiteral("/v2/network")), int(offsets.size()));
    for (qsizetype i = 0; i < requested.size(); ++i) {
        QCOMPARE(requested[i].first, offsets[i]);
        QCOMPARE(requested[i].second, pageSize);
    }

    // Everything the server has, once.
    const QSet<QString> stored = storedKeys(list, primary());
    QCOMPARE(stored.size(), items);
    QCOMPARE(stored, serverKeys(list, primary()));
    if (list == List::Connections) {
        QCOMPARE(m_repository->connectionCount(primary()), items);
        QVERIFY(m_repository->connectionsFetchedAt(primary()).isValid());
    } else {
        const Direction direction = list == List::Received ? Direction::Received : Direction::Sent;
        QCOMPARE(m_repository->invitationCount(direction, primary()), items);
        QVERIFY(m_repository->invitationsFetchedAt(primary(), direction).isValid());
    }
}

void TstNetworkSync::sharedSecretIsStoredForAccept()
{
    m_sync->setPageSize(List::Received, 5);
    QVERIFY(!refresh(primary(), List::Received).isEmpty());

    // Each stored secret is the one the list shows for that invitation.
    const auto listed = decodeReceivedInvitations(
        run(m_service->listInvitations(primary(), OffsetQuery { 100, 0, {} }))->data);
    QVERIFY(listed.ok());
    QCOMPARE(listed.value.items.size(), kReceived);
    for (const ReceivedInvitation &i : listed.value.items) {
        const std::optional<StoredInvitation> stored
            = m_repository->findByUrn(primary(), Direction::Received, i.entityUrn);
        QVERIFY2(stored, qPrintable(i.entityUrn));
        QVERIFY(!stored->sharedSecret.isEmpty());
        QCOMPARE(stored->sharedSecret, i.sharedSecret);
        QCOMPARE(stored->person.profileUrl, i.sender.profileUrl);
    }

    // And accept takes it.
    const StoredInvitation first
        = m_repository->invitations(Direction::Received, { primary() }).constFirst();
    auto accepted = run(m_service->accept(primary(), first.entityUrn, first.sharedSecret));
    QVERIFY2(!accepted->error.isError(), qPrintable(accepted->error.technicalSummary()));
}

void TstNetworkSync::failureOnPageTwoKeepsThePreviousList_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<int>("count");
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<int>("credits");

    // Answered instead of the server, not retried: only page 1 was charged.
    QTest::newRow("channel error") << Fault::SuccessFalse << 1 << ApiError::Kind::Api << 1;
    // A read is tried three times. The sandbox charged each spoilt answer, but a failed call
    // reports no credits (§1.5: errors cost nothing): only page 1 is counted.
    QTest::newRow("unreadable three times")
        << Fault::WrongType << 3 << ApiError::Kind::BadBody << 1;
}

void TstNetworkSync::failureOnPageTwoKeepsThePreviousList()
{
    QFETCH(Fault, fault);
    QFETCH(int, count);
    QFETCH(ApiError::Kind, kind);
    QFETCH(int, credits);

    QVERIFY(!refresh(primary(), List::Received).isEmpty());
    const QList<StoredInvitation> before
        = m_repository->invitations(Direction::Received, { primary() });
    QCOMPARE(before.size(), kReceived);
    const QDateTime fetchedBefore
        = m_repository->invitationsFetchedAt(primary(), Direction::Received);

    // Answered elsewhere: a complete listing would now drop it.
    const StoredInvitation gone = before.constFirst();
    QVERIFY(
        !run(m_service->decline(primary(), gone.entityUrn, gone.sharedSecret))->error.isError());
    m_server->clearRequests();
    const qint64 chargedBefore = m_server->creditsCharged();

    // The fault waits for page 2: it is armed when page 1 has been answered.
    int pagesAnswered = 0;
    connect(m_client, &ApiClient::callDone, this, [&](ApiCall *) {
        if (++pagesAnswered == 1)
            m_server->injectFault(
                fault, count, QStringLiteral("/v2/network"), QStringLiteral("list_invitations"));
    });
    m_sync->setPageSize(List::Received, 5);
    QSignalSpy failed(m_sync.get(), &NetworkSync::failed);
    QSignalSpy refreshed(m_sync.get(), &NetworkSync::refreshed);
    m_sync->refresh(primary(), List::Received);
    QVERIFY(failed.wait(kWait));
    QCOMPARE(refreshed.count(), 0);
    QVERIFY(!m_sync->isBusy());

    QCOMPARE(failed.constFirst().at(0).toString(), primary());
    QCOMPARE(failed.constFirst().at(1).value<List>(), List::Received);
    const ApiError error = failed.constFirst().at(2).value<ApiError>();
    QCOMPARE(error.kind, kind);
    QVERIFY(!error.userMessage().isEmpty());
    QCOMPARE(failed.constFirst().at(3).toInt(), credits);
    QCOMPARE(pagesRequested(QStringLiteral("list_invitations")).size(), 1 + count);
    QCOMPARE(m_server->creditsCharged() - chargedBefore,
        qint64(1 + (fault == Fault::WrongType ? count : 0)));

    // The previous list, untouched: same rows, same keys, same time.
    const QList<StoredInvitation> after
        = m_repository->invitations(Direction::Received, { primary() });
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < after.size(); ++i) {
        QCOMPARE(after[i].key, before[i].key);
        QCOMPARE(after[i].entityUrn, before[i].entityUrn);
        QCOMPARE(after[i].sharedSecret, before[i].sharedSecret);
    }
    QCOMPARE(m_repository->invitationsFetchedAt(primary(), Direction::Received), fetchedBefore);

    // The next refresh that gets through drops the declined one.
    QVERIFY(!refresh(primary(), List::Received).isEmpty());
    QCOMPARE(m_repository->invitationCount(Direction::Received, primary()), kReceived - 1);
    QVERIFY(!m_repository->findByUrn(primary(), Direction::Received, gone.entityUrn));
}

void TstNetworkSync::answeredElsewhereDisappears()
{
    QVERIFY(!refresh(primary(), List::Received).isEmpty());
    QVERIFY(!refresh(primary(), List::Sent).isEmpty());
    QVERIFY(!refresh(primary(), List::Connections).isEmpty());
    QCOMPARE(m_repository->connectionCount(primary()), kConnections);

    // Accepted and withdrawn on linkedin.com (or by another tool), not through this store.
    const StoredInvitation received
        = m_repository->invitations(Direction::Received, { primary() }).constLast();
    const StoredInvitation sent
        = m_repository->invitations(Direction::Sent, { primary() }).constLast();
    QVERIFY(!sent.invitationId.isEmpty());
    QVERIFY(!run(m_service->accept(primary(), received.entityUrn, received.sharedSecret))
                 ->error.isError());
    QVERIFY(!run(m_service->withdraw(primary(), sent.invitationId))->error.isError());
    // Still cached until the next refresh.
    QVERIFY(m_repository->findByUrn(primary(), Direction::Received, received.entityUrn));

    m_sync->setPageSize(List::Received, 5);
    m_sync->setPageSize(List::Sent, 10);
    m_sync->setPageSize(List::Connections, 15);
    QCOMPARE(refresh(primary(), List::Received).value(2).toInt(), kReceived - 1);
    QCOMPARE(refresh(primary(), List::Sent).value(2).toInt(), kSent - 1);
    QCOMPARE(refresh(primary(), List::Connections).value(2).toInt(), kConnections + 1);

    QVERIFY(!m_repository->findByUrn(primary(), Direction::Received, received.entityUrn));
    QVERIFY(!m_repository->findByUrn(primary(), Direction::Sent, sent.entityUrn));
    QCOMPARE(m_repository->invitationCount(Direction::Received, primary()), kReceived - 1);
    QCOMPARE(m_repository->invitationCount(Direction::Sent, primary()), kSent - 1);
    QVERIFY(m_repository->isConnected(primary(), received.person.profileUrl));
    QCOMPARE(storedKeys(List::Connections, primary()), serverKeys(List::Connections, primary()));
}

void TstNetworkSync::rowWrittenDuringTheListingIsKept()
{
    // An invite that succeeds while list_sent is being paged: the listing cannot show it yet,
    // and storing the listing must not drop it.
    InviteResult invite;
    invite.invitationUrn = QStringLiteral("urn:li:invitation:7000000000000000001");
    invite.firstName = QStringLiteral("Zoe");
    invite.lastName = QStringLiteral("Stranger");
    const QString profileUrl = QStringLiteral("https://www.linkedin.com/in/zoe-stranger-4242");
    int pagesAnswered = 0;
    connect(m_client, &ApiClient::callDone, this, [&](ApiCall *) {
        if (++pagesAnswered == 1)
            QVERIFY(m_repository->addSent(
                primary(), invite, profileUrl, QString(), QDateTime::currentDateTimeUtc()));
    });
    m_sync->setPageSize(List::Sent, 10);
    QCOMPARE(refresh(primary(), List::Sent).value(2).toInt(), kSent);
    QCOMPARE(pagesAnswered, 3);
    QCOMPARE(m_repository->invitationCount(Direction::Sent, primary()), kSent + 1);
    QVERIFY(m_repository->findByUrn(primary(), Direction::Sent, invite.invitationUrn));
}

void TstNetworkSync::oneRefreshPerListAtATime()
{
    m_sync->setPageSize(List::Sent, 10);
    QSignalSpy refreshed(m_sync.get(), &NetworkSync::refreshed);
    QSignalSpy busy(m_sync.get(), &NetworkSync::busyChanged);
    m_sync->refresh(primary(), List::Sent);
    m_sync->refresh(primary(), List::Sent); // ignored: the first one reads the same list
    QVERIFY(refreshed.wait(kWait));
    QCOMPARE(refreshed.count(), 1);
    QCOMPARE(refreshed.constFirst().at(2).toInt(), kSent);
    QCOMPARE(m_server->requestCount(QStringLiteral("/v2/network"), QStringLiteral("list_sent")), 3);
    QCOMPARE(busy.count(), 2);
    QCOMPARE(busy.at(0).at(0).toBool(), true);
    QCOMPARE(busy.at(1).at(0).toBool(), false);

    // Once it has ended, the list may be read again.
    m_sync->refresh(primary(), List::Sent);
    QVERIFY(refreshed.wait(kWait));
    QCOMPARE(m_server->requestCount(QStringLiteral("/v2/network"), QStringLiteral("list_sent")), 6);
}

void TstNetworkSync::otherAccountsAndListsRunSideBySide()
{
    // The second seeded account has a network of the same size: each keeps its own rows.
    const QStringList accounts = { primary(), sandbox::Seeds::accountIds().value(1) };
    QVERIFY(accounts[1] != primary());

    QSignalSpy refreshed(m_sync.get(), &NetworkSync::refreshed);
    QSignalSpy failed(m_sync.get(), &NetworkSync::failed);
    QSignalSpy busy(m_sync.get(), &NetworkSync::busyChanged);
    for (const QString &account : accounts) {
        for (List list : { List::Received, List::Sent, List::Connections }) {
            m_sync->setPageSize(list, 10);
            m_sync->refresh(account, list);
            QVERIFY(m_sync->isRefreshing(account, list));
        }
    }
    QTRY_COMPARE_WITH_TIMEOUT(refreshed.count() + failed.count(), 6, kWait);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!m_sync->isBusy());
    QCOMPARE(busy.count(), 2); // busy from the first start to the last end
    QCOMPARE(m_server->requestCount(QStringLiteral("/v2/network")), 2 * (2 + 3 + 4));
    for (const QString &account : accounts) {
        QCOMPARE(m_repository->invitationCount(Direction::Received, account), kReceived);
        QCOMPARE(m_repository->invitationCount(Direction::Sent, account), kSent);
        QCOMPARE(m_repository->connectionCount(account), kConnections);
    }
    QCOMPARE(m_repository->invitationCount(Direction::Received), 2 * kReceived);
    // Each account's rows are its own.
    QVERIFY(!storedKeys(List::Received, accounts[0])
                 .intersects(storedKeys(List::Received, accounts[1])));
}

void TstNetworkSync::pagingGuards_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("requests");
    QTest::addColumn<int>("stored"); // -1: the refresh fails and the previous list stays
    QTest::addColumn<QString>("detail"); // in the error's message

    QTest::newRow("offset asked for ignored") << "ignored" << 2 << -1 << "next_offset";
    QTest::newRow("has_more for ever") << "forever" << 4 << -1 << "has_more";
    QTest::newRow("invitations not an array") << "shape" << 1 << -1 << "invitations";
    QTest::newRow("item without its URN") << "nourn" << 2 << -1 << "entity_urn";
    // The end, however the server marks it.
    QTest::newRow("empty page saying has_more") << "empty" << 2 << 3 << "";
    QTest::newRow("next_offset stays put") << "stuck" << 1 << 3 << "";
    QTest::newRow("next_offset goes back") << "back" << 2 << 6 << "";
}

void TstNetworkSync::pagingGuards()
{
    QFETCH(QString, script);
    QFETCH(int, requests);
    QFETCH(int, stored);
    QFETCH(QString, detail);

    // The previous list comes from the sandbox.
    QVERIFY(!refresh(primary(), List::Received).isEmpty());
    const QSet<QString> before = storedKeys(List::Received, primary());
    QCOMPARE(before.size(), kReceived);

    ScriptedServer scripted;
    scripted.page = [&](int offset, int count) {
        QJsonArray items;
        for (int i = 0; i < count; ++i)
            items.append(receivedItem((script == QLatin1String("ignored") ? 0 : offset) + i));
        if (script == QLatin1String("stuck"))
            return receivedPage(items, offset, offset, true);
        if (script == QLatin1String("back"))
            return receivedPage(items, offset, offset == 0 ? count : 0, true);
        if (script == QLatin1String("ignored")) // the first page, whatever was asked for
            return receivedPage(items, 0, count, true);
        if (script == QLatin1String("forever"))
            return receivedPage(items, offset, offset + count, true);
        if (script == QLatin1String("shape"))
            return receivedPage(QStringLiteral("none"), offset, offset + count, true);
        if (script == QLatin1String("nourn") && offset > 0) {
            QJsonObject broken = receivedItem(offset);
            broken.remove(QStringLiteral("entity_urn"));
            items[0] = broken;
        }
        if (script == QLatin1String("empty") && offset > 0)
            return receivedPage(QJsonArray(), offset, offset, true);
        return receivedPage(items, offset, offset + count, true);
    };
    QVERIFY(scripted.listen());
    QVERIFY(!m_client->setBaseUrl(scripted.baseUrl()).isError());
    m_sync->setPageSize(List::Received, 3);
    m_sync->setMaxPages(4);

    QSignalSpy failed(m_sync.get(), &NetworkSync::failed);
    QSignalSpy refreshed(m_sync.get(), &NetworkSync::refreshed);
    m_sync->refresh(primary(), List::Received);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count() + refreshed.count(), 1, kWait);
    QVERIFY(!m_sync->isBusy());
    QCOMPARE(scripted.requests, requests); // undecodable pages are not read again

    if (stored < 0) {
        QCOMPARE(failed.count(), 1);
        const ApiError error = failed.constFirst().at(2).value<ApiError>();
        QCOMPARE(error.kind, ApiError::Kind::BadBody);
        QVERIFY2(error.message.contains(detail), qPrintable(error.message));
        QVERIFY2(
            error.message.contains(QStringLiteral("list_invitations")), qPrintable(error.message));
        QCOMPARE(failed.constFirst().at(3).toInt(), requests); // 1 credit per scripted page
        QCOMPARE(storedKeys(List::Received, primary()), before);
    } else {
        QCOMPARE(refreshed.count(), 1);
        QCOMPARE(refreshed.constFirst().at(2).toInt(), stored);
        QCOMPARE(refreshed.constFirst().at(3).toInt(), requests);
        QCOMPARE(m_repository->invitationCount(Direction::Received, primary()), stored);
        QVERIFY(m_repository->findByUrn(
            primary(), Direction::Received, QStringLiteral("urn:li:invitation:9000000")));
    }
}

QTEST_GUILESS_MAIN(TstNetworkSync)
#include "tst_networksync.moc"
