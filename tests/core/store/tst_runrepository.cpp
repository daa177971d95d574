// Bulk runs: every field stored and read back, the state queries, and transitions that are a
// compare-and-set so two processes never both drive or both finish one run.
#include "store/database.h"
#include "store/runrepository.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace ld;
using State = BulkRun::State;

class TstRunRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createStoresEveryField();
    void stateNames();
    void queries();
    void transitionIsCompareAndSet();
    void finalStateGetsFinishedAt();
    void unknownStateReadsAsPaused();

private:
    qint64 created(const QString &kind = QStringLiteral("withdraw"), State state = State::Running);
    std::unique_ptr<Database> m_db;
    std::unique_ptr<RunRepository> m_repo;
};

namespace {

const QDateTime t0(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC);

BulkRun sample(const QString &kind, State state)
{
    BulkRun run;
    run.kind = kind;
    run.title = QStringLiteral("Withdraw 12 invitations older than 30 days — « test »");
    run.state = state;
    run.minDelayMs = 10;
    run.maxDelayMs = 20;
    run.createdAt = t0;
    run.ownerPid = 4242;
    run.ownerHost = QStringLiteral("desk-1");
    return run;
}

QList<qint64> idsOf(const QList<BulkRun> &runs)
{
    QList<qint64> out;
    for (const BulkRun &run : runs)
        out << run.id;
    return out;
}

} // namespace

void TstRunRepository::init()
{
    m_db = std::make_unique<Database>();
    QVERIFY2(m_db->open(QStringLiteral(":memory:")), qPrintable(m_db->errorString()));
    m_repo = std::make_unique<RunRepository>(m_db.get());
}

void TstRunRepository::cleanup()
{
    m_repo.reset();
    m_db.reset();
}

qint64 TstRunRepository::created(const QString &kind, State state)
{
    return m_repo->create(sample(kind, state));
}

void TstRunRepository::createStoresEveryField()
{
    QSignalSpy changed(m_repo.get(), &RunRepository::runChanged);
    const BulkRun in = sample(QStringLiteral("invite"), State::Running);
    const qint64 id = m_repo->create(in);
    QVERIFY(id > 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toLongLong(), id);

    const auto out = m_repo->find(id);
    QVERIFY(out);
    QCOMPARE(out->id, id);
    QCOMPARE(out->kind, in.kind);
    QCOMPARE(out->title, in.title);
    QCOMPARE(out->state, State::Running);
    QCOMPARE(out->minDelayMs, 10);
    QCOMPARE(out->maxDelayMs, 20);
    QCOMPARE(out->createdAt, t0);
    QVERIFY(out->updatedAt.isValid());
    QVERIFY(!out->finishedAt.isValid());
    QVERIFY(out->stopReason.isEmpty());
    QCOMPARE(out->ownerPid, qint64(4242));
    QCOMPARE(out->ownerHost, QStringLiteral("desk-1"));

    BulkRun bare;
    bare.kind = QStringLiteral("accept");
    const auto defaults = m_repo->find(m_repo->create(bare));
    QVERIFY(defaults);
    QVERIFY(defaults->createdAt.isValid()); // now, when not given
    QCOMPARE(defaults->minDelayMs, 2000);
    QCOMPARE(defaults->maxDelayMs, 6000);

    QCOMPARE(m_repo->create(BulkRun()), qint64(0)); // no kind
    QVERIFY(!m_repo->find(id + 100));
}

void TstRunRepository::stateNames()
{
    QCOMPARE(BulkRun::stateName(State::Running), QStringLiteral("running"));
    QCOMPARE(BulkRun::stateName(State::Paused), QStringLiteral("paused"));
    QCOMPARE(BulkRun::stateName(State::Cancelled), QStringLiteral("cancelled"));
    QCOMPARE(BulkRun::stateName(State::Finished), QStringLiteral("finished"));
}

void TstRunRepository::queries()
{
    const qint64 r1 = created(QStringLiteral("withdraw"), State::Running);
    const qint64 p1 = created(QStringLiteral("invite"), State::Paused);
    const qint64 f1 = created(QStringLiteral("accept"), State::Finished);
    const qint64 r2 = created(QStringLiteral("decline"), State::Running);

    QCOMPARE(idsOf(m_repo->inStates({State::Running})), (QList<qint64>{r1, r2})); // oldest first
    QCOMPARE(idsOf(m_repo->inStates({State::Running, State::Paused})), (QList<qint64>{r1, p1, r2}));
    QVERIFY(m_repo->inStates({State::Cancelled}).isEmpty());
    QVERIFY(m_repo->inStates({}).isEmpty());

    QCOMPARE(idsOf(m_repo->recent()), (QList<qint64>{r2, f1, p1, r1})); // newest first
    QCOMPARE(idsOf(m_repo->recent(2)), (QList<qint64>{r2, f1}));
    QVERIFY(m_repo->recent(0).isEmpty());
}

void TstRunRepository::transitionIsCompareAndSet()
{
    const qint64 id = created();
    QSignalSpy changed(m_repo.get(), &RunRepository::runChanged);

    BulkRun paused = *m_repo->find(id);
    paused.state = State::Paused;
    paused.stopReason = QStringLiteral("The daily cap of 20 invitations is reached.");
    paused.ownerPid = 0;
    paused.ownerHost.clear();
    paused.minDelayMs = 100;
    paused.maxDelayMs = 200;
    QVERIFY(m_repo->transition(id, State::Running, paused));
    QCOMPARE(changed.count(), 1);

    // A second writer that still believes the run is Running loses.
    BulkRun finished = paused;
    finished.state = State::Finished;
    QVERIFY(!m_repo->transition(id, State::Running, finished));
    QVERIFY(!m_repo->transition(id + 9, State::Paused, finished)); // no such run
    QCOMPARE(changed.count(), 1);

    const auto out = m_repo->find(id);
    QCOMPARE(out->state, State::Paused);
    QCOMPARE(out->stopReason, paused.stopReason);
    QCOMPARE(out->ownerPid, qint64(0));
    QVERIFY(out->ownerHost.isEmpty());
    QCOMPARE(out->minDelayMs, 100);
    QCOMPARE(out->maxDelayMs, 200);
    QCOMPARE(out->kind, QStringLiteral("withdraw"));
    QCOMPARE(out->createdAt, t0);
    QVERIFY(!out->finishedAt.isValid());

    // Resumed by another process: it becomes the owner.
    BulkRun resumed = *out;
    resumed.state = State::Running;
    resumed.stopReason.clear();
    resumed.ownerPid = 777;
    resumed.ownerHost = QStringLiteral("desk-2");
    QVERIFY(m_repo->transition(id, State::Paused, resumed));
    QCOMPARE(m_repo->find(id)->ownerPid, qint64(777));
    QCOMPARE(m_repo->find(id)->ownerHost, QStringLiteral("desk-2"));
    QVERIFY(m_repo->find(id)->stopReason.isEmpty());
}

void TstRunRepository::finalStateGetsFinishedAt()
{
    const qint64 a = created();
    BulkRun cancelled = *m_repo->find(a);
    cancelled.state = State::Cancelled;
    cancelled.stopReason = QStringLiteral("Cancelled.");
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    QVERIFY(m_repo->transition(a, State::Running, cancelled));
    const QDateTime at = m_repo->find(a)->finishedAt;
    QVERIFY(at.isValid());
    QVERIFY(at >= before);

    const qint64 b = created();
    BulkRun finished = *m_repo->find(b);
    finished.state = State::Finished;
    finished.finishedAt = t0.addSecs(60);
    QVERIFY(m_repo->transition(b, State::Running, finished));
    QCOMPARE(m_repo->find(b)->finishedAt, t0.addSecs(60)); // a given time is kept
    // Final means final: nothing moves it out of Finished unless asked from Finished.
    QVERIFY(!m_repo->transition(b, State::Running, *m_repo->find(a)));
}

void TstRunRepository::unknownStateReadsAsPaused()
{
    const qint64 id = created();
    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(QStringLiteral("UPDATE bulk_runs SET state = 9 WHERE id = %1").arg(id)));
    QCOMPARE(m_repo->find(id)->state, State::Paused);
    QVERIFY(m_repo->inStates({State::Running}).isEmpty());
}

QTEST_GUILESS_MAIN(TstRunRepository)
#include "tst_runrepository.moc"
