#pragma once
// Network (contract §5): POST /v2/network with actions list_invitations, accept, decline,
// list_sent, withdraw, invite, check_invitation, list_connections. The lists are offset-paged
// (§1.7): callers continue with offset = pagination.next_offset while pagination.has_more.
// accept, decline, withdraw and invite are Writes: never retried after an ambiguous failure
// (the caller verifies with check_invitation).
#include "api/apiclient.h"

namespace ld {

struct OffsetQuery
{
    int count = 10;
    int offset = 0;
    QString invitationType; // list_invitations / list_sent: "CONNECTION", ...; empty: default
};

class NetworkService : public QObject
{
    Q_OBJECT
public:
    explicit NetworkService(ApiClient *client, QObject *parent = nullptr);

    ApiCall *listInvitations(const QString &accountId, const OffsetQuery &query = {});
    // Both come from list_invitations.
    ApiCall *accept(
        const QString &accountId, const QString &entityUrn, const QString &sharedSecret);
    ApiCall *decline(
        const QString &accountId, const QString &entityUrn, const QString &sharedSecret);

    ApiCall *listSent(const QString &accountId, const OffsetQuery &query = {});
    // invitationId: SentInvitation::invitationId() (free) or check_invitation's (1 credit).
    ApiCall *withdraw(const QString &accountId, const QString &invitationId);

    // `target` is a profile URL (sent as profile_url) or a public identifier (sent as
    // identifier); an empty note is not sent.
    ApiCall *invite(const QString &accountId, const QString &target, const QString &note = {});
    ApiCall *checkInvitation(const QString &accountId, const QString &profileUrl);

    // 1 credit per 50 results (§5.3): 50 is the count that wastes none.
    ApiCall *listConnections(const QString &accountId, const OffsetQuery &query = { 50, 0, {} });

private:
    ApiCall *call(
        const QString &accountId, const QString &action, const QJsonObject &params, CallKind kind);

    ApiClient *m_client;
};

} // namespace ld
