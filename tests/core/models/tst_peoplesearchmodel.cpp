// PeopleSearchModel against the sandbox over loopback, under QAbstractItemModelTester: the V2
// array filters go out as arrays, each page is one request at the next offset, only loadMore()
// reads a page (a view or the tester asking fetchMore() spends nothing), the credits of each page
// are added up, a short page ends the search, a new search drops the old one, and a failed page
// keeps the rows and can be asked for again.
#include "../services/servicecall.h"

#include "api/apiclient.h"
#include "models/peoplesearchmodel.h"
#include "sandbox/sandboxserver.h"
#include "services/profilesservice.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListView>
#include <QSignalSpy>
#include <QTest>

using namespace ld;
using ld::sandbox::SandboxServer;

namespace {

const QString Profiles = QStringLiteral("/v2/profiles");

} // namespace

class TstPeopleSearchModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_server;
    ApiClient *m_client = nullptr;
    std::unique_ptr<ProfilesService> m_profiles;
    std::unique_ptr<PeopleSearchModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    QString account() const { return sandbox::Seeds::primaryAccountId(); }
    int searches(const QString &action = QStringLiteral("search_people")) const
    {
        return m_server->requestCount(Profiles, action);
    }
    QJsonObject lastParams() const
    {
        const QList<sandbox::RecordedRequest> all = m_server->requests();
        return QJsonDocument::fromJson(all.constLast().body).object().value(u"params").toObject();
    }
    void waitForPage()
    {
        QTRY_VERIFY_WITH_TIMEOUT(!m_model->isBusy(), 10000);
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<SandboxServer>();
        QVERIFY(m_server->listen(0));
        m_client = sandboxClient(*m_server, m_server.get());
        QCOMPARE(m_client->baseUrl(), m_server->baseUrl());
        m_profiles = std::make_unique<ProfilesService>(m_client);
        m_model = std::make_unique<PeopleSearchModel>(m_profiles.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_profiles.reset();
        m_server.reset();
    }

    void filtersGoOutAsV2Arrays()
    {
        PeopleQuery q;
        q.keyword = QStringLiteral("Nimbus");
        q.location = { QStringLiteral("Bengaluru"), QStringLiteral("Paris") };
        q.companyUrl = { QStringLiteral("https://www.linkedin.com/company/nimbus-cloud") };
        q.industry = { QStringLiteral("Software Development") };
        q.network = { QStringLiteral("S"), QStringLiteral("O") };
        q.offset = 40; // ignored: a new search starts at the first page
        m_model->searchPeople(account(), q);
        QVERIFY(m_model->isBusy());
        waitForPage();

        QCOMPARE(searches(), 1);
        const QJsonObject p = lastParams();
        QCOMPARE(p.value(u"location").toArray(),
                 QJsonArray({ QStringLiteral("Bengaluru"), QStringLiteral("Paris") }));
        QCOMPARE(p.value(u"company_url").toArray(),
                 QJsonArray({ QStringLiteral("https://www.linkedin.com/company/nimbus-cloud") }));
        QCOMPARE(p.value(u"industry").toArray(), QJsonArray({ QStringLiteral("Software Development") }));
        QCOMPARE(p.value(u"network").toArray(), QJsonArray({ QStringLiteral("S"), QStringLiteral("O") }));
        QVERIFY(!p.contains(u"title")); // an empty filter is left out
        QCOMPARE(p.value(u"fetch_invitation_state").toBool(), false);
        QCOMPARE(p.value(u"offset").toInt(), 0);
        QCOMPARE(p.value(u"count").toInt(), PeopleSearchModel::DefaultPageSize);

        // Every row matches what was asked.
        QVERIFY(m_model->rowCount() > 0);
        for (int r = 0; r < m_model->rowCount(); ++r) {
            const QModelIndex i = m_model->index(r);
            QVERIFY(i.data(PeopleSearchModel::HeadlineRole).toString().contains(QStringLiteral("Nimbus")));
            QVERIFY(i.data(PeopleSearchModel::LocationRole).toString().contains(QStringLiteral("Bengaluru"))
                    || i.data(PeopleSearchModel::LocationRole).toString().contains(QStringLiteral("Paris")));
            QVERIFY(i.data(PeopleSearchModel::ProfileUrlRole).toString().contains(QStringLiteral("/in/")));
            QVERIFY(i.data(PeopleSearchModel::IsPersonRole).toBool());
        }
    }

    void loadMoreReadsTheNextOffset()
    {
        PeopleQuery q; // no filter: the whole pool of 120
        m_model->searchPeople(account(), q);
        waitForPage();
        QCOMPARE(m_model->rowCount(), 10);
        QCOMPARE(m_model->totalAvailable(), 120);
        QVERIFY(m_model->hasMore());
        QCOMPARE(m_model->nextOffset(), 10);
        const int firstCredits = m_model->creditsSpent();
        QVERIFY(firstCredits > 0);
        QCOMPARE(m_model->lastPageCredits(), firstCredits);
        const QString firstName = m_model->index(0).data().toString();

        QSignalSpy pages(m_model.get(), &PeopleSearchModel::pageLoaded);
        m_model->loadMore();
        m_model->loadMore(); // while the page is read: nothing more is asked
        waitForPage();
        QCOMPARE(searches(), 2);
        QCOMPARE(lastParams().value(u"offset").toInt(), 10);
        QCOMPARE(m_model->rowCount(), 20);
        QCOMPARE(m_model->pagesRead(), 2);
        QCOMPARE(pages.count(), 1);
        QCOMPARE(pages.at(0).at(0).toInt(), 10);
        QCOMPARE(m_model->creditsSpent(), firstCredits + m_model->lastPageCredits());
        QCOMPARE(m_model->index(0).data().toString(), firstName); // appended, not replaced
        QVERIFY(m_model->index(10).data().toString() != m_model->index(0).data().toString()
                || m_model->index(10).data(PeopleSearchModel::ProfileUrlRole)
                        != m_model->index(0).data(PeopleSearchModel::ProfileUrlRole));
    }

    void viewsNeverFetchAPaidPage()
    {
        m_model->searchPeople(account(), PeopleQuery());
        waitForPage();
        QVERIFY(m_model->hasMore());
        QVERIFY(!m_model->canFetchMore({}));
        m_model->fetchMore({}); // what a view does at the end of its rows
        // A tall view that ten rows do not fill, scrolled to the end: still one request.
        QListView view;
        view.setModel(m_model.get());
        view.resize(300, 2000);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.scrollToBottom();
        QTest::qWait(50);
        QCOMPARE(searches(), 1);
        QCOMPARE(m_model->rowCount(), 10);
    }

    void aShortPageIsTheLast()
    {
        PeopleQuery q;
        q.keyword = QStringLiteral("Kite & Key"); // a tenth of the pool: 12 people
        m_model->searchPeople(account(), q);
        waitForPage();
        QVERIFY(m_model->hasMore());
        m_model->loadMore();
        waitForPage();
        QCOMPARE(m_model->rowCount(), 12);
        QVERIFY(!m_model->hasMore());
        m_model->loadMore();
        QVERIFY(!m_model->isBusy());
        QCOMPARE(searches(), 2);
    }

    void aNewSearchReplacesTheOld()
    {
        PeopleQuery first;
        first.keyword = QStringLiteral("Acme");
        m_model->searchPeople(account(), first);
        PeopleQuery second;
        second.keyword = QStringLiteral("Verde");
        m_model->searchPeople(account(), second); // the first is aborted, or its answer ignored
        waitForPage();
        QTest::qWait(50); // a late answer to the first search would land now
        QVERIFY(m_model->rowCount() > 0);
        for (int r = 0; r < m_model->rowCount(); ++r)
            QVERIFY(m_model->index(r).data(PeopleSearchModel::HeadlineRole).toString().contains(
                QStringLiteral("Verde")));
        QCOMPARE(m_model->pagesRead(), 1);

        m_model->clear();
        QCOMPARE(m_model->rowCount(), 0);
        QVERIFY(!m_model->hasSearch());
        QCOMPARE(m_model->creditsSpent(), 0);
    }

    void aFailedPageCanBeAskedAgain()
    {
        m_model->searchPeople(account(), PeopleQuery());
        waitForPage();
        QCOMPARE(m_model->rowCount(), 10);
        m_server->injectFault(SandboxServer::Fault::SuccessFalse, 1, Profiles,
                              QStringLiteral("search_people"));
        QSignalSpy failed(m_model.get(), &PeopleSearchModel::failed);
        m_model->loadMore();
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(!m_model->isBusy());
        QCOMPARE(m_model->rowCount(), 10);
        QVERIFY(m_model->lastError().isError());
        QVERIFY(m_model->hasMore());
        QCOMPARE(m_model->nextOffset(), 10);

        m_model->loadMore();
        waitForPage();
        QCOMPARE(lastParams().value(u"offset").toInt(), 10);
        QCOMPARE(m_model->rowCount(), 20);
        QVERIFY(!m_model->lastError().isError());
    }

    void companies()
    {
        CompanyQuery q;
        q.keyword = QStringLiteral("Software");
        q.location = { QStringLiteral("Amsterdam") };
        q.sector = { QStringLiteral("Software Development") };
        m_model->searchCompanies(account(), q);
        waitForPage();
        QCOMPARE(searches(QStringLiteral("search_companies")), 1);
        const QJsonObject p = lastParams();
        QCOMPARE(p.value(u"sector").toArray(), QJsonArray({ QStringLiteral("Software Development") }));
        QCOMPARE(p.value(u"location").toArray(), QJsonArray({ QStringLiteral("Amsterdam") }));
        QCOMPARE(m_model->kind(), PeopleSearchModel::Kind::Companies);
        QCOMPARE(m_model->rowCount(), 1);
        const QModelIndex i = m_model->index(0);
        QCOMPARE(i.data().toString(), QStringLiteral("Quokka Labs"));
        QCOMPARE(i.data(PeopleSearchModel::HeadlineRole).toString(),
                 QStringLiteral("Software Development · 11-50"));
        QVERIFY(i.data(PeopleSearchModel::ProfileUrlRole).toString().contains(QStringLiteral("/company/")));
        QVERIFY(!i.data(PeopleSearchModel::IsPersonRole).toBool());
        QVERIFY(!m_model->hasMore());
    }
};

QTEST_MAIN(TstPeopleSearchModel)
#include "tst_peoplesearchmodel.moc"
