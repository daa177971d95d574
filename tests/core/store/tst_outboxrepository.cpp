#include "store/database.h"
#include "store/outboxrepository.h"

#include <QSignalSpy>
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

QTEST_GUILESS_MAIN(TstOutboxRepository)
#include "tst_outboxrepository.moc"
