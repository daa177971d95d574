// send, outbox list, outbox verify ID, outbox send-again ID: every message goes through the
// profile's persistent Outbox, so the GUI and linkupctl share one exactly-once record. A send
// command makes at most one send request; it never resumes other queued items.
#include "commands.h"
#include "session.h"

#include "store/outboxrepository.h"
#include "sync/outbox.h"

#include <QJsonArray>

namespace ld::ctl {

namespace {

using State = OutboxItem::State;

QJsonObject itemJson(const OutboxItem &item)
{
    QJsonObject json { { QStringLiteral("id"), item.id }, { QStringLiteral("kind"), item.kind },
        { QStringLiteral("state"), OutboxItem::stateName(item.state) },
        { QStringLiteral("account_id"), item.accountId }, { QStringLiteral("to"), item.target },
        { QStringLiteral("conversation_id"), item.conversationId },
        { QStringLiteral("text"), item.payload.value(QStringLiteral("text")) },
        { QStringLiteral("attempts"), item.attempts },
        { QStringLiteral("created_at"), isoTime(item.createdAt) },
        { QStringLiteral("sent_at"), isoTime(item.sentAt) },
        { QStringLiteral("updated_at"), isoTime(item.updatedAt) },
        { QStringLiteral("result_id"), item.resultId } };
    const QString attachment = item.payload.value(QStringLiteral("attachment_path")).toString();
    if (!attachment.isEmpty())
        json.insert(QStringLiteral("attachment"), attachment);
    if (!item.errorCode.isEmpty() || !item.errorMessage.isEmpty())
        json.insert(QStringLiteral("error"),
            QJsonObject { { QStringLiteral("code"), item.errorCode },
                { QStringLiteral("message"), item.errorMessage } });
    return json;
}

// `outbox verify ID`, `outbox send-again ID`: ExitOk with *id set, or the usage error.
int parseMessageId(const QStringList &args, const QString &command, qint64 *id)
{
    CommandArgs parsed;
    QString error;
    if (!parseCommandArgs(args, {}, {}, &parsed, &error))
        return usageError(error);
    bool ok = false;
    if (parsed.positional.size() == 1)
        *id = parsed.positional.first().toLongLong(&ok);
    if (!ok || *id <= 0)
        return usageError(QStringLiteral("%1 needs exactly one message ID").arg(command));
    return ExitOk;
}

// Waits for the item's outcome (for Unknown: the end of its verification), prints it and
// returns the exit code: 0 sent, 1 failed, 3 unknown.
int reportOutcome(const GlobalOptions &options, Workspace *ws, qint64 id)
{
    Outbox *outbox = ws->outbox();
    OutboxRepository *items = ws->outboxItems();
    bool checked = false;
    QString checkProblem;
    QObject guard;
    QObject::connect(
        outbox, &Outbox::verified, &guard, [&](qint64 i, bool) { checked = checked || i == id; });
    QObject::connect(
        outbox, &Outbox::verificationFailed, &guard, [&](qint64 i, const QString &reason) {
            if (i == id) {
                checked = true;
                checkProblem = reason;
            }
        });
    auto settled = [&] {
        const std::optional<OutboxItem> item = items->find(id);
        if (!item)
            return true;
        switch (item->state) {
        case State::Queued:
        case State::Sending:
            return false;
        case State::Unknown:
            return checked;
        case State::Sent:
        case State::Failed:
        case State::Cancelled:
        case State::Refused:
            return true;
        }
        return true;
    };
    const bool waited = waitUntilAny(
        outbox, settled, &Outbox::itemChanged, &Outbox::verified, &Outbox::verificationFailed);
    const std::optional<OutboxItem> item = items->find(id);
    if (!item)
        return fail(QStringLiteral("message %1 is no longer in the outbox").arg(id));
    const QString verifyHint = QStringLiteral("check it with: linkupctl outbox verify %1").arg(id);
    if (!waited) {
        if (item->state != State::Sending)
            return fail(QStringLiteral("interrupted"));
        fail(QStringLiteral("interrupted while message %1 was being sent: its state is unknown; %2")
                 .arg(id)
                 .arg(verifyHint));
        return ExitUnknown;
    }
    if (options.json)
        printJson(itemJson(*item));
    switch (item->state) {
    case State::Sent:
        if (!options.json)
            printLine(QStringLiteral("sent: message %1 to %2").arg(id).arg(item->target));
        return ExitOk;
    case State::Cancelled:
        if (!options.json)
            printLine(QStringLiteral("cancelled: message %1 was not sent").arg(id));
        return ExitOk;
    case State::Failed:
        if (!options.json)
            printLine(QStringLiteral("failed: message %1 was not sent").arg(id));
        return fail(QStringLiteral("%1 To try again: linkupctl outbox send-again %2")
                        .arg(item->errorMessage)
                        .arg(id));
    case State::Refused:
        if (!options.json)
            printLine(QStringLiteral("refused: message %1 was not sent").arg(id));
        return fail(item->errorMessage);
    case State::Unknown:
    case State::Queued:
    case State::Sending:
        break;
    }
    if (!options.json)
        printLine(QStringLiteral("unknown: message %1 may or may not have been sent").arg(id));
    const bool missing
        = item->payload.value(QStringLiteral("verified")).toString() == QLatin1String("missing");
    if (missing)
        fail(QStringLiteral("the state of message %1 is unknown: it is not in the conversation, so "
                            "it was most likely not sent. To send it again: linkupctl outbox "
                            "send-again %1; to %2")
                 .arg(id)
                 .arg(verifyHint));
    else
        fail(QStringLiteral("the state of message %1 is unknown: %2 %3; %4")
                 .arg(id)
                 .arg(item->errorMessage, checkProblem, verifyHint));
    return ExitUnknown;
}

} // namespace

int send(const GlobalOptions &options, const QStringList &args)
{
    CommandArgs parsed;
    QString error;
    if (!parseCommandArgs(args,
            { QStringLiteral("--account"), QStringLiteral("--to"), QStringLiteral("--text"),
                QStringLiteral("--attach") },
            {}, &parsed, &error))
        return usageError(error);
    if (!parsed.positional.isEmpty())
        return usageError(QStringLiteral("unexpected argument %1 (quote the --text)")
                              .arg(parsed.positional.first()));
    OutgoingMessage m;
    m.accountId = parsed.value(QStringLiteral("--account"));
    m.profileUrl = parsed.value(QStringLiteral("--to"));
    m.text = parsed.value(QStringLiteral("--text"));
    m.attachmentPath = parsed.value(QStringLiteral("--attach"));
    if (m.accountId.isEmpty() || m.profileUrl.isEmpty() || !parsed.has(QStringLiteral("--text")))
        return usageError(QStringLiteral("send needs --account ID --to PROFILE_URL --text TEXT"));

    Session session(options);
    if (const int rc = session.open())
        return rc;
    Outbox *outbox = session.workspace()->outbox();
    outbox->setUndoDelayMs(0); // the command line itself is the chance to think again
    QString refusal;
    const qint64 id = outbox->enqueue(m, &refusal);
    if (id == 0)
        return fail(refusal);
    return reportOutcome(options, session.workspace(), id);
}

int outboxList(const GlobalOptions &options, const QStringList &args)
{
    CommandArgs parsed;
    QString error;
    if (!parseCommandArgs(args, { QStringLiteral("--account") }, {}, &parsed, &error))
        return usageError(error);
    if (!parsed.positional.isEmpty())
        return usageError(QStringLiteral("unexpected argument %1").arg(parsed.positional.first()));
    Session session(options);
    if (const int rc = session.open(Session::KeyNeed::None))
        return rc;
    const QString accountId = parsed.value(QStringLiteral("--account"));
    const QList<OutboxItem> all = session.workspace()->outboxItems()->inStates({ State::Queued,
        State::Sending, State::Sent, State::Failed, State::Unknown, State::Cancelled, State::Refused });
    QList<OutboxItem> items;
    for (const OutboxItem &item : all)
        if (accountId.isEmpty() || item.accountId == accountId)
            items << item;
    if (options.json) {
        QJsonArray array;
        for (const OutboxItem &item : items)
            array.append(itemJson(item));
        printJson(
            { { QStringLiteral("items"), array }, { QStringLiteral("total"), int(items.size()) } });
        return ExitOk;
    }
    QList<QStringList> rows { { QStringLiteral("ID"), QStringLiteral("STATE"),
        QStringLiteral("ACCOUNT"), QStringLiteral("TO"), QStringLiteral("TRIES"),
        QStringLiteral("UPDATED"), QStringLiteral("TEXT") } };
    for (const OutboxItem &item : items) {
        rows.append({ QString::number(item.id), OutboxItem::stateName(item.state), item.accountId,
            item.target, QString::number(item.attempts), localTime(item.updatedAt),
            shortened(item.payload.value(QStringLiteral("text")).toString(), 50) });
    }
    printTable(rows);
    return ExitOk;
}

int outboxVerify(const GlobalOptions &options, const QStringList &args)
{
    qint64 id = 0;
    if (const int rc = parseMessageId(args, QStringLiteral("outbox verify"), &id))
        return rc;
    Session session(options);
    if (const int rc = session.open())
        return rc;
    OutboxRepository *items = session.workspace()->outboxItems();
    if (!items->find(id))
        return fail(QStringLiteral("there is no message %1 in the outbox").arg(id));
    session.workspace()->outbox()->verify(id);
    const std::optional<OutboxItem> verified = items->find(id);
    const State state = verified->state;
    if (state == State::Sending) {
        fail(QStringLiteral("message %1 is being sent by another running LinkUp Desk or linkupctl "
                            "right now; check again once it has finished")
                 .arg(id));
        return ExitUnknown;
    }
    if (state == State::Queued) {
        if (options.json)
            printJson(itemJson(*verified));
        else
            printLine(QStringLiteral("queued: message %1 has not been sent yet").arg(id));
        return ExitOk;
    }
    return reportOutcome(options, session.workspace(), id);
}

int outboxSendAgain(const GlobalOptions &options, const QStringList &args)
{
    qint64 id = 0;
    if (const int rc = parseMessageId(args, QStringLiteral("outbox send-again"), &id))
        return rc;
    Session session(options);
    if (const int rc = session.open())
        return rc;
    Outbox *outbox = session.workspace()->outbox();
    const std::optional<OutboxItem> item = session.workspace()->outboxItems()->find(id);
    if (!item)
        return fail(QStringLiteral("there is no message %1 in the outbox").arg(id));
    outbox->setUndoDelayMs(0);
    if (!outbox->sendAgain(id))
        return fail(QStringLiteral("message %1 is %2: only a failed message, or one whose state is "
                                   "unknown, can be sent again")
                        .arg(id)
                        .arg(OutboxItem::stateName(item->state)));
    return reportOutcome(options, session.workspace(), id);
}

} // namespace ld::ctl
