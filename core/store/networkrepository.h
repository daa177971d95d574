#pragma once
// The network cache (issue 4): pending invitations received and sent, and connections, per
// account. Filled by NetworkSync from the offset-paged lists (§5.3–5.5) and kept current by the
// InvitationQueue after each accept, decline, withdraw and invite, so the pages and the
// duplicate check read the store, never the network. Received invitations keep the
// shared_secret that accept and decline need (§5.6). People are matched by their profile id
// (linkedInProfileId), since profile URLs come in several spellings.
#include "domain/invitation.h"

#include <QDateTime>
#include <QObject>
#include <optional>

namespace ld {

class Database;

struct StoredInvitation
{
    enum class Direction { Received, Sent };

    qint64 key = 0; // stable local key (rowid)
    QString accountId;
    Direction direction = Direction::Received;
    QString entityUrn; // "urn:li:invitation:…", unique per account and direction
    QString sharedSecret; // received only
    QString invitationId; // sent: the URN's numeric tail, or check_invitation's when it had none
    InvitationPerson person; // the sender (received) or the recipient (sent)
    QString profileId; // linkedInProfileId(person.profileUrl); empty when unknown
    QString invitationType; // "CONNECTION", ...
    QString note; // received: the sender's note; sent: our note when LinkUp Desk sent it
    QString sentTimeText; // as the list said it ("1d", "3w")
    int sentDaysAtFetch = 0; // sent_time_days when last listed
    QDateTime fetchedAt; // UTC, when a list last showed it (or the invite succeeded)

    // When it was sent, as well as the list tells: fetchedAt - sentDaysAtFetch days.
    QDateTime sentAt() const;
    // Whole days since sentAt() at `now` (UTC); never negative.
    int ageDays(const QDateTime &now) const;
};

struct StoredConnection
{
    qint64 key = 0;
    QString accountId;
    Connection connection;
    QString profileId;
    int position = 0; // order in list_connections (0: most recent)
    QDateTime fetchedAt;
};

class NetworkRepository : public QObject
{
    Q_OBJECT
public:
    using Direction = StoredInvitation::Direction;

    explicit NetworkRepository(Database *db, QObject *parent = nullptr);

    // After a complete listing (every page): in one transaction, upserts these and removes the
    // account's stored invitations of that direction that the list no longer shows (answered or
    // withdrawn elsewhere). Keeps a sent invitation's note and a check_invitation id.
    // fetchedAt is best the time the listing began: a row written after it (addSent during the
    // listing) is kept, since the listing could not show it yet.
    bool replaceReceived(const QString &accountId, const QList<ReceivedInvitation> &all,
                         const QDateTime &fetchedAt);
    bool replaceSent(const QString &accountId, const QList<SentInvitation> &all,
                     const QDateTime &fetchedAt);
    // An invitation LinkUp Desk just sent (invite's answer), shown before the next listing.
    // Refused (false) when the answer has no invitation_urn: such a row could not be keyed.
    bool addSent(const QString &accountId, const InviteResult &result, const QString &profileUrl,
                 const QString &note, const QDateTime &at);
    bool setInvitationId(qint64 key, const QString &invitationId);
    // After accept, decline or withdraw succeeded (or was verified). Takes the URN or its bare
    // id; true as well when it was not stored (already gone), false only on a store error.
    bool removeInvitation(const QString &accountId, Direction direction, const QString &entityUrn);

    // Newest first (sentAt descending, then key). Empty accountIds: every account.
    QList<StoredInvitation> invitations(Direction direction,
                                        const QStringList &accountIds = {}) const;
    std::optional<StoredInvitation> invitation(qint64 key) const;
    // By URN; accepts the bare numeric id as well as the full URN.
    std::optional<StoredInvitation> findByUrn(const QString &accountId, Direction direction,
                                              const QString &urnOrId) const;
    // profileUrl: any spelling of a profile URL (linkedInProfileId), or the profile id itself.
    std::optional<StoredInvitation> findByPerson(const QString &accountId, Direction direction,
                                                 const QString &profileUrl) const;
    int invitationCount(Direction direction, const QString &accountId = {}) const;
    // When the account's list of that direction was last read completely; invalid if never.
    QDateTime invitationsFetchedAt(const QString &accountId, Direction direction) const;

    // Connections (list_connections order). replaceConnections works like replaceReceived; a
    // connection without a usable profile URL is kept for display but never matched.
    bool replaceConnections(const QString &accountId, const QList<Connection> &all,
                            const QDateTime &fetchedAt);
    bool addConnection(const QString &accountId, const Connection &connection,
                       const QDateTime &at); // after an accept: first in the list
    QList<StoredConnection> connections(const QString &accountId) const;
    int connectionCount(const QString &accountId) const;
    bool isConnected(const QString &accountId, const QString &profileUrl) const; // URL or profile id
    QDateTime connectionsFetchedAt(const QString &accountId) const; // invalid if never

Q_SIGNALS:
    // Coarse on purpose: the lists are small enough (hundreds to a few thousand rows) for the
    // models to re-read and diff by key, which keeps rows in place. A replace* emits only when
    // a row was added, removed or shows something new (or the list was never read before); a
    // listing that finds the same rows stays silent. Single-row writes emit when they wrote.
    void invitationsChanged(const QString &accountId, ld::StoredInvitation::Direction direction);
    void connectionsChanged(const QString &accountId);

private:
    bool replaceInvitations(const QString &accountId, Direction direction,
                            const QList<StoredInvitation> &rows, const QDateTime &fetchedAt);
    Database *m_db;
};

} // namespace ld
