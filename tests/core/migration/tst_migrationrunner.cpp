// The batch migration runner against the sandbox over loopback: one outcome per row, the
// pacing as the server saw it, pauses for failures that are not the row's, pause, cancel, a
// rerun, and runs killed with SIGKILL in another process and then resumed here, leaving no
// token text anywhere in the profile.
#include "migrationrunnerfixture.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTest>
#include <algorithm>

using namespace ld;
using Status = MigrationJournalRow::Status;
using Fault = sandbox::SandboxServer::Fault;
using Line = MigrationRunnerFixture::Line;
using sandbox::Seeds;

namespace {

constexpr int kWait = MigrationRunnerFixture::Wait;

QString token(int n)
{
    return MigrationRunnerFixture::realisticToken(n);
}

MigrationCsv parsed(const QList<Line> &lines)
{
    return MigrationCsv::parse(MigrationRunnerFixture::csvBytes(lines));
}

} // namespace

class TstMigrationRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(f.setUp()); }
    void cleanup() { f.tearDown(); }

    void everyRowGetsOneOutcome();
    void refusedTokenSaysToSignInAgain();
    void existingAccountsKeepTheirDetails();
    void pacing_data();
    void pacing();
    void delaysAreClamped_data();
    void delaysAreClamped();
    void pausesOnFailuresThatAreNotTheRows_data();
    void pausesOnFailuresThatAreNotTheRows();
    void pauseLetsTheCallInFlightFinish();
    void cancelWhileACallIsInFlight();
    void rerunOfAFinishedCsv();
    void refusesARunAnotherProcessDrives();
    void killedAndResumed_data();
    void killedAndResumed();

private:
    qint64 startRun(const MigrationCsv &csv, int minMs = 500, int maxMs = 500)
    {
        return f.startRun(csv, minMs, maxMs);
    }
    QList<Line> goodLines(int count, int first = 100) const { return f.goodLines(count, first); }
    QList<Status> statuses(qint64 runId) const { return f.statuses(runId); }
    int rowsIn(qint64 runId, Status status) const { return int(statuses(runId).count(status)); }

    MigrationRunnerFixture f;
};

void TstMigrationRunner::everyRowGetsOneOutcome()
{
    const QString a = token(1), b = token(2), c = token(3), d = token(4);
    const MigrationCsv csv = parsed({
        { a, QStringLiteral("FR"), QStringLiteral("Alpha") }, // line 2
        { Seeds::expiredToken(), QStringLiteral("US"), QStringLiteral("Old") }, // 3
        { Seeds::checkpointToken(), QStringLiteral("DE"), QStringLiteral("Cp") }, // 4
        { b, QStringLiteral("uk"), QStringLiteral("Beta") }, // 5
        { a, QStringLiteral("FR"), QStringLiteral("Alpha again") }, // 6: duplicate
        { QString(), QStringLiteral("FR"), QStringLiteral("No token") }, // 7
        { c, QStringLiteral("FRA"), QStringLiteral("Bad country") }, // 8
        { d, QStringLiteral("NL"), QString() }, // 9
    });
    QVERIFY2(csv.ok, qPrintable(csv.error));
    const qint64 creditsBefore = f.server->creditsCharged();
    QSignalSpy rowFinished(f.runner.get(), &MigrationRunner::rowFinished);
    QSignalSpy finished(f.runner.get(), &MigrationRunner::finished);
    const qint64 runId = startRun(csv);
    QVERIFY(runId > 0);
    QVERIFY(finished.wait(kWait));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.constFirst().at(0).toLongLong(), runId);
    QCOMPARE(rowFinished.size(), 5); // the calls; bad rows and the duplicate need none

    const QList<MigrationJournalRow> rows = f.journal->rows(runId);
    QCOMPARE(rows.size(), 8);
    for (const MigrationJournalRow &row : rows)
        QVERIFY2(row.isFinal(), qPrintable(QString::number(row.lineNumber)));
    QCOMPARE(rows[0].status, Status::Connected);
    QVERIFY(!rows[0].accountId.isEmpty());
    QCOMPARE(rows[0].credits, 1);
    QCOMPARE(rows[0].attempts, 1);
    QCOMPARE(rows[1].status, Status::Failed);
    QCOMPARE(rows[1].errorCode, QStringLiteral("INVALID_PARAMS"));
    // The sandbox's message already says what to do: it is not said twice.
    QVERIFY2(rows[1].errorMessage.contains(QStringLiteral("re-authenticate")),
        qPrintable(rows[1].errorMessage));
    QVERIFY(!rows[1].errorMessage.contains(QStringLiteral("must sign in to LinkedIn again")));
    QCOMPARE(rows[1].credits, 0);
    QCOMPARE(rows[2].status, Status::CheckpointRequired);
    QCOMPARE(rows[2].challenge, QStringLiteral("app_challenge"));
    QVERIFY(!rows[2].accountId.isEmpty());
    QCOMPARE(rows[3].status, Status::Connected);
    QCOMPARE(rows[3].country, QStringLiteral("UK"));
    QVERIFY(rows[3].accountId != rows[0].accountId);
    QCOMPARE(rows[4].status, Status::Connected);
    QCOMPARE(rows[4].duplicateOfIndex, 0);
    QCOMPARE(rows[4].accountId, rows[0].accountId);
    QCOMPARE(rows[4].attempts, 0);
    QCOMPARE(rows[5].status, Status::Failed);
    QCOMPARE(rows[5].errorCode, QStringLiteral("MISSING_TOKEN"));
    QCOMPARE(rows[6].status, Status::Failed);
    QCOMPARE(rows[6].errorCode, QStringLiteral("BAD_COUNTRY"));
    QCOMPARE(rows[7].status, Status::Connected);
    QVERIFY(!rows[7].accountId.isEmpty());

    const MigrationCounts counts = f.journal->counts(runId);
    QCOMPARE(counts.total, 8);
    QCOMPARE(counts.connected, 4);
    QCOMPARE(counts.checkpoint, 1);
    QCOMPARE(counts.failed, 3);
    QCOMPARE(counts.pending, 0);
    QCOMPARE(counts.credits, 3);
    QCOMPARE(f.server->creditsCharged() - creditsBefore, 3);

    // One request per distinct valid token, none for the others.
    QCOMPARE(f.logins().size(), 5);
    for (const QString &t : { a, b, d, Seeds::expiredToken(), Seeds::checkpointToken() })
        QCOMPARE(f.loginsWith(t), 1);
    QCOMPARE(f.loginsWith(c), 0);

    // The new accounts show at once, with what the run knows of them.
    const std::optional<Account> alpha = f.accounts->find(rows[0].accountId);
    QVERIFY(alpha);
    QCOMPARE(alpha->name, QStringLiteral("Alpha"));
    QCOMPARE(alpha->country, QStringLiteral("FR"));
    QCOMPARE(alpha->status, Account::Status::Active);
    const std::optional<Account> cp = f.accounts->find(rows[2].accountId);
    QVERIFY(cp);
    QCOMPARE(cp->status, Account::Status::CheckpointRequired);
    QCOMPARE(cp->country, QStringLiteral("DE"));
    QVERIFY(f.accounts->find(rows[3].accountId));
    QVERIFY(f.accounts->find(rows[7].accountId));

    const MigrationProgress p = f.runner->progress();
    QCOMPARE(p.runId, runId);
    QCOMPARE(p.state, MigrationRun::State::Finished);
    QCOMPARE(p.etaMs, -1);
    QVERIFY(!p.nextCallAt.isValid());
    QVERIFY(!f.runner->isDriving());
    QVERIFY(f.journal->findRun(runId)->finishedAt.isValid());
}

void TstMigrationRunner::refusedTokenSaysToSignInAgain()
{
    // LinkedIn refuses the first token (200, success:false): that is the row's outcome, with
    // what the person has to do, and the run goes on.
    f.server->injectFault(Fault::SuccessFalse, 1, QStringLiteral("/v2/login"));
    QSignalSpy finished(f.runner.get(), &MigrationRunner::finished);
    const qint64 runId = startRun(parsed(goodLines(2)));
    QVERIFY(runId > 0);
    QVERIFY(finished.wait(kWait));
    const QList<MigrationJournalRow> rows = f.journal->rows(runId);
    QCOMPARE(rows[0].status, Status::Failed);
    QCOMPARE(rows[0].errorCode, QStringLiteral("CHANNEL_ERROR"));
    QVERIFY2(rows[0].errorMessage.endsWith(QStringLiteral(
                 " — the account must sign in to LinkedIn again and its new token be imported")),
        qPrintable(rows[0].errorMessage));
    QVERIFY(rows[0].errorMessage.size() > 80); // the API's message comes first
    QCOMPARE(rows[1].status, Status::Connected);
}

void TstMigrationRunner::existingAccountsKeepTheirDetails()
{
    QSignalSpy finished(f.runner.get(), &MigrationRunner::finished);
    const qint64 first = startRun(parsed(goodLines(1)));
    QVERIFY(first > 0);
    QVERIFY(finished.wait(kWait));
    const QString id = f.journal->row(first, 0)->accountId;
    Account renamed = *f.accounts->find(id);
    renamed.name = QStringLiteral("Renamed after a refresh");
    renamed.country = QStringLiteral("BE");
    QVERIFY(f.accounts->upsert(renamed));

    // Another CSV holding the same token: same account, free, and its details untouched.
    QList<Line> lines = goodLines(1);
    lines[0].label = QStringLiteral("Another label");
    lines << goodLines(1, 200);
    const qint64 second = startRun(parsed(lines));
    QVERIFY(second > 0 && second != first);
    QVERIFY(finished.wait(kWait));
    QCOMPARE(f.journal->row(second, 0)->accountId, id);
    QCOMPARE(f.journal->row(second, 0)->credits, 0);
    QCOMPARE(f.accounts->find(id)->name, QStringLiteral("Renamed after a refresh"));
    QCOMPARE(f.accounts->find(id)->country, QStringLiteral("BE"));
    QCOMPARE(
        f.accounts->find(f.journal->row(second, 1)->accountId)->name, QStringLiteral("Client 200"));
}

void TstMigrationRunner::pacing_data()
{
    QTest::addColumn<int>("minMs");
    QTest::addColumn<int>("maxMs");
    QTest::addColumn<int>("rows");
    QTest::newRow("0.5–0.7 s") << 500 << 700 << 6;
    QTest::newRow("0.5–2 s, random") << 500 << 2000 << 12;
}

void TstMigrationRunner::pacing()
{
    QFETCH(int, minMs);
    QFETCH(int, maxMs);
    QFETCH(int, rows);
    QSignalSpy rowFinished(f.runner.get(), &MigrationRunner::rowFinished);
    QSignalSpy finished(f.runner.get(), &MigrationRunner::finished);
    const qint64 runId = startRun(parsed(goodLines(rows)), minMs, maxMs);
    QVERIFY(runId > 0);

    // After the first answer the next call is announced, within the pacing.
    QVERIFY(rowFinished.wait(kWait));
    const MigrationProgress p = f.runner->progress();
    QVERIFY(p.nextCallAt.isValid());
    const qint64 untilNext = QDateTime::currentDateTimeUtc().msecsTo(p.nextCallAt);
    QVERIFY2(untilNext <= maxMs, qPrintable(QString::number(untilNext)));
    QVERIFY(!p.callInFlight);
    QCOMPARE(p.counts.finished(), 1);
    // rows - 1 calls left, each but the first after a pause of (min + max) / 2 on average.
    QVERIFY2(
        p.etaMs >= qint64(rows - 2) * (minMs + maxMs) / 2, qPrintable(QString::number(p.etaMs)));

    QVERIFY(finished.wait(rows * (maxMs + 3000)));
    QCOMPARE(rowsIn(runId, Status::Connected), rows);
    const QList<sandbox::RecordedRequest> logins = f.logins();
    QCOMPARE(logins.size(), rows);
    QList<qint64> gaps;
    for (int i = 1; i < logins.size(); ++i) {
        QVERIFY(logins[i].receivedAt.isValid());
        gaps << logins[i - 1].receivedAt.msecsTo(logins[i].receivedAt);
    }
    QString shown;
    for (qint64 g : gaps)
        shown += QString::number(g) + QLatin1Char(' ');
    for (qint64 g : gaps) {
        QVERIFY2(g >= minMs, qPrintable(shown));
        QVERIFY2(g <= maxMs + 1500, qPrintable(shown)); // a loaded machine's slack, no more
    }
    if (maxMs - minMs >= 1000) {
        // Uniformly random pauses, not one fixed value: eleven draws in 1.5 s spread this wide.
        const auto [low, high] = std::minmax_element(gaps.cbegin(), gaps.cend());
        QVERIFY2(*high - *low >= 200, qPrintable(shown));
    }
}

void TstMigrationRunner::delaysAreClamped_data()
{
    QTest::addColumn<int>("minMs");
    QTest::addColumn<int>("maxMs");
    QTest::addColumn<int>("expectedMin");
    QTest::addColumn<int>("expectedMax");
    QTest::newRow("below and above the range") << 100 << 5000 << 500 << 2000;
    QTest::newRow("within") << 800 << 1200 << 800 << 1200;
    QTest::newRow("min above max") << 700 << 600 << 600 << 600;
    QTest::newRow("both above") << 3000 << 4000 << 2000 << 2000;
    QTest::newRow("both below") << 0 << -5 << 500 << 500;
}

void TstMigrationRunner::delaysAreClamped()
{
    QFETCH(int, minMs);
    QFETCH(int, maxMs);
    QFETCH(int, expectedMin);
    QFETCH(int, expectedMax);
    const MigrationCsv csv = parsed(goodLines(1));
    const qint64 runId = f.runner->prepare(csv, QStringLiteral("tokens.csv"), minMs, maxMs);
    QVERIFY(runId > 0);
    QCOMPARE(f.journal->findRun(runId)->minDelayMs, expectedMin);
    QCOMPARE(f.journal->findRun(runId)->maxDelayMs, expectedMax);

    // The same through setDelays() on the run being driven.
    QSignalSpy finished(f.runner.get(), &MigrationRunner::finished);
    QVERIFY(f.runner->start(runId, csv));
    f.runner->setDelays(1000, 1000);
    QCOMPARE(f.journal->findRun(runId)->minDelayMs, 1000);
    f.runner->setDelays(minMs, maxMs);
    QCOMPARE(f.journal->findRun(runId)->minDelayMs, expectedMin);
    QCOMPARE(f.journal->findRun(runId)->maxDelayMs, expectedMax);
    QVERIFY(finished.wait(kWait));
}

void TstMigrationRunner::pausesOnFailuresThatAreNotTheRows_data()
{
    QTest::addColumn<QString>("failure");
    QTest::addColumn<QString>("reasonSays");
    QTest::newRow("server errors after the retries") << "500"
                                                     << "server failed";
    QTest::newRow("answers cut off after the retries") << "drop"
                                                       << "could not be read";
    QTest::newRow("no answer in time") << "timeout"
                                       << "did not answer in time";
    QTest::newRow("sandbox stopped") << "down"
                                     << "could not be reached";
    QTest::newRow("API key refused") << "key"
                                     << "API key";
    QTest::newRow("credits used up") << "credits"
                                     << "credits";
    QTest::newRow("rate limited after the retries") << "429"
                                                    << "limiting";
}

void TstMigrationRunner::pausesOnFailuresThatAreNotTheRows()
{
    QFETCH(QString, failure);
    QFETCH(QString, reasonSays);
    const QString login = QStringLiteral("/v2/login");
    quint16 port = f.server->port();
    if (failure == QLatin1String("500"))
        f.server->injectFault(Fault::InternalError, 3, login); // every try of the first row
    else if (failure == QLatin1String("drop"))
        f.server->injectFault(Fault::DropAfterSend, 3, login);
    else if (failure == QLatin1String("timeout")) {
        f.client->setTimeoutMs(300);
        f.server->injectFault(Fault::Slow, 3, login, {}, 3000);
    } else if (failure == QLatin1String("429"))
        f.server->injectFault(Fault::RateLimited, 5, login);
    else if (failure == QLatin1String("key"))
        f.client->setApiKey(QStringLiteral("not-the-key"));
    else if (failure == QLatin1String("credits"))
        f.server->setCreditBalance(0);
    else if (failure == QLatin1String("down"))
        f.server.reset();

    QSignalSpy paused(f.runner.get(), &MigrationRunner::paused);
    QSignalSpy finished(f.runner.get(), &MigrationRunner::finished);
    const qint64 runId = startRun(parsed(goodLines(3)));
    QVERIFY(runId > 0);
    QVERIFY(paused.wait(kWait));
    const QString reason = paused.constFirst().at(1).toString();
    QVERIFY2(reason.contains(reasonSays, Qt::CaseInsensitive), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("resume"), Qt::CaseInsensitive), qPrintable(reason));
    QVERIFY(reason.endsWith(QLatin1Char('.')));

    // Nothing failed: the row waits to be called again and the rows after it were not tried.
    const std::optional<MigrationRun> run = f.journal->findRun(runId);
    QCOMPARE(run->state, MigrationRun::State::Paused);
    QCOMPARE(run->stopReason, reason);
    const QList<MigrationJournalRow> rows = f.journal->rows(runId);
    QCOMPARE(rows[0].status, Status::Pending);
    QCOMPARE(rows[0].attempts, 1);
    QCOMPARE(rows[1].attempts, 0);
    QCOMPARE(rows[2].attempts, 0);
    QCOMPARE(f.journal->counts(runId).failed, 0);
    const MigrationProgress p = f.runner->progress();
    QVERIFY(!p.callInFlight);
    QVERIFY(!p.nextCallAt.isValid());
    QVERIFY(f.runner->isDriving()); // the tokens are kept for resume()
    QVERIFY(finished.isEmpty());

    // Fixed, then resumed: the row is called again and the run ends with every row connected.
    if (failure == QLatin1String("key"))
        f.client->setApiKey(Seeds::apiKey());
    else if (failure == QLatin1String("timeout"))
        f.client->setTimeoutMs(30000);
    else if (failure == QLatin1String("credits"))
        f.server->setCreditBalance(1000);
    else if (failure == QLatin1String("down")) {
        f.server = std::make_unique<sandbox::SandboxServer>();
        QVERIFY(f.server->listen(port));
    }
    f.runner->resume();
    QCOMPARE(f.journal->findRun(runId)->state, MigrationRun::State::Running);
    QVERIFY(finished.wait(kWait));
    QCOMPARE(rowsIn(runId, Status::Connected), 3);
    QCOMPARE(f.journal->row(runId, 0)->attempts, 2);
    QCOMPARE(f.journal->findRun(runId)->state, MigrationRun::State::Finished);
}

void TstMigrationRunner::pauseLetsTheCallInFlightFinish()
{
    f.server->injectFault(Fault::Slow, 1, QStringLiteral("/v2/login"), {}, 1500);
    QSignalSpy rowFinished(f.runner.get(), &MigrationRunner::rowFinished);
    QSignalSpy paused(f.runner.get(), &MigrationRunner::paused);
    QSignalSpy finished(f.runner.get(), &MigrationRunner::finished);
    const qint64 runId = startRun(parsed(goodLines(3)));
    QVERIFY(runId > 0);
    QTRY_VERIFY_WITH_TIMEOUT(f.runner->progress().callInFlight, kWait);
    f.runner->pause();
    QCOMPARE(paused.size(), 1);
    QCOMPARE(f.journal->findRun(runId)->state, MigrationRun::State::Paused);

    // The answer still arrives and is kept; nothing leaves after it.
    QVERIFY(rowFinished.wait(kWait));
    QCOMPARE(f.journal->row(runId, 0)->status, Status::Connected);
    QVERIFY(!f.runner->progress().nextCallAt.isValid());
    QCOMPARE(f.logins().size(), 1);
    QCOMPARE(f.journal->findRun(runId)->state, MigrationRun::State::Paused);

    f.runner->resume();
    QVERIFY(finished.wait(kWait));
    QCOMPARE(rowsIn(runId, Status::Connected), 3);
    QCOMPARE(f.logins().size(), 3);
}

void TstMigrationRunner::cancelWhileACallIsInFlight()
{
    f.server->injectFault(Fault::Slow, 1, QStringLiteral("/v2/login"), {}, 600000);
    const MigrationCsv csv = parsed(goodLines(3));
    QSignalSpy finished(f.runner.get(), &MigrationRunner::finished);
    const qint64 runId = startRun(csv);
    QVERIFY(runId > 0);
    QTRY_COMPARE_WITH_TIMEOUT(f.logins().size(), 1, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(f.runner->progress().callInFlight, kWait);
    QCOMPARE(f.journal->row(runId, 0)->status, Status::Calling);

    f.runner->cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(f.journal->findRun(runId)->state, MigrationRun::State::Cancelled);
    QVERIFY(f.journal->findRun(runId)->finishedAt.isValid());
    QCOMPARE(statuses(runId), QList<Status>(3, Status::Pending));
    QVERIFY(!f.runner->isDriving());
    QCOMPARE(f.runner->progress().state, MigrationRun::State::Cancelled);

    // A cancelled run stays cancelled; the same CSV again is a new run.
    QString error;
    QVERIFY(!f.runner->start(runId, csv, &error));
    QVERIFY(!error.isEmpty());
    bool resumed = true;
    const qint64 again = f.runner->prepare(csv, QStringLiteral("tokens.csv"), 500, 500, &resumed);
    QVERIFY(again > 0 && again != runId);
    QVERIFY(!resumed);
    QCOMPARE(f.logins().size(), 1);
}

void TstMigrationRunner::rerunOfAFinishedCsv()
{
    const MigrationCsv csv = parsed(goodLines(2));
    QSignalSpy finished(f.runner.get(), &MigrationRunner::finished);
    const qint64 runId = startRun(csv);
    QVERIFY(runId > 0);
    QVERIFY(finished.wait(kWait));
    f.server->clearRequests();

    bool resumed = false;
    QCOMPARE(f.runner->prepare(csv, QStringLiteral("again.csv"), 500, 500, &resumed), runId);
    QVERIFY(resumed);
    QVERIFY(f.runner->start(runId, csv));
    QVERIFY(finished.wait(kWait));
    QCOMPARE(finished.size(), 2);
    QCOMPARE(finished.constLast().at(0).toLongLong(), runId);
    QCOMPARE(f.logins().size(), 0);
    QCOMPARE(f.journal->findRun(runId)->state, MigrationRun::State::Finished);
    QCOMPARE(rowsIn(runId, Status::Connected), 2);

    // A CSV of other content cannot drive it.
    QString error;
    QVERIFY(!f.runner->start(runId, parsed(goodLines(3)), &error));
    QVERIFY(error.contains(QStringLiteral("not the one")));
}

void TstMigrationRunner::refusesARunAnotherProcessDrives()
{
    const MigrationCsv csv = parsed(goodLines(2));
    const qint64 runId = f.runner->prepare(csv, QStringLiteral("tokens.csv"), 500, 500);
    QVERIFY(runId > 0);
    QProcess other;
    other.start(QStringLiteral("sleep"), { QStringLiteral("60") });
    QVERIFY(other.waitForStarted(kWait));
    MigrationRun running = *f.journal->findRun(runId);
    running.state = MigrationRun::State::Running;
    running.stopReason.clear();
    running.ownerPid = other.processId();
    running.ownerHost = QSysInfo::machineHostName();
    QVERIFY(f.journal->transitionRun(runId, MigrationRun::State::Paused, running));

    QString error;
    QVERIFY(!f.runner->start(runId, csv, &error));
    QVERIFY2(error.contains(QString::number(other.processId())), qPrintable(error));
    QVERIFY(f.runner->recoverInterrupted().isEmpty());
    QCOMPARE(f.journal->findRun(runId)->state, MigrationRun::State::Running);

    // Its process gone, the run is interrupted: paused with the reason, then resumable here.
    other.kill();
    QVERIFY(other.waitForFinished(kWait));
    QCOMPARE(f.runner->recoverInterrupted(), QList<qint64> { runId });
    QCOMPARE(f.journal->findRun(runId)->state, MigrationRun::State::Paused);
    QCOMPARE(f.journal->findRun(runId)->stopReason, MigrationRunner::interruptedReason());
    QCOMPARE(f.logins().size(), 0);
    QSignalSpy finished(f.runner.get(), &MigrationRunner::finished);
    QVERIFY(f.runner->start(runId, csv, &error));
    QVERIFY(finished.wait(kWait));
    QCOMPARE(rowsIn(runId, Status::Connected), 2);
}

void TstMigrationRunner::killedAndResumed_data()
{
    // Each number is the /v2/login request (counted over the whole test) during which one
    // child process is killed: the sandbox holds that answer, so the row is Calling. 0 kills
    // a child after three outcomes, most likely during a pause.
    QTest::addColumn<QList<int>>("kills");
    QTest::newRow("during the first call") << QList<int> { 1 };
    QTest::newRow("during the fifth call") << QList<int> { 5 };
    QTest::newRow("twice, during calls 2 and 5") << QList<int> { 2, 5 };
    QTest::newRow("between two calls") << QList<int> { 0 };
}

void TstMigrationRunner::killedAndResumed()
{
    QFETCH(QList<int>, kills);
    const QList<Line> lines = {
        { token(10), QStringLiteral("FR"), QStringLiteral("Client 10") },
        { token(11), QStringLiteral("US"), QStringLiteral("Client 11") },
        { Seeds::checkpointToken(), QStringLiteral("DE"), QStringLiteral("Checkpoint") },
        { token(12), QStringLiteral("FR"), QStringLiteral("Client 12") },
        { Seeds::expiredToken(), QStringLiteral("US"), QStringLiteral("Expired") },
        { token(13), QStringLiteral("NL"), QStringLiteral("Client 13") },
        { token(11), QStringLiteral("US"), QStringLiteral("Client 11 again") }, // duplicate
        { token(14), QStringLiteral("IT"), QStringLiteral("Client 14") },
        { token(15), QStringLiteral("FRA"), QStringLiteral("Bad country") },
        { token(16), QStringLiteral("ES"), QStringLiteral("Client 16") },
    };
    constexpr int kCalls = 8; // distinct tokens of valid rows
    const QString csvPath = f.writeCsv(lines);
    QVERIFY(!csvPath.isEmpty());
    const MigrationCsv csv = MigrationCsv::readFile(csvPath);
    QVERIFY2(csv.ok, qPrintable(csv.error));

    int heldKills = 0;
    for (const int hold : kills) {
        const int seen = int(f.logins().size());
        if (hold > 0) {
            // Prompt answers up to the held one, which is carried out at once and answered
            // only after the child is dead.
            if (hold - seen - 1 > 0)
                f.server->injectFault(
                    Fault::Slow, hold - seen - 1, QStringLiteral("/v2/login"), {}, 1);
            f.server->injectFault(Fault::Slow, 1, QStringLiteral("/v2/login"), {}, 600000);
        }
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("ld.*=true"));
        child.setProcessEnvironment(env);
        child.start(QStringLiteral(MIGRATION_RUNNER_PATH),
            { f.dir->path(), csvPath, f.server->baseUrl().toString(), Seeds::apiKey(),
                QStringLiteral("500"), QStringLiteral("600") });
        QVERIFY(child.waitForStarted(kWait));
        const qint64 childPid = child.processId();
        // QTRY_ keeps this event loop, and so the sandbox, running.
        if (hold > 0) {
            QTRY_COMPARE_WITH_TIMEOUT(int(f.logins().size()), hold, kWait);
        } else {
            QTRY_VERIFY_WITH_TIMEOUT(f.calledAndAnswered(csv) >= 3, kWait);
        }
        child.kill(); // SIGKILL: no handler, no clean-up
        QVERIFY(child.waitForFinished(kWait));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        QVERIFY(child.readAllStandardOutput().contains("run "));
        const std::optional<MigrationRun> run = f.journal->findRunByContent(csv.contentHash);
        QVERIFY(run);
        QCOMPARE(run->state, MigrationRun::State::Running);
        QCOMPARE(run->ownerPid, childPid);
        if (hold > 0) {
            ++heldKills;
            QCOMPARE(int(statuses(run->id).count(Status::Calling)), 1);
        }
    }

    // The restart: this process finds the run interrupted and resumes it from the same CSV.
    const qint64 runId = f.journal->findRunByContent(csv.contentHash)->id;
    QCOMPARE(f.runner->recoverInterrupted(), QList<qint64> { runId });
    QCOMPARE(f.journal->findRun(runId)->stopReason, MigrationRunner::interruptedReason());
    bool resumed = false;
    QCOMPARE(f.runner->prepare(csv, csvPath, 500, 600, &resumed), runId);
    QVERIFY(resumed);
    QSignalSpy finished(f.runner.get(), &MigrationRunner::finished);
    QString error;
    QVERIFY2(f.runner->start(runId, csv, &error), qPrintable(error));
    QVERIFY(finished.wait(kWait));

    // Exactly one outcome per row, the right one.
    const QList<MigrationJournalRow> rows = f.journal->rows(runId);
    QCOMPARE(rows.size(), lines.size());
    const QList<Status> expected = { Status::Connected, Status::Connected,
        Status::CheckpointRequired, Status::Connected, Status::Failed, Status::Connected,
        Status::Connected, Status::Connected, Status::Failed, Status::Connected };
    QCOMPARE(statuses(runId), expected);
    QCOMPARE(rows[6].accountId, rows[1].accountId);
    QCOMPARE(rows[4].errorCode, QStringLiteral("INVALID_PARAMS"));
    QCOMPARE(f.journal->findRun(runId)->state, MigrationRun::State::Finished);

    // At most one extra login per kill: the row that was in flight, called again.
    const int logins = int(f.logins().size());
    if (heldKills > 0)
        QCOMPARE(logins, kCalls + heldKills);
    else
        QVERIFY2(logins <= kCalls + 1, qPrintable(QString::number(logins)));
    int recalled = 0;
    for (const MigrationJournalRow &row : rows) {
        QVERIFY(row.attempts <= 2);
        recalled += row.attempts == 2 ? 1 : 0;
    }
    QCOMPARE(recalled, logins - kCalls);
    for (const Line &l : lines)
        QVERIFY(f.loginsWith(l.token) <= 2);
    for (int i : { 0, 1, 3, 5, 7, 9 })
        QVERIFY(f.accounts->find(rows[i].accountId));

    // No token text in any file of the profile (database, WAL, logs), though the log has lines
    // about the rows.
    f.closeParts();
    const QString log = f.profile().logDir() + QStringLiteral("/linkup-desk.log");
    QFile logFile(log);
    QVERIFY(logFile.open(QIODevice::ReadOnly));
    QVERIFY(logFile.readAll().contains(tokenFingerprint(tokenHash(token(10))).toUtf8()));
    for (const Line &l : lines) {
        if (l.token.isEmpty())
            continue;
        const QStringList found = f.filesContaining(f.dir->path(), l.token.toUtf8());
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char(' '))));
    }
}

QTEST_GUILESS_MAIN(TstMigrationRunner)
#include "tst_migrationrunner.moc"
