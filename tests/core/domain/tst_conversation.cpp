// Decoding of contract §3 (list_inbox, get_conversation, send): the three end-of-list forms,
// ids and cursors given as numbers, wrong types reported with their JSON path, and hostile
// remote text (huge, emoji, right-to-left, markup) kept verbatim.
#include "domain/conversation.h"
#include "testjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ld;

class TestConversation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void inboxEndOfList_data();
    void inboxEndOfList();
    void conversationCursor_data();
    void conversationCursor();
    void inboxFromContractExample();
    void conversationPageFromContractExample();
    void numberIdsKeptInFull();
    void wrongTypesNamePath_data();
    void wrongTypesNamePath();
    void missingOptionalFields();
    void hostileTextKeptVerbatim_data();
    void hostileTextKeptVerbatim();
    void hugeMessageText();
    void senderForms();
    void attachments();
    void unreadAsBoolean();
    void sentMessage_data();
    void sentMessage();
    void personPictureKeys_data();
    void personPictureKeys();
};

void TestConversation::inboxEndOfList_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("cursor");
    QTest::newRow("missing") << QByteArray(R"({"conversations":[]})") << QString();
    QTest::newRow("empty") << QByteArray(R"({"conversations":[],"next_cursor":""})") << QString();
    QTest::newRow("null") << QByteArray(R"({"conversations":[],"next_cursor":null})") << QString();
    QTest::newRow("more") << QByteArray(R"({"conversations":[],"next_cursor":"aW5ib3g6MTA"})")
                          << s("aW5ib3g6MTA");
}

void TestConversation::inboxEndOfList()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, cursor);
    const Decoded<InboxPage> page = InboxPage::fromJson(parse(json));
    QVERIFY2(page.ok(), qPrintable(page.error));
    QCOMPARE(page.value.nextCursor, cursor);
    QCOMPARE(page.value.hasMore(), !cursor.isEmpty());
    QCOMPARE(page.value.totalResults, 0);
}

void TestConversation::conversationCursor_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("cursor");
    QTest::newRow("missing") << QByteArray(R"({"messages":[]})") << QString();
    QTest::newRow("empty") << QByteArray(R"({"messages":[],"next_cursor":""})") << QString();
    QTest::newRow("null") << QByteArray(R"({"messages":[],"next_cursor":null})") << QString();
    QTest::newRow("ms string") << QByteArray(R"({"messages":[],"next_cursor":"1777146285823"})")
                               << s("1777146285823");
    QTest::newRow("ms number") << QByteArray(R"({"messages":[],"next_cursor":1777146285823})")
                               << s("1777146285823");
}

void TestConversation::conversationCursor()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, cursor);
    const Decoded<ConversationPage> page = ConversationPage::fromJson(parse(json));
    QVERIFY2(page.ok(), qPrintable(page.error));
    QCOMPARE(page.value.nextCursor, cursor);
    QCOMPARE(page.value.hasMore(), !cursor.isEmpty());
}

void TestConversation::inboxFromContractExample()
{
    const Decoded<InboxPage> page = InboxPage::fromJson(parse(R"J({
        "conversations": [{
            "conversation_id": "urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAB,2-YWJj)",
            "participant": {"name": "Amélie Dubois", "headline": "CTO at Acme",
                            "profile_url": "https://www.linkedin.com/in/amelie/",
                            "profile_picture": "https://media.licdn.com/a.jpg"},
            "last_message": {"text": "See you Tuesday", "time": 1777147641366,
                             "sender": {"name": "Camille Laurent", "is_me": true,
                                        "profile_url": "https://www.linkedin.com/in/camille/"}},
            "unread": 2, "type": "normal", "future_field": [1, 2]
        }],
        "total_results": 1, "next_cursor": "abc"})J"));
    QVERIFY2(page.ok(), qPrintable(page.error));
    QCOMPARE(page.value.totalResults, 1);
    QCOMPARE(page.value.conversations.size(), 1);
    const Conversation &c = page.value.conversations.first();
    QCOMPARE(c.id, s("urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAB,2-YWJj)"));
    QCOMPARE(c.participant.name, s("Amélie Dubois"));
    QCOMPARE(c.participant.headline, s("CTO at Acme"));
    QCOMPARE(c.participant.profileUrl, s("https://www.linkedin.com/in/amelie/"));
    QCOMPARE(c.participant.pictureUrl, s("https://media.licdn.com/a.jpg"));
    QVERIFY(!c.participant.isMe);
    QCOMPARE(c.lastText, s("See you Tuesday"));
    QCOMPARE(c.lastAt.toMSecsSinceEpoch(), 1777147641366LL);
    QCOMPARE(c.lastAt.timeSpec(), Qt::UTC);
    QCOMPARE(c.lastSender.name, s("Camille Laurent"));
    QVERIFY(c.lastSender.isMe);
    QCOMPARE(c.unread, 2);
    QCOMPARE(c.type, s("normal"));
}

void TestConversation::conversationPageFromContractExample()
{
    const Decoded<ConversationPage> page = ConversationPage::fromJson(parse(R"J({
        "total_message_count": 55, "unread_count": 1, "last_seen_message": false,
        "last_seen_at": 1777146285000,
        "messages": [
            {"text": "Hello", "timestamp": 1777146285823, "sender": "Amélie Dubois",
             "sender_info": {"first_name": "Amélie", "last_name": "Dubois",
                             "profile_url": "https://www.linkedin.com/in/amelie/"},
             "message_type": "TEXT", "entity_urn": "urn:li:msg_message:(x,2-abc_1)"},
            {"text": "", "timestamp": 1777146285000, "message_type": "SYSTEM"}
        ],
        "next_cursor": "1777146285000"})J"));
    QVERIFY2(page.ok(), qPrintable(page.error));
    QCOMPARE(page.value.totalMessageCount, 55);
    QCOMPARE(page.value.unreadCount, 1);
    QCOMPARE(page.value.messages.size(), 2);
    const Message &m = page.value.messages.first();
    QCOMPARE(m.id, s("urn:li:msg_message:(x,2-abc_1)"));
    QCOMPARE(m.text, s("Hello"));
    QCOMPARE(m.at.toMSecsSinceEpoch(), 1777146285823LL);
    QCOMPARE(m.senderName, s("Amélie Dubois"));
    QCOMPARE(m.senderFirstName, s("Amélie"));
    QCOMPARE(m.senderLastName, s("Dubois"));
    QCOMPARE(m.senderProfileUrl, s("https://www.linkedin.com/in/amelie/"));
    QCOMPARE(m.type, s("TEXT"));
    QVERIFY(m.attachments.isEmpty());
    const Message &system = page.value.messages.last();
    QVERIFY(system.text.isEmpty());
    QVERIFY(system.id.isEmpty());
    QCOMPARE(system.type, s("SYSTEM"));
    QCOMPARE(page.value.nextCursor, s("1777146285000"));
}

void TestConversation::numberIdsKeptInFull()
{
    // 7453486530700017665 does not fit a double: it must survive to the last digit.
    const Decoded<InboxPage> inbox = InboxPage::fromJson(
        parse(R"({"conversations":[{"conversation_id":7453486530700017665}]})"));
    QVERIFY2(inbox.ok(), qPrintable(inbox.error));
    QCOMPARE(inbox.value.conversations.first().id, s("7453486530700017665"));
    const Decoded<Message> m
        = Message::fromJson(parse(R"({"entity_urn":7453486530700017667,"text":"x"})"), s("m"));
    QVERIFY2(m.ok(), qPrintable(m.error));
    QCOMPARE(m.value.id, s("7453486530700017667"));
    const Decoded<SentMessage> sent
        = SentMessage::fromJson(parse(R"({"entityUrn":"u","conversation_id":9007199254740993})"));
    QVERIFY2(sent.ok(), qPrintable(sent.error));
    QCOMPARE(sent.value.conversationId, s("9007199254740993"));
}

void TestConversation::wrongTypesNamePath_data()
{
    QTest::addColumn<QByteArray>("kind");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("inbox not an object")
        << QByteArray("inbox") << QByteArray("[]") << s("data: expected an object, got an array");
    QTest::newRow("conversations not an array")
        << QByteArray("inbox") << QByteArray(R"({"conversations":{}})")
        << s("data.conversations: expected an array, got an object");
    QTest::newRow("conversation id missing")
        << QByteArray("inbox") << QByteArray(R"({"conversations":[{"unread":1}]})")
        << s("data.conversations[0].conversation_id: missing");
    QTest::newRow("participant name a number")
        << QByteArray("inbox") << QByteArray(R"({"conversations":[{"conversation_id":"a"},
                         {"conversation_id":"b","participant":{"name":5}}]})")
        << s("data.conversations[1].participant.name: expected a string, got a number");
    QTest::newRow("participant a string")
        << QByteArray("inbox")
        << QByteArray(R"({"conversations":[{"conversation_id":"a","participant":"Bob"}]})")
        << s("data.conversations[0].participant: expected an object, got a string");
    QTest::newRow("last message time a boolean")
        << QByteArray("inbox")
        << QByteArray(R"({"conversations":[{"conversation_id":"a","last_message":{"time":true}}]})")
        << s("data.conversations[0].last_message.time: expected a timestamp, got a boolean");
    QTest::newRow("sender is_me a string")
        << QByteArray("inbox")
        << QByteArray(
               R"({"conversations":[{"conversation_id":"a","last_message":{"sender":{"is_me":"yes"}}}]})")
        << s("data.conversations[0].last_message.sender.is_me: expected a boolean, got a string");
    QTest::newRow("next_cursor an object")
        << QByteArray("inbox") << QByteArray(R"({"next_cursor":{}})")
        << s("data.next_cursor: expected a string, got an object");
    QTest::newRow("message text a number")
        << QByteArray("conversation") << QByteArray(R"({"messages":[{"text":"ok"},{"text":1}]})")
        << s("data.messages[1].text: expected a string, got a number");
    QTest::newRow("sender_info a string")
        << QByteArray("conversation") << QByteArray(R"({"messages":[{"sender_info":"x"}]})")
        << s("data.messages[0].sender_info: expected an object, got a string");
    QTest::newRow("sender_info last name an array")
        << QByteArray("conversation")
        << QByteArray(R"({"messages":[{"sender_info":{"last_name":[]}}]})")
        << s("data.messages[0].sender_info.last_name: expected a string, got an array");
    QTest::newRow("total a fraction")
        << QByteArray("conversation") << QByteArray(R"({"total_message_count":1.5})")
        << s("data.total_message_count: expected an integer");
    QTest::newRow("sent deliveredAt an array")
        << QByteArray("sent") << QByteArray(R"({"deliveredAt":[]})")
        << s("data.deliveredAt: expected a timestamp, got an array");
}

void TestConversation::wrongTypesNamePath()
{
    QFETCH(QByteArray, kind);
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QString got;
    if (kind == "inbox")
        got = InboxPage::fromJson(parse(json)).error;
    else if (kind == "conversation")
        got = ConversationPage::fromJson(parse(json)).error;
    else
        got = SentMessage::fromJson(parse(json)).error;
    QCOMPARE(got, error);
}

void TestConversation::missingOptionalFields()
{
    const Decoded<InboxPage> inbox
        = InboxPage::fromJson(parse(R"({"conversations":[{"conversation_id":"c"}]})"));
    QVERIFY2(inbox.ok(), qPrintable(inbox.error));
    const Conversation &c = inbox.value.conversations.first();
    QVERIFY(c.participant.name.isEmpty());
    QVERIFY(!c.lastAt.isValid());
    QCOMPARE(c.unread, 0);
    QCOMPARE(inbox.value.totalResults, 1); // defaults to what arrived
    const Decoded<ConversationPage> empty = ConversationPage::fromJson(parse("{}"));
    QVERIFY2(empty.ok(), qPrintable(empty.error));
    QVERIFY(empty.value.messages.isEmpty());
    QVERIFY(!empty.value.hasMore());
    const Decoded<Message> bare = Message::fromJson(parse("{}"), s("m"));
    QVERIFY(bare.ok());
    QVERIFY(!bare.value.at.isValid());
}

void TestConversation::hostileTextKeptVerbatim_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("markup") << s(R"(<b>bold</b> <img src=x> <a href="http://x">link</a>)");
    QTest::newRow("emoji zwj") << s("Maya 👩‍💻 Okafor 🚀");
    QTest::newRow("arabic") << s("ليلى حداد");
    QTest::newRow("hebrew with latin") << s("נועה כהן (Noa Cohen)");
    QTest::newRow("bidi controls") << s("abc\u202Edcba\u202C \u200F");
    QTest::newRow("newlines and nul-free control") << s("line one\nline two\r\n\ttab");
}

void TestConversation::hostileTextKeptVerbatim()
{
    QFETCH(QString, text);
    QJsonObject participant { { s("name"), text }, { s("headline"), text } };
    QJsonObject last { { s("text"), text }, { s("sender"), participant } };
    QJsonObject conversation { { s("conversation_id"), s("c") }, { s("participant"), participant },
        { s("last_message"), last } };
    const Decoded<InboxPage> inbox
        = InboxPage::fromJson(QJsonObject { { s("conversations"), QJsonArray { conversation } } });
    QVERIFY2(inbox.ok(), qPrintable(inbox.error));
    const Conversation &c = inbox.value.conversations.first();
    QCOMPARE(c.participant.name, text);
    QCOMPARE(c.participant.headline, text);
    QCOMPARE(c.lastText, text);
    QCOMPARE(c.lastSender.name, text);

    const QJsonObject message { { s("text"), text }, { s("sender"), text },
        { s("sender_info"), QJsonObject { { s("first_name"), text } } } };
    const Decoded<Message> m = Message::fromJson(message, s("m"));
    QVERIFY2(m.ok(), qPrintable(m.error));
    QCOMPARE(m.value.text, text);
    QCOMPARE(m.value.senderName, text);
    QCOMPARE(m.value.senderFirstName, text);
}

void TestConversation::hugeMessageText()
{
    QString text;
    text.reserve(50 * 1024);
    while (text.size() < 50 * 1024)
        text += s("Long line with ünïcödé and 🚀 ");
    const QByteArray json = QJsonDocument(QJsonObject { { s("messages"),
                                              QJsonArray { QJsonObject { { s("text"), text },
                                                  { s("timestamp"), 1777146285823LL } } } } })
                                .toJson(QJsonDocument::Compact);
    const Decoded<ConversationPage> page = ConversationPage::fromJson(parse(json));
    QVERIFY2(page.ok(), qPrintable(page.error));
    QCOMPARE(page.value.messages.first().text, text);
}

void TestConversation::senderForms()
{
    // No display name: composed from sender_info.
    const Decoded<Message> composed = Message::fromJson(
        parse(R"({"sender_info":{"first_name":"Ada","last_name":"Lovelace"}})"), s("m"));
    QVERIFY(composed.ok());
    QCOMPARE(composed.value.senderName, s("Ada Lovelace"));
    // The object form used by last_message.sender, with is_me.
    const Decoded<Message> object = Message::fromJson(
        parse(R"({"sender":{"name":"Me","is_me":true,"profile_url":"https://x/in/me"}})"), s("m"));
    QVERIFY2(object.ok(), qPrintable(object.error));
    QCOMPARE(object.value.senderName, s("Me"));
    QVERIFY(object.value.isMe);
    QCOMPARE(object.value.senderProfileUrl, s("https://x/in/me"));
    // A person given only first and last names.
    const Decoded<Person> p
        = Person::fromJson(parse(R"({"first_name":"Grace","last_name":"Hopper"})"), s("p"));
    QVERIFY(p.ok());
    QCOMPARE(p.value.name, s("Grace Hopper"));
}

void TestConversation::attachments()
{
    // Inferred shape (not in the contract): both key spellings; a surprise drops the detail,
    // never the message.
    const Decoded<Message> m = Message::fromJson(parse(R"({"text":"files","attachments":[
        {"name":"deck.pdf","url":"https://m/deck.pdf","mime_type":"application/pdf","size":2048},
        {"filename":"photo.png","url":"https://m/p.png","type":"image/png"},
        {"filename":"weird.bin","size":"12 KB"},
        "not an object", {}]})"),
        s("m"));
    QVERIFY2(m.ok(), qPrintable(m.error));
    QCOMPARE(m.value.attachments.size(), 3);
    QCOMPARE(m.value.attachments[0].name, s("deck.pdf"));
    QCOMPARE(m.value.attachments[0].url, s("https://m/deck.pdf"));
    QCOMPARE(m.value.attachments[0].mimeType, s("application/pdf"));
    QCOMPARE(m.value.attachments[0].size, qint64(2048));
    QCOMPARE(m.value.attachments[1].name, s("photo.png"));
    QCOMPARE(m.value.attachments[1].mimeType, s("image/png"));
    QCOMPARE(m.value.attachments[1].size, qint64(-1));
    QCOMPARE(m.value.attachments[2].size, qint64(-1));
    const Decoded<Message> odd = Message::fromJson(parse(R"({"attachments":"none"})"), s("m"));
    QVERIFY(odd.ok());
    QVERIFY(odd.value.attachments.isEmpty());
}

void TestConversation::unreadAsBoolean()
{
    const Decoded<Conversation> yes
        = Conversation::fromJson(parse(R"({"conversation_id":"c","unread":true})"), s("c"));
    QVERIFY(yes.ok());
    QCOMPARE(yes.value.unread, 1);
    const Decoded<Conversation> huge
        = Conversation::fromJson(parse(R"({"conversation_id":"c","unread":99999999999})"), s("c"));
    QVERIFY(huge.ok());
    QVERIFY(huge.value.unread > 0);
}

void TestConversation::sentMessage_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qint64>("deliveredMs");
    QTest::newRow("iso (V2)") << QByteArray(
        R"({"entityUrn":"urn:li:messagingMessage:abc123","conversation_id":"2-YWJjMTIz","deliveredAt":"2026-03-24T12:00:00Z"})")
                              << qint64(1774353600000LL);
    QTest::newRow("ms (V1)") << QByteArray(
        R"({"entityUrn":"urn:li:messagingMessage:abc123","conversation_id":"2-YWJjMTIz","deliveredAt":1774353600000})")
                             << qint64(1774353600000LL);
    QTest::newRow("absent") << QByteArray(
        R"({"entityUrn":"urn:li:messagingMessage:abc123","conversation_id":"2-YWJjMTIz"})")
                            << qint64(-1);
}

void TestConversation::sentMessage()
{
    QFETCH(QByteArray, json);
    QFETCH(qint64, deliveredMs);
    const Decoded<SentMessage> sent = SentMessage::fromJson(parse(json));
    QVERIFY2(sent.ok(), qPrintable(sent.error));
    QCOMPARE(sent.value.entityUrn, s("urn:li:messagingMessage:abc123"));
    QCOMPARE(sent.value.conversationId, s("2-YWJjMTIz"));
    if (deliveredMs < 0)
        QVERIFY(!sent.value.deliveredAt.isValid());
    else
        QCOMPARE(sent.value.deliveredAt.toMSecsSinceEpoch(), deliveredMs);
}

void TestConversation::personPictureKeys_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("picture");
    QTest::addColumn<QString>("url");
    QTest::newRow("profile_picture")
        << QByteArray(R"({"profile_picture":"p1","profile_url":"u1"})") << s("p1") << s("u1");
    QTest::newRow("profile_picture_url")
        << QByteArray(R"({"profile_picture_url":"p2","linkedin_url":"u2"})") << s("p2") << s("u2");
    QTest::newRow("neither") << QByteArray(R"({"name":"x"})") << QString() << QString();
}

void TestConversation::personPictureKeys()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, picture);
    QFETCH(QString, url);
    const Decoded<Person> p = Person::fromJson(parse(json), s("p"));
    QVERIFY2(p.ok(), qPrintable(p.error));
    QCOMPARE(p.value.pictureUrl, picture);
    QCOMPARE(p.value.profileUrl, url);
}

QTEST_GUILESS_MAIN(TestConversation)
#include "tst_conversation.moc"
