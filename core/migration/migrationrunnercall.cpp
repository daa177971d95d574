// The batch migration runner's calls: the pacing between them, one POST /v2/login per row, and
// what each answer means for the row (its outcome) or for the run (a pause). Tokens appear in
// no log line, journal field or sentence: rows are named by line and fingerprint.
#include "migrationrunner.h"

#include "migrationrunner_p.h"

#include "api/apicall.h"
#include "domain/loginresult.h"
#include "services/accountsservice.h"
#include "store/accountrepository.h"
#include "support/logging.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>

namespace ld {

using namespace migration;

namespace {

// A failed login is the row's outcome only when the API refused that token; anything that
// would fail every row after it too (the key, the credits, the rate, the server, the network)
// pauses the run instead.
bool isAboutTheRow(const ApiError &error)
{
    if (error.kind != ApiError::Kind::Api || error.httpStatus >= 500)
        return false;
    static const QStringList notTheRows = {
        QStringLiteral("INVALID_API_KEY"),
        QStringLiteral("INSUFFICIENT_CREDITS"),
        QStringLiteral("RATE_LIMITED"),
        QStringLiteral("INTERNAL_ERROR"),
        // This version asks for something the server does not know: every row would fail.
        QStringLiteral("INVALID_ACTION"),
    };
    return !notTheRows.contains(error.code);
}

QString pauseReason(const ApiError &error, int line)
{
    const QString again = MigrationRunner::tr("line %1 is imported again").arg(line);
    if (error.code == QLatin1String("INVALID_API_KEY"))
        return MigrationRunner::tr("Paused: LinkUp refused the API key. Check it in Settings → "
                                   "API key, then resume (%1).")
            .arg(again);
    if (error.code == QLatin1String("INSUFFICIENT_CREDITS"))
        return MigrationRunner::tr("Paused: your LinkUp credits are used up. Top up your "
                                   "credits on LinkUp, then resume (%1).")
            .arg(again);
    if (error.code == QLatin1String("RATE_LIMITED"))
        return MigrationRunner::tr("Paused: LinkUp is limiting this API key (too many requests "
                                   "in a short time). Wait a few minutes, then resume (%1).")
            .arg(again);
    switch (error.kind) {
    case ApiError::Kind::Timeout:
        return MigrationRunner::tr("Paused: the LinkUp server did not answer in time. Check the "
                                   "internet connection, or try again later: resume the run "
                                   "(%1).")
            .arg(again);
    case ApiError::Kind::BadBody:
        return MigrationRunner::tr("Paused: the LinkUp server's answer could not be read (%1). "
                                   "Try again later: resume the run (%2).")
            .arg(error.technicalSummary(), again);
    case ApiError::Kind::Transport:
        return MigrationRunner::tr("Paused: the LinkUp server could not be reached (%1). Check "
                                   "the internet connection, then resume (%2).")
            .arg(error.technicalSummary(), again);
    case ApiError::Kind::Tls:
        return MigrationRunner::tr("Paused: the secure connection to LinkUp failed (%1). Check "
                                   "the server address and any proxy, then resume (%2).")
            .arg(error.technicalSummary(), again);
    case ApiError::Kind::Config:
        return MigrationRunner::tr("Paused: %1 Then resume (%2).").arg(error.userMessage(), again);
    case ApiError::Kind::Aborted:
        return MigrationRunner::tr("Paused: the login was stopped before LinkUp answered. "
                                   "Resume to carry on (%1).")
            .arg(again);
    default:
        return MigrationRunner::tr("Paused: the LinkUp server failed (%1). Try again later: "
                                   "resume the run (%2).")
            .arg(error.technicalSummary(), again);
    }
}

// The API's message, and what the person has to do about a refused token.
QString refusalText(const ApiError &error)
{
    QString text = error.message.trimmed();
    if (text.isEmpty())
        text = error.userMessage();
    static const QRegularExpression saysSo(
        QStringLiteral("re-?authenticate|sign in (to LinkedIn )?again|log in again"),
        QRegularExpression::CaseInsensitiveOption);
    if (saysSo.match(text).hasMatch())
        return text;
    return MigrationRunner::tr("%1 — the account must sign in to LinkedIn again and its new "
                               "token be imported")
        .arg(text);
}

// Server text is stored and shown: should it ever echo the token, only the fingerprint stays.
QString withoutToken(QString text, const QString &token, const QByteArray &hash)
{
    if (!token.isEmpty())
        text.replace(token, tokenFingerprint(hash));
    return text;
}

QString challengeWord(const LoginResult &result)
{
    switch (result.challenge) {
    case LoginResult::Challenge::Code:
        return QStringLiteral("code_challenge");
    case LoginResult::Challenge::App:
        return QStringLiteral("app_challenge");
    case LoginResult::Challenge::None:
        break;
    }
    return result.rawChallenge;
}

} // namespace

void MigrationRunner::scheduleNext(bool afterCall)
{
    // With a call in flight, its answer schedules what follows.
    if (m_runId == 0 || m_call)
        return;
    qint64 delay = 0;
    if (afterCall) {
        delay = QRandomGenerator::global()->bounded(m_minDelayMs, m_maxDelayMs + 1);
    } else if (m_callClock.isValid()) {
        // No pause before the first call of a start or resume, unless the last answer came
        // so recently that calling now would beat the pacing LinkUp asks for.
        delay = qMax<qint64>(0, m_minDelayMs - m_callClock.elapsed());
    }
    m_nextAt = QDateTime::currentDateTimeUtc().addMSecs(delay);
    m_timer->start(int(delay));
}

void MigrationRunner::callNext()
{
    m_nextAt = {};
    if (m_runId == 0 || m_call)
        return;
    const qint64 runId = m_runId;
    const std::optional<MigrationRun> run = m_journal->findRun(runId);
    if (!run || run->state != MigrationRun::State::Running || !ownedHere(*run)) {
        // Changed behind this runner's back (cancelled by another process, say): let go.
        qCInfo(lcSync) << "migration run" << runId << "is no longer this process's to drive";
        stopDriving();
        Q_EMIT progressChanged(runId);
        return;
    }
    const QList<MigrationJournalRow> rows = m_journal->rowsToCall(runId);
    if (rows.isEmpty())
        return finishRun(MigrationRun::State::Running);
    const MigrationJournalRow &row = rows.constFirst();
    const QString token = m_tokens.value(row.tokenHash);
    if (token.isEmpty()) {
        // Cannot happen with a CSV of the run's content; never call with another token.
        pauseForFailure(-1,
            tr("Paused: the token of line %1 is not in the CSV in memory. Open the run's CSV "
               "again, then resume.")
                .arg(row.lineNumber));
        return;
    }
    // Journalled before the request leaves: a kill from here on re-calls this row only.
    if (!m_journal->markCalling(runId, row.index)) {
        pauseForFailure(-1,
            tr("Paused: the migration journal could not be written. Check that the disk is not "
               "full, then resume."));
        return;
    }
    qCInfo(lcSync).noquote() << "migration run" << runId << "line" << row.lineNumber
                             << tokenFingerprint(row.tokenHash) << "calling"
                             << (row.attempts > 0 ? "again" : "");
    ApiCall *call = m_service->importToken(token, row.country);
    m_call = call;
    m_callIndex = row.index;
    m_callClock.start();
    const int index = row.index;
    connect(call, &ApiCall::done, this, [this, call, index] { onCallDone(call, index); });
    Q_EMIT progressChanged(runId);
}

void MigrationRunner::onCallDone(ApiCall *call, int index)
{
    if (call != m_call)
        return;
    m_call = nullptr;
    m_callIndex = -1;
    const qint64 runId = m_runId;
    if (call->state() != ApiCall::State::Aborted) {
        m_callMsTotal += m_callClock.elapsed();
        ++m_callsTimed;
    }
    m_callClock.start(); // from now on: the time since the last answer
    const std::optional<MigrationJournalRow> row = m_journal->row(runId, index);
    if (!row)
        return pauseForFailure(-1, tr("Paused: the migration journal could not be read."));
    const QString token = m_tokens.value(row->tokenHash);

    MigrationJournalRow outcome = *row;
    outcome.credits = call->creditsConsumed();
    if (call->state() == ApiCall::State::Succeeded) {
        const Decoded<LoginResult> result = LoginResult::fromJson(call->data());
        if (!result.ok())
            return pauseForFailure(
                index, pauseReason(ApiError::badBody(result.error), row->lineNumber));
        outcome.accountId = result.value.accountId;
        if (result.value.status == LoginResult::Status::Connected) {
            outcome.status = MigrationJournalRow::Status::Connected;
        } else {
            outcome.status = MigrationJournalRow::Status::CheckpointRequired;
            outcome.challenge = challengeWord(result.value);
        }
    } else {
        const ApiError error = call->error();
        if (!isAboutTheRow(error))
            return pauseForFailure(
                index, withoutToken(pauseReason(error, row->lineNumber), token, row->tokenHash));
        outcome.status = MigrationJournalRow::Status::Failed;
        outcome.errorCode = error.code;
        outcome.errorMessage = withoutToken(refusalText(error), token, row->tokenHash);
    }
    if (!m_journal->finishRow(runId, index, outcome))
        return pauseForFailure(index,
            tr("Paused: the outcome of line %1 could not be written to the migration journal. "
               "Check that the disk is not full, then resume (the line is imported again).")
                .arg(row->lineNumber));
    rememberAccount(outcome);
    qCInfo(lcSync).noquote() << "migration run" << runId << "line" << row->lineNumber
                             << tokenFingerprint(row->tokenHash)
                             << MigrationJournalRow::statusName(outcome.status) << outcome.accountId
                             << outcome.errorCode;
    Q_EMIT rowFinished(runId, index);

    const std::optional<MigrationRun> run = m_journal->findRun(runId);
    const bool running = run && run->state == MigrationRun::State::Running && ownedHere(*run);
    const bool paused = run && run->state == MigrationRun::State::Paused;
    if ((running || paused) && m_journal->rowsToCall(runId).isEmpty())
        return finishRun(run->state);
    if (running)
        scheduleNext(true);
    else if (!paused)
        stopDriving(); // cancelled or taken over elsewhere: nothing more to do here
    Q_EMIT progressChanged(runId);
}

// Shown at once in the sidebar, with what the run knows; the next accounts refresh fills in
// the rest. An account the store already has keeps its details.
void MigrationRunner::rememberAccount(const MigrationJournalRow &outcome)
{
    if (!m_accounts || outcome.accountId.isEmpty() || m_accounts->find(outcome.accountId))
        return;
    Account account;
    account.id = outcome.accountId;
    account.name = outcome.label;
    account.platform = QStringLiteral("linkedin");
    account.country = outcome.country;
    const bool connected = outcome.status == MigrationJournalRow::Status::Connected;
    account.status = connected ? Account::Status::Active : Account::Status::CheckpointRequired;
    account.rawStatus = MigrationJournalRow::statusName(outcome.status);
    account.isActive = connected;
    if (!m_accounts->upsert(account))
        qCWarning(lcSync) << "could not store the migrated account" << outcome.accountId;
}

void MigrationRunner::pauseForFailure(int index, const QString &reason)
{
    const qint64 runId = m_runId;
    if (index >= 0 && !m_journal->markPending(runId, index))
        qCWarning(lcSync) << "migration run" << runId << "row" << index
                          << "could not go back to pending; it is called again on resume";
    m_timer->stop();
    m_nextAt = {};
    // Paused by the person meanwhile: the failure is still the better reason to show.
    const std::optional<MigrationRun> run = m_journal->findRun(runId);
    if (run
        && (run->state == MigrationRun::State::Running
            || run->state == MigrationRun::State::Paused)) {
        MigrationRun next = *run;
        next.state = MigrationRun::State::Paused;
        next.stopReason = reason;
        if (!m_journal->transitionRun(runId, run->state, next))
            qCWarning(lcSync) << "migration run" << runId << "could not be marked paused";
    }
    qCInfo(lcSync).noquote() << "migration run" << runId << "paused:" << reason;
    // The tokens stay: resume() carries on from the row that was not answered.
    Q_EMIT paused(runId, reason);
    Q_EMIT progressChanged(runId);
}

void MigrationRunner::finishRun(MigrationRun::State from)
{
    const qint64 runId = m_runId;
    const std::optional<MigrationRun> run = m_journal->findRun(runId);
    if (run && run->state == from) {
        MigrationRun next = *run;
        next.state = MigrationRun::State::Finished;
        next.stopReason.clear();
        next.finishedAt = QDateTime::currentDateTimeUtc();
        if (!m_journal->transitionRun(runId, from, next))
            qCWarning(lcSync) << "migration run" << runId << "could not be marked finished";
    }
    const MigrationCounts c = m_journal->counts(runId);
    qCInfo(lcSync) << "migration run" << runId << "finished:" << c.connected << "connected,"
                   << c.checkpoint << "checkpoint," << c.failed << "failed," << c.credits
                   << "credits";
    stopDriving();
    Q_EMIT progressChanged(runId);
    Q_EMIT finished(runId);
}

} // namespace ld
