// What a person pastes into the V1 → V2 converter (V1Request::parse): both forms, URLs,
// queries, headers, line ends; the errors for what cannot be read, with the line; and the two
// outputs, toText() and toJson().
#include "migration/v1converter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ld;

namespace {

// URLs in inline JSON spell "//" as "\/\/" (valid JSON): moc would read a "//" inside a raw
// string as the start of a comment.
QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

// "a|b|c": the strings a test expects, without a QStringLiteral each.
QStringList words(const char *text)
{
    return QString::fromUtf8(text).split(QLatin1Char('|'));
}

V2Conversion convert(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    V1Request request;
    request.method = method;
    request.path = path;
    request.body = body;
    return convertV1Request(request, [](const QString &) { return QString(); });
}

QJsonObject paramsOf(const V2Conversion &c)
{
    return c.body.value(QLatin1String("params")).toObject();
}

} // namespace

class TstV1Request : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void parseErrors_data();
    void parseErrors();
    void text();
    void jsonForm();
};

void TstV1Request::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("v2Path");
    QTest::addColumn<QByteArray>("params");

    const QByteArray connect = R"({"profile_url": "u"})";
    QTest::newRow("object form") << QStringLiteral(
        R"({"method": "POST", "path": "/v1/network/connect",
                             "body": {"login_token": "t", "linkedin_url": "u"}})")
                                 << QByteArray("POST") << QStringLiteral("/v2/network") << connect;
    QTest::newRow("object form: url, no method, whitespace")
        << QStringLiteral("\n  {\"url\": \"https://api.linkupapi.com/v1/network/connect/\", "
                          "\"body\": {\"linkedin_url\": \"u\"}}  \n")
        << QByteArray("POST") << QStringLiteral("/v2/network") << connect;
    QTest::newRow("object form: body as text")
        << QStringLiteral(R"({"path": "/v1/network/connect", "body": "{\"linkedin_url\": \"u\"}"})")
        << QByteArray("POST") << QStringLiteral("/v2/network") << connect;
    QTest::newRow("request line and body")
        << QStringLiteral("POST /v1/network/connect\n{\n  \"linkedin_url\": \"u\"\n}\n")
        << QByteArray("POST") << QStringLiteral("/v2/network") << connect;
    QTest::newRow("HTTP dump with headers, CRLF")
        << QStringLiteral("POST /v1/network/connect HTTP/1.1\r\nHost: api.linkupapi.com\r\n"
                          "Content-Type: application/json\r\nx-api-key: k\r\n\r\n"
                          "{\"linkedin_url\": \"u\"}\r\n")
        << QByteArray("POST") << QStringLiteral("/v2/network") << connect;
    QTest::newRow("full URL with a query and a trailing slash")
        << QStringLiteral("  post https://api.linkupapi.com/v1/network/connect/?x=1  \n"
                          "{\"linkedin_url\": \"u\", \"x\": 1}")
        << QByteArray("POST") << QStringLiteral("/v2/network")
        << QByteArray(R"({"profile_url": "u", "x": 1})");
    QTest::newRow("URL without a scheme, no method")
        << QStringLiteral("api.linkupapi.com/v1/network/connect\n{\"linkedin_url\": \"u\"}")
        << QByteArray("POST") << QStringLiteral("/v2/network") << connect;
    QTest::newRow("BOM and CR line ends")
        << QStringLiteral("\uFEFFPOST /v1/network/connect\r{\"linkedin_url\": \"u\"}\r")
        << QByteArray("POST") << QStringLiteral("/v2/network") << connect;
    QTest::newRow("query string read as fields")
        << QStringLiteral(
               "POST /v1/messages/inbox?total_results=20&category=INBOX&unread_only=true")
        << QByteArray("POST") << QStringLiteral("/v2/messages")
        << QByteArray(R"({"count": 20, "category": "INBOX", "unread_only": true})");
    QTest::newRow("GET line, no body")
        << QStringLiteral("GET /v1/webhooks/accounts") << QByteArray("GET")
        << QStringLiteral("/v2/webhooks") << QByteArray("{}");
}

void TstV1Request::parse()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, method);
    QFETCH(QString, v2Path);
    QFETCH(QByteArray, params);
    V1Request request;
    QString error;
    QVERIFY2(V1Request::parse(text, &request, &error), qPrintable(error));
    QCOMPARE(request.method, method);
    const V2Conversion c = convertV1Request(request);
    QVERIFY2(c.ok, qPrintable(c.error));
    QCOMPARE(c.path, v2Path);
    if (c.body.contains(QLatin1String("params")))
        QCOMPARE(paramsOf(c), QJsonDocument::fromJson(params).object());
    else
        QCOMPARE(c.body, QJsonDocument::fromJson(params).object());
}

void TstV1Request::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("words");

    QTest::newRow("empty") << QStringLiteral(" \n ") << words("nothing to convert");
    QTest::newRow("bad JSON after the request line")
        << QStringLiteral("POST /v1/profile/me\n\n{\n  \"a\": 1\n  \"b\": 2\n}")
        << words("line 5|column 3|not valid");
    QTest::newRow("bad JSON in the object form")
        << QStringLiteral("{\"path\": \"/v1/profile/me\",\n \"body\": {\"a\": }}")
        << words("line 2|column 16");
    QTest::newRow("a bare word as a value")
        << QStringLiteral("POST /v1/profile/me\n{\"a\": 1, \"b\": yes}")
        << words("line 2|column 15|not valid");
    QTest::newRow("body is an array")
        << QStringLiteral("POST /v1/profile/me\n[1, 2]") << words("line 2|JSON array|object");
    QTest::newRow("body field is a number")
        << QStringLiteral(R"({"path": "/v1/profile/me", "body": 3})")
        << words("\"body\" must be a JSON object");
    QTest::newRow("no path") << QStringLiteral(R"({"login_token": "t", "country": "FR"})")
                             << words("no \"path\"");
    QTest::newRow("not a V1 path")
        << QStringLiteral("POST /api/profile/me\n{}") << words("/api/profile/me|not a V1 path");
    QTest::newRow("a V2 request") << QStringLiteral(
        "POST https://api.linkupapi.com/v2/profiles\n{}")
                                  << words("already a V2 request");
    QTest::newRow("not a request line") << QStringLiteral("Please convert this: /v1/profile/me\n{}")
                                        << words("Line 1|not a request line");
    QTest::newRow("method not a word")
        << QStringLiteral(R"({"method": 5, "path": "/v1/profile/me"})") << words("\"method\"");
}

void TstV1Request::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(QStringList, words);
    V1Request request;
    request.path = QStringLiteral("untouched");
    QString error;
    QVERIFY(!V1Request::parse(text, &request, &error));
    for (const QString &w : words)
        QVERIFY2(error.contains(w), qPrintable(error));
    QCOMPARE(request.path, QStringLiteral("untouched"));
}

void TstV1Request::text()
{
    const V2Conversion c
        = convert("POST", QStringLiteral("/v1/network/connect"), json(R"({"linkedin_url": "u"})"));
    const QString expected = QStringLiteral("POST /v2/network\n"
                                            "{\n"
                                            "    \"account_id\": \"<ACCOUNT_ID>\",\n"
                                            "    \"action\": \"invite\",\n"
                                            "    \"params\": {\n"
                                            "        \"profile_url\": \"u\"\n"
                                            "    }\n"
                                            "}\n"
                                            "# %1\n"
                                            "# %2\n")
                                 .arg(c.notes.value(0), c.notes.value(1));
    QCOMPARE(c.notes.size(), 2);
    QCOMPARE(c.toText(), expected);

    const V2Conversion list = convert("GET", QStringLiteral("/v1/webhooks/accounts"), {});
    QCOMPARE(list.toText(), QStringLiteral("GET /v2/webhooks\n"));
}

void TstV1Request::jsonForm()
{
    const V2Conversion c = convert("POST", QStringLiteral("/v1/companies/info"),
        json(R"({"login_token": "t", "company_url": "https:\/\/www.linkedin.com/company/x"})"));
    const QJsonObject j = c.toJson();
    QCOMPARE(j.value(QLatin1String("method")).toString(), QStringLiteral("POST"));
    QCOMPARE(j.value(QLatin1String("path")).toString(), QStringLiteral("/v2/profiles"));
    QCOMPARE(j.value(QLatin1String("body")).toObject(), c.body);
    QCOMPARE(j.value(QLatin1String("notes")).toArray().size(), c.notes.size());
    QCOMPARE(paramsOf(c), json(R"({"company_url": "https:\/\/www.linkedin.com/company/x"})"));
}

QTEST_GUILESS_MAIN(TstV1Request)
#include "tst_v1request.moc"
