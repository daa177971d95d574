#include "webhooksservice.h"

#include <QJsonArray>
#include <QUrl>
#include <QUrlQuery>

namespace ld {

namespace {

const QString kBase = QStringLiteral("/v2/webhooks");

} // namespace

WebhooksService::WebhooksService(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

QString WebhooksService::idPath(const QString &webhookId, const QString &tail)
{
    // Ids are opaque: encoded so that one can never reach another path.
    QString path
        = kBase + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(webhookId));
    if (!tail.isEmpty())
        path += QLatin1Char('/') + tail;
    return path;
}

QString WebhooksService::streamPath(const QString &webhookId)
{
    return idPath(webhookId, QStringLiteral("stream"));
}

ApiCall *WebhooksService::rest(const QByteArray &method, const QString &path,
    const QJsonObject &body, CallKind kind, const QString &action, const QString &accountId)
{
    ApiRequest request;
    request.method = method;
    request.path = path;
    request.body = body;
    request.kind = kind;
    request.action = action;
    request.accountId = accountId;
    return m_client->send(request);
}

ApiCall *WebhooksService::create(const QString &accountId, const WebhookSettings &settings)
{
    QJsonObject body { { QStringLiteral("account_id"), accountId } };
    if (!settings.url.isEmpty())
        body.insert(QStringLiteral("url"), settings.url);
    if (!settings.events.isEmpty())
        body.insert(QStringLiteral("events"), QJsonArray::fromStringList(settings.events));
    if (settings.enableSignature)
        body.insert(QStringLiteral("enable_signature"), true);
    return rest("POST", kBase, body, CallKind::Write, QStringLiteral("create_webhook"), accountId);
}

ApiError WebhooksService::validate(const WebhookSettings &settings)
{
    const QUrl url(settings.url, QUrl::StrictMode);
    if (!settings.url.isEmpty()
        && (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty()))
        return ApiError::config(
            tr("A custom webhook needs a public https:// address; leave the address empty to "
               "receive events in LinkUp Desk instead."));
    if (settings.url.isEmpty() && settings.enableSignature)
        return ApiError::config(tr("Signing is for custom webhooks only: hosted events are "
                                   "already authenticated by your API key."));
    static const QStringList allowed { QStringLiteral("all"), QStringLiteral("message_received"),
        QStringLiteral("accepted_invitation") };
    for (const QString &event : settings.events)
        if (!allowed.contains(event))
            return ApiError::config(tr("“%1” is not an event LinkUp sends: choose all, "
                                       "message_received or accepted_invitation.")
                                        .arg(event));
    return {};
}

ApiCall *WebhooksService::list(const QString &accountId)
{
    QUrlQuery query;
    if (!accountId.isEmpty())
        query.addQueryItem(QStringLiteral("account_id"), accountId);
    return m_client->get(kBase, query, QStringLiteral("list_webhooks"), accountId);
}

ApiCall *WebhooksService::get(const QString &webhookId)
{
    return m_client->get(idPath(webhookId), {}, QStringLiteral("get_webhook"));
}

ApiCall *WebhooksService::update(const QString &webhookId, const WebhookUpdate &update)
{
    QJsonObject body;
    if (update.url)
        body.insert(QStringLiteral("url"), *update.url);
    if (update.events)
        body.insert(QStringLiteral("events"), QJsonArray::fromStringList(*update.events));
    if (update.isActive)
        body.insert(QStringLiteral("is_active"), *update.isActive);
    return rest("PUT", idPath(webhookId), body, CallKind::Read, QStringLiteral("update_webhook"));
}

ApiCall *WebhooksService::remove(const QString &webhookId)
{
    return rest("DELETE", idPath(webhookId), {}, CallKind::Read, QStringLiteral("delete_webhook"));
}

ApiCall *WebhooksService::start(const QString &webhookId)
{
    return rest("POST", idPath(webhookId, QStringLiteral("start")), {}, CallKind::Read,
        QStringLiteral("start_webhook"));
}

ApiCall *WebhooksService::stop(const QString &webhookId)
{
    return rest("POST", idPath(webhookId, QStringLiteral("stop")), {}, CallKind::Read,
        QStringLiteral("stop_webhook"));
}

ApiCall *WebhooksService::rotateSecret(const QString &webhookId)
{
    return rest("POST", idPath(webhookId, QStringLiteral("rotate-secret")), {}, CallKind::Write,
        QStringLiteral("rotate_webhook_secret"));
}

ApiCall *WebhooksService::disableSignature(const QString &webhookId)
{
    return rest("DELETE", idPath(webhookId, QStringLiteral("secret")), {}, CallKind::Read,
        QStringLiteral("disable_webhook_signature"));
}

ApiCall *WebhooksService::events(
    const QString &webhookId, const QDateTime &since, int limit, const QString &accountId)
{
    QUrlQuery query;
    if (since.isValid())
        query.addQueryItem(QStringLiteral("since"),
            since.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'")));
    query.addQueryItem(QStringLiteral("limit"), QString::number(qBound(1, limit, MaxPollLimit)));
    return m_client->get(idPath(webhookId, QStringLiteral("events")), query,
        QStringLiteral("poll_webhook_events"), accountId);
}

} // namespace ld
