#include "store/database.h"
#include "store/outboxrepository.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace ld;
using State = OutboxItem::State;

class TstOutboxRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void enqueueStoresEveryField();
    void transitionIsCompareAndSet();
    void staleTransitionFromAnotherThreadIsRefused();
    void racingThreadsSendOnce();
    void queries();
    void countSentSince_data();
    void countSentSince();
    void enqueueManyKeepsEachState();
    void enqueueManyIsAllOrNothing();
    void itemsOfRunAndForTarget();
    void moveToRunIsCompareAndSet();
    void unknownStateValueReadsAsUnknown();

private:
    qint64 queued(const QString &account = QStringLiteral("acc-a"), const QString &conversation = {});
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<OutboxRepository> m_repo;
};

namespace {

const QDateTime t0(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC);

OutboxItem message(const QString &account, const QString &conversation)
{
    OutboxItem item;
    item.kind = QStringLiteral("message");
    item.accountId = account;
    item.target = QStringLiteral("https://www.linkedin.com/in/jane");
    item.conversationId = conversation;
    item.payload = {{QStringLiteral("text"), QStringLiteral("Hi Jane 👋, שלום")}};
    item.sendAfter = t0.addSecs(5);
    return item;
}

} // namespace

void TstOutboxRepository::init()
{
    // A file, not ":memory:": the thread tests need SQLite's real locking between connections.
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<Database>();
    QVERIFY2(m_db->open(m_dir->filePath(QStringLiteral("outbox.sqlite"))), qPrintable(m_db->errorString()));
    m_repo = std::make_unique<OutboxRepository>(m_db.get());
}

void TstOutboxRepository::cleanup()
{
    m_repo.reset();
    m_db.reset();
    m_dir.reset();
}

qint64 TstOutboxRepository::queued(const QString &account, const QString &conversation)
{
    return m_repo->enqueue(message(account, conversation));
}

void TstOutboxRepository::enqueueStoresEveryField()
{
    QSignalSpy changed(m_repo.get(), &OutboxRepository::itemChanged);
    OutboxItem in = message(QStringLiteral("acc-a"), QStringLiteral("urn:conv:1"));
    in.state = State::Sent; // ignored: everything starts queued
    const qint64 id = m_repo->enqueue(in);
    QVERIFY(id > 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toLongLong(), id);
    const auto out = m_repo->find(id);
    QVERIFY(out);
    QCOMPARE(out->id, id);
    QCOMPARE(out->kind, in.kind);
    QCOMPARE(out->accountId, in.accountId);
    QCOMPARE(out->target, in.target);
    QCOMPARE(out->conversationId, in.conversationId);
    QCOMPARE(out->payload, in.payload);
    QCOMPARE(out->state, State::Queued);
    QCOMPARE(out->sendAfter, in.sendAfter);
    QVERIFY(out->createdAt.isValid());
    QVERIFY(out->updatedAt.isValid());
    QVERIFY(!out->sentAt.isValid());
    QCOMPARE(out->attempts, 0);
    QCOMPARE(OutboxItem::stateName(out->state), QStringLiteral("queued"));

    QCOMPARE(m_repo->enqueue(OutboxItem()), qint64(0)); // no kind, no account
    QVERIFY(!m_repo->find(id + 1));
}

void TstOutboxRepository::transitionIsCompareAndSet()
{
    const qint64 id = queued();
    QSignalSpy changed(m_repo.get(), &OutboxRepository::itemChanged);
    OutboxItem next = *m_repo->find(id);
    next.state = State::Sending;
    next.sentAt = t0;
    next.attempts = 1;
    QVERIFY(m_repo->transition(id, State::Queued, next));
    QCOMPARE(changed.count(), 1);

    OutboxItem stale = next;
    stale.state = State::Cancelled; // the undo came too late
    QVERIFY(!m_repo->transition(id, State::Queued, stale));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_repo->find(id)->state, State::Sending);

    next.state = State::Sent;
    next.resultId = QStringLiteral("urn:li:msg:9");
    next.conversationId = QStringLiteral("urn:conv:9");
    QVERIFY(m_repo->transition(id, State::Sending, next));
    const OutboxItem done = *m_repo->find(id);
    QCOMPARE(done.state, State::Sent);
    QCOMPARE(done.resultId, QStringLiteral("urn:li:msg:9"));
    QCOMPARE(done.conversationId, QStringLiteral("urn:conv:9"));
    QCOMPARE(done.sentAt, t0);
    QCOMPARE(done.attempts, 1);
    QVERIFY(!m_repo->transition(id + 7, State::Queued, next)); // no such item
}

void TstOutboxRepository::staleTransitionFromAnotherThreadIsRefused()
{
    const qint64 id = queued();
    OutboxItem sending = *m_repo->find(id);
    sending.state = State::Sending;
    QVERIFY(m_repo->transition(id, State::Queued, sending));

    bool otherResult = true;
    QString otherConnection;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        OutboxRepository other(m_db.get()); // this thread's own connection
        otherConnection = m_db->connection().connectionName();
        OutboxItem cancel = sending;
        cancel.state = State::Cancelled;
        otherResult = other.transition(id, State::Queued, cancel);
    }));
    thread->start();
    QVERIFY(thread->wait(30000));
    QVERIFY(!otherResult);
    QVERIFY(otherConnection != m_db->connection().connectionName());
    QCOMPARE(m_repo->find(id)->state, State::Sending);
}

void TstOutboxRepository::racingThreadsSendOnce()
{
    const qint64 id = queued();
    std::atomic<int> winners{0};
    std::atomic<int> ready{0};
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < 6; ++i) {
        threads.emplace_back(QThread::create([&, i] {
            OutboxRepository repo(m_db.get());
            OutboxItem next = message(QStringLiteral("acc-a"), {});
            next.state = State::Sending;
            next.attempts = 1;
            next.errorMessage = QStringLiteral("thread %1").arg(i);
            repo.find(id); // open the connection before the start line
            ++ready;
            while (ready.load() < 6)
                QThread::yieldCurrentThread();
            if (repo.transition(id, State::Queued, next))
                ++winners;
        }));
        threads.back()->start();
    }
    for (auto &t : threads)
        QVERIFY(t->wait(30000));
    QCOMPARE(winners.load(), 1);
    QCOMPARE(m_repo->find(id)->state, State::Sending);
    QCOMPARE(m_repo->find(id)->attempts, 1);
}

void TstOutboxRepository::queries()
{
    const qint64 a1 = queued(QStringLiteral("acc-a"), QStringLiteral("c1"));
    const qint64 a2 = queued(QStringLiteral("acc-a"), QStringLiteral("c1"));
    const qint64 b1 = queued(QStringLiteral("acc-b"), QStringLiteral("c1"));
    OutboxItem invite;
    invite.kind = QStringLiteral("invite");
    invite.accountId = QStringLiteral("acc-a");
    const qint64 i1 = m_repo->enqueue(invite);
    OutboxItem failed = *m_repo->find(a2);
    failed.state = State::Failed;
    failed.errorCode = QStringLiteral("INVALID_PROFILE");
    failed.errorMessage = QStringLiteral("LinkedIn did not find this profile.");
    QVERIFY(m_repo->transition(a2, State::Queued, failed));

    const auto ids = [](const QList<OutboxItem> &items) {
        QList<qint64> out;
        for (const OutboxItem &item : items)
            out << item.id;
        return out;
    };
    QCOMPARE(ids(m_repo->inStates({State::Queued})), (QList<qint64>{a1, b1, i1}));
    QCOMPARE(ids(m_repo->inStates({State::Queued}, QStringLiteral("message"))), (QList<qint64>{a1, b1}));
    QCOMPARE(ids(m_repo->inStates({State::Failed, State::Unknown})), QList<qint64>{a2});
    QCOMPARE(m_repo->inStates({State::Failed}).at(0).errorMessage, failed.errorMessage);
    QCOMPARE(ids(m_repo->inStates({})), QList<qint64>());
    QCOMPARE(ids(m_repo->forConversation(QStringLiteral("acc-a"), QStringLiteral("c1"))), (QList<qint64>{a1, a2}));
    QCOMPARE(ids(m_repo->forConversation(QStringLiteral("acc-b"), QStringLiteral("c2"))), QList<qint64>());
}

void TstOutboxRepository::countSentSince_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("sentMinutes"); // -1: never left
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("expected"); // counted since t0
    const QString a = QStringLiteral("acc-a"), m = QStringLiteral("message");
    QTest::newRow("queued") << int(State::Queued) << -1 << a << m << 0;
    QTest::newRow("sending") << int(State::Sending) << 1 << a << m << 1;
    QTest::newRow("sent") << int(State::Sent) << 1 << a << m << 1;
    QTest::newRow("unknown counts as used") << int(State::Unknown) << 1 << a << m << 1;
    QTest::newRow("failed") << int(State::Failed) << 1 << a << m << 0;
    QTest::newRow("cancelled") << int(State::Cancelled) << -1 << a << m << 0;
    // Refused never left, whatever time it carries.
    QTest::newRow("refused") << int(State::Refused) << -1 << a << m << 0;
    QTest::newRow("refused with a time") << int(State::Refused) << 1 << a << m << 0;
    QTest::newRow("sent before the window") << int(State::Sent) << -60 << a << m << 0;
    QTest::newRow("sent at the window's start") << int(State::Sent) << 0 << a << m << 1;
    QTest::newRow("other account") << int(State::Sent) << 1 << QStringLiteral("acc-b") << m << 0;
    QTest::newRow("other kind") << int(State::Sent) << 1 << a << QStringLiteral("invite") << 0;
}

void TstOutboxRepository::countSentSince()
{
    QFETCH(int, state);
    QFETCH(int, sentMinutes);
    QFETCH(QString, account);
    QFETCH(QString, kind);
    QFETCH(int, expected);
    OutboxItem item = message(account, {});
    item.kind = kind;
    const qint64 id = m_repo->enqueue(item);
    item.state = State(state);
    if (sentMinutes != -1)
        item.sentAt = t0.addSecs(60 * sentMinutes);
    if (item.state != State::Queued)
        QVERIFY(m_repo->transition(id, State::Queued, item));
    queued(QStringLiteral("acc-a")); // a queued neighbour never counts
    QCOMPARE(m_repo->countSentSince(QStringLiteral("acc-a"), QStringLiteral("message"), t0), expected);
}

namespace {

OutboxItem networkItem(const QString &kind, const QString &target, qint64 runId,
                       State state = State::Queued)
{
    OutboxItem item;
    item.kind = kind;
    item.accountId = QStringLiteral("acc-a");
    item.target = target;
    item.runId = runId;
    item.state = state;
    item.payload = {{QStringLiteral("note"), QStringLiteral("Hello")}};
    return item;
}

QList<qint64> idsOf(const QList<OutboxItem> &items)
{
    QList<qint64> out;
    for (const OutboxItem &item : items)
        out << item.id;
    return out;
}

} // namespace

void TstOutboxRepository::enqueueManyKeepsEachState()
{
    QSignalSpy changed(m_repo.get(), &OutboxRepository::itemChanged);
    OutboxItem refused = networkItem(QStringLiteral("invite"), QStringLiteral("bob"), 4, State::Refused);
    refused.errorCode = QStringLiteral("ALREADY_CONNECTED");
    refused.errorMessage = QStringLiteral("You are already connected with Bob.");
    refused.attempts = 0;
    const QList<OutboxItem> in{networkItem(QStringLiteral("invite"), QStringLiteral("ada"), 4),
                               refused,
                               networkItem(QStringLiteral("invite"), QStringLiteral("cy"), 4)};
    const QList<qint64> ids = m_repo->enqueueMany(in);
    QCOMPARE(ids.size(), 3);
    QVERIFY(ids.at(0) < ids.at(1) && ids.at(1) < ids.at(2));
    QCOMPARE(changed.count(), 3);

    const auto first = m_repo->find(ids.at(0));
    QVERIFY(first);
    QCOMPARE(first->state, State::Queued);
    QCOMPARE(first->runId, qint64(4));
    QCOMPARE(first->target, QStringLiteral("ada"));
    QCOMPARE(first->payload, in.at(0).payload);

    const auto second = m_repo->find(ids.at(1));
    QVERIFY(second);
    QCOMPARE(second->state, State::Refused);
    QCOMPARE(OutboxItem::stateName(second->state), QStringLiteral("refused"));
    QCOMPARE(second->errorCode, refused.errorCode);
    QCOMPARE(second->errorMessage, refused.errorMessage);
    QVERIFY(second->updatedAt.isValid());
    QVERIFY(second->createdAt.isValid());
    QCOMPARE(second->attempts, 0);

    QCOMPARE(m_repo->enqueueMany({}), QList<qint64>());
    // A run that cannot be stored whole is not stored at all.
    QCOMPARE(m_repo->enqueueMany({networkItem(QStringLiteral("invite"), QStringLiteral("dan"), 4), OutboxItem()}),
             QList<qint64>());
    QCOMPARE(m_repo->itemsOfRun(4).size(), 3);

    // A single enqueue stores its run too, but always starts queued.
    OutboxItem single = networkItem(QStringLiteral("accept"), QStringLiteral("urn:li:invitation:9"), 5, State::Sent);
    const auto stored = m_repo->find(m_repo->enqueue(single));
    QVERIFY(stored);
    QCOMPARE(stored->runId, qint64(5));
    QCOMPARE(stored->state, State::Queued);
}

void TstOutboxRepository::enqueueManyIsAllOrNothing()
{
    // The third insert fails inside SQLite: the two before it must be rolled back.
    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(QStringLiteral("CREATE TEMP TRIGGER refuse_boom BEFORE INSERT ON outbox "
                                      "WHEN new.target = 'boom' BEGIN SELECT RAISE(ABORT, 'boom'); END")));
    QSignalSpy changed(m_repo.get(), &OutboxRepository::itemChanged);
    const QList<qint64> ids = m_repo->enqueueMany({networkItem(QStringLiteral("withdraw"), QStringLiteral("a"), 7),
                                                   networkItem(QStringLiteral("withdraw"), QStringLiteral("b"), 7),
                                                   networkItem(QStringLiteral("withdraw"), QStringLiteral("boom"), 7)});
    QVERIFY(ids.isEmpty());
    QCOMPARE(changed.count(), 0);
    QVERIFY(m_repo->itemsOfRun(7).isEmpty());
    QVERIFY(m_repo->inStates({State::Queued}).isEmpty());
}

void TstOutboxRepository::itemsOfRunAndForTarget()
{
    const QString urn = QStringLiteral("urn:li:invitation:42");
    const QList<qint64> run1 = m_repo->enqueueMany({networkItem(QStringLiteral("withdraw"), urn, 1),
                                                    networkItem(QStringLiteral("withdraw"), QStringLiteral("x"), 1)});
    const QList<qint64> run2 = m_repo->enqueueMany({networkItem(QStringLiteral("withdraw"), urn, 2)});
    const qint64 accept = m_repo->enqueue(networkItem(QStringLiteral("accept"), urn, 0));
    const qint64 loose = queued(); // a message, run 0
    QCOMPARE(run1.size(), 2);
    QCOMPARE(run2.size(), 1);

    QCOMPARE(idsOf(m_repo->itemsOfRun(1)), run1);
    QCOMPARE(idsOf(m_repo->itemsOfRun(2)), run2);
    QCOMPARE(idsOf(m_repo->itemsOfRun(0)), (QList<qint64>{accept, loose}));
    QVERIFY(m_repo->itemsOfRun(99).isEmpty());

    OutboxItem sent = *m_repo->find(run1.at(0));
    sent.state = State::Sent;
    sent.sentAt = t0;
    QVERIFY(m_repo->transition(sent.id, State::Queued, sent));

    // Newest first, only the kind, account and states asked for.
    const QString a = QStringLiteral("acc-a"), w = QStringLiteral("withdraw");
    QCOMPARE(idsOf(m_repo->forTarget(a, w, urn, {State::Queued, State::Sent})),
             (QList<qint64>{run2.at(0), run1.at(0)}));
    QCOMPARE(idsOf(m_repo->forTarget(a, w, urn, {State::Sent})), QList<qint64>{run1.at(0)});
    QCOMPARE(idsOf(m_repo->forTarget(a, QStringLiteral("accept"), urn, {State::Queued})), QList<qint64>{accept});
    QVERIFY(m_repo->forTarget(QStringLiteral("acc-b"), w, urn, {State::Queued, State::Sent}).isEmpty());
    QVERIFY(m_repo->forTarget(a, w, urn, {State::Failed}).isEmpty());
    QVERIFY(m_repo->forTarget(a, w, urn, {}).isEmpty());
    QVERIFY(m_repo->forTarget(a, w, QString(), {State::Queued}).isEmpty());
}

void TstOutboxRepository::moveToRunIsCompareAndSet()
{
    const QList<qint64> ids = m_repo->enqueueMany({networkItem(QStringLiteral("invite"), QStringLiteral("a"), 1),
                                                   networkItem(QStringLiteral("invite"), QStringLiteral("b"), 1)});
    QCOMPARE(ids.size(), 2);
    OutboxItem sending = *m_repo->find(ids.at(1));
    sending.state = State::Sending;
    sending.attempts = 1;
    QVERIFY(m_repo->transition(sending.id, State::Queued, sending));

    QSignalSpy changed(m_repo.get(), &OutboxRepository::itemChanged);
    QVERIFY(m_repo->moveToRun(ids.at(0), 1, 2));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_repo->find(ids.at(0))->runId, qint64(2));
    // A second adopter holding the old run loses, and so does a mover of an item in flight.
    QVERIFY(!m_repo->moveToRun(ids.at(0), 1, 3));
    QVERIFY(!m_repo->moveToRun(ids.at(1), 1, 2));
    QVERIFY(!m_repo->moveToRun(ids.at(1) + 10, 1, 2));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_repo->find(ids.at(0))->runId, qint64(2));
    QCOMPARE(m_repo->find(ids.at(1))->runId, qint64(1));
    QCOMPARE(idsOf(m_repo->itemsOfRun(2)), QList<qint64>{ids.at(0)});
}

void TstOutboxRepository::unknownStateValueReadsAsUnknown()
{
    // A state written by a newer LinkUp Desk cannot be acted on: it reads as unverified.
    const qint64 id = queued();
    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(QStringLiteral("UPDATE outbox SET state = 7 WHERE id = %1").arg(id)));
    QCOMPARE(m_repo->find(id)->state, State::Unknown);
    QVERIFY(query.exec(QStringLiteral("UPDATE outbox SET state = 6 WHERE id = %1").arg(id)));
    QCOMPARE(m_repo->find(id)->state, State::Refused);
}

QTEST_GUILESS_MAIN(TstOutboxRepository)
#include "tst_outboxrepository.moc"
