#include "networkservice.h"

#include <QJsonObject>

namespace ld {

namespace {

const QString kCategory = QStringLiteral("network");

QJsonObject pagingParams(const OffsetQuery &query)
{
    // Unused keys are omitted, as integration code does (§1.3): the server's defaults apply.
    QJsonObject params { { QStringLiteral("count"), qMax(1, query.count) },
        { QStringLiteral("offset"), qMax(0, query.offset) } };
    if (!query.invitationType.isEmpty())
        params.insert(QStringLiteral("invitation_type"), query.invitationType);
    return params;
}

// A public identifier never contains a slash; a profile URL always does.
bool isProfileUrl(const QString &target)
{
    return target.contains(QLatin1Char('/'));
}

} // namespace

NetworkService::NetworkService(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

ApiCall *NetworkService::call(
    const QString &accountId, const QString &action, const QJsonObject &params, CallKind kind)
{
    return m_client->action(kCategory, accountId, action, params, kind);
}

ApiCall *NetworkService::listInvitations(const QString &accountId, const OffsetQuery &query)
{
    return call(accountId, QStringLiteral("list_invitations"), pagingParams(query), CallKind::Read);
}

ApiCall *NetworkService::accept(
    const QString &accountId, const QString &entityUrn, const QString &sharedSecret)
{
    const QJsonObject params { { QStringLiteral("entity_urn"), entityUrn },
        { QStringLiteral("shared_secret"), sharedSecret } };
    return call(accountId, QStringLiteral("accept"), params, CallKind::Write);
}

ApiCall *NetworkService::decline(
    const QString &accountId, const QString &entityUrn, const QString &sharedSecret)
{
    const QJsonObject params { { QStringLiteral("entity_urn"), entityUrn },
        { QStringLiteral("shared_secret"), sharedSecret } };
    return call(accountId, QStringLiteral("decline"), params, CallKind::Write);
}

ApiCall *NetworkService::listSent(const QString &accountId, const OffsetQuery &query)
{
    return call(accountId, QStringLiteral("list_sent"), pagingParams(query), CallKind::Read);
}

ApiCall *NetworkService::withdraw(const QString &accountId, const QString &invitationId)
{
    // Always a string on the wire: the id does not fit a double (§1.8).
    const QJsonObject params { { QStringLiteral("invitation_id"), invitationId } };
    return call(accountId, QStringLiteral("withdraw"), params, CallKind::Write);
}

ApiCall *NetworkService::invite(
    const QString &accountId, const QString &target, const QString &note)
{
    QJsonObject params { { isProfileUrl(target) ? QStringLiteral("profile_url")
                                                : QStringLiteral("identifier"),
        target } };
    if (!note.isEmpty())
        params.insert(QStringLiteral("message"), note);
    return call(accountId, QStringLiteral("invite"), params, CallKind::Write);
}

ApiCall *NetworkService::checkInvitation(const QString &accountId, const QString &profileUrl)
{
    // Costs a credit but changes nothing: a Read, safe to retry.
    const QJsonObject params { { QStringLiteral("profile_url"), profileUrl } };
    return call(accountId, QStringLiteral("check_invitation"), params, CallKind::Read);
}

ApiCall *NetworkService::listConnections(const QString &accountId, const OffsetQuery &query)
{
    QJsonObject params = pagingParams(query);
    params.remove(QStringLiteral("invitation_type")); // not a list_connections parameter
    return call(accountId, QStringLiteral("list_connections"), params, CallKind::Read);
}

} // namespace ld
