// ConversationRepository's messages (core/store/conversationmessages.cpp): history stored once
// and paged by time, the conversation's last message kept in step, and the history cursor.
#include "conversationstoretest.h"

using namespace conversationstore;

class TstConversationMessages : public ConversationStoreTest
{
    Q_OBJECT

private Q_SLOTS:
    void init() { openStore(); }
    void cleanup() { closeStore(); }
    void messagesAreDeduplicatedAndPaged();
    void newerMessageBecomesLastMessage();
    void historyCursor();
};

void TstConversationMessages::messagesAreDeduplicatedAndPaged()
{
    QVERIFY(m_repo->upsert(QStringLiteral("acc-a"), {conv(QStringLiteral("c1"), QStringLiteral("Ann"), 1000)}));
    const qint64 k = key(QStringLiteral("c1"));
    QSignalSpy changed(m_repo.get(), &ConversationRepository::messagesChanged);
    QList<Message> history;
    for (int i = 0; i < 120; ++i)
        history << msg(QStringLiteral("m%1").arg(i), QStringLiteral("message %1").arg(i), i, i % 2);
    Message system = msg(QString(), QStringLiteral("Ann accepted your invitation"), 0);
    history << system << system; // no id: the same message twice is stored once
    QVERIFY(m_repo->upsertMessages(k, history));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toLongLong(), k);
    QCOMPARE(m_repo->messageCount(k), 121);

    QVERIFY(m_repo->upsertMessages(k, history.mid(50))); // nothing new
    QCOMPARE(changed.count(), 1);
    history[3].text = QStringLiteral("edited");
    QVERIFY(m_repo->upsertMessages(k, {history.at(3)}));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(m_repo->messageCount(k), 121);

    QList<Message> all;
    QDateTime olderThan;
    for (int guard = 0; guard < 10; ++guard) {
        const QList<Message> page = m_repo->messages(k, 50, olderThan);
        if (page.isEmpty())
            break;
        all += page;
        olderThan = page.last().at;
    }
    // Paging by time: the system item shares minute 0 with m0 and both come in the same page.
    QCOMPARE(all.size(), 121);
    QCOMPARE(all.first().id, QStringLiteral("m119"));
    QCOMPARE(all.at(116).text, QStringLiteral("edited"));
    QVERIFY(all.at(0).isMe);
    QVERIFY(!all.at(1).isMe);
    QVERIFY(!m_repo->upsertMessages(k + 99, history)); // no such conversation
}

void TstConversationMessages::newerMessageBecomesLastMessage()
{
    QVERIFY(m_repo->upsert(QStringLiteral("acc-a"), {conv(QStringLiteral("c1"), QStringLiteral("Ann"), 10)}));
    const qint64 k = key(QStringLiteral("c1"));
    QVERIFY(m_repo->setDone(k, true));
    QSignalSpy changed(m_repo.get(), &ConversationRepository::conversationsChanged);
    QVERIFY(m_repo->upsertMessages(k, {msg(QStringLiteral("old"), QStringLiteral("older"), 5)}));
    QCOMPARE(changed.count(), 0);
    QVERIFY(m_repo->row(k)->done);

    QVERIFY(m_repo->upsertMessages(k, {msg(QStringLiteral("new"), QStringLiteral("Are you there?"), 11)}));
    QCOMPARE(changed.count(), 1);
    const ConversationRow row = *m_repo->row(k);
    QVERIFY(!row.done);
    QCOMPARE(row.conversation.lastText, QStringLiteral("Are you there?"));
    QCOMPARE(row.conversation.lastAt, t0.addSecs(60 * 11));
    QCOMPARE(ids(anyDone(QStringLiteral("there older"))), QStringList{QStringLiteral("c1")});
}

void TstConversationMessages::historyCursor()
{
    QVERIFY(m_repo->upsert(QStringLiteral("acc-a"), {conv(QStringLiteral("c1"), QStringLiteral("Ann"), 1)}));
    const qint64 k = key(QStringLiteral("c1"));
    QCOMPARE(m_repo->olderCursor(k), QString());
    QVERIFY(!m_repo->historyComplete(k));
    QVERIFY(m_repo->setOlderCursor(k, QStringLiteral("cur-2"), false));
    QCOMPARE(m_repo->olderCursor(k), QStringLiteral("cur-2"));
    QVERIFY(!m_repo->historyComplete(k));
    QVERIFY(m_repo->setOlderCursor(k, QString(), true));
    QCOMPARE(m_repo->olderCursor(k), QString());
    QVERIFY(m_repo->historyComplete(k));
    QVERIFY(!m_repo->setOlderCursor(k + 5, QStringLiteral("x"), false));
}

QTEST_GUILESS_MAIN(TstConversationMessages)
#include "tst_conversationmessages.moc"
