// The migration journal: runs and rows stored and read back, the compare-and-set row and run
// transitions a resumable run relies on, duplicates that follow their original, and no V1
// token anywhere in the database file.
#include "store/database.h"
#include "store/migrationrepository.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ld;
using State = MigrationRun::State;
using Status = MigrationJournalRow::Status;
using Problem = MigrationInputRow::Problem;

class TstMigrationRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void names();
    void createStoresRunAndRows();
    void createIsAllOrNothing();
    void findRunByContent();
    void runQueries();
    void transitionRunIsCompareAndSet();
    void setDelays();
    void rowsToCallPutsCallingFirst();
    void rowTransitionsAreCompareAndSet();
    void duplicatesFollowTheirOriginal_data();
    void duplicatesFollowTheirOriginal();
    void countsAndCredits();
    void resultRows();
    void accountIdForToken();
    void unknownNamesReadSafely();
    void noTokenInTheDatabaseFile();

private:
    qint64 createSample(const QByteArray &contentHash = "c0ffee", State state = State::Paused);
    std::unique_ptr<Database> m_db;
    std::unique_ptr<MigrationRepository> m_repo;
};

namespace {

const QDateTime t0(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC);

MigrationInputRow input(int index, const QString &token,
    const QString &country = QStringLiteral("FR"), const QString &label = {})
{
    MigrationInputRow row;
    row.index = index;
    row.lineNumber = index + 2; // after the header
    row.loginToken = token;
    row.tokenHash = tokenHash(token);
    row.country = country;
    row.label = label;
    if (token.isEmpty())
        row.problem = Problem::MissingToken;
    else if (country.size() != 2)
        row.problem = Problem::BadCountry;
    return row;
}

MigrationInputRow duplicate(int index, const MigrationInputRow &of)
{
    MigrationInputRow row = input(index, of.loginToken, of.country, QStringLiteral("again"));
    row.problem = Problem::DuplicateToken;
    row.duplicateOfIndex = of.index;
    row.duplicateOfLine = of.lineNumber;
    return row;
}

// Rows 0 and 1 valid, 2 a duplicate of 0, 3 without a token, 4 with a bad country, 5 valid.
QList<MigrationInputRow> sampleRows()
{
    QList<MigrationInputRow> rows;
    rows << input(0, QStringLiteral("AQEDAR-token-zero"), QStringLiteral("FR"),
        QStringLiteral("Client 0001 — Acme"))
         << input(1, QStringLiteral("AQEDAR-token-one"), QStringLiteral("US"));
    rows << duplicate(2, rows.at(0));
    rows << input(3, QString(), QStringLiteral("DE"))
         << input(4, QStringLiteral("AQEDAR-token-four"), QStringLiteral("FRA"))
         << input(5, QStringLiteral("AQEDAR-token-five"), QStringLiteral("IT"));
    return rows;
}

MigrationRun sampleRun(const QByteArray &contentHash, State state)
{
    MigrationRun run;
    run.contentHash = contentHash;
    run.sourcePath = QStringLiteral("/home/ada/V1 export «clients».csv");
    run.state = state;
    run.minDelayMs = 700;
    run.maxDelayMs = 1500;
    run.createdAt = t0;
    run.ownerPid = 4242;
    run.ownerHost = QStringLiteral("desk-1");
    return run;
}

MigrationJournalRow outcome(Status status, const QString &accountId = {}, int credits = 0)
{
    MigrationJournalRow row;
    row.status = status;
    row.accountId = accountId;
    row.credits = credits;
    if (status == Status::CheckpointRequired)
        row.challenge = QStringLiteral("app_challenge");
    if (status == Status::Failed) {
        row.errorCode = QStringLiteral("INVALID_PARAMS");
        row.errorMessage = QStringLiteral("login_token is expired or revoked");
    }
    return row;
}

QList<int> indexesOf(const QList<MigrationJournalRow> &rows)
{
    QList<int> out;
    for (const MigrationJournalRow &row : rows)
        out << row.index;
    return out;
}

QList<qint64> idsOf(const QList<MigrationRun> &runs)
{
    QList<qint64> out;
    for (const MigrationRun &run : runs)
        out << run.id;
    return out;
}

} // namespace

void TstMigrationRepository::init()
{
    m_db = std::make_unique<Database>();
    QVERIFY2(m_db->open(QStringLiteral(":memory:")), qPrintable(m_db->errorString()));
    m_repo = std::make_unique<MigrationRepository>(m_db.get());
}

void TstMigrationRepository::cleanup()
{
    m_repo.reset();
    m_db.reset();
}

qint64 TstMigrationRepository::createSample(const QByteArray &contentHash, State state)
{
    return m_repo->createRun(sampleRun(contentHash, state), sampleRows());
}

void TstMigrationRepository::names()
{
    for (State s : { State::Running, State::Paused, State::Cancelled, State::Finished })
        QCOMPARE(MigrationRun::stateFromName(MigrationRun::stateName(s)), s);
    QCOMPARE(MigrationRun::stateName(State::Cancelled), QStringLiteral("cancelled"));
    QVERIFY(!MigrationRun::stateFromName(QStringLiteral("stopped")));
    for (Status s : { Status::Pending, Status::Calling, Status::Connected,
             Status::CheckpointRequired, Status::Failed })
        QCOMPARE(MigrationJournalRow::statusFromName(MigrationJournalRow::statusName(s)), s);
    QCOMPARE(MigrationJournalRow::statusName(Status::CheckpointRequired),
        QStringLiteral("checkpoint_required"));
    QVERIFY(!MigrationJournalRow::statusFromName(QStringLiteral("Connected")));
}

void TstMigrationRepository::createStoresRunAndRows()
{
    QSignalSpy changed(m_repo.get(), &MigrationRepository::runChanged);
    const QList<MigrationInputRow> in = sampleRows();
    const qint64 id = m_repo->createRun(sampleRun("c0ffee", State::Paused), in);
    QVERIFY(id > 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toLongLong(), id);

    const auto run = m_repo->findRun(id);
    QVERIFY(run);
    QCOMPARE(run->id, id);
    QCOMPARE(run->contentHash, QByteArray("c0ffee"));
    QCOMPARE(run->sourcePath, QStringLiteral("/home/ada/V1 export «clients».csv"));
    QCOMPARE(run->state, State::Paused);
    QCOMPARE(run->minDelayMs, 700);
    QCOMPARE(run->maxDelayMs, 1500);
    QCOMPARE(run->totalRows, 6);
    QCOMPARE(run->createdAt, t0);
    QVERIFY(run->updatedAt.isValid());
    QVERIFY(!run->finishedAt.isValid());
    QCOMPARE(run->ownerPid, qint64(4242));
    QCOMPARE(run->ownerHost, QStringLiteral("desk-1"));

    const QList<MigrationJournalRow> rows = m_repo->rows(id);
    QCOMPARE(indexesOf(rows), (QList<int> { 0, 1, 2, 3, 4, 5 }));
    const MigrationJournalRow &good = rows.at(0);
    QCOMPARE(good.runId, id);
    QCOMPARE(good.lineNumber, 2);
    QCOMPARE(good.tokenHash, in.at(0).tokenHash);
    QCOMPARE(good.country, QStringLiteral("FR"));
    QCOMPARE(good.label, QStringLiteral("Client 0001 — Acme"));
    QCOMPARE(good.status, Status::Pending);
    QVERIFY(good.errorCode.isEmpty());
    QCOMPARE(good.duplicateOfIndex, -1);
    QCOMPARE(good.attempts, 0);
    QVERIFY(!good.startedAt.isValid());
    QVERIFY(!good.finishedAt.isValid());

    // A duplicate waits for its original, and says so.
    const MigrationJournalRow &dup = rows.at(2);
    QCOMPARE(dup.status, Status::Pending);
    QCOMPARE(dup.duplicateOfIndex, 0);
    QCOMPARE(dup.errorCode, QStringLiteral("DUPLICATE_TOKEN"));
    QCOMPARE(dup.note, in.at(2).problemText());
    QVERIFY(dup.note.contains(QStringLiteral("line 2")));

    // Bad rows have their outcome at once.
    QCOMPARE(rows.at(3).status, Status::Failed);
    QCOMPARE(rows.at(3).errorCode, QStringLiteral("MISSING_TOKEN"));
    QCOMPARE(rows.at(3).errorMessage, in.at(3).problemText());
    QVERIFY(rows.at(3).tokenHash.isEmpty());
    QCOMPARE(rows.at(4).status, Status::Failed);
    QCOMPARE(rows.at(4).errorCode, QStringLiteral("BAD_COUNTRY"));
    QVERIFY(rows.at(4).errorMessage.contains(QStringLiteral("FRA")));
    QVERIFY(rows.at(4).finishedAt.isValid());

    const auto one = m_repo->row(id, 1);
    QVERIFY(one);
    QCOMPARE(one->country, QStringLiteral("US"));
    QVERIFY(!m_repo->row(id, 6));
    QVERIFY(!m_repo->findRun(id + 1));

    QCOMPARE(
        m_repo->createRun(sampleRun(QByteArray(), State::Paused), in), qint64(0)); // no content
}

void TstMigrationRepository::createIsAllOrNothing()
{
    QList<MigrationInputRow> rows = sampleRows();
    rows << input(1, QStringLiteral("AQEDAR-same-index")); // a second row 1 cannot be stored
    QSignalSpy changed(m_repo.get(), &MigrationRepository::runChanged);
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(QStringLiteral("storing a migration row")));
    QCOMPARE(m_repo->createRun(sampleRun("c0ffee", State::Paused), rows), qint64(0));
    QCOMPARE(changed.count(), 0);
    QVERIFY(m_repo->recentRuns().isEmpty());
    QVERIFY(!m_repo->findRunByContent("c0ffee"));
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM migration_rows")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void TstMigrationRepository::findRunByContent()
{
    QVERIFY(!m_repo->findRunByContent("c0ffee"));
    QVERIFY(!m_repo->findRunByContent(QByteArray()));
    const qint64 older = createSample("c0ffee", State::Finished);
    const qint64 other = createSample("beef", State::Paused);
    const qint64 newer = createSample("c0ffee", State::Paused);
    QCOMPARE(m_repo->findRunByContent("c0ffee")->id, newer); // newest wins
    QCOMPARE(m_repo->findRunByContent("beef")->id, other);

    // Cancelled runs are ignored; a finished one still counts (its results are wanted).
    MigrationRun cancelled = *m_repo->findRun(newer);
    cancelled.state = State::Cancelled;
    QVERIFY(m_repo->transitionRun(newer, State::Paused, cancelled));
    QCOMPARE(m_repo->findRunByContent("c0ffee")->id, older);
    QCOMPARE(m_repo->findRunByContent("c0ffee")->state, State::Finished);

    cancelled = *m_repo->findRun(older);
    cancelled.state = State::Cancelled;
    QVERIFY(m_repo->transitionRun(older, State::Finished, cancelled));
    QVERIFY(!m_repo->findRunByContent("c0ffee"));
}

void TstMigrationRepository::runQueries()
{
    const qint64 r1 = createSample("a", State::Running);
    const qint64 p1 = createSample("b", State::Paused);
    const qint64 f1 = createSample("c", State::Finished);
    const qint64 r2 = createSample("d", State::Running);

    QCOMPARE(idsOf(m_repo->runsInStates({ State::Running })), (QList<qint64> { r1, r2 }));
    QCOMPARE(idsOf(m_repo->runsInStates({ State::Running, State::Paused })),
        (QList<qint64> { r1, p1, r2 }));
    QVERIFY(m_repo->runsInStates({ State::Cancelled }).isEmpty());
    QVERIFY(m_repo->runsInStates({}).isEmpty());
    QCOMPARE(idsOf(m_repo->recentRuns()), (QList<qint64> { r2, f1, p1, r1 }));
    QCOMPARE(idsOf(m_repo->recentRuns(2)), (QList<qint64> { r2, f1 }));
    QVERIFY(m_repo->recentRuns(0).isEmpty());
    // A run created final says when.
    QVERIFY(m_repo->findRun(f1)->finishedAt.isValid());
}

void TstMigrationRepository::transitionRunIsCompareAndSet()
{
    const qint64 id = createSample("c0ffee", State::Running);
    QSignalSpy changed(m_repo.get(), &MigrationRepository::runChanged);
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);

    MigrationRun paused = *m_repo->findRun(id);
    paused.state = State::Paused;
    paused.stopReason = QStringLiteral("No network: check the connection, then resume.");
    paused.ownerPid = 0;
    paused.ownerHost.clear();
    paused.minDelayMs = 500;
    paused.maxDelayMs = 900;
    paused.totalRows = 99; // never changes
    paused.contentHash = "other"; // never changes
    QVERIFY(m_repo->transitionRun(id, State::Running, paused));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toLongLong(), id);

    // A second writer that still believes the run is Running loses.
    MigrationRun finished = paused;
    finished.state = State::Finished;
    QVERIFY(!m_repo->transitionRun(id, State::Running, finished));
    QVERIFY(!m_repo->transitionRun(id + 9, State::Paused, finished));
    QCOMPARE(changed.count(), 1);

    auto out = m_repo->findRun(id);
    QCOMPARE(out->state, State::Paused);
    QCOMPARE(out->stopReason, paused.stopReason);
    QCOMPARE(out->ownerPid, qint64(0));
    QVERIFY(out->ownerHost.isEmpty());
    QCOMPARE(out->minDelayMs, 500);
    QCOMPARE(out->maxDelayMs, 900);
    QCOMPARE(out->totalRows, 6);
    QCOMPARE(out->contentHash, QByteArray("c0ffee"));
    QCOMPARE(out->createdAt, t0);
    QVERIFY(out->updatedAt >= before);
    QVERIFY(!out->finishedAt.isValid());

    // Finished without a time: it gets now.
    QVERIFY(m_repo->transitionRun(id, State::Paused, finished));
    out = m_repo->findRun(id);
    QCOMPARE(out->state, State::Finished);
    QVERIFY(out->finishedAt >= before);
    // Final: nothing moves it back.
    MigrationRun again = *out;
    again.state = State::Running;
    QVERIFY(!m_repo->transitionRun(id, State::Paused, again));
    QVERIFY(!m_repo->transitionRun(id, State::Running, again));
}

void TstMigrationRepository::setDelays()
{
    const qint64 id = createSample();
    QSignalSpy changed(m_repo.get(), &MigrationRepository::runChanged);
    QVERIFY(m_repo->setDelays(id, 1000, 1200));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_repo->findRun(id)->minDelayMs, 1000);
    QCOMPARE(m_repo->findRun(id)->maxDelayMs, 1200);
    QVERIFY(!m_repo->setDelays(id, 1300, 1200)); // min above max
    QVERIFY(!m_repo->setDelays(id + 5, 500, 600));
    QCOMPARE(m_repo->findRun(id)->minDelayMs, 1000);
    QCOMPARE(changed.count(), 1);
}

void TstMigrationRepository::rowsToCallPutsCallingFirst()
{
    const qint64 id = createSample();
    // Valid originals only: not the duplicate (2) nor the bad rows (3, 4).
    QCOMPARE(indexesOf(m_repo->rowsToCall(id)), (QList<int> { 0, 1, 5 }));

    // A row left Calling by a process that died comes first.
    QVERIFY(m_repo->markCalling(id, 5));
    QCOMPARE(indexesOf(m_repo->rowsToCall(id)), (QList<int> { 5, 0, 1 }));
    QVERIFY(m_repo->finishRow(id, 5, outcome(Status::Connected, QStringLiteral("acc-5"), 1)));
    QVERIFY(m_repo->markCalling(id, 0));
    QVERIFY(m_repo->finishRow(id, 0, outcome(Status::CheckpointRequired, QStringLiteral("acc-0"))));
    QCOMPARE(indexesOf(m_repo->rowsToCall(id)), (QList<int> { 1 }));
    QVERIFY(m_repo->rowsToCall(id + 1).isEmpty());
}

void TstMigrationRepository::rowTransitionsAreCompareAndSet()
{
    const qint64 id = createSample();
    QSignalSpy changed(m_repo.get(), &MigrationRepository::rowChanged);
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);

    // Finishing a row that was never called is refused.
    QVERIFY(!m_repo->finishRow(id, 1, outcome(Status::Connected, QStringLiteral("acc-1"))));
    QVERIFY(!m_repo->markPending(id, 1));
    QCOMPARE(changed.count(), 0);

    QVERIFY(m_repo->markCalling(id, 1));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toLongLong(), id);
    QCOMPARE(changed.at(0).at(1).toInt(), 1);
    auto row = m_repo->row(id, 1);
    QCOMPARE(row->status, Status::Calling);
    QCOMPARE(row->attempts, 1);
    const QDateTime started = row->startedAt;
    QVERIFY(started >= before);

    // The rerun after a kill calls it again: counted, first start kept.
    QTest::qWait(5);
    QVERIFY(m_repo->markCalling(id, 1));
    row = m_repo->row(id, 1);
    QCOMPARE(row->attempts, 2);
    QCOMPARE(row->startedAt, started);

    // Back to Pending (no answer that belongs to the row), then called again.
    QVERIFY(m_repo->markPending(id, 1));
    QCOMPARE(m_repo->row(id, 1)->status, Status::Pending);
    QVERIFY(!m_repo->markPending(id, 1));
    QVERIFY(m_repo->markCalling(id, 1));
    QCOMPARE(m_repo->row(id, 1)->attempts, 3);

    // Only a final outcome finishes a row.
    QVERIFY(!m_repo->finishRow(id, 1, outcome(Status::Pending)));
    QVERIFY(!m_repo->finishRow(id, 1, outcome(Status::Calling)));
    QCOMPARE(m_repo->row(id, 1)->status, Status::Calling);

    QVERIFY(m_repo->finishRow(id, 1, outcome(Status::Connected, QStringLiteral("acc-1"), 1)));
    row = m_repo->row(id, 1);
    QCOMPARE(row->status, Status::Connected);
    QCOMPARE(row->accountId, QStringLiteral("acc-1"));
    QCOMPARE(row->credits, 1);
    QCOMPARE(row->attempts, 3);
    QVERIFY(row->finishedAt >= started);

    // A final row refuses everything.
    const int emitted = changed.count();
    QVERIFY(!m_repo->markCalling(id, 1));
    QVERIFY(!m_repo->markPending(id, 1));
    QVERIFY(!m_repo->finishRow(id, 1, outcome(Status::Failed)));
    QCOMPARE(m_repo->row(id, 1)->status, Status::Connected);
    QCOMPARE(m_repo->row(id, 1)->accountId, QStringLiteral("acc-1"));
    QCOMPARE(changed.count(), emitted);

    // Bad rows are final from the start; duplicates are never called themselves.
    QVERIFY(!m_repo->markCalling(id, 3));
    QVERIFY(!m_repo->markCalling(id, 4));
    QVERIFY(!m_repo->markCalling(id, 2));
    QCOMPARE(m_repo->row(id, 2)->attempts, 0);
    QVERIFY(!m_repo->markCalling(id, 17)); // no such row
}

void TstMigrationRepository::duplicatesFollowTheirOriginal_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("connected") << int(Status::Connected);
    QTest::newRow("checkpoint") << int(Status::CheckpointRequired);
    QTest::newRow("failed") << int(Status::Failed);
}

void TstMigrationRepository::duplicatesFollowTheirOriginal()
{
    QFETCH(int, status);
    const Status s = static_cast<Status>(status);
    QList<MigrationInputRow> in = sampleRows();
    in << duplicate(6, in.at(0)); // a second duplicate of row 0
    const qint64 id = m_repo->createRun(sampleRun("c0ffee", State::Running), in);
    QVERIFY(id > 0);

    QSignalSpy changed(m_repo.get(), &MigrationRepository::rowChanged);
    QVERIFY(m_repo->markCalling(id, 0));
    const QString account = s == Status::Failed ? QString() : QStringLiteral("acc-0");
    QVERIFY(m_repo->finishRow(id, 0, outcome(s, account, s == Status::Connected ? 1 : 0)));
    QList<int> touched;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        QCOMPARE(args.at(0).toLongLong(), id);
        touched << args.at(1).toInt();
    }
    QCOMPARE(touched, (QList<int> { 0, 0, 2, 6 }));

    const MigrationJournalRow original = *m_repo->row(id, 0);
    for (int index : { 2, 6 }) {
        const MigrationJournalRow dup = *m_repo->row(id, index);
        QCOMPARE(dup.status, s);
        QCOMPARE(dup.accountId, account);
        QCOMPARE(dup.challenge, original.challenge);
        QCOMPARE(dup.finishedAt, original.finishedAt);
        QCOMPARE(dup.duplicateOfIndex, 0);
        QVERIFY(dup.note.contains(QStringLiteral("line 2")));
        QCOMPARE(dup.attempts, 0);
        QCOMPARE(dup.credits, 0); // the token was migrated, and paid for, once
        if (s == Status::Failed) {
            QCOMPARE(dup.errorCode, QStringLiteral("INVALID_PARAMS"));
            QCOMPARE(dup.errorMessage, original.errorMessage);
        } else {
            QCOMPARE(dup.errorCode, QStringLiteral("DUPLICATE_TOKEN"));
            QVERIFY(dup.errorMessage.isEmpty());
        }
    }
    // The other rows did not move.
    QCOMPARE(m_repo->row(id, 1)->status, Status::Pending);
    QCOMPARE(m_repo->counts(id).pending, 2); // rows 1 and 5
}

void TstMigrationRepository::countsAndCredits()
{
    const qint64 id = createSample();
    MigrationCounts c = m_repo->counts(id);
    QCOMPARE(c.total, 6);
    QCOMPARE(c.failed, 2); // the bad rows
    QCOMPARE(c.pending, 4);
    QCOMPARE(c.connected, 0);
    QCOMPARE(c.checkpoint, 0);
    QCOMPARE(c.credits, 0);
    QCOMPARE(c.finished(), 2);

    QVERIFY(m_repo->markCalling(id, 0));
    QVERIFY(m_repo->finishRow(id, 0, outcome(Status::Connected, QStringLiteral("acc-0"), 1)));
    QVERIFY(m_repo->markCalling(id, 1));
    QVERIFY(m_repo->finishRow(id, 1, outcome(Status::CheckpointRequired, QStringLiteral("acc-1"))));
    QVERIFY(m_repo->markCalling(id, 5)); // in flight: still pending
    c = m_repo->counts(id);
    QCOMPARE(c.total, 6);
    QCOMPARE(c.connected, 2); // row 0 and its duplicate
    QCOMPARE(c.checkpoint, 1);
    QCOMPARE(c.failed, 2);
    QCOMPARE(c.pending, 1);
    QCOMPARE(c.credits, 1);

    // Credits of every call add up, a re-call's included.
    QVERIFY(m_repo->finishRow(id, 5, outcome(Status::Connected, QStringLiteral("acc-5"), 3)));
    c = m_repo->counts(id);
    QCOMPARE(c.credits, 4);
    QCOMPARE(c.pending, 0);
    QCOMPARE(c.finished(), 6);

    QCOMPARE(m_repo->counts(id + 1).total, 0); // no such run
}

void TstMigrationRepository::resultRows()
{
    const QList<MigrationInputRow> in = sampleRows();
    const qint64 id = m_repo->createRun(sampleRun("c0ffee", State::Running), in);
    QVERIFY(m_repo->markCalling(id, 0));
    QVERIFY(m_repo->finishRow(id, 0, outcome(Status::Connected, QStringLiteral("acc-0"), 1)));
    QVERIFY(m_repo->markCalling(id, 1));
    QVERIFY(m_repo->finishRow(id, 1, outcome(Status::Failed)));
    QVERIFY(m_repo->markCalling(id, 5)); // left in flight
    const QList<MigrationJournalRow> rows = m_repo->rows(id);

    const MigrationResultRow connected = rows.at(0).toResultRow();
    QCOMPARE(connected.label, QStringLiteral("Client 0001 — Acme"));
    QCOMPARE(connected.country, QStringLiteral("FR"));
    QCOMPARE(connected.tokenFingerprint, tokenFingerprint(in.at(0).tokenHash));
    QCOMPARE(connected.tokenFingerprint.size(), 12);
    QCOMPARE(connected.accountId, QStringLiteral("acc-0"));
    QCOMPARE(connected.status, QStringLiteral("connected"));
    QVERIFY(connected.errorCode.isEmpty());
    QVERIFY(connected.errorMessage.isEmpty());
    QCOMPARE(connected.migratedAt,
        rows.at(0).finishedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'")));
    QVERIFY(QRegularExpression(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$)"))
                .match(connected.migratedAt)
                .hasMatch());

    const MigrationResultRow failed = rows.at(1).toResultRow();
    QCOMPARE(failed.status, QStringLiteral("failed"));
    QCOMPARE(failed.errorCode, QStringLiteral("INVALID_PARAMS"));
    QCOMPARE(failed.errorMessage, QStringLiteral("login_token is expired or revoked"));
    QVERIFY(failed.accountId.isEmpty());
    QVERIFY(!failed.migratedAt.isEmpty());

    // A duplicate says it was migrated with its original: the note is in its message.
    const MigrationResultRow dup = rows.at(2).toResultRow();
    QCOMPARE(dup.status, QStringLiteral("connected"));
    QCOMPARE(dup.accountId, QStringLiteral("acc-0"));
    QCOMPARE(dup.errorCode, QStringLiteral("DUPLICATE_TOKEN"));
    QCOMPARE(dup.errorMessage, rows.at(2).note);
    QCOMPARE(dup.migratedAt, connected.migratedAt);
    QCOMPARE(dup.tokenFingerprint, connected.tokenFingerprint);

    // A bad row was never called.
    const MigrationResultRow missing = rows.at(3).toResultRow();
    QCOMPARE(missing.status, QStringLiteral("failed"));
    QCOMPARE(missing.errorCode, QStringLiteral("MISSING_TOKEN"));
    QVERIFY(missing.tokenFingerprint.isEmpty());
    QVERIFY(missing.migratedAt.isEmpty());

    // In flight is exported as pending, without a time.
    const MigrationResultRow inFlight = rows.at(5).toResultRow();
    QCOMPARE(inFlight.status, QStringLiteral("pending"));
    QVERIFY(inFlight.migratedAt.isEmpty());

    // A duplicate of a failed row joins the original's reason and its note.
    MigrationJournalRow failedDup = rows.at(2);
    failedDup.status = Status::Failed;
    failedDup.errorCode = QStringLiteral("INVALID_PARAMS");
    failedDup.errorMessage = QStringLiteral("login_token is expired or revoked");
    const MigrationResultRow joined = failedDup.toResultRow();
    QVERIFY(joined.errorMessage.startsWith(failedDup.errorMessage));
    QVERIFY(joined.errorMessage.contains(failedDup.note));
}

void TstMigrationRepository::accountIdForToken()
{
    const QList<MigrationInputRow> in = sampleRows();
    const qint64 id = m_repo->createRun(sampleRun("c0ffee", State::Running), in);
    QVERIFY(m_repo->accountIdForToken(in.at(0).tokenHash).isEmpty()); // not called yet
    QVERIFY(m_repo->markCalling(id, 0));
    QVERIFY(m_repo->finishRow(id, 0, outcome(Status::Connected, QStringLiteral("acc-0"), 1)));
    QVERIFY(m_repo->markCalling(id, 1));
    QVERIFY(m_repo->finishRow(id, 1, outcome(Status::CheckpointRequired, QStringLiteral("acc-1"))));
    QVERIFY(m_repo->markCalling(id, 5));
    QVERIFY(m_repo->finishRow(id, 5, outcome(Status::Failed)));

    QCOMPARE(m_repo->accountIdForToken(in.at(0).tokenHash), QStringLiteral("acc-0"));
    QCOMPARE(m_repo->accountIdForToken(in.at(1).tokenHash), QStringLiteral("acc-1"));
    QVERIFY(m_repo->accountIdForToken(in.at(5).tokenHash).isEmpty()); // failed
    QVERIFY(m_repo->accountIdForToken(tokenHash(QStringLiteral("never-seen"))).isEmpty());
    QVERIFY(m_repo->accountIdForToken(QByteArray()).isEmpty()); // the row without a token

    // Another run (of another CSV) migrates the token again: the newest outcome answers.
    const qint64 later = m_repo->createRun(sampleRun("beef", State::Running), { in.at(0) });
    QVERIFY(m_repo->markCalling(later, 0));
    QTest::qWait(5);
    QVERIFY(m_repo->finishRow(later, 0, outcome(Status::Connected, QStringLiteral("acc-0b"))));
    QCOMPARE(m_repo->accountIdForToken(in.at(0).tokenHash), QStringLiteral("acc-0b"));
}

void TstMigrationRepository::unknownNamesReadSafely()
{
    const qint64 id = createSample("c0ffee", State::Running);
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("UPDATE migration_runs SET state = 'archived'")));
    QVERIFY(q.exec(
        QStringLiteral("UPDATE migration_rows SET status = 'verifying' WHERE row_index = 1")));
    // Nobody may drive a run in a state this version does not know.
    QCOMPARE(m_repo->findRun(id)->state, State::Paused);
    QVERIFY(m_repo->runsInStates({ State::Running }).isEmpty());
    // A row in an unknown status is called again (safe: same account_id, free).
    QCOMPARE(m_repo->row(id, 1)->status, Status::Pending);
    QCOMPARE(m_repo->counts(id).pending, 4);
}

void TstMigrationRepository::noTokenInTheDatabaseFile()
{
    m_repo.reset();
    m_db.reset();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("linkup-desk.sqlite"));
    const QList<MigrationInputRow> in = sampleRows();
    QStringList tokens;
    for (const MigrationInputRow &row : in)
        if (!row.loginToken.isEmpty())
            tokens << row.loginToken;
    QCOMPARE(tokens.size(), 5);

    QByteArray bytes;
    const auto readFiles = [&] {
        bytes.clear();
        for (const QString &suffix :
            { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
            QFile f(path + suffix);
            if (f.open(QIODevice::ReadOnly))
                bytes += f.readAll();
        }
    };
    {
        Database db;
        QVERIFY2(db.open(path), qPrintable(db.errorString()));
        MigrationRepository repo(&db);
        const qint64 id = repo.createRun(sampleRun("c0ffee", State::Running), in);
        QVERIFY(id > 0);
        QVERIFY(repo.markCalling(id, 0));
        QVERIFY(repo.finishRow(id, 0, outcome(Status::Connected, QStringLiteral("acc-0"), 1)));
        QVERIFY(repo.markCalling(id, 1));
        QVERIFY(repo.finishRow(id, 1, outcome(Status::Failed)));
        QVERIFY(repo.markCalling(id, 5)); // killed here: left in flight
        readFiles(); // while open: the WAL holds the newest pages
        for (const QString &token : std::as_const(tokens))
            QVERIFY2(!bytes.contains(token.toUtf8()), qPrintable(token));
        QVERIFY(bytes.contains(in.at(0).tokenHash)); // what was read is the journal
    }
    readFiles();
    QVERIFY(bytes.contains(in.at(5).tokenHash));
    for (const QString &token : std::as_const(tokens)) {
        QVERIFY2(!bytes.contains(token.toUtf8()), qPrintable(token));
        QVERIFY(!bytes.contains(
            QByteArray(reinterpret_cast<const char *>(token.utf16()), token.size() * 2)));
    }
}

QTEST_GUILESS_MAIN(TstMigrationRepository)
#include "tst_migrationrepository.moc"
