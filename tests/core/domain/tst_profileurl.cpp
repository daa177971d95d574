// What counts as a LinkedIn member profile URL: the spellings people paste and the API returns
// give one identifier; company and school pages, other hosts, other schemes, white space and
// "/in/" without an identifier give none, so an invite to them is refused before any request.
#include "domain/profileurl.h"

#include <QTest>
#include <QUrl>

using namespace ld;

class TestProfileUrl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void canonicalIsStable_data();
    void canonicalIsStable();
    void canonicalEncodesNonAscii();
};

void TestProfileUrl::accepted_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("id");

    QTest::newRow("https www") << "https://www.linkedin.com/in/ada-l" << "ada-l";
    QTest::newRow("trailing slash") << "https://www.linkedin.com/in/ada-l/" << "ada-l";
    QTest::newRow("query and fragment") << "https://www.linkedin.com/in/Ada-L/?trk=x#about" << "ada-l";
    QTest::newRow("query without slash") << "https://www.linkedin.com/in/ada-l?trk=public" << "ada-l";
    QTest::newRow("fragment only") << "https://linkedin.com/in/ada-l#x" << "ada-l";
    QTest::newRow("http") << "http://www.linkedin.com/in/ada-l" << "ada-l";
    QTest::newRow("no www") << "https://linkedin.com/in/ada-l" << "ada-l";
    QTest::newRow("no scheme") << "linkedin.com/in/ada-l" << "ada-l";
    QTest::newRow("no scheme, www") << "www.linkedin.com/in/ada-l/" << "ada-l";
    QTest::newRow("country sub-domain") << "https://fr.linkedin.com/in/ada-l" << "ada-l";
    QTest::newRow("uk sub-domain") << "uk.linkedin.com/in/ada-l" << "ada-l";
    QTest::newRow("mobile") << "https://m.linkedin.com/in/ada-l" << "ada-l";
    QTest::newRow("upper case everywhere") << "HTTPS://WWW.LINKEDIN.COM/IN/ADA-L/" << "ada-l";
    QTest::newRow("outer white space") << "  https://www.linkedin.com/in/ada-l \n" << "ada-l";
    QTest::newRow("percent-encoded") << "https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller"
                                     << QString::fromUtf8("jürgen-müller");
    QTest::newRow("percent-encoded upper case") << "https://www.linkedin.com/in/J%C3%9CRGEN"
                                                << QString::fromUtf8("jürgen");
    QTest::newRow("non-ASCII as typed") << QString::fromUtf8("linkedin.com/in/Jürgen")
                                        << QString::fromUtf8("jürgen");
    QTest::newRow("encoded hyphen") << "https://www.linkedin.com/in/ada%2Dl" << "ada-l";
    QTest::newRow("digits") << "https://www.linkedin.com/in/ada-lovelace-1a2b3c4d" << "ada-lovelace-1a2b3c4d";
    QTest::newRow("member id") << "https://www.linkedin.com/in/ACoAABcdEF12" << "acoaabcdef12";
    QTest::newRow("profile sub-page") << "https://www.linkedin.com/in/ada-l/details/experience/" << "ada-l";
    QTest::newRow("locale suffix") << "https://www.linkedin.com/in/ada-l/fr" << "ada-l";
    QTest::newRow("doubled slashes") << "https://www.linkedin.com//in//ada-l" << "ada-l";
}

void TestProfileUrl::accepted()
{
    QFETCH(QString, url);
    QFETCH(QString, id);
    QCOMPARE(linkedInProfileId(url), id);
    QCOMPARE(canonicalProfileUrl(url),
             QStringLiteral("https://www.linkedin.com/in/%1/")
                 .arg(QString::fromLatin1(QUrl::toPercentEncoding(id))));
}

void TestProfileUrl::refused_data()
{
    QTest::addColumn<QString>("url");

    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << "   ";
    QTest::newRow("bare identifier") << "ada-l";
    QTest::newRow("company page") << "https://www.linkedin.com/company/linkup";
    QTest::newRow("school page") << "https://www.linkedin.com/school/epfl/";
    QTest::newRow("feed") << "https://www.linkedin.com/feed/";
    QTest::newRow("home") << "https://www.linkedin.com/";
    QTest::newRow("in without id") << "https://www.linkedin.com/in/";
    QTest::newRow("in without slash") << "https://www.linkedin.com/in";
    QTest::newRow("in, query only") << "https://www.linkedin.com/in/?id=ada";
    QTest::newRow("legacy pub") << "https://www.linkedin.com/pub/ada-l/1/2/3";
    QTest::newRow("other host") << "https://example.com/in/ada-l";
    QTest::newRow("look-alike host") << "https://notlinkedin.com/in/ada-l";
    QTest::newRow("host as prefix") << "https://linkedin.com.evil.example/in/ada-l";
    QTest::newRow("other sub-domain") << "https://business.linkedin.com/in/ada-l";
    QTest::newRow("port") << "https://www.linkedin.com:8443/in/ada-l";
    QTest::newRow("user info") << "https://ada@www.linkedin.com/in/ada-l";
    QTest::newRow("other scheme") << "ftp://www.linkedin.com/in/ada-l";
    QTest::newRow("javascript") << "javascript://www.linkedin.com/in/ada-l";
    QTest::newRow("space inside") << "https://www.linkedin.com/in/ada l";
    QTest::newRow("space in host") << "https://www.linked in.com/in/ada-l";
    QTest::newRow("encoded space") << "https://www.linkedin.com/in/ada%20l";
    QTest::newRow("encoded slash") << "https://www.linkedin.com/in/ada%2Fl";
    QTest::newRow("encoded question mark") << "https://www.linkedin.com/in/ada%3Fl";
    QTest::newRow("punctuation") << "https://www.linkedin.com/in/<ada>";
    QTest::newRow("dot-dot") << "https://www.linkedin.com/in/../company/x";
    QTest::newRow("two profiles in one line") << "linkedin.com/in/ada linkedin.com/in/bob";
}

void TestProfileUrl::refused()
{
    QFETCH(QString, url);
    QVERIFY(linkedInProfileId(url).isEmpty());
    QVERIFY(canonicalProfileUrl(url).isEmpty());
}

// The canonical URL is itself a profile URL of the same person: canonical(canonical(x)) ==
// canonical(x), so it can be stored and compared.
void TestProfileUrl::canonicalIsStable_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("plain") << "linkedin.com/in/Ada-L?trk=1";
    QTest::newRow("encoded") << "https://de.linkedin.com/in/j%C3%BCrgen/";
    QTest::newRow("mobile") << "https://m.linkedin.com/in/bob";
}

void TestProfileUrl::canonicalIsStable()
{
    QFETCH(QString, url);
    const QString canonical = canonicalProfileUrl(url);
    QVERIFY(!canonical.isEmpty());
    QCOMPARE(canonicalProfileUrl(canonical), canonical);
    QCOMPARE(linkedInProfileId(canonical), linkedInProfileId(url));
}

void TestProfileUrl::canonicalEncodesNonAscii()
{
    QCOMPARE(canonicalProfileUrl(QString::fromUtf8("https://www.linkedin.com/in/Jürgen")),
             QStringLiteral("https://www.linkedin.com/in/j%C3%BCrgen/"));
}

QTEST_APPLESS_MAIN(TestProfileUrl)
#include "tst_profileurl.moc"
