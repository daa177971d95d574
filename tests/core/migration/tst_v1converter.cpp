// The V1 → V2 request converter: every endpoint of the migration guide's table (contract
// §10.1) with its V2 path, method, action and body shape; the renames of §10; the exceptions
// (login, verify, webhooks, enrich); the account_id lookup; unknown endpoints. What a person
// pastes is tst_v1request's.
#include "migration/v1converter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace ld;

namespace {

enum class Shape { Action, Enrich, Login, Checkpoint, WebhookCreate, WebhookUpdate, NoBody };

const QString token = QStringLiteral("AQEDAVeryS3cretV1Token");
const QString placeholder = QLatin1String(AccountIdPlaceholder);

// JSON written inline. URLs in it spell "//" as "\/\/" (valid JSON): moc would read a "//"
// inside a raw string as the start of a comment.
// %1, %2 ... are replaced by `args`, in order (the token, the placeholder).
QJsonObject json(const char *text, const QStringList &args = {})
{
    QString filled = QString::fromUtf8(text);
    for (const QString &arg : args)
        filled = filled.arg(arg);
    return QJsonDocument::fromJson(filled.toUtf8()).object();
}

// "a|b|c": the strings a test expects, without a QStringLiteral each.
QStringList words(const char *text)
{
    return QString::fromUtf8(text).split(QLatin1Char('|'));
}

V2Conversion convert(const QByteArray &method, const QString &path, const QJsonObject &body,
    const AccountIdLookup &lookup = {})
{
    V1Request request;
    request.method = method;
    request.path = path;
    request.body = body;
    return convertV1Request(request, lookup);
}

QJsonObject paramsOf(const V2Conversion &c)
{
    return c.body.value(QLatin1String("params")).toObject();
}

bool anyNoteContains(const V2Conversion &c, const QString &text)
{
    for (const QString &note : c.notes) {
        if (note.contains(text))
            return true;
    }
    return false;
}

} // namespace

Q_DECLARE_METATYPE(Shape)

class TstV1Converter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyEndpoint_data();
    void everyEndpoint();
    void tableCoversEveryKnownEndpoint();
    void profileUrlRenamedEverywhere();
    void messageOnSend();
    void filters_data();
    void filters();
    void paging();
    void typesKept();
    void login();
    void verify();
    void webhooks();
    void enrich();
    void lookup();
    void methods();
    void unknownEndpoints_data();
    void unknownEndpoints();
};

struct MappingRow
{
    QByteArray method;
    QString v1Path;
    QByteArray v2Method;
    QString v2Path;
    QString action;
    Shape shape;
};

// Contract §10.1, typed again here rather than read from the converter's table.
QList<MappingRow> mappingTable()
{
    const struct
    {
        const char *v1;
        const char *v2;
        const char *action;
    } actions[] = {
        { "/v1/profile/me", "/v2/profiles", "get_me" },
        { "/v1/profile/info", "/v2/profiles", "get" },
        { "/v1/profile/contact", "/v2/profiles", "get_contact" },
        { "/v1/profile/visit", "/v2/profiles", "visit" },
        { "/v1/profile/search", "/v2/profiles", "search_people" },
        { "/v1/companies/search", "/v2/profiles", "search_companies" },
        { "/v1/companies/info", "/v2/profiles", "get_company" },
        { "/v1/messages/send-message", "/v2/messages", "send" },
        { "/v1/messages/inbox", "/v2/messages", "list_inbox" },
        { "/v1/messages/conversation", "/v2/messages", "get_conversation" },
        { "/v1/network/connect", "/v2/network", "invite" },
        { "/v1/network/accept-invitation", "/v2/network", "accept" },
        { "/v1/network/connections", "/v2/network", "list_connections" },
        { "/v1/network/invitations", "/v2/network", "list_invitations" },
        { "/v1/network/sent-invitations", "/v2/network", "list_sent" },
        { "/v1/network/withdraw", "/v2/network", "withdraw" },
        { "/v1/network/invitation-status", "/v2/network", "check_invitation" },
        { "/v1/network/get-network-recommendations", "/v2/network", "recommendations" },
        { "/v1/posts/create", "/v2/content", "create" },
        { "/v1/posts/create-company", "/v2/content", "create_company" },
        { "/v1/posts/search", "/v2/content", "search" },
        { "/v1/posts/feed", "/v2/content", "get_feed" },
        { "/v1/posts/like", "/v2/content", "like" },
        { "/v1/posts/react", "/v2/content", "react" },
        { "/v1/posts/comment", "/v2/content", "comment" },
        { "/v1/posts/answer-comment", "/v2/content", "answer_comment" },
        { "/v1/posts/repost", "/v2/content", "repost" },
        { "/v1/posts/extract-comments", "/v2/content", "get_comments" },
        { "/v1/posts/reactions", "/v2/content", "get_reactions" },
        { "/v1/posts/time-spent", "/v2/content", "time_spent" },
        { "/v1/recruiter/posts", "/v2/recruiter", "get_posts" },
        { "/v1/recruiter/get-candidate", "/v2/recruiter", "get_candidates" },
        { "/v1/recruiter/cv", "/v2/recruiter", "get_cv" },
        { "/v1/recruiter/publish", "/v2/recruiter", "publish_job" },
        { "/v1/recruiter/close", "/v2/recruiter", "close_job" },
        { "/v1/data/mail/finder", "/v2/enrich", "find_email" },
        { "/v1/data/mail/reverse", "/v2/enrich", "reverse_email" },
        { "/v1/data/mail/validate", "/v2/enrich", "validate_email" },
    };
    QList<MappingRow> rows;
    for (const auto &a : actions) {
        const QString v1 = QLatin1String(a.v1);
        rows.append({ "POST", v1, "POST", QLatin1String(a.v2), QLatin1String(a.action),
            v1.startsWith(QLatin1String("/v1/data/")) ? Shape::Enrich : Shape::Action });
    }
    const QString hooks = QStringLiteral("/v1/webhooks/accounts");
    rows.append({ "POST", QStringLiteral("/v1/auth/login"), "POST", QStringLiteral("/v2/login"), {},
        Shape::Login });
    rows.append({ "POST", QStringLiteral("/v1/auth/verify"), "POST",
        QStringLiteral("/v2/checkpoint"), {}, Shape::Checkpoint });
    rows.append(
        { "POST", hooks, "POST", QStringLiteral("/v2/webhooks"), {}, Shape::WebhookCreate });
    rows.append({ "GET", hooks, "GET", QStringLiteral("/v2/webhooks"), {}, Shape::NoBody });
    rows.append({ "PUT", hooks + QLatin1String("/{id}"), "PUT",
        QStringLiteral("/v2/webhooks/wh_42"), {}, Shape::WebhookUpdate });
    rows.append({ "DELETE", hooks + QLatin1String("/{id}"), "DELETE",
        QStringLiteral("/v2/webhooks/wh_42"), {}, Shape::NoBody });
    rows.append({ "POST", hooks + QLatin1String("/{id}/start"), "POST",
        QStringLiteral("/v2/webhooks/wh_42/start"), {}, Shape::NoBody });
    rows.append({ "POST", hooks + QLatin1String("/{id}/stop"), "POST",
        QStringLiteral("/v2/webhooks/wh_42/stop"), {}, Shape::NoBody });
    rows.append({ "GET", hooks + QLatin1String("/{id}/status"), "GET",
        QStringLiteral("/v2/webhooks"), {}, Shape::NoBody });
    return rows;
}

void TstV1Converter::everyEndpoint_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("v1Path");
    QTest::addColumn<QByteArray>("v2Method");
    QTest::addColumn<QString>("v2Path");
    QTest::addColumn<QString>("action");
    QTest::addColumn<Shape>("shape");
    for (const MappingRow &r : mappingTable()) {
        QTest::addRow("%s %s", r.method.constData(), qPrintable(r.v1Path))
            << r.method << r.v1Path << r.v2Method << r.v2Path << r.action << r.shape;
    }
}

void TstV1Converter::everyEndpoint()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, v1Path);
    QFETCH(QByteArray, v2Method);
    QFETCH(QString, v2Path);
    QFETCH(QString, action);
    QFETCH(Shape, shape);

    // Every V1 body carried the token and the country; the other fields vary per endpoint.
    QJsonObject body { { QStringLiteral("login_token"), token },
        { QStringLiteral("country"), QStringLiteral("FR") } };
    if (shape == Shape::Action || shape == Shape::Enrich)
        body.insert(QStringLiteral("keyword"), QStringLiteral("rust"));
    if (shape == Shape::Login)
        body = json(R"({"email": "a@b.c", "password": "pw", "country": "FR"})");
    if (shape == Shape::Checkpoint)
        body = json(R"({"email": "a@b.c", "code": "123456", "country": "FR"})");
    if (shape == Shape::WebhookCreate || shape == Shape::WebhookUpdate)
        body.insert(QStringLiteral("webhook_url"), QStringLiteral("https://example.org/hook"));

    const V2Conversion c = convert(
        method, QString(v1Path).replace(QLatin1String("{id}"), QLatin1String("wh_42")), body);
    QVERIFY2(c.ok, qPrintable(c.error));
    QCOMPARE(c.method, v2Method);
    QCOMPARE(c.path, v2Path);
    QCOMPARE(c.action, action);

    QStringList keys = c.body.keys();
    switch (shape) {
    case Shape::Action:
        QCOMPARE(keys, words("account_id|action|params"));
        QCOMPARE(c.body.value(QLatin1String("account_id")).toString(), placeholder);
        QCOMPARE(c.body.value(QLatin1String("action")).toString(), action);
        QCOMPARE(paramsOf(c), json(R"({"keyword": "rust"})"));
        QVERIFY(c.hasPlaceholder);
        QVERIFY(anyNoteContains(c, QStringLiteral("login_token and country were removed")));
        break;
    case Shape::Enrich:
        QCOMPARE(keys, words("action|params"));
        QCOMPARE(paramsOf(c), json(R"({"keyword": "rust"})"));
        QVERIFY(!c.hasPlaceholder);
        QVERIFY(anyNoteContains(c, QStringLiteral("no account_id")));
        break;
    case Shape::Login:
        QCOMPARE(c.body,
            json(
                R"({"platform": "linkedin", "email": "a@b.c", "password": "pw", "country": "FR"})"));
        break;
    case Shape::Checkpoint:
        QCOMPARE(c.body, json(R"({"account_id": "%1", "code": "123456"})", { placeholder }));
        QVERIFY(c.hasPlaceholder);
        break;
    case Shape::WebhookCreate:
        QCOMPARE(c.body,
            json(R"({"account_id": "%1", "url": "https:\/\/example.org/hook"})", { placeholder }));
        QVERIFY(c.hasPlaceholder);
        break;
    case Shape::WebhookUpdate:
        QCOMPARE(c.body, json(R"({"url": "https:\/\/example.org/hook"})"));
        break;
    case Shape::NoBody:
        QVERIFY(c.body.isEmpty());
        QVERIFY(!c.hasPlaceholder);
        break;
    }
    // The secret never reaches the V2 request (the login import is the one place it belongs).
    QVERIFY(!c.toText().contains(token));
}

void TstV1Converter::tableCoversEveryKnownEndpoint()
{
    const QList<MappingRow> table = mappingTable();
    QCOMPARE(table.size(), 47); // the rows of §10.1 that have a V1 endpoint
    QSet<QString> tested;
    for (const MappingRow &r : table)
        tested.insert(r.v1Path);
    const QStringList known = knownV1Endpoints();
    QCOMPARE(QSet<QString>(known.begin(), known.end()), tested);
    QCOMPARE(known.size(), tested.size()); // each path once
}

void TstV1Converter::profileUrlRenamedEverywhere()
{
    const V2Conversion c = convert("POST", QStringLiteral("/v1/network/connect"),
        json(R"({"login_token": "t", "country": "FR", "linkedin_url": "https:\/\/lnkd.in/a",
                 "message": "Hi", "extra": {"linkedin_url": "https:\/\/lnkd.in/b"},
                 "list": [{"linkedin_url": "https:\/\/lnkd.in/c"}, 3]})"));
    QVERIFY(c.ok);
    QCOMPARE(paramsOf(c), json(R"({"profile_url": "https:\/\/lnkd.in/a", "message": "Hi",
                 "extra": {"profile_url": "https:\/\/lnkd.in/b"},
                 "list": [{"profile_url": "https:\/\/lnkd.in/c"}, 3]})"));
    QVERIFY(c.notes.contains(QStringLiteral("linkedin_url is now profile_url.")));

    // Both given: the V2 name wins and the note says the other was dropped.
    const V2Conversion both = convert("POST", QStringLiteral("/v1/network/invitation-status"),
        json(
            R"({"linkedin_url": "https:\/\/lnkd.in/old", "profile_url": "https:\/\/lnkd.in/new"})"));
    QCOMPARE(paramsOf(both), json(R"({"profile_url": "https:\/\/lnkd.in/new"})"));
    QVERIFY(anyNoteContains(both, QStringLiteral("linkedin_url dropped")));
}

void TstV1Converter::messageOnSend()
{
    const QString send = QStringLiteral("/v1/messages/send-message");
    QCOMPARE(paramsOf(convert("POST", send, json(R"({"message": "Hello", "linkedin_url": "u"})"))),
        json(R"({"message_text": "Hello", "profile_url": "u"})"));
    QCOMPARE(paramsOf(convert("POST", send, json(R"({"message_text": "Hello"})"))),
        json(R"({"message_text": "Hello"})"));
    const V2Conversion both
        = convert("POST", send, json(R"({"message_text": "kept", "message": "dropped"})"));
    QCOMPARE(paramsOf(both), json(R"({"message_text": "kept"})"));
    QVERIFY(anyNoteContains(both, QStringLiteral("message dropped")));
    // On invite and on posts, message is the V2 name: left alone.
    QCOMPARE(paramsOf(convert(
                 "POST", QStringLiteral("/v1/network/connect"), json(R"({"message": "note"})"))),
        json(R"({"message": "note"})"));
    QCOMPARE(paramsOf(convert(
                 "POST", QStringLiteral("/v1/posts/create"), json(R"({"message": "post"})"))),
        json(R"({"message": "post"})"));
}

void TstV1Converter::filters_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("v1Body");
    QTest::addColumn<QByteArray>("v2Params");

    const QString people = QStringLiteral("/v1/profile/search");
    const QString companies = QStringLiteral("/v1/companies/search");
    QTest::newRow("people: every ';' filter")
        << people
        << QByteArray(R"({"location": "Paris; Lyon", "company_url": "a;b", "school_url": "s",
                         "industry": "IT ;  Finance", "past_company": "x;y;z", "keyword": "a;b"})")
        << QByteArray(R"({"location": ["Paris", "Lyon"], "company_url": ["a", "b"],
                         "school_url": ["s"], "industry": ["IT", "Finance"],
                         "past_company": ["x", "y", "z"], "keyword": "a;b"})");
    QTest::newRow("people: network is ','-separated")
        << people << QByteArray(R"({"network": "F, S,O"})")
        << QByteArray(R"({"network": ["F", "S", "O"]})");
    QTest::newRow("people: network keeps a ';'")
        << people << QByteArray(R"({"network": "F;S"})") << QByteArray(R"({"network": ["F;S"]})");
    QTest::newRow("people: empties dropped")
        << people << QByteArray(R"({"location": " ;Paris;; ", "industry": " ; "})")
        << QByteArray(R"({"location": ["Paris"]})");
    QTest::newRow("people: an array stays")
        << people << QByteArray(R"({"location": ["Paris; Lyon"], "network": ["F"]})")
        << QByteArray(R"({"location": ["Paris; Lyon"], "network": ["F"]})");
    QTest::newRow("people: other params keep their type")
        << people
        << QByteArray(R"({"fetch_invitation_state": true, "title": "CTO", "connection_of": "u"})")
        << QByteArray(R"({"fetch_invitation_state": true, "title": "CTO", "connection_of": "u"})");
    QTest::newRow("companies: location, sector, company_size")
        << companies << QByteArray(R"({"location": "FR;DE", "sector": "Banking; Retail",
                         "company_size": "1-10;11-50", "keyword": "bank"})")
        << QByteArray(R"({"location": ["FR", "DE"], "sector": ["Banking", "Retail"],
                         "company_size": ["1-10", "11-50"], "keyword": "bank"})");
    QTest::newRow("companies: network and industry are not company filters")
        << companies << QByteArray(R"({"network": "F,S", "industry": "a;b"})")
        << QByteArray(R"({"network": "F,S", "industry": "a;b"})");
    QTest::newRow("another action: location stays text")
        << QStringLiteral("/v1/recruiter/get-candidate") << QByteArray(R"({"location": "a;b"})")
        << QByteArray(R"({"location": "a;b"})");
}

void TstV1Converter::filters()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, v1Body);
    QFETCH(QByteArray, v2Params);
    const V2Conversion c = convert("POST", path, QJsonDocument::fromJson(v1Body).object());
    QVERIFY2(c.ok, qPrintable(c.error));
    QCOMPARE(paramsOf(c), QJsonDocument::fromJson(v2Params).object());
}

void TstV1Converter::paging()
{
    const V2Conversion inbox = convert("POST", QStringLiteral("/v1/messages/inbox"),
        json(R"({"total_results": 25, "next_cursor": "abc", "category": "INBOX"})"));
    QCOMPARE(paramsOf(inbox), json(R"({"count": 25, "cursor": "abc", "category": "INBOX"})"));
    QVERIFY(inbox.notes.contains(QStringLiteral("total_results is now count.")));
    QVERIFY(inbox.notes.contains(QStringLiteral("next_cursor is now cursor.")));

    const V2Conversion pages = convert("POST", QStringLiteral("/v1/network/connections"),
        json(R"({"total_results": 100, "start_page": 2, "end_page": 4})"));
    QCOMPARE(paramsOf(pages), json(R"({"count": 100})"));
    QVERIFY(anyNoteContains(pages, QStringLiteral("start_page and end_page dropped")));
    QVERIFY(anyNoteContains(pages, QStringLiteral("offset")));

    // A count given with total_results: the V2 name wins.
    QCOMPARE(paramsOf(convert("POST", QStringLiteral("/v1/network/invitations"),
                 json(R"({"total_results": 5, "count": 9})"))),
        json(R"({"count": 9})"));
}

void TstV1Converter::typesKept()
{
    const V2Conversion c = convert("POST", QStringLiteral("/v1/posts/search"),
        json(R"({"keyword": "ai", "total_results": 10, "offset": 0, "sales_nav": false,
                 "ratio": 0.5, "nothing": null, "tags": ["a", 1]})"));
    QCOMPARE(paramsOf(c),
        json(R"({"keyword": "ai", "count": 10, "offset": 0, "sales_nav": false, "ratio": 0.5,
                 "nothing": null, "tags": ["a", 1]})"));
    QVERIFY(paramsOf(c).value(QLatin1String("count")).isDouble());
    QVERIFY(paramsOf(c).value(QLatin1String("sales_nav")).isBool());
}

void TstV1Converter::login()
{
    const V2Conversion import = convert("POST", QStringLiteral("/v1/auth/login"),
        json(R"({"login_token": "%1", "country": "DE"})", { token }));
    QVERIFY(import.ok);
    QCOMPARE(import.body,
        json(R"({"platform": "linkedin", "login_token": "%1", "country": "DE"})", { token }));
    QVERIFY(!import.hasPlaceholder);
    QVERIFY(import.action.isEmpty());
    QVERIFY(anyNoteContains(import, QStringLiteral("account_id")));

    const V2Conversion noCountry = convert(
        "POST", QStringLiteral("/v1/auth/login"), json(R"({"login_token": "%1"})", { token }));
    QVERIFY(anyNoteContains(noCountry, QStringLiteral("Add country")));
    QVERIFY(!noCountry.body.contains(QLatin1String("country"))); // said, not guessed

    const V2Conversion fresh = convert("POST", QStringLiteral("/v1/auth/login"),
        json(R"({"email": "me@x.org", "password": "pw", "country": "FR", "plateforme": "x"})"));
    QCOMPARE(fresh.body,
        json(
            R"({"platform": "linkedin", "email": "me@x.org", "password": "pw", "country": "FR"})"));
    QVERIFY(anyNoteContains(fresh, QStringLiteral("/v2/checkpoint")));
}

void TstV1Converter::verify()
{
    const V2Conversion c = convert("POST", QStringLiteral("/v1/auth/verify"),
        json(R"({"email": "me@x.org", "code": "482910", "country": "FR"})"),
        [](const QString &) { return QStringLiteral("never-used"); });
    QVERIFY(c.ok);
    QCOMPARE(c.path, QStringLiteral("/v2/checkpoint"));
    QCOMPARE(c.body, json(R"({"account_id": "%1", "code": "482910"})", { placeholder }));
    QVERIFY(c.hasPlaceholder);
    QVERIFY(anyNoteContains(c, QStringLiteral("country and email dropped")));
    QVERIFY(anyNoteContains(c, QStringLiteral("/v2/login")));

    const V2Conversion noCode
        = convert("POST", QStringLiteral("/v1/auth/verify"), json(R"({"email": "me@x.org"})"));
    QCOMPARE(noCode.body, json(R"({"account_id": "%1"})", { placeholder }));
    QVERIFY(anyNoteContains(noCode, QStringLiteral("code is missing")));
}

void TstV1Converter::webhooks()
{
    const QString hooks = QStringLiteral("/v1/webhooks/accounts");
    const V2Conversion create = convert("POST", hooks,
        json(R"({"plateforme": "linkedin", "account_name": "Sales",
                 "webhook_url": "https:\/\/h.example/in", "login_token": "%1", "country": "FR",
                 "events": ["message_received"], "colour": "blue"})",
            { token }));
    QVERIFY(create.ok);
    QCOMPARE(create.body,
        json(R"({"account_id": "%1", "url": "https:\/\/h.example/in",
                 "events": ["message_received"]})",
            { placeholder }));
    QVERIFY(create.action.isEmpty());
    QVERIFY(anyNoteContains(create, QStringLiteral("plateforme and account_name dropped")));
    QVERIFY(anyNoteContains(create, QStringLiteral("webhook_url is now url")));
    QVERIFY(anyNoteContains(create, QStringLiteral("colour dropped")));

    const V2Conversion hosted = convert("POST", hooks,
        json(
            R"({"login_token": "t", "country": "FR", "events": "message_received, accepted_invitation"})"));
    QCOMPARE(hosted.body.value(QLatin1String("events")).toArray(),
        QJsonArray::fromStringList(words("message_received|accepted_invitation")));
    QVERIFY(!hosted.body.contains(QLatin1String("url")));
    QVERIFY(anyNoteContains(hosted, QStringLiteral("hosted")));

    const V2Conversion update = convert("PUT", hooks + QLatin1String("/6789abc/"),
        json(
            R"({"webhook_url": "https:\/\/new.example", "login_token": "t", "is_active": false})"));
    QCOMPARE(update.path, QStringLiteral("/v2/webhooks/6789abc"));
    QCOMPARE(update.body, json(R"({"url": "https:\/\/new.example", "is_active": false})"));

    const V2Conversion status
        = convert("GET", hooks + QLatin1String("/6789abc/status"), json(R"({"login_token": "t"})"));
    QCOMPARE(status.method, QByteArray("GET"));
    QCOMPARE(status.path, QStringLiteral("/v2/webhooks"));
    QVERIFY(status.body.isEmpty());
    QVERIFY(anyNoteContains(status, QStringLiteral("is_active")));
    QVERIFY(anyNoteContains(status, QStringLiteral("6789abc")));

    const V2Conversion stop = convert("POST", hooks + QLatin1String("/6789abc/stop"),
        json(R"({"login_token": "t", "country": "FR"})"));
    QCOMPARE(stop.path, QStringLiteral("/v2/webhooks/6789abc/stop"));
    QVERIFY(stop.body.isEmpty());
    QVERIFY(anyNoteContains(stop, QStringLiteral("login_token and country were removed")));
}

void TstV1Converter::enrich()
{
    bool asked = false;
    const V2Conversion c = convert("POST", QStringLiteral("/v1/data/mail/finder"),
        json(R"({"login_token": "t", "country": "FR", "first_name": "Ada",
                 "company_domain": "x.org", "linkedin_url": "u"})"),
        [&](const QString &) {
            asked = true;
            return QStringLiteral("acc_1");
        });
    QCOMPARE(c.body, json(R"({"action": "find_email", "params": {"first_name": "Ada",
                 "company_domain": "x.org", "profile_url": "u"}})"));
    QVERIFY(!asked); // an enrich call has no account: nothing to look up
    QVERIFY(!c.hasPlaceholder);
}

void TstV1Converter::lookup()
{
    QStringList asked;
    const AccountIdLookup journal = [&](const QString &t) {
        asked.append(t);
        return t == token ? QStringLiteral("69c127c37cae0494dd827286") : QString();
    };
    const V2Conversion known = convert("POST", QStringLiteral("/v1/profile/me"),
        json(R"({"login_token": "  %1\n", "country": "FR"})", { token }), journal);
    QCOMPARE(asked, QStringList { token }); // trimmed, as the journal hashed it
    QCOMPARE(known.body.value(QLatin1String("account_id")).toString(),
        QStringLiteral("69c127c37cae0494dd827286"));
    QVERIFY(!known.hasPlaceholder);
    QVERIFY(!known.toText().contains(placeholder));
    QVERIFY(!known.toText().contains(token));

    const V2Conversion unknown = convert(
        "POST", QStringLiteral("/v1/profile/me"), json(R"({"login_token": "other"})"), journal);
    QCOMPARE(unknown.body.value(QLatin1String("account_id")).toString(), placeholder);
    QVERIFY(unknown.hasPlaceholder);
    QVERIFY(anyNoteContains(unknown, QStringLiteral("POST /v2/login")));

    asked.clear();
    const V2Conversion noToken = convert("POST", QStringLiteral("/v1/profile/me"), {}, journal);
    QVERIFY(asked.isEmpty());
    QVERIFY(noToken.hasPlaceholder);
    QVERIFY(anyNoteContains(noToken, QStringLiteral("no login_token")));

    const V2Conversion webhook = convert("POST", QStringLiteral("/v1/webhooks/accounts"),
        json(R"({"login_token": "%1", "webhook_url": "https:\/\/h"})", { token }), journal);
    QCOMPARE(webhook.body.value(QLatin1String("account_id")).toString(),
        QStringLiteral("69c127c37cae0494dd827286"));
}

void TstV1Converter::methods()
{
    // V1 action endpoints were POST: another method still converts, with a note.
    const V2Conversion get = convert("get", QStringLiteral("/v1/profile/me"), {});
    QVERIFY(get.ok);
    QCOMPARE(get.method, QByteArray("POST"));
    QVERIFY(anyNoteContains(get, QStringLiteral("GET")));
    QVERIFY(convert("POST", QStringLiteral("/v1/profile/me"), {})
                .notes.filter(QStringLiteral("GET"))
                .isEmpty());

    // A path with two methods: a third one is not guessed.
    const V2Conversion put = convert("PUT", QStringLiteral("/v1/webhooks/accounts"), {});
    QVERIFY(!put.ok);
    QVERIFY2(put.error.contains(QStringLiteral("POST or GET")), qPrintable(put.error));
    const V2Conversion getOne = convert("GET", QStringLiteral("/v1/webhooks/accounts/42"), {});
    QVERIFY(!getOne.ok);
    QVERIFY2(getOne.error.contains(QStringLiteral("PUT or DELETE")), qPrintable(getOne.error));

    const V2Conversion start = convert("GET", QStringLiteral("/v1/webhooks/accounts/42/start"), {});
    QVERIFY(start.ok);
    QCOMPARE(start.method, QByteArray("POST"));
    QCOMPARE(start.path, QStringLiteral("/v2/webhooks/42/start"));
    QVERIFY(!start.notes.isEmpty());
}

void TstV1Converter::unknownEndpoints_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("words");
    const QString guide = QStringLiteral("not in the migration guide's mapping");
    QTest::newRow("unknown") << QStringLiteral("/v1/foo/bar") << guide;
    QTest::newRow("near miss") << QStringLiteral("/v1/network/connects") << guide;
    QTest::newRow("too deep") << QStringLiteral("/v1/profile/me/extra") << guide;
    QTest::newRow("tool") << QStringLiteral("/v1/tool/industries") << guide;
    QTest::newRow("v2") << QStringLiteral("/v2/network") << QStringLiteral("already a V2 request");
    QTest::newRow("v2 url") << QStringLiteral("https://api.linkupapi.com/v2/messages")
                            << QStringLiteral("already a V2 request");
    QTest::newRow("no version") << QStringLiteral("/profile/me") << QStringLiteral("not a V1 path");
}

void TstV1Converter::unknownEndpoints()
{
    QFETCH(QString, path);
    QFETCH(QString, words);
    const V2Conversion c = convert("POST", path, json(R"({"login_token": "t"})"));
    QVERIFY(!c.ok);
    QVERIFY2(c.error.contains(words), qPrintable(c.error));
    QVERIFY(c.path.isEmpty());
    QVERIFY(c.body.isEmpty());
    QVERIFY(c.toJson().contains(QLatin1String("error")));
}

QTEST_GUILESS_MAIN(TstV1Converter)
#include "tst_v1converter.moc"
