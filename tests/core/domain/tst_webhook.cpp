// Webhooks and live events (contract §9): the documented examples, the flat and data-nested
// payload forms, unknown types kept, the content key shared by stream and poll, and bad items
// skipped without blocking a page.
#include "domain/webhook.h"

#include "testjson.h"

#include <QTest>

using namespace ld;

class TestWebhook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createAnswerHosted();
    void monitoringDecidesStart();
    void listShapes();
    void filterNames();
    void messageEventFlat();
    void nestedDataForm();
    void acceptedInvitationAndUnknownTypes();
    void contentKeySameForStreamAndPoll();
    void contentKeyDiffers();
    void wrongTypesNamePath();
    void polledPageSortsAndSkipsBadItems();
};

void TestWebhook::createAnswerHosted()
{
    const auto w = Webhook::fromJson(parse(R"({"webhook_id": "6789abcdef0123456789abcd",
        "account_id": "69c127c37cae0494dd827286", "url": null, "events": ["all"],
        "is_active": true, "monitoring": true, "signature_enabled": false,
        "stream_url": "https://api.linkupapi.com/v2/webhooks/6789abcdef0123456789abcd/stream",
        "events_url": "https://api.linkupapi.com/v2/webhooks/6789abcdef0123456789abcd/events",
        "created_at": "2026-11-25T10:00:00Z"})"));
    QVERIFY2(w.ok(), qPrintable(w.error));
    QCOMPARE(w.value.id, QStringLiteral("6789abcdef0123456789abcd"));
    QVERIFY(w.value.isHosted());
    QVERIFY(!w.value.needsStart());
    QVERIFY(w.value.streamUrl.endsWith(QLatin1String("/stream")));
    QCOMPARE(w.value.createdAt, QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC));
}

void TestWebhook::monitoringDecidesStart()
{
    // is_active false only pauses delivery: it says nothing about monitoring (§9.4).
    auto w = Webhook::fromJson(
        parse(R"({"webhook_id": "a", "is_active": false, "monitoring": true})"));
    QVERIFY(w.ok());
    QVERIFY(!w.value.needsStart());
    w = Webhook::fromJson(parse(R"({"webhook_id": "a", "is_active": true, "monitoring": false})"));
    QVERIFY(w.value.needsStart());
    // Not said: start defensively (harmless, §9.1).
    w = Webhook::fromJson(parse(R"({"webhook_id": "a", "is_active": true})"));
    QVERIFY(w.value.needsStart());
    // A custom webhook has its url; the secret comes once.
    w = Webhook::fromJson(parse(
        R"({"webhook_id": 1234567890123456789, "url": "https://x.example/h", "secret": "kF3p"})"));
    QVERIFY2(w.ok(), qPrintable(w.error));
    QCOMPARE(w.value.id, QStringLiteral("1234567890123456789"));
    QVERIFY(!w.value.isHosted());
    QCOMPARE(w.value.secret, QStringLiteral("kF3p"));
    QVERIFY(!Webhook::fromJson(parse(R"({"url": "https://x"})")).ok()); // no id
}

void TestWebhook::listShapes()
{
    for (const QByteArray &json :
        { QByteArray(R"({"items": [{"webhook_id": "a"}, {"webhook_id": "b"}], "total": 2})"),
            QByteArray(R"({"webhooks": [{"webhook_id": "a"}, {"webhook_id": "b"}]})"),
            QByteArray(R"([{"webhook_id": "a"}, {"webhook_id": "b"}])") }) {
        const auto list = decodeWebhookList(parse(json));
        QVERIFY2(list.ok(), qPrintable(list.error));
        QCOMPARE(list.value.size(), 2);
        QCOMPARE(list.value.at(1).id, QStringLiteral("b"));
    }
    const auto bad = decodeWebhookList(
        parse(R"({"items": [{"webhook_id": "a"}, {"webhook_id": "b", "events": "all"}]})"));
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error.contains(QLatin1String("data.items[1].events")), qPrintable(bad.error));
}

void TestWebhook::filterNames()
{
    Webhook w;
    w.events = { QStringLiteral("message_received") };
    QVERIFY(w.receives(QStringLiteral("message")));
    QVERIFY(!w.receives(QStringLiteral("accepted_invitation")));
    QVERIFY(w.receives(QStringLiteral("disconnection"))); // never filtered out
    w.events = { QStringLiteral("all") };
    QVERIFY(w.receives(QStringLiteral("accepted_invitation")));
}

void TestWebhook::messageEventFlat()
{
    // The polling example's wrapper (§9.9).
    const auto e = LiveEvent::fromJson(parse(R"({"account_id": "69c127c37cae0494dd827286",
        "account_name": "My Account", "event": {"type": "message", "sender_name": "John Doe",
        "message_text": "Hello! <b>hi</b>", "sender_profile": "https://www.linkedin.com/in/johndoe"},
        "timestamp": "2025-01-15T10:31:00Z"})"));
    QVERIFY2(e.ok(), qPrintable(e.error));
    QCOMPARE(e.value.type, LiveEvent::Type::Message);
    QCOMPARE(e.value.accountName, QStringLiteral("My Account"));
    QCOMPARE(e.value.senderName, QStringLiteral("John Doe"));
    QCOMPARE(e.value.text, QStringLiteral("Hello! <b>hi</b>"));
    QCOMPARE(e.value.senderProfileUrl, QStringLiteral("https://www.linkedin.com/in/johndoe"));
    QCOMPARE(e.value.emittedAt, QDateTime(QDate(2025, 1, 15), QTime(10, 31), Qt::UTC));
    QVERIFY(!e.value.happenedAt.isValid()); // optional
    QCOMPARE(e.value.personName(), QStringLiteral("John Doe"));
}

void TestWebhook::nestedDataForm()
{
    const auto e
        = LiveEvent::fromJson(parse(R"({"account_id": "a1", "timestamp": "2026-11-25T10:31:00.123Z",
        "event": {"type": "message", "timestamp": "2026-11-25T10:30:59Z",
                  "data": {"conversation_id": "2-abc", "sender_profile_url": "https://www.linkedin.com/in/x",
                           "message_text": "Salut ✨ שלום", "sender_name": "Zoë"}}})"));
    QVERIFY2(e.ok(), qPrintable(e.error));
    QCOMPARE(e.value.conversationId, QStringLiteral("2-abc"));
    QCOMPARE(e.value.senderProfileUrl, QStringLiteral("https://www.linkedin.com/in/x"));
    QCOMPARE(e.value.text, s("Salut ✨ שלום"));
    QCOMPARE(e.value.senderName, s("Zoë"));
    QCOMPARE(e.value.happenedAt, QDateTime(QDate(2026, 11, 25), QTime(10, 30, 59), Qt::UTC));
}

void TestWebhook::acceptedInvitationAndUnknownTypes()
{
    auto e = LiveEvent::fromJson(parse(R"({"account_id": "a1", "timestamp": "2026-11-25T10:31:00Z",
        "event": {"type": "accepted_invitation", "data": {"profile_url": "https://www.linkedin.com/in/ada",
                  "first_name": "Ada", "last_name": "Lovelace"}}})"));
    QVERIFY2(e.ok(), qPrintable(e.error));
    QCOMPARE(e.value.type, LiveEvent::Type::AcceptedInvitation);
    QCOMPARE(e.value.personName(), QStringLiteral("Ada Lovelace"));
    QCOMPARE(e.value.profileUrl, QStringLiteral("https://www.linkedin.com/in/ada"));
    e = LiveEvent::fromJson(parse(R"({"account_id": "a1", "event": {"type": "disconnection"}})"));
    QCOMPARE(e.value.type, LiveEvent::Type::Disconnection);
    e = LiveEvent::fromJson(
        parse(R"({"account_id": "a1", "event": {"type": "profile_viewed", "who": 3}})"));
    QVERIFY(e.ok());
    QCOMPARE(e.value.type, LiveEvent::Type::Other);
    QCOMPARE(e.value.typeName, QStringLiteral("profile_viewed"));
    QCOMPARE(e.value.inner.value(QStringLiteral("who")).toInt(), 3);
}

void TestWebhook::contentKeySameForStreamAndPoll()
{
    // The same wrapper, with its members in another order and other white space.
    const auto live
        = LiveEvent::fromJson(parse(R"({"account_id": "a1", "timestamp": "2026-11-25T10:31:00Z",
        "event": {"type": "message", "message_text": "hi", "sender_name": "Jo"}})"));
    const auto polled = decodePolledEvents(
        parse(R"({"items": [{"event_id": "e1", "created_at": "2026-11-25T10:31:00.120Z",
        "event": {"timestamp": "2026-11-25T10:31:00Z", "event": {"sender_name": "Jo", "type": "message",
        "message_text": "hi"}, "account_id": "a1", "account_name": "Camille"}}]})"));
    QVERIFY(live.ok());
    QVERIFY2(polled.ok(), qPrintable(polled.error));
    QCOMPARE(polled.value.events.size(), 1);
    QCOMPARE(polled.value.events.first().event.contentKey(), live.value.contentKey());
    QCOMPARE(live.value.contentKey().size(), 64);
}

void TestWebhook::contentKeyDiffers()
{
    const QByteArray base
        = R"({"account_id": "a1", "timestamp": "T1", "event": {"type": "message", "message_text": "hi"}})";
    const QByteArray key = LiveEvent::fromJson(parse(base)).value.contentKey();
    QVERIFY(
        LiveEvent::fromJson(parse(QByteArray(base).replace("a1", "a2"))).value.contentKey() != key);
    QVERIFY(
        LiveEvent::fromJson(parse(QByteArray(base).replace("T1", "T2"))).value.contentKey() != key);
    QVERIFY(
        LiveEvent::fromJson(parse(QByteArray(base).replace("hi", "ho"))).value.contentKey() != key);
}

void TestWebhook::wrongTypesNamePath()
{
    auto e = LiveEvent::fromJson(parse(R"({"account_id": "a1", "event": "message"})"));
    QVERIFY(!e.ok());
    QVERIFY2(e.error.startsWith(QLatin1String("data.event")), qPrintable(e.error));
    e = LiveEvent::fromJson(parse(R"({"account_id": "a1", "event": {"type": 3}})"));
    QVERIFY(!e.ok());
    QVERIFY2(e.error.contains(QLatin1String("data.event.type")), qPrintable(e.error));
    e = LiveEvent::fromJson(parse(R"({"event": {"type": "message"}})"));
    QVERIFY(!e.ok()); // no account
    e = LiveEvent::fromJson(parse(
        R"({"account_id": "a1", "event": {"type": "message", "data": {"message_text": 5}}})"));
    QVERIFY(!e.ok());
    QVERIFY2(e.error.contains(QLatin1String("data.event.data.message_text")), qPrintable(e.error));
}

void TestWebhook::polledPageSortsAndSkipsBadItems()
{
    const auto page = decodePolledEvents(parse(R"({"items": [
        {"event_id": "e3", "created_at": "2026-11-25T10:31:03.000Z", "event": {"account_id": "a1", "event": {"type": "message"}, "timestamp": "x3"}},
        {"event_id": "e1", "created_at": "2026-11-25T10:31:01.000Z", "event": {"account_id": "a1", "event": {"type": "message"}, "timestamp": "x1"}},
        {"event_id": "bad", "created_at": "2026-11-25T10:31:09.000Z", "event": "not an object"},
        {"event_id": "e2", "created_at": "2026-11-25T10:31:02.000Z", "event": {"account_id": "a1", "event": {"type": "accepted_invitation"}, "timestamp": "x2"}}
    ]})"));
    QVERIFY2(page.ok(), qPrintable(page.error));
    QCOMPARE(page.value.itemCount, 4);
    QCOMPARE(page.value.events.size(), 3);
    QCOMPARE(page.value.events.at(0).eventId, QStringLiteral("e1"));
    QCOMPARE(page.value.events.at(2).eventId, QStringLiteral("e3"));
    QCOMPARE(page.value.problems.size(), 1);
    QVERIFY2(page.value.problems.first().contains(QLatin1String("data.items[2].event")),
        qPrintable(page.value.problems.first()));
    // The skipped item still moves `since` forward.
    QCOMPARE(page.value.newestCreatedAtText, QStringLiteral("2026-11-25T10:31:09.000Z"));
    QVERIFY(!decodePolledEvents(parse(R"({"items": 3})")).ok());
}

QTEST_GUILESS_MAIN(TestWebhook)
#include "tst_webhook.moc"
