// Publishing posts against the sandbox over loopback, counting its create requests: a post
// leaves once, a second request only ever follows "Publish again", a scheduled post goes once
// at its time, and a missed or interrupted one waits for the person.
#include "postfixture.h"

#include "store/creditledger.h"
#include "sync/workspace.h"

#include <QCoreApplication>
#include <QProcess>

using namespace ld;
using State = Draft::State;
using Fault = sandbox::SandboxServer::Fault;
Q_DECLARE_METATYPE(Fault)

namespace {

constexpr int kWait = 20000;
const QString kContent = QStringLiteral("/v2/content");

// The id of a process that has exited (and been reaped): nobody runs under it any more.
qint64 deadPid()
{
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), { QStringLiteral("-functions") });
    if (!child.waitForStarted(kWait))
        return 0;
    const qint64 pid = child.processId();
    child.waitForFinished(kWait);
    return pid;
}

} // namespace

class TstPostPublisher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(f.setUp()); }
    void cleanup() { f.tearDown(); }

    void publishesOnceWithTheText();
    void imagesCarryDataFilenameAndAltText();
    void companyPageUsesCreateCompany();
    void refusedBeforeAnyRequest_data();
    void refusedBeforeAnyRequest();
    void failedThenPublishAgain_data();
    void failedThenPublishAgain();
    void ambiguousIsUnknownNeverRepublished_data();
    void ambiguousIsUnknownNeverRepublished();
    void confirmPublishedRecordsHistoryWithoutUrl();
    void dailyCap();
    void scheduledIsPublishedOnceAtItsTime();
    void unscheduledIsNotPublished();
    void fileGoneAtSendTimeFailsUnsent();
    void missedIsReportedNotPublished();
    void missedFoundWhileRunningIsReportedOnce();
    void killedWhileSendingBecomesUnknown();
    void sendingInAnotherLiveProcessIsLeftAlone();
    void queuedLeftByACrashIsPublishedOnce();
    void workspacePublishesThroughItsParts();

private:
    PostFixture f;
};

void TstPostPublisher::publishesOnceWithTheText()
{
    const QString text = QStringLiteral("Launch day 🚀 — שלום, مرحبا.\nThanks to the team!");
    const qint64 id = f.newDraft(text);
    QVERIFY(id > 0);
    QVERIFY(f.publisher->check(f.draft(id)).isEmpty());
    QSignalSpy published(f.publisher.get(), &PostPublisher::published);
    QString refusal;
    QVERIFY2(f.publisher->publishNow(id, &refusal), qPrintable(refusal));
    QCOMPARE(f.state(id), State::Publishing); // stored before the request leaves
    QVERIFY(f.draft(id).outboxId > 0);

    QTRY_COMPARE_WITH_TIMEOUT(f.state(id), State::Published, kWait);
    QCOMPARE(f.createRequests(), 1);
    const QJsonObject body = f.lastContentBody();
    QCOMPARE(body.value(QStringLiteral("action")).toString(), QStringLiteral("create"));
    QCOMPARE(f.lastParams().value(QStringLiteral("message")).toString(), text);

    const OutboxItem item = *f.items->find(f.draft(id).outboxId);
    QCOMPARE(item.kind, QStringLiteral("post"));
    QCOMPARE(item.state, OutboxItem::State::Sent);
    QCOMPARE(item.attempts, 1);
    QVERIFY(!item.payload.contains(QStringLiteral("data"))); // never the bytes

    const std::optional<PublishedPostRecord> record = f.drafts->publishedFor(id);
    QVERIFY(record);
    QVERIFY2(record->postUrl.startsWith(QLatin1String("https://www.linkedin.com/feed/update/")),
        qPrintable(record->postUrl));
    QVERIFY(record->postUrn.startsWith(QLatin1String("urn:li:activity:")));
    QCOMPARE(record->text, text);
    QCOMPARE(record->accountId, f.account());
    QCOMPARE(record->credits, 1);
    QCOMPARE(record->mediaCount, 0);
    QVERIFY(record->publishedAt.isValid());
    QCOMPARE(published.count(), 1);
    QCOMPARE(published.constFirst().at(1).toString(), record->postUrl);
    QCOMPARE(f.publisher->postsToday(f.account()), 1);

    // Published is final: neither button sends it a second time.
    QVERIFY(!f.publisher->publishNow(id, &refusal));
    QVERIFY(!refusal.isEmpty());
    QVERIFY(!f.publisher->publishAgain(id));
    QCOMPARE(f.createRequests(), 1);
    QCOMPARE(f.drafts->history().size(), 1);
}

void TstPostPublisher::imagesCarryDataFilenameAndAltText()
{
    const QString first = f.writeImage(QStringLiteral("chart.png"), QByteArray(3000, 'x'));
    const QString second
        = f.writeImage(QStringLiteral("team photo.jpg"), QByteArray("jpeg body"), true);
    PostMediaRef a { first, QStringLiteral("Quarterly growth chart"), false };
    PostMediaRef b { second, QStringLiteral("The team, smiling"), false };
    const qint64 id = f.newDraft(QStringLiteral("Our quarter in pictures"), { a, b });
    QVERIFY(f.publisher->publishNow(id));
    QTRY_COMPARE_WITH_TIMEOUT(f.state(id), State::Published, kWait);
    QCOMPARE(f.createRequests(), 1);

    const QJsonArray files = f.lastParams().value(QStringLiteral("files")).toArray();
    QCOMPARE(files.size(), 2);
    const QJsonObject one = files.at(0).toObject(), two = files.at(1).toObject();
    QCOMPARE(one.value(QStringLiteral("filename")).toString(), QStringLiteral("chart.png"));
    QCOMPARE(one.value(QStringLiteral("data")).toString().toLatin1(),
        PostFixture::fileBytes(first).toBase64());
    QCOMPARE(one.value(QStringLiteral("altText")).toString(), a.altText);
    QCOMPARE(two.value(QStringLiteral("filename")).toString(), QStringLiteral("team photo.jpg"));
    QCOMPARE(two.value(QStringLiteral("data")).toString().toLatin1(),
        PostFixture::fileBytes(second).toBase64());
    QCOMPARE(two.value(QStringLiteral("altText")).toString(), b.altText);
    QCOMPARE(f.drafts->publishedFor(id)->mediaCount, 2);
}

void TstPostPublisher::companyPageUsesCreateCompany()
{
    const QString page = QStringLiteral("https://www.linkedin.com/company/acme-robotics/");
    const qint64 id = f.newDraft(QStringLiteral("We are hiring robot wranglers"), {}, page);
    QVERIFY(f.publisher->publishNow(id));
    QTRY_COMPARE_WITH_TIMEOUT(f.state(id), State::Published, kWait);
    QCOMPARE(f.createRequests(), 1);
    QCOMPARE(f.lastContentBody().value(QStringLiteral("action")).toString(),
        QStringLiteral("create_company"));
    QCOMPARE(f.lastParams().value(QStringLiteral("company_url")).toString(), page);
    QCOMPARE(f.drafts->publishedFor(id)->companyUrl, page);
    QCOMPARE(f.items->find(f.draft(id).outboxId)->target, page);
}

void TstPostPublisher::refusedBeforeAnyRequest_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("image"); // "missing", "huge" or ""
    QTest::addColumn<bool>("noAccount");
    QTest::addColumn<QString>("reason"); // a part of the sentence; empty: PostText's own

    QTest::newRow("3,001 characters")
        << QString(3001, QLatin1Char('a')) << QString() << false << QString();
    // 3,000 emoji are 6,000 UTF-16 units but 3,000 characters for LinkedIn; one more is over.
    QString emoji;
    for (int i = 0; i < 3001; ++i)
        emoji += QStringLiteral("🙂");
    QTest::newRow("3,001 emoji") << emoji << QString() << false << QString();
    QTest::newRow("empty") << QString() << QString() << false << QString();
    QTest::newRow("white space only")
        << QStringLiteral(" \n\t ") << QString() << false << QString();
    QTest::newRow("missing image") << QStringLiteral("See the chart") << QStringLiteral("missing")
                                   << false << QStringLiteral("gone.png");
    QTest::newRow("image over the limit")
        << QStringLiteral("See the chart") << QStringLiteral("huge") << false
        << QStringLiteral("huge.png");
    QTest::newRow("no account") << QStringLiteral("Hello") << QString() << true
                                << QStringLiteral("account");
}

void TstPostPublisher::refusedBeforeAnyRequest()
{
    QFETCH(QString, text);
    QFETCH(QString, image);
    QFETCH(bool, noAccount);
    QFETCH(QString, reason);

    QList<PostMediaRef> media;
    if (image == QLatin1String("missing")) {
        media << PostMediaRef { f.dir->filePath(QStringLiteral("gone.png")), {}, false };
    } else if (image == QLatin1String("huge")) {
        const QString path = f.writeImage(QStringLiteral("huge.png"), QByteArray(16, 'x'));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(PostMedia::MaxImageBytes + 1)); // sparse: nothing written
        media << PostMediaRef { path, {}, false };
    }
    Draft draft;
    draft.accountId = noAccount ? QString() : f.account();
    draft.text = text;
    draft.media = media;
    const qint64 id = f.drafts->create(draft);
    QVERIFY(id > 0);
    const QString expected = reason.isEmpty() ? PostText::problem(text, !media.isEmpty()) : reason;
    QVERIFY(!expected.isEmpty());

    const QString problem = f.publisher->check(f.draft(id));
    QVERIFY2(problem.contains(expected), qPrintable(problem));
    QString refusal;
    QVERIFY(!f.publisher->publishNow(id, &refusal));
    QCOMPARE(refusal, problem);
    QVERIFY(!f.publisher->schedule(id, QDateTime::currentDateTimeUtc().addSecs(3600), &refusal));
    QCOMPARE(refusal, problem);
    QCOMPARE(f.state(id), State::Draft);
    QVERIFY(f.items->inStates({ OutboxItem::State::Queued, OutboxItem::State::Sending }).isEmpty());
    QCOMPARE(f.server->requestCount(), 0);
}

void TstPostPublisher::failedThenPublishAgain_data()
{
    QTest::addColumn<bool>("companyNotMine"); // else: the server's refusal on a 200
    QTest::newRow("CHANNEL_ERROR on 200") << false;
    QTest::newRow("company page not administered (4xx)") << true;
}

void TstPostPublisher::failedThenPublishAgain()
{
    QFETCH(bool, companyNotMine);
    const QString company = companyNotMine
        ? QStringLiteral("https://www.linkedin.com/company/not-a-page-of-yours-4711/")
        : QString();
    if (!companyNotMine)
        f.server->injectFault(Fault::SuccessFalse, 1, kContent, QStringLiteral("create"));
    const qint64 id = f.newDraft(QStringLiteral("Hiring: two engineers"), {}, company);
    QSignalSpy failed(f.publisher.get(), &PostPublisher::failed);
    QVERIFY(f.publisher->publishNow(id));
    QTRY_COMPARE_WITH_TIMEOUT(f.state(id), State::Failed, kWait);
    QCOMPARE(f.createRequests(), 1);
    QCOMPARE(f.lastContentBody().value(QStringLiteral("action")).toString(),
        companyNotMine ? QStringLiteral("create_company") : QStringLiteral("create"));
    QVERIFY(!f.draft(id).errorMessage.isEmpty());
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.constFirst().at(1).toString(), f.draft(id).errorMessage);
    QCOMPARE(f.items->find(f.draft(id).outboxId)->state, OutboxItem::State::Failed);
    QCOMPARE(f.publisher->postsToday(f.account()), 0); // a refusal did not publish
    QVERIFY(!f.drafts->publishedFor(id));
    QVERIFY(!f.publisher->confirmPublished(id)); // only an Unknown post is confirmed

    QString refusal;
    QVERIFY2(f.publisher->publishAgain(id, &refusal), qPrintable(refusal));
    const State final = companyNotMine ? State::Failed : State::Published;
    QTRY_COMPARE_WITH_TIMEOUT(f.state(id), final, kWait);
    QCOMPARE(f.createRequests(), 2);
    QCOMPARE(bool(f.drafts->publishedFor(id)), !companyNotMine);
}

void TstPostPublisher::ambiguousIsUnknownNeverRepublished_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<int>("param");
    QTest::newRow("dropped after the server published") << Fault::DropAfterSend << 0;
    QTest::newRow("500") << Fault::InternalError << 0;
    QTest::newRow("timeout") << Fault::Slow << 5000;
}

void TstPostPublisher::ambiguousIsUnknownNeverRepublished()
{
    QFETCH(Fault, fault);
    QFETCH(int, param);
    f.client->setTimeoutMs(500);
    f.server->injectFault(fault, 1, kContent, QStringLiteral("create"), param);
    const qint64 id = f.newDraft(QStringLiteral("Maybe published"));
    QSignalSpy failed(f.publisher.get(), &PostPublisher::failed);
    QVERIFY(f.publisher->publishNow(id));
    QTRY_COMPARE_WITH_TIMEOUT(f.state(id), State::Unknown, kWait);
    QCOMPARE(f.createRequests(), 1);
    QCOMPARE(failed.count(), 1);
    QVERIFY(!f.draft(id).errorMessage.isEmpty());
    QCOMPARE(f.items->find(f.draft(id).outboxId)->state, OutboxItem::State::Unknown);
    QCOMPARE(f.publisher->postsToday(f.account()), 1); // it may count against the cap

    // Nothing sends it again by itself or by the ordinary buttons.
    f.publisher->resume();
    QString refusal;
    QVERIFY(!f.publisher->publishNow(id, &refusal));
    QVERIFY(!refusal.isEmpty());
    QVERIFY(!f.publisher->publishAgain(id, &refusal));
    QVERIFY(!f.publisher->schedule(id, QDateTime::currentDateTimeUtc().addSecs(60)));
    QCOMPARE(f.state(id), State::Unknown);
    QCOMPARE(f.createRequests(), 1);

    // The person looked on LinkedIn and did not find it.
    QVERIFY(f.publisher->confirmNotPublished(id));
    QCOMPARE(f.state(id), State::Failed);
    QCOMPARE(f.publisher->postsToday(f.account()), 0);
    QVERIFY(!f.publisher->confirmNotPublished(id));
    QVERIFY(f.publisher->publishAgain(id, &refusal));
    QTRY_COMPARE_WITH_TIMEOUT(f.state(id), State::Published, kWait);
    QCOMPARE(f.createRequests(), 2);
    QVERIFY(!f.drafts->publishedFor(id)->postUrl.isEmpty());
}

void TstPostPublisher::confirmPublishedRecordsHistoryWithoutUrl()
{
    f.server->injectFault(Fault::InternalError, 1, kContent, QStringLiteral("create"));
    const QString text = QStringLiteral("Seen on LinkedIn after all");
    const qint64 id = f.newDraft(text);
    QVERIFY(!f.publisher->confirmPublished(id)); // a Draft is not confirmed
    QVERIFY(f.publisher->publishNow(id));
    QTRY_COMPARE_WITH_TIMEOUT(f.state(id), State::Unknown, kWait);

    QSignalSpy published(f.publisher.get(), &PostPublisher::published);
    QVERIFY(f.publisher->confirmPublished(id));
    QCOMPARE(f.state(id), State::Published);
    QCOMPARE(published.count(), 1);
    const std::optional<PublishedPostRecord> record = f.drafts->publishedFor(id);
    QVERIFY(record);
    QVERIFY(record->postUrl.isEmpty());
    QCOMPARE(record->text, text);
    QCOMPARE(record->credits, 1);
    QCOMPARE(f.items->find(f.draft(id).outboxId)->state, OutboxItem::State::Sent);
    QVERIFY(!f.publisher->confirmPublished(id));
    QCOMPARE(f.drafts->history().size(), 1);
    QCOMPARE(f.createRequests(), 1);
}

void TstPostPublisher::dailyCap()
{
    PacingLimits limits = f.settings->pacing();
    limits.postsPerDay = 2;
    f.settings->setPacing(limits);
    QCOMPARE(f.publisher->dailyCap(), 2);
    const qint64 one = f.newDraft(QStringLiteral("one"));
    const qint64 two = f.newDraft(QStringLiteral("two"));
    QVERIFY(f.publisher->publishNow(one));
    QVERIFY(f.publisher->publishNow(two));
    QTRY_COMPARE_WITH_TIMEOUT(f.state(one), State::Published, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(f.state(two), State::Published, kWait);
    QCOMPARE(f.publisher->postsToday(f.account()), 2);

    const qint64 three = f.newDraft(QStringLiteral("three"));
    const QString sentence = QStringLiteral("Daily limit reached for this account: 2 of 2 posts "
                                            "published today. The limit resets at midnight; "
                                            "change it in Settings.");
    QCOMPARE(f.publisher->check(f.draft(three)), sentence);
    QString refusal;
    QVERIFY(!f.publisher->publishNow(three, &refusal));
    QCOMPARE(refusal, sentence);
    QCOMPARE(f.state(three), State::Draft);

    // One left Queued by a crash is checked again before it leaves: Failed, not sent.
    QVERIFY(f.leaveInterrupted(three, false) > 0);
    f.publisher->resume();
    QTRY_COMPARE_WITH_TIMEOUT(f.state(three), State::Failed, kWait);
    QCOMPARE(f.draft(three).errorMessage, sentence);
    QCOMPARE(f.createRequests(), 2);

    // Another account has its own count.
    const qint64 other
        = f.newDraft(QStringLiteral("elsewhere"), {}, {}, sandbox::Seeds::accountIds().at(1));
    QVERIFY(f.publisher->check(f.draft(other)).isEmpty());
}

void TstPostPublisher::scheduledIsPublishedOnceAtItsTime()
{
    // A second publisher on the same profile, as a second process: both timers fire.
    Database otherDb;
    QVERIFY(otherDb.open(f.databasePath()));
    OutboxRepository otherItems(&otherDb);
    DraftRepository otherDrafts(&otherDb);
    PostPublisher other(f.content.get(), &otherDrafts, &otherItems, f.settings.get());

    const qint64 id = f.newDraft(QStringLiteral("Scheduled for a moment from now"));
    QString refusal;
    QVERIFY(!f.publisher->schedule(id, QDateTime::currentDateTimeUtc().addSecs(-10), &refusal));
    QVERIFY(!refusal.isEmpty());
    f.publisher->resume();
    const QDateTime at = QDateTime::currentDateTimeUtc().addMSecs(1500);
    QVERIFY2(f.publisher->schedule(id, at, &refusal), qPrintable(refusal));
    QCOMPARE(f.state(id), State::Scheduled);
    QCOMPARE(f.draft(id).scheduledAt, at);
    other.resume();
    QCOMPARE(f.createRequests(), 0);

    QTRY_COMPARE_WITH_TIMEOUT(f.state(id), State::Published, kWait);
    QCOMPARE(f.createRequests(), 1);
    QVERIFY(f.server->requests().constLast().receivedAt >= at);
    QTest::qWait(2000); // both timers had every chance to send it again
    QCOMPARE(f.createRequests(), 1);
    QCOMPARE(f.drafts->history().size(), 1);
}

void TstPostPublisher::unscheduledIsNotPublished()
{
    f.publisher->resume();
    const qint64 dropped = f.newDraft(QStringLiteral("Changed my mind"));
    const qint64 kept = f.newDraft(QStringLiteral("Still going"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(f.publisher->schedule(dropped, now.addMSecs(300)));
    QVERIFY(f.publisher->schedule(kept, now.addMSecs(700)));
    QVERIFY(f.publisher->unschedule(dropped));
    QCOMPARE(f.state(dropped), State::Draft);
    QVERIFY(!f.draft(dropped).scheduledAt.isValid());
    QVERIFY(!f.publisher->unschedule(dropped));

    // Once the later one is out, the earlier one has had every chance to leave.
    QTRY_COMPARE_WITH_TIMEOUT(f.state(kept), State::Published, kWait);
    QCOMPARE(f.state(dropped), State::Draft);
    QCOMPARE(f.createRequests(), 1);
    QCOMPARE(
        f.lastParams().value(QStringLiteral("message")).toString(), QStringLiteral("Still going"));
}

void TstPostPublisher::fileGoneAtSendTimeFailsUnsent()
{
    f.publisher->resume();
    const QString path = f.writeImage(QStringLiteral("moved.png"), QByteArray(100, 'p'));
    const qint64 id = f.newDraft(QStringLiteral("With a picture"), { { path, {}, false } });
    QVERIFY(f.publisher->schedule(id, QDateTime::currentDateTimeUtc().addMSecs(300)));
    QVERIFY(QFile::remove(path)); // moved away before its time
    QSignalSpy failed(f.publisher.get(), &PostPublisher::failed);
    QTRY_COMPARE_WITH_TIMEOUT(f.state(id), State::Failed, kWait);
    QVERIFY2(f.draft(id).errorMessage.contains(QLatin1String("moved.png")),
        qPrintable(f.draft(id).errorMessage));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(f.items->find(f.draft(id).outboxId)->state, OutboxItem::State::Failed);
    QCOMPARE(f.items->find(f.draft(id).outboxId)->attempts, 0);
    QCOMPARE(f.server->requestCount(), 0);
}

void TstPostPublisher::missedIsReportedNotPublished()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 missed = f.newDraft(QStringLiteral("Due an hour ago"));
    const qint64 late = f.newDraft(QStringLiteral("Due two minutes ago: within the grace"));
    QVERIFY(f.forceScheduled(missed, now.addSecs(-3600)));
    QVERIFY(f.forceScheduled(late, now.addSecs(-120)));
    QCOMPARE(f.publisher->missedDrafts(), QList<qint64> { missed });

    QSignalSpy reported(f.publisher.get(), &PostPublisher::missed);
    f.publisher->resume();
    QCOMPARE(reported.count(), 0); // after resume() returns, so the caller can connect first
    QVERIFY(reported.wait(kWait));
    QCOMPARE(reported.constFirst().at(0).value<QList<qint64>>(), QList<qint64> { missed });

    QTRY_COMPARE_WITH_TIMEOUT(f.state(late), State::Published, kWait);
    QCOMPARE(f.createRequests(), 1);
    QCOMPARE(f.lastParams().value(QStringLiteral("message")).toString(), f.draft(late).text);
    QCOMPARE(f.state(missed), State::Scheduled);
    QCOMPARE(f.publisher->missedDrafts(), QList<qint64> { missed });
    QCOMPARE(reported.count(), 1);

    // The person decides: publish it now.
    QVERIFY(f.publisher->publishNow(missed));
    QTRY_COMPARE_WITH_TIMEOUT(f.state(missed), State::Published, kWait);
    QCOMPARE(f.createRequests(), 2);
    QVERIFY(f.publisher->missedDrafts().isEmpty());
}

void TstPostPublisher::missedFoundWhileRunningIsReportedOnce()
{
    f.publisher->resume();
    QSignalSpy reported(f.publisher.get(), &PostPublisher::missed);
    // A draft that becomes Scheduled in the past while the app runs (restored from the bin
    // after its time, or written by another process): announced by the timer, not sent.
    const qint64 id = f.newDraft(QStringLiteral("Restored after its time"));
    QVERIFY(f.forceScheduled(id, QDateTime::currentDateTimeUtc().addSecs(-3600)));
    QVERIFY(reported.wait(kWait));
    QCOMPARE(reported.constFirst().at(0).value<QList<qint64>>(), QList<qint64> { id });

    // Other changes re-arm the timer; the same missed draft is not announced again.
    const qint64 soon = f.newDraft(QStringLiteral("Goes in a moment"));
    QVERIFY(f.publisher->schedule(soon, QDateTime::currentDateTimeUtc().addMSecs(200)));
    QTRY_COMPARE_WITH_TIMEOUT(f.state(soon), State::Published, kWait);
    QCOMPARE(reported.count(), 1);
    QCOMPARE(f.state(id), State::Scheduled);
    QCOMPARE(f.createRequests(), 1);
}

void TstPostPublisher::killedWhileSendingBecomesUnknown()
{
    const qint64 pid = deadPid();
    QVERIFY(pid > 0);
    const qint64 id = f.newDraft(QStringLiteral("Sent by a process that died"));
    const qint64 itemId = f.leaveInterrupted(id, true, pid);
    QVERIFY(itemId > 0);

    QSignalSpy failed(f.publisher.get(), &PostPublisher::failed);
    f.publisher->resume();
    QCOMPARE(f.state(id), State::Unknown);
    QVERIFY(!f.draft(id).errorMessage.isEmpty());
    QCOMPARE(failed.count(), 1);
    QCOMPARE(f.items->find(itemId)->state, OutboxItem::State::Unknown);
    QCOMPARE(f.items->find(itemId)->attempts, 1);
    QTest::qWait(300); // a request would have reached the sandbox by now
    QCOMPARE(f.server->requestCount(), 0);
    f.publisher->resume();
    QCOMPARE(f.state(id), State::Unknown);
    QCOMPARE(failed.count(), 1);
}

void TstPostPublisher::sendingInAnotherLiveProcessIsLeftAlone()
{
#if defined(Q_OS_UNIX)
    // pid 1 always runs (init): a publish under way in another process of this machine.
    const qint64 id = f.newDraft(QStringLiteral("Still in flight elsewhere"));
    const qint64 itemId = f.leaveInterrupted(id, true, 1);
    QVERIFY(itemId > 0);
    f.publisher->resume();
    QCOMPARE(f.state(id), State::Publishing);
    QCOMPARE(f.items->find(itemId)->state, OutboxItem::State::Sending);
    QCOMPARE(f.server->requestCount(), 0);
#else
    QSKIP("needs a process id known to be alive");
#endif
}

void TstPostPublisher::queuedLeftByACrashIsPublishedOnce()
{
    Database otherDb;
    QVERIFY(otherDb.open(f.databasePath()));
    OutboxRepository otherItems(&otherDb);
    DraftRepository otherDrafts(&otherDb);
    PostPublisher other(f.content.get(), &otherDrafts, &otherItems, f.settings.get());

    const qint64 id = f.newDraft(QStringLiteral("Stored, then the process was killed"));
    const qint64 itemId = f.leaveInterrupted(id, false);
    QVERIFY(itemId > 0);
    f.publisher->resume();
    other.resume(); // two processes start on the same profile
    QTRY_COMPARE_WITH_TIMEOUT(f.state(id), State::Published, kWait);
    QCOMPARE(f.createRequests(), 1);
    QCOMPARE(f.items->find(itemId)->state, OutboxItem::State::Sent);
    QCOMPARE(f.items->find(itemId)->attempts, 1);
    QVERIFY(f.drafts->publishedFor(id));
}

void TstPostPublisher::workspacePublishesThroughItsParts()
{
    Workspace ws(Profile::open(f.dir->filePath(QStringLiteral("workspace"))));
    QVERIFY2(ws.open(), qPrintable(ws.errorString()));
    QVERIFY(ws.postPublisher() && ws.contentService() && ws.drafts());
    QCOMPARE(ws.contentService()->client(), ws.client());
    ws.settings()->setBaseUrl(f.server->baseUrl());
    ws.client()->setApiKey(sandbox::Seeds::apiKey());
    PacingLimits limits = ws.settings()->pacing();
    limits.postsPerDay = 3;
    ws.settings()->setPacing(limits);
    QCOMPARE(ws.postPublisher()->dailyCap(), 3); // the workspace's settings, as they are now

    Draft draft;
    draft.accountId = f.account();
    draft.text = QStringLiteral("Through the workspace");
    const qint64 id = ws.drafts()->create(draft);
    QVERIFY(ws.postPublisher()->publishNow(id));
    QTRY_COMPARE_WITH_TIMEOUT(ws.drafts()->find(id)->state, State::Published, kWait);
    QCOMPARE(f.createRequests(), 1);
    // The call went through the workspace's client, so the recorder billed it.
    QTRY_COMPARE_WITH_TIMEOUT(ws.ledger()->total(f.account()), qint64(1), kWait);
    QCOMPARE(ws.drafts()->history(f.account()).size(), 1);
    QCOMPARE(
        ws.outboxItems()->find(ws.drafts()->find(id)->outboxId)->state, OutboxItem::State::Sent);
}

QTEST_GUILESS_MAIN(TstPostPublisher)
#include "tst_postpublisher.moc"
