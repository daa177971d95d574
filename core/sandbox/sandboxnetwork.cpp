// POST /v2/network: invite, check_invitation, list_connections, list_invitations, list_sent,
// accept, decline, withdraw (contract §5). State changes persist for the server's lifetime.
#include "sandboxhandlers.h"

#include <algorithm>

namespace ld::sandbox {

QJsonObject pagination(qint64 offset, qint64 returned, qint64 total, int perPage)
{
    return obj({ { "offset", offset }, { "count", returned }, { "next_offset", offset + returned },
        { "has_more", offset + returned < total }, { "results_per_page", perPage },
        { "pages_fetched", qMax(1, perResults(returned, perPage)) } });
}

namespace {

QString sentTimeText(int days)
{
    if (days < 7)
        return QStringLiteral("%1d").arg(days);
    if (days < 30)
        return QStringLiteral("%1w").arg(days / 7);
    return QStringLiteral("%1mo").arg(days / 30);
}

// The target person of invite / check_invitation, or an error reply.
int targetPerson(ActionContext &ctx, Reply *error)
{
    const QString target
        = ctx.params.anyString({ "profile_url", "linkedin_url", "identifier" }, true);
    if (!ctx.params.ok()) {
        *error = ctx.paramsError();
        return -1;
    }
    const QString slug = SandboxState::slugFromUrl(target);
    if (slug.isEmpty()) {
        *error = ctx.invalid(
            QStringLiteral("profile_url is not a LinkedIn profile URL: %1").arg(target));
        return -1;
    }
    const int person = ctx.state.personBySlug(slug, true);
    if (!ctx.state.people[size_t(person)].exists) {
        *error = ctx.invalid(QStringLiteral("profile not found: it no longer exists on LinkedIn"));
        return -1;
    }
    return person;
}

qsizetype findInvitation(const QList<Invitation> &list, int person)
{
    for (qsizetype i = 0; i < list.size(); ++i)
        if (list[i].person == person)
            return i;
    return -1;
}

qsizetype findInvitationById(const QList<Invitation> &list, QString id)
{
    id.remove(QStringLiteral("urn:li:invitation:"));
    for (qsizetype i = 0; i < list.size(); ++i)
        if (list[i].id == id)
            return i;
    return -1;
}

Reply invite(ActionContext &ctx)
{
    Reply error;
    const int person = targetPerson(ctx, &error);
    if (person < 0)
        return error;
    const QString note = ctx.params.string("message");
    // LinkedIn counts characters as people see them (code points): 150 emoji are 150.
    if (note.toUcs4().size() > 300)
        return ctx.invalid(QStringLiteral("message is longer than 300 characters"));
    if (!ctx.params.ok())
        return ctx.paramsError();
    if (person == ctx.account.me)
        return ctx.invalid(QStringLiteral("you cannot invite yourself"));
    if (ctx.account.connections.contains(person))
        return ctx.invalid(QStringLiteral("you are already connected with this person"));
    if (findInvitation(ctx.account.sent, person) >= 0)
        return ctx.invalid(QStringLiteral("an invitation to this person is already pending"));
    if (findInvitation(ctx.account.received, person) >= 0)
        return ctx.invalid(
            QStringLiteral("this person already invited you: accept their invitation"));
    if (!ctx.canAfford(1))
        return ctx.noCredits(1);
    const Invitation inv { ctx.state.nextInvitationId(), person, 0, {}, note };
    ctx.account.sent.prepend(inv);
    const Person &p = ctx.state.people[size_t(person)];
    return ctx.ok(
        obj({ { "invitation_urn", inv.urn() }, { "profile_urn", p.urn() },
            { "first_name", p.firstName }, { "last_name", p.lastName }, { "headline", p.headline },
            { "public_identifier", p.publicId }, { "profile_picture_url", p.pictureUrl() } }),
        1);
}

Reply checkInvitation(ActionContext &ctx)
{
    Reply error;
    const int person = targetPerson(ctx, &error);
    if (person < 0)
        return error;
    if (!ctx.canAfford(1))
        return ctx.noCredits(1);
    const qsizetype sent = findInvitation(ctx.account.sent, person);
    const qsizetype received = findInvitation(ctx.account.received, person);
    QJsonObject data;
    if (ctx.account.connections.contains(person)) {
        data = obj({ { "invitation_state", QStringLiteral("ACCEPTED") },
            { "invitation_type", QStringLiteral("CONNECTED") },
            { "invitation_id", QJsonValue::Null }, { "member_distance", 1 },
            { "message", QStringLiteral("You are connected with this person") } });
    } else if (sent >= 0 || received >= 0) {
        const Invitation &inv = sent >= 0 ? ctx.account.sent[sent] : ctx.account.received[received];
        data = obj({ { "invitation_state", QStringLiteral("PENDING") },
            { "invitation_type", sent >= 0 ? QStringLiteral("SENT") : QStringLiteral("RECEIVED") },
            { "invitation_id", inv.id }, { "member_distance", 2 },
            { "message",
                sent >= 0 ? QStringLiteral("Your invitation is pending")
                          : QStringLiteral("This person invited you") } });
    } else {
        data = obj({ { "invitation_state", QStringLiteral("NO_INVITATION") },
            { "invitation_type", QJsonValue::Null }, { "invitation_id", QJsonValue::Null },
            // Unknown people are 3rd+; pool members are 2nd-degree.
            { "member_distance", person < 120 ? 2 : 3 },
            { "message", QStringLiteral("No invitation between you and this person") } });
    }
    return ctx.ok(data, 1);
}

Reply listConnections(ActionContext &ctx)
{
    const qint64 count = ctx.params.integer("count", 10, 1, 1000);
    const qint64 offset = ctx.params.integer("offset", 0, 0, 1000000);
    ctx.params.boolean("use_cache", false);
    if (!ctx.params.ok())
        return ctx.paramsError();
    const QList<int> &all = ctx.account.connections;
    QJsonArray items;
    for (qsizetype i = offset; i < all.size() && items.size() < count; ++i) {
        const Person &p = ctx.state.people[size_t(all[i])];
        items.append(obj({ { "name", p.fullName() }, { "job_title", p.headline },
            { "profile_url", p.profileUrl() }, { "profile_picture", p.pictureUrl() } }));
    }
    const int cost = perResults(items.size(), 50);
    if (!ctx.canAfford(cost))
        return ctx.noCredits(cost);
    // LinkedIn serves 100 connections per upstream request (§1.6).
    return ctx.ok(obj({ { "connections", items }, { "total_results", items.size() },
                      { "total_available_results", all.size() },
                      { "pagination", pagination(offset, items.size(), all.size(), 100) } }),
        cost);
}

Reply listInvitations(ActionContext &ctx, bool sentList)
{
    const qint64 count = ctx.params.integer("count", 10, 1, 100);
    const qint64 offset = ctx.params.integer("offset", 0, 0, 1000000);
    const QString type = ctx.params.string("invitation_type").toUpper();
    if (!type.isEmpty() && type != QLatin1String("CONNECTION")
        && type != QLatin1String("ORGANIZATION") && type != QLatin1String("CONTENT_SERIES"))
        ctx.params.invalid(
            QStringLiteral("invitation_type must be CONNECTION, ORGANIZATION or CONTENT_SERIES"));
    if (!ctx.params.ok())
        return ctx.paramsError();
    if (!ctx.canAfford(1))
        return ctx.noCredits(1);
    QList<Invitation> list = sentList ? ctx.account.sent : ctx.account.received;
    if (!type.isEmpty() && type != QLatin1String("CONNECTION"))
        list.clear(); // the sandbox only has connection invitations
    std::stable_sort(list.begin(), list.end(),
        [](const Invitation &a, const Invitation &b) { return a.sentDays < b.sentDays; });
    QJsonArray items;
    for (qsizetype i = offset; i < list.size() && items.size() < count; ++i) {
        const Invitation &inv = list[i];
        const Person &p = ctx.state.people[size_t(inv.person)];
        QJsonObject who = obj({ { "first_name", p.firstName }, { "last_name", p.lastName },
            { "headline", p.headline }, { "linkedin_url", p.profileUrl() } });
        QJsonObject item = obj(
            { { "entity_urn", inv.urn() }, { "invitation_type", QStringLiteral("CONNECTION") },
                { "sent_time", sentTimeText(inv.sentDays) }, { "sent_time_days", inv.sentDays } });
        if (sentList) {
            // list_sent says profile_picture and shows no invitation_id (§5.5).
            who.insert(QStringLiteral("profile_picture"), p.pictureUrl());
            item.insert(QStringLiteral("recipient"), who);
        } else {
            who.insert(QStringLiteral("profile_picture_url"), p.pictureUrl());
            item.insert(QStringLiteral("sender"), who);
            item.insert(QStringLiteral("shared_secret"), inv.sharedSecret);
            if (!inv.note.isEmpty())
                item.insert(QStringLiteral("message"), inv.note); // inferred: the note, when any
        }
        items.append(item);
    }
    QJsonObject data = obj({ { "invitations", items }, { "total_results", items.size() },
        { "total_available_results", list.size() },
        { "pagination", pagination(offset, items.size(), list.size(), 10) } });
    if (sentList)
        data.insert(QStringLiteral("invitation_type"),
            type.isEmpty() ? QStringLiteral("CONNECTION") : type);
    return ctx.ok(data, 1);
}

Reply answerInvitation(ActionContext &ctx, bool accept)
{
    const QString secret = ctx.params.string("shared_secret", true);
    const QString urn = ctx.params.string("entity_urn", true);
    if (!ctx.params.ok())
        return ctx.paramsError();
    const qsizetype i = findInvitationById(ctx.account.received, urn);
    if (i < 0)
        return ctx.invalid(QStringLiteral("invitation not found: it may have been withdrawn or "
                                          "already answered"));
    if (ctx.account.received[i].sharedSecret != secret)
        return ctx.invalid(QStringLiteral("shared_secret does not match this invitation"));
    // Decision: decline is billed like accept (1 credit); the contract is silent.
    if (!ctx.canAfford(1))
        return ctx.noCredits(1);
    const Invitation inv = ctx.account.received.takeAt(i);
    if (accept)
        ctx.account.connections.prepend(inv.person);
    return ctx.ok(QJsonObject(), 1);
}

Reply withdraw(ActionContext &ctx)
{
    const QString id = ctx.params.string("invitation_id", true);
    if (!ctx.params.ok())
        return ctx.paramsError();
    const qsizetype i = findInvitationById(ctx.account.sent, id);
    if (i < 0)
        return ctx.invalid(QStringLiteral("invitation not found: it may have been accepted or "
                                          "withdrawn already"));
    if (!ctx.canAfford(1))
        return ctx.noCredits(1);
    const Invitation inv = ctx.account.sent.takeAt(i);
    return ctx.ok(obj({ { "withdrawn", true }, { "invitation_id", inv.id } }), 1);
}

} // namespace

namespace handlers {

QStringList networkActions()
{
    return { QStringLiteral("invite"), QStringLiteral("check_invitation"),
        QStringLiteral("list_connections"), QStringLiteral("list_invitations"),
        QStringLiteral("list_sent"), QStringLiteral("accept"), QStringLiteral("decline"),
        QStringLiteral("withdraw") };
}

Reply network(ActionContext &ctx)
{
    const QString &a = ctx.action;
    if (a == QLatin1String("invite"))
        return invite(ctx);
    if (a == QLatin1String("check_invitation"))
        return checkInvitation(ctx);
    if (a == QLatin1String("list_connections"))
        return listConnections(ctx);
    if (a == QLatin1String("list_invitations") || a == QLatin1String("list_sent"))
        return listInvitations(ctx, a == QLatin1String("list_sent"));
    if (a == QLatin1String("accept") || a == QLatin1String("decline"))
        return answerInvitation(ctx, a == QLatin1String("accept"));
    return withdraw(ctx);
}

} // namespace handlers
} // namespace ld::sandbox
