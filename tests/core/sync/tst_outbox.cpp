// The outbox's state machine against the sandbox over loopback, counting the sandbox's send
// requests: a message is sent once, and a second request only ever follows "Send again".
#include "inboxfixture.h"

#include <QFile>
#include <QProcess>

using namespace ld;
using State = OutboxItem::State;
using Fault = sandbox::SandboxServer::Fault;
Q_DECLARE_METATYPE(Fault)

namespace {

const QString kNewProspect = QStringLiteral("https://www.linkedin.com/in/new-prospect-4711/");
constexpr int kWait = 20000;

} // namespace

class TstOutbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(f.setUp()); }
    void cleanup() { f.tearDown(); }

    void sendsExactlyOnce();
    void undoCancelSendsNothing();
    void outcomes_data();
    void outcomes();
    void failedThenSendAgain();
    void unverifiedIsNeverResent();
    void refusals_data();
    void refusals();
    void dailyCap();
    void resumeVerifiesAnInterruptedSend_data();
    void resumeVerifiesAnInterruptedSend();
    void twoOutboxesOneStoreSendOnce();
    void killedWhileSendingIsVerifiedNotResent();

private:
    qint64 enqueue(const QString &text, const QString &to = kNewProspect)
    {
        OutgoingMessage m;
        m.accountId = f.account();
        m.profileUrl = to;
        m.text = text;
        QString refusal;
        const qint64 id = f.outbox->enqueue(m, &refusal);
        if (id == 0)
            qWarning() << "refused:" << refusal;
        return id;
    }

    InboxFixture f;
};

void TstOutbox::sendsExactlyOnce()
{
    QSignalSpy changed(f.outbox.get(), &Outbox::itemChanged);
    const qint64 id = enqueue(QStringLiteral("Hello, nice to meet you 👋"));
    QVERIFY(id > 0);
    QTRY_COMPARE_WITH_TIMEOUT(f.state(id), State::Sent, kWait);
    QCOMPARE(f.sendRequests(), 1);
    const OutboxItem item = *f.items->find(id);
    QCOMPARE(item.attempts, 1);
    QVERIFY(!item.resultId.isEmpty());
    QVERIFY(!item.conversationId.isEmpty());
    QVERIFY(item.sentAt.isValid());
    const QList<State> seen = { changed.at(0).at(1).value<State>(),
        changed.at(1).at(1).value<State>(), changed.at(2).at(1).value<State>() };
    QCOMPARE(seen, (QList<State> { State::Queued, State::Sending, State::Sent }));
    const QByteArray body = f.server->requests().constLast().body;
    QVERIFY2(body.contains("new-prospect-4711"), body.constData());
}

void TstOutbox::undoCancelSendsNothing()
{
    f.outbox->setUndoDelayMs(50);
    const qint64 cancelled = enqueue(QStringLiteral("Oops, wrong person"));
    QVERIFY(cancelled > 0);
    QCOMPARE(f.state(cancelled), State::Queued);
    QVERIFY(f.outbox->cancel(cancelled));
    QCOMPARE(f.state(cancelled), State::Cancelled);
    QVERIFY(!f.outbox->cancel(cancelled));

    // A later message, due after the cancelled one would have been: once it is sent, the
    // cancelled one has had every chance to leave.
    f.outbox->setUndoDelayMs(150);
    const qint64 sent = enqueue(QStringLiteral("The right message"));
    QTRY_COMPARE_WITH_TIMEOUT(f.state(sent), State::Sent, kWait);
    QCOMPARE(f.state(cancelled), State::Cancelled);
    QCOMPARE(f.sendRequests(), 1);
    QVERIFY(f.server->requests().constLast().body.contains("The right message"));
    QVERIFY(!f.outbox->cancel(sent));
}

void TstOutbox::outcomes_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<int>("faults");
    QTest::addColumn<State>("final");
    QTest::addColumn<int>("verified"); // -1 no verification, 0 not found, 1 found
    QTest::addColumn<int>("requests");

    QTest::newRow("CHANNEL_ERROR on 200: failed")
        << Fault::SuccessFalse << 1 << State::Failed << -1 << 1;
    QTest::newRow("one 429: retried by the client")
        << Fault::RateLimited << 1 << State::Sent << -1 << 2;
    QTest::newRow("429 five times: failed") << Fault::RateLimited << 5 << State::Failed << -1 << 5;
    QTest::newRow("500: unknown, not found")
        << Fault::InternalError << 1 << State::Unknown << 0 << 1;
    QTest::newRow("502 proxy page: unknown, not found")
        << Fault::HtmlBody << 1 << State::Unknown << 0 << 1;
    QTest::newRow("dropped after send: verified sent")
        << Fault::DropAfterSend << 1 << State::Sent << 1 << 1;
    QTest::newRow("truncated 200: verified sent")
        << Fault::MalformedJson << 1 << State::Sent << 1 << 1;
    QTest::newRow("empty 200: verified sent") << Fault::EmptyBody << 1 << State::Sent << 1 << 1;
}

void TstOutbox::outcomes()
{
    QFETCH(Fault, fault);
    QFETCH(int, faults);
    QFETCH(State, final);
    QFETCH(int, verified);
    QFETCH(int, requests);

    f.server->injectFault(fault, faults, QStringLiteral("/v2/messages"), QStringLiteral("send"));
    QSignalSpy checked(f.outbox.get(), &Outbox::verified);
    const qint64 id = enqueue(QStringLiteral("Outcome check"));
    QVERIFY(id > 0);
    if (verified >= 0) {
        QVERIFY(checked.wait(kWait));
        QCOMPARE(checked.constFirst().at(0).toLongLong(), id);
        QCOMPARE(checked.constFirst().at(1).toBool(), verified == 1);
    }
    QTRY_COMPARE_WITH_TIMEOUT(f.state(id), final, kWait);
    QCOMPARE(f.sendRequests(), requests);
    const OutboxItem item = *f.items->find(id);
    QCOMPARE(item.attempts, 1);
    QCOMPARE(item.errorMessage.isEmpty(), final == State::Sent);
    QCOMPARE(checked.count(), verified >= 0 ? 1 : 0);
}

void TstOutbox::failedThenSendAgain()
{
    f.server->injectFault(
        Fault::SuccessFalse, 1, QStringLiteral("/v2/messages"), QStringLiteral("send"));
    const qint64 id = enqueue(QStringLiteral("Second time lucky"));
    QTRY_COMPARE_WITH_TIMEOUT(f.state(id), State::Failed, kWait);
    QVERIFY(!f.outbox->cancel(id));
    QCOMPARE(f.sendRequests(), 1);

    QVERIFY(f.outbox->sendAgain(id));
    QTRY_COMPARE_WITH_TIMEOUT(f.state(id), State::Sent, kWait);
    QCOMPARE(f.sendRequests(), 2);
    QCOMPARE(f.items->find(id)->attempts, 2);
    QVERIFY(!f.outbox->sendAgain(id)); // never from Sent

    // A definite 4xx from the server: the recipient left LinkedIn.
    const qint64 gone = enqueue(
        QStringLiteral("Hi"), QStringLiteral("https://www.linkedin.com/in/deleted-someone/"));
    QTRY_COMPARE_WITH_TIMEOUT(f.state(gone), State::Failed, kWait);
    QVERIFY(f.items->find(gone)->errorMessage.contains(QStringLiteral("no longer exists")));
    QCOMPARE(f.sendRequests(), 3);
}

void TstOutbox::unverifiedIsNeverResent()
{
    const std::optional<ConversationRow> row = f.firstConversation();
    QVERIFY(row);
    f.server->injectFault(
        Fault::InternalError, 1, QStringLiteral("/v2/messages"), QStringLiteral("send"));
    QSignalSpy checked(f.outbox.get(), &Outbox::verified);
    OutgoingMessage m;
    m.accountId = f.account();
    m.profileUrl = row->conversation.participant.profileUrl;
    m.conversationId = row->conversation.id;
    m.text = QStringLiteral("Following up on our call");
    const qint64 id = f.outbox->enqueue(m, nullptr);
    QVERIFY(checked.wait(kWait));
    QCOMPARE(checked.constFirst().at(1).toBool(), false);
    QCOMPARE(f.state(id), State::Unknown);
    QCOMPARE(
        f.server->requestCount(QStringLiteral("/v2/messages"), QStringLiteral("get_conversation")),
        1);

    // Nothing brings it back by itself: not a resume, not another verification.
    f.outbox->resume();
    f.outbox->verify(id);
    QVERIFY(checked.wait(kWait));
    QCOMPARE(f.state(id), State::Unknown);
    QCOMPARE(f.sendRequests(), 1);

    QVERIFY(f.outbox->sendAgain(id));
    QTRY_COMPARE_WITH_TIMEOUT(f.state(id), State::Sent, kWait);
    QCOMPARE(f.sendRequests(), 2);
}

void TstOutbox::refusals_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("attachment"); // "missing", "empty", "huge" or ""
    QTest::addColumn<QString>("reason");

    QTest::newRow("empty text") << QString() << QString() << QStringLiteral("empty");
    QTest::newRow("white space") << QStringLiteral(" \n\t ") << QString()
                                 << QStringLiteral("empty");
    QTest::newRow("missing file") << QStringLiteral("See attached") << QStringLiteral("missing")
                                  << QStringLiteral("does not exist");
    QTest::newRow("empty file") << QStringLiteral("See attached") << QStringLiteral("empty")
                                << QStringLiteral("empty");
    QTest::newRow("file over the limit")
        << QStringLiteral("See attached") << QStringLiteral("huge") << QStringLiteral("at most");
}

void TstOutbox::refusals()
{
    QFETCH(QString, text);
    QFETCH(QString, attachment);
    QFETCH(QString, reason);

    OutgoingMessage m;
    m.accountId = f.account();
    m.profileUrl = kNewProspect;
    m.text = text;
    if (!attachment.isEmpty()) {
        m.attachmentPath = f.dir->filePath(attachment + QStringLiteral(".pdf"));
        if (attachment != QLatin1String("missing")) {
            QFile file(m.attachmentPath);
            QVERIFY(file.open(QIODevice::WriteOnly));
            if (attachment == QLatin1String("huge")) // sparse: no 20 MB written
                QVERIFY(file.resize(MessagesService::MaxAttachmentBytes + 1));
        }
    }
    QString refusal;
    QCOMPARE(f.outbox->enqueue(m, &refusal), qint64(0));
    QVERIFY2(refusal.contains(reason), qPrintable(refusal));
    QVERIFY(f.items->inStates({ State::Queued, State::Sending, State::Failed }).isEmpty());
    QCOMPARE(f.server->requestCount(), 0);
}

void TstOutbox::dailyCap()
{
    PacingLimits limits = f.settings->pacing();
    limits.messagesPerDay = 2;
    f.settings->setPacing(limits);
    QCOMPARE(f.outbox->dailyUsage(f.account()).remaining(), 2);
    const qint64 first = enqueue(QStringLiteral("one"));
    const qint64 second = enqueue(QStringLiteral("two"));
    QTRY_COMPARE_WITH_TIMEOUT(f.state(second), State::Sent, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(f.state(first), State::Sent, kWait);
    QCOMPARE(f.outbox->dailyUsage(f.account()).used, 2);
    QCOMPARE(f.outbox->dailyUsage(f.account()).remaining(), 0);

    OutgoingMessage m;
    m.accountId = f.account();
    m.profileUrl = kNewProspect;
    m.text = QStringLiteral("three");
    QString refusal;
    QCOMPARE(f.outbox->enqueue(m, &refusal), qint64(0));
    QCOMPARE(refusal,
        QStringLiteral("Daily limit reached for this account: 2 of 2 messages sent "
                       "today. The limit resets at midnight; change it in Settings."));
    QCOMPARE(f.sendRequests(), 2);
    // Another account has its own count.
    m.accountId = sandbox::Seeds::accountIds().at(1);
    QVERIFY(f.outbox->enqueue(m, &refusal) > 0);
}

void TstOutbox::resumeVerifiesAnInterruptedSend_data()
{
    QTest::addColumn<bool>("reachedLinkedIn");
    QTest::newRow("the request had arrived") << true;
    QTest::newRow("the request never arrived") << false;
}

void TstOutbox::resumeVerifiesAnInterruptedSend()
{
    QFETCH(bool, reachedLinkedIn);
    const QString text = QStringLiteral("Sent just before the crash");
    if (reachedLinkedIn) {
        ApiCall *call = f.messages->send(f.account(), kNewProspect, text);
        QSignalSpy done(call, &ApiCall::finished);
        QVERIFY(done.wait(kWait));
    }
    // The state a process leaves behind when it dies between the store and the reply.
    OutboxItem item;
    item.kind = QStringLiteral("message");
    item.accountId = f.account();
    item.target = kNewProspect;
    item.payload = { { QStringLiteral("text"), text } };
    const qint64 id = f.items->enqueue(item);
    OutboxItem sending = *f.items->find(id);
    sending.state = State::Sending;
    sending.attempts = 1;
    sending.sentAt = QDateTime::currentDateTimeUtc();
    QVERIFY(f.items->transition(id, State::Queued, sending));
    const int before = f.sendRequests();

    QSignalSpy checked(f.outbox.get(), &Outbox::verified);
    f.outbox->resume();
    QCOMPARE(f.state(id), State::Unknown);
    QVERIFY(checked.wait(kWait));
    QCOMPARE(checked.constFirst().at(1).toBool(), reachedLinkedIn);
    QCOMPARE(f.state(id), reachedLinkedIn ? State::Sent : State::Unknown);
    QCOMPARE(f.sendRequests(), before);
    QCOMPARE(f.items->find(id)->attempts, 1);
}

void TstOutbox::twoOutboxesOneStoreSendOnce()
{
    // A second process on the same profile: its own connection to the same file.
    Database other;
    QVERIFY(other.open(f.databasePath()));
    OutboxRepository otherItems(&other);
    Outbox otherOutbox(f.messages.get(), &otherItems, f.conversations.get(), f.settings.get());

    f.outbox->setUndoDelayMs(100);
    const qint64 id = enqueue(QStringLiteral("Only once, please"));
    otherOutbox.resume(); // both now hold the Queued item and both timers fire
    QTRY_COMPARE_WITH_TIMEOUT(f.state(id), State::Sent, kWait);
    QCOMPARE(f.sendRequests(), 1);
}

void TstOutbox::killedWhileSendingIsVerifiedNotResent()
{
    // The sandbox lives in this process, so it outlives the child; it carries the message out
    // at once and holds the answer, as LinkedIn does when the reply is slow to come back.
    f.server->injectFault(
        Fault::Slow, 1, QStringLiteral("/v2/messages"), QStringLiteral("send"), 600000);
    const QString text = QStringLiteral("Sent by a process that dies");
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QStringLiteral(OUTBOX_SENDER_PATH),
        { f.databasePath(), f.server->baseUrl().toString(), sandbox::Seeds::apiKey(), f.account(),
            kNewProspect, text });
    QVERIFY(child.waitForStarted(kWait));
    // QTRY_ keeps this event loop, and so the sandbox, running (waitForReadyRead would not).
    QTRY_VERIFY_WITH_TIMEOUT(f.sendRequests() == 1, kWait);
    qint64 id = 0;
    QTRY_VERIFY_WITH_TIMEOUT(!f.items->inStates({ State::Sending }).isEmpty(), kWait);
    id = f.items->inStates({ State::Sending }).constFirst().id;

    child.kill(); // SIGKILL: no handler, no clean-up
    QVERIFY(child.waitForFinished(kWait));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    QVERIFY2(child.readAllStandardOutput().contains("sending"), "the child saw its item leave");
    QCOMPARE(f.state(id), State::Sending);

    // The restart: the same store, a new outbox.
    QSignalSpy checked(f.outbox.get(), &Outbox::verified);
    f.outbox->resume();
    QVERIFY(checked.wait(kWait));
    QCOMPARE(checked.constFirst().at(1).toBool(), true);
    QCOMPARE(f.state(id), State::Sent);
    QCOMPARE(f.sendRequests(), 1);
    QCOMPARE(f.items->find(id)->attempts, 1);
}

QTEST_GUILESS_MAIN(TstOutbox)
#include "tst_outbox.moc"
