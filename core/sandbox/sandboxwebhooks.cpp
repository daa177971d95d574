// /v2/webhooks: create, list, get, update, delete, start, stop, rotate-secret, secret, events
// (contract §9). The SSE stream itself is served by SandboxServer (it holds the response).
// Custom (url) webhooks are stored and managed, but the sandbox never POSTs to their URL.
#include "sandboxhandlers.h"

#include <QCryptographicHash>

namespace ld::sandbox {

namespace {

constexpr qint64 RetentionSecs = 24 * 3600;

QJsonObject webhookJson(const Webhook &w, const QString &baseUrl)
{
    QJsonObject o = obj({ { "webhook_id", w.id }, { "account_id", w.accountId },
        { "url", w.hosted() ? QJsonValue(QJsonValue::Null) : QJsonValue(w.url) },
        { "mode", w.hosted() ? QStringLiteral("hosted") : QStringLiteral("custom") },
        { "events", QJsonArray::fromStringList(w.events) }, { "is_active", w.isActive },
        { "monitoring", w.monitoring }, { "signature_enabled", w.signatureEnabled },
        { "retry", w.retry }, { "created_at", formatTime(w.createdAt, TimeStyle::Zulu) },
        { "updated_at", formatTime(w.updatedAt, TimeStyle::Zulu) } });
    if (w.hosted()) {
        const QString base = baseUrl + QStringLiteral("/v2/webhooks/") + w.id;
        o.insert(QStringLiteral("stream_url"), base + QStringLiteral("/stream"));
        o.insert(QStringLiteral("events_url"), base + QStringLiteral("/events"));
    }
    return o;
}

QString newSecret(SandboxState &state, const QString &webhookId)
{
    const QByteArray seed = (webhookId + state.nextId(QStringLiteral("5"))).toUtf8();
    return QString::fromLatin1(
        QCryptographicHash::hash(seed, QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// Reads url / events / retry of create and update into `w`; returns the problems.
QString readSettings(Params &p, Webhook &w, bool creating)
{
    if (p.has("url")) {
        const QString url = p.string("url");
        if (!url.startsWith(QLatin1String("https://")) || url.size() < 12)
            p.invalid(QStringLiteral("url must be a public HTTPS URL"));
        else
            w.url = url;
    }
    if (p.has("events") || creating) {
        QStringList events = p.stringList("events");
        static const QStringList allowed = { QStringLiteral("all"),
            QStringLiteral("message_received"), QStringLiteral("accepted_invitation") };
        for (const QString &e : std::as_const(events))
            if (!allowed.contains(e))
                p.invalid(QStringLiteral("events: unknown value '%1' (allowed: all, "
                                         "message_received, accepted_invitation)")
                              .arg(e));
        w.events = events.isEmpty() ? QStringList { QStringLiteral("all") } : events;
    }
    w.retry = p.boolean("retry", w.retry);
    return p.ok() ? QString() : p.message();
}

Reply webhookNotFound(const QString &action, const QString &id)
{
    // Decision: the contract names no code for an unknown webhook; a 404 with a code of
    // its own (clients fall back on the HTTP status for unknown codes, §1.5).
    return err::notFound(action, QStringLiteral("WEBHOOK_NOT_FOUND"),
        QStringLiteral("Webhook '%1' not found").arg(id));
}

Reply create(SandboxState &state, const Request &req)
{
    const QString action = QStringLiteral("create_webhook");
    if (!req.jsonObject)
        return err::invalidParams(action, QStringLiteral("request body must be a JSON object"));
    Params p(req.json);
    Webhook w;
    const QString accountId = p.string("account_id", true);
    const bool sign = p.boolean("enable_signature", false);
    const QString problems = readSettings(p, w, true);
    if (!problems.isEmpty())
        return err::invalidParams(action, problems);
    if (sign && w.hosted())
        return err::invalidParams(action,
            QStringLiteral("enable_signature is for custom webhooks "
                           "(with url) only; hosted streams are "
                           "authenticated by api_key"));
    const Account *account = state.account(accountId);
    if (!account)
        return err::invalidAccount(action, accountId);
    if (!account->active)
        return err::accountInactive(action, accountId);
    if (state.balance < 1) // monitoring needs at least one credit (§9.6)
        return err::insufficientCredits(action, 1, state.balance);
    w.id = state.nextId(QStringLiteral("6789abcdef"));
    w.accountId = accountId;
    w.createdAt = w.updatedAt = QDateTime::currentDateTimeUtc();
    w.signatureEnabled = sign;
    if (sign)
        w.secret = newSecret(state, w.id);
    state.webhooks.push_back(w);
    QJsonObject data = webhookJson(w, req.baseUrl);
    if (sign)
        data.insert(QStringLiteral("secret"), w.secret); // returned once, never by list/get
    return okReply(action, data, 0);
}

Reply pollEvents(SandboxState &state, const Request &req, Webhook &w)
{
    const QString action = QStringLiteral("poll_webhook_events");
    const auto invalid = [&](const QString &m) {
        return errorReply(400, QStringLiteral("INVALID_PARAMS"), m, action, TimeStyle::Micro);
    };
    if (!w.hosted())
        return invalid(
            QStringLiteral("events are only kept for hosted webhooks (created without url)"));
    // `since` and `limit` are documented; integration code's after/count/until are accepted.
    const auto value = [&](const char *key, const char *alias) {
        const QString k = QLatin1String(key);
        return req.query.hasQueryItem(k)
            ? req.query.queryItemValue(k, QUrl::FullyDecoded)
            : req.query.queryItemValue(QLatin1String(alias), QUrl::FullyDecoded);
    };
    const QString sinceText = value("since", "after");
    const QString untilText = value("until", "until");
    const QString limitText = value("limit", "count");
    const QDateTime since = sinceText.isEmpty() ? QDateTime() : parseTime(sinceText);
    const QDateTime until = untilText.isEmpty() ? QDateTime() : parseTime(untilText);
    if ((!sinceText.isEmpty() && !since.isValid()) || (!untilText.isEmpty() && !until.isValid()))
        return invalid(
            QStringLiteral("since/until must be ISO 8601 times such as 2025-01-15T10:30:00Z"));
    bool ok = true;
    const int limit = limitText.isEmpty() ? 50 : limitText.toInt(&ok);
    if (!ok || limit < 1 || limit > 200)
        return invalid(QStringLiteral("limit must be an integer between 1 and 200"));

    QList<StoredEvent> &stored = state.events[w.id];
    const QDateTime now = QDateTime::currentDateTimeUtc();
    stored.removeIf([&](const StoredEvent &e) { return e.createdAt.secsTo(now) > RetentionSecs; });
    QJsonArray items;
    for (const StoredEvent &e : std::as_const(stored)) { // stored in ascending created_at
        if ((since.isValid() && e.createdAt <= since) || (until.isValid() && e.createdAt > until))
            continue;
        if (items.size() >= limit)
            break;
        items.append(obj({ { "event_id", e.eventId }, { "event", e.wrapper },
            { "created_at", isoMillis(e.createdAt) } }));
    }
    return okReply(action, obj({ { "items", items } }), 0, {}, TimeStyle::Micro);
}

} // namespace

namespace handlers {

Reply webhooks(SandboxState &state, const Request &req)
{
    const qsizetype n = req.segments.size();
    const QByteArray &m = req.method;
    if (n == 1 && m == "POST")
        return create(state, req);
    if (n == 1 && m == "GET") {
        // Inferred shape (no page available, §9.3): {items, total}; optional account_id filter.
        const QString only = req.query.queryItemValue(QStringLiteral("account_id"));
        QJsonArray items;
        for (const Webhook &w : state.webhooks)
            if (only.isEmpty() || w.accountId == only)
                items.append(webhookJson(w, req.baseUrl));
        return okReply(QStringLiteral("list_webhooks"),
            obj({ { "items", items }, { "total", items.size() } }), 0);
    }
    const QString id = req.segments.value(1);
    const QString sub = req.segments.value(2);
    static const QHash<QString, QString> actionNames = {
        { QStringLiteral("GET"), QStringLiteral("get_webhook") },
        { QStringLiteral("PUT"), QStringLiteral("update_webhook") },
        { QStringLiteral("DELETE"), QStringLiteral("delete_webhook") },
        { QStringLiteral("POST/start"), QStringLiteral("start_webhook") },
        { QStringLiteral("POST/stop"), QStringLiteral("stop_webhook") },
        { QStringLiteral("POST/rotate-secret"), QStringLiteral("rotate_webhook_secret") },
        { QStringLiteral("DELETE/secret"), QStringLiteral("disable_webhook_signature") },
        { QStringLiteral("GET/events"), QStringLiteral("poll_webhook_events") },
    };
    const QString key
        = QString::fromLatin1(m) + (sub.isEmpty() ? QString() : QLatin1Char('/') + sub);
    const QString action = actionNames.value(key);
    if (n > 3 || action.isEmpty()) {
        static const QStringList subs = { QString(), QStringLiteral("start"),
            QStringLiteral("stop"), QStringLiteral("rotate-secret"), QStringLiteral("secret"),
            QStringLiteral("events"), QStringLiteral("stream") };
        const bool known = n <= 3 && subs.contains(sub);
        return errorReply(known ? 405 : 404,
            known ? QStringLiteral("METHOD_NOT_ALLOWED") : QStringLiteral("NOT_FOUND"),
            QStringLiteral("No such endpoint: %1 %2").arg(QString::fromLatin1(m), req.path),
            QStringLiteral("webhooks"));
    }
    Webhook *w = state.webhook(id);
    if (!w)
        return webhookNotFound(action, id);
    Account *account = state.account(w->accountId);

    if (key == QLatin1String("GET"))
        return okReply(action, webhookJson(*w, req.baseUrl), 0);
    if (key == QLatin1String("GET/events"))
        return pollEvents(state, req, *w);
    if (key == QLatin1String("PUT")) {
        if (!req.jsonObject)
            return err::invalidParams(action, QStringLiteral("request body must be a JSON object"));
        Params p(req.json);
        Webhook changed = *w;
        changed.isActive = p.boolean("is_active", w->isActive); // pauses delivery only
        const QString problems = readSettings(p, changed, false);
        if (!problems.isEmpty())
            return err::invalidParams(action, problems);
        changed.updatedAt = QDateTime::currentDateTimeUtc();
        *w = changed;
        return okReply(action, obj({ { "webhook_id", w->id }, { "updated", true } }), 0);
    }
    if (key == QLatin1String("DELETE")) {
        const QString gone = w->id;
        state.events.remove(gone);
        state.webhooks.erase(state.webhooks.begin() + (w - state.webhooks.data()));
        return okReply(action, obj({ { "webhook_id", gone }, { "deleted", true } }), 0);
    }
    if (key == QLatin1String("POST/start")) {
        if (!account || !account->active)
            return err::accountInactive(action, w->accountId);
        if (state.balance < 1)
            return err::insufficientCredits(action, 1, state.balance);
        w->monitoring = true;
    } else if (key == QLatin1String("POST/stop")) {
        w->monitoring = false; // configuration is kept; /start resumes
    } else {
        if (w->hosted())
            return err::invalidParams(action,
                QStringLiteral("signatures are for custom webhooks "
                               "(with url) only"));
        w->updatedAt = QDateTime::currentDateTimeUtc();
        if (key == QLatin1String("DELETE/secret")) {
            w->signatureEnabled = false;
            w->secret.clear();
            return okReply(
                action, obj({ { "webhook_id", w->id }, { "signature_enabled", false } }), 0);
        }
        w->secret = newSecret(state, w->id); // the old one is invalid at once
        w->signatureEnabled = true;
        return okReply(action,
            obj({ { "webhook_id", w->id }, { "secret", w->secret },
                { "signature_scheme",
                    QStringLiteral("HMAC-SHA256 over '<X-Linkup-Timestamp>.<raw_body>'; "
                                   "compare to X-Linkup-Signature header (format: v1=<hex>)") } }),
            0);
    }
    w->updatedAt = QDateTime::currentDateTimeUtc();
    return okReply(action,
        obj({ { "webhook_id", w->id }, { "account_id", w->accountId },
            { "monitoring", w->monitoring } }),
        0);
}

QList<QPair<QString, QJsonObject>> queueEvent(
    SandboxState &state, const QString &accountId, const QString &type, const QJsonObject &inner)
{
    QList<QPair<QString, QJsonObject>> deliveries;
    Account *account = state.account(accountId);
    if (!account)
        return deliveries;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonObject event = inner;
    event.insert(QStringLiteral("type"), type);
    if (!event.contains(QStringLiteral("timestamp")))
        event.insert(QStringLiteral("timestamp"), formatTime(now, TimeStyle::Zulu));
    const QJsonObject wrapper
        = obj({ { "account_id", account->id }, { "account_name", account->name },
            { "event", event }, { "timestamp", formatTime(now, TimeStyle::Zulu) } });
    // Filter names differ from payload types: message_received <-> "message" (§9.10).
    const QString filter
        = type == QLatin1String("message") ? QStringLiteral("message_received") : type;
    for (const Webhook &w : state.webhooks) {
        if (w.accountId != accountId || !w.hosted() || !w.isActive || !w.monitoring)
            continue;
        if (type != QLatin1String("disconnection") && !w.events.contains(QLatin1String("all"))
            && !w.events.contains(filter))
            continue;
        // created_at is strictly increasing per webhook, so `since` = the newest created_at
        // never skips an event stored in the same millisecond.
        QList<StoredEvent> &stored = state.events[w.id];
        QDateTime at = now;
        if (!stored.isEmpty() && at <= stored.last().createdAt)
            at = stored.last().createdAt.addMSecs(1);
        stored.append(StoredEvent { state.nextId(QStringLiteral("65e")), wrapper, at });
        deliveries.append({ w.id, wrapper });
    }
    applyEvent(state, *account, type, inner);
    return deliveries;
}

} // namespace handlers
} // namespace ld::sandbox
