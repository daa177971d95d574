#pragma once
// Webhooks (contract §9): REST endpoints under /v2/webhooks — create (hosted without url,
// custom with an https url), list, get, update, delete, start, stop, rotate the signing secret,
// disable signing, and poll a hosted webhook's stored events. None of these costs credits, but
// monitoring does (about 10 credits a day per monitored account, §1.9): callers say so before
// they create or start one.
// Retries: start, stop, update, delete and the signature calls are idempotent (the same state
// whatever the number of requests), so they retry like reads; create and rotate-secret do not
// (a second create is a second webhook; a second rotation invalidates the first secret).
#include "api/apiclient.h"

#include <QDateTime>
#include <QStringList>

namespace ld {

struct WebhookSettings
{
    QString url; // empty: hosted (the SSE stream and polling); otherwise https:// only
    QStringList events { QStringLiteral("all") }; // all, message_received, accepted_invitation
    bool enableSignature = false; // custom only
};

struct WebhookUpdate
{
    std::optional<QString> url;
    std::optional<QStringList> events;
    std::optional<bool> isActive; // pauses delivery only: monitoring (and billing) go on
};

class WebhooksService : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxPollLimit = 200;

    explicit WebhooksService(ApiClient *client, QObject *parent = nullptr);

    // A custom url that is not https://, or signing asked for a hosted webhook: a Config error
    // with a sentence for the person. Check before create(); the server refuses them too.
    static ApiError validate(const WebhookSettings &settings);
    ApiCall *create(const QString &accountId, const WebhookSettings &settings);
    ApiCall *list(const QString &accountId = {}); // all webhooks, or one account's
    ApiCall *get(const QString &webhookId);
    ApiCall *update(const QString &webhookId, const WebhookUpdate &update);
    ApiCall *remove(const QString &webhookId);
    ApiCall *start(const QString &webhookId);
    ApiCall *stop(const QString &webhookId);
    ApiCall *rotateSecret(const QString &webhookId);
    ApiCall *disableSignature(const QString &webhookId);
    // Events stored after `since` (exclusive; invalid: the whole 24 h), at most `limit` (1–200).
    // `since` goes out as ISO 8601 UTC with milliseconds and a Z, percent-encoded.
    ApiCall *events(const QString &webhookId, const QDateTime &since, int limit = MaxPollLimit,
        const QString &accountId = {});

    // The stream's URL for a webhook: its stream_url when the server gave one, else built from
    // the base URL. It carries the API key in its query (§9.8): never log it.
    static QString streamPath(const QString &webhookId);

private:
    ApiCall *rest(const QByteArray &method, const QString &path, const QJsonObject &body,
        CallKind kind, const QString &action, const QString &accountId = {});
    static QString idPath(const QString &webhookId, const QString &tail = {});

    ApiClient *m_client;
};

} // namespace ld
