// The invitation queue's checks, outcomes and caps against the sandbox over loopback, counting
// the sandbox's write requests: a refused item sends nothing, a write leaves at most once, and
// check_invitation is called only to find a refused or missing id or to verify an ambiguous
// outcome. Runs being paused, resumed, cancelled and killed: tst_invitationqueuerun.
#include "invitationfixture.h"

using namespace ld;
using State = OutboxItem::State;
using Fault = sandbox::SandboxServer::Fault;
using Direction = StoredInvitation::Direction;

namespace {

const QString kNewProspect = QStringLiteral("https://www.linkedin.com/in/new-prospect-4711/");
constexpr int kWait = InvitationFixture::Wait;

NetworkTask invite(const QString &account, const QString &url, const QString &note = {})
{
    NetworkTask task;
    task.action = NetworkAction::Invite;
    task.accountId = account;
    task.profileUrl = url;
    task.note = note;
    return task;
}

} // namespace

class TstInvitationQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(f.setUp());
        QVERIFY(f.fillCache());
    }
    void cleanup() { f.tearDown(); }

    void acceptUsesTheStoredSecret();
    void bulkAcceptWithinTheCaps();
    void capReachedMidBulk();
    void withdrawStaleByTheUrnId();
    void withdrawDroppedIsVerifiedOnce();
    void withdrawRefusedIdIsLookedUpOnce();
    void withdrawWithoutIdLooksItUp();
    void withdrawnElsewhereIsRefused();
    void inviteDuplicatesAreRefused();
    void inviteWithANote();
    void badInputIsRefused();
    void apiRefusalAndFailure();
    void unknownUrnIsRefused();
    void reinviteAfterWithdrawnElsewhere();

private:
    // Starts a run with tiny pauses and waits for its end.
    qint64 runToEnd(const QList<NetworkTask> &tasks)
    {
        QString error;
        const qint64 runId = f.queue->start(tasks, QStringLiteral("test"), &error, 1, 3);
        if (runId == 0) {
            qWarning() << "not started:" << error;
            return 0;
        }
        if (!QTest::qWaitFor([&] { return f.isOver(runId); }, kWait))
            qWarning() << "run" << runId << "did not end";
        return runId;
    }

    InvitationFixture f;
};

void TstInvitationQueue::acceptUsesTheStoredSecret()
{
    const StoredInvitation inv = f.cache->invitations(Direction::Received, { f.account() }).first();
    QVERIFY(!inv.sharedSecret.isEmpty());
    QSignalSpy finished(f.queue.get(), &InvitationQueue::runFinished);
    const qint64 runId = runToEnd({ NetworkTask::forInvitation(NetworkAction::Accept, inv) });
    QVERIFY(runId > 0);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.constFirst().at(0).toLongLong(), runId);

    const RunProgress p = f.progress(runId);
    QCOMPARE(p.state, BulkRun::State::Finished);
    QCOMPARE(p.total, 1);
    QCOMPARE(p.done, 1);
    QCOMPARE(p.pending, 0);
    QCOMPARE(p.etaMs, -1);
    QCOMPARE(f.requests("accept"), 1);
    QCOMPARE(f.requestsWith("accept", "shared_secret", inv.sharedSecret), 1);
    QCOMPARE(f.requestsWith("accept", "entity_urn", inv.entityUrn), 1);
    QCOMPARE(f.requests("check_invitation"), 0);

    const OutboxItem item = f.items->itemsOfRun(runId).constFirst();
    QCOMPARE(item.kind, QStringLiteral("accept"));
    QCOMPARE(item.target, inv.entityUrn);
    QCOMPARE(item.attempts, 1);
    // The cache follows: the invitation is answered, the person is a connection.
    QVERIFY(!f.cache->findByUrn(f.account(), Direction::Received, inv.entityUrn));
    QVERIFY(f.cache->isConnected(f.account(), inv.person.profileUrl));
    // The same accept again is refused, with the day it was done.
    QVERIFY(f.queue->check(NetworkTask::forInvitation(NetworkAction::Accept, inv))
                .startsWith(QStringLiteral("Already done on")));
}

void TstInvitationQueue::bulkAcceptWithinTheCaps()
{
    const QList<NetworkTask> tasks = f.tasksFor(NetworkAction::Accept, Direction::Received);
    QCOMPARE(tasks.size(), 12);
    QSignalSpy changed(f.queue.get(), &InvitationQueue::runChanged);
    const qint64 runId = runToEnd(tasks);
    QVERIFY(runId > 0);
    const RunProgress p = f.progress(runId);
    QCOMPARE(p.state, BulkRun::State::Finished);
    QCOMPARE(p.done, 12);
    QCOMPARE(p.finished(), 12);
    QVERIFY(p.stopReason.isEmpty());
    QCOMPARE(f.requests("accept"), 12);
    for (const NetworkTask &t : tasks)
        QCOMPARE(f.requestsWith("accept", "entity_urn", t.entityUrn), 1);
    QVERIFY(changed.size() >= 12);
    QCOMPARE(f.cache->invitationCount(Direction::Received, f.account()), 0);

    const CapUsage accepts = f.queue->usage(f.account(), NetworkAction::Accept);
    QCOMPARE(accepts.usedToday, 12);
    QCOMPARE(accepts.usedThisWeek, 12);
    QCOMPARE(accepts.perDay, f.settings->pacing().acceptsPerDay);
    QCOMPARE(accepts.remaining(), f.settings->pacing().acceptsPerDay - 12);
    QCOMPARE(f.queue->usage(f.account(), NetworkAction::Invite).usedToday, 0);
}

void TstInvitationQueue::capReachedMidBulk()
{
    PacingLimits limits = f.settings->pacing();
    limits.acceptsPerDay = 5;
    f.settings->setPacing(limits);
    const QList<NetworkTask> tasks = f.tasksFor(NetworkAction::Accept, Direction::Received);
    const qint64 runId = runToEnd(tasks);
    QVERIFY(runId > 0);

    const QString capSentence = QStringLiteral(
        "Daily cap reached for this account: 5 of 5 invitations accepted or declined today. It "
        "resets at midnight; change it in Settings.");
    RunProgress p = f.progress(runId);
    QCOMPARE(p.state, BulkRun::State::Finished);
    QCOMPARE(p.done, 5);
    QCOMPARE(p.refused, 7);
    QCOMPARE(p.stopReason, capSentence);
    QCOMPARE(f.requests("accept"), 5);
    const QList<OutboxItem> items = f.items->itemsOfRun(runId);
    for (int i = 0; i < items.size(); ++i) {
        QCOMPARE(items.at(i).state, i < 5 ? State::Sent : State::Refused);
        if (i >= 5)
            QCOMPARE(items.at(i).errorMessage, capSentence);
    }
    QCOMPARE(f.queue->usage(f.account(), NetworkAction::Accept).remaining(), 0);

    // A second run the same day is refused at once, item by item, and sends nothing.
    const QList<NetworkTask> rest = f.tasksFor(NetworkAction::Accept, Direction::Received);
    QCOMPARE(rest.size(), 7);
    QCOMPARE(f.queue->check(rest.constFirst()), capSentence);
    const qint64 second = runToEnd(rest);
    p = f.progress(second);
    QCOMPARE(p.state, BulkRun::State::Finished);
    QCOMPARE(p.refused, 7);
    QCOMPARE(p.stopReason, capSentence);
    QCOMPARE(f.requests("accept"), 5);
}

void TstInvitationQueue::withdrawStaleByTheUrnId()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<NetworkTask> stale;
    QStringList ids;
    const QList<StoredInvitation> sent = f.cache->invitations(Direction::Sent, { f.account() });
    for (const StoredInvitation &inv : sent) {
        if (inv.ageDays(now) > 30) {
            stale << NetworkTask::forInvitation(NetworkAction::Withdraw, inv);
            ids << invitationIdFromUrn(inv.entityUrn);
        }
    }
    QVERIFY(stale.size() >= 3);
    const qint64 runId = runToEnd(stale);
    QCOMPARE(f.progress(runId).done, stale.size());
    QCOMPARE(f.requests("withdraw"), stale.size());
    for (const QString &id : std::as_const(ids))
        QCOMPARE(f.requestsWith("withdraw", "invitation_id", id), 1);
    QCOMPARE(f.requests("check_invitation"), 0);
    QCOMPARE(f.cache->invitationCount(Direction::Sent, f.account()), sent.size() - stale.size());
    QCOMPARE(f.queue->usage(f.account(), NetworkAction::Withdraw).usedToday, stale.size());
}

void TstInvitationQueue::withdrawDroppedIsVerifiedOnce()
{
    const StoredInvitation inv = f.cache->invitations(Direction::Sent, { f.account() }).first();
    f.server->injectFault(
        Fault::DropAfterSend, 1, QStringLiteral("/v2/network"), QStringLiteral("withdraw"));
    QSignalSpy verified(f.queue.get(), &InvitationQueue::verified);
    QSignalSpy changed(f.queue.get(), &InvitationQueue::itemChanged);
    const qint64 runId = runToEnd({ NetworkTask::forInvitation(NetworkAction::Withdraw, inv) });
    QVERIFY(verified.size() == 1 || verified.wait(kWait));
    QCOMPARE(verified.constFirst().at(1).toBool(), true);
    const OutboxItem item = f.items->itemsOfRun(runId).constFirst();
    QTRY_COMPARE_WITH_TIMEOUT(f.state(item.id), State::Sent, kWait);
    QList<State> seen;
    for (const QList<QVariant> &args : std::as_const(changed))
        seen << args.at(2).value<State>();
    QCOMPARE(seen, (QList<State> { State::Queued, State::Sending, State::Unknown, State::Sent }));
    QCOMPARE(f.requests("withdraw"), 1);
    QCOMPARE(f.requests("check_invitation"), 1);
    QCOMPARE(f.items->find(item.id)->attempts, 1);
    QVERIFY(!f.cache->findByUrn(f.account(), Direction::Sent, inv.entityUrn));
}

void TstInvitationQueue::withdrawRefusedIdIsLookedUpOnce()
{
    // A stored id the API does not know (a stale check_invitation answer): refused, looked up,
    // and withdrawn with the id check_invitation gives.
    const StoredInvitation inv = f.cache->invitations(Direction::Sent, { f.account() }).first();
    QVERIFY(f.cache->setInvitationId(inv.key, QStringLiteral("1")));
    const qint64 runId = runToEnd({ NetworkTask::forInvitation(NetworkAction::Withdraw, inv) });
    const OutboxItem item = f.items->itemsOfRun(runId).constFirst();
    QCOMPARE(item.state, State::Sent);
    QCOMPARE(f.requests("check_invitation"), 1);
    QCOMPARE(f.requests("withdraw"), 2);
    QCOMPARE(f.requestsWith("withdraw", "invitation_id", QStringLiteral("1")), 1);
    QCOMPARE(f.requestsWith("withdraw", "invitation_id", invitationIdFromUrn(inv.entityUrn)), 1);
}

void TstInvitationQueue::withdrawWithoutIdLooksItUp()
{
    // An invitation whose URN has no numeric tail, to someone with a pending invitation.
    const StoredInvitation real = f.cache->invitations(Direction::Sent, { f.account() }).first();
    InviteResult odd;
    odd.invitationUrn = QStringLiteral("urn:li:fs_relInvitation:pending-elsewhere");
    odd.firstName = real.person.firstName;
    odd.lastName = real.person.lastName;
    QVERIFY(f.cache->addSent(
        f.account(), odd, real.person.profileUrl, {}, QDateTime::currentDateTimeUtc()));
    const auto stored = f.cache->findByUrn(f.account(), Direction::Sent, odd.invitationUrn);
    QVERIFY(stored);
    const qint64 runId = runToEnd({ NetworkTask::forInvitation(NetworkAction::Withdraw, *stored) });
    QCOMPARE(f.items->itemsOfRun(runId).constFirst().state, State::Sent);
    QCOMPARE(f.requests("check_invitation"), 1);
    QCOMPARE(f.requests("withdraw"), 1);
    QCOMPARE(f.requestsWith("withdraw", "invitation_id", invitationIdFromUrn(real.entityUrn)), 1);
}

void TstInvitationQueue::withdrawnElsewhereIsRefused()
{
    // Withdrawn behind the cache's back: the API refuses the id, check_invitation shows none.
    const StoredInvitation inv = f.cache->invitations(Direction::Sent, { f.account() }).first();
    QVERIFY(
        f.call(f.network->withdraw(f.account(), invitationIdFromUrn(inv.entityUrn))).isObject());
    f.server->clearRequests();
    const qint64 runId = runToEnd({ NetworkTask::forInvitation(NetworkAction::Withdraw, inv) });
    const OutboxItem item = f.items->itemsOfRun(runId).constFirst();
    QCOMPARE(item.state, State::Refused);
    QVERIFY2(item.errorMessage.contains(QStringLiteral("no longer pending (accepted or withdrawn "
                                                       "elsewhere)")),
        qPrintable(item.errorMessage));
    QCOMPARE(f.requests("withdraw"), 1);
    QCOMPARE(f.requests("check_invitation"), 1);
    QVERIFY(!f.cache->findByUrn(f.account(), Direction::Sent, inv.entityUrn));
    // A refused withdraw never counts against the cap.
    QCOMPARE(f.queue->usage(f.account(), NetworkAction::Withdraw).usedToday, 0);
}

void TstInvitationQueue::inviteDuplicatesAreRefused()
{
    const StoredConnection connected = f.cache->connections(f.account()).first();
    const StoredInvitation pending = f.cache->invitations(Direction::Sent, { f.account() }).first();
    const StoredInvitation theirs
        = f.cache->invitations(Direction::Received, { f.account() }).first();
    // Spelled differently from the cache: the person is matched by profile id.
    const QString pendingUrl = pending.person.profileUrl + QStringLiteral("?trk=people-search");

    QVERIFY(f.queue->check(invite(f.account(), connected.connection.profileUrl))
                .contains(QStringLiteral("already connected")));
    QVERIFY(f.queue->check(invite(f.account(), pendingUrl))
                .contains(QStringLiteral("already pending")));
    QVERIFY(f.queue->check(invite(f.account(), theirs.person.profileUrl))
                .contains(QStringLiteral("accept their invitation instead")));
    QCOMPARE(f.queue->check(invite(f.account(), kNewProspect)), QString());

    const QString upper = QStringLiteral("https://www.linkedin.com/in/New-Prospect-4711");
    const qint64 runId = runToEnd({ invite(f.account(), connected.connection.profileUrl),
        invite(f.account(), pendingUrl), invite(f.account(), theirs.person.profileUrl),
        invite(f.account(), kNewProspect), invite(f.account(), upper) });
    const QList<OutboxItem> items = f.items->itemsOfRun(runId);
    QCOMPARE(items.size(), 5);
    const QList<State> states
        = { items[0].state, items[1].state, items[2].state, items[3].state, items[4].state };
    QCOMPARE(states,
        (QList<State> {
            State::Refused, State::Refused, State::Refused, State::Sent, State::Refused }));
    QVERIFY(items[4].errorMessage.contains(QStringLiteral("twice in this run")));
    QCOMPARE(items[3].target, QStringLiteral("new-prospect-4711"));
    QCOMPARE(f.requests("invite"), 1);
    QCOMPARE(f.queue->usage(f.account(), NetworkAction::Invite).usedToday, 1);

    // The invitation just sent is in the cache: inviting again is refused, nothing is sent.
    QVERIFY(f.cache->findByPerson(f.account(), Direction::Sent, kNewProspect));
    QVERIFY(f.queue->check(invite(f.account(), upper)).contains(QStringLiteral("already pending")));
    const qint64 again = runToEnd({ invite(f.account(), kNewProspect) });
    QCOMPARE(f.progress(again).refused, 1);
    QCOMPARE(f.requests("invite"), 1);
}

void TstInvitationQueue::inviteWithANote()
{
    // Counted in characters as people see them: 150 emoji are 300 UTF-16 units.
    const QString emoji = QString::fromUtf8("\xF0\x9F\x91\x8B"); // 👋
    QCOMPARE(emoji.size(), 2);
    const QString fits = emoji.repeated(150);
    const QString tooLong = emoji.repeated(201);
    QCOMPARE(f.settings->noteLimit(f.account()), AppSettings::FreeNoteLimit);
    QCOMPARE(f.queue->check(invite(f.account(), kNewProspect, fits)), QString());
    const QString why = f.queue->check(invite(f.account(), kNewProspect, tooLong));
    QVERIFY2(why.contains(QStringLiteral("201")) && why.contains(QStringLiteral("200")),
        qPrintable(why));

    const qint64 refused = runToEnd({ invite(f.account(), kNewProspect, tooLong) });
    QCOMPARE(f.progress(refused).refused, 1);
    QCOMPARE(f.requests("invite"), 0);

    const qint64 sent = runToEnd({ invite(f.account(), kNewProspect, fits) });
    QCOMPARE(f.progress(sent).done, 1);
    QCOMPARE(f.requests("invite"), 1);
    QCOMPARE(f.requestsWith("invite", "message", fits), 1);
    const auto stored = f.cache->findByPerson(f.account(), Direction::Sent, kNewProspect);
    QVERIFY(stored);
    QCOMPARE(stored->note, fits);
}

void TstInvitationQueue::badInputIsRefused()
{
    const QStringList notProfiles = { QStringLiteral("https://www.linkedin.com/company/linkup/"),
        QStringLiteral("https://example.com/in/someone"), QString() };
    QList<NetworkTask> tasks;
    for (const QString &url : notProfiles) {
        QVERIFY2(!f.queue->check(invite(f.account(), url)).isEmpty(), qPrintable(url));
        tasks << invite(f.account(), url);
    }
    const qint64 runId = runToEnd(tasks);
    QCOMPARE(f.progress(runId).refused, 3);
    QCOMPARE(f.requests("invite"), 0);

    // Without an account, or without anything to do, there is no run at all.
    QVERIFY(!f.queue->check(invite(QString(), kNewProspect)).isEmpty());
    QString error;
    const int runsBefore = f.runs->recent(100).size();
    QCOMPARE(f.queue->start({ invite(QString(), kNewProspect) }, QStringLiteral("t"), &error),
        qint64(0));
    QVERIFY(error.contains(QStringLiteral("account")));
    QCOMPARE(f.queue->start({}, QStringLiteral("nothing"), &error), qint64(0));
    QVERIFY(!error.isEmpty());
    QCOMPARE(f.runs->recent(100).size(), runsBefore);
    QCOMPARE(f.requests("invite"), 0);
}

void TstInvitationQueue::apiRefusalAndFailure()
{
    // A member who left LinkedIn: the API refuses with a reason (INVALID_PARAMS).
    const qint64 gone = runToEnd(
        { invite(f.account(), QStringLiteral("https://www.linkedin.com/in/deleted-member-42/")) });
    const OutboxItem refused = f.items->itemsOfRun(gone).constFirst();
    QCOMPARE(refused.state, State::Refused);
    QCOMPARE(refused.errorCode, QStringLiteral("INVALID_PARAMS"));
    QVERIFY(!refused.errorMessage.isEmpty());

    // No credits: not the item's fault, so Failed, and sent again by the person's choice.
    f.server->setCreditBalance(0);
    const qint64 broke = runToEnd({ invite(f.account(), kNewProspect) });
    const OutboxItem failed = f.items->itemsOfRun(broke).constFirst();
    QCOMPARE(failed.state, State::Failed);
    QCOMPARE(failed.errorCode, QStringLiteral("INSUFFICIENT_CREDITS"));
    QCOMPARE(f.requests("invite"), 2);
    QCOMPARE(f.queue->usage(f.account(), NetworkAction::Invite).usedToday, 0);

    f.server->setCreditBalance(1000);
    QSignalSpy finished(f.queue.get(), &InvitationQueue::runFinished);
    QVERIFY(f.queue->sendAgain(failed.id));
    QTRY_COMPARE_WITH_TIMEOUT(f.state(failed.id), State::Sent, kWait);
    QCOMPARE(f.requests("invite"), 3);
    QCOMPARE(f.items->find(failed.id)->attempts, 2);
    QVERIFY(f.items->find(failed.id)->runId != broke);
    QVERIFY(!f.queue->sendAgain(failed.id)); // Sent is final
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kWait);
}

void TstInvitationQueue::unknownUrnIsRefused()
{
    NetworkTask accept;
    accept.action = NetworkAction::Accept;
    accept.accountId = f.account();
    accept.entityUrn = QStringLiteral("urn:li:invitation:123");
    QVERIFY(f.queue->check(accept).contains(QStringLiteral("Refresh the received invitations")));
    NetworkTask withdraw = accept;
    withdraw.action = NetworkAction::Withdraw;
    QVERIFY(f.queue->check(withdraw).contains(QStringLiteral("Refresh the sent invitations")));
    const qint64 runId = runToEnd({ accept, withdraw });
    QCOMPARE(f.progress(runId).refused, 2);
    QCOMPARE(f.requests("accept") + f.requests("withdraw") + f.requests("check_invitation"), 0);
}

void TstInvitationQueue::reinviteAfterWithdrawnElsewhere()
{
    QCOMPARE(f.progress(runToEnd({ invite(f.account(), kNewProspect) })).done, 1);
    const auto sent = f.cache->findByPerson(f.account(), Direction::Sent, kNewProspect);
    QVERIFY(sent);
    // Withdrawn on LinkedIn itself, not through LinkUp Desk.
    QVERIFY(!f.call(f.network->withdraw(f.account(), sent->invitationId)).isUndefined());
    // Until a complete listing begun after it says so, the invitation counts as pending.
    QVERIFY(!f.queue->check(invite(f.account(), kNewProspect)).isEmpty());
    const auto listed
        = ld::decodeSentInvitations(f.call(f.network->listSent(f.account(), { 100, 0, {} })));
    QVERIFY(listed.ok());
    // A listing that began together with the invite could miss it: still refused.
    QVERIFY(f.cache->replaceSent(f.account(), listed.value.items, QDateTime::currentDateTimeUtc()));
    QVERIFY(
        f.queue->check(invite(f.account(), kNewProspect)).contains(QStringLiteral("Already done")));
    // One begun minutes later no longer shows it: withdrawn or declined, so it may go again.
    QVERIFY(f.cache->replaceSent(
        f.account(), listed.value.items, QDateTime::currentDateTimeUtc().addSecs(180)));
    QCOMPARE(f.queue->check(invite(f.account(), kNewProspect)), QString());
    f.server->clearRequests();
    QCOMPARE(f.progress(runToEnd({ invite(f.account(), kNewProspect) })).done, 1);
    QCOMPARE(f.requests("invite"), 1);
}

QTEST_GUILESS_MAIN(TstInvitationQueue)
#include "tst_invitationqueue.moc"
