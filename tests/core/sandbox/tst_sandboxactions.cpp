// The action endpoints of the sandbox (messages, network, profiles, content): shapes, paging,
// persistent state changes and the credits of contract §1.9.
#include "sandbox/sandboxserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include "tst_sandboxhelpers.h"

using namespace ld::sandbox;

namespace {
QString s(const char *text)
{
    return QString::fromUtf8(text);
}
QJsonObject params(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}
} // namespace

class TestSandboxActions : public SandboxTestBase
{
    Q_OBJECT

    QJsonObject ok(const char *category, const char *action, const QJsonObject &p = {})
    {
        const Response r = act(s(category), s(action), p);
        [&] { QCOMPARE(r.status, 200); }();
        return r.data();
    }

private slots:
    void init() { startServer(); }
    void cleanup() { stopServer(); }

    void credits_data();
    void credits();
    void listInboxPaging();
    void remoteTextIsKeptVerbatim();
    void getConversationPaging();
    void sendMessage();
    void listConnectionsPaging();
    void invitationsReceived();
    void invitationsSent();
    void profiles();
    void searchPeople();
    void searchCompanies();
    void content();
};

// moc's preprocessor does not understand raw string literals inside macro arguments.
#ifndef Q_MOC_RUN

void TestSandboxActions::credits_data()
{
    QTest::addColumn<QString>("category");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<int>("credits");
    auto row = [](const char *name, const char *cat, const char *action, const char *p, int c) {
        QTest::newRow(name) << s(cat) << s(action) << QByteArray(p) << c;
    };
    row("list_inbox 10", "messages", "list_inbox", R"({"count":10})", 1);
    row("list_inbox 25", "messages", "list_inbox", R"({"count":25})", 3);
    row("list_inbox 5", "messages", "list_inbox", R"({"count":5})", 1);
    row("get_conversation", "messages", "get_conversation",
        R"({"profile_url":"https://www.linkedin.com/in/amelie-dubois-1000/"})", 1);
    row("send text", "messages", "send",
        R"({"profile_url":"https://www.linkedin.com/in/amelie-dubois-1000","message_text":"Hi"})",
        1);
    row("send media_link", "messages", "send",
        R"({"profile_url":"https://www.linkedin.com/in/amelie-dubois-1000","message_text":"Hi","media_link":"https://x.example/a.png"})",
        2);
    row("send media_file", "messages", "send",
        R"({"profile_url":"https://www.linkedin.com/in/amelie-dubois-1000","message_text":"Hi","media_file":{"data":"aGk=","filename":"a.txt"}})",
        2);
    row("invite", "network", "invite",
        R"({"profile_url":"https://www.linkedin.com/in/grace-hopper"})", 1);
    row("check_invitation", "network", "check_invitation",
        R"({"linkedin_url":"https://www.linkedin.com/in/grace-hopper"})", 1);
    row("list_connections 40", "network", "list_connections", R"({"count":50})", 1);
    row("list_connections 10", "network", "list_connections", R"({"count":10})", 1);
    row("list_invitations", "network", "list_invitations", R"({"count":12})", 1);
    row("list_sent", "network", "list_sent", R"({"count":25})", 1);
    row("search_people 2", "profiles", "search_people", R"({"total_results":2})", 2);
    row("search_companies", "profiles", "search_companies", R"({"count":5})", 1);
    row("get_me", "profiles", "get_me", "{}", 1);
    row("create", "content", "create", R"({"message":"Hello LinkedIn"})", 1);
    row("error costs nothing", "messages", "send", "{}", 0);
    row("unknown conversation costs nothing", "messages", "get_conversation",
        R"({"conversation_id":"2-nope"})", 0);
}

void TestSandboxActions::credits()
{
    QFETCH(QString, category);
    QFETCH(QString, action);
    QFETCH(QByteArray, params);
    QFETCH(int, credits);
    const qint64 balance = server->creditBalance();
    const Response r = act(category, action, QJsonDocument::fromJson(params).object());
    QCOMPARE(r.credits(), credits);
    QCOMPARE(server->creditsCharged(), credits);
    QCOMPARE(server->creditBalance(), balance - credits);
}

void TestSandboxActions::listInboxPaging()
{
    QSet<QString> seen;
    QString cursor;
    qint64 lastTime = std::numeric_limits<qint64>::max();
    int pages = 0;
    do {
        QJsonObject p { { s("count"), 10 } };
        if (!cursor.isEmpty())
            p.insert(s("cursor"), cursor);
        const QJsonObject d = ok("messages", "list_inbox", p);
        const QJsonArray conversations = d.value(s("conversations")).toArray();
        QCOMPARE(d.value(s("total_results")).toInt(), conversations.size());
        for (const QJsonValue &v : conversations) {
            const QJsonObject c = v.toObject();
            const QString id = c.value(s("conversation_id")).toString();
            QVERIFY(id.startsWith(s("urn:li:msg_conversation:(urn:li:fsd_profile:")));
            QVERIFY(!seen.contains(id));
            seen << id;
            QVERIFY(
                !c.value(s("participant")).toObject().value(s("profile_url")).toString().isEmpty());
            const QJsonObject last = c.value(s("last_message")).toObject();
            QVERIFY(last.value(s("time")).isDouble());
            QVERIFY(qint64(last.value(s("time")).toDouble()) <= lastTime);
            lastTime = qint64(last.value(s("time")).toDouble());
            QVERIFY(last.value(s("sender")).toObject().value(s("is_me")).isBool());
            QCOMPARE(c.value(s("type")).toString(), s("normal"));
        }
        cursor = d.value(s("next_cursor")).toString();
        ++pages;
    } while (!cursor.isEmpty() && pages < 10);
    QCOMPARE(pages, 3);
    QCOMPARE(seen.size(), 30);
    QCOMPARE(
        act(s("messages"), s("list_inbox"), params(R"({"cursor":"not a cursor!"})")).status, 400);
    QCOMPARE(act(s("messages"), s("list_inbox"), params(R"({"count":"ten"})")).status, 400);
    QVERIFY(ok("messages", "list_inbox", params(R"({"unread_only":true,"count":100})"))
                .value(s("conversations"))
                .toArray()
                .size()
        < 30);
}

void TestSandboxActions::remoteTextIsKeptVerbatim()
{
    const QJsonArray conversations = ok("messages", "list_inbox", params(R"({"count":30})"))
                                         .value(s("conversations"))
                                         .toArray();
    bool found = false;
    for (const QJsonValue &v : conversations)
        found = found
            || v.toObject().value(s("last_message")).toObject().value(s("text")).toString()
                == s(R"(<b>bold</b> <img src=x> <a href="http://x">link</a>)");
    QVERIFY(found);
}

void TestSandboxActions::getConversationPaging()
{
    // The most recent conversation of the primary account holds 55 messages.
    const QJsonObject first = ok("messages", "list_inbox", params(R"({"count":1})"))
                                  .value(s("conversations"))
                                  .toArray()
                                  .first()
                                  .toObject();
    const QString id = first.value(s("conversation_id")).toString();
    QSet<QString> urns;
    QString cursor;
    qint64 previous = std::numeric_limits<qint64>::max();
    int calls = 0;
    do {
        QJsonObject p { { s("conversation_id"), id }, { s("count"), 20 } };
        if (!cursor.isEmpty())
            p.insert(s("cursor"), cursor);
        const QJsonObject d = ok("messages", "get_conversation", p);
        QCOMPARE(d.value(s("total_message_count")).toInt(), 55);
        QVERIFY(d.value(s("last_seen_message")).isBool());
        for (const QJsonValue &v : d.value(s("messages")).toArray()) {
            const QJsonObject m = v.toObject();
            const qint64 t = qint64(m.value(s("timestamp")).toDouble());
            QVERIFY(t < previous); // newest first
            previous = t;
            urns << m.value(s("entity_urn")).toString();
            QVERIFY(m.value(s("sender_info")).toObject().contains(s("profile_url")));
            QVERIFY(!m.value(s("message_type")).toString().isEmpty());
        }
        cursor = d.value(s("next_cursor")).toString();
        if (!cursor.isEmpty())
            QCOMPARE(cursor, QString::number(previous)); // ms epoch as a string
        ++calls;
    } while (!cursor.isEmpty() && calls < 10);
    QCOMPARE(calls, 3);
    QCOMPARE(urns.size(), 55);
    QCOMPARE(server->creditsCharged(), 1 + 3);
    const QString byProfile
        = first.value(s("participant")).toObject().value(s("profile_url")).toString();
    QCOMPARE(ok("messages", "get_conversation", { { s("profile_url"), byProfile } })
                 .value(s("total_message_count"))
                 .toInt(),
        55);
    QCOMPARE(act(s("messages"), s("get_conversation"),
                 params(R"({"conversation_id":"x","cursor":"yesterday"})"))
                 .status,
        400);
}

void TestSandboxActions::sendMessage()
{
    const Response r = act(s("messages"), s("send"),
        params(
            R"({"profile_url":"https://www.linkedin.com/in/new-prospect-42","message_text":"Hello there"})"));
    QCOMPARE(r.status, 200);
    const QString thread = r.data().value(s("conversation_id")).toString();
    QVERIFY(thread.startsWith(s("2-")));
    QVERIFY(r.data().value(s("entityUrn")).toString().startsWith(s("urn:li:messagingMessage:")));
    QVERIFY(zuluTime().match(r.data().value(s("deliveredAt")).toString()).hasMatch());
    // The short id from send finds the thread, and the inbox shows it on top.
    const QJsonObject conv
        = ok("messages", "get_conversation", { { s("conversation_id"), thread } });
    QCOMPARE(conv.value(s("messages")).toArray().first().toObject().value(s("text")).toString(),
        s("Hello there"));
    const QJsonObject top = ok("messages", "list_inbox", params(R"({"count":1})"))
                                .value(s("conversations"))
                                .toArray()
                                .first()
                                .toObject();
    QVERIFY(top.value(s("conversation_id"))
                .toString()
                .endsWith(QLatin1Char(',') + thread + QLatin1Char(')')));
    QCOMPARE(top.value(s("participant")).toObject().value(s("name")).toString(), s("New Prospect"));
    QVERIFY(top.value(s("last_message"))
                .toObject()
                .value(s("sender"))
                .toObject()
                .value(s("is_me"))
                .toBool());

    const Response missing = act(
        s("messages"), s("send"), params(R"({"profile_url":"https://www.linkedin.com/in/x"})"));
    QCOMPARE(missing.status, 400);
    QVERIFY(errorMessage(missing).contains(s("message_text")));
    const Response gone = act(s("messages"), s("send"),
        params(
            R"({"profile_url":"https://www.linkedin.com/in/deleted-member","message_text":"x"})"));
    QCOMPARE(gone.status, 400);
    verifyError(gone, "INVALID_PARAMS");
}

void TestSandboxActions::listConnectionsPaging()
{
    const QJsonObject d = ok("network", "list_connections", params(R"({"count":10,"offset":0})"));
    QCOMPARE(d.value(s("connections")).toArray().size(), 10);
    QCOMPARE(d.value(s("total_available_results")).toInt(), 40);
    const QJsonObject page = d.value(s("pagination")).toObject();
    QCOMPARE(page.value(s("offset")).toInt(), 0);
    QCOMPARE(page.value(s("count")).toInt(), 10);
    QCOMPARE(page.value(s("next_offset")).toInt(), 10);
    QCOMPARE(page.value(s("has_more")).toBool(), true);
    QVERIFY(page.contains(s("results_per_page")));
    QVERIFY(page.contains(s("pages_fetched")));
    const QJsonObject c = d.value(s("connections")).toArray().first().toObject();
    for (const char *key : { "name", "job_title", "profile_url", "profile_picture" })
        QVERIFY2(c.value(QLatin1String(key)).isString(), key);
    const QJsonObject last
        = ok("network", "list_connections", params(R"({"count":50,"offset":30})"));
    QCOMPARE(last.value(s("connections")).toArray().size(), 10);
    QCOMPARE(last.value(s("pagination")).toObject().value(s("has_more")).toBool(true), false);
}

void TestSandboxActions::invitationsReceived()
{
    const QJsonObject d = ok("network", "list_invitations", params(R"({"count":100})"));
    const QJsonArray invitations = d.value(s("invitations")).toArray();
    QCOMPARE(invitations.size(), 12);
    int minDays = 99, maxDays = -1;
    for (const QJsonValue &v : invitations) {
        const int days = v.toObject().value(s("sent_time_days")).toInt();
        minDays = qMin(minDays, days);
        maxDays = qMax(maxDays, days);
        QVERIFY(v.toObject().value(s("sender")).toObject().contains(s("profile_picture_url")));
    }
    QVERIFY(minDays == 0 && maxDays >= 50 && maxDays <= 60);
    const QJsonObject inv = invitations.first().toObject();
    QVERIFY(inv.value(s("entity_urn")).toString().startsWith(s("urn:li:invitation:")));
    const QJsonObject answer { { s("entity_urn"), inv.value(s("entity_urn")) },
        { s("shared_secret"), inv.value(s("shared_secret")) } };
    QCOMPARE(
        act(s("network"), s("accept"),
            { { s("entity_urn"), inv.value(s("entity_urn")) }, { s("shared_secret"), s("wrong") } })
            .status,
        400);
    const Response accepted = act(s("network"), s("accept"), answer);
    QCOMPARE(accepted.status, 200);
    QCOMPARE(accepted.credits(), 1);
    QCOMPARE(act(s("network"), s("accept"), answer).status, 400); // gone from the list
    QCOMPARE(ok("network", "list_invitations").value(s("total_available_results")).toInt(), 11);
    QCOMPARE(ok("network", "list_connections").value(s("total_available_results")).toInt(), 41);
    const QJsonObject second
        = ok("network", "list_invitations").value(s("invitations")).toArray().first().toObject();
    QCOMPARE(act(s("network"), s("decline"),
                 { { s("entity_urn"), second.value(s("entity_urn")) },
                     { s("shared_secret"), second.value(s("shared_secret")) } })
                 .status,
        200);
    QCOMPARE(ok("network", "list_invitations").value(s("total_available_results")).toInt(), 10);
    QCOMPARE(ok("network", "list_connections").value(s("total_available_results")).toInt(), 41);
}

void TestSandboxActions::invitationsSent()
{
    const QJsonObject before = ok("network", "list_sent", params(R"({"count":100})"));
    QCOMPARE(before.value(s("total_available_results")).toInt(), 25);
    QCOMPARE(before.value(s("invitation_type")).toString(), s("CONNECTION"));
    const QJsonObject item = before.value(s("invitations")).toArray().first().toObject();
    QVERIFY(!item.contains(s("invitation_id")));
    QVERIFY(item.value(s("recipient")).toObject().contains(s("profile_picture")));

    const QJsonObject target { { s("linkedin_url"),
        s("https://www.linkedin.com/in/grace-hopper-1906/") } };
    const QJsonObject invited = ok("network", "invite",
        { { s("profile_url"), target.value(s("linkedin_url")) }, { s("message"), s("Hi Grace") } });
    QCOMPARE(invited.value(s("first_name")).toString(), s("Grace"));
    QCOMPARE(invited.value(s("public_identifier")).toString(), s("grace-hopper-1906"));
    QVERIFY(invited.value(s("invitation_urn")).toString().startsWith(s("urn:li:invitation:")));
    const Response duplicate = act(s("network"), s("invite"), target);
    QCOMPARE(duplicate.status, 400);
    QVERIFY(errorMessage(duplicate).contains(s("already pending")));
    const QJsonObject after = ok("network", "list_sent", params(R"({"count":1})"));
    QCOMPARE(after.value(s("total_available_results")).toInt(), 26);
    QCOMPARE(after.value(s("invitations"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(s("sent_time_days"))
                 .toInt(),
        0);

    const QJsonObject pending = ok("network", "check_invitation", target);
    QCOMPARE(pending.value(s("invitation_state")).toString(), s("PENDING"));
    QCOMPARE(pending.value(s("invitation_type")).toString(), s("SENT"));
    const QString invitationId = pending.value(s("invitation_id")).toString();
    QVERIFY(!invitationId.isEmpty());
    const QJsonObject withdrawn
        = ok("network", "withdraw", { { s("invitation_id"), invitationId } });
    QCOMPARE(withdrawn.value(s("withdrawn")).toBool(), true);
    QCOMPARE(withdrawn.value(s("invitation_id")).toString(), invitationId);
    QCOMPARE(
        act(s("network"), s("withdraw"), { { s("invitation_id"), invitationId } }).status, 400);
    QCOMPARE(ok("network", "list_sent").value(s("total_available_results")).toInt(), 25);
    const QJsonObject none = ok("network", "check_invitation", target);
    QCOMPARE(none.value(s("invitation_state")).toString(), s("NO_INVITATION"));
    QVERIFY(none.value(s("invitation_id")).isNull());

    const QString connected = ok("network", "list_connections")
                                  .value(s("connections"))
                                  .toArray()
                                  .first()
                                  .toObject()
                                  .value(s("profile_url"))
                                  .toString();
    QCOMPARE(ok("network", "check_invitation", { { s("profile_url"), connected } })
                 .value(s("invitation_state"))
                 .toString(),
        s("ACCEPTED"));
    QCOMPARE(act(s("network"), s("invite"), { { s("profile_url"), connected } }).status, 400);
    QCOMPARE(
        act(s("network"), s("invite"), params(R"({"profile_url":"https://example.com/nobody"})"))
            .status,
        400);
    // Notes are counted in characters as people see them: 300 emoji fit, 301 do not.
    const QString wave = QString::fromUtf8("\xF0\x9F\x91\x8B");
    QCOMPARE(act(s("network"), s("invite"),
                 { { s("profile_url"), s("https://www.linkedin.com/in/emoji-fan-1") },
                     { s("message"), wave.repeated(301) } })
                 .status,
        400);
    QCOMPARE(act(s("network"), s("invite"),
                 { { s("profile_url"), s("https://www.linkedin.com/in/emoji-fan-1") },
                     { s("message"), wave.repeated(300) } })
                 .status,
        200);
}

void TestSandboxActions::profiles()
{
    const QJsonObject me = ok("profiles", "get_me");
    QCOMPARE(me.value(s("first_name")).toString(), s("Camille"));
    const QJsonObject other
        = ok("profiles", "get", params(R"({"identifier":"amelie-dubois-1000"})"));
    QCOMPARE(other.value(s("last_name")).toString(), s("Dubois"));
    QCOMPARE(ok("profiles", "get", { { s("profile_urn"), other.value(s("profile_urn")) } })
                 .value(s("public_id"))
                 .toString(),
        s("amelie-dubois-1000"));
    QCOMPARE(
        act(s("profiles"), s("get"), params(R"({"identifier":"deleted-someone"})")).status, 400);
    const Response none = act(s("profiles"), s("get"), {});
    QCOMPARE(none.status, 400);
    QVERIFY(errorMessage(none).contains(s("profile_url")));
    QVERIFY(ok("profiles", "get_contact",
        params(R"({"profile_url":"https://www.linkedin.com/in/amelie-dubois-1000"})"))
                .value(s("email"))
                .isString());
    QCOMPARE(ok("profiles", "get_company",
                 params(R"({"company_url":"https://www.linkedin.com/company/acme-robotics"})"))
                 .value(s("name"))
                 .toString(),
        s("Acme Robotics"));
}

void TestSandboxActions::searchPeople()
{
    const Response paris = act(
        s("profiles"), s("search_people"), params(R"({"location":["Paris"],"total_results":5})"));
    QCOMPARE(paris.status, 200);
    const QJsonArray results = paris.data().value(s("results")).toArray();
    QCOMPARE(results.size(), 5);
    QCOMPARE(paris.credits(), 5);
    QVERIFY(paris.data().value(s("total_available_results")).toInt() >= 5);
    for (const QJsonValue &v : results) {
        QVERIFY(v.toObject().value(s("location")).toString().contains(s("Paris")));
        QVERIFY(v.toObject()
                    .value(s("linkedin_url"))
                    .toString()
                    .startsWith(s("https://www.linkedin.com/in/")));
    }
    const Response v1Style
        = act(s("profiles"), s("search_people"), params(R"({"location":"Paris;Berlin"})"));
    QCOMPARE(v1Style.status, 400);
    QVERIFY(errorMessage(v1Style).contains(s("array")));
    const QJsonObject first = ok("profiles", "search_people",
        params(R"({"network":["F"],"fetch_invitation_state":true,"count":40})"));
    QCOMPARE(first.value(s("total_available_results")).toInt(), 40);
    for (const QJsonValue &v : first.value(s("results")).toArray())
        QCOMPARE(v.toObject().value(s("invitation_state")).toString(), s("CONNECTED"));
    QCOMPARE(
        act(s("profiles"), s("search_people"), params(R"({"network":["first"]})")).status, 400);
}

void TestSandboxActions::searchCompanies()
{
    const QJsonObject d
        = ok("profiles", "search_companies", params(R"({"company_size":["201-500"]})"));
    const QJsonArray results = d.value(s("results")).toArray();
    QVERIFY(!results.isEmpty());
    for (const QJsonValue &v : results)
        QCOMPARE(v.toObject().value(s("company_size")).toString(), s("201-500"));
    QCOMPARE(
        act(s("profiles"), s("search_companies"), params(R"({"company_size":["huge"]})")).status,
        400);
}

void TestSandboxActions::content()
{
    const QJsonObject post
        = ok("content", "create", params(R"({"message":"Shipping LinkUp Desk today"})"));
    QVERIFY(post.value(s("post_urn")).toString().startsWith(s("urn:li:activity:")));
    QVERIFY(post.value(s("post_url")).toString().contains(post.value(s("post_urn")).toString()));
    QCOMPARE(act(s("content"), s("create"), {}).status, 400);
    QCOMPARE(
        act(s("content"), s("create"), params(R"({"message":"x","file":"not-an-object"})")).status,
        400);
    QCOMPARE(ok("content", "create",
                 params(R"({"files":[{"filename":"a.png","data":"aGk=","altText":"a"}]})"))
                 .contains(s("post_urn")),
        true);
    QCOMPARE(act(s("content"), s("create_company"),
                 params(R"({"company_url":"https://www.linkedin.com/company/nope","message":"x"})"))
                 .status,
        400);
    QVERIFY(ok("content", "create_company",
        params(
            R"({"company_url":"https://www.linkedin.com/company/quokka-labs","message":"We are hiring"})"))
                .contains(s("post_url")));

    const QJsonObject p { { s("post_url"), post.value(s("post_url")) }, { s("count"), 2 } };
    const QJsonObject comments = ok("content", "get_comments", p);
    QCOMPARE(comments.value(s("comments")).toArray().size(), 2);
    QVERIFY(comments.value(s("pagination")).toObject().contains(s("has_more")));
    QVERIFY(comments.value(s("comments")).toArray().first().toObject().contains(s("author")));
    const QJsonObject reactions = ok("content", "get_reactions", p);
    QVERIFY(!reactions.value(s("reactions"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(s("reaction_type"))
                 .toString()
                 .isEmpty());
    QCOMPARE(act(s("content"), s("get_comments"), params(R"({"post_url":"hello"})")).status, 400);
}

#endif // Q_MOC_RUN

QTEST_GUILESS_MAIN(TestSandboxActions)
#include "tst_sandboxactions.moc"
