// Bulk runs of the invitation queue being steered and surviving a crash, against the sandbox
// over loopback: pause, resume and cancel, and a run whose process is killed mid-request and
// then resumed (or started again) in another one. Every item ends with exactly one outcome and
// the sandbox sees each write at most once.
#include "invitationfixture.h"

#include <QProcess>

using namespace ld;
using State = OutboxItem::State;
using Fault = sandbox::SandboxServer::Fault;
using Direction = StoredInvitation::Direction;

namespace {

constexpr int kWait = InvitationFixture::Wait;

} // namespace

class TstInvitationQueueRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(f.setUp());
        QVERIFY(f.fillCache());
    }
    void cleanup() { f.tearDown(); }

    void pauseResumeCancel();
    void progressShowsTheNextRequest();
    void killedMidRun_data();
    void killedMidRun();

private:
    int countIn(qint64 runId, State state) const
    {
        int n = 0;
        const QList<OutboxItem> items = f.items->itemsOfRun(runId);
        for (const OutboxItem &item : items)
            n += item.state == state ? 1 : 0;
        return n;
    }

    InvitationFixture f;
};

void TstInvitationQueueRun::pauseResumeCancel()
{
    const QList<NetworkTask> tasks = f.tasksFor(NetworkAction::Accept, Direction::Received);
    QSignalSpy finished(f.queue.get(), &InvitationQueue::runFinished);
    // Pauses long enough for the test to act between two requests.
    const qint64 runId = f.queue->start(tasks, QStringLiteral("Accept all"), nullptr, 60, 90);
    QVERIFY(runId > 0);
    QVERIFY(f.queue->isDriving(runId));
    QTRY_VERIFY_WITH_TIMEOUT(f.progress(runId).done >= 2, kWait);

    QVERIFY(f.queue->pause(runId));
    QVERIFY(!f.queue->pause(runId));
    QVERIFY(!f.queue->isDriving(runId));
    // A request in flight completes; then nothing waits to leave.
    QTRY_COMPARE_WITH_TIMEOUT(countIn(runId, State::Sending), 0, kWait);
    RunProgress p = f.progress(runId);
    QCOMPARE(p.state, BulkRun::State::Paused);
    QVERIFY(!p.stopReason.isEmpty());
    QVERIFY(!p.nextAt.isValid());
    QVERIFY(p.etaMs > 0);
    const int sentWhenPaused = p.done;
    QCOMPARE(f.requests("accept"), sentWhenPaused);
    QVERIFY(p.pending > 0);

    QVERIFY(f.queue->resumeRun(runId));
    QVERIFY(!f.queue->resumeRun(runId));
    QCOMPARE(f.progress(runId).state, BulkRun::State::Running);
    QVERIFY(f.progress(runId).stopReason.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(f.progress(runId).done >= sentWhenPaused + 2, kWait);

    QVERIFY(f.queue->cancel(runId));
    QCOMPARE(finished.size(), 1);
    QVERIFY(!f.queue->cancel(runId));
    QVERIFY(!f.queue->resumeRun(runId));
    QTRY_COMPARE_WITH_TIMEOUT(countIn(runId, State::Sending), 0, kWait);
    p = f.progress(runId);
    QCOMPARE(p.state, BulkRun::State::Cancelled);
    QCOMPARE(p.pending, 0);
    QVERIFY(p.cancelled > 0);
    QCOMPARE(p.done + p.cancelled, tasks.size());
    QCOMPARE(f.requests("accept"), p.done);
    for (const NetworkTask &t : tasks)
        QVERIFY(f.requestsWith("accept", "entity_urn", t.entityUrn) <= 1);
}

void TstInvitationQueueRun::progressShowsTheNextRequest()
{
    const QList<NetworkTask> tasks
        = f.tasksFor(NetworkAction::Accept, Direction::Received).mid(0, 3);
    bool sawWait = false;
    qint64 firstEta = -1;
    connect(f.queue.get(), &InvitationQueue::runChanged, this, [&](qint64 runId) {
        const RunProgress p = f.progress(runId);
        if (p.nextAt.isValid() && p.done > 0 && p.etaMs > 0)
            sawWait = true;
        if (firstEta < 0 && p.pending == 3)
            firstEta = p.etaMs;
    });
    const qint64 runId = f.queue->start(tasks, QStringLiteral("Accept three"), nullptr, 20, 40);
    QTRY_VERIFY_WITH_TIMEOUT(f.isOver(runId), kWait);
    QVERIFY(sawWait);
    // Three requests and two pauses of 30 ms on average, before any request was timed.
    QVERIFY2(firstEta >= 60, qPrintable(QString::number(firstEta)));
    const RunProgress p = f.progress(runId);
    QCOMPARE(p.done, 3);
    QCOMPARE(p.etaMs, -1);
    QVERIFY(!p.nextAt.isValid());
}

void TstInvitationQueueRun::killedMidRun_data()
{
    QTest::addColumn<bool>("startAgain");
    QTest::newRow("the interrupted run is resumed") << false;
    QTest::newRow("the same run is started again") << true;
}

void TstInvitationQueueRun::killedMidRun()
{
    QFETCH(bool, startAgain);
    const QList<NetworkTask> tasks = f.tasksFor(NetworkAction::Accept, Direction::Received);
    QCOMPARE(tasks.size(), 12);
    // The sandbox lives in this process, so it outlives the child. It answers three accepts
    // promptly, then carries out the fourth at once and holds its answer, as LinkedIn does when
    // a reply is slow to come back: the child is killed while that request is in flight.
    f.server->injectFault(
        Fault::Slow, 3, QStringLiteral("/v2/network"), QStringLiteral("accept"), 1);
    f.server->injectFault(
        Fault::Slow, 1, QStringLiteral("/v2/network"), QStringLiteral("accept"), 600000);
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QStringLiteral(INVITATION_RUNNER_PATH),
        { f.databasePath(), f.server->baseUrl().toString(), sandbox::Seeds::apiKey(), f.account(),
            QStringLiteral("1"), QStringLiteral("3") });
    QVERIFY(child.waitForStarted(kWait));
    // QTRY_ keeps this event loop, and so the sandbox, running.
    QTRY_COMPARE_WITH_TIMEOUT(f.requests("accept"), 4, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(!f.items->inStates({ State::Sending }).isEmpty(), kWait);
    const OutboxItem inFlight = f.items->inStates({ State::Sending }).constFirst();
    const qint64 runId = inFlight.runId;

    child.kill(); // SIGKILL: no handler, no clean-up
    QVERIFY(child.waitForFinished(kWait));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    QVERIFY(child.readAllStandardOutput().contains("run "));
    QCOMPARE(f.state(inFlight.id), State::Sending);
    QCOMPARE(f.runs->find(runId)->state, BulkRun::State::Running);
    QCOMPARE(countIn(runId, State::Sent), 3);
    QCOMPARE(countIn(runId, State::Queued), 8);

    // The restart: the same store, this process's queue. resume() sends nothing: it pauses the
    // run and verifies the request that was in flight.
    QSignalSpy verified(f.queue.get(), &InvitationQueue::verified);
    f.queue->resume();
    QCOMPARE(f.runs->find(runId)->state, BulkRun::State::Paused);
    QCOMPARE(f.runs->find(runId)->stopReason, InvitationQueue::interruptedReason());
    QVERIFY(verified.wait(kWait));
    QCOMPARE(verified.constFirst().at(0).toLongLong(), inFlight.id);
    QCOMPARE(verified.constFirst().at(1).toBool(), true);
    QCOMPARE(f.state(inFlight.id), State::Sent);
    QCOMPARE(f.requests("accept"), 4);
    QCOMPARE(f.requests("check_invitation"), 1);

    if (startAgain) {
        QString error;
        const qint64 again = f.queue->start(tasks, QStringLiteral("again"), &error, 1, 3);
        QVERIFY2(again > 0, qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(f.isOver(again), kWait);
        const RunProgress p = f.progress(again);
        QCOMPARE(p.total, 12);
        QCOMPARE(p.done, 8); // the adopted ones
        QCOMPARE(p.refused, 4); // done before the crash
        QCOMPARE(f.progress(runId).state, BulkRun::State::Finished);
        QCOMPARE(f.items->itemsOfRun(runId).size(), 4);
    } else {
        QVERIFY(f.queue->resumeRun(runId));
        QTRY_VERIFY_WITH_TIMEOUT(f.isOver(runId), kWait);
        QCOMPARE(f.progress(runId).done, 12);
        QCOMPARE(f.progress(runId).state, BulkRun::State::Finished);
    }
    QVERIFY(f.items->inStates({ State::Queued, State::Sending, State::Unknown }).isEmpty());
    QCOMPARE(f.requests("accept"), 12);
    for (const NetworkTask &t : tasks)
        QCOMPARE(f.requestsWith("accept", "entity_urn", t.entityUrn), 1);
    QCOMPARE(f.requests("check_invitation"), 1);
}

QTEST_GUILESS_MAIN(TstInvitationQueueRun)
#include "tst_invitationqueuerun.moc"
