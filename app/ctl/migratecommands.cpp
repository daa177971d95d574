// linkupctl migrate and convert-v1 (issue 6 §7).
//
// migrate CSV --out RESULTS.csv: the batch migration of V1 tokens, paced and journalled by
// MigrationRunner. Progress goes to stderr, the results file is rewritten (atomically) after
// every row, SIGINT/SIGTERM pause the run so that running the same command again resumes it.
//
// convert-v1 [FILE]: a V1 request in, its V2 form out. Pure but for one look-up: when the
// profile's database already exists, a V1 login_token that a batch migration imported is
// replaced by its account_id (from the journal, by the token's hash). No API key, no network,
// no prompt; a missing profile is not created.
#include "commands.h"
#include "session.h"

#include "migration/migrationcsv.h"
#include "migration/migrationrunner.h"
#include "migration/v1converter.h"
#include "store/migrationrepository.h"
#include "support/logging.h"
#include "support/profile.h"
#include "sync/workspace.h"

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>
#include <QStandardPaths>

#include <cmath>
#include <cstdio>
#include <memory>

namespace ld::ctl {

namespace {

// Where Profile::open() would put the database, without creating the folder.
QString databaseFile(const QString &profileDir)
{
    const QString dir = profileDir.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        : profileDir;
    return dir.isEmpty() ? QString() : dir + QStringLiteral("/linkup-desk.sqlite");
}

bool readInput(const QString &file, QByteArray *bytes, QString *error)
{
    if (file.isEmpty() || file == QLatin1String("-")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read stdin");
            return false;
        }
        *bytes = in.readAll();
        return true;
    }
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(file, in.errorString());
        return false;
    }
    *bytes = in.readAll();
    return true;
}

// The migration journal of the profile, when it has a database; nullptr (and why, on stderr,
// when that matters) otherwise.
std::unique_ptr<Workspace> openJournal(const QString &profileDir)
{
    const QString database = databaseFile(profileDir);
    if (database.isEmpty() || !QFileInfo::exists(database))
        return nullptr;
    const Profile profile = Profile::open(QFileInfo(database).path());
    auto workspace = std::make_unique<Workspace>(profile);
    if (!profile.isValid() || !workspace->open() || !workspace->migrations()) {
        printInfo(QStringLiteral("linkupctl: the profile's migration journal cannot be read (%1): "
                                 "account_id stays a placeholder")
                      .arg(profile.isValid() ? workspace->errorString() : profile.error()));
        return nullptr;
    }
    return workspace;
}

} // namespace

int convertV1(const GlobalOptions &options, const QStringList &args)
{
    CommandArgs parsed;
    QString error;
    if (!parseCommandArgs(
            args, {}, { QStringLiteral("--json"), QStringLiteral("--list") }, &parsed, &error))
        return usageError(error);
    if (parsed.positional.size() > 1)
        return usageError(QStringLiteral("convert-v1 reads one request: give one FILE, or none "
                                         "to read stdin"));
    const bool json = options.json || parsed.has(QStringLiteral("--json"));

    if (parsed.has(QStringLiteral("--list"))) {
        const QStringList known = knownV1Endpoints();
        if (json)
            printJson({ { QStringLiteral("endpoints"), QJsonArray::fromStringList(known) } });
        else
            for (const QString &path : known)
                printLine(path);
        return ExitOk;
    }

    QByteArray bytes;
    if (!readInput(parsed.positional.value(0), &bytes, &error)) {
        fail(error);
        return ExitUsage;
    }
    V1Request request;
    if (!V1Request::parse(QString::fromUtf8(bytes), &request, &error)) {
        fail(error);
        return ExitUsage;
    }

    const std::unique_ptr<Workspace> journal = openJournal(options.profileDir);
    AccountIdLookup lookup;
    if (journal) {
        lookup = [&journal](const QString &token) {
            return journal->migrations()->accountIdForToken(tokenHash(token));
        };
    }
    // The token is in the input; should a log line ever quote it, it is masked.
    const QString token = request.body.value(QLatin1String("login_token")).toString().trimmed();
    if (!token.isEmpty())
        logging::registerSecret(token);
    const V2Conversion conversion = convertV1Request(request, lookup);
    if (!token.isEmpty())
        logging::forgetSecret(token);

    if (!conversion.ok) {
        fail(conversion.error + QStringLiteral(" (linkupctl convert-v1 --list prints them)"));
        return ExitUsage;
    }
    if (json) {
        printJson(conversion.toJson());
    } else {
        const QByteArray text = conversion.toText().toUtf8();
        std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
        std::fflush(stdout);
    }
    return ExitOk;
}

namespace {

// A pause in seconds ("0.5", "1.25"): milliseconds, or -1 when it is not a number.
int delayMs(const QString &text)
{
    bool ok = false;
    const double seconds = text.trimmed().toDouble(&ok);
    return ok && std::isfinite(seconds) ? int(std::lround(seconds * 1000)) : -1;
}

// "6m 40s", "1h 05m", "12s".
QString duration(qint64 ms)
{
    const qint64 s = (ms + 999) / 1000;
    if (s >= 3600)
        return QStringLiteral("%1h %2m").arg(s / 3600).arg(
            (s % 3600) / 60, 2, 10, QLatin1Char('0'));
    if (s >= 60)
        return QStringLiteral("%1m %2s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1s").arg(s);
}

QString summary(const MigrationCounts &c)
{
    QString text = QStringLiteral("%1 connected \u00b7 %2 checkpoint \u00b7 %3 failed")
                       .arg(c.connected)
                       .arg(c.checkpoint)
                       .arg(c.failed);
    if (c.pending > 0)
        text += QStringLiteral(" \u00b7 %1 pending").arg(c.pending);
    return text + QStringLiteral(" \u00b7 %1 credits").arg(c.credits);
}

// One run of `linkupctl migrate`: drives the profile's MigrationRunner on one CSV and keeps
// --out in step with the journal.
class MigrateCommand
{
public:
    MigrateCommand(MigrationRunner *runner, MigrationRepository *journal, const MigrationCsv &csv,
        const QString &outPath, bool json)
        : m_journal(journal)
        , m_runner(runner)
        , m_csv(csv)
        , m_outPath(outPath)
        , m_json(json)
    { }

    int run(const QString &csvPath, int minDelayMs, int maxDelayMs);

private:
    bool writeResults(QString *error) const;
    void printRow(int index);
    int end(int code);

    MigrationRepository *m_journal;
    MigrationRunner *m_runner;
    const MigrationCsv &m_csv;
    QString m_outPath;
    bool m_json = false;
    qint64 m_runId = 0;
    QHash<int, QList<int>> m_duplicates; // index of a migrated row → the rows that repeat it
};

bool MigrateCommand::writeResults(QString *error) const
{
    QList<MigrationResultRow> rows;
    for (const MigrationJournalRow &row : m_journal->rows(m_runId))
        rows.append(row.toResultRow());
    // Written whole and renamed into place: a reader (or a kill) never sees half a file.
    QSaveFile file(m_outPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(migrationResultsCsv(rows)) < 0
        || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(m_outPath, file.errorString());
        return false;
    }
    return true;
}

// "[ 213/500] line 215 a1b2c3d4e5f6 connected 69c127c37cae0494dd827286 (ETA 6m 40s)", for the
// row and each row that repeats its token (they share its outcome).
void MigrateCommand::printRow(int index)
{
    const MigrationProgress progress = m_runner->progress(m_runId);
    const int width = int(QString::number(progress.counts.total).size()) + 1;
    const std::optional<MigrationJournalRow> original = m_journal->row(m_runId, index);
    QList<int> indexes { index };
    indexes += m_duplicates.value(index);
    for (int i : indexes) {
        const std::optional<MigrationJournalRow> row = m_journal->row(m_runId, i);
        if (!row)
            continue;
        QString line = QStringLiteral("[%1/%2] line %3 %4 %5")
                           .arg(progress.counts.finished(), width)
                           .arg(progress.counts.total)
                           .arg(row->lineNumber)
                           .arg(tokenFingerprint(row->tokenHash),
                               MigrationJournalRow::statusName(row->status));
        if (!row->accountId.isEmpty())
            line += QLatin1Char(' ') + row->accountId;
        if (!row->challenge.isEmpty())
            line += QStringLiteral(" (%1)").arg(row->challenge);
        if (row->status == MigrationJournalRow::Status::Failed)
            line += QStringLiteral(" %1: %2").arg(row->errorCode, oneLine(row->errorMessage));
        if (i != index && original)
            line += QStringLiteral(" (same token as line %1)").arg(original->lineNumber);
        if (i == indexes.constLast() && progress.etaMs >= 0)
            line += QStringLiteral(" (ETA %1)").arg(duration(progress.etaMs));
        printInfo(line);
    }
}

int MigrateCommand::run(const QString &csvPath, int minDelayMs, int maxDelayMs)
{
    bool resumed = false;
    QString error;
    m_runId = m_runner->prepare(
        m_csv, QFileInfo(csvPath).absoluteFilePath(), minDelayMs, maxDelayMs, &resumed, &error);
    if (m_runId == 0)
        return fail(error);
    const std::optional<MigrationRun> known = m_journal->findRun(m_runId);
    const MigrationCounts before = m_journal->counts(m_runId);
    if (resumed && known) {
        const bool over = known->state == MigrationRun::State::Finished;
        printInfo((over ? QStringLiteral("This CSV was migrated by the run of %1: %2 of %3 rows "
                                         "done")
                        : QStringLiteral("Resuming the run of %1: %2 of %3 rows done"))
                      .arg(localTime(known->createdAt))
                      .arg(before.finished())
                      .arg(before.total));
    }
    for (const MigrationJournalRow &row : m_journal->rows(m_runId)) {
        if (row.duplicateOfIndex >= 0)
            m_duplicates[row.duplicateOfIndex].append(row.index);
    }
    QEventLoop loop;
    bool interrupted = false;
    QObject guard;
    QObject::connect(m_runner, &MigrationRunner::rowFinished, &guard, [&](qint64 runId, int index) {
        if (runId != m_runId)
            return;
        printRow(index);
        QString writeError;
        if (!writeResults(&writeError))
            printInfo(QStringLiteral("linkupctl: ") + writeError);
        if (interrupted && !m_runner->progress(m_runId).callInFlight)
            loop.exit(130);
    });
    QObject::connect(
        m_runner, &MigrationRunner::paused, &guard, [&](qint64 runId, const QString &reason) {
            if (runId != m_runId)
                return;
            if (interrupted) {
                // The answer on its way paused the run itself (the network, say): done waiting.
                if (!m_runner->progress(m_runId).callInFlight)
                    loop.exit(130);
                return;
            }
            // Not the row's fault (the key, the credits, the network): every row after would
            // fail too, so the run stops here, resumable.
            printInfo(QStringLiteral("linkupctl: %1 To resume, run the same command again.")
                          .arg(oneLine(reason)));
            loop.exit(ExitError);
        });
    QObject::connect(m_runner, &MigrationRunner::finished, &guard, [&](qint64 runId) {
        if (runId == m_runId)
            loop.exit(ExitOk);
    });
    const auto interrupt = [&] {
        if (interrupted) {
            // A second signal: stop waiting for the answer on its way; its row is called
            // again on the next run (safe: the same account, free).
            m_runner->release();
            loop.exit(130);
            return;
        }
        interrupted = true;
        m_runner->pause();
        if (!m_runner->progress(m_runId).callInFlight) {
            loop.exit(130);
            return;
        }
        printInfo(QStringLiteral("pausing: waiting for the answer of the row on its way "
                                 "(Ctrl+C again to stop waiting)"));
    };
    if (SignalWatcher *w = SignalWatcher::instance())
        QObject::connect(w, &SignalWatcher::signalled, &loop, interrupt);

    if (!m_runner->start(m_runId, m_csv, &error))
        return fail(error);
    // The results file exists from the start, every row pending until it is done.
    if (!writeResults(&error)) {
        m_runner->release();
        return fail(error);
    }
    if (SignalWatcher::wasSignalled())
        QMetaObject::invokeMethod(&loop, interrupt, Qt::QueuedConnection);
    const int code = loop.exec();
    return end(code);
}

int MigrateCommand::end(int code)
{
    QString error;
    if (!writeResults(&error))
        fail(error);
    const MigrationCounts counts = m_journal->counts(m_runId);
    const std::optional<MigrationRun> run = m_journal->findRun(m_runId);
    // The answer awaited after a signal may have been the last row's.
    if (code == 130 && run && run->state == MigrationRun::State::Finished)
        code = ExitOk;
    if (code == 130) {
        printInfo(QStringLiteral("Paused: %1 of %2 rows done; run the same command again to "
                                 "carry on")
                      .arg(counts.finished())
                      .arg(counts.total));
    }
    printInfo(summary(counts));
    if (m_json) {
        printJson({ { QStringLiteral("run_id"), m_runId },
            { QStringLiteral("state"), run ? MigrationRun::stateName(run->state) : QString() },
            { QStringLiteral("total"), counts.total },
            { QStringLiteral("connected"), counts.connected },
            { QStringLiteral("checkpoint_required"), counts.checkpoint },
            { QStringLiteral("failed"), counts.failed },
            { QStringLiteral("pending"), counts.pending },
            { QStringLiteral("credits"), counts.credits },
            { QStringLiteral("out"), QFileInfo(m_outPath).absoluteFilePath() } });
    }
    if (!error.isEmpty())
        return ExitError;
    if (code != ExitOk)
        return code;
    return counts.failed > 0 ? ExitError : ExitOk;
}

} // namespace

int migrate(const GlobalOptions &options, const QStringList &args)
{
    CommandArgs parsed;
    QString error;
    if (!parseCommandArgs(args,
            { QStringLiteral("--out"), QStringLiteral("--min-delay"),
                QStringLiteral("--max-delay") },
            { QStringLiteral("--json") }, &parsed, &error))
        return usageError(error);
    if (parsed.positional.size() != 1)
        return usageError(QStringLiteral("migrate needs one CSV file"));
    const QString csvPath = parsed.positional.first();
    const QString outPath = parsed.value(QStringLiteral("--out"));
    if (outPath.isEmpty())
        return usageError(QStringLiteral("migrate needs --out RESULTS.csv"));
    if (QFileInfo(outPath).absoluteFilePath() == QFileInfo(csvPath).absoluteFilePath()
        || (QFileInfo::exists(outPath)
            && QFileInfo(outPath).canonicalFilePath() == QFileInfo(csvPath).canonicalFilePath()))
        return usageError(QStringLiteral("--out must not be the CSV it reads"));

    // The documented pacing: a random pause of 0.5 to 2 s between two logins.
    const double minLimit = MigrationRunner::MinDelayMs / 1000.0;
    const double maxLimit = MigrationRunner::MaxDelayMs / 1000.0;
    int minMs = MigrationRunner::MinDelayMs;
    int maxMs = MigrationRunner::MaxDelayMs;
    for (const auto &[name, target] : { std::pair { QStringLiteral("--min-delay"), &minMs },
             std::pair { QStringLiteral("--max-delay"), &maxMs } }) {
        if (!parsed.has(name))
            continue;
        *target = delayMs(parsed.value(name));
        if (*target < MigrationRunner::MinDelayMs || *target > MigrationRunner::MaxDelayMs)
            return usageError(QStringLiteral("%1 %2: give seconds from %3 to %4 (the pacing "
                                             "LinkUp documents)")
                                  .arg(name, parsed.value(name))
                                  .arg(minLimit)
                                  .arg(maxLimit));
    }
    if (minMs > maxMs)
        return usageError(QStringLiteral("--min-delay %1 is above --max-delay %2")
                              .arg(minMs / 1000.0)
                              .arg(maxMs / 1000.0));

    const MigrationCsv csv = MigrationCsv::readFile(csvPath);
    if (!csv.ok) {
        fail(csv.error);
        return ExitUsage;
    }
    // Bad lines are reported first; they never stop the run and get their row in the results.
    for (const MigrationInputRow &row : csv.rows) {
        if (!row.isValid())
            printInfo(QStringLiteral("line %1: %2").arg(row.lineNumber).arg(row.problemText()));
    }

    Session session(options);
    if (const int rc = session.open())
        return rc;
    MigrationRunner *runner = session.workspace()->migrationRunner();
    if (!runner)
        return fail(QStringLiteral("the profile's migration runner is not available"));
    // Should a log line ever quote a token, it is masked (LINKUPCTL_VERBOSE shows the log).
    for (const MigrationInputRow &row : csv.rows)
        if (!row.loginToken.isEmpty())
            logging::registerSecret(row.loginToken);
    MigrateCommand command(runner, session.workspace()->migrations(), csv, outPath,
        options.json || parsed.has(QStringLiteral("--json")));
    const int code = command.run(csvPath, minMs, maxMs);
    for (const MigrationInputRow &row : csv.rows)
        if (!row.loginToken.isEmpty())
            logging::forgetSecret(row.loginToken);
    return code;
}

} // namespace ld::ctl
