// MigrationRowsModel under QAbstractItemModelTester: the CSV view before a run (each row
// "ready" or its problem, with its line number), the run view following the journal (a row's
// outcome is a dataChanged of that row and of its duplicates, never a reset), the filter
// (problems, checkpoint, connected, pending), and that no role ever holds a token.
#include "migration/migrationcsv.h"
#include "models/migrationrowsmodel.h"
#include "store/database.h"
#include "store/migrationrepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace ld;

namespace {

// Lines: 1 header, 2 good, 3 no token, 4 bad country, 5 good, 6 duplicate of line 2, 7 good.
const QByteArray Csv = "login_token,country,label\n"
                       "tok-alpha-secret,FR,Alpha\n"
                       ",FR,No token\n"
                       "tok-gamma-secret,FRA,Bad country\n"
                       "tok-delta-secret,us,Delta\n"
                       "tok-alpha-secret,FR,Alpha again\n"
                       "tok-omega-secret,DE,Omega\n";
const QStringList Tokens = { QStringLiteral("tok-alpha-secret"), QStringLiteral("tok-gamma-secret"),
    QStringLiteral("tok-delta-secret"), QStringLiteral("tok-omega-secret") };

QString cell(const QAbstractItemModel *m, int row, int column, int role = Qt::DisplayRole)
{
    return m->index(row, column).data(role).toString();
}

QList<int> lines(const QAbstractItemModel *m)
{
    QList<int> out;
    for (int r = 0; r < m->rowCount(); ++r)
        out << m->index(r, MigrationRowsModel::LineColumn).data().toInt();
    return out;
}

} // namespace

class TstMigrationRowsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void csvViewShowsEachRowReadyOrItsProblem();
    void tokensAreNeverExposed();
    void filterBeforeTheRun_data();
    void filterBeforeTheRun();
    void runViewFollowsTheJournalWithoutReset();
    void duplicateFollowsItsOriginal();
    void filterFollowsOutcomes();
    void checkpointAndFailureSayWhatToDo();

private:
    qint64 createRun();
    void finish(qint64 runId, int index, MigrationJournalRow::Status status,
        const QString &accountId = {}, const QString &code = {}, const QString &message = {});

    MigrationCsv m_csv;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<MigrationRepository> m_journal;
    std::unique_ptr<MigrationRowsModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TstMigrationRowsModel::init()
{
    m_csv = MigrationCsv::parse(Csv);
    QVERIFY2(m_csv.ok, qPrintable(m_csv.error));
    QCOMPARE(m_csv.rows.size(), 6);
    m_db = std::make_unique<Database>();
    QVERIFY(m_db->open(QStringLiteral(":memory:")));
    m_journal = std::make_unique<MigrationRepository>(m_db.get());
    m_model = std::make_unique<MigrationRowsModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TstMigrationRowsModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_journal.reset();
    m_db.reset();
}

qint64 TstMigrationRowsModel::createRun()
{
    MigrationRun run;
    run.contentHash = m_csv.contentHash;
    run.sourcePath = QStringLiteral("/tmp/tokens.csv");
    run.totalRows = int(m_csv.rows.size());
    run.createdAt = QDateTime::currentDateTimeUtc();
    return m_journal->createRun(run, m_csv.rows);
}

void TstMigrationRowsModel::finish(qint64 runId, int index, MigrationJournalRow::Status status,
    const QString &accountId, const QString &code, const QString &message)
{
    QVERIFY(m_journal->markCalling(runId, index));
    MigrationJournalRow outcome;
    outcome.status = status;
    outcome.accountId = accountId;
    outcome.errorCode = code;
    outcome.errorMessage = message;
    if (status == MigrationJournalRow::Status::CheckpointRequired)
        outcome.challenge = QStringLiteral("code_challenge");
    outcome.credits = status == MigrationJournalRow::Status::Connected ? 1 : 0;
    QVERIFY(m_journal->finishRow(runId, index, outcome));
}

void TstMigrationRowsModel::csvViewShowsEachRowReadyOrItsProblem()
{
    m_model->setCsv(m_csv);
    QVERIFY(!m_model->isRunView());
    QCOMPARE(m_model->rowCount(), 6);
    QCOMPARE(m_model->columnCount(), int(MigrationRowsModel::ColumnCount));
    QCOMPARE(lines(m_model.get()), (QList<int> { 2, 3, 4, 5, 6, 7 }));
    QCOMPARE(m_model->headerData(MigrationRowsModel::TokenColumn, Qt::Horizontal).toString(),
        QStringLiteral("Token"));

    const int status = MigrationRowsModel::StatusColumn;
    const int message = MigrationRowsModel::MessageColumn;
    QCOMPARE(cell(m_model.get(), 0, status), QStringLiteral("ready"));
    QCOMPARE(cell(m_model.get(), 0, MigrationRowsModel::LabelColumn), QStringLiteral("Alpha"));
    QCOMPARE(cell(m_model.get(), 0, message), QString());
    QCOMPARE(cell(m_model.get(), 1, status), QStringLiteral("no token"));
    QCOMPARE(cell(m_model.get(), 1, message), m_csv.rows.at(1).problemText());
    QCOMPARE(cell(m_model.get(), 2, status), QStringLiteral("bad country"));
    QVERIFY(cell(m_model.get(), 2, message).contains(QStringLiteral("FRA")));
    QCOMPARE(cell(m_model.get(), 3, MigrationRowsModel::CountryColumn), QStringLiteral("US"));
    QCOMPARE(cell(m_model.get(), 4, status), QStringLiteral("duplicate"));
    QVERIFY(cell(m_model.get(), 4, message).contains(QStringLiteral("2"))); // the line it follows
    QCOMPARE(m_model->index(4, 0).data(MigrationRowsModel::StatusNameRole).toString(),
        QStringLiteral("DUPLICATE_TOKEN"));
    QCOMPARE(m_model->index(1, 0).data(MigrationRowsModel::StatusNameRole).toString(),
        QStringLiteral("MISSING_TOKEN"));
    QCOMPARE(m_model->index(5, 0).data(MigrationRowsModel::StatusNameRole).toString(),
        QStringLiteral("ready"));
    QCOMPARE(m_model->kindAt(0), MigrationRowsModel::Kind::Ready);
    QCOMPARE(m_model->kindAt(2), MigrationRowsModel::Kind::BadRow);
    // The fingerprint is what tells tokens apart; a row without a token shows none.
    QCOMPARE(cell(m_model.get(), 0, MigrationRowsModel::TokenColumn),
        tokenFingerprint(tokenHash(QStringLiteral("tok-alpha-secret"))));
    QCOMPARE(cell(m_model.get(), 0, MigrationRowsModel::TokenColumn),
        cell(m_model.get(), 4, MigrationRowsModel::TokenColumn));
    QCOMPARE(cell(m_model.get(), 1, MigrationRowsModel::TokenColumn), QString());
}

void TstMigrationRowsModel::tokensAreNeverExposed()
{
    auto check = [this] {
        for (int r = 0; r < m_model->rowCount(); ++r) {
            for (int c = 0; c < m_model->columnCount(); ++c) {
                for (int role = 0; role <= MigrationRowsModel::ProblemRole; ++role) {
                    const QString text = m_model->index(r, c).data(role).toString();
                    for (const QString &token : Tokens)
                        QVERIFY2(!text.contains(token), qPrintable(text));
                }
            }
        }
    };
    m_model->setCsv(m_csv);
    check();
    const qint64 runId = createRun();
    m_model->setRun(m_journal.get(), runId);
    finish(runId, 0, MigrationJournalRow::Status::Connected, QStringLiteral("acc_1"));
    check();
}

void TstMigrationRowsModel::filterBeforeTheRun_data()
{
    QTest::addColumn<MigrationRowsFilter::Show>("show");
    QTest::addColumn<QList<int>>("expectedLines");
    QTest::newRow("all") << MigrationRowsFilter::Show::All << QList<int> { 2, 3, 4, 5, 6, 7 };
    QTest::newRow("problems") << MigrationRowsFilter::Show::Problems << QList<int> { 3, 4, 6 };
    QTest::newRow("pending") << MigrationRowsFilter::Show::Pending << QList<int> { 2, 5, 7 };
    QTest::newRow("connected") << MigrationRowsFilter::Show::Connected << QList<int> {};
    QTest::newRow("checkpoint") << MigrationRowsFilter::Show::Checkpoint << QList<int> {};
}

void TstMigrationRowsModel::filterBeforeTheRun()
{
    QFETCH(MigrationRowsFilter::Show, show);
    QFETCH(QList<int>, expectedLines);
    m_model->setCsv(m_csv);
    MigrationRowsFilter filter;
    filter.setSourceModel(m_model.get());
    QAbstractItemModelTester tester(
        &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setShow(show);
    QCOMPARE(lines(&filter), expectedLines);
    if (show == MigrationRowsFilter::Show::Problems)
        QCOMPARE(filter.rowCount(), m_csv.problemCount());
    if (show == MigrationRowsFilter::Show::Pending)
        QCOMPARE(filter.rowCount(), m_csv.validCount());
}

void TstMigrationRowsModel::runViewFollowsTheJournalWithoutReset()
{
    const qint64 runId = createRun();
    QVERIFY(runId > 0);
    m_model->setRun(m_journal.get(), runId);
    QVERIFY(m_model->isRunView());
    QCOMPARE(m_model->runId(), runId);
    QCOMPARE(m_model->rowCount(), 6);
    QCOMPARE(lines(m_model.get()), (QList<int> { 2, 3, 4, 5, 6, 7 }));
    QCOMPARE(cell(m_model.get(), 0, MigrationRowsModel::StatusColumn), QStringLiteral("pending"));
    QCOMPARE(cell(m_model.get(), 1, MigrationRowsModel::StatusColumn), QStringLiteral("bad row"));
    QCOMPARE(m_model->kindAt(1), MigrationRowsModel::Kind::BadRow);

    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(m_journal->markCalling(runId, 3));
    QCOMPARE(cell(m_model.get(), 3, MigrationRowsModel::StatusColumn), QStringLiteral("calling…"));
    finish(runId, 5, MigrationJournalRow::Status::Connected, QStringLiteral("acc_omega"));
    QCOMPARE(resets.count(), 0);
    QVERIFY(!changed.isEmpty());
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const int top = args.at(0).toModelIndex().row();
        const int bottom = args.at(1).toModelIndex().row();
        QCOMPARE(top, bottom); // one row at a time
        QVERIFY(top == 3 || top == 5);
    }
    QCOMPARE(cell(m_model.get(), 5, MigrationRowsModel::StatusColumn), QStringLiteral("connected"));
    QCOMPARE(
        cell(m_model.get(), 5, MigrationRowsModel::AccountColumn), QStringLiteral("acc_omega"));
    QCOMPARE(m_model->index(5, 0).data(MigrationRowsModel::AccountIdRole).toString(),
        QStringLiteral("acc_omega"));
    QCOMPARE(m_model->kindAt(5), MigrationRowsModel::Kind::Connected);

    // Another run's rows are not this model's business.
    MigrationCsv other = MigrationCsv::parse("login_token,country\nsomething-else,FR\n");
    MigrationRun run;
    run.contentHash = other.contentHash;
    run.totalRows = 1;
    const qint64 otherId = m_journal->createRun(run, other.rows);
    changed.clear();
    QVERIFY(m_journal->markCalling(otherId, 0));
    QVERIFY(changed.isEmpty());
}

void TstMigrationRowsModel::duplicateFollowsItsOriginal()
{
    const qint64 runId = createRun();
    m_model->setRun(m_journal.get(), runId);
    QCOMPARE(cell(m_model.get(), 4, MigrationRowsModel::StatusColumn), QStringLiteral("pending"));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    finish(runId, 0, MigrationJournalRow::Status::Connected, QStringLiteral("acc_alpha"));
    QCOMPARE(
        cell(m_model.get(), 0, MigrationRowsModel::AccountColumn), QStringLiteral("acc_alpha"));
    QCOMPARE(cell(m_model.get(), 4, MigrationRowsModel::StatusColumn), QStringLiteral("connected"));
    QCOMPARE(
        cell(m_model.get(), 4, MigrationRowsModel::AccountColumn), QStringLiteral("acc_alpha"));
    // The duplicate still says whose outcome it took.
    QVERIFY(
        cell(m_model.get(), 4, MigrationRowsModel::MessageColumn).contains(QStringLiteral("2")));
    QVERIFY(m_model->index(4, 0).data(MigrationRowsModel::ProblemRole).toBool());
    bool duplicateRepainted = false;
    for (const QList<QVariant> &args : std::as_const(changed))
        duplicateRepainted |= args.at(0).toModelIndex().row() == 4;
    QVERIFY(duplicateRepainted);
}

void TstMigrationRowsModel::filterFollowsOutcomes()
{
    const qint64 runId = createRun();
    m_model->setRun(m_journal.get(), runId);
    MigrationRowsFilter filter;
    filter.setSourceModel(m_model.get());
    QAbstractItemModelTester tester(
        &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);

    filter.setShow(MigrationRowsFilter::Show::Pending);
    QCOMPARE(lines(&filter), (QList<int> { 2, 5, 6, 7 }));
    finish(runId, 3, MigrationJournalRow::Status::Connected, QStringLiteral("acc_delta"));
    QCOMPARE(lines(&filter), (QList<int> { 2, 6, 7 })); // re-filtered on dataChanged

    finish(runId, 0, MigrationJournalRow::Status::CheckpointRequired, QStringLiteral("acc_alpha"));
    finish(runId, 5, MigrationJournalRow::Status::Failed, {}, QStringLiteral("INVALID_PARAMS"),
        QStringLiteral("login_token is expired or revoked"));
    QCOMPARE(lines(&filter), QList<int> {});
    filter.setShow(MigrationRowsFilter::Show::Connected);
    QCOMPARE(lines(&filter), (QList<int> { 5 }));
    filter.setShow(MigrationRowsFilter::Show::Checkpoint);
    QCOMPARE(lines(&filter), (QList<int> { 2, 6 })); // the duplicate shares the checkpoint
    filter.setShow(MigrationRowsFilter::Show::Problems);
    QCOMPARE(lines(&filter), (QList<int> { 3, 4, 6, 7 }));
    filter.setShow(MigrationRowsFilter::Show::All);
    QCOMPARE(filter.rowCount(), 6);
}

void TstMigrationRowsModel::checkpointAndFailureSayWhatToDo()
{
    const qint64 runId = createRun();
    m_model->setRun(m_journal.get(), runId);
    finish(runId, 0, MigrationJournalRow::Status::CheckpointRequired, QStringLiteral("acc_alpha"));
    finish(runId, 3, MigrationJournalRow::Status::Failed, {}, QStringLiteral("INVALID_PARAMS"),
        QStringLiteral("login_token is expired or revoked"));
    QCOMPARE(
        cell(m_model.get(), 0, MigrationRowsModel::StatusColumn), QStringLiteral("checkpoint"));
    QVERIFY(cell(m_model.get(), 0, MigrationRowsModel::MessageColumn)
                .contains(QStringLiteral("Accounts page")));
    QCOMPARE(cell(m_model.get(), 3, MigrationRowsModel::StatusColumn), QStringLiteral("failed"));
    const QString message = cell(m_model.get(), 3, MigrationRowsModel::MessageColumn);
    QVERIFY2(message.contains(QStringLiteral("expired")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("INVALID_PARAMS")), qPrintable(message));
    QCOMPARE(m_model->kindAt(3), MigrationRowsModel::Kind::Failed);
    QCOMPARE(cell(m_model.get(), 3, MigrationRowsModel::MessageColumn, Qt::ToolTipRole), message);
}

QTEST_GUILESS_MAIN(TstMigrationRowsModel)
#include "tst_migrationrowsmodel.moc"
