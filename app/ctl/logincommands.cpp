// login --token-stdin --country CC, login --email E [--country CC], checkpoint --account ID
#include "commands.h"
#include "session.h"

#include "store/accountrepository.h"
#include "sync/connectflow.h"

#include <QRegularExpression>

namespace ld::ctl {

namespace {

using terminal::ReadStatus;

bool isWaiting(ConnectFlow::State s)
{
    using S = ConnectFlow::State;
    return s == S::NeedsCode || s == S::NeedsApproval || s == S::Connected || s == S::Failed
        || s == S::Cancelled;
}

// A secret from stdin: a prompt with echo off on a terminal, else the next line of input.
ReadStatus readSecret(const QString &prompt, QString *value)
{
    if (terminal::stdinIsTty())
        printPrompt(prompt);
    const ReadStatus status = terminal::readLine(value, false);
    *value = value->trimmed();
    return status;
}

void printConnected(const Session &session, const QString &accountId)
{
    const std::optional<Account> account = session.workspace()->accounts()->find(accountId);
    if (session.options().json) {
        printJson({ { QStringLiteral("account_id"), accountId },
            { QStringLiteral("status"), QStringLiteral("connected") },
            { QStringLiteral("account"), account ? account->toJson() : QJsonObject() } });
        return;
    }
    if (account && !account->name.isEmpty())
        printLine(QStringLiteral("connected: %1 (%2)").arg(accountId, account->name));
    else
        printLine(QStringLiteral("connected: %1").arg(accountId));
}

// The checkpoint stays open on the server: say how to finish it later.
int printPending(const Session &session, const QString &accountId, bool code)
{
    if (session.options().json) {
        printJson({ { QStringLiteral("account_id"), accountId },
            { QStringLiteral("status"), QStringLiteral("checkpoint_required") },
            { QStringLiteral("challenge_type"),
                code ? QStringLiteral("code_challenge") : QStringLiteral("app_challenge") } });
    } else if (code) {
        printLine(QStringLiteral("account %1 needs a verification code: run linkupctl checkpoint "
                                 "--account %1 --code CODE")
                      .arg(accountId));
    } else {
        printLine(QStringLiteral("account %1 waits for approval in the LinkedIn app: run "
                                 "linkupctl checkpoint --account %1 once approved")
                      .arg(accountId));
    }
    return ExitOk;
}

// When stdin gave no answer to a checkpoint prompt, the exit code: an interrupt cancels the
// flow, the end of input leaves the checkpoint open (or reports why the last answer failed).
std::optional<int> unanswered(
    const Session &session, ConnectFlow &flow, ReadStatus status, bool retry, bool code)
{
    if (status == ReadStatus::Interrupted) {
        flow.cancel();
        return fail(QStringLiteral("interrupted"));
    }
    if (status == ReadStatus::EndOfInput) {
        if (retry)
            return fail(flow.errorText());
        return printPending(session, flow.accountId(), code);
    }
    return std::nullopt;
}

int flowFailure(const Session &session, const ConnectFlow &flow)
{
    if (flow.lastError().code == QLatin1String("INVALID_API_KEY"))
        return session.apiFailure(flow.lastError());
    return fail(flow.statusText());
}

// Drives the flow to its end, asking stdin for a code or an Enter when LinkedIn wants one.
// Without `interactive` a checkpoint that is still open is an error (linkupctl checkpoint).
int driveFlow(const Session &session, ConnectFlow &flow, bool interactive)
{
    bool instructed = false;
    for (;;) {
        if (!waitUntil(
                &flow, &ConnectFlow::stateChanged, [&] { return isWaiting(flow.state()); })) {
            flow.cancel();
            return fail(QStringLiteral("interrupted"));
        }
        const bool tty = terminal::stdinIsTty();
        const bool retry = flow.lastError().isError();
        switch (flow.state()) {
        case ConnectFlow::State::Connected:
            printConnected(session, flow.accountId());
            return ExitOk;
        case ConnectFlow::State::Failed:
            return flowFailure(session, flow);
        case ConnectFlow::State::Cancelled:
            return fail(QStringLiteral("cancelled"));
        case ConnectFlow::State::NeedsCode: {
            if (!interactive)
                return fail(retry ? flow.errorText() : flow.statusText());
            if (tty) {
                printInfo(flow.statusText());
                printPrompt(QStringLiteral("Verification code: "));
            }
            QString code;
            ReadStatus status = ReadStatus::Ok;
            while ((status = terminal::readLine(&code)) == ReadStatus::Ok
                && code.trimmed().isEmpty()) { }
            if (const std::optional<int> rc = unanswered(session, flow, status, retry, true))
                return *rc;
            flow.submitCode(code.trimmed());
            break;
        }
        case ConnectFlow::State::NeedsApproval: {
            if (!interactive)
                return fail(retry ? flow.errorText() : flow.statusText());
            if (retry || !instructed) {
                QString text = QStringLiteral("Open the LinkedIn app on your phone and approve the "
                                              "sign-in, then press Enter (or run linkupctl "
                                              "checkpoint --account %1 later).")
                                   .arg(flow.accountId());
                if (retry)
                    text.prepend(flow.errorText() + QLatin1Char(' '));
                if (session.options().json)
                    printInfo(text);
                else
                    printLine(text);
                instructed = true;
            }
            QString line;
            const ReadStatus status = terminal::readLine(&line);
            if (const std::optional<int> rc = unanswered(session, flow, status, retry, false))
                return *rc;
            flow.confirmApproval();
            break;
        }
        default:
            break;
        }
    }
}

bool validCountry(QString *country)
{
    static const QRegularExpression twoLetters(QStringLiteral("^[A-Za-z]{2}$"));
    *country = country->toUpper();
    return country->isEmpty() || twoLetters.match(*country).hasMatch();
}

} // namespace

int login(const GlobalOptions &options, const QStringList &args)
{
    CommandArgs parsed;
    QString error;
    if (!parseCommandArgs(args, { QStringLiteral("--email"), QStringLiteral("--country") },
            { QStringLiteral("--token-stdin") }, &parsed, &error))
        return usageError(error);
    if (!parsed.positional.isEmpty())
        return usageError(QStringLiteral("unexpected argument %1 (a V1 token is read from stdin "
                                         "with --token-stdin, never from the command line)")
                              .arg(parsed.positional.first()));
    const bool tokenImport = parsed.has(QStringLiteral("--token-stdin"));
    const QString email = parsed.value(QStringLiteral("--email")).trimmed();
    QString country = parsed.value(QStringLiteral("--country")).trimmed();
    if (tokenImport == !email.isEmpty())
        return usageError(QStringLiteral("login needs either --token-stdin or --email E"));
    if (tokenImport && country.isEmpty())
        return usageError(QStringLiteral("login --token-stdin needs --country CC"));
    if (!validCountry(&country))
        return usageError(QStringLiteral("--country takes a two-letter code such as FR or US"));

    Session session(options);
    if (const int rc = session.open())
        return rc;

    QString secret;
    const ReadStatus status = tokenImport
        ? readSecret(QStringLiteral("V1 login token: "), &secret)
        : readSecret(QStringLiteral("LinkedIn password for %1: ").arg(email), &secret);
    if (status == ReadStatus::Interrupted)
        return fail(QStringLiteral("interrupted"));
    if (secret.isEmpty())
        return usageError(tokenImport ? QStringLiteral("no login token on stdin")
                                      : QStringLiteral("no password on stdin"));

    ConnectFlow flow(session.workspace()->accountsService(), session.workspace()->accounts());
    if (tokenImport)
        flow.startTokenImport(secret, country);
    else
        flow.startLogin(email, secret, country);
    // The request holds its own copy until it is sent; this one is no longer needed.
    secret.fill(QLatin1Char('\0'));
    secret.clear();
    return driveFlow(session, flow, true);
}

int checkpoint(const GlobalOptions &options, const QStringList &args)
{
    CommandArgs parsed;
    QString error;
    if (!parseCommandArgs(
            args, { QStringLiteral("--account"), QStringLiteral("--code") }, {}, &parsed, &error))
        return usageError(error);
    const QString accountId = parsed.value(QStringLiteral("--account")).trimmed();
    if (accountId.isEmpty() || !parsed.positional.isEmpty())
        return usageError(QStringLiteral("checkpoint needs --account ID [--code C]"));

    Session session(options);
    if (const int rc = session.open())
        return rc;
    ConnectFlow flow(session.workspace()->accountsService(), session.workspace()->accounts());
    flow.resumeCheckpoint(accountId, parsed.value(QStringLiteral("--code")).trimmed());
    return driveFlow(session, flow, false);
}

} // namespace ld::ctl
