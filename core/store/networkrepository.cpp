#include "networkrepository.h"

#include "database.h"
#include "domain/profileurl.h"
#include "storeutil_p.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace ld {

namespace {

const QString kInvitationColumns = QStringLiteral(
    "key, account_id, direction, entity_urn, shared_secret, invitation_id, first_name, last_name, "
    "headline, profile_url, picture_url, profile_id, invitation_type, note, sent_time_text, "
    "sent_days_at_fetch, fetched_at");

const QString kConnectionColumns = QStringLiteral(
    "key, account_id, name, job_title, profile_url, picture_url, profile_id, position, fetched_at");

// Stored as integers: Received 0, Sent 1.
int directionToSql(StoredInvitation::Direction d)
{
    return d == StoredInvitation::Direction::Sent ? 1 : 0;
}

StoredInvitation::Direction directionFromSql(const QVariant &v)
{
    return v.toInt() == 1 ? StoredInvitation::Direction::Sent : StoredInvitation::Direction::Received;
}

// network_listings.list
QString listName(StoredInvitation::Direction d)
{
    return d == StoredInvitation::Direction::Sent ? QStringLiteral("sent") : QStringLiteral("received");
}

const QString kConnectionsList = QStringLiteral("connections");

// A person as the caller names them: a profile URL in any spelling, or already a profile id.
QString profileIdOf(const QString &profileUrlOrId)
{
    const QString id = linkedInProfileId(profileUrlOrId);
    if (!id.isEmpty())
        return id;
    const QString bare = profileUrlOrId.trimmed();
    if (bare.isEmpty() || bare.contains(QLatin1Char('/')) || bare.contains(QLatin1Char(':')))
        return {};
    return linkedInProfileId(QStringLiteral("linkedin.com/in/") + bare);
}

StoredInvitation invitationFromRow(const QSqlQuery &q)
{
    StoredInvitation s;
    s.key = q.value(0).toLongLong();
    s.accountId = q.value(1).toString();
    s.direction = directionFromSql(q.value(2));
    s.entityUrn = q.value(3).toString();
    s.sharedSecret = q.value(4).toString();
    s.invitationId = q.value(5).toString();
    s.person.firstName = q.value(6).toString();
    s.person.lastName = q.value(7).toString();
    s.person.headline = q.value(8).toString();
    s.person.profileUrl = q.value(9).toString();
    s.person.pictureUrl = q.value(10).toString();
    s.profileId = q.value(11).toString();
    s.invitationType = q.value(12).toString();
    s.note = q.value(13).toString();
    s.sentTimeText = q.value(14).toString();
    s.sentDaysAtFetch = q.value(15).toInt();
    s.fetchedAt = store::timeFromSql(q.value(16));
    return s;
}

StoredConnection connectionFromRow(const QSqlQuery &q)
{
    StoredConnection c;
    c.key = q.value(0).toLongLong();
    c.accountId = q.value(1).toString();
    c.connection.name = q.value(2).toString();
    c.connection.jobTitle = q.value(3).toString();
    c.connection.profileUrl = q.value(4).toString();
    c.connection.pictureUrl = q.value(5).toString();
    c.profileId = q.value(6).toString();
    c.position = q.value(7).toInt();
    c.fetchedAt = store::timeFromSql(q.value(8));
    return c;
}

// What a page shows of a row: a listing that only refreshed fetched_at changed nothing.
bool sameContent(const StoredInvitation &a, const StoredInvitation &b)
{
    return a.key == b.key && a.entityUrn == b.entityUrn && a.sharedSecret == b.sharedSecret
           && a.invitationId == b.invitationId && a.person.firstName == b.person.firstName
           && a.person.lastName == b.person.lastName && a.person.headline == b.person.headline
           && a.person.profileUrl == b.person.profileUrl && a.person.pictureUrl == b.person.pictureUrl
           && a.profileId == b.profileId && a.invitationType == b.invitationType && a.note == b.note
           && a.sentTimeText == b.sentTimeText && a.sentDaysAtFetch == b.sentDaysAtFetch;
}

bool sameContent(const StoredConnection &a, const StoredConnection &b)
{
    return a.connection.name == b.connection.name && a.connection.jobTitle == b.connection.jobTitle
           && a.connection.profileUrl == b.connection.profileUrl
           && a.connection.pictureUrl == b.connection.pictureUrl && a.profileId == b.profileId
           && a.position == b.position;
}

template <typename T> bool sameContent(const QList<T> &a, const QList<T> &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(),
                      [](const T &x, const T &y) { return sameContent(x, y); });
}

QList<StoredInvitation> readInvitations(const QSqlDatabase &db, const QString &accountId,
                                        StoredInvitation::Direction direction)
{
    QList<StoredInvitation> out;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT %1 FROM invitations WHERE account_id = ? AND direction = ? "
                                 "ORDER BY key")
                      .arg(kInvitationColumns));
    query.addBindValue(accountId);
    query.addBindValue(directionToSql(direction));
    if (!store::execOrWarn(query, "reading invitations"))
        return out;
    while (query.next())
        out << invitationFromRow(query);
    return out;
}

QList<StoredConnection> readConnections(const QSqlDatabase &db, const QString &accountId)
{
    QList<StoredConnection> out;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT %1 FROM connections WHERE account_id = ? ORDER BY position, key")
                      .arg(kConnectionColumns));
    query.addBindValue(accountId);
    if (!store::execOrWarn(query, "reading connections"))
        return out;
    while (query.next())
        out << connectionFromRow(query);
    return out;
}

// Upsert by (account, direction, URN), keeping the row's key. A value the new data lacks is
// kept from the stored row where only we can know it: the note of an invitation LinkUp Desk
// sent (list_sent has none), an invitation id check_invitation found, the secret, and who it
// is (the profile URL we invited, when the list omits it).
bool upsertInvitation(const QSqlDatabase &db, const StoredInvitation &s)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO invitations (account_id, direction, entity_urn, shared_secret, invitation_id, "
        "first_name, last_name, headline, profile_url, picture_url, profile_id, invitation_type, note, "
        "sent_time_text, sent_days_at_fetch, fetched_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT (account_id, direction, entity_urn) DO UPDATE SET "
        "shared_secret = CASE WHEN excluded.shared_secret <> '' THEN excluded.shared_secret "
        " ELSE invitations.shared_secret END, "
        "invitation_id = CASE WHEN excluded.invitation_id <> '' THEN excluded.invitation_id "
        " ELSE invitations.invitation_id END, "
        "first_name = excluded.first_name, last_name = excluded.last_name, headline = excluded.headline, "
        "profile_url = CASE WHEN excluded.profile_url <> '' THEN excluded.profile_url "
        " ELSE invitations.profile_url END, "
        "picture_url = excluded.picture_url, "
        "profile_id = CASE WHEN excluded.profile_id <> '' THEN excluded.profile_id "
        " ELSE invitations.profile_id END, "
        "invitation_type = excluded.invitation_type, "
        "note = CASE WHEN excluded.note <> '' THEN excluded.note ELSE invitations.note END, "
        "sent_time_text = excluded.sent_time_text, sent_days_at_fetch = excluded.sent_days_at_fetch, "
        "fetched_at = excluded.fetched_at"));
    query.addBindValue(s.accountId);
    query.addBindValue(directionToSql(s.direction));
    query.addBindValue(s.entityUrn);
    query.addBindValue(store::orEmpty(s.sharedSecret));
    query.addBindValue(store::orEmpty(s.invitationId));
    query.addBindValue(store::orEmpty(s.person.firstName));
    query.addBindValue(store::orEmpty(s.person.lastName));
    query.addBindValue(store::orEmpty(s.person.headline));
    query.addBindValue(store::orEmpty(s.person.profileUrl));
    query.addBindValue(store::orEmpty(s.person.pictureUrl));
    query.addBindValue(store::orEmpty(s.profileId));
    query.addBindValue(store::orEmpty(s.invitationType));
    query.addBindValue(store::orEmpty(s.note));
    query.addBindValue(store::orEmpty(s.sentTimeText));
    query.addBindValue(s.sentDaysAtFetch);
    query.addBindValue(store::timeToSql(s.fetchedAt));
    return store::execOrWarn(query, "saving an invitation");
}

// Upsert by (account, profile id); a connection without a profile id cannot be matched and is
// always inserted (replaceConnections removes the account's earlier ones first).
bool upsertConnection(const QSqlDatabase &db, const StoredConnection &c)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO connections (account_id, name, job_title, profile_url, picture_url, profile_id, "
        "position, fetched_at) VALUES (?,?,?,?,?,?,?,?) "
        "ON CONFLICT (account_id, profile_id) WHERE profile_id <> '' DO UPDATE SET "
        "name = excluded.name, job_title = excluded.job_title, profile_url = excluded.profile_url, "
        "picture_url = excluded.picture_url, position = excluded.position, "
        "fetched_at = excluded.fetched_at"));
    query.addBindValue(c.accountId);
    query.addBindValue(store::orEmpty(c.connection.name));
    query.addBindValue(store::orEmpty(c.connection.jobTitle));
    query.addBindValue(store::orEmpty(c.connection.profileUrl));
    query.addBindValue(store::orEmpty(c.connection.pictureUrl));
    query.addBindValue(store::orEmpty(c.profileId));
    query.addBindValue(c.position);
    query.addBindValue(store::timeToSql(c.fetchedAt));
    return store::execOrWarn(query, "saving a connection");
}

QDateTime listedAt(const QSqlDatabase &db, const QString &accountId, const QString &list)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT fetched_at FROM network_listings WHERE account_id = ? AND list = ?"));
    query.addBindValue(accountId);
    query.addBindValue(list);
    if (!store::execOrWarn(query, "reading when a list was fetched") || !query.next())
        return {};
    return store::timeFromSql(query.value(0));
}

bool recordListing(const QSqlDatabase &db, const QString &accountId, const QString &list,
                   const QDateTime &at)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO network_listings (account_id, list, fetched_at) VALUES (?,?,?) "
                                 "ON CONFLICT (account_id, list) DO UPDATE SET fetched_at = excluded.fetched_at"));
    query.addBindValue(accountId);
    query.addBindValue(list);
    query.addBindValue(store::timeToSql(at));
    return store::execOrWarn(query, "recording a listing");
}

bool deleteByKey(const QSqlDatabase &db, const QString &table, qint64 key)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM %1 WHERE key = ?").arg(table));
    query.addBindValue(key);
    return store::execOrWarn(query, "removing a network row");
}

QString marks(qsizetype n)
{
    QStringList out;
    for (qsizetype i = 0; i < n; ++i)
        out << QStringLiteral("?");
    return out.join(QLatin1Char(','));
}

} // namespace

QDateTime StoredInvitation::sentAt() const
{
    if (!fetchedAt.isValid())
        return {};
    return fetchedAt.addDays(-qMax(0, sentDaysAtFetch));
}

int StoredInvitation::ageDays(const QDateTime &now) const
{
    const QDateTime sent = sentAt();
    if (!sent.isValid() || !now.isValid())
        return qMax(0, sentDaysAtFetch);
    return static_cast<int>(qMax<qint64>(0, sent.secsTo(now) / 86400));
}

NetworkRepository::NetworkRepository(Database *db, QObject *parent) : QObject(parent), m_db(db) { }

namespace {

// What a received and a sent invitation share, as the list shows them (§5.4, §5.5).
template <typename Listed>
StoredInvitation storedFrom(const QString &accountId, StoredInvitation::Direction direction,
                            const Listed &in, const InvitationPerson &person,
                            const QDateTime &fetchedAt)
{
    StoredInvitation s;
    s.accountId = accountId;
    s.direction = direction;
    s.entityUrn = in.entityUrn;
    s.invitationId = invitationIdFromUrn(in.entityUrn);
    s.person = person;
    s.profileId = linkedInProfileId(person.profileUrl);
    s.invitationType = in.invitationType;
    s.sentTimeText = in.sentTime;
    s.sentDaysAtFetch = in.sentTimeDays;
    s.fetchedAt = fetchedAt;
    return s;
}

} // namespace

bool NetworkRepository::replaceReceived(const QString &accountId, const QList<ReceivedInvitation> &all,
                                        const QDateTime &fetchedAt)
{
    QList<StoredInvitation> rows;
    rows.reserve(all.size());
    for (const ReceivedInvitation &in : all) {
        StoredInvitation s = storedFrom(accountId, Direction::Received, in, in.sender, fetchedAt);
        s.sharedSecret = in.sharedSecret;
        s.note = in.message;
        rows << s;
    }
    return replaceInvitations(accountId, Direction::Received, rows, fetchedAt);
}

bool NetworkRepository::replaceSent(const QString &accountId, const QList<SentInvitation> &all,
                                    const QDateTime &fetchedAt)
{
    QList<StoredInvitation> rows;
    rows.reserve(all.size());
    for (const SentInvitation &in : all)
        rows << storedFrom(accountId, Direction::Sent, in, in.recipient, fetchedAt);
    return replaceInvitations(accountId, Direction::Sent, rows, fetchedAt);
}

bool NetworkRepository::replaceInvitations(const QString &accountId, Direction direction,
                                           const QList<StoredInvitation> &rows,
                                           const QDateTime &fetchedAt)
{
    if (accountId.isEmpty() || !fetchedAt.isValid())
        return false;
    QSqlDatabase db = m_db->connection();
    store::Transaction transaction(db, false);
    if (!transaction.ok())
        return false;
    const bool neverListed = !listedAt(db, accountId, listName(direction)).isValid();
    const QList<StoredInvitation> before = readInvitations(db, accountId, direction);
    QSet<QString> listed;
    for (const StoredInvitation &row : rows) {
        // Without a URN it can be neither answered nor told apart from the next: not kept.
        if (row.entityUrn.isEmpty()) {
            qCWarning(lcStore) << "an invitation without entity_urn was left out";
            continue;
        }
        if (!upsertInvitation(db, row))
            return false;
        listed.insert(row.entityUrn);
    }
    for (const StoredInvitation &old : before) {
        // Written after the listing began (addSent): this listing cannot know it yet.
        if (listed.contains(old.entityUrn) || old.fetchedAt > fetchedAt)
            continue;
        if (!deleteByKey(db, QStringLiteral("invitations"), old.key))
            return false;
    }
    if (!recordListing(db, accountId, listName(direction), fetchedAt))
        return false;
    const QList<StoredInvitation> after = readInvitations(db, accountId, direction);
    if (!transaction.commit())
        return false;
    if (neverListed || !sameContent(before, after))
        Q_EMIT invitationsChanged(accountId, direction);
    return true;
}

bool NetworkRepository::addSent(const QString &accountId, const InviteResult &result,
                                const QString &profileUrl, const QString &note, const QDateTime &at)
{
    if (accountId.isEmpty() || result.invitationUrn.isEmpty()) {
        qCWarning(lcStore) << "an invitation sent without invitation_urn is not stored";
        return false;
    }
    StoredInvitation s;
    s.accountId = accountId;
    s.direction = Direction::Sent;
    s.entityUrn = result.invitationUrn;
    s.invitationId = result.invitationId();
    s.person.firstName = result.firstName;
    s.person.lastName = result.lastName;
    s.person.headline = result.headline;
    s.person.pictureUrl = result.pictureUrl;
    s.profileId = profileIdOf(profileUrl);
    if (s.profileId.isEmpty())
        s.profileId = profileIdOf(result.publicIdentifier);
    s.person.profileUrl = profileUrl.trimmed().isEmpty() ? canonicalProfileUrl(QStringLiteral("linkedin.com/in/")
                                                                               + result.publicIdentifier)
                                                         : profileUrl.trimmed();
    s.invitationType = QStringLiteral("CONNECTION");
    s.note = note;
    s.fetchedAt = at.isValid() ? at : QDateTime::currentDateTimeUtc();

    QSqlDatabase db = m_db->connection();
    if (!upsertInvitation(db, s))
        return false;
    Q_EMIT invitationsChanged(accountId, Direction::Sent);
    return true;
}

bool NetworkRepository::setInvitationId(qint64 key, const QString &invitationId)
{
    const auto stored = invitation(key);
    if (!stored || invitationId.isEmpty())
        return false;
    if (stored->invitationId == invitationId)
        return true;
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("UPDATE invitations SET invitation_id = ? WHERE key = ?"));
    query.addBindValue(invitationId);
    query.addBindValue(key);
    if (!store::execOrWarn(query, "saving an invitation id") || query.numRowsAffected() != 1)
        return false;
    Q_EMIT invitationsChanged(stored->accountId, stored->direction);
    return true;
}

bool NetworkRepository::removeInvitation(const QString &accountId, Direction direction,
                                         const QString &entityUrn)
{
    const auto stored = findByUrn(accountId, direction, entityUrn);
    if (!stored)
        return true; // already gone: the state the caller wants
    if (!deleteByKey(m_db->connection(), QStringLiteral("invitations"), stored->key))
        return false;
    Q_EMIT invitationsChanged(accountId, direction);
    return true;
}

QList<StoredInvitation> NetworkRepository::invitations(Direction direction,
                                                       const QStringList &accountIds) const
{
    QList<StoredInvitation> out;
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT %1 FROM invitations WHERE direction = ?%2")
                      .arg(kInvitationColumns,
                           accountIds.isEmpty()
                               ? QString()
                               : QStringLiteral(" AND account_id IN (%1)").arg(marks(accountIds.size()))));
    query.addBindValue(directionToSql(direction));
    for (const QString &id : accountIds)
        query.addBindValue(id);
    if (!store::execOrWarn(query, "reading invitations"))
        return out;
    while (query.next())
        out << invitationFromRow(query);
    // Sorted here rather than in SQL: sentAt is derived, and the lists are small.
    std::stable_sort(out.begin(), out.end(), [](const StoredInvitation &a, const StoredInvitation &b) {
        const QDateTime sa = a.sentAt(), sb = b.sentAt();
        if (sa != sb)
            return sa > sb;
        return a.key < b.key;
    });
    return out;
}

std::optional<StoredInvitation> NetworkRepository::invitation(qint64 key) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT %1 FROM invitations WHERE key = ?").arg(kInvitationColumns));
    query.addBindValue(key);
    if (!store::execOrWarn(query, "reading an invitation") || !query.next())
        return std::nullopt;
    return invitationFromRow(query);
}

std::optional<StoredInvitation> NetworkRepository::findByUrn(const QString &accountId, Direction direction,
                                                             const QString &urnOrId) const
{
    const QString text = urnOrId.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    // A full URN matches itself; a bare id matches the stored invitation id or a URN's tail.
    const bool isUrn = text.startsWith(QLatin1String("urn:"));
    const QString id = isUrn ? QString() : text;
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT %1 FROM invitations WHERE account_id = ? AND direction = ? AND "
                                 "(entity_urn = ? OR (? <> '' AND (invitation_id = ? "
                                 "OR substr(entity_urn, -length(?) - 1) = ':' || ?))) "
                                 "ORDER BY entity_urn = ? DESC, key DESC LIMIT 1")
                      .arg(kInvitationColumns));
    query.addBindValue(accountId);
    query.addBindValue(directionToSql(direction));
    query.addBindValue(text);
    for (int i = 0; i < 4; ++i)
        query.addBindValue(store::orEmpty(id));
    query.addBindValue(text);
    if (!store::execOrWarn(query, "finding an invitation") || !query.next())
        return std::nullopt;
    return invitationFromRow(query);
}

std::optional<StoredInvitation> NetworkRepository::findByPerson(const QString &accountId,
                                                                Direction direction,
                                                                const QString &profileUrl) const
{
    const QString profileId = profileIdOf(profileUrl);
    if (profileId.isEmpty())
        return std::nullopt;
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT %1 FROM invitations WHERE account_id = ? AND direction = ? "
                                 "AND profile_id = ? ORDER BY key DESC LIMIT 1")
                      .arg(kInvitationColumns));
    query.addBindValue(accountId);
    query.addBindValue(directionToSql(direction));
    query.addBindValue(profileId);
    if (!store::execOrWarn(query, "finding an invitation by person") || !query.next())
        return std::nullopt;
    return invitationFromRow(query);
}

int NetworkRepository::invitationCount(Direction direction, const QString &accountId) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT count(*) FROM invitations WHERE direction = ?%1")
                      .arg(accountId.isEmpty() ? QString() : QStringLiteral(" AND account_id = ?")));
    query.addBindValue(directionToSql(direction));
    if (!accountId.isEmpty())
        query.addBindValue(accountId);
    if (!store::execOrWarn(query, "counting invitations") || !query.next())
        return 0;
    return query.value(0).toInt();
}

QDateTime NetworkRepository::invitationsFetchedAt(const QString &accountId, Direction direction) const
{
    return listedAt(m_db->connection(), accountId, listName(direction));
}

bool NetworkRepository::replaceConnections(const QString &accountId, const QList<Connection> &all,
                                           const QDateTime &fetchedAt)
{
    if (accountId.isEmpty() || !fetchedAt.isValid())
        return false;
    QSqlDatabase db = m_db->connection();
    store::Transaction transaction(db, false);
    if (!transaction.ok())
        return false;
    const bool neverListed = !listedAt(db, accountId, kConnectionsList).isValid();
    const QList<StoredConnection> before = readConnections(db, accountId);
    {
        // Connections without a profile id cannot be matched to the new list: listed afresh.
        QSqlQuery query(db);
        query.prepare(QStringLiteral("DELETE FROM connections WHERE account_id = ? AND profile_id = ''"));
        query.addBindValue(accountId);
        if (!store::execOrWarn(query, "removing connections"))
            return false;
    }
    QSet<QString> listed;
    int position = 0;
    for (const Connection &in : all) {
        StoredConnection c;
        c.accountId = accountId;
        c.connection = in;
        c.profileId = linkedInProfileId(in.profileUrl);
        c.position = position++;
        c.fetchedAt = fetchedAt;
        if (!upsertConnection(db, c))
            return false;
        if (!c.profileId.isEmpty())
            listed.insert(c.profileId);
    }
    for (const StoredConnection &old : before) {
        // Added after the listing began (addConnection): this listing cannot know it yet.
        if (old.profileId.isEmpty() || listed.contains(old.profileId) || old.fetchedAt > fetchedAt)
            continue;
        if (!deleteByKey(db, QStringLiteral("connections"), old.key))
            return false;
    }
    if (!recordListing(db, accountId, kConnectionsList, fetchedAt))
        return false;
    const QList<StoredConnection> after = readConnections(db, accountId);
    if (!transaction.commit())
        return false;
    if (neverListed || !sameContent(before, after))
        Q_EMIT connectionsChanged(accountId);
    return true;
}

bool NetworkRepository::addConnection(const QString &accountId, const Connection &connection,
                                      const QDateTime &at)
{
    if (accountId.isEmpty())
        return false;
    QSqlDatabase db = m_db->connection();
    store::Transaction transaction(db, false);
    if (!transaction.ok())
        return false;
    QSqlQuery shift(db);
    shift.prepare(QStringLiteral("UPDATE connections SET position = position + 1 WHERE account_id = ?"));
    shift.addBindValue(accountId);
    if (!store::execOrWarn(shift, "making room for a connection"))
        return false;
    StoredConnection c;
    c.accountId = accountId;
    c.connection = connection;
    c.profileId = linkedInProfileId(connection.profileUrl);
    c.position = 0;
    c.fetchedAt = at.isValid() ? at : QDateTime::currentDateTimeUtc();
    if (!upsertConnection(db, c) || !transaction.commit())
        return false;
    Q_EMIT connectionsChanged(accountId);
    return true;
}

QList<StoredConnection> NetworkRepository::connections(const QString &accountId) const
{
    return readConnections(m_db->connection(), accountId);
}

int NetworkRepository::connectionCount(const QString &accountId) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT count(*) FROM connections WHERE account_id = ?"));
    query.addBindValue(accountId);
    if (!store::execOrWarn(query, "counting connections") || !query.next())
        return 0;
    return query.value(0).toInt();
}

bool NetworkRepository::isConnected(const QString &accountId, const QString &profileUrl) const
{
    const QString profileId = profileIdOf(profileUrl);
    if (profileId.isEmpty())
        return false;
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT 1 FROM connections WHERE account_id = ? AND profile_id = ?"));
    query.addBindValue(accountId);
    query.addBindValue(profileId);
    return store::execOrWarn(query, "checking a connection") && query.next();
}

QDateTime NetworkRepository::connectionsFetchedAt(const QString &accountId) const
{
    return listedAt(m_db->connection(), accountId, kConnectionsList);
}

} // namespace ld
