#include "invitation.h"

#include "jsonreader.h"
#include "keyaliases_p.h"

#include <QJsonArray>

#include <algorithm>

namespace ld {

namespace {

// Decodes `key` as an InvitationPerson when present; absent or null gives the default.
Decoded<InvitationPerson> personAt(json::Reader &r, const QString &key)
{
    const QJsonObject o = r.subObject(key);
    if (!r.ok())
        return Decoded<InvitationPerson>::failure(r.error());
    if (!r.has(key))
        return Decoded<InvitationPerson>::success({});
    return InvitationPerson::fromJson(o, json::childPath(r.path(), key));
}

// The three offset-paged lists differ only in their array's key and item type.
template <typename T>
Decoded<OffsetPage<T>> decodePage(const QJsonValue &json, const QString &path, const QString &key)
{
    json::Reader r(json, path);
    OffsetPage<T> page;
    const QJsonArray items = r.array(key);
    page.totalResults = r.count(QStringLiteral("total_results"), items.size());
    page.totalAvailable = r.count(QStringLiteral("total_available_results"), page.totalResults);
    const QString paginationKey = QStringLiteral("pagination");
    const QJsonObject pagination = r.subObject(paginationKey);
    r.markRead({ "invitation_type" }); // list_sent echoes the filter
    if (!r.ok())
        return Decoded<OffsetPage<T>>::failure(r.error());
    if (r.has(paginationKey)) {
        Decoded<OffsetPagination> p
            = OffsetPagination::fromJson(pagination, json::childPath(path, paginationKey));
        if (!p.ok())
            return Decoded<OffsetPage<T>>::failure(p.error);
        page.pagination = p.value;
    } else {
        // No pagination object: a single page, the whole list.
        page.pagination.count = int(items.size());
        page.pagination.nextOffset = int(items.size());
    }
    const QString itemsPath = json::childPath(path, key);
    page.items.reserve(items.size());
    for (int i = 0; i < items.size(); ++i) {
        Decoded<T> item = T::fromJson(items.at(i), json::indexPath(itemsPath, i));
        if (!item.ok())
            return Decoded<OffsetPage<T>>::failure(item.error);
        page.items.append(std::move(item.value));
    }
    return Decoded<OffsetPage<T>>::success(std::move(page));
}

} // namespace

QString invitationIdFromUrn(const QString &urn)
{
    const QString tail = urn.mid(urn.lastIndexOf(QLatin1Char(':')) + 1);
    if (tail.isEmpty())
        return {};
    const bool numeric = std::all_of(tail.cbegin(), tail.cend(),
        [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
    return numeric ? tail : QString();
}

QString InvitationPerson::fullName() const
{
    return (firstName + QLatin1Char(' ') + lastName).trimmed();
}

Decoded<InvitationPerson> InvitationPerson::fromJson(const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    InvitationPerson p;
    p.firstName = r.string(QStringLiteral("first_name"));
    p.lastName = r.string(QStringLiteral("last_name"));
    p.headline = r.string(QStringLiteral("headline"));
    p.profileUrl = json::firstString(r, { "linkedin_url", "profile_url" });
    p.pictureUrl = json::firstString(r, { "profile_picture_url", "profile_picture" });
    return json::finish(r, std::move(p));
}

Decoded<ReceivedInvitation> ReceivedInvitation::fromJson(
    const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    ReceivedInvitation inv;
    inv.entityUrn = r.id(QStringLiteral("entity_urn"), /*required=*/true);
    inv.sharedSecret = r.id(QStringLiteral("shared_secret"));
    Decoded<InvitationPerson> sender = personAt(r, QStringLiteral("sender"));
    if (!sender.ok())
        return Decoded<ReceivedInvitation>::failure(sender.error);
    inv.sender = std::move(sender.value);
    inv.invitationType = r.string(QStringLiteral("invitation_type"));
    inv.sentTime = r.string(QStringLiteral("sent_time"));
    inv.sentTimeDays = r.count(QStringLiteral("sent_time_days"));
    inv.message = r.string(QStringLiteral("message"));
    return json::finish(r, std::move(inv));
}

Decoded<SentInvitation> SentInvitation::fromJson(const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    SentInvitation inv;
    inv.entityUrn = r.id(QStringLiteral("entity_urn"), /*required=*/true);
    Decoded<InvitationPerson> recipient = personAt(r, QStringLiteral("recipient"));
    if (!recipient.ok())
        return Decoded<SentInvitation>::failure(recipient.error);
    inv.recipient = std::move(recipient.value);
    inv.invitationType = r.string(QStringLiteral("invitation_type"));
    inv.sentTime = r.string(QStringLiteral("sent_time"));
    inv.sentTimeDays = r.count(QStringLiteral("sent_time_days"));
    return json::finish(r, std::move(inv));
}

Decoded<Connection> Connection::fromJson(const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    Connection c;
    c.name = r.string(QStringLiteral("name"));
    c.jobTitle = json::firstString(r, { "job_title", "headline" });
    c.profileUrl = json::firstString(r, { "profile_url", "linkedin_url" });
    c.pictureUrl = json::firstString(r, { "profile_picture", "profile_picture_url" });
    return json::finish(r, std::move(c));
}

Decoded<OffsetPagination> OffsetPagination::fromJson(const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    OffsetPagination p;
    p.offset = r.count(QStringLiteral("offset"));
    p.count = r.count(QStringLiteral("count"));
    p.nextOffset = r.count(QStringLiteral("next_offset"), qint64(p.offset) + p.count);
    p.hasMore = r.boolean(QStringLiteral("has_more"));
    p.resultsPerPage = r.count(QStringLiteral("results_per_page"));
    p.pagesFetched = r.count(QStringLiteral("pages_fetched"));
    // A next_offset that does not move on would page forever: treat it as the end.
    if (p.hasMore && p.nextOffset <= p.offset)
        p.hasMore = false;
    return json::finish(r, std::move(p));
}

Decoded<ReceivedInvitationPage> decodeReceivedInvitations(
    const QJsonValue &json, const QString &path)
{
    return decodePage<ReceivedInvitation>(json, path, QStringLiteral("invitations"));
}

Decoded<SentInvitationPage> decodeSentInvitations(const QJsonValue &json, const QString &path)
{
    return decodePage<SentInvitation>(json, path, QStringLiteral("invitations"));
}

Decoded<ConnectionPage> decodeConnections(const QJsonValue &json, const QString &path)
{
    return decodePage<Connection>(json, path, QStringLiteral("connections"));
}

bool InvitationCheck::isConnected() const
{
    return invitationState == QLatin1String("ACCEPTED")
        || invitationType == QLatin1String("CONNECTED");
}

bool InvitationCheck::isPendingSent() const
{
    return invitationState == QLatin1String("PENDING") && invitationType == QLatin1String("SENT");
}

bool InvitationCheck::isPendingReceived() const
{
    return invitationState == QLatin1String("PENDING")
        && invitationType == QLatin1String("RECEIVED");
}

Decoded<InvitationCheck> InvitationCheck::fromJson(const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    InvitationCheck c;
    c.invitationState = r.string(QStringLiteral("invitation_state"));
    c.invitationType = r.string(QStringLiteral("invitation_type"));
    // A string in V2; V1 sent a number too big for a double: Reader::id keeps it whole (§1.8).
    c.invitationId = r.id(QStringLiteral("invitation_id"));
    c.memberDistance = r.count(QStringLiteral("member_distance"));
    c.message = r.string(QStringLiteral("message"));
    return json::finish(r, std::move(c));
}

Decoded<InviteResult> InviteResult::fromJson(const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    InviteResult i;
    i.invitationUrn = r.id(QStringLiteral("invitation_urn"));
    i.profileUrn = r.id(QStringLiteral("profile_urn"));
    i.firstName = r.string(QStringLiteral("first_name"));
    i.lastName = r.string(QStringLiteral("last_name"));
    i.headline = r.string(QStringLiteral("headline"));
    i.publicIdentifier = json::firstString(r, { "public_identifier", "public_id" });
    i.pictureUrl = json::firstString(r, { "profile_picture_url", "profile_picture" });
    return json::finish(r, std::move(i));
}

Decoded<WithdrawResult> WithdrawResult::fromJson(const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    WithdrawResult w;
    w.withdrawn = r.boolean(QStringLiteral("withdrawn"));
    w.invitationId = r.id(QStringLiteral("invitation_id"));
    return json::finish(r, std::move(w));
}

} // namespace ld
