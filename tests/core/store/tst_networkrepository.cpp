// The network cache: complete listings replace an account's invitations and connections in one
// transaction (new rows added, gone rows removed, keys kept), what only LinkUp Desk knows (the
// note it sent, an id check_invitation found) survives a listing, invitations are found by URN,
// bare id or person in any profile URL spelling, and the change signals fire only on change.
#include "store/database.h"
#include "store/networkrepository.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace ld;
using Direction = StoredInvitation::Direction;

class TstNetworkRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void replaceReceivedStoresEveryField();
    void replaceRemovesMissingAndKeepsKeys();
    void replaceIsOneTransaction();
    void replaceSentKeepsNoteAndCheckedId();
    void addSentThenListed();
    void addSentWithoutUrnIsRefused();
    void removeInvitation();
    void setInvitationId();
    void invitationsNewestFirstWithAccountFilter();
    void findByUrnTakesUrnOrBareId();
    void findByPersonMatchesAnySpelling();
    void countsAndFetchedAt();
    void signalsOnlyOnChange();
    void sentAtAndAgeDays();
    void connectionsReplaceAndOrder();
    void connectionWithoutProfileUrl();
    void addConnectionGoesFirst();
    void rowsWrittenDuringAListingSurviveIt();
    void isConnectedByProfileId();

private:
    std::unique_ptr<Database> m_db;
    std::unique_ptr<NetworkRepository> m_repo;
};

namespace {

const QString A = QStringLiteral("acc-a");
const QString B = QStringLiteral("acc-b");
const QDateTime t0(QDate(2026, 4, 10), QTime(9, 0), Qt::UTC);

InvitationPerson person(const QString &slug, const QString &urlSpelling = {})
{
    InvitationPerson p;
    p.firstName = slug.left(1).toUpper() + slug.mid(1);
    p.lastName = QStringLiteral("Tester");
    p.headline = QStringLiteral("Engineer at %1").arg(slug);
    p.profileUrl = urlSpelling.isEmpty() ? QStringLiteral("https://www.linkedin.com/in/%1").arg(slug) : urlSpelling;
    p.pictureUrl = QStringLiteral("https://media.example/%1.jpg").arg(slug);
    return p;
}

ReceivedInvitation received(const QString &id, const QString &slug, int days = 1)
{
    ReceivedInvitation r;
    r.entityUrn = QStringLiteral("urn:li:invitation:") + id;
    r.sharedSecret = QStringLiteral("secret-") + id;
    r.sender = person(slug);
    r.invitationType = QStringLiteral("CONNECTION");
    r.sentTime = QStringLiteral("%1d").arg(days);
    r.sentTimeDays = days;
    r.message = QStringLiteral("Hello from %1").arg(slug);
    return r;
}

SentInvitation sent(const QString &id, const QString &slug, int days = 1)
{
    SentInvitation s;
    s.entityUrn = QStringLiteral("urn:li:invitation:") + id;
    s.recipient = person(slug);
    s.invitationType = QStringLiteral("CONNECTION");
    s.sentTime = QStringLiteral("%1d").arg(days);
    s.sentTimeDays = days;
    return s;
}

Connection connection(const QString &slug)
{
    Connection c;
    c.name = slug + QStringLiteral(" Tester");
    c.jobTitle = QStringLiteral("Engineer");
    c.profileUrl = QStringLiteral("https://www.linkedin.com/in/%1/").arg(slug);
    c.pictureUrl = QStringLiteral("https://media.example/%1.jpg").arg(slug);
    return c;
}

QStringList urns(const QList<StoredInvitation> &list)
{
    QStringList out;
    for (const StoredInvitation &s : list)
        out << s.entityUrn;
    return out;
}

QStringList profileIds(const QList<StoredConnection> &list)
{
    QStringList out;
    for (const StoredConnection &c : list)
        out << c.profileId;
    return out;
}

QString urn(const QString &id)
{
    return QStringLiteral("urn:li:invitation:") + id;
}

} // namespace

void TstNetworkRepository::init()
{
    m_db = std::make_unique<Database>();
    QVERIFY2(m_db->open(QStringLiteral(":memory:")), qPrintable(m_db->errorString()));
    m_repo = std::make_unique<NetworkRepository>(m_db.get());
}

void TstNetworkRepository::cleanup()
{
    m_repo.reset();
    m_db.reset();
}

void TstNetworkRepository::replaceReceivedStoresEveryField()
{
    ReceivedInvitation in = received(QStringLiteral("7453486530700017665"), QStringLiteral("lea"), 3);
    in.sender.profileUrl = QStringLiteral("https://fr.linkedin.com/in/L%C3%A9a-Martin/?trk=x");
    QVERIFY(m_repo->replaceReceived(A, {in}, t0));
    const QList<StoredInvitation> all = m_repo->invitations(Direction::Received);
    QCOMPARE(all.size(), 1);
    const StoredInvitation &s = all.at(0);
    QVERIFY(s.key > 0);
    QCOMPARE(s.accountId, A);
    QCOMPARE(s.direction, Direction::Received);
    QCOMPARE(s.entityUrn, in.entityUrn);
    QCOMPARE(s.sharedSecret, in.sharedSecret);
    QCOMPARE(s.invitationId, QStringLiteral("7453486530700017665"));
    QCOMPARE(s.person.firstName, in.sender.firstName);
    QCOMPARE(s.person.lastName, in.sender.lastName);
    QCOMPARE(s.person.headline, in.sender.headline);
    QCOMPARE(s.person.profileUrl, in.sender.profileUrl); // as given
    QCOMPARE(s.person.pictureUrl, in.sender.pictureUrl);
    QCOMPARE(s.profileId, QString::fromUtf8("léa-martin"));
    QCOMPARE(s.invitationType, QStringLiteral("CONNECTION"));
    QCOMPARE(s.note, in.message);
    QCOMPARE(s.sentTimeText, QStringLiteral("3d"));
    QCOMPARE(s.sentDaysAtFetch, 3);
    QCOMPARE(s.fetchedAt, t0);
    QVERIFY(m_repo->invitations(Direction::Sent).isEmpty());

    const auto byKey = m_repo->invitation(s.key);
    QVERIFY(byKey);
    QCOMPARE(byKey->entityUrn, in.entityUrn);
    QVERIFY(!m_repo->invitation(s.key + 1));

    QVERIFY(!m_repo->replaceReceived(QString(), {in}, t0)); // no account
    QVERIFY(!m_repo->replaceReceived(A, {in}, QDateTime())); // no time
}

void TstNetworkRepository::replaceRemovesMissingAndKeepsKeys()
{
    QVERIFY(m_repo->replaceReceived(A, {received(QStringLiteral("1"), QStringLiteral("ada")),
                                        received(QStringLiteral("2"), QStringLiteral("bob")),
                                        received(QStringLiteral("3"), QStringLiteral("cy"))},
                                    t0));
    QVERIFY(m_repo->replaceReceived(B, {received(QStringLiteral("9"), QStringLiteral("zed"))}, t0));
    const qint64 bobKey = m_repo->findByUrn(A, Direction::Received, urn(QStringLiteral("2")))->key;

    // Ada was answered elsewhere, Dee is new, Bob's headline changed.
    ReceivedInvitation bob = received(QStringLiteral("2"), QStringLiteral("bob"));
    bob.sender.headline = QStringLiteral("CTO");
    QVERIFY(m_repo->replaceReceived(A, {bob, received(QStringLiteral("3"), QStringLiteral("cy")),
                                        received(QStringLiteral("4"), QStringLiteral("dee"))},
                                    t0.addSecs(60)));
    QCOMPARE(m_repo->invitationCount(Direction::Received, A), 3);
    QVERIFY(!m_repo->findByUrn(A, Direction::Received, urn(QStringLiteral("1"))));
    const auto bobAfter = m_repo->findByUrn(A, Direction::Received, urn(QStringLiteral("2")));
    QCOMPARE(bobAfter->key, bobKey); // the row stays in place
    QCOMPARE(bobAfter->person.headline, QStringLiteral("CTO"));
    QCOMPARE(bobAfter->fetchedAt, t0.addSecs(60));
    QVERIFY(m_repo->findByUrn(A, Direction::Received, urn(QStringLiteral("4"))));
    // The other account and the other direction are untouched.
    QCOMPARE(m_repo->invitationCount(Direction::Received, B), 1);

    // An empty complete listing empties the account's list.
    QVERIFY(m_repo->replaceReceived(A, {}, t0.addSecs(120)));
    QCOMPARE(m_repo->invitationCount(Direction::Received, A), 0);
    QCOMPARE(m_repo->invitationCount(Direction::Received, B), 1);
}

void TstNetworkRepository::replaceIsOneTransaction()
{
    QVERIFY(m_repo->replaceReceived(A, {received(QStringLiteral("1"), QStringLiteral("ada"))}, t0));
    // The second row fails inside SQLite: the first row's change and the removal are undone.
    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(QStringLiteral("CREATE TEMP TRIGGER refuse_boom BEFORE INSERT ON invitations "
                                      "WHEN new.first_name = 'Boom' BEGIN SELECT RAISE(ABORT, 'boom'); END")));
    QSignalSpy changed(m_repo.get(), &NetworkRepository::invitationsChanged);
    QVERIFY(!m_repo->replaceReceived(A, {received(QStringLiteral("2"), QStringLiteral("bob")),
                                         received(QStringLiteral("3"), QStringLiteral("boom"))},
                                     t0.addSecs(60)));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(urns(m_repo->invitations(Direction::Received)), QStringList{urn(QStringLiteral("1"))});
    QCOMPARE(m_repo->invitationsFetchedAt(A, Direction::Received), t0);
}

void TstNetworkRepository::replaceSentKeepsNoteAndCheckedId()
{
    InviteResult result;
    result.invitationUrn = urn(QStringLiteral("55"));
    result.firstName = QStringLiteral("Ada");
    QVERIFY(m_repo->addSent(A, result, QStringLiteral("linkedin.com/in/Ada"), QStringLiteral("Hi Ada, met at the fair."), t0));

    // A sent invitation whose URN has no numeric tail: check_invitation told its id.
    SentInvitation odd = sent(QString(), QStringLiteral("bob"));
    odd.entityUrn = QStringLiteral("urn:li:invitation:ACoAAB-x");
    QVERIFY(m_repo->replaceSent(A, {sent(QStringLiteral("55"), QStringLiteral("ada")), odd}, t0.addSecs(60)));
    const auto bob = m_repo->findByUrn(A, Direction::Sent, odd.entityUrn);
    QVERIFY(bob);
    QVERIFY(bob->invitationId.isEmpty());
    QVERIFY(m_repo->setInvitationId(bob->key, QStringLiteral("7777")));

    QVERIFY(m_repo->replaceSent(A, {sent(QStringLiteral("55"), QStringLiteral("ada"), 2), odd}, t0.addDays(1)));
    const auto ada = m_repo->findByUrn(A, Direction::Sent, urn(QStringLiteral("55")));
    QVERIFY(ada);
    QCOMPARE(ada->note, QStringLiteral("Hi Ada, met at the fair."));
    QCOMPARE(ada->invitationId, QStringLiteral("55"));
    QCOMPARE(ada->sentDaysAtFetch, 2);
    QCOMPARE(ada->person.lastName, QStringLiteral("Tester")); // the list's details win
    QCOMPARE(m_repo->findByUrn(A, Direction::Sent, odd.entityUrn)->invitationId, QStringLiteral("7777"));
    QCOMPARE(m_repo->invitationCount(Direction::Sent, A), 2);
}

void TstNetworkRepository::addSentThenListed()
{
    QSignalSpy changed(m_repo.get(), &NetworkRepository::invitationsChanged);
    InviteResult result;
    result.invitationUrn = urn(QStringLiteral("123"));
    result.firstName = QStringLiteral("Cy");
    result.lastName = QStringLiteral("Doe");
    result.headline = QStringLiteral("Founder");
    result.publicIdentifier = QStringLiteral("cy-doe");
    result.pictureUrl = QStringLiteral("https://media.example/cy.jpg");
    QVERIFY(m_repo->addSent(A, result, QString(), QStringLiteral("Hello"), t0));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), A);
    QCOMPARE(changed.at(0).at(1).value<Direction>(), Direction::Sent);

    const auto s = m_repo->findByUrn(A, Direction::Sent, urn(QStringLiteral("123")));
    QVERIFY(s);
    QCOMPARE(s->invitationId, QStringLiteral("123"));
    QCOMPARE(s->person.fullName(), QStringLiteral("Cy Doe"));
    QCOMPARE(s->person.headline, QStringLiteral("Founder"));
    QCOMPARE(s->person.profileUrl, QStringLiteral("https://www.linkedin.com/in/cy-doe/")); // from the identifier
    QCOMPARE(s->profileId, QStringLiteral("cy-doe"));
    QCOMPARE(s->note, QStringLiteral("Hello"));
    QCOMPARE(s->sentDaysAtFetch, 0);
    QCOMPARE(s->sentAt(), t0);
    QVERIFY(m_repo->findByPerson(A, Direction::Sent, QStringLiteral("https://www.linkedin.com/in/CY-DOE?x=1")));
    // Not a complete listing: the sent list still counts as never read.
    QVERIFY(!m_repo->invitationsFetchedAt(A, Direction::Sent).isValid());
}

void TstNetworkRepository::addSentWithoutUrnIsRefused()
{
    QSignalSpy changed(m_repo.get(), &NetworkRepository::invitationsChanged);
    InviteResult result;
    result.publicIdentifier = QStringLiteral("ada");
    QVERIFY(!m_repo->addSent(A, result, QStringLiteral("linkedin.com/in/ada"), QString(), t0));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_repo->invitationCount(Direction::Sent), 0);
}

void TstNetworkRepository::removeInvitation()
{
    QVERIFY(m_repo->replaceReceived(A, {received(QStringLiteral("1"), QStringLiteral("ada")),
                                        received(QStringLiteral("2"), QStringLiteral("bob"))},
                                    t0));
    QVERIFY(m_repo->replaceSent(A, {sent(QStringLiteral("1"), QStringLiteral("ada"))}, t0));
    QSignalSpy changed(m_repo.get(), &NetworkRepository::invitationsChanged);

    QVERIFY(m_repo->removeInvitation(A, Direction::Received, urn(QStringLiteral("1"))));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(urns(m_repo->invitations(Direction::Received)), QStringList{urn(QStringLiteral("2"))});
    QCOMPARE(m_repo->invitationCount(Direction::Sent, A), 1); // same URN, other direction: kept

    QVERIFY(m_repo->removeInvitation(A, Direction::Received, QStringLiteral("2"))); // bare id
    QCOMPARE(m_repo->invitationCount(Direction::Received, A), 0);
    QCOMPARE(changed.count(), 2);
    // Already gone: nothing to do, nothing announced.
    QVERIFY(m_repo->removeInvitation(A, Direction::Received, urn(QStringLiteral("2"))));
    QVERIFY(m_repo->removeInvitation(B, Direction::Sent, urn(QStringLiteral("1"))));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(m_repo->invitationCount(Direction::Sent, A), 1);
}

void TstNetworkRepository::setInvitationId()
{
    QVERIFY(m_repo->replaceSent(A, {sent(QStringLiteral("8"), QStringLiteral("ada"))}, t0));
    const qint64 key = m_repo->invitations(Direction::Sent).at(0).key;
    QSignalSpy changed(m_repo.get(), &NetworkRepository::invitationsChanged);
    QVERIFY(m_repo->setInvitationId(key, QStringLiteral("8"))); // unchanged
    QCOMPARE(changed.count(), 0);
    QVERIFY(m_repo->setInvitationId(key, QStringLiteral("9")));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_repo->invitation(key)->invitationId, QStringLiteral("9"));
    QVERIFY(!m_repo->setInvitationId(key + 5, QStringLiteral("9")));
    QVERIFY(!m_repo->setInvitationId(key, QString()));
}

void TstNetworkRepository::invitationsNewestFirstWithAccountFilter()
{
    // Listed newest first by the API, with days since sent; B listed an hour later.
    QVERIFY(m_repo->replaceReceived(A, {received(QStringLiteral("1"), QStringLiteral("ada"), 0),
                                        received(QStringLiteral("2"), QStringLiteral("bob"), 0),
                                        received(QStringLiteral("3"), QStringLiteral("cy"), 5)},
                                    t0));
    QVERIFY(m_repo->replaceReceived(B, {received(QStringLiteral("4"), QStringLiteral("dee"), 2)},
                                    t0.addSecs(3600)));
    QVERIFY(m_repo->replaceReceived(QStringLiteral("acc-c"), {received(QStringLiteral("5"), QStringLiteral("eve"), 9)},
                                    t0));
    const QStringList all{urn(QStringLiteral("1")), urn(QStringLiteral("2")), urn(QStringLiteral("4")),
                          urn(QStringLiteral("3")), urn(QStringLiteral("5"))};
    QCOMPARE(urns(m_repo->invitations(Direction::Received)), all);
    QCOMPARE(urns(m_repo->invitations(Direction::Received, {B})), QStringList{urn(QStringLiteral("4"))});
    QCOMPARE(urns(m_repo->invitations(Direction::Received, {A, QStringLiteral("acc-c")})),
             (QStringList{urn(QStringLiteral("1")), urn(QStringLiteral("2")), urn(QStringLiteral("3")),
                          urn(QStringLiteral("5"))}));
    QVERIFY(m_repo->invitations(Direction::Received, {QStringLiteral("nobody")}).isEmpty());
}

void TstNetworkRepository::findByUrnTakesUrnOrBareId()
{
    QVERIFY(m_repo->replaceSent(A, {sent(QStringLiteral("7453486530700017665"), QStringLiteral("ada")),
                                    sent(QStringLiteral("17665"), QStringLiteral("bob"))},
                                t0));
    const QString full = urn(QStringLiteral("7453486530700017665"));
    QCOMPARE(m_repo->findByUrn(A, Direction::Sent, full)->profileId, QStringLiteral("ada"));
    QCOMPARE(m_repo->findByUrn(A, Direction::Sent, QStringLiteral(" 7453486530700017665 "))->profileId,
             QStringLiteral("ada"));
    // A bare id is the whole tail, never a suffix of a longer one.
    QCOMPARE(m_repo->findByUrn(A, Direction::Sent, QStringLiteral("17665"))->profileId, QStringLiteral("bob"));
    QVERIFY(!m_repo->findByUrn(A, Direction::Sent, QStringLiteral("7665")));
    QVERIFY(!m_repo->findByUrn(A, Direction::Sent, urn(QStringLiteral("1"))));
    QVERIFY(!m_repo->findByUrn(A, Direction::Received, full));
    QVERIFY(!m_repo->findByUrn(B, Direction::Sent, full));
    QVERIFY(!m_repo->findByUrn(A, Direction::Sent, QString()));

    // A check_invitation id of a URN without numeric tail is found by that id.
    SentInvitation odd = sent(QString(), QStringLiteral("cy"));
    odd.entityUrn = QStringLiteral("urn:li:invitation:(x,y)");
    QVERIFY(m_repo->replaceSent(A, {odd}, t0));
    QVERIFY(m_repo->setInvitationId(m_repo->findByUrn(A, Direction::Sent, odd.entityUrn)->key,
                                    QStringLiteral("424242")));
    QCOMPARE(m_repo->findByUrn(A, Direction::Sent, QStringLiteral("424242"))->entityUrn, odd.entityUrn);
}

void TstNetworkRepository::findByPersonMatchesAnySpelling()
{
    ReceivedInvitation r = received(QStringLiteral("1"), QStringLiteral("ada"));
    r.sender.profileUrl = QStringLiteral("https://www.linkedin.com/in/Ada-L/");
    QVERIFY(m_repo->replaceReceived(A, {r}, t0));
    for (const QString &spelling : {QStringLiteral("linkedin.com/in/ada-l"),
                                    QStringLiteral("HTTPS://FR.LINKEDIN.COM/IN/ADA-L?trk=1"),
                                    QStringLiteral("https://m.linkedin.com/in/ada%2Dl/"),
                                    QStringLiteral("ada-l")}) {
        const auto found = m_repo->findByPerson(A, Direction::Received, spelling);
        QVERIFY2(found, qPrintable(spelling));
        QCOMPARE(found->entityUrn, r.entityUrn);
    }
    QVERIFY(!m_repo->findByPerson(A, Direction::Received, QStringLiteral("https://www.linkedin.com/company/ada-l")));
    QVERIFY(!m_repo->findByPerson(A, Direction::Received, QStringLiteral("https://example.com/in/ada-l")));
    QVERIFY(!m_repo->findByPerson(A, Direction::Received, QString()));
    QVERIFY(!m_repo->findByPerson(A, Direction::Sent, QStringLiteral("linkedin.com/in/ada-l")));
    QVERIFY(!m_repo->findByPerson(B, Direction::Received, QStringLiteral("linkedin.com/in/ada-l")));

    // A person without a usable profile URL is never matched (an empty id matches nobody).
    ReceivedInvitation anonymous = received(QStringLiteral("2"), QStringLiteral("x"));
    anonymous.sender.profileUrl.clear();
    QVERIFY(m_repo->replaceReceived(A, {r, anonymous}, t0));
    QCOMPARE(m_repo->findByUrn(A, Direction::Received, QStringLiteral("2"))->profileId, QString());
    QVERIFY(!m_repo->findByPerson(A, Direction::Received, QStringLiteral("https://www.linkedin.com/in/")));
}

void TstNetworkRepository::countsAndFetchedAt()
{
    QCOMPARE(m_repo->invitationCount(Direction::Received), 0);
    QVERIFY(!m_repo->invitationsFetchedAt(A, Direction::Received).isValid());
    QVERIFY(!m_repo->connectionsFetchedAt(A).isValid());

    QVERIFY(m_repo->replaceReceived(A, {received(QStringLiteral("1"), QStringLiteral("ada")),
                                        received(QStringLiteral("2"), QStringLiteral("bob"))},
                                    t0));
    QVERIFY(m_repo->replaceReceived(B, {received(QStringLiteral("3"), QStringLiteral("cy"))}, t0.addSecs(5)));
    QVERIFY(m_repo->replaceSent(A, {}, t0.addSecs(10)));
    QCOMPARE(m_repo->invitationCount(Direction::Received), 3);
    QCOMPARE(m_repo->invitationCount(Direction::Received, A), 2);
    QCOMPARE(m_repo->invitationCount(Direction::Received, B), 1);
    QCOMPARE(m_repo->invitationCount(Direction::Sent, A), 0);
    QCOMPARE(m_repo->invitationsFetchedAt(A, Direction::Received), t0);
    QCOMPARE(m_repo->invitationsFetchedAt(B, Direction::Received), t0.addSecs(5));
    QCOMPARE(m_repo->invitationsFetchedAt(A, Direction::Sent), t0.addSecs(10)); // an empty list was read
    QVERIFY(!m_repo->invitationsFetchedAt(B, Direction::Sent).isValid());
    QVERIFY(!m_repo->connectionsFetchedAt(A).isValid());

    QVERIFY(m_repo->replaceConnections(A, {connection(QStringLiteral("ada"))}, t0.addSecs(20)));
    QCOMPARE(m_repo->connectionsFetchedAt(A), t0.addSecs(20));
    QCOMPARE(m_repo->connectionCount(A), 1);
    QCOMPARE(m_repo->connectionCount(B), 0);
}

void TstNetworkRepository::signalsOnlyOnChange()
{
    QSignalSpy invitations(m_repo.get(), &NetworkRepository::invitationsChanged);
    QSignalSpy connections(m_repo.get(), &NetworkRepository::connectionsChanged);

    // The first complete listing is news even when empty: the page can say "none" now.
    QVERIFY(m_repo->replaceReceived(A, {}, t0));
    QCOMPARE(invitations.count(), 1);
    QCOMPARE(invitations.at(0).at(1).value<Direction>(), Direction::Received);
    QVERIFY(m_repo->replaceReceived(A, {}, t0.addSecs(60)));
    QCOMPARE(invitations.count(), 1);

    const QList<ReceivedInvitation> list{received(QStringLiteral("1"), QStringLiteral("ada"))};
    QVERIFY(m_repo->replaceReceived(A, list, t0));
    QCOMPARE(invitations.count(), 2);
    QVERIFY(m_repo->replaceReceived(A, list, t0.addSecs(120))); // same rows, later: silent
    QCOMPARE(invitations.count(), 2);
    QCOMPARE(m_repo->invitationsFetchedAt(A, Direction::Received), t0.addSecs(120)); // but recorded
    QList<ReceivedInvitation> older = list;
    older[0].sentTime = QStringLiteral("2d"); // a day later the list says one day more
    older[0].sentTimeDays = 2;
    QVERIFY(m_repo->replaceReceived(A, older, t0.addDays(1)));
    QCOMPARE(invitations.count(), 3);
    QCOMPARE(invitations.at(2).at(0).toString(), A);

    QVERIFY(m_repo->replaceSent(A, {sent(QStringLiteral("9"), QStringLiteral("bob"))}, t0));
    QCOMPARE(invitations.count(), 4);
    QCOMPARE(invitations.at(3).at(1).value<Direction>(), Direction::Sent);

    QVERIFY(m_repo->replaceConnections(A, {connection(QStringLiteral("ada"))}, t0));
    QCOMPARE(connections.count(), 1);
    QCOMPARE(connections.at(0).at(0).toString(), A);
    QVERIFY(m_repo->replaceConnections(A, {connection(QStringLiteral("ada"))}, t0.addSecs(60)));
    QCOMPARE(connections.count(), 1);
    QVERIFY(m_repo->replaceConnections(A, {connection(QStringLiteral("bob")), connection(QStringLiteral("ada"))},
                                       t0.addSecs(90)));
    QCOMPARE(connections.count(), 2);
    QCOMPARE(invitations.count(), 4); // connections never announce invitations
}

void TstNetworkRepository::sentAtAndAgeDays()
{
    StoredInvitation s;
    QVERIFY(!s.sentAt().isValid());
    s.fetchedAt = t0;
    s.sentDaysAtFetch = 10;
    QCOMPARE(s.sentAt(), t0.addDays(-10));
    QCOMPARE(s.ageDays(t0), 10);
    QCOMPARE(s.ageDays(t0.addSecs(86400 - 1)), 10); // whole days only
    QCOMPARE(s.ageDays(t0.addDays(1)), 11);
    QCOMPARE(s.ageDays(t0.addDays(-30)), 0); // never negative
    s.sentDaysAtFetch = 0;
    QCOMPARE(s.sentAt(), t0);
    QCOMPARE(s.ageDays(t0.addSecs(3600)), 0);
    // Not in UTC: the same instant gives the same age.
    QCOMPARE(s.ageDays(t0.addDays(3).toOffsetFromUtc(-5 * 3600)), 3);
}

void TstNetworkRepository::connectionsReplaceAndOrder()
{
    QVERIFY(m_repo->replaceConnections(A, {connection(QStringLiteral("ada")), connection(QStringLiteral("bob")),
                                           connection(QStringLiteral("cy"))},
                                       t0));
    QVERIFY(m_repo->replaceConnections(B, {connection(QStringLiteral("zed"))}, t0));
    QList<StoredConnection> list = m_repo->connections(A);
    QCOMPARE(profileIds(list), (QStringList{QStringLiteral("ada"), QStringLiteral("bob"), QStringLiteral("cy")}));
    const StoredConnection &ada = list.at(0);
    QCOMPARE(ada.accountId, A);
    QCOMPARE(ada.connection.name, QStringLiteral("ada Tester"));
    QCOMPARE(ada.connection.jobTitle, QStringLiteral("Engineer"));
    QCOMPARE(ada.connection.profileUrl, QStringLiteral("https://www.linkedin.com/in/ada/"));
    QCOMPARE(ada.connection.pictureUrl, QStringLiteral("https://media.example/ada.jpg"));
    QCOMPARE(ada.position, 0);
    QCOMPARE(ada.fetchedAt, t0);
    const qint64 bobKey = list.at(1).key;

    // Dee connected, Ada left; the list's order is kept, Bob keeps his key.
    Connection bob = connection(QStringLiteral("bob"));
    bob.jobTitle = QStringLiteral("CTO");
    QVERIFY(m_repo->replaceConnections(A, {connection(QStringLiteral("dee")), bob, connection(QStringLiteral("cy"))},
                                       t0.addSecs(60)));
    list = m_repo->connections(A);
    QCOMPARE(profileIds(list), (QStringList{QStringLiteral("dee"), QStringLiteral("bob"), QStringLiteral("cy")}));
    QCOMPARE(list.at(1).key, bobKey);
    QCOMPARE(list.at(1).connection.jobTitle, QStringLiteral("CTO"));
    QCOMPARE(list.at(1).position, 1);
    QCOMPARE(m_repo->connectionCount(B), 1);

    // The same person listed twice (two URL spellings) is one connection.
    Connection again = connection(QStringLiteral("cy"));
    again.profileUrl = QStringLiteral("https://fr.linkedin.com/in/CY");
    QVERIFY(m_repo->replaceConnections(A, {connection(QStringLiteral("cy")), again}, t0.addSecs(90)));
    QCOMPARE(m_repo->connectionCount(A), 1);
}

// Kept for display and counted, never matched, and listed afresh each time (no key to keep).
void TstNetworkRepository::connectionWithoutProfileUrl()
{
    Connection hidden;
    hidden.name = QStringLiteral("LinkedIn Member");
    Connection odd = connection(QStringLiteral("x"));
    odd.profileUrl = QStringLiteral("https://www.linkedin.com/company/x");
    QVERIFY(m_repo->replaceConnections(A, {connection(QStringLiteral("ada")), hidden, odd}, t0));
    QList<StoredConnection> list = m_repo->connections(A);
    QCOMPARE(list.size(), 3);
    QCOMPARE(list.at(1).connection.name, QStringLiteral("LinkedIn Member"));
    QVERIFY(list.at(1).profileId.isEmpty());
    QVERIFY(list.at(2).profileId.isEmpty());
    QVERIFY(!m_repo->isConnected(A, QString()));
    QVERIFY(!m_repo->isConnected(A, QStringLiteral("https://www.linkedin.com/company/x")));

    QSignalSpy changed(m_repo.get(), &NetworkRepository::connectionsChanged);
    QVERIFY(m_repo->replaceConnections(A, {connection(QStringLiteral("ada")), hidden, odd}, t0.addSecs(60)));
    QCOMPARE(m_repo->connectionCount(A), 3); // not duplicated by a second listing
    QCOMPARE(changed.count(), 0);
    QVERIFY(m_repo->replaceConnections(A, {connection(QStringLiteral("ada"))}, t0.addSecs(120)));
    QCOMPARE(m_repo->connectionCount(A), 1);
    QCOMPARE(changed.count(), 1);
}

void TstNetworkRepository::addConnectionGoesFirst()
{
    QVERIFY(m_repo->replaceConnections(A, {connection(QStringLiteral("ada")), connection(QStringLiteral("bob"))}, t0));
    QSignalSpy changed(m_repo.get(), &NetworkRepository::connectionsChanged);
    QVERIFY(m_repo->addConnection(A, connection(QStringLiteral("cy")), t0.addSecs(60)));
    QCOMPARE(changed.count(), 1);
    QList<StoredConnection> list = m_repo->connections(A);
    QCOMPARE(profileIds(list), (QStringList{QStringLiteral("cy"), QStringLiteral("ada"), QStringLiteral("bob")}));
    QCOMPARE(list.at(0).position, 0);
    QCOMPARE(list.at(0).fetchedAt, t0.addSecs(60));
    QVERIFY(m_repo->isConnected(A, QStringLiteral("linkedin.com/in/CY")));

    // Someone already listed moves to the front, once.
    QVERIFY(m_repo->addConnection(A, connection(QStringLiteral("bob")), t0.addSecs(90)));
    QCOMPARE(profileIds(m_repo->connections(A)),
             (QStringList{QStringLiteral("bob"), QStringLiteral("cy"), QStringLiteral("ada")}));
    // The connections list was not read completely by an add.
    QCOMPARE(m_repo->connectionsFetchedAt(A), t0);
    QVERIFY(!m_repo->addConnection(QString(), connection(QStringLiteral("x")), t0));
}

// A listing that began before an invite (or an accept) succeeded cannot show its result yet: the
// row stays until a listing that began after it.
void TstNetworkRepository::rowsWrittenDuringAListingSurviveIt()
{
    QVERIFY(m_repo->replaceSent(A, {sent(QStringLiteral("1"), QStringLiteral("ada"))}, t0));
    QVERIFY(m_repo->replaceConnections(A, {connection(QStringLiteral("ada"))}, t0));
    InviteResult result;
    result.invitationUrn = urn(QStringLiteral("2"));
    QVERIFY(m_repo->addSent(A, result, QStringLiteral("linkedin.com/in/bob"), QString(), t0.addSecs(30)));
    QVERIFY(m_repo->addConnection(A, connection(QStringLiteral("cy")), t0.addSecs(30)));

    // Began at +10 s, before both writes.
    QVERIFY(m_repo->replaceSent(A, {sent(QStringLiteral("1"), QStringLiteral("ada"))}, t0.addSecs(10)));
    QVERIFY(m_repo->replaceConnections(A, {connection(QStringLiteral("ada"))}, t0.addSecs(10)));
    QVERIFY(m_repo->findByUrn(A, Direction::Sent, urn(QStringLiteral("2"))));
    QVERIFY(m_repo->isConnected(A, QStringLiteral("cy")));

    // Began after them and still without them: gone.
    QVERIFY(m_repo->replaceSent(A, {sent(QStringLiteral("1"), QStringLiteral("ada"))}, t0.addSecs(60)));
    QVERIFY(m_repo->replaceConnections(A, {connection(QStringLiteral("ada"))}, t0.addSecs(60)));
    QVERIFY(!m_repo->findByUrn(A, Direction::Sent, urn(QStringLiteral("2"))));
    QVERIFY(!m_repo->isConnected(A, QStringLiteral("cy")));
}

void TstNetworkRepository::isConnectedByProfileId()
{
    QVERIFY(m_repo->replaceConnections(A, {connection(QStringLiteral("j%C3%BCrgen"))}, t0));
    QVERIFY(m_repo->isConnected(A, QString::fromUtf8("https://de.linkedin.com/in/Jürgen?trk=x")));
    QVERIFY(m_repo->isConnected(A, QStringLiteral("linkedin.com/in/J%C3%9CRGEN/")));
    QVERIFY(m_repo->isConnected(A, QString::fromUtf8("jürgen")));
    QVERIFY(!m_repo->isConnected(B, QString::fromUtf8("linkedin.com/in/jürgen")));
    QVERIFY(!m_repo->isConnected(A, QStringLiteral("linkedin.com/in/jurgen")));
    QVERIFY(!m_repo->isConnected(A, QStringLiteral("https://example.com/in/j%C3%BCrgen")));
}

QTEST_GUILESS_MAIN(TstNetworkRepository)
#include "tst_networkrepository.moc"
