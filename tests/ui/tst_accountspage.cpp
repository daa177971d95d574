// The Accounts page against the real sandbox: details and extra fields of the selected account,
// the activity log filling in after a refresh, the balance shown when GET /v2/credits answers,
// hidden (without an error) when it fails, and the low-balance warning.
#include "accountspage.h"
#include "jsontreewidget.h"
#include "sandboxworkspace.h"

#include "models/activitylogmodel.h"
#include "store/accountrepository.h"
#include "sync/accountssync.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using ld::sandbox::SandboxServer;
using ld::ui::AccountsPage;

class TstAccountsPage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxWorkspace> m_env;
    std::unique_ptr<AccountsPage> m_page;

    ld::AccountsSync *sync() const { return m_env->ws->accountsSync(); }

    QString firstAccount(bool active)
    {
        const QList<ld::Account> all = m_env->ws->accounts()->all();
        for (const ld::Account &a : all) {
            if ((a.status == ld::Account::Status::Active) == active)
                return a.id;
        }
        return {};
    }

private Q_SLOTS:
    void init()
    {
        m_env = std::make_unique<SandboxWorkspace>();
        QVERIFY(m_env->open());
        QSignalSpy refreshed(sync(), &ld::AccountsSync::refreshed);
        sync()->refreshAll();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(m_env->ws->accounts()->count() >= 2);
        m_page = std::make_unique<AccountsPage>(m_env->ws.get());
        m_page->resize(900, 700);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanup()
    {
        m_page.reset();
        m_env.reset();
    }

    void showsDetailsAndExtraFields()
    {
        const QString id = firstAccount(true);
        QVERIFY(!id.isEmpty());
        m_page->setAccountId(id);
        const ld::Account account = *m_env->ws->accounts()->find(id);
        QCOMPARE(m_page->nameLabel()->text(), account.name);
        QCOMPARE(m_page->idLabel()->text(), id);
        QVERIFY(!m_page->statusSentenceLabel()->text().isEmpty());
        QVERIFY(!m_page->reconnectButton()->isVisible());
        // Selecting reads the details once; the extra fields arrive with them.
        QTRY_VERIFY(m_page->extraTree()->isVisible());
        QTRY_VERIFY(m_page->extraTree()->fieldCount() > 0);
        QCOMPARE(m_page->extraTree()->fieldCount(),
                 int(m_env->ws->accounts()->find(id)->extra.size()));
    }

    void inactiveAccountOffersReconnect()
    {
        const QString id = firstAccount(false);
        if (id.isEmpty())
            QSKIP("the sandbox seeds no inactive account");
        m_page->setAccountId(id);
        QVERIFY(m_page->reconnectButton()->isVisible());
        QVERIFY(m_page->statusSentenceLabel()->text().contains(QStringLiteral("Reconnect")));
        QSignalSpy asked(m_page.get(), &AccountsPage::reconnectRequested);
        QTest::mouseClick(m_page->reconnectButton(), Qt::LeftButton);
        QCOMPARE(asked.count(), 1);
        QCOMPARE(asked.at(0).at(0).toString(), id);
    }

    void activityRowsAppearAfterRefresh()
    {
        const QString id = firstAccount(true);
        m_page->setAccountId(id);
        QTRY_VERIFY(!m_page->isRefreshing());
        const int before = m_page->activityModel()->rowCount();
        QSignalSpy done(sync(), &ld::AccountsSync::accountRefreshed);
        m_page->refresh();
        QVERIFY(done.wait(10000));
        QTRY_COMPARE(m_page->activityModel()->rowCount(), before + 1);
        QVERIFY(m_page->activityView()->isVisible());
        const QModelIndex action = m_page->activityModel()->index(0, ld::ActivityLogModel::ActionColumn);
        QVERIFY(!action.data().toString().isEmpty());
    }

    void balanceShownWhenCreditsAnswer()
    {
        m_page->setAccountId(firstAccount(true));
        m_env->server.setCreditBalance(4321);
        QSignalSpy balance(sync(), &ld::AccountsSync::balanceChanged);
        sync()->refreshBalance();
        QVERIFY(balance.wait(10000));
        QTRY_VERIFY(m_page->balanceLabel()->isVisible());
        QVERIFY(m_page->balanceLabel()->text().contains(QLocale().toString(4321)));
        QVERIFY(!m_page->lowBalanceLabel()->isVisible());
    }

    void lowBalanceWarns()
    {
        m_page->setAccountId(firstAccount(true));
        m_env->server.setCreditBalance(12); // default threshold is 100
        QSignalSpy balance(sync(), &ld::AccountsSync::balanceChanged);
        sync()->refreshBalance();
        QVERIFY(balance.wait(10000));
        QTRY_VERIFY(m_page->lowBalanceLabel()->isVisible());
        QVERIFY(!m_page->lowBalanceLabel()->text().isEmpty());
    }

    void balanceHiddenWhenCreditsFail()
    {
        m_page->setAccountId(firstAccount(true));
        QSignalSpy balance(sync(), &ld::AccountsSync::balanceChanged);
        sync()->refreshBalance();
        QVERIFY(balance.wait(10000));
        QTRY_VERIFY(m_page->balanceLabel()->isVisible());

        QSignalSpy failed(sync(), &ld::AccountsSync::failed);
        m_env->server.injectFault(SandboxServer::Fault::InternalError, 10,
                                  QStringLiteral("/v2/credits"));
        sync()->refreshBalance();
        QVERIFY(balance.wait(10000));
        QVERIFY(!m_page->balanceLabel()->isVisible());
        QVERIFY(!m_page->lowBalanceLabel()->isVisible());
        QCOMPARE(failed.count(), 0); // quiet: an inferred endpoint is not an error to show
    }
};

QTEST_MAIN(TstAccountsPage)
#include "tst_accountspage.moc"
