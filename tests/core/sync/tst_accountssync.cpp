// AccountsSync against the sandbox: paging through GET /v2/accounts, replacing the stored list,
// one account's details, and the balance that degrades quietly.
#include "api/apiclient.h"
#include "sandbox/sandboxserver.h"
#include "services/accountsservice.h"
#include "store/accountrepository.h"
#include "store/database.h"
#include "sync/accountssync.h"

#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace ld;
using sandbox::SandboxServer;
using sandbox::Seeds;

class TstAccountsSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void refreshAllPages_data();
    void refreshAllPages();
    void refreshAllRemovesAccountsTheServerNoLongerHas();
    void refreshAllFailureKeepsTheStore();
    void refreshAccountKeepsExtraFields();
    void refreshUnknownAccountRemovesIt();
    void balance();
    void balanceFailureIsQuiet();

private:
    static Account stored(const QString &id)
    {
        Account a;
        a.id = id;
        a.name = QStringLiteral("Known Locally");
        a.platform = QStringLiteral("linkedin");
        a.country = QStringLiteral("FR");
        a.rawStatus = QStringLiteral("active");
        return a;
    }

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AccountRepository> m_repo;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<AccountsService> m_service;
    std::unique_ptr<AccountsSync> m_sync;
};

void TstAccountsSync::init()
{
    m_server = std::make_unique<SandboxServer>();
    QVERIFY(m_server->listen());
    m_db = std::make_unique<Database>();
    QVERIFY(m_db->open(QStringLiteral(":memory:")));
    m_repo = std::make_unique<AccountRepository>(m_db.get());
    m_client = std::make_unique<ApiClient>();
    QVERIFY(!m_client->setBaseUrl(m_server->baseUrl()).isError());
    m_client->setApiKey(Seeds::apiKey());
    m_client->setRetryTiming(RetryTiming { 1, 5, 5, 3 }); // retries stay, waits shrink
    m_service = std::make_unique<AccountsService>(m_client.get());
    m_sync = std::make_unique<AccountsSync>(m_service.get(), m_repo.get());
}

void TstAccountsSync::cleanup()
{
    m_sync.reset();
    m_service.reset();
    m_client.reset();
    m_repo.reset();
    m_db.reset();
    m_server.reset();
}

void TstAccountsSync::refreshAllPages_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("requests");
    // The sandbox seeds four accounts.
    QTest::newRow("one page") << 500 << 1;
    QTest::newRow("two pages, last one short") << 3 << 2;
    QTest::newRow("two full pages") << 2 << 2;
    QTest::newRow("one per page") << 1 << 4;
}

void TstAccountsSync::refreshAllPages()
{
    QFETCH(int, limit);
    QFETCH(int, requests);
    m_sync->setPageLimit(limit);
    QSignalSpy refreshed(m_sync.get(), &AccountsSync::refreshed);
    QSignalSpy busy(m_sync.get(), &AccountsSync::busyChanged);
    m_sync->refreshAll();
    m_sync->refreshAll(); // while one runs: answered by the first
    QVERIFY(m_sync->isBusy());
    QVERIFY(refreshed.wait());
    QCOMPARE(refreshed.count(), 1);
    QVERIFY(!m_sync->isBusy());
    QCOMPARE(busy.count(), 2);

    QCOMPARE(m_repo->count(), 4);
    QCOMPARE(m_server->requestCount(QStringLiteral("/v2/accounts")), requests);
    const QList<sandbox::RecordedRequest> sent = m_server->requests();
    for (const sandbox::RecordedRequest &r : sent)
        QVERIFY2(r.query.contains(QStringLiteral("limit=%1").arg(limit)), qPrintable(r.query));
}

void TstAccountsSync::refreshAllRemovesAccountsTheServerNoLongerHas()
{
    const Account gone = stored(QStringLiteral("acc_gone"));
    QVERIFY(m_repo->upsert(gone));
    QSignalSpy removed(m_repo.get(), &AccountRepository::accountsRemoved);

    m_sync->setPageLimit(2);
    QSignalSpy refreshed(m_sync.get(), &AccountsSync::refreshed);
    m_sync->refreshAll();
    QVERIFY(refreshed.wait());
    QVERIFY(!m_repo->find(QStringLiteral("acc_gone")));
    QCOMPARE(m_repo->count(), 4);
    QCOMPARE(removed.count(), 1);
    QVERIFY(removed.at(0).at(0).toStringList().contains(QStringLiteral("acc_gone")));
}

void TstAccountsSync::refreshAllFailureKeepsTheStore()
{
    const Account kept = stored(QStringLiteral("acc_kept"));
    QVERIFY(m_repo->upsert(kept));
    m_server->injectFault(SandboxServer::Fault::WrongType, 5, QStringLiteral("/v2/accounts"));
    QSignalSpy failed(m_sync.get(), &AccountsSync::failed);
    QSignalSpy refreshed(m_sync.get(), &AccountsSync::refreshed);
    m_sync->refreshAll();
    QVERIFY(failed.wait());
    QCOMPARE(refreshed.count(), 0);
    QVERIFY(failed.at(0).at(0).value<ApiError>().isError());
    QVERIFY(m_repo->find(QStringLiteral("acc_kept")));
    QVERIFY(!m_sync->isBusy());
}

void TstAccountsSync::refreshAccountKeepsExtraFields()
{
    const QString id = QStringLiteral("69c127c37cae0494dd827286");
    QSignalSpy refreshed(m_sync.get(), &AccountsSync::accountRefreshed);
    m_sync->refreshAccount(id);
    QVERIFY(refreshed.wait());
    QCOMPARE(refreshed.at(0).at(0).toString(), id);
    const std::optional<Account> a = m_repo->find(id);
    QVERIFY(a);
    QCOMPARE(a->name, QStringLiteral("Camille Laurent"));
    QVERIFY(a->extra.contains(QStringLiteral("connection_health")));
}

void TstAccountsSync::refreshUnknownAccountRemovesIt()
{
    const Account stale = stored(QStringLiteral("acc_unknown"));
    QVERIFY(m_repo->upsert(stale));
    QSignalSpy failed(m_sync.get(), &AccountsSync::failed);
    m_sync->refreshAccount(stale.id);
    QVERIFY(failed.wait());
    QCOMPARE(failed.at(0).at(0).value<ApiError>().code, QStringLiteral("INVALID_ACCOUNT"));
    QVERIFY(!m_repo->find(stale.id));
}

void TstAccountsSync::balance()
{
    m_server->setCreditBalance(4321);
    QSignalSpy changed(m_sync.get(), &AccountsSync::balanceChanged);
    m_sync->refreshBalance();
    QVERIFY(changed.wait());
    QCOMPARE(m_sync->balance(), std::optional<qint64>(4321));
}

void TstAccountsSync::balanceFailureIsQuiet()
{
    m_server->injectFault(SandboxServer::Fault::HtmlBody, 5, QStringLiteral("/v2/credits"));
    QSignalSpy failed(m_sync.get(), &AccountsSync::failed);
    QSignalSpy busy(m_sync.get(), &AccountsSync::busyChanged);
    m_sync->refreshBalance();
    QTRY_COMPARE(busy.count(), 2);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!m_sync->balance().has_value());
}

QTEST_GUILESS_MAIN(TstAccountsSync)
#include "tst_accountssync.moc"
