#pragma once
// Network (contract §5): received and sent invitations, connections, the answers of invite,
// check_invitation and withdraw, and the offset paging they share (§1.7). Decoded leniently:
// ids and URNs are opaque strings (a number id is kept in full), absent optionals give the
// default, a wrong type is refused with its JSON path.
#include "decoded.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace ld {

// The numeric tail of "urn:li:invitation:7453486530700017665", which withdraw takes as its
// invitation_id (§5.8); empty when the URN has no such tail.
QString invitationIdFromUrn(const QString &urn);

// The sender of a received invitation or the recipient of a sent one.
struct InvitationPerson
{
    QString firstName;
    QString lastName;
    QString headline;
    QString profileUrl; // linkedin_url or profile_url
    QString pictureUrl; // profile_picture_url (list_invitations) or profile_picture (list_sent)

    QString fullName() const;
    static Decoded<InvitationPerson> fromJson(const QJsonValue &json, const QString &path);
};

struct ReceivedInvitation
{
    QString entityUrn; // urn:li:invitation:…; passed back verbatim to accept / decline
    QString sharedSecret; // required by accept and decline
    InvitationPerson sender;
    QString invitationType; // "CONNECTION", ...
    QString sentTime; // short text, e.g. "1d"
    int sentTimeDays = 0;
    QString message; // the sender's note, when any (inferred)

    static Decoded<ReceivedInvitation> fromJson(const QJsonValue &json, const QString &path);
};

struct SentInvitation
{
    QString entityUrn;
    InvitationPerson recipient;
    QString invitationType;
    QString sentTime;
    int sentTimeDays = 0;

    // list_sent shows no invitation_id: it is the URN's tail (§5.8), free of credits.
    QString invitationId() const { return invitationIdFromUrn(entityUrn); }
    static Decoded<SentInvitation> fromJson(const QJsonValue &json, const QString &path);
};

struct Connection
{
    QString name;
    QString jobTitle;
    QString profileUrl;
    QString pictureUrl; // profile_picture or profile_picture_url

    static Decoded<Connection> fromJson(const QJsonValue &json, const QString &path);
};

struct OffsetPagination
{
    int offset = 0;
    int count = 0;
    int nextOffset = 0;
    bool hasMore = false; // absent: the end of the list
    int resultsPerPage = 0;
    int pagesFetched = 0;

    static Decoded<OffsetPagination> fromJson(const QJsonValue &json, const QString &path);
};

template <typename T> struct OffsetPage
{
    QList<T> items;
    int totalResults = 0; // on this page
    int totalAvailable = 0; // total_available_results: in the whole list
    OffsetPagination pagination;

    // Continue with offset = pagination.nextOffset while this holds (§1.7).
    bool hasMore() const { return pagination.hasMore; }
};

using ReceivedInvitationPage = OffsetPage<ReceivedInvitation>;
using SentInvitationPage = OffsetPage<SentInvitation>;
using ConnectionPage = OffsetPage<Connection>;

Decoded<ReceivedInvitationPage> decodeReceivedInvitations(
    const QJsonValue &json, const QString &path = QStringLiteral("data"));
Decoded<SentInvitationPage> decodeSentInvitations(
    const QJsonValue &json, const QString &path = QStringLiteral("data"));
Decoded<ConnectionPage> decodeConnections(
    const QJsonValue &json, const QString &path = QStringLiteral("data"));

// check_invitation (§5.2): the relationship with one person.
struct InvitationCheck
{
    QString invitationState; // "ACCEPTED", "PENDING", "NO_INVITATION"
    QString invitationType; // "CONNECTED", "SENT", "RECEIVED"; empty for null
    QString invitationId; // set for pending invitations; empty for null
    int memberDistance = 0; // 1, 2, 3; 0 when null or absent
    QString message;

    bool isConnected() const;
    bool isPendingSent() const;
    bool isPendingReceived() const;
    static Decoded<InvitationCheck> fromJson(
        const QJsonValue &json, const QString &path = QStringLiteral("data"));
};

// invite (§5.1).
struct InviteResult
{
    QString invitationUrn;
    QString profileUrn;
    QString firstName;
    QString lastName;
    QString headline;
    QString publicIdentifier;
    QString pictureUrl;

    QString invitationId() const { return invitationIdFromUrn(invitationUrn); }
    static Decoded<InviteResult> fromJson(
        const QJsonValue &json, const QString &path = QStringLiteral("data"));
};

// withdraw (§5.8).
struct WithdrawResult
{
    bool withdrawn = false;
    QString invitationId;

    static Decoded<WithdrawResult> fromJson(
        const QJsonValue &json, const QString &path = QStringLiteral("data"));
};

} // namespace ld
