// InboxSync against the sandbox: list_inbox paged by 25 until the count or the end (in each of
// the three end-of-list forms), the credits each refresh cost, and a conversation's history
// walked back page by page with the account's own messages marked.
#include "inboxfixture.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace ld;
using sandbox::CursorEnd;
using Fault = sandbox::SandboxServer::Fault;
Q_DECLARE_METATYPE(CursorEnd)

namespace {

constexpr int kWait = 20000;
constexpr int kSeededConversations = 30; // the primary account's seeded inbox
constexpr int kLongThread = 55; // its newest conversation's messages

} // namespace

class TstInboxSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(f.setUp()); }
    void cleanup() { f.tearDown(); }

    void refreshPages_data();
    void refreshPages();
    void refreshEndsOnEveryEndForm_data();
    void refreshEndsOnEveryEndForm();
    void emptyInbox();
    void oneRefreshAtATime();
    void refreshFailure();
    void historyPagesToTheEnd_data();
    void historyPagesToTheEnd();
    void reloadingTheNewestKeepsTheOlderCursor();

private:
    QList<int> requestedCounts(const QString &action) const
    {
        QList<int> counts;
        const QList<sandbox::RecordedRequest> requests = f.server->requests();
        for (const sandbox::RecordedRequest &r : requests) {
            if (r.action != action)
                continue;
            const QJsonObject body = QJsonDocument::fromJson(r.body).object();
            counts << body.value(QStringLiteral("params"))
                          .toObject()
                          .value(QStringLiteral("count"))
                          .toInt();
        }
        return counts;
    }
    int storedConversations() const
    {
        InboxFilter all;
        all.done = InboxFilter::DoneState::Any;
        return f.conversations->count(all);
    }

    InboxFixture f;
};

void TstInboxSync::refreshPages_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QList<int>>("requested");
    QTest::addColumn<int>("stored");
    QTest::addColumn<int>("credits"); // 1 per 10 results, per call

    QTest::newRow("one short page") << 5 << QList<int> { 5 } << 5 << 1;
    QTest::newRow("one full page") << 25 << QList<int> { 25 } << 25 << 3;
    QTest::newRow("one more than a page") << 26 << QList<int> { 25, 1 } << 26 << 4;
    QTest::newRow("exactly everything") << 30 << QList<int> { 25, 5 } << 30 << 4;
    QTest::newRow("more than there is") << 100 << QList<int> { 25, 25 } << 30 << 4;
}

void TstInboxSync::refreshPages()
{
    QFETCH(int, count);
    QFETCH(QList<int>, requested);
    QFETCH(int, stored);
    QFETCH(int, credits);

    QSignalSpy refreshed(f.sync.get(), &InboxSync::inboxRefreshed);
    QSignalSpy inserted(f.conversations.get(), &ConversationRepository::conversationsInserted);
    f.sync->refreshInbox(f.account(), count);
    QVERIFY(f.sync->isBusy());
    QVERIFY(refreshed.wait(kWait));
    QVERIFY(!f.sync->isBusy());
    QCOMPARE(refreshed.constFirst().at(0).toString(), f.account());
    QCOMPARE(refreshed.constFirst().at(1).toInt(), stored);
    QCOMPARE(refreshed.constFirst().at(2).toInt(), credits);
    QCOMPARE(f.server->creditsCharged(), qint64(credits));
    QCOMPARE(requestedCounts(QStringLiteral("list_inbox")), requested);
    QCOMPARE(storedConversations(), stored);
    QCOMPARE(inserted.count(), requested.size()); // stored page by page

    // A second refresh updates in place.
    f.sync->refreshInbox(f.account(), count);
    QVERIFY(refreshed.wait(kWait));
    QCOMPARE(storedConversations(), stored);
}

void TstInboxSync::refreshEndsOnEveryEndForm_data()
{
    QTest::addColumn<CursorEnd>("style");
    QTest::newRow("default (absent)") << CursorEnd::Default;
    QTest::newRow("absent") << CursorEnd::Missing;
    QTest::newRow("empty string") << CursorEnd::Empty;
    QTest::newRow("null") << CursorEnd::Null;
}

void TstInboxSync::refreshEndsOnEveryEndForm()
{
    QFETCH(CursorEnd, style);
    f.server->setCursorEndStyle(style);
    QSignalSpy refreshed(f.sync.get(), &InboxSync::inboxRefreshed);
    QSignalSpy failed(f.sync.get(), &InboxSync::failed);
    f.sync->refreshInbox(f.account(), 1000);
    QVERIFY(refreshed.wait(kWait));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(refreshed.constFirst().at(1).toInt(), kSeededConversations);
    QCOMPARE(
        f.server->requestCount(QStringLiteral("/v2/messages"), QStringLiteral("list_inbox")), 2);
}

void TstInboxSync::emptyInbox()
{
    f.server->clearInbox(f.account());
    QSignalSpy refreshed(f.sync.get(), &InboxSync::inboxRefreshed);
    f.sync->refreshInbox(f.account(), 50);
    QVERIFY(refreshed.wait(kWait));
    QCOMPARE(refreshed.constFirst().at(1).toInt(), 0);
    QCOMPARE(refreshed.constFirst().at(2).toInt(), 0);
    QCOMPARE(storedConversations(), 0);
}

void TstInboxSync::oneRefreshAtATime()
{
    QSignalSpy refreshed(f.sync.get(), &InboxSync::inboxRefreshed);
    QSignalSpy busy(f.sync.get(), &InboxSync::busyChanged);
    f.sync->refreshInbox(f.account(), 10);
    f.sync->refreshInbox(f.account(), 10); // answered by the first
    QVERIFY(refreshed.wait(kWait));
    QCOMPARE(refreshed.count(), 1);
    QCOMPARE(busy.count(), 2);
    QCOMPARE(
        f.server->requestCount(QStringLiteral("/v2/messages"), QStringLiteral("list_inbox")), 1);
}

void TstInboxSync::refreshFailure()
{
    // Three 500s: a read is retried, then given up.
    f.server->injectFault(
        Fault::InternalError, 3, QStringLiteral("/v2/messages"), QStringLiteral("list_inbox"));
    QSignalSpy failed(f.sync.get(), &InboxSync::failed);
    QSignalSpy refreshed(f.sync.get(), &InboxSync::inboxRefreshed);
    f.sync->refreshInbox(f.account(), 10);
    QVERIFY(failed.wait(kWait));
    QCOMPARE(failed.constFirst().at(0).toString(), f.account());
    QCOMPARE(refreshed.count(), 0);
    QVERIFY(!f.sync->isBusy());
    QCOMPARE(storedConversations(), 0);
}

void TstInboxSync::historyPagesToTheEnd_data()
{
    refreshEndsOnEveryEndForm_data();
}

void TstInboxSync::historyPagesToTheEnd()
{
    QFETCH(CursorEnd, style);
    f.server->setCursorEndStyle(style);
    const std::optional<ConversationRow> row = f.firstConversation();
    QVERIFY(row);
    const qint64 key = row->key;
    QSignalSpy loaded(f.sync.get(), &InboxSync::conversationLoaded);

    f.sync->loadConversation(key, 20);
    QVERIFY(loaded.wait(kWait));
    QCOMPARE(loaded.constLast().at(1).toInt(), 20);
    QCOMPARE(loaded.constLast().at(2).toInt(), 1); // get_conversation: 1 credit
    QVERIFY(!f.conversations->historyComplete(key));
    QVERIFY(!f.conversations->olderCursor(key).isEmpty());

    const QList<int> pages = { 20, 15 };
    for (int expected : pages) {
        f.sync->loadOlder(key, 20);
        QVERIFY(loaded.wait(kWait));
        QCOMPARE(loaded.constLast().at(1).toInt(), expected);
    }
    QCOMPARE(f.conversations->messageCount(key), kLongThread);
    QVERIFY(f.conversations->historyComplete(key));

    // At the end nothing more is asked for.
    const int calls = f.server->requestCount(
        QStringLiteral("/v2/messages"), QStringLiteral("get_conversation"));
    f.sync->loadOlder(key, 20);
    QCOMPARE(loaded.constLast().at(1).toInt(), 0);
    QCOMPARE(
        f.server->requestCount(QStringLiteral("/v2/messages"), QStringLiteral("get_conversation")),
        calls);

    // Whose is whose: the seeded thread alternates, and names the other party in every reply.
    const QList<Message> messages = f.conversations->messages(key, kLongThread);
    int mine = 0;
    for (const Message &m : messages) {
        QCOMPARE(m.isMe, m.senderName != row->conversation.participant.name);
        mine += m.isMe ? 1 : 0;
    }
    QVERIFY(mine > 0 && mine < kLongThread);
}

void TstInboxSync::reloadingTheNewestKeepsTheOlderCursor()
{
    const std::optional<ConversationRow> row = f.firstConversation();
    QVERIFY(row);
    QSignalSpy loaded(f.sync.get(), &InboxSync::conversationLoaded);
    f.sync->loadConversation(row->key, 20);
    QVERIFY(loaded.wait(kWait));
    f.sync->loadOlder(row->key, 20);
    QVERIFY(loaded.wait(kWait));
    const QString cursor = f.conversations->olderCursor(row->key);

    f.sync->loadConversation(row->key, 20);
    QVERIFY(loaded.wait(kWait));
    QCOMPARE(f.conversations->olderCursor(row->key), cursor);
    QCOMPARE(f.conversations->messageCount(row->key), 40);
}

QTEST_GUILESS_MAIN(TstInboxSync)
#include "tst_inboxsync.moc"
