// webhooks list, create, start, stop, delete (contract §9.2–9.6). Creating or starting a webhook
// turns monitoring on, which costs about 10 credits a day per account: both say so on stderr,
// with the command that stops it.
#include "commands.h"
#include "session.h"
#include "webhookoutput.h"

#include "api/apicall.h"
#include "domain/webhook.h"
#include "services/webhooksservice.h"
#include "support/logging.h"

#include <QJsonArray>

namespace ld::ctl {

namespace {

// Runs one call to its end: ExitOk with its data, or the exit code after the error line.
int await(const Session &session, ApiCall *call, QJsonValue *data)
{
    bool done = false;
    ApiError failure;
    QObject guard; // the connections end with this call
    QObject::connect(call, &ApiCall::finished, &guard, [&] { *data = call->data(); });
    QObject::connect(call, &ApiCall::failed, &guard, [&](const ApiError &e) { failure = e; });
    QObject::connect(call, &ApiCall::done, &guard, [&] { done = true; });
    if (!waitUntil(call, &ApiCall::done, [&] { return done; })) {
        call->abort();
        return fail(QStringLiteral("interrupted"));
    }
    if (failure.isError())
        return session.apiFailure(failure);
    return ExitOk;
}

// `webhooks start|stop|delete ID`: the one webhook ID, or the usage error.
int parseIdArgs(const QStringList &args, const QString &command, QString *webhookId)
{
    CommandArgs parsed;
    QString error;
    if (!parseCommandArgs(args, {}, {}, &parsed, &error))
        return usageError(error);
    if (parsed.positional.size() != 1)
        return usageError(QStringLiteral("%1 needs exactly one webhook ID").arg(command));
    *webhookId = parsed.positional.first();
    return ExitOk;
}

// "--events a,b --events c" → {a, b, c}; none → {"all"}.
QStringList eventFilter(const QStringList &values)
{
    QStringList events;
    for (const QString &value : values)
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
            events.append(part.trimmed());
    events.removeDuplicates();
    return events.isEmpty() ? QStringList { QStringLiteral("all") } : events;
}

// start and stop answer {webhook_id, account_id, monitoring} (§9.6).
int monitoringCall(const GlobalOptions &options, const QStringList &args, bool start)
{
    QString webhookId;
    if (const int rc = parseIdArgs(args,
            start ? QStringLiteral("webhooks start") : QStringLiteral("webhooks stop"), &webhookId))
        return rc;
    Session session(options);
    if (const int rc = session.open())
        return rc;
    WebhooksService service(session.workspace()->client());
    QJsonValue data;
    if (const int rc
        = await(session, start ? service.start(webhookId) : service.stop(webhookId), &data))
        return rc;

    const QJsonObject o = data.toObject();
    const QJsonValue reported = o.value(QStringLiteral("monitoring"));
    const bool monitoring = reported.isBool() ? reported.toBool() : start;
    const QString accountId = o.value(QStringLiteral("account_id")).toString();
    if (options.json) {
        printJson({ { QStringLiteral("webhook_id"), webhookId },
            { QStringLiteral("account_id"), accountId },
            { QStringLiteral("monitoring"), monitoring } });
    } else {
        printLine(QStringLiteral("webhook %1: monitoring %2")
                      .arg(webhookId, monitoring ? QStringLiteral("on") : QStringLiteral("off")));
    }
    if (monitoring)
        printMonitoringCost(accountId, webhookId);
    else
        printInfo(QStringLiteral("monitoring and its billing stop unless another webhook of the "
                                 "account still monitors it; linkupctl webhooks start %1 resumes")
                      .arg(webhookId));
    return ExitOk;
}

} // namespace

int webhooksList(const GlobalOptions &options, const QStringList &args)
{
    CommandArgs parsed;
    QString error;
    if (!parseCommandArgs(args, { QStringLiteral("--account") }, {}, &parsed, &error))
        return usageError(error);
    if (!parsed.positional.isEmpty())
        return usageError(QStringLiteral("unexpected argument %1").arg(parsed.positional.first()));
    const QString accountId = parsed.value(QStringLiteral("--account"));
    if (parsed.has(QStringLiteral("--account")) && accountId.isEmpty())
        return usageError(QStringLiteral("--account needs an account ID"));

    Session session(options);
    if (const int rc = session.open())
        return rc;
    WebhooksService service(session.workspace()->client());
    QJsonValue data;
    if (const int rc = await(session, service.list(accountId), &data))
        return rc;
    const Decoded<QList<Webhook>> decoded = decodeWebhookList(data);
    if (!decoded.ok())
        return session.apiFailure(ApiError::badBody(decoded.error));
    QList<Webhook> webhooks;
    for (const Webhook &w : decoded.value) {
        // The list may not honour the account filter (§9.3 documents none).
        if (accountId.isEmpty() || w.accountId == accountId)
            webhooks.append(w);
    }

    if (options.json) {
        QJsonArray items;
        for (const Webhook &w : webhooks)
            items.append(webhookJson(w));
        printJson({ { QStringLiteral("items"), items },
            { QStringLiteral("total"), int(webhooks.size()) } });
        return ExitOk;
    }
    printWebhookTable(webhooks);
    return ExitOk;
}

int webhooksCreate(const GlobalOptions &options, const QStringList &args)
{
    CommandArgs parsed;
    QString error;
    if (!parseCommandArgs(args,
            { QStringLiteral("--account"), QStringLiteral("--url"), QStringLiteral("--events") },
            { QStringLiteral("--sign") }, &parsed, &error))
        return usageError(error);
    if (!parsed.positional.isEmpty())
        return usageError(QStringLiteral("unexpected argument %1").arg(parsed.positional.first()));
    const QString accountId = parsed.value(QStringLiteral("--account"));
    if (accountId.isEmpty())
        return usageError(QStringLiteral("webhooks create needs --account ID"));
    WebhookSettings settings;
    settings.url = parsed.value(QStringLiteral("--url"));
    settings.events = eventFilter(parsed.all(QStringLiteral("--events")));
    settings.enableSignature = parsed.has(QStringLiteral("--sign"));
    if (const ApiError invalid = WebhooksService::validate(settings); invalid.isError())
        return usageError(invalid.userMessage());

    Session session(options);
    if (const int rc = session.open())
        return rc;
    WebhooksService service(session.workspace()->client());
    QJsonValue data;
    if (const int rc = await(session, service.create(accountId, settings), &data))
        return rc;
    Decoded<Webhook> created = Webhook::fromJson(data);
    if (!created.ok())
        return session.apiFailure(ApiError::badBody(created.error));
    Webhook &w = created.value;
    if (!w.secret.isEmpty())
        logging::registerSecret(w.secret); // printed once below, never logged
    // The create answer may leave out what was asked (§9.2: its fields are partly inferred).
    if (w.accountId.isEmpty())
        w.accountId = accountId;
    if (w.events.isEmpty())
        w.events = settings.events;
    if (w.url.isEmpty())
        w.url = settings.url;

    if (options.json) {
        QJsonObject o = webhookJson(w);
        if (!w.secret.isEmpty())
            o.insert(QStringLiteral("secret"), w.secret);
        printJson(o);
    } else {
        printWebhookFields(w);
    }
    if (!w.secret.isEmpty())
        printInfo(QStringLiteral("keep the signing secret now: it is never shown again "
                                 "(rotating it in LinkUp Desk gives a new one)"));
    else if (settings.enableSignature)
        printInfo(QStringLiteral("signing was asked for but the server returned no secret"));
    printMonitoringCost(w.accountId, w.id);
    return ExitOk;
}

int webhooksStart(const GlobalOptions &options, const QStringList &args)
{
    return monitoringCall(options, args, true);
}

int webhooksStop(const GlobalOptions &options, const QStringList &args)
{
    return monitoringCall(options, args, false);
}

int webhooksDelete(const GlobalOptions &options, const QStringList &args)
{
    QString webhookId;
    if (const int rc = parseIdArgs(args, QStringLiteral("webhooks delete"), &webhookId))
        return rc;
    Session session(options);
    if (const int rc = session.open())
        return rc;
    WebhooksService service(session.workspace()->client());
    QJsonValue data;
    if (const int rc = await(session, service.remove(webhookId), &data))
        return rc;
    if (options.json)
        printJson(
            { { QStringLiteral("webhook_id"), webhookId }, { QStringLiteral("deleted"), true } });
    else
        printLine(QStringLiteral("webhook %1 deleted").arg(webhookId));
    printInfo(QStringLiteral("if it was the account's last active webhook, monitoring and its "
                             "billing stopped"));
    return ExitOk;
}

} // namespace ld::ctl
