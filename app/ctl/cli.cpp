#include "cli.h"

#include "commands.h"
#include "version.h"

#include <QJsonDocument>

#include <cstdio>

namespace ld::ctl {

namespace {

const char *const helpText = R"(Usage: linkupctl [GLOBAL OPTIONS] COMMAND [OPTIONS]

The command-line companion of LinkUp Desk, for the LinkUp V2 API.

Global options (before the command):
  --base-url URL     API base URL for this run (https://, or http:// to loopback only)
  --profile DIR      profile directory (database, settings, logs); created if missing
  --json             machine-readable JSON output
  --version          print the version and exit
  --help             print this help and exit

Commands:
  accounts list                       list the connected LinkedIn accounts
  accounts show ID                    every field the API reports for one account
  login --token-stdin --country CC    import a V1 login_token read from stdin
  login --email E [--country CC]      fresh login; the password is read from stdin or a
                                      prompt, then the 2FA checkpoint if LinkedIn asks
  checkpoint --account ID [--code C]  complete a pending checkpoint (code, or app approval)
  credits                             credits spent per account and action (from the
                                      profile's ledger), and the balance when available
  sandbox --port N [--api-key K]      run the local sandbox server on 127.0.0.1 until
                                      SIGINT/SIGTERM (port 0: any free port)
  inbox list --account ID [--unread] [--limit N]
                                      refresh and list the newest conversations (costs
                                      1 credit per 10 conversations)
  conversation show CONVERSATION_ID --account ID
                                      the whole history of one conversation
  send --account ID --to PROFILE_URL --text TEXT [--attach FILE]
                                      send one message through the outbox: exactly one
                                      send request; prints sent, failed or unknown
  outbox list [--account ID]          the messages of the outbox and their states
  outbox verify ID                    look for a message whose state is unknown in its
                                      conversation (sends nothing)
  outbox send-again ID                send a failed or unknown message once more
  post --account ID --text TEXT [--image FILE [--alt TEXT]]... [--video FILE]
       [--company URL] [--json]
                                      publish one post (as the company page with --company)
                                      through the profile's drafts: exactly one create
                                      request; text over 3,000 characters, an empty post or
                                      an unreadable or oversized file is refused (exit 2)
                                      before anything is sent; prints the post URL, or
                                      failed, or unknown (exit 3: check LinkedIn first)
  drafts list [--account ID] [--json] the drafts, scheduled posts (local time) and posts
                                      that failed or whose outcome is unknown
  profiles search --account ID [--keyword K] [--location L ...] [--title T]
                  [--company C] [--network F|S|O ...] [--count N]
                                      search people on LinkedIn
  invitations list --account ID [--sent]
                                      refresh (every page) and list the pending invitations
                                      received, or sent
  invitations accept --account ID [--delay MIN-MAX] INVITATION_URN...
  invitations decline --account ID [--delay MIN-MAX] INVITATION_URN...
                                      answer invitations with the shared secret kept in
                                      the profile; one outcome per URN
  invitations withdraw --account ID --older-than DAYS [--dry-run] [--delay MIN-MAX]
                                      withdraw the sent invitations more than DAYS days old;
                                      --dry-run lists them with their cost, sends nothing
  invite --account ID --to PROFILE_URL [--note TEXT]
                                      one invitation, after the profile URL, note length,
                                      duplicate and safety cap checks
  connections list --account ID       refresh (every page) and list the connections
  sse-parse                           read a text/event-stream on stdin until EOF and print
                                      one JSON line per event ({"type","data","lastEventId"})
                                      and per retry field ({"retry"}); no profile, no network
  webhooks list [--account ID]        the webhooks, with their mode, events filter, delivery
                                      (is_active) and monitoring
  webhooks create --account ID [--url HTTPS_URL] [--events all|message_received|
                  accepted_invitation ...] [--sign]
                                      hosted without --url (stream and polling), custom with
                                      it; --sign (custom only) prints the signing secret once
  webhooks start ID | stop ID | delete ID
                                      turn monitoring on or off, or delete the webhook
  events tail --account ID            make sure the account has a hosted webhook that is
                                      monitoring, then print each of its events once as one
                                      JSON line ({account_id, account_name, event, timestamp,
                                      event_id when known}) until SIGINT/SIGTERM (exit 0);
                                      a later run continues where this one stopped

  migrate CSV --out RESULTS.csv [--min-delay S] [--max-delay S]
                                      import the V1 login_tokens of CSV (columns login_token,
                                      country, optional label) with POST /v2/login, one row
                                      at a time, a random 0.5-2 s apart (--min-delay and
                                      --max-delay narrow it); progress on stderr; RESULTS.csv
                                      rewritten after each row, one row per input row.
                                      Ctrl+C pauses (exit 130); the same command resumes. Exit 1
                                      when any row failed
  convert-v1 [FILE] [--json] [--list]
                                      read a V1 request (FILE or stdin: "POST /v1/..." and
                                      its JSON body, or {"method", "path", "body"}) and print
                                      the V2 request, with a "#" line per change to know of;
                                      a login_token that a migration imported becomes its
                                      account_id. --list: the V1 endpoints it knows

Monitoring an account (webhooks create, webhooks start, events tail) costs about 10 credits
a day until it is stopped with linkupctl webhooks stop ID (or delete).

Network writes go through the profile's invitation queue, paced and under the safety caps
set in LinkUp Desk's Settings; --delay MIN-MAX sets this run's random pause between two
requests in milliseconds (e.g. 2000-6000, or 0 for none). Each input gets one outcome:
done, refused, failed, unknown or cancelled. Ctrl+C cancels the ones not sent yet; a
command run again after a kill continues the items its killed run never sent.

The API key comes from the LINKUP_API_KEY environment variable, else from the keychain
entry that LinkUp Desk saves from its Settings page.
LINKUPCTL_VERBOSE=1 prints the (redacted) log on stderr.
Exit status: 0 on success, 1 on an error (also when any input was refused, failed or
cancelled), 2 on a usage error, 3 when a message, a post or a network write may or may not
have taken effect (see outbox verify; invitations list and connections list show the result;
a post is checked on LinkedIn, then confirmed in LinkUp Desk's Posts page).
)";

void writeTo(FILE *stream, const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

// Takes "--name value" or "--name=value" at args[*i]; false when it is not option `name`.
bool takeValue(const QStringList &args, int *i, const QString &name, QString *value, QString *error)
{
    const QString &arg = args.at(*i);
    if (arg.startsWith(name + QLatin1Char('='))) {
        *value = arg.mid(name.size() + 1);
        return true;
    }
    if (arg != name)
        return false;
    if (*i + 1 >= args.size()) {
        *error = QStringLiteral("%1 needs a value").arg(name);
        return true;
    }
    *value = args.at(++*i);
    return true;
}

} // namespace

bool parseCommandArgs(const QStringList &args, const QStringList &valueOptions,
    const QStringList &flagOptions, CommandArgs *out, QString *error)
{
    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (!arg.startsWith(QLatin1String("--"))) {
            out->positional.append(arg);
            continue;
        }
        if (flagOptions.contains(arg)) {
            out->flags.insert(arg);
            continue;
        }
        bool known = false;
        for (const QString &name : valueOptions) {
            QString value;
            if (takeValue(args, &i, name, &value, error)) {
                if (!error->isEmpty())
                    return false;
                out->values.insert(name, value);
                out->repeated[name].append(value);
                known = true;
                break;
            }
        }
        if (!known) {
            static const QStringList globals = { QStringLiteral("--json"),
                QStringLiteral("--profile"), QStringLiteral("--base-url") };
            const QString name = arg.section(QLatin1Char('='), 0, 0);
            *error = globals.contains(name)
                ? QStringLiteral("%1 is a global option: put it before the command").arg(name)
                : QStringLiteral("unknown option %1").arg(name);
            return false;
        }
    }
    return true;
}

void printLine(const QString &line)
{
    writeTo(stdout, line);
}

void printJson(const QJsonObject &object)
{
    printLine(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

void printInfo(const QString &line)
{
    writeTo(stderr, line);
}

void printPrompt(const QString &prompt)
{
    const QByteArray bytes = prompt.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

QString oneLine(const QString &text)
{
    return text.simplified();
}

QString shortened(const QString &text, int max)
{
    const QString line = oneLine(text);
    return line.size() <= max ? line : line.left(max - 1) + QChar(0x2026);
}

QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString localTime(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

void printTable(const QList<QStringList> &rows)
{
    QList<int> widths;
    for (const QStringList &row : rows) {
        for (int c = 0; c < row.size(); ++c) {
            if (widths.size() <= c)
                widths.append(0);
            widths[c] = qMax(widths[c], int(row.at(c).size()));
        }
    }
    for (const QStringList &row : rows) {
        QString line;
        for (int c = 0; c < row.size(); ++c)
            line += c + 1 < row.size() ? row.at(c).leftJustified(widths[c] + 2) : row.at(c);
        printLine(line);
    }
}

int fail(const QString &message)
{
    writeTo(stderr, QStringLiteral("linkupctl: ") + oneLine(message));
    return ExitError;
}

int usageError(const QString &message)
{
    writeTo(stderr, QStringLiteral("linkupctl: %1 (see linkupctl --help)").arg(oneLine(message)));
    return ExitUsage;
}

int run(const QStringList &arguments)
{
    GlobalOptions options;
    int i = 1;
    for (; i < arguments.size() && arguments.at(i).startsWith(QLatin1Char('-')); ++i) {
        const QString &arg = arguments.at(i);
        QString error;
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            std::fputs(helpText, stdout);
            std::fflush(stdout);
            return ExitOk;
        }
        if (arg == QLatin1String("--version")) {
            printLine(QStringLiteral("linkupctl %1").arg(QStringLiteral(LD_VERSION)));
            return ExitOk;
        }
        if (arg == QLatin1String("--json")) {
            options.json = true;
            continue;
        }
        if (takeValue(arguments, &i, QStringLiteral("--base-url"), &options.baseUrl, &error)
            || takeValue(arguments, &i, QStringLiteral("--profile"), &options.profileDir, &error)) {
            if (!error.isEmpty())
                return usageError(error);
            continue;
        }
        return usageError(QStringLiteral("unknown option %1").arg(arg));
    }
    if (i >= arguments.size())
        return usageError(QStringLiteral("no command given"));

    const QString command = arguments.at(i);
    const QStringList rest = arguments.mid(i + 1);
    if (command == QLatin1String("accounts")) {
        const QString sub = rest.value(0);
        if (sub == QLatin1String("list"))
            return accountsList(options, rest.mid(1));
        if (sub == QLatin1String("show"))
            return accountsShow(options, rest.mid(1));
        return usageError(sub.isEmpty() ? QStringLiteral("accounts needs list or show")
                                        : QStringLiteral("unknown accounts command %1").arg(sub));
    }
    if (command == QLatin1String("login"))
        return login(options, rest);
    if (command == QLatin1String("checkpoint"))
        return checkpoint(options, rest);
    if (command == QLatin1String("credits"))
        return credits(options, rest);
    if (command == QLatin1String("sandbox"))
        return sandbox(options, rest);
    const QString sub = rest.value(0);
    if (command == QLatin1String("inbox")) {
        if (sub == QLatin1String("list"))
            return inboxList(options, rest.mid(1));
        return usageError(QStringLiteral("inbox needs list"));
    }
    if (command == QLatin1String("conversation")) {
        if (sub == QLatin1String("show"))
            return conversationShow(options, rest.mid(1));
        return usageError(QStringLiteral("conversation needs show"));
    }
    if (command == QLatin1String("send"))
        return send(options, rest);
    if (command == QLatin1String("outbox")) {
        if (sub == QLatin1String("list"))
            return outboxList(options, rest.mid(1));
        if (sub == QLatin1String("verify"))
            return outboxVerify(options, rest.mid(1));
        if (sub == QLatin1String("send-again"))
            return outboxSendAgain(options, rest.mid(1));
        return usageError(QStringLiteral("outbox needs list, verify or send-again"));
    }
    if (command == QLatin1String("post"))
        return post(options, rest);
    if (command == QLatin1String("drafts")) {
        if (sub == QLatin1String("list"))
            return draftsList(options, rest.mid(1));
        return usageError(QStringLiteral("drafts needs list"));
    }
    if (command == QLatin1String("profiles")) {
        if (sub == QLatin1String("search"))
            return profilesSearch(options, rest.mid(1));
        return usageError(QStringLiteral("profiles needs search"));
    }
    if (command == QLatin1String("invitations")) {
        if (sub == QLatin1String("list"))
            return invitationsList(options, rest.mid(1));
        if (sub == QLatin1String("accept"))
            return invitationsAccept(options, rest.mid(1));
        if (sub == QLatin1String("decline"))
            return invitationsDecline(options, rest.mid(1));
        if (sub == QLatin1String("withdraw"))
            return invitationsWithdraw(options, rest.mid(1));
        return usageError(QStringLiteral("invitations needs list, accept, decline or withdraw"));
    }
    if (command == QLatin1String("invite"))
        return invite(options, rest);
    if (command == QLatin1String("connections")) {
        if (sub == QLatin1String("list"))
            return connectionsList(options, rest.mid(1));
        return usageError(QStringLiteral("connections needs list"));
    }
    if (command == QLatin1String("sse-parse"))
        return sseParse(rest);
    if (command == QLatin1String("webhooks")) {
        if (sub == QLatin1String("list"))
            return webhooksList(options, rest.mid(1));
        if (sub == QLatin1String("create"))
            return webhooksCreate(options, rest.mid(1));
        if (sub == QLatin1String("start"))
            return webhooksStart(options, rest.mid(1));
        if (sub == QLatin1String("stop"))
            return webhooksStop(options, rest.mid(1));
        if (sub == QLatin1String("delete"))
            return webhooksDelete(options, rest.mid(1));
        return usageError(QStringLiteral("webhooks needs list, create, start, stop or delete"));
    }
    if (command == QLatin1String("events")) {
        if (sub == QLatin1String("tail"))
            return eventsTail(options, rest.mid(1));
        return usageError(QStringLiteral("events needs tail"));
    }
    if (command == QLatin1String("convert-v1"))
        return convertV1(options, rest);
    if (command == QLatin1String("migrate"))
        return migrate(options, rest);
    if (command == QLatin1String("help")) {
        std::fputs(helpText, stdout);
        std::fflush(stdout);
        return ExitOk;
    }
    return usageError(QStringLiteral("unknown command %1").arg(command));
}

} // namespace ld::ctl
