// NetworkSync against the sandbox over loopback: the three offset-paged lists read page by page
// to the end with small pages (one request per page, the credits each cost), the stored list
// replaced only after the last page (a failure on page 2 keeps the previous one, a row written
// meanwhile stays), invitations answered elsewhere gone after the next refresh, the shared
// secret kept for accept, and one refresh per (account, list) at a time.
#include "networksyncfixture.h"

using namespace ld;
using Fault = sandbox::SandboxServer::Fault;
using List = NetworkSync::List;
using Direction = StoredInvitation::Direction;
Q_DECLARE_METATYPE(Fault)
Q_DECLARE_METATYPE(ApiError::Kind)

namespace {

constexpr int kWait = NetworkSyncFixture::Wait;
constexpr int kReceived = NetworkSyncFixture::Received;
constexpr int kSent = NetworkSyncFixture::Sent;
constexpr int kConnections = NetworkSyncFixture::Connections;

} // namespace

class TstNetworkSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(f.setUp()); }
    void cleanup() { f.tearDown(); }

    void pagesThroughEveryPage_data();
    void pagesThroughEveryPage();
    void sharedSecretIsStoredForAccept();
    void failureOnPageTwoKeepsThePreviousList_data();
    void failureOnPageTwoKeepsThePreviousList();
    void answeredElsewhereDisappears();
    void rowWrittenDuringTheListingIsKept();
    void oneRefreshPerListAtATime();
    void otherAccountsAndListsRunSideBySide();

private:
    QString primary() const { return f.account(); }

    NetworkSyncFixture f;
};

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

    QSignalSpy busy(f.sync.get(), &NetworkSync::busyChanged);
    f.sync->setPageSize(list, pageSize);
    QSignalSpy refreshed(f.sync.get(), &NetworkSync::refreshed);
    f.sync->refresh(primary(), list);
    QVERIFY(f.sync->isBusy());
    QVERIFY(f.sync->isRefreshing(primary(), list));
    QVERIFY(refreshed.wait(kWait));
    QVERIFY(!f.sync->isBusy());
    QVERIFY(!f.sync->isRefreshing(primary(), list));
    QCOMPARE(busy.count(), 2);

    const QList<QVariant> args = refreshed.constFirst();
    QCOMPARE(args.at(0).toString(), primary());
    QCOMPARE(args.at(1).value<List>(), list);
    QCOMPARE(args.at(2).toInt(), items);
    QCOMPARE(args.at(3).toInt(), int(offsets.size()));
    QCOMPARE(args.at(4).toInt(), credits);
    QCOMPARE(f.server->creditsCharged(), qint64(credits));

    // One request per page, each asking for a page from where the previous one ended.
    const QList<QPair<int, int>> requested = f.pagesRequested(NetworkSyncFixture::actionOf(list));
    QCOMPARE(requested.size(), offsets.size());
    QCOMPARE(f.server->requestCount(QStringLiteral("/v2/network")), int(offsets.size()));
    for (qsizetype i = 0; i < requested.size(); ++i) {
        QCOMPARE(requested[i].first, offsets[i]);
        QCOMPARE(requested[i].second, pageSize);
    }

    // Everything the server has, once.
    const QSet<QString> stored = f.storedKeys(list, primary());
    QCOMPARE(stored.size(), items);
    QCOMPARE(stored, f.serverKeys(list, primary()));
    if (list == List::Connections) {
        QCOMPARE(f.repository->connectionCount(primary()), items);
        QVERIFY(f.repository->connectionsFetchedAt(primary()).isValid());
    } else {
        const Direction direction = list == List::Received ? Direction::Received : Direction::Sent;
        QCOMPARE(f.repository->invitationCount(direction, primary()), items);
        QVERIFY(f.repository->invitationsFetchedAt(primary(), direction).isValid());
    }
}

void TstNetworkSync::sharedSecretIsStoredForAccept()
{
    f.sync->setPageSize(List::Received, 5);
    QVERIFY(!f.refresh(primary(), List::Received).isEmpty());

    // Each stored secret is the one the list shows for that invitation.
    const auto listed = decodeReceivedInvitations(
        run(f.service->listInvitations(primary(), OffsetQuery { 100, 0, {} }))->data);
    QVERIFY(listed.ok());
    QCOMPARE(listed.value.items.size(), kReceived);
    for (const ReceivedInvitation &i : listed.value.items) {
        const std::optional<StoredInvitation> stored
            = f.repository->findByUrn(primary(), Direction::Received, i.entityUrn);
        QVERIFY2(stored, qPrintable(i.entityUrn));
        QVERIFY(!stored->sharedSecret.isEmpty());
        QCOMPARE(stored->sharedSecret, i.sharedSecret);
        QCOMPARE(stored->person.profileUrl, i.sender.profileUrl);
    }

    // And accept takes it.
    const StoredInvitation first
        = f.repository->invitations(Direction::Received, { primary() }).constFirst();
    auto accepted = run(f.service->accept(primary(), first.entityUrn, first.sharedSecret));
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

    QVERIFY(!f.refresh(primary(), List::Received).isEmpty());
    const QList<StoredInvitation> before
        = f.repository->invitations(Direction::Received, { primary() });
    QCOMPARE(before.size(), kReceived);
    const QDateTime fetchedBefore
        = f.repository->invitationsFetchedAt(primary(), Direction::Received);

    // Answered elsewhere: a complete listing would now drop it.
    const StoredInvitation gone = before.constFirst();
    QVERIFY(
        !run(f.service->decline(primary(), gone.entityUrn, gone.sharedSecret))->error.isError());
    f.server->clearRequests();
    const qint64 chargedBefore = f.server->creditsCharged();

    // The fault waits for page 2: it is armed when page 1 has been answered.
    int pagesAnswered = 0;
    connect(f.client, &ApiClient::callDone, this, [&](ApiCall *) {
        if (++pagesAnswered == 1)
            f.server->injectFault(
                fault, count, QStringLiteral("/v2/network"), QStringLiteral("list_invitations"));
    });
    f.sync->setPageSize(List::Received, 5);
    QSignalSpy failed(f.sync.get(), &NetworkSync::failed);
    QSignalSpy refreshed(f.sync.get(), &NetworkSync::refreshed);
    f.sync->refresh(primary(), List::Received);
    QVERIFY(failed.wait(kWait));
    QCOMPARE(refreshed.count(), 0);
    QVERIFY(!f.sync->isBusy());

    QCOMPARE(failed.constFirst().at(0).toString(), primary());
    QCOMPARE(failed.constFirst().at(1).value<List>(), List::Received);
    const ApiError error = failed.constFirst().at(2).value<ApiError>();
    QCOMPARE(error.kind, kind);
    QVERIFY(!error.userMessage().isEmpty());
    QCOMPARE(failed.constFirst().at(3).toInt(), credits);
    QCOMPARE(f.pagesRequested(QStringLiteral("list_invitations")).size(), 1 + count);
    QCOMPARE(f.server->creditsCharged() - chargedBefore,
        qint64(1 + (fault == Fault::WrongType ? count : 0)));

    // The previous list, untouched: same rows, same keys, same time.
    const QList<StoredInvitation> after
        = f.repository->invitations(Direction::Received, { primary() });
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < after.size(); ++i) {
        QCOMPARE(after[i].key, before[i].key);
        QCOMPARE(after[i].entityUrn, before[i].entityUrn);
        QCOMPARE(after[i].sharedSecret, before[i].sharedSecret);
    }
    QCOMPARE(f.repository->invitationsFetchedAt(primary(), Direction::Received), fetchedBefore);

    // The next refresh that gets through drops the declined one.
    QVERIFY(!f.refresh(primary(), List::Received).isEmpty());
    QCOMPARE(f.repository->invitationCount(Direction::Received, primary()), kReceived - 1);
    QVERIFY(!f.repository->findByUrn(primary(), Direction::Received, gone.entityUrn));
}

void TstNetworkSync::answeredElsewhereDisappears()
{
    QVERIFY(!f.refresh(primary(), List::Received).isEmpty());
    QVERIFY(!f.refresh(primary(), List::Sent).isEmpty());
    QVERIFY(!f.refresh(primary(), List::Connections).isEmpty());
    QCOMPARE(f.repository->connectionCount(primary()), kConnections);

    // Accepted and withdrawn on linkedin.com (or by another tool), not through this store.
    const StoredInvitation received
        = f.repository->invitations(Direction::Received, { primary() }).constLast();
    const StoredInvitation sent
        = f.repository->invitations(Direction::Sent, { primary() }).constLast();
    QVERIFY(!sent.invitationId.isEmpty());
    QVERIFY(!run(f.service->accept(primary(), received.entityUrn, received.sharedSecret))
                 ->error.isError());
    QVERIFY(!run(f.service->withdraw(primary(), sent.invitationId))->error.isError());
    // Still cached until the next refresh.
    QVERIFY(f.repository->findByUrn(primary(), Direction::Received, received.entityUrn));

    f.sync->setPageSize(List::Received, 5);
    f.sync->setPageSize(List::Sent, 10);
    f.sync->setPageSize(List::Connections, 15);
    QCOMPARE(f.refresh(primary(), List::Received).value(2).toInt(), kReceived - 1);
    QCOMPARE(f.refresh(primary(), List::Sent).value(2).toInt(), kSent - 1);
    QCOMPARE(f.refresh(primary(), List::Connections).value(2).toInt(), kConnections + 1);

    QVERIFY(!f.repository->findByUrn(primary(), Direction::Received, received.entityUrn));
    QVERIFY(!f.repository->findByUrn(primary(), Direction::Sent, sent.entityUrn));
    QCOMPARE(f.repository->invitationCount(Direction::Received, primary()), kReceived - 1);
    QCOMPARE(f.repository->invitationCount(Direction::Sent, primary()), kSent - 1);
    QVERIFY(f.repository->isConnected(primary(), received.person.profileUrl));
    QCOMPARE(
        f.storedKeys(List::Connections, primary()), f.serverKeys(List::Connections, primary()));
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
    connect(f.client, &ApiClient::callDone, this, [&](ApiCall *) {
        if (++pagesAnswered == 1)
            QVERIFY(f.repository->addSent(
                primary(), invite, profileUrl, QString(), QDateTime::currentDateTimeUtc()));
    });
    f.sync->setPageSize(List::Sent, 10);
    QCOMPARE(f.refresh(primary(), List::Sent).value(2).toInt(), kSent);
    QCOMPARE(pagesAnswered, 3);
    QCOMPARE(f.repository->invitationCount(Direction::Sent, primary()), kSent + 1);
    QVERIFY(f.repository->findByUrn(primary(), Direction::Sent, invite.invitationUrn));
}

void TstNetworkSync::oneRefreshPerListAtATime()
{
    f.sync->setPageSize(List::Sent, 10);
    QSignalSpy refreshed(f.sync.get(), &NetworkSync::refreshed);
    QSignalSpy busy(f.sync.get(), &NetworkSync::busyChanged);
    f.sync->refresh(primary(), List::Sent);
    f.sync->refresh(primary(), List::Sent); // ignored: the first one reads the same list
    QVERIFY(refreshed.wait(kWait));
    QCOMPARE(refreshed.count(), 1);
    QCOMPARE(refreshed.constFirst().at(2).toInt(), kSent);
    QCOMPARE(f.server->requestCount(QStringLiteral("/v2/network"), QStringLiteral("list_sent")), 3);
    QCOMPARE(busy.count(), 2);
    QCOMPARE(busy.at(0).at(0).toBool(), true);
    QCOMPARE(busy.at(1).at(0).toBool(), false);

    // Once it has ended, the list may be read again.
    f.sync->refresh(primary(), List::Sent);
    QVERIFY(refreshed.wait(kWait));
    QCOMPARE(f.server->requestCount(QStringLiteral("/v2/network"), QStringLiteral("list_sent")), 6);
}

void TstNetworkSync::otherAccountsAndListsRunSideBySide()
{
    // The second seeded account has a network of the same size: each keeps its own rows.
    const QStringList accounts = { primary(), sandbox::Seeds::accountIds().value(1) };
    QVERIFY(accounts[1] != primary());

    QSignalSpy refreshed(f.sync.get(), &NetworkSync::refreshed);
    QSignalSpy failed(f.sync.get(), &NetworkSync::failed);
    QSignalSpy busy(f.sync.get(), &NetworkSync::busyChanged);
    for (const QString &account : accounts) {
        for (List list : { List::Received, List::Sent, List::Connections }) {
            f.sync->setPageSize(list, 10);
            f.sync->refresh(account, list);
            QVERIFY(f.sync->isRefreshing(account, list));
        }
    }
    QTRY_COMPARE_WITH_TIMEOUT(refreshed.count() + failed.count(), 6, kWait);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!f.sync->isBusy());
    QCOMPARE(busy.count(), 2); // busy from the first start to the last end
    QCOMPARE(f.server->requestCount(QStringLiteral("/v2/network")), 2 * (2 + 3 + 4));
    for (const QString &account : accounts) {
        QCOMPARE(f.repository->invitationCount(Direction::Received, account), kReceived);
        QCOMPARE(f.repository->invitationCount(Direction::Sent, account), kSent);
        QCOMPARE(f.repository->connectionCount(account), kConnections);
    }
    QCOMPARE(f.repository->invitationCount(Direction::Received), 2 * kReceived);
    // Each account's rows are its own.
    QVERIFY(!f.storedKeys(List::Received, accounts[0])
                 .intersects(f.storedKeys(List::Received, accounts[1])));
}

QTEST_GUILESS_MAIN(TstNetworkSync)
#include "tst_networksync.moc"
