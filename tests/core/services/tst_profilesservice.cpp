// ProfilesService against the sandbox over loopback: get by URL, identifier or URN, get_me,
// get_contact, and both searches with the V2 array filters as the recorded body shows them.
#include "domain/profile.h"
#include "sandbox/sandboxserver.h"
#include "services/profilesservice.h"
#include "servicecall.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimer>

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
const QString Amelie = QStringLiteral("https://www.linkedin.com/in/amelie-dubois-1000/");

} // namespace

#define RUN_OK(o, expr)                                                                            \
    auto o = run(expr);                                                                            \
    QCOMPARE(o->done, 1);                                                                          \
    QVERIFY2(!o->error.isError(), qPrintable(o->error.technicalSummary()))

class TestProfilesService : public QObject
{
    Q_OBJECT
private:
    SandboxServer m_sandbox;
    ApiClient *m_client = nullptr;
    ProfilesService *m_service = nullptr;

    QJsonObject lastBody() const
    {
        return QJsonDocument::fromJson(m_sandbox.requests().constLast().body).object();
    }
    QJsonObject lastParams() const { return lastBody().value(s("params")).toObject(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_sandbox.listen());
        m_client = sandboxClient(m_sandbox, this);
        QCOMPARE(m_client->baseUrl(), m_sandbox.baseUrl());
        m_service = new ProfilesService(m_client, this);
    }
    void init() { m_sandbox.clearRequests(); }

    void getByUrlIdentifierOrUrn_data();
    void getByUrlIdentifierOrUrn();
    void getMe();
    void getContact();
    void searchPeopleSendsArrays();
    void searchPeopleOmitsEmptyFilters();
    void searchCompanies();
};

void TestProfilesService::getByUrlIdentifierOrUrn_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("key");
    QTest::newRow("url") << Amelie << s("profile_url");
    QTest::newRow("url without scheme")
        << s("linkedin.com/in/amelie-dubois-1000") << s("profile_url");
    QTest::newRow("identifier") << s("amelie-dubois-1000") << s("identifier");
    QTest::newRow("identifier with spaces around") << s("  amelie-dubois-1000 ") << s("identifier");
}

void TestProfilesService::getByUrlIdentifierOrUrn()
{
    QFETCH(QString, target);
    QFETCH(QString, key);
    ApiCall *call = m_service->get(Primary, target);
    QCOMPARE(call->request().kind, CallKind::Read);
    RUN_OK(o, call);
    const QJsonObject body = lastBody();
    QCOMPARE(body.value(s("action")).toString(), s("get"));
    QCOMPARE(body.value(s("account_id")).toString(), Primary);
    const QJsonObject params = lastParams();
    QCOMPARE(params.keys(), QStringList { key });
    QCOMPARE(params.value(key).toString(), target.trimmed());
    const Decoded<MemberProfile> p = MemberProfile::fromJson(o->data);
    QVERIFY2(p.ok(), qPrintable(p.error));
    QCOMPARE(p.value.publicId, s("amelie-dubois-1000"));
    QCOMPARE(p.value.lastName, s("Dubois"));
    QVERIFY(!p.value.headline.isEmpty());
    QVERIFY(!p.value.company.isEmpty()); // from the first experience
    QCOMPARE(p.value.profileUrl, Amelie);
    QVERIFY(!p.value.pictureUrl.isEmpty());
    QCOMPARE(o->credits, 1);

    // The URN the profile carries finds the same person.
    const QString urn = p.value.extra.value(s("profile_urn")).toString();
    QVERIFY(urn.startsWith(s("urn:li:fsd_profile:")));
    RUN_OK(byUrn, m_service->get(Primary, urn));
    QCOMPARE(lastParams().value(s("profile_urn")).toString(), urn);
    QCOMPARE(MemberProfile::fromJson(byUrn->data).value.publicId, s("amelie-dubois-1000"));
}

void TestProfilesService::getMe()
{
    RUN_OK(o, m_service->getMe(Primary));
    QCOMPARE(lastBody().value(s("action")).toString(), s("get_me"));
    QVERIFY(lastParams().isEmpty());
    const Decoded<MemberProfile> me = MemberProfile::fromJson(o->data);
    QVERIFY2(me.ok(), qPrintable(me.error));
    QCOMPARE(me.value.fullName(), s("Camille Laurent"));
    QCOMPARE(me.value.company, s("LinkUp Sandbox"));
}

void TestProfilesService::getContact()
{
    const qint64 before = m_sandbox.creditsCharged();
    RUN_OK(o, m_service->getContact(Primary, Amelie));
    QCOMPARE(lastBody().value(s("action")).toString(), s("get_contact"));
    QCOMPARE(lastParams().value(s("profile_url")).toString(), Amelie);
    const Decoded<ContactInfo> c = ContactInfo::fromJson(o->data);
    QVERIFY2(c.ok(), qPrintable(c.error));
    QCOMPARE(c.value.emails, QStringList { s("amelie-dubois-1000@example.com") });
    QCOMPARE(c.value.websites.size(), 1);
    QCOMPARE(m_sandbox.creditsCharged() - before, 1); // contact details cost a credit
}

void TestProfilesService::searchPeopleSendsArrays()
{
    PeopleQuery q;
    q.keyword = s("Sales");
    q.location = { s("Paris"), s("Berlin") };
    q.industry = { s("Software Development") };
    q.network = { s("F"), s("S") };
    q.pastCompany = { s("https://www.linkedin.com/company/old-co") };
    q.fetchInvitationState = true;
    q.count = 5;
    q.offset = 0;
    RUN_OK(o, m_service->searchPeople(Primary, q));
    const QJsonObject params = lastParams();
    QCOMPARE(lastBody().value(s("action")).toString(), s("search_people"));
    QCOMPARE(params.value(s("keyword")).toString(), s("Sales"));
    QCOMPARE(params.value(s("location")).toArray(), (QJsonArray { s("Paris"), s("Berlin") }));
    QCOMPARE(params.value(s("industry")).toArray(), QJsonArray { s("Software Development") });
    QCOMPARE(params.value(s("network")).toArray(), (QJsonArray { s("F"), s("S") }));
    QCOMPARE(params.value(s("past_company")).toArray().size(), 1);
    QCOMPARE(params.value(s("fetch_invitation_state")).toBool(), true);
    QCOMPARE(params.value(s("count")).toInt(), 5);
    QCOMPARE(params.value(s("offset")).toInt(), 0);

    const Decoded<SearchPage<PersonResult>> page = decodePeopleSearch(o->data);
    QVERIFY2(page.ok(), qPrintable(page.error));
    QVERIFY(page.value.results.size() <= 5);
    QVERIFY(page.value.totalAvailable >= page.value.results.size());
    QCOMPARE(o->credits, page.value.results.size());
    for (const PersonResult &r : page.value.results) {
        QVERIFY(r.location.contains(s("Paris")) || r.location.contains(s("Berlin")));
        QVERIFY(r.profileUrl.startsWith(s("https://www.linkedin.com/in/")));
        QVERIFY(!r.invitationState.isEmpty());
    }

    // The second page continues where the first stopped.
    PeopleQuery all;
    all.location = { s("Paris") };
    all.count = 3;
    RUN_OK(first, m_service->searchPeople(Primary, all));
    all.offset = 3;
    RUN_OK(second, m_service->searchPeople(Primary, all));
    const auto one = decodePeopleSearch(first->data).value.results;
    const auto two = decodePeopleSearch(second->data).value.results;
    QCOMPARE(one.size(), 3);
    QVERIFY(!two.isEmpty());
    QVERIFY(one.first().publicId != two.first().publicId);
}

void TestProfilesService::searchPeopleOmitsEmptyFilters()
{
    PeopleQuery q;
    q.keyword = s("  ");
    q.location = { QString(), s(" ") };
    RUN_OK(o, m_service->searchPeople(Primary, q));
    QStringList keys = lastParams().keys();
    keys.sort();
    QCOMPARE(keys, (QStringList { s("count"), s("offset") }));
}

void TestProfilesService::searchCompanies()
{
    CompanyQuery q;
    q.companySize = { s("201-500"), s("1001-5000") };
    q.sector = { s("Software Development"), s("Industrial Automation") };
    q.count = 10;
    RUN_OK(o, m_service->searchCompanies(Primary, q));
    const QJsonObject params = lastParams();
    QCOMPARE(lastBody().value(s("action")).toString(), s("search_companies"));
    QCOMPARE(
        params.value(s("company_size")).toArray(), (QJsonArray { s("201-500"), s("1001-5000") }));
    QCOMPARE(params.value(s("sector")).toArray().size(), 2);
    QVERIFY(!params.contains(s("keyword")));
    QVERIFY(!params.contains(s("location")));
    const Decoded<SearchPage<CompanyResult>> page = decodeCompanySearch(o->data);
    QVERIFY2(page.ok(), qPrintable(page.error));
    QVERIFY(!page.value.results.isEmpty());
    for (const CompanyResult &c : page.value.results) {
        QVERIFY(c.size == s("201-500") || c.size == s("1001-5000"));
        QVERIFY(c.url.startsWith(s("https://www.linkedin.com/company/")));
        QVERIFY(!c.name.isEmpty());
    }

    // A refused filter value comes back as the server's INVALID_PARAMS, not a crash.
    CompanyQuery bad;
    bad.companySize = { s("huge") };
    auto refused = run(m_service->searchCompanies(Primary, bad));
    QCOMPARE(refused->error.code, s("INVALID_PARAMS"));
    QCOMPARE(refused->credits, 0);
}

QTEST_GUILESS_MAIN(TestProfilesService)
#include "tst_profilesservice.moc"
