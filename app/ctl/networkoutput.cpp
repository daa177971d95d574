#include "networkoutput.h"

namespace ld::ctl {

int refreshList(Session &session, const QString &accountId, NetworkSync::List list, int *credits)
{
    NetworkSync *sync = session.workspace()->networkSync();
    bool done = false;
    ApiError failure;
    QObject guard;
    QObject::connect(sync, &NetworkSync::refreshed, &guard,
        [&](const QString &id, NetworkSync::List which, int, int, int spent) {
            if (id == accountId && which == list) {
                *credits = spent;
                done = true;
            }
        });
    QObject::connect(sync, &NetworkSync::failed, &guard,
        [&](const QString &id, NetworkSync::List which, const ApiError &error, int spent) {
            if (id == accountId && which == list) {
                *credits = spent;
                failure = error;
                done = true;
            }
        });
    sync->refresh(accountId, list);
    if (!waitUntilAny(
            sync, [&] { return done; }, &NetworkSync::refreshed, &NetworkSync::failed))
        return fail(QStringLiteral("interrupted"));
    return failure.isError() ? session.apiFailure(failure) : int(ExitOk);
}

QString ageText(int days)
{
    if (days <= 0)
        return QStringLiteral("today");
    return days == 1 ? QStringLiteral("1 day") : QStringLiteral("%1 days").arg(days);
}

QJsonObject invitationJson(const StoredInvitation &invitation, const QDateTime &now)
{
    const InvitationPerson &p = invitation.person;
    QJsonObject json { { QStringLiteral("entity_urn"), invitation.entityUrn },
        { QStringLiteral("account_id"), invitation.accountId },
        { QStringLiteral("name"), p.fullName() }, { QStringLiteral("first_name"), p.firstName },
        { QStringLiteral("last_name"), p.lastName }, { QStringLiteral("headline"), p.headline },
        { QStringLiteral("profile_url"), p.profileUrl },
        { QStringLiteral("invitation_type"), invitation.invitationType },
        { QStringLiteral("sent_time"), invitation.sentTimeText },
        { QStringLiteral("age_days"), invitation.ageDays(now) },
        { QStringLiteral("sent_at"), isoTime(invitation.sentAt()) },
        { QStringLiteral("note"), invitation.note } };
    if (invitation.direction == StoredInvitation::Direction::Sent)
        json.insert(QStringLiteral("invitation_id"), invitation.invitationId);
    return json;
}

QStringList invitationHeader(StoredInvitation::Direction direction)
{
    return { QStringLiteral("NAME"), QStringLiteral("HEADLINE"), QStringLiteral("AGE"),
        QStringLiteral("URN"),
        direction == StoredInvitation::Direction::Sent ? QStringLiteral("INVITATION ID")
                                                       : QStringLiteral("NOTE") };
}

QStringList invitationRow(const StoredInvitation &invitation, const QDateTime &now)
{
    const bool sent = invitation.direction == StoredInvitation::Direction::Sent;
    return { shortened(invitation.person.fullName(), 30), shortened(invitation.person.headline, 40),
        ageText(invitation.ageDays(now)), invitation.entityUrn,
        sent ? invitation.invitationId : shortened(invitation.note, 50) };
}

} // namespace ld::ctl
