// Decoding of contract §5 (network): the offset-paged lists of received and sent invitations
// and connections, check_invitation, invite and withdraw; ids given as numbers kept whole,
// wrong types reported with their JSON path, missing optionals given their default, and the
// invitation id derived from an entity URN.
#include "domain/invitation.h"
#include "testjson.h"

#include <QTest>

using namespace ld;

class TestInvitation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void receivedFromContractExample();
    void sentFromContractExample();
    void connectionsFromContractExample();
    void paginationEnd_data();
    void paginationEnd();
    void invitationIdFromUrn_data();
    void invitationIdFromUrn();
    void numberIdsKeptWhole();
    void wrongTypesNamePath_data();
    void wrongTypesNamePath();
    void missingOptionalFields();
    void checkInvitation_data();
    void checkInvitation();
    void inviteResult();
    void withdrawResult();
};

void TestInvitation::receivedFromContractExample()
{
    const Decoded<ReceivedInvitationPage> page = decodeReceivedInvitations(parse(R"({
        "invitations": [{
            "entity_urn": "urn:li:invitation:7453486530700017665",
            "shared_secret": "sx0000ab",
            "sender": { "first_name": "Léa", "last_name": "Martin", "headline": "CTO",
                        "linkedin_url": "https://www.linkedin.com/in/lea-martin",
                        "profile_picture_url": "https://media.example/lea.jpg" },
            "invitation_type": "CONNECTION", "sent_time": "1d", "sent_time_days": 1,
            "message": "Hello!" }],
        "total_results": 1, "total_available_results": 12,
        "pagination": { "offset": 0, "count": 1, "next_offset": 1, "has_more": true,
                        "results_per_page": 10, "pages_fetched": 1 } })"));
    QVERIFY2(page.ok(), qPrintable(page.error));
    QCOMPARE(page.value.items.size(), 1);
    const ReceivedInvitation &inv = page.value.items.first();
    QCOMPARE(inv.entityUrn, s("urn:li:invitation:7453486530700017665"));
    QCOMPARE(inv.sharedSecret, s("sx0000ab"));
    QCOMPARE(inv.sender.fullName(), s("Léa Martin"));
    QCOMPARE(inv.sender.headline, s("CTO"));
    QCOMPARE(inv.sender.profileUrl, s("https://www.linkedin.com/in/lea-martin"));
    QCOMPARE(inv.sender.pictureUrl, s("https://media.example/lea.jpg"));
    QCOMPARE(inv.invitationType, s("CONNECTION"));
    QCOMPARE(inv.sentTime, s("1d"));
    QCOMPARE(inv.sentTimeDays, 1);
    QCOMPARE(inv.message, s("Hello!"));
    QCOMPARE(page.value.totalResults, 1);
    QCOMPARE(page.value.totalAvailable, 12);
    QVERIFY(page.value.hasMore());
    QCOMPARE(page.value.pagination.nextOffset, 1);
    QCOMPARE(page.value.pagination.resultsPerPage, 10);
    QCOMPARE(page.value.pagination.pagesFetched, 1);
}

void TestInvitation::sentFromContractExample()
{
    const Decoded<SentInvitationPage> page = decodeSentInvitations(parse(R"({
        "invitations": [{
            "entity_urn": "urn:li:invitation:7453486530700017690",
            "recipient": { "first_name": "Omar", "last_name": "Haddad", "headline": "PM",
                           "linkedin_url": "https://www.linkedin.com/in/omar-haddad",
                           "profile_picture": "https://media.example/omar.jpg" },
            "invitation_type": "CONNECTION", "sent_time": "3w", "sent_time_days": 23 }],
        "total_results": 1, "total_available_results": 1, "invitation_type": "CONNECTION",
        "pagination": { "offset": 0, "count": 1, "next_offset": 1, "has_more": false,
                        "results_per_page": 10, "pages_fetched": 1 } })"));
    QVERIFY2(page.ok(), qPrintable(page.error));
    QCOMPARE(page.value.items.size(), 1);
    const SentInvitation &inv = page.value.items.first();
    QCOMPARE(inv.invitationId(), s("7453486530700017690"));
    QCOMPARE(inv.recipient.fullName(), s("Omar Haddad"));
    QCOMPARE(inv.recipient.pictureUrl, s("https://media.example/omar.jpg")); // profile_picture
    QCOMPARE(inv.sentTimeDays, 23);
    QVERIFY(!page.value.hasMore());
}

void TestInvitation::connectionsFromContractExample()
{
    const Decoded<ConnectionPage> page = decodeConnections(parse(R"({
        "connections": [{ "name": "Ana Souza", "job_title": "Engineer",
                          "profile_url": "https://www.linkedin.com/in/ana-souza",
                          "profile_picture": "https://media.example/ana.jpg" }],
        "total_results": 1, "total_available_results": 40,
        "pagination": { "offset": 39, "count": 1, "next_offset": 40, "has_more": false } })"));
    QVERIFY2(page.ok(), qPrintable(page.error));
    const Connection &c = page.value.items.first();
    QCOMPARE(c.name, s("Ana Souza"));
    QCOMPARE(c.jobTitle, s("Engineer"));
    QCOMPARE(c.profileUrl, s("https://www.linkedin.com/in/ana-souza"));
    QCOMPARE(c.pictureUrl, s("https://media.example/ana.jpg"));
    QCOMPARE(page.value.totalAvailable, 40);
    QCOMPARE(page.value.pagination.offset, 39);
}

void TestInvitation::paginationEnd_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("hasMore");
    QTest::addColumn<int>("nextOffset");
    QTest::newRow("more") << QByteArray(
        R"({"connections":[],"pagination":{"offset":10,"count":10,"next_offset":20,"has_more":true}})")
                          << true << 20;
    QTest::newRow("last") << QByteArray(
        R"({"connections":[],"pagination":{"offset":10,"count":5,"next_offset":15,"has_more":false}})")
                          << false << 15;
    QTest::newRow("no has_more") << QByteArray(
        R"({"connections":[],"pagination":{"offset":0,"count":3,"next_offset":3}})")
                                 << false << 3;
    QTest::newRow("no next_offset")
        << QByteArray(R"({"connections":[],"pagination":{"offset":10,"count":10,"has_more":true}})")
        << true << 20;
    // A server that would make a client ask for the same page forever ends the list instead.
    QTest::newRow("stuck") << QByteArray(
        R"({"connections":[],"pagination":{"offset":10,"count":0,"next_offset":10,"has_more":true}})")
                           << false << 10;
    QTest::newRow("no pagination") << QByteArray(R"({"connections":[]})") << false << 0;
    QTest::newRow("null pagination")
        << QByteArray(R"({"connections":[],"pagination":null})") << false << 0;
}

void TestInvitation::paginationEnd()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, hasMore);
    QFETCH(int, nextOffset);
    const Decoded<ConnectionPage> page = decodeConnections(parse(json));
    QVERIFY2(page.ok(), qPrintable(page.error));
    QCOMPARE(page.value.hasMore(), hasMore);
    QCOMPARE(page.value.pagination.nextOffset, nextOffset);
}

void TestInvitation::invitationIdFromUrn_data()
{
    QTest::addColumn<QString>("urn");
    QTest::addColumn<QString>("id");
    QTest::newRow("urn") << s("urn:li:invitation:7453486530700017665") << s("7453486530700017665");
    QTest::newRow("bare id") << s("7453486530700017665") << s("7453486530700017665");
    QTest::newRow("not numeric") << s("urn:li:invitation:abc") << QString();
    QTest::newRow("empty tail") << s("urn:li:invitation:") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestInvitation::invitationIdFromUrn()
{
    QFETCH(QString, urn);
    QFETCH(QString, id);
    QCOMPARE(ld::invitationIdFromUrn(urn), id);
    SentInvitation inv;
    inv.entityUrn = urn;
    QCOMPARE(inv.invitationId(), id);
}

void TestInvitation::numberIdsKeptWhole()
{
    // 7453486530700017665 does not fit a double: read through one it would end in ...7664 or so.
    const Decoded<InvitationCheck> check = InvitationCheck::fromJson(parse(
        R"({"invitation_state":"PENDING","invitation_type":"SENT","invitation_id":7453486530700017665})"));
    QVERIFY2(check.ok(), qPrintable(check.error));
    QCOMPARE(check.value.invitationId, s("7453486530700017665"));

    const Decoded<WithdrawResult> w = WithdrawResult::fromJson(
        parse(R"({"withdrawn":true,"invitation_id":7453486530700017691})"));
    QVERIFY2(w.ok(), qPrintable(w.error));
    QCOMPARE(w.value.invitationId, s("7453486530700017691"));

    const Decoded<SentInvitationPage> sent
        = decodeSentInvitations(parse(R"({"invitations":[{"entity_urn":7453486530700017699}]})"));
    QVERIFY2(sent.ok(), qPrintable(sent.error));
    QCOMPARE(sent.value.items.first().invitationId(), s("7453486530700017699"));
}

void TestInvitation::wrongTypesNamePath_data()
{
    QTest::addColumn<int>("kind"); // 0 received, 1 sent, 2 connections, 3 check
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::newRow("invitations not array")
        << 0 << QByteArray(R"({"invitations":{}})") << s("data.invitations");
    QTest::newRow("urn missing") << 0 << QByteArray(R"({"invitations":[{"shared_secret":"x"}]})")
                                 << s("data.invitations[0].entity_urn");
    QTest::newRow("sender not object")
        << 0 << QByteArray(R"({"invitations":[{"entity_urn":"u","sender":"Léa"}]})")
        << s("data.invitations[0].sender");
    QTest::newRow("sender name number")
        << 0 << QByteArray(R"({"invitations":[{"entity_urn":"u","sender":{"first_name":3}}]})")
        << s("data.invitations[0].sender.first_name");
    QTest::newRow("days string")
        << 1 << QByteArray(R"({"invitations":[{"entity_urn":"u","sent_time_days":"3"}]})")
        << s("data.invitations[0].sent_time_days");
    QTest::newRow("recipient picture")
        << 1
        << QByteArray(
               R"({"invitations":[{"entity_urn":"u"},{"entity_urn":"v","recipient":{"profile_picture":[]}}]})")
        << s("data.invitations[1].recipient.profile_picture");
    QTest::newRow("has_more string")
        << 2 << QByteArray(R"({"connections":[],"pagination":{"has_more":"yes"}})")
        << s("data.pagination.has_more");
    QTest::newRow("pagination array")
        << 2 << QByteArray(R"({"connections":[],"pagination":[]})") << s("data.pagination");
    QTest::newRow("connection name")
        << 2 << QByteArray(R"({"connections":[{"name":true}]})") << s("data.connections[0].name");
    QTest::newRow("total string") << 2 << QByteArray(R"({"connections":[],"total_results":"1"})")
                                  << s("data.total_results");
    QTest::newRow("distance string")
        << 3 << QByteArray(R"({"invitation_state":"PENDING","member_distance":"2"})")
        << s("data.member_distance");
}

void TestInvitation::wrongTypesNamePath()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QString error;
    switch (kind) {
    case 0:
        error = decodeReceivedInvitations(parse(json)).error;
        break;
    case 1:
        error = decodeSentInvitations(parse(json)).error;
        break;
    case 2:
        error = decodeConnections(parse(json)).error;
        break;
    default:
        error = InvitationCheck::fromJson(parse(json)).error;
        break;
    }
    QVERIFY2(error.startsWith(path + QLatin1Char(':')), qPrintable(error));
}

void TestInvitation::missingOptionalFields()
{
    const Decoded<ReceivedInvitationPage> received = decodeReceivedInvitations(
        parse(R"({"invitations":[{"entity_urn":"u1","sender":null}]})"));
    QVERIFY2(received.ok(), qPrintable(received.error));
    const ReceivedInvitation &r = received.value.items.first();
    QCOMPARE(r.entityUrn, s("u1"));
    QVERIFY(r.sharedSecret.isEmpty());
    QVERIFY(r.sender.fullName().isEmpty());
    QCOMPARE(r.sentTimeDays, 0);
    QVERIFY(r.message.isEmpty());
    QCOMPARE(received.value.totalResults, 1); // the items counted when total_results is absent
    QCOMPARE(received.value.totalAvailable, 1);
    QVERIFY(!received.value.hasMore());

    const Decoded<SentInvitationPage> sent = decodeSentInvitations(parse(R"({})"));
    QVERIFY2(sent.ok(), qPrintable(sent.error));
    QVERIFY(sent.value.items.isEmpty());

    const Decoded<InvitationCheck> check = InvitationCheck::fromJson(parse(R"({})"));
    QVERIFY2(check.ok(), qPrintable(check.error));
    QCOMPARE(check.value.memberDistance, 0);
    QVERIFY(!check.value.isConnected());
}

void TestInvitation::checkInvitation_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("connected");
    QTest::addColumn<bool>("pendingSent");
    QTest::addColumn<bool>("pendingReceived");
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("distance");
    QTest::newRow("connected") << QByteArray(R"({"invitation_state":"ACCEPTED",
        "invitation_type":"CONNECTED","invitation_id":null,"member_distance":1,
        "message":"You are connected with this person"})")
                               << true << false << false << QString() << 1;
    QTest::newRow("sent") << QByteArray(R"({"invitation_state":"PENDING",
        "invitation_type":"SENT","invitation_id":"7453486530700017665","member_distance":2,
        "message":"Your invitation is pending"})")
                          << false << true << false << s("7453486530700017665") << 2;
    QTest::newRow("received") << QByteArray(R"({"invitation_state":"PENDING",
        "invitation_type":"RECEIVED","invitation_id":"7453486530700017666","member_distance":2})")
                              << false << false << true << s("7453486530700017666") << 2;
    QTest::newRow("none") << QByteArray(R"({"invitation_state":"NO_INVITATION",
        "invitation_type":null,"invitation_id":null,"member_distance":null})")
                          << false << false << false << QString() << 0;
}

void TestInvitation::checkInvitation()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, connected);
    QFETCH(bool, pendingSent);
    QFETCH(bool, pendingReceived);
    QFETCH(QString, id);
    QFETCH(int, distance);
    const Decoded<InvitationCheck> c = InvitationCheck::fromJson(parse(json));
    QVERIFY2(c.ok(), qPrintable(c.error));
    QCOMPARE(c.value.isConnected(), connected);
    QCOMPARE(c.value.isPendingSent(), pendingSent);
    QCOMPARE(c.value.isPendingReceived(), pendingReceived);
    QCOMPARE(c.value.invitationId, id);
    QCOMPARE(c.value.memberDistance, distance);
}

void TestInvitation::inviteResult()
{
    const Decoded<InviteResult> r = InviteResult::fromJson(parse(R"({
        "invitation_urn": "urn:li:invitation:7453486530700017700",
        "profile_urn": "urn:li:fsd_profile:ACoAAB", "first_name": "Ana", "last_name": "Souza",
        "headline": "Engineer", "public_identifier": "ana-souza",
        "profile_picture_url": "https://media.example/ana.jpg" })"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.value.invitationId(), s("7453486530700017700"));
    QCOMPARE(r.value.profileUrn, s("urn:li:fsd_profile:ACoAAB"));
    QCOMPARE(r.value.firstName, s("Ana"));
    QCOMPARE(r.value.lastName, s("Souza"));
    QCOMPARE(r.value.headline, s("Engineer"));
    QCOMPARE(r.value.publicIdentifier, s("ana-souza"));
    QCOMPARE(r.value.pictureUrl, s("https://media.example/ana.jpg"));
    QCOMPARE(InviteResult::fromJson(parse(R"({"first_name":1})")).error,
        s("data.first_name: expected a string, got a number"));
}

void TestInvitation::withdrawResult()
{
    const Decoded<WithdrawResult> w = WithdrawResult::fromJson(
        parse(R"({"withdrawn":true,"invitation_id":"7453486530700017665"})"));
    QVERIFY2(w.ok(), qPrintable(w.error));
    QVERIFY(w.value.withdrawn);
    QCOMPARE(w.value.invitationId, s("7453486530700017665"));
    QVERIFY(!WithdrawResult::fromJson(parse(R"({"withdrawn":"yes"})")).ok());
}

QTEST_GUILESS_MAIN(TestInvitation)
#include "tst_invitation.moc"
