// Routing of SandboxServer: resource paths, the action endpoints' common checks, and the
// SSE streams of hosted webhooks.
#include "sandboxserver_p.h"

#include <QJsonDocument>

namespace ld::sandbox {

Reply SandboxServer::Private::dispatch(const Request &req)
{
    const QString first = req.segments.value(0);
    const QString second = req.segments.value(1);
    const qsizetype n = req.segments.size();
    const bool get = req.method == "GET";
    const bool post = req.method == "POST";
    if (first == QLatin1String("login") && n == 1 && post)
        return handlers::login(state, req);
    if (first == QLatin1String("checkpoint") && n == 1 && post)
        return handlers::checkpoint(state, req);
    if (first == QLatin1String("accounts") && n <= 2 && get)
        return handlers::accounts(state, req);
    if (first == QLatin1String("credits") && n == 1 && get)
        return handlers::credits(state, req);
    if (first == QLatin1String("logs") && n == 1 && get)
        return handlers::logs(state, req);
    if (first == QLatin1String("webhooks"))
        return handlers::webhooks(state, req);
    static const QStringList categories = { QStringLiteral("messages"), QStringLiteral("network"),
        QStringLiteral("profiles"), QStringLiteral("content") };
    if (categories.contains(first) && n == 1 && post)
        return actionEndpoint(first, req);
    const bool known = categories.contains(first)
        || QStringList { QStringLiteral("login"), QStringLiteral("checkpoint"),
               QStringLiteral("accounts"), QStringLiteral("credits"), QStringLiteral("logs") }
               .contains(first);
    // Decision (the contract is silent): a wrong method on a known path is a 405, anything
    // else a 404, both in the V2 envelope with codes of their own.
    if (known && (n == 1 || first == QLatin1String("accounts")))
        return errorReply(405, QStringLiteral("METHOD_NOT_ALLOWED"),
            QStringLiteral("%1 is not allowed on %2")
                .arg(QString::fromLatin1(req.method), req.path),
            first);
    return err::notFound(first, QStringLiteral("NOT_FOUND"),
        QStringLiteral("No such endpoint: %1 %2").arg(QString::fromLatin1(req.method), req.path));
}

Reply SandboxServer::Private::actionEndpoint(const QString &category, const Request &req)
{
    if (!req.jsonObject)
        return err::invalidParams(category, QStringLiteral("request body must be a JSON object"));
    const QJsonValue actionValue = req.json.value(QStringLiteral("action"));
    const QString action = actionValue.toString();
    if (!actionValue.isString() || action.isEmpty())
        return err::invalidParams(category, QStringLiteral("missing required field(s): action"));
    QStringList actions;
    Reply (*handler)(ActionContext &) = nullptr;
    if (category == QLatin1String("messages")) {
        actions = handlers::messageActions();
        handler = handlers::messages;
    } else if (category == QLatin1String("network")) {
        actions = handlers::networkActions();
        handler = handlers::network;
    } else if (category == QLatin1String("profiles")) {
        actions = handlers::profileActions();
        handler = handlers::profiles;
    } else {
        actions = handlers::contentActions();
        handler = handlers::content;
    }
    if (!actions.contains(action))
        return err::invalidAction(action, category);
    const QJsonValue idValue = req.json.value(QStringLiteral("account_id"));
    if (!idValue.isString() || idValue.toString().isEmpty())
        return err::invalidParams(action, QStringLiteral("missing required field(s): account_id"));
    const QJsonValue params = req.json.value(QStringLiteral("params"));
    if (!params.isUndefined() && !params.isNull() && !params.isObject())
        return err::invalidParams(action, QStringLiteral("params must be a JSON object"));
    Account *account = state.account(idValue.toString());
    if (!account)
        return err::invalidAccount(action, idValue.toString());
    if (!account->active)
        return err::accountInactive(action, account->id);
    ActionContext ctx { state, *account, action, Params(params.toObject()) };
    return handler(ctx);
}

void SandboxServer::Private::openStream(
    const Request &req, QHttpServerResponder &&responder, quint64 serial, bool drop)
{
    const QString action = QStringLiteral("stream_webhook");
    const QString webhookId = req.segments.value(1);
    Reply refusal;
    const Webhook *hook = state.webhook(webhookId);
    // The stream authenticates with the api_key query only (§1.2, §9.8).
    if (req.query.queryItemValue(QStringLiteral("api_key"), QUrl::FullyDecoded) != apiKey)
        refusal = err::invalidApiKey(action);
    else if (!hook)
        refusal = err::notFound(action, QStringLiteral("WEBHOOK_NOT_FOUND"),
            QStringLiteral("Webhook '%1' not found").arg(webhookId));
    else if (!hook->hosted())
        refusal = err::invalidParams(action,
            QStringLiteral("the stream is only available for hosted "
                           "webhooks (created without url)"));
    if (refusal.status != 200) {
        writeReply(responder, refusal);
        setStatus(serial, refusal.status);
        return;
    }
    auto *stream = new SseStream(std::move(responder), webhookId);
    stream->setPath(req.path);
    setStatus(serial, 200);
    if (drop) { // DropStreams: accepted, then closed at once
        stream->close();
        return;
    }
    stream->sendEvent("connected",
        QJsonDocument(obj({ { "webhook_id", hook->id }, { "account_id", hook->accountId } }))
            .toJson(QJsonDocument::Compact));
    streams << stream;
}

void SandboxServer::Private::closeStreams(const QString &pathPrefix)
{
    pruneStreams();
    for (const QPointer<SseStream> &s : std::as_const(streams))
        if (s->path().startsWith(pathPrefix))
            s->close();
    pruneStreams();
}

void SandboxServer::Private::closeStreamsOfDeletedWebhooks()
{
    for (const QPointer<SseStream> &s : std::as_const(streams))
        if (!s.isNull() && !state.webhook(s->webhookId()))
            s->close();
    pruneStreams();
}

void SandboxServer::Private::pruneStreams()
{
    streams.removeIf([](const QPointer<SseStream> &s) { return s.isNull() || !s->isOpen(); });
}

void SandboxServer::Private::logRequest(const Request &req, const Reply &reply)
{
    const QJsonObject meta = reply.envelope.value(QStringLiteral("metadata")).toObject();
    QString accountId = req.json.value(QStringLiteral("account_id")).toString();
    if (req.segments.value(0) == QLatin1String("accounts"))
        accountId = req.segments.value(1);
    state.apiLog.append(ApiLogEntry { QDateTime::currentDateTimeUtc(),
        meta.value(QStringLiteral("action")).toString(), accountId,
        QString::fromLatin1(req.method) + QLatin1Char(' ') + req.path, reply.status,
        reply.success ? reply.credits : 0 });
    if (state.apiLog.size() > 1000)
        state.apiLog.removeFirst();
}

} // namespace ld::sandbox
