// The sandbox's inbox knobs for the issue-3 tests: the form of the last page's next_cursor,
// long seeded conversations, an empty inbox, hostile names in the seed, attachments on send,
// and a message just sent being found at once (what the outbox verifies with).
#include "tst_sandboxhelpers.h"

#include <QJsonArray>
#include <QSet>

using ld::sandbox::CursorEnd;
using ld::sandbox::Seeds;

Q_DECLARE_METATYPE(ld::sandbox::CursorEnd)

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QJsonObject params(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestSandboxInbox : public SandboxTestBase
{
    Q_OBJECT
private:
    QJsonObject ok(const char *action, const QJsonObject &p,
        const QString &account = Seeds::primaryAccountId())
    {
        const Response r = act(s("messages"), s(action), p, account);
        if (r.status != 200)
            qWarning() << r.body;
        return r.data();
    }

private Q_SLOTS:
    void init() { startServer(); }
    void cleanup() { stopServer(); }

    void cursorEnd_data();
    void cursorEnd();
    void addConversation();
    void longConversationPagesByTime();
    void addConversationToUnknownAccount();
    void clearInbox();
    void hostileNamesInTheSeed();
    void sendWithMediaFile();
    void sendWithMediaLink();
    void badMediaFileCostsNothing_data();
    void badMediaFileCostsNothing();
    void messagesSentBackToBackAreAllFound();
};

void TestSandboxInbox::cursorEnd_data()
{
    QTest::addColumn<CursorEnd>("style");
    QTest::addColumn<QJsonValue>("inboxEnd");
    QTest::addColumn<QJsonValue>("conversationEnd");
    const QJsonValue missing(QJsonValue::Undefined);
    QTest::newRow("default") << CursorEnd::Default << missing << QJsonValue(QString());
    QTest::newRow("missing") << CursorEnd::Missing << missing << missing;
    QTest::newRow("empty") << CursorEnd::Empty << QJsonValue(QString()) << QJsonValue(QString());
    QTest::newRow("null") << CursorEnd::Null << QJsonValue(QJsonValue::Null)
                          << QJsonValue(QJsonValue::Null);
}

void TestSandboxInbox::cursorEnd()
{
    QFETCH(CursorEnd, style);
    QFETCH(QJsonValue, inboxEnd);
    QFETCH(QJsonValue, conversationEnd);
    server->setCursorEndStyle(style);
    // Not the last page: a real cursor whatever the style.
    const QJsonObject first = ok("list_inbox", params(R"({"count":10})"));
    QVERIFY(!first.value(s("next_cursor")).toString().isEmpty());
    const QJsonObject last = ok("list_inbox", params(R"({"count":100})"));
    QCOMPARE(last.value(s("conversations")).toArray().size(), 30);
    QCOMPARE(last.value(s("next_cursor")), inboxEnd);

    const QString id = last.value(s("conversations"))
                           .toArray()
                           .first()
                           .toObject()
                           .value(s("conversation_id"))
                           .toString();
    const QJsonObject older
        = ok("get_conversation", QJsonObject { { s("conversation_id"), id }, { s("count"), 1 } });
    QVERIFY(!older.value(s("next_cursor")).toString().isEmpty());
    const QJsonObject all
        = ok("get_conversation", QJsonObject { { s("conversation_id"), id }, { s("count"), 100 } });
    QCOMPARE(all.value(s("next_cursor")), conversationEnd);
}

void TestSandboxInbox::addConversation()
{
    const QString name = s("Maya 👩‍💻 Okafor");
    const QString id = server->addConversation(Seeds::primaryAccountId(), name, 7, 1000);
    QVERIFY(id.startsWith(s("urn:li:msg_conversation:(urn:li:fsd_profile:")));
    // Newest of the inbox, named verbatim.
    const QJsonObject top = ok("list_inbox", params(R"({"count":1})"))
                                .value(s("conversations"))
                                .toArray()
                                .first()
                                .toObject();
    QCOMPARE(top.value(s("conversation_id")).toString(), id);
    QCOMPARE(top.value(s("participant")).toObject().value(s("name")).toString(), name);
    QCOMPARE(top.value(s("unread")).toInt(), 1);
    const QJsonObject conv
        = ok("get_conversation", QJsonObject { { s("conversation_id"), id }, { s("count"), 100 } });
    QCOMPARE(conv.value(s("total_message_count")).toInt(), 7);
    const QJsonArray messages = conv.value(s("messages")).toArray();
    QCOMPARE(messages.size(), 7);
    for (const QJsonValue &v : messages)
        QCOMPARE(v.toObject().value(s("text")).toString().size(), 1000);
    QCOMPARE(messages.first().toObject().value(s("sender")).toString(), name); // theirs last
    QVERIFY(
        messages.first().toObject().value(s("text")).toString().startsWith(s("Message 7 of 7")));
}

void TestSandboxInbox::longConversationPagesByTime()
{
    const QString id = server->addConversation(Seeds::primaryAccountId(), s("ليلى حداد"), 10000);
    QSet<QString> urns;
    QString cursor;
    int calls = 0;
    do {
        QJsonObject p { { s("conversation_id"), id }, { s("count"), 100 } };
        if (!cursor.isEmpty())
            p.insert(s("cursor"), cursor);
        const QJsonObject d = ok("get_conversation", p);
        for (const QJsonValue &v : d.value(s("messages")).toArray())
            urns << v.toObject().value(s("entity_urn")).toString();
        cursor = d.value(s("next_cursor")).toString();
        ++calls;
    } while (!cursor.isEmpty() && calls <= 100);
    QCOMPARE(calls, 100);
    QCOMPARE(urns.size(), 10000);
    QCOMPARE(server->creditsCharged(), 100);
}

void TestSandboxInbox::addConversationToUnknownAccount()
{
    QVERIFY(server->addConversation(s("no-such-account"), s("X"), 3).isEmpty());
}

void TestSandboxInbox::clearInbox()
{
    const QString other = Seeds::accountIds().at(1);
    server->clearInbox(Seeds::primaryAccountId());
    const Response r = act(s("messages"), s("list_inbox"), params(R"({"count":25})"));
    QCOMPARE(r.status, 200);
    QVERIFY(r.data().value(s("conversations")).toArray().isEmpty());
    QVERIFY(!r.data().contains(s("next_cursor")));
    QCOMPARE(r.credits(), 0);
    QCOMPARE(ok("list_inbox", params(R"({"count":5})"), other)
                 .value(s("conversations"))
                 .toArray()
                 .size(),
        5);
    // A new message after clearing starts a thread again.
    ok("send",
        params(
            R"({"profile_url":"https://www.linkedin.com/in/amelie-dubois-1000","message_text":"Hi"})"));
    QCOMPARE(
        ok("list_inbox", params(R"({"count":25})")).value(s("conversations")).toArray().size(), 1);
}

void TestSandboxInbox::hostileNamesInTheSeed()
{
    QStringList names;
    for (const QJsonValue &v :
        ok("list_inbox", params(R"({"count":30})")).value(s("conversations")).toArray())
        names << v.toObject().value(s("participant")).toObject().value(s("name")).toString();
    QVERIFY(names.contains(s("Maya 👩‍💻 Okafor 🚀")));
    QVERIFY(names.contains(s("ليلى حداد")));
    QVERIFY(names.contains(s("נועה כהן (Noa Cohen)")));
}

void TestSandboxInbox::sendWithMediaFile()
{
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0data"; // embedded NULs: size from the array
    const QByteArray bytes(png, sizeof(png) - 1);
    const QJsonObject body { { s("profile_url"),
                                 s("https://www.linkedin.com/in/amelie-dubois-1000") },
        { s("message_text"), s("Photo attached") },
        { s("media_file"),
            QJsonObject { { s("data"), QString::fromLatin1(bytes.toBase64()) },
                { s("filename"), s("photo 1.png") } } } };
    const Response r = act(s("messages"), s("send"), body);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.credits(), 2);
    const QString thread = r.data().value(s("conversation_id")).toString();
    const QJsonObject m = ok(
        "get_conversation", QJsonObject { { s("conversation_id"), thread }, { s("count"), 1 } })
                              .value(s("messages"))
                              .toArray()
                              .first()
                              .toObject();
    QCOMPARE(m.value(s("text")).toString(), s("Photo attached"));
    const QJsonObject a = m.value(s("attachments")).toArray().first().toObject();
    QCOMPARE(a.value(s("name")).toString(), s("photo 1.png"));
    QCOMPARE(a.value(s("mime_type")).toString(), s("image/png"));
    QCOMPARE(a.value(s("size")).toInt(), bytes.size());
    QVERIFY(a.value(s("url")).toString().startsWith(s("https://")));
}

void TestSandboxInbox::sendWithMediaLink()
{
    const Response r = act(s("messages"), s("send"),
        params(
            R"({"profile_url":"https://www.linkedin.com/in/amelie-dubois-1000","message_text":"Link",
                   "media_link":"https://x.example/files/brochure.pdf",
                   "media_file":{"data":"aGk=","filename":"ignored.txt"}})"));
    QCOMPARE(r.credits(), 2);
    const QJsonObject a = ok("get_conversation",
        QJsonObject { { s("conversation_id"), r.data().value(s("conversation_id")) } })
                              .value(s("messages"))
                              .toArray()
                              .first()
                              .toObject()
                              .value(s("attachments"))
                              .toArray()
                              .first()
                              .toObject();
    QCOMPARE(a.value(s("name")).toString(), s("brochure.pdf")); // media_link wins (§3.1)
    QCOMPARE(a.value(s("url")).toString(), s("https://x.example/files/brochure.pdf"));
}

void TestSandboxInbox::badMediaFileCostsNothing_data()
{
    QTest::addColumn<QByteArray>("mediaFile");
    QTest::addColumn<QString>("problem");
    QTest::newRow("not base64") << QByteArray(R"({"data":"%%%","filename":"a.txt"})")
                                << s("base64");
    QTest::newRow("empty data") << QByteArray(R"({"data":"","filename":"a.txt"})") << s("base64");
    QTest::newRow("no filename") << QByteArray(R"({"data":"aGk="})") << s("{data, filename}");
    QTest::newRow("data a number")
        << QByteArray(R"({"data":5,"filename":"a"})") << s("{data, filename}");
    QTest::newRow("not an object") << QByteArray(R"("aGk=")") << s("media_file");
}

void TestSandboxInbox::badMediaFileCostsNothing()
{
    QFETCH(QByteArray, mediaFile);
    QFETCH(QString, problem);
    const QByteArray body = R"({"profile_url":"https://www.linkedin.com/in/amelie-dubois-1000",)"
                            R"("message_text":"x","media_file":)"
        + mediaFile + "}";
    const Response r = act(s("messages"), s("send"), QJsonDocument::fromJson(body).object());
    QCOMPARE(r.status, 400);
    verifyError(r, "INVALID_PARAMS");
    QVERIFY2(errorMessage(r).contains(problem), qPrintable(errorMessage(r)));
    QCOMPARE(server->creditsCharged(), 0);
}

void TestSandboxInbox::messagesSentBackToBackAreAllFound()
{
    const QJsonObject p = params(
        R"({"profile_url":"https://www.linkedin.com/in/amelie-dubois-1000","message_text":"one"})");
    const QString thread
        = act(s("messages"), s("send"), p).data().value(s("conversation_id")).toString();
    QJsonObject second = p;
    second.insert(s("message_text"), s("two"));
    act(s("messages"), s("send"), second);
    // Each message has its own time, so paging one by one by cursor loses neither.
    const QJsonObject newest = ok(
        "get_conversation", QJsonObject { { s("conversation_id"), thread }, { s("count"), 1 } });
    QCOMPARE(newest.value(s("messages")).toArray().first().toObject().value(s("text")).toString(),
        s("two"));
    const QJsonObject before = ok("get_conversation",
        QJsonObject { { s("conversation_id"), thread }, { s("count"), 1 },
            { s("cursor"), newest.value(s("next_cursor")) } });
    QCOMPARE(before.value(s("messages")).toArray().first().toObject().value(s("text")).toString(),
        s("one"));
}

QTEST_GUILESS_MAIN(TestSandboxInbox)
#include "tst_sandboxinbox.moc"
