// Decoding of contract §4 (profiles): the URL, id and picture key variants, the company from
// the first experience, lenient contact details, search results with number ids, wrong types
// reported with their JSON path, and hostile names kept verbatim.
#include "domain/profile.h"
#include "testjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ld;

class TestProfile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fullProfile();
    void keyVariants_data();
    void keyVariants();
    void company_data();
    void company();
    void contactInfo_data();
    void contactInfo();
    void peopleSearch();
    void companySearch();
    void wrongTypesNamePath_data();
    void wrongTypesNamePath();
    void hostileNamesKeptVerbatim_data();
    void hostileNamesKeptVerbatim();
};

void TestProfile::fullProfile()
{
    const Decoded<MemberProfile> p = MemberProfile::fromJson(parse(R"J({
        "public_id": "amelie-dubois-1000", "profile_urn": "urn:li:fsd_profile:ACoAAB",
        "first_name": "Amélie", "last_name": "Dubois", "headline": "CTO at Acme Robotics",
        "location": "Paris, France", "summary": "Builds robots.", "industry": "Robotics",
        "profile_url": "https://www.linkedin.com/in/amelie-dubois-1000/",
        "profile_picture_url": "https://media.licdn.com/a.jpg",
        "experience": [{"title": "CTO", "company": "Acme Robotics"}, {"company": "Old Co"}]
    })J"));
    QVERIFY2(p.ok(), qPrintable(p.error));
    QCOMPARE(p.value.publicId, s("amelie-dubois-1000"));
    QCOMPARE(p.value.fullName(), s("Amélie Dubois"));
    QCOMPARE(p.value.headline, s("CTO at Acme Robotics"));
    QCOMPARE(p.value.location, s("Paris, France"));
    QCOMPARE(p.value.summary, s("Builds robots."));
    QCOMPARE(p.value.industry, s("Robotics"));
    QCOMPARE(p.value.company, s("Acme Robotics"));
    QCOMPARE(p.value.profileUrl, s("https://www.linkedin.com/in/amelie-dubois-1000/"));
    QCOMPARE(p.value.pictureUrl, s("https://media.licdn.com/a.jpg"));
    // Everything not decoded is kept verbatim, experience included.
    QCOMPARE(p.value.extra.value(s("profile_urn")).toString(), s("urn:li:fsd_profile:ACoAAB"));
    QCOMPARE(p.value.extra.value(s("experience")).toArray().size(), 2);
    QVERIFY(!p.value.extra.contains(s("first_name")));
    QVERIFY(!p.value.extra.contains(s("public_id")));
}

void TestProfile::keyVariants_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("publicId");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("picture");
    QTest::newRow("public_identifier, linkedin_url, profile_picture") << QByteArray(
        R"({"public_identifier":"jd","linkedin_url":"https://l/in/jd","profile_picture":"p"})")
                                                                      << s("jd")
                                                                      << s("https://l/in/jd")
                                                                      << s("p");
    QTest::newRow("url built from the public id")
        << QByteArray(R"({"public_id":"john-doe"})") << s("john-doe")
        << s("https://www.linkedin.com/in/john-doe/") << QString();
    QTest::newRow("number public id kept in full")
        << QByteArray(R"({"public_id":7453486530700017665,"profile_url":"u"})")
        << s("7453486530700017665") << s("u") << QString();
    QTest::newRow("nothing") << QByteArray("{}") << QString() << QString() << QString();
}

void TestProfile::keyVariants()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, publicId);
    QFETCH(QString, url);
    QFETCH(QString, picture);
    const Decoded<MemberProfile> p = MemberProfile::fromJson(parse(json));
    QVERIFY2(p.ok(), qPrintable(p.error));
    QCOMPARE(p.value.publicId, publicId);
    QCOMPARE(p.value.profileUrl, url);
    QCOMPARE(p.value.pictureUrl, picture);
    const Decoded<PersonResult> r = PersonResult::fromJson(parse(json), s("r"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.value.publicId, publicId);
    QCOMPARE(r.value.profileUrl, url);
    QCOMPARE(r.value.pictureUrl, picture);
}

void TestProfile::company_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("company");
    QTest::newRow("company field")
        << QByteArray(R"({"company":"Nimbus","experience":[{"company":"X"}]})") << s("Nimbus");
    QTest::newRow("company object")
        << QByteArray(R"({"company":{"name":"Nimbus Cloud"}})") << s("Nimbus Cloud");
    QTest::newRow("first experience")
        << QByteArray(R"({"experience":[{"company":"Acme"},{"company":"B"}]})") << s("Acme");
    QTest::newRow("experiences, company_name")
        << QByteArray(R"({"experiences":[{"company_name":"Verde Energy"}]})") << s("Verde Energy");
    QTest::newRow("experience company object")
        << QByteArray(R"({"experience":[{"company":{"name":"Helix"}}]})") << s("Helix");
    QTest::newRow("empty experience") << QByteArray(R"({"experience":[]})") << QString();
    QTest::newRow("odd experience") << QByteArray(R"({"experience":["Acme"]})") << QString();
    QTest::newRow("none") << QByteArray("{}") << QString();
}

void TestProfile::company()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, company);
    const Decoded<MemberProfile> p = MemberProfile::fromJson(parse(json));
    QVERIFY2(p.ok(), qPrintable(p.error));
    QCOMPARE(p.value.company, company);
}

void TestProfile::contactInfo_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("emails");
    QTest::addColumn<QStringList>("phones");
    QTest::addColumn<QStringList>("websites");
    QTest::newRow("sandbox shape") << QByteArray(
        R"({"email":"a@example.com","phone_numbers":[],"websites":["https://a.example"],"twitter":[]})")
                                   << QStringList { s("a@example.com") } << QStringList()
                                   << QStringList { s("https://a.example") };
    QTest::newRow("not a connection")
        << QByteArray(R"({"email":null,"phone_numbers":[],"websites":[]})") << QStringList()
        << QStringList() << QStringList();
    QTest::newRow("lists and objects") << QByteArray(
        R"({"emails":["a@x.io",{"email":"b@x.io"}],"phones":[{"number":"+33 1 23","type":"work"}],"websites":[{"url":"https://w"}]})")
                                       << QStringList { s("a@x.io"), s("b@x.io") }
                                       << QStringList { s("+33 1 23") }
                                       << QStringList { s("https://w") };
    QTest::newRow("both spellings, no duplicates")
        << QByteArray(R"({"emails":["a@x.io"],"email":"a@x.io","phone":"+1 555"})")
        << QStringList { s("a@x.io") } << QStringList { s("+1 555") } << QStringList();
    QTest::newRow("odd types ignored")
        << QByteArray(R"({"emails":42,"phones":true,"websites":{"x":1}})") << QStringList()
        << QStringList() << QStringList();
}

void TestProfile::contactInfo()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, emails);
    QFETCH(QStringList, phones);
    QFETCH(QStringList, websites);
    const Decoded<ContactInfo> c = ContactInfo::fromJson(parse(json));
    QVERIFY2(c.ok(), qPrintable(c.error));
    QCOMPARE(c.value.emails, emails);
    QCOMPARE(c.value.phones, phones);
    QCOMPARE(c.value.websites, websites);
    QCOMPARE(c.value.raw, parse(json).toObject());
}

void TestProfile::peopleSearch()
{
    const Decoded<SearchPage<PersonResult>> page = decodePeopleSearch(parse(R"({
        "results": [
            {"public_id": "a-1", "first_name": "Ana", "last_name": "Silva", "headline": "CTO",
             "location": "Madrid, Spain", "profile_picture_url": "p",
             "linkedin_url": "https://www.linkedin.com/in/a-1/", "invitation_state": "CONNECTED"},
            {"public_id": 123456789012345678, "first_name": "Bo"}
        ],
        "total_results": 2, "total_available_results": 87})"));
    QVERIFY2(page.ok(), qPrintable(page.error));
    QCOMPARE(page.value.totalResults, 2);
    QCOMPARE(page.value.totalAvailable, 87);
    QCOMPARE(page.value.results.size(), 2);
    const PersonResult &a = page.value.results.first();
    QCOMPARE(a.firstName, s("Ana"));
    QCOMPARE(a.lastName, s("Silva"));
    QCOMPARE(a.headline, s("CTO"));
    QCOMPARE(a.location, s("Madrid, Spain"));
    QCOMPARE(a.invitationState, s("CONNECTED"));
    QCOMPARE(a.profileUrl, s("https://www.linkedin.com/in/a-1/"));
    QCOMPARE(page.value.results.last().publicId, s("123456789012345678"));
    const Decoded<SearchPage<PersonResult>> empty = decodePeopleSearch(parse("{}"));
    QVERIFY(empty.ok());
    QCOMPARE(empty.value.totalResults, 0);
}

void TestProfile::companySearch()
{
    const Decoded<SearchPage<CompanyResult>> page = decodeCompanySearch(parse(R"({
        "results": [
            {"name": "Acme Robotics", "company_url": "https://www.linkedin.com/company/acme",
             "industry": "Industrial Automation", "company_size": "201-500",
             "location": "Berlin, Germany", "logo_url": "l"},
            {"name": "Numbers Inc", "url": "https://www.linkedin.com/company/n", "sector": "Finance",
             "staff_count": 1200}
        ],
        "total_results": 2})"));
    QVERIFY2(page.ok(), qPrintable(page.error));
    QCOMPARE(page.value.totalAvailable, 2); // defaults to total_results
    const CompanyResult &a = page.value.results.first();
    QCOMPARE(a.name, s("Acme Robotics"));
    QCOMPARE(a.url, s("https://www.linkedin.com/company/acme"));
    QCOMPARE(a.industry, s("Industrial Automation"));
    QCOMPARE(a.size, s("201-500"));
    QCOMPARE(a.location, s("Berlin, Germany"));
    QCOMPARE(a.extra.value(s("logo_url")).toString(), s("l"));
    const CompanyResult &b = page.value.results.last();
    QCOMPARE(b.url, s("https://www.linkedin.com/company/n"));
    QCOMPARE(b.industry, s("Finance"));
    QCOMPARE(b.size, s("1200"));
}

void TestProfile::wrongTypesNamePath_data()
{
    QTest::addColumn<QByteArray>("kind");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("profile not an object") << QByteArray("profile") << QByteArray(R"([1])")
                                           << s("data: expected an object, got an array");
    QTest::newRow("profile headline a number")
        << QByteArray("profile") << QByteArray(R"({"headline":3})")
        << s("data.headline: expected a string, got a number");
    QTest::newRow("profile location a boolean")
        << QByteArray("profile") << QByteArray(R"({"location":false})")
        << s("data.location: expected a string, got a boolean");
    QTest::newRow("contact not an object") << QByteArray("contact") << QByteArray(R"(["a@x.io"])")
                                           << s("data: expected an object, got an array");
    QTest::newRow("results not an array")
        << QByteArray("people") << QByteArray(R"({"results":"none"})")
        << s("data.results: expected an array, got a string");
    QTest::newRow("result first name a number")
        << QByteArray("people") << QByteArray(R"({"results":[{},{"first_name":3}]})")
        << s("data.results[1].first_name: expected a string, got a number");
    QTest::newRow("result not an object")
        << QByteArray("people") << QByteArray(R"({"results":["x"]})")
        << s("data.results[0]: expected an object, got a string");
    QTest::newRow("company name an array")
        << QByteArray("companies") << QByteArray(R"({"results":[{"name":[]}]})")
        << s("data.results[0].name: expected a string, got an array");
    QTest::newRow("total a string")
        << QByteArray("companies") << QByteArray(R"({"total_results":"2"})")
        << s("data.total_results: expected a number, got a string");
}

void TestProfile::wrongTypesNamePath()
{
    QFETCH(QByteArray, kind);
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QString got;
    if (kind == "profile")
        got = MemberProfile::fromJson(parse(json)).error;
    else if (kind == "contact")
        got = ContactInfo::fromJson(parse(json)).error;
    else if (kind == "people")
        got = decodePeopleSearch(parse(json)).error;
    else
        got = decodeCompanySearch(parse(json)).error;
    QCOMPARE(got, error);
}

void TestProfile::hostileNamesKeptVerbatim_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("emoji zwj") << s("Maya 👩‍💻");
    QTest::newRow("arabic") << s("ليلى");
    QTest::newRow("hebrew") << s("נועה כהן (Noa Cohen)");
    QTest::newRow("markup") << s("<i>Growth</i> & Sales <img src=x>");
    QTest::newRow("huge") << QString(50 * 1024, QChar(0x05D0));
}

void TestProfile::hostileNamesKeptVerbatim()
{
    QFETCH(QString, text);
    const QJsonObject json { { s("first_name"), text }, { s("last_name"), text },
        { s("headline"), text }, { s("summary"), text } };
    const Decoded<MemberProfile> p = MemberProfile::fromJson(json);
    QVERIFY2(p.ok(), qPrintable(p.error));
    QCOMPARE(p.value.firstName, text);
    QCOMPARE(p.value.lastName, text);
    QCOMPARE(p.value.headline, text);
    QCOMPARE(p.value.summary, text);
    const Decoded<PersonResult> r = PersonResult::fromJson(json, s("r"));
    QVERIFY(r.ok());
    QCOMPARE(r.value.firstName, text);
}

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
